# translate-flow — `make demo` and `make test` work on a fresh machine with Python 3.11.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

DEBIAN_PACKAGES := gettext apertium apertium-rus-ukr po4a chromium

.PHONY: demo test install system-deps bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

system-deps:
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $(DEBIAN_PACKAGES) >/dev/null

demo: $(STAMP)
	@command -v apertium >/dev/null || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null && $(MAKE) system-deps; } \
	  || echo "Apertium is not installed (make system-deps as root): no offline machine drafts this time."
	$(BIN)/tflow run
	@echo
	@echo "Editions: $(CURDIR)/editions/index.html"

test: $(STAMP)
	$(BIN)/mypy
	$(BIN)/pytest

bench: $(STAMP)
	for script in bench/*.py; do $(BIN)/python $$script || exit 1; done

clean:
	rm -rf $(VENV) .tflow editions .pytest_cache .mypy_cache .hypothesis
