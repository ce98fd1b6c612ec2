# translate-flow — `make demo` and `make test` work on a fresh machine with Python 3.11.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
UV_VERSION := 0.13.9

# The Debian programs the tests and the demo drive for real.
DEBIAN_PACKAGES := gettext libunistring2 apertium apertium-rus-ukr po4a chromium \
  libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core poppler-utils

.PHONY: demo test install system-deps system-check lock ui-catalogs bench clean

# Python packages only from the hash lock: the same versions on every machine.
$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --require-hashes --no-deps -r requirements.lock
	$(BIN)/pip install --quiet --no-deps --no-build-isolation --no-index -e .
	touch $(STAMP)

install: $(STAMP)

# `make lock` after a change to the dependencies in pyproject.toml; commit requirements.lock.
lock:
	$(PYTHON) -m venv $(VENV)-lock
	$(VENV)-lock/bin/pip install --quiet uv==$(UV_VERSION)
	echo "setuptools>=68" | $(VENV)-lock/bin/uv pip compile --quiet --universal --generate-hashes \
	  --python-version 3.11 --extra test -o requirements.lock pyproject.toml -
	rm -rf $(VENV)-lock

system-deps:
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $(DEBIAN_PACKAGES) >/dev/null

# Installs what is missing when it can (root with apt-get); otherwise one line naming it.
system-check:
	@missing=$$(for p in $(DEBIAN_PACKAGES); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null \
	  | grep -q 'install ok installed' || echo $$p; done | tr '\n' ' '); \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then $(MAKE) --no-print-directory system-deps; \
	  else echo "Missing Debian packages: $$missing— install them with: sudo make system-deps"; exit 1; fi; \
	fi

demo: $(STAMP)
	@$(MAKE) --no-print-directory system-check \
	  || echo "Without them: no offline machine drafts this time."
	$(BIN)/tflow run
	@echo
	@echo "Editions: $(CURDIR)/editions/index.html, drafts: $(CURDIR)/drafts/index.html"

test: $(STAMP) system-check
	$(BIN)/mypy
	$(BIN)/pytest

# The interface strings (ui/): extract from the code and templates, merge into uk and ru.
ui-catalogs: $(STAMP)
	$(BIN)/pybabel -q extract -F babel.cfg -k tr:2 -k ntr:2,3 -k Message -k plural_message:1,2 --project translate-flow \
	  --no-wrap --sort-by-file -o src/translate_flow/ui/messages.pot .
	for lang in uk ru; do $(BIN)/pybabel -q update --previous --no-wrap -D messages -l $$lang \
	  -i src/translate_flow/ui/messages.pot -d src/translate_flow/ui/locales; done

bench: $(STAMP)
	for script in bench/*.py; do $(BIN)/python $$script || exit 1; done

clean:
	rm -rf $(VENV) .tflow editions drafts .pytest_cache .mypy_cache .hypothesis
