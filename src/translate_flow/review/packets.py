"""Review packets: a person's pending entries as a PO file to work on offline, and back.

`export` writes `review/outbox/<name>/<slug>.<lang>.po`, one per statement and
language, holding only that person's pending entries. Everything a reviewer
needs rides in extracted comments (``#.``), which Poedit, Lokalize and polib
keep: the paragraphs before and after, the machine provenance, glossary
terms, check problems, and a ``tflow-fingerprint`` line recording the entry's
catalog state at export. The translator comment (``#``) is left free for the
person; a line ``approve`` there approves the entry, a line ``override: why``
accepts its error-level check problems, and any other text is their comment.
An edit left fuzzy comes back as the person's suggestion (a fuzzy draft).

`import_packets` turns returned packets (or the web sheet's JSON decision
files) into `Decision`s and applies them through `apply_decisions`, which
refuses anything that changed since the export.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

import polib

from .. import catalog, checks
from ..catalog import State
from ..catalog.template import timestamp
from ..checks.catalogs import entry_pair
from ..errors import CatalogError, ReviewError
from ..glossary import Glossary
from ..project import Project
from ..text import mark_words
from .decisions import ApplyReport, Decision, apply_decisions
from .. import ui
from ..ui.choice import reader_language
from .people import Person, load_people
from .routing import REVIEWER, Task, queue

OUTBOX = Path("review") / "outbox"
MARKER = "tflow-fingerprint:"
APPROVE = "approve"
OVERRIDE = "override:"
PERSON_HEADER = "X-Tflow-Person"
STATEMENT_HEADER = "X-Tflow-Statement"
LANGUAGE_HEADER = "X-Tflow-Language"
EXPORTED_HEADER = "X-Tflow-Exported"
JSON_KIND = "tflow-decisions"
CONTEXT_CHARS = 240
_DECISION_FIELDS = ("slug", "lang", "msgid", "fingerprint", "msgstr", "approve", "person",
                    "override", "comment", "suggest")

def _instructions(reader: str, person: str, lang: str, slug: str, exported: str) -> str:
    """The packet's header comment in the `reader`'s language; the words "approve" and
    "override:" stay English in every language, because the import reads them."""
    return ui.Message(
        "Review packet for %(person)s: the %(language)s (%(lang)s) translation of %(slug)s.\n"
        "Exported %(exported)s by translate-flow. Open it in Poedit or any PO editor.\n"
        "\n"
        "Translate: fill the empty entries; correct machine drafts (fuzzy, \"Needs work\")\n"
        "  and clear the fuzzy flag when the text is right.\n"
        "Review: entries waiting for approval are marked fuzzy. Clear the flag to approve\n"
        "  the text as it is, or correct it (a correction needs another reviewer).\n"
        "  A line \"approve\" in an entry's translator comment approves it too.\n"
        "An edit you leave fuzzy is kept as your suggestion (\"needs work\"). Anything else\n"
        "  you write in an entry's translator comment is kept as your comment on it: ask\n"
        "  questions there. A \"check error\" needs a line \"override: <why it is right>\"\n"
        "  before the entry can be accepted or approved.\n"
        "Keep the \"#.\" lines: their tflow-fingerprint tells whether the catalog changed\n"
        "since this export.\n"
        "Send the saved file back; an editor runs: tflow review import FILE",
        person=person, language=ui.Language(lang), lang=lang, slug=slug, exported=exported,
    ).render(reader)


def outbox(project: Project, person: str) -> Path:
    return project.root / OUTBOX / person


def _short(text: str) -> str:
    flat = " ".join(text.split())
    if len(flat) <= CONTEXT_CHARS:
        return flat
    return flat[: CONTEXT_CHARS].rsplit(" ", 1)[0] + " …"


def _glossary_lines(glossary: Glossary, entry: polib.POEntry, source: str, target: str,
                    reader: str) -> list[str]:
    lines = []
    for term in glossary.terms_in(entry.msgid, source):
        wanted = term.text(target)
        line = ui.tr(reader, "glossary: %(term)s", term=term.text(source))
        if wanted:
            line += f" → {wanted}"
        if term.dnt:
            line += " " + ui.tr(reader, "(keep as written)")
        forbidden = term.forbidden_for(target)
        if forbidden:
            line += "; " + ui.tr(reader, "never: %(words)s", words=", ".join(forbidden))
        if term.note:
            line += f"; {term.note}"
        lines.append(line)
    return lines


def _problem_lines(entry: polib.POEntry, source: str, target: str, glossary: Glossary,
                   settings: checks.CheckSettings, reader: str) -> list[str]:
    """``check error numbers: …``, the problem said in the `reader`'s language."""
    if not entry.msgstr:
        return []
    pair = entry_pair(entry, source, target, glossary, settings)
    return [f"check {p.severity} {p.check}: {p.message.render(reader)}" for p in checks.run(pair)]


def _defect_lines(entry: polib.POEntry, reader: str) -> list[str]:
    """The draft with the words the engine did not know marked ⟨so⟩, its guessed senses, its quality."""
    if catalog.state(entry) is not State.DRAFT:
        return []
    report = catalog.draft_report(entry)
    lines = []
    if report.weak and report.quality is not None:
        lines.append(ui.tr(reader, "weak draft: quality %(quality)s; expect a heavy edit",
                           quality=format(report.quality, ".2f")))
    labels = (ui.tr(reader, "unknown words marked: %(text)s"), ui.tr(reader, "guessed senses marked: %(text)s"))
    for label, marked in zip(labels, (report.defects, report.guessed)):
        pieces = mark_words(entry.msgstr, marked)
        if any(flagged for _, flagged in pieces):
            shown = "".join(f"⟨{piece}⟩" if flagged else piece for piece, flagged in pieces)
            lines.append(label % {"text": " ".join(shown.split())})
    for item in report.ambiguous:
        lines.append(ui.tr(reader, "sense guessed: «%(draft)s» for «%(source)s»; it can also be %(others)s",
                           draft=item.draft, source=item.source,
                           others=" / ".join(f"«{other}»" for other in item.others)))
    return lines


def _marker(entry: polib.POEntry) -> str:
    current = catalog.state(entry)
    return f"{MARKER} {catalog.fingerprint(entry)} {current.value} {catalog.msgstr_hash(entry.msgstr)}"


def _annotate(entry: polib.POEntry, task: Task, before: str | None, after: str | None,
              extra: list[str], reader: str) -> None:
    """Turn a catalog entry into its packet form: comments for the person, marker last."""
    lines = [line for line in (entry.comment or "").split("\n") if line]
    if task.role == REVIEWER:
        who = catalog.authorship(entry)
        lines.append(ui.tr(reader, "task: review (translated by %(person)s %(day)s)",
                           person=who.person, day=who.day) if who else
                     ui.tr(reader, "task: review (nobody is on record as its translator; approving it "
                                   "makes you its translator, and another reviewer approves it)"))
    else:
        lines.append(ui.tr(reader, "task: translate (%(state)s)", state=task.state.value))
    if before is not None:
        lines.append(ui.tr(reader, "before: %(text)s", text=_short(before)))
    if after is not None:
        lines.append(ui.tr(reader, "after: %(text)s", text=_short(after)))
    # The machine provenance, the old translation of a changed source (`previous:`)
    # and any free comment, in their order; who translated and approved is above.
    lines += [line for line in (entry.tcomment or "").split("\n")
              if line.strip() and not line.startswith(("translated:", "approved:"))]
    lines += extra
    lines.append(_marker(entry))
    entry.comment = "\n".join(lines)
    entry.tcomment = ""
    if task.role == REVIEWER and "fuzzy" not in entry.flags:
        entry.flags.insert(0, "fuzzy")


def _packet(project: Project, person: Person, slug: str, lang: str, tasks: list[Task],
            glossary: Glossary, settings: checks.CheckSettings, exported: str) -> polib.POFile:
    path = project.catalog_path(slug, lang)
    po = catalog.read(path, display=project.relative(path))
    source = po.metadata.get("X-Source-Language", project.config.source_language)
    wanted = {task.msgid: task for task in tasks}
    live = [entry for entry in po if not entry.obsolete]
    keep = []
    for index, entry in enumerate(live):
        task = wanted.get(entry.msgid)
        if task is None:
            continue
        reader = reader_language(person)
        extra = _defect_lines(entry, reader)
        extra += _glossary_lines(glossary, entry, source, lang, reader)
        extra += _problem_lines(entry, source, lang, glossary, settings, reader)
        before = live[index - 1].msgid if index > 0 else None
        after = live[index + 1].msgid if index + 1 < len(live) else None
        keep.append((catalog.weak_first(entry), entry, task, before, after, extra))
    keep.sort(key=lambda item: item[0])  # weak drafts first, weakest first; the rest in order
    reader = reader_language(person)
    for _, entry, task, before, after, extra in keep:
        _annotate(entry, task, before, after, extra, reader)
    po[:] = [item[1] for item in keep]
    po.header = _instructions(reader_language(person), person.name, lang, slug, exported)
    po.metadata["Last-Translator"] = person.address
    po.metadata[PERSON_HEADER] = person.name
    po.metadata[STATEMENT_HEADER] = slug
    po.metadata[LANGUAGE_HEADER] = lang
    po.metadata[EXPORTED_HEADER] = exported
    return po


def build(project: Project, person: str | None = None) -> dict[str, list[tuple[Path, polib.POFile]]]:
    """Each person's (or `person`'s) packets, in memory: where each goes, and its catalog."""
    people = load_people(project.config)
    glossary = Glossary.load(project.config.glossary_path)
    settings = checks.load_settings(project.config)
    exported = timestamp()
    built: dict[str, list[tuple[Path, polib.POFile]]] = {}
    for worklist in queue(project, person):
        folder = outbox(project, worklist.person)
        made = built.setdefault(worklist.person, [])
        for slug, lang in worklist.units:
            tasks = [t for t in worklist.tasks if (t.slug, t.lang) == (slug, lang)]
            made.append((folder / f"{slug}.{lang}.po",
                         _packet(project, people[worklist.person], slug, lang, tasks, glossary,
                                 settings, exported)))
    return built


def export(project: Project, person: str | None = None) -> list[Path]:
    """Write each person's (or `person`'s) packets to the outbox; return their paths.

    Packets that no longer have work (the entries were done meanwhile) are
    removed from the person's outbox, so the outbox always matches the queue.
    """
    written: list[Path] = []
    for name, packets in build(project, person).items():
        made = [target for target, _ in packets]
        for target, packet in packets:
            catalog.write(packet, target)
        folder = outbox(project, name)
        if folder.is_dir():
            for old in folder.rglob("*.po"):
                if old not in made:
                    old.unlink()
        written += made
    return written


def _marker_of(entry: polib.POEntry, display: str) -> tuple[str, State, str]:
    for line in (entry.comment or "").split("\n"):
        if line.startswith(MARKER):
            parts = line[len(MARKER):].split()
            try:
                if len(parts) == 3:
                    return parts[0], State(parts[1]), parts[2]
            except ValueError:
                pass
            break
    raise ReviewError(
        f"entry without a valid {MARKER} comment; it was added or its \"#.\" lines were "
        "edited; export a fresh packet",
        path=display, line=entry.linenum,
    )


def _person_lines(entry: polib.POEntry) -> tuple[bool, str | None, str | None]:
    """What the person wrote in the translator comment: approve mark, override reason, comment."""
    marked, override, rest = False, None, []
    for line in (entry.tcomment or "").split("\n"):
        stripped = line.strip()
        if stripped.lower() == APPROVE:
            marked = True
        elif stripped.lower().startswith(OVERRIDE):
            override = stripped[len(OVERRIDE):].strip()
        elif stripped:
            rest.append(stripped)
    return marked, override, "\n".join(rest) or None


def _entry_decisions(entry: polib.POEntry, slug: str, lang: str, person: str,
                     display: str) -> list[Decision]:
    """What the person did to one packet entry: nothing, or decisions that account for all of it."""
    fingerprint, exported_state, exported_hash = _marker_of(entry, display)
    marked, override, comment = _person_lines(entry)
    edited = catalog.msgstr_hash(entry.msgstr) != exported_hash

    def decision(msgstr: str | None, approve: bool = False, *, note: str | None = comment,
                 suggest: bool = False) -> Decision:
        return Decision(slug, lang, entry.msgid, fingerprint, msgstr, approve, person,
                        override=override, comment=note, suggest=suggest)

    remark = [decision(None)] if comment else []
    if not entry.msgstr:
        # An emptied text is refused with a line in the report, never ignored.
        return [decision("", note=None), *remark] if edited else remark
    if "fuzzy" in entry.flags and not marked:
        return [decision(entry.msgstr, suggest=True)] if edited else remark
    if exported_state is State.TRANSLATED and not edited:
        return [decision(None, True)]
    return [decision(entry.msgstr, marked)]


def _check_person(project: Project, people: dict[str, Person], person: str, lang: str,
                  importer: str | None, display: str) -> None:
    if importer is not None and importer != person:
        raise ReviewError(f"this packet is {person}'s, not {importer}'s; "
                          f"{importer} can only import their own work", path=display)
    found = people.get(person)
    if found is None:
        raise ReviewError(f"the packet is for {person!r}, who is not in [[people]] of "
                          "translate-flow.toml", path=display)
    if lang not in project.config.languages:
        raise ReviewError(f"the packet is for language {lang!r}, which the project does not use",
                          path=display)
    if not found.can_edit(lang):
        raise ReviewError(f"the packet is for {lang}, but {person} does not work on {lang} "
                          f"(languages: {', '.join(found.languages)})", path=display)


def _po_decisions(project: Project, path: Path, people: dict[str, Person],
                  importer: str | None) -> list[Decision]:
    display = str(path)
    try:
        po = catalog.read(path, display=display)
    except CatalogError as exc:
        if "no such catalog" in exc.message:
            raise ReviewError("no such file", path=display) from None
        raise
    meta = po.metadata
    person = meta.get(PERSON_HEADER, "")
    slug = meta.get(STATEMENT_HEADER, "")
    lang = meta.get(LANGUAGE_HEADER, "")
    if not (person and slug and lang):
        raise ReviewError(
            f"not a translate-flow review packet (no {PERSON_HEADER}, {STATEMENT_HEADER} and "
            f"{LANGUAGE_HEADER} headers); send people packets from `tflow review export`",
            path=display,
        )
    declared = meta.get("Language", "").replace("-", "_").split("_")[0].lower()
    if declared and declared != lang:
        raise ReviewError(f"the packet was exported for {lang} but its Language header now says "
                          f"{meta['Language']!r}; it is not a {lang} translation", path=display)
    _check_person(project, people, person, lang, importer, display)
    found = []
    for entry in po:
        if entry.obsolete:
            continue
        found += _entry_decisions(entry, slug, lang, person, display)
    return found


def _field(item: dict[str, Any], key: str, kind: type, where: str, display: str) -> Any:
    value = item.get(key)
    if not isinstance(value, kind) or (kind is str and key != "msgstr" and not value):
        raise ReviewError(f"{where}{key}: expected {kind.__name__}, found {value!r}", path=display)
    return value


def _json_decisions(project: Project, path: Path, people: dict[str, Person],
                    importer: str | None) -> list[Decision]:
    display = str(path)
    try:
        data = json.loads(path.read_bytes().decode("utf-8"))
    except FileNotFoundError:
        raise ReviewError("no such file", path=display) from None
    except UnicodeDecodeError:
        raise ReviewError("not UTF-8; decision files are UTF-8 JSON", path=display) from None
    except json.JSONDecodeError as exc:
        raise ReviewError(f"invalid JSON: {exc.msg}", path=display, line=exc.lineno) from None
    if not isinstance(data, dict) or not isinstance(data.get("decisions"), list):
        raise ReviewError('expected a JSON object with "person", "lang" and a "decisions" list',
                          path=display)
    header: dict[str, Any] = data["header"] if isinstance(data.get("header"), dict) else data
    person = _field(header, "person", str, "", display)
    lang = _field(header, "lang", str, "", display)
    _check_person(project, people, person, lang, importer, display)
    decisions = []
    for index, item in enumerate(data["decisions"]):
        where = f"decisions[{index}]: "
        if not isinstance(item, dict):
            raise ReviewError(f"{where}expected an object, found {item!r}", path=display)
        item = {"person": person, "lang": lang, "slug": header.get("statement"), **item}
        unknown = sorted(set(item) - set(_DECISION_FIELDS))
        if unknown:
            raise ReviewError(f"{where}unknown field {unknown[0]!r}; a decision has "
                              f"{', '.join(_DECISION_FIELDS)}", path=display)
        for key, value in (("person", person), ("lang", lang)):
            if item[key] != value:
                raise ReviewError(f"{where}{key} is {item[key]!r}, but the file is "
                                  f"{person}'s {lang} decisions", path=display)
        for key in ("msgstr", "override", "comment"):
            if item.get(key) is not None and not isinstance(item[key], str):
                raise ReviewError(f"{where}{key}: expected a string or null, found {item[key]!r}",
                                  path=display)
        if not isinstance(item.get("suggest", False), bool):
            raise ReviewError(f"{where}suggest: expected true or false, found {item['suggest']!r}",
                              path=display)
        decisions.append(Decision(
            slug=_field(item, "slug", str, where, display),
            lang=lang,
            msgid=_field(item, "msgid", str, where, display),
            fingerprint=_field(item, "fingerprint", str, where, display),
            msgstr=item.get("msgstr"),
            approve=_field(item, "approve", bool, where, display),
            person=person,
            override=item.get("override"),
            comment=item.get("comment"),
            suggest=item.get("suggest", False),
        ))
    return decisions


def decisions_json(person: str, lang: str, decisions: Iterable[Decision]) -> str:
    """The JSON decision file `tflow review import` reads (the offline sheet saves these)."""
    data = {"kind": JSON_KIND, "person": person, "lang": lang,
            "decisions": [asdict(d) for d in decisions]}
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def read_decisions(project: Project, files: Sequence[Path], *, person: str | None = None) -> list[Decision]:
    """The decisions in returned packets (`.po`) and decision files (`.json`).

    Every file is checked before any decision is returned: a packet for a
    person not in the project, for a language they do not work on, or (with
    `person`) someone else's packet, is refused as a whole.
    """
    people = load_people(project.config)
    decisions: list[Decision] = []
    for path in files:
        if path.suffix.lower() == ".json":
            decisions += _json_decisions(project, path, people, person)
        else:
            decisions += _po_decisions(project, path, people, person)
    return decisions


def import_packets(project: Project, files: Sequence[Path], *, person: str | None = None) -> ApplyReport:
    """Apply returned packets and decision files; with `person`, only that person's.

    Nothing is applied when any file is refused. Importing the same files
    again changes nothing.
    """
    return apply_decisions(project, read_decisions(project, files, person=person))
