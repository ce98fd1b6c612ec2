"""The words the page scripts show, translated on the server and sent in the page's data.

The scripts have no catalog of their own: every label, message and plural form
they need is here, translated through the interface catalogs (`ui`), so the
pages and the offline sheet speak the person's language from one source.
Placeholders are Python's (``%(name)s``, ``%(num)d``) so that `msgfmt --check`
verifies every translation keeps them; `static/dom.js` fills them in.

A plural message is sent as its form per CLDR plural category (``one``,
``few``, ``many``, ``other``), which the browser picks with `Intl.PluralRules`:
the browser gets the forms, not a copy of the language's plural rule.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any

from .. import locales
from ..ui import LANGUAGES, translations, tr

# The first numbers of each plural category in the interface languages.
_SAMPLES = range(0, 112)


def _plural(lang: str, form: Callable[[int], str]) -> dict[str, str]:
    """`form` (an ngettext call) for one sample count of each CLDR category of `lang`."""
    found: dict[str, str] = {}
    for count in _SAMPLES:
        found.setdefault(locales.plural_category(lang, count), form(count))
    return found


@lru_cache(maxsize=None)
def script_strings(lang: str) -> dict[str, Any]:
    """Every string `static/*.js` shows, in `lang`."""
    ngettext = translations(lang).ngettext
    return {
        "lang": lang,
        "language_names": {code: locales.name(code, lang) for code in LANGUAGES},
        "states": {
            "untranslated": tr(lang, "untranslated"),
            "draft": tr(lang, "draft"),
            "stale": tr(lang, "stale (source changed)"),
            "translated": tr(lang, "translated"),
            "approved": tr(lang, "approved"),
            "local": tr(lang, "saved in this sheet"),
        },
        "kinds": {
            "heading": tr(lang, "heading"),
            "paragraph": tr(lang, "paragraph"),
            "list item": tr(lang, "list item"),
            "block quote": tr(lang, "block quote"),
            "table cell": tr(lang, "table cell"),
            "title": tr(lang, "title"),
        },
        "roles": {"translator": tr(lang, "translator"), "reviewer": tr(lang, "reviewer")},
        "severities": {"error": tr(lang, "error"), "warning": tr(lang, "warning")},
        "words": _plural(lang, lambda n: ngettext("%(num)d word", "%(num)d words", n)),
        "entries": _plural(lang, lambda n: ngettext("%(num)d entry", "%(num)d entries", n)),
        "decisions": _plural(lang, lambda n: ngettext("%(num)d decision", "%(num)d decisions", n)),
        "state_words": tr(lang, "%(state)s: %(words)s"),
        "percent_translated": tr(lang, "%(percent)s%% translated"),
        "percent_approved": tr(lang, "%(percent)s%% approved"),
        "assigned": tr(lang, "Assigned to me"),
        "nothing_assigned": tr(lang, "Nothing is assigned to you yet; an editor runs `tflow route`."),
        "others": tr(lang, "Other statements in my languages"),
        "as_roles": tr(lang, "as %(roles)s"),
        "and": tr(lang, "%(first)s and %(second)s"),
        "for_you": tr(lang, "for you: %(entries)s, %(words)s"),
        "nothing_for_you": tr(lang, "nothing waiting for you"),
        "not_extracted": tr(lang, "not extracted yet"),
        "my_work": tr(lang, "My work"),
        "show_third": tr(lang, "show %(language)s"),
        "third_column": tr(lang, "Third column"),
        "no_third": tr(lang, "no third column"),
        "next_pending": tr(lang, "Next pending (Alt+↓)"),
        "keys": tr(lang, "Ctrl+Enter save · Alt+Enter approve · Alt+↓/↑ next/previous pending"),
        "read_only": tr(lang, "read only"),
        "cannot_approve_here": tr(lang, "you cannot approve here"),
        "catalog_not_extracted": tr(lang, "This catalog has not been extracted yet; run `tflow extract`."),
        "source_column": tr(lang, "%(language)s (source)"),
        "line": tr(lang, "line %(line)s"),
        "not_in_catalog": tr(lang, "Not in the catalog yet; run `tflow extract`."),
        "same_text_as": tr(lang, "Same text as %(link)s; translated there."),
        "source_changed_title": tr(lang, "What changed in the source since it was translated"),
        "source_changed": tr(lang, "Source changed:"),
        "glossary": tr(lang, "Glossary"),
        "keep_as_is": tr(lang, "keep as it is"),
        "no_required_form": tr(lang, "(no required form)"),
        "never": tr(lang, "never: %(words)s"),
        "translated_by": tr(lang, "translated by %(name)s"),
        "approved_by": tr(lang, "approved by %(name)s %(day)s"),
        "translation_into": tr(lang, "Translation into %(language)s, line %(line)s"),
        "save": tr(lang, "Save"),
        "approve": tr(lang, "Approve"),
        "accept": tr(lang, "Accept"),
        "accept_title": tr(lang, "Accept this draft as your translation"),
        "approve_title": tr(lang, "Approve this translation"),
        "earlier": tr(lang, "Earlier translation, kept for reference: %(text)s"),
        "check_problems": tr(lang, "Check problems"),
        "memory": tr(lang, "Memory:"),
        "use_suggestion": tr(lang, "Use this text (%(origin)s)"),
        "not_translated": tr(lang, "not translated"),
        "block_role": tr(lang, "approving needs the reviewer role for this language"),
        "block_dirty": tr(lang, "save your change first; then someone else approves it"),
        "block_changed_here": tr(lang, "you changed this text; someone else approves it"),
        "block_approved": tr(lang, "already approved"),
        "block_untranslated": tr(lang, "only translated text can be approved; save a translation first"),
        "block_own": tr(lang, "you translated this; someone else approves it"),
        "block_sheet": tr(lang, "approved in this sheet"),
        "empty": tr(lang, "An empty translation cannot be saved."),
        "saving": tr(lang, "Saving…"),
        "cannot_approve": tr(lang, "Cannot approve: %(reason)s."),
        "approving": tr(lang, "Approving…"),
        "unchanged": tr(lang, "Already so; nothing changed."),
        "saved": tr(lang, "Saved."),
        "approved_done": tr(lang, "Approved."),
        "refused": tr(lang, "Refused: %(reason)s"),
        "not_saved": tr(lang, "Not saved: %(reason)s"),
        "unknown_error": tr(lang, "unknown error"),
        "conflict_head": tr(lang, "Not saved: %(reason)s. Both versions:"),
        "your_version": tr(lang, "Your version"),
        "your_approval": tr(lang, "(your approval of the earlier text)"),
        "now_in_catalog": tr(lang, "Now in the catalog (%(state)s)"),
        "empty_text": tr(lang, "(empty)"),
        "keep_mine": tr(lang, "Keep mine (save it over theirs)"),
        "use_theirs": tr(lang, "Use theirs"),
        "took_theirs": tr(lang, "Took the current version."),
        "conflict": tr(lang, "Conflict: someone changed this entry."),
        "signed_out": tr(lang, "you are signed out; open your sign-in link again (your text is still here)"),
        "server_answered": tr(lang, "the server answered %(status)s"),
        "unreachable": tr(lang, "the server cannot be reached; your text is still here"),
        "sheet_approved": tr(lang, "Approved in this sheet; save the decisions file to send it."),
        "sheet_saved": tr(lang, "Saved in this sheet; save the decisions file to send it."),
        "save_language_file": tr(lang, "Save %(language)s decisions file"),
        "save_file": tr(lang, "Save decisions file"),
        "sheet_for": tr(lang, "Review sheet for %(name)s"),
        "sheet_intro": tr(lang, "Made %(date)s. Edit and approve here, then save the decisions file and "
                                "send it back; `tflow review import` applies it. Nothing leaves this "
                                "file until you send it."),
        "nothing_waiting": tr(lang, "Nothing is waiting for you."),
        "suggested_by": tr(lang, "suggested by %(name)s"),
        "adopt_note": tr(lang, "nobody is on record as this text's translator; approving it makes you "
                               "its translator"),
        "adopted_done": tr(lang, "Approved; you are now its translator of record."),
        "approve_needs_override": tr(lang, "check errors: approving asks for your reason"),
        "override_approve_title": tr(lang, "Approve despite check errors?"),
        "override_accept_title": tr(lang, "Accept a draft with check errors?"),
        "override_intro": tr(lang, "The checks found errors in the text of line %(line)s:"),
        "override_reason": tr(lang, "Why is the text right as it is?"),
        "override_hint": tr(lang, "Your reason is kept in the catalog with your name, the date and the "
                                  "checks, and shown in the edition's sign-off."),
        "override_approve": tr(lang, "Approve with this reason"),
        "override_accept": tr(lang, "Accept with this reason"),
        "override_needed": tr(lang, "Write the reason first, or cancel."),
        "override_cancelled_approve": tr(lang, "Not approved: the check errors need a reason."),
        "override_cancelled_accept": tr(lang, "Not accepted: the check errors need a reason."),
        "refused_needs_override": tr(lang, "The server refused: the check errors need a reason."),
        "cancel": tr(lang, "Cancel"),
        "overrides": tr(lang, "Overridden checks"),
        "overridden_by": tr(lang, "%(person)s overrode %(checks)s on %(day)s: %(reason)s"),
        "comments": tr(lang, "Comments"),
        "comments_count": _plural(lang, lambda n: ngettext("%(num)d comment", "%(num)d comments", n)),
        "no_comments": tr(lang, "No comments yet. Ask a question or answer one here."),
        "comment_label": tr(lang, "Your comment on line %(line)s (everyone working on this language sees it)"),
        "add_comment": tr(lang, "Add comment"),
        "comment_empty": tr(lang, "Write the comment first."),
        "commented": tr(lang, "Comment added."),
        "comment_in_sheet": tr(lang, "(in this sheet, not sent yet)"),
        "sheet_commented": tr(lang, "Comment kept in this sheet; save the decisions file to send it."),
        "draft_marked": tr(lang, "Marked in the draft:"),
        "unknown_word": tr(lang, "the engine did not know this word"),
        "generation_error": tr(lang, "the engine could not inflect this word"),
        "guessed_word": tr(lang, "the engine guessed this word's sense"),
        "guesses": tr(lang, "The engine's guesses"),
        "guessed": tr(lang, "«%(draft)s» is the engine's guess for «%(source)s», which can also be %(others)s"),
        "unknown_list": tr(lang, "Unknown to the engine: %(words)s"),
        "errors_list": tr(lang, "Not inflected: %(words)s"),
        "quality": tr(lang, "quality %(percent)s%%"),
        "weak_draft": tr(lang, "weak draft"),
        "weak_drafts_title": tr(lang, "Weak drafts"),
        "weak_drafts": _plural(lang, lambda n: ngettext("%(num)d weak draft", "%(num)d weak drafts", n)),
        "order_label": tr(lang, "Order of “Next pending”"),
        "order_weak": tr(lang, "weak drafts first"),
        "order_document": tr(lang, "document order"),
        "unsaved_switch": tr(lang, "Text you typed but did not save in this sheet is lost when the "
                                   "language changes. Change it anyway?"),
    }


def all_script_strings() -> dict[str, dict[str, Any]]:
    """The strings in every interface language, for the offline sheet's switch."""
    return {lang: script_strings(lang) for lang in LANGUAGES}
