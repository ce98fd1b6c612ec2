/* A statement side by side: source | translation | third language, one article per entry.
 *
 * A Review renders one statement view and talks to a backend: the server
 * (saves and approvals over the API) or the offline sheet (decisions kept in
 * the page). A backend answers {status, entry, progress, reason, yours}.
 *
 * Approving text with error-level check problems, or accepting such a draft,
 * first asks for the reason in a dialog (the problems to override are the
 * server's verdict on the entry); the reason travels as the decision's
 * `override`. "Next pending" goes through weak drafts first, in the order the
 * server sent (`weak_first`), unless the person picks document order.
 */
import { commentsPane } from "./comments.js";
import { el, label, langName, say, sayWith, statementUrl } from "./dom.js";
import { askOverride } from "./override.js";
import { progressBar } from "./progress.js";

export class Review {
  constructor(view, backend, me) {
    this.view = view;
    this.backend = backend;
    this.me = me;
    this.current = null;
    this.node = null;
    this.progressSlots = [];
    this.weakFirst = true;
  }

  entry(index) {
    return this.view.entries[index];
  }

  /* Whether a decision made in the offline sheet changed the text or approved it. */
  acted(entry) {
    return Boolean(entry.local && (entry.local.approve || entry.local.msgstr !== null));
  }

  shownState(entry) {
    return this.acted(entry) ? (entry.local.approve ? "approved" : "local") : entry.state;
  }

  shownText(entry) {
    return entry.local && entry.local.msgstr !== null ? entry.local.msgstr : entry.msgstr;
  }

  /* Why the Approve button is off, or null. Whether the person may approve is
   * the server's verdict (entry.may_approve); the words are the page's own. In
   * the offline sheet a decision made here is not in the verdict yet. */
  approveBlock(entry, dirty) {
    const view = this.view;
    if (!view.can_approve) return say("block_role");
    if (dirty) return say("block_dirty");
    if (entry.local && entry.local.approve) return say("block_sheet");
    if (entry.local && entry.local.msgstr !== null) return entry.own_edit.may_approve ? null : say("block_changed_here");
    if (entry.may_approve) return null;
    if (entry.state === "approved") return say("block_approved");
    if (entry.state !== "translated") return say("block_untranslated");
    return entry.translator === this.me.name ? say("block_own") : entry.reason;
  }

  render() {
    const view = this.view;
    const names = view.names;
    const third = view.third;
    const section = el("section", {
      class: "statement" + (third ? "" : " no-third"), id: "s-" + view.slug + "-" + view.lang,
      "data-slug": view.slug, "data-lang": view.lang,
    });
    const controls = el("div", { class: "controls" });
    if (third) {
      const toggle = el("input", { type: "checkbox", checked: true, id: "third-" + view.slug + "-" + view.lang });
      toggle.addEventListener("change", function () {
        section.classList.toggle("no-third", !toggle.checked);
      });
      controls.appendChild(el("label", { class: "third-toggle" }, toggle, " " +
        say("show_third", { language: langName(names, third) })));
    }
    if (this.backend.online && view.third_options.length > 1) {
      const select = el("select", { "aria-label": say("third_column") },
        el("option", { value: "none" }, say("no_third")),
        view.third_options.map(function (code) {
          return el("option", { value: code, selected: code === third }, langName(names, code));
        }));
      select.addEventListener("change", function () {
        window.location.assign(statementUrl(view.slug, view.lang, select.value));
      });
      controls.appendChild(select);
    }
    const order = el("select", { class: "order", "aria-label": say("order_label") },
      el("option", { value: "weak", selected: this.weakFirst }, say("order_weak")),
      el("option", { value: "document", selected: !this.weakFirst }, say("order_document")));
    order.addEventListener("change", () => { this.weakFirst = order.value === "weak"; });
    controls.appendChild(order);
    controls.appendChild(el("button", { type: "button", class: "next", onclick: () => this.move(1) },
      say("next_pending")));
    controls.appendChild(el("span", { class: "keys" }, say("keys")));
    section.appendChild(el("header", { class: "statement-head" },
      el("h1", { lang: view.source_lang }, view.title),
      el("p", { class: "muted" },
        langName(names, view.source_lang) + " → " + langName(names, view.lang) + " · " + view.catalog +
        (view.can_edit ? "" : " · " + say("read_only")) +
        (view.can_approve ? "" : " · " + say("cannot_approve_here")))));
    section.appendChild(el("div", { class: "toolbar" }, this.progressView(), controls));
    if (!view.extracted) {
      section.appendChild(el("p", { class: "notice" }, say("catalog_not_extracted")));
    }
    const weak = this.weakDrafts();
    if (weak.length) {
      section.appendChild(el("nav", { class: "weak-drafts", "aria-label": say("weak_drafts_title") },
        el("span", { class: "label" }, say("weak_drafts_title") + ": "),
        weak.map((index) => {
          const entry = this.entry(index);
          return el("a", { href: "#" + this.entryAnchor(index) },
            say("line", { line: entry.line }) + " (" + this.qualityText(entry.draft) + ")");
        })));
    }
    section.appendChild(el("div", { class: "columns", "aria-hidden": "true" },
      el("div", {}, say("source_column", { language: langName(names, view.source_lang) })),
      el("div", {}, langName(names, view.lang)),
      third ? el("div", { class: "third" }, langName(names, third)) : null));
    const list = el("div", { class: "entries" });
    view.rows.forEach((row, position) => list.appendChild(this.renderRow(row, position)));
    section.appendChild(list);
    this.node = section;
    return section;
  }

  /* The weak drafts, weakest first (the server's `weak_first` order). */
  weakDrafts() {
    return (this.view.weak_first || []).filter((index) => {
      const entry = this.entry(index);
      return entry.draft && entry.draft.weak && entry.state === "draft";
    });
  }

  qualityText(draft) {
    return say("quality", { percent: Math.round(draft.quality * 100) });
  }

  /* The draft with the words the engine marked highlighted, and its quality figure. */
  draftView(entry, state) {
    const draft = entry.draft;
    if (!draft || this.acted(entry) || (state !== "draft" && state !== "stale")) return null;
    const lang = this.view.lang;
    const marks = draft.marked ? el("div", { class: "draft-marks" },
      el("p", { class: "text", lang: lang },
        el("span", { class: "label" }, say("draft_marked") + " "),
        draft.pieces.map(function (piece) {
          if (!piece[1]) return piece[0];
          const titles = { unknown: "unknown_word", error: "generation_error", ambiguous: "guessed_word" };
          return el("mark", { class: piece[1], title: say(titles[piece[1]]) },
            piece[0]);
        })),
      el("p", { class: "defects" },
        draft.unknown.length ? el("span", { class: "unknown" }, say("unknown_list", { words: draft.unknown.join(", ") })) : null,
        draft.unknown.length && draft.errors.length ? " · " : null,
        draft.errors.length ? el("span", { class: "error" }, say("errors_list", { words: draft.errors.join(", ") })) : null),
      draft.ambiguous.length ? el("ul", { class: "guesses", "aria-label": say("guesses") },
        draft.ambiguous.map(function (guess) {
          return el("li", {}, say("guessed", { source: guess.source, draft: guess.draft,
            others: guess.others.map(function (other) { return "«" + other + "»"; }).join(", ") }));
        })) : null)
      : null;
    return marks;
  }

  meta(line, kind, link) {
    const where = say("line", { line: line });
    return el("div", { class: "meta" },
      link ? el("a", { href: "#" + link }, where) : el("span", {}, where),
      kind ? el("span", {}, label("kinds", kind)) : null);
  }

  renderRow(row, position) {
    const view = this.view;
    if (row.entry === null) {
      return el("article", { class: "entry missing", id: this.anchor(position) },
        el("div", { class: "cell source", lang: view.source_lang },
          this.meta(row.line, row.kind), el("p", { class: "text" }, row.text)),
        el("div", { class: "cell target" }, el("p", { class: "muted" }, say("not_in_catalog"))));
    }
    const entry = this.entry(row.entry);
    if (row.repeat) {
      const link = el("a", { href: "#" + this.entryAnchor(row.entry) }, say("line", { line: entry.line }));
      return el("article", { class: "entry repeat", id: this.anchor(position) },
        el("div", { class: "cell source", lang: view.source_lang },
          this.meta(row.line, row.kind), el("p", { class: "text" }, entry.msgid)),
        el("div", { class: "cell target" }, el("p", { class: "muted" }, sayWith("same_text_as", { link: link }))));
    }
    const article = el("article", { id: this.entryAnchor(row.entry), "data-entry": row.entry });
    article.addEventListener("focusin", () => { this.current = row.entry; });
    this.fillEntry(article, row.entry, entry.msgstr);
    return article;
  }

  anchor(position) {
    return "row-" + this.view.lang + "-" + position;
  }

  entryAnchor(index) {
    return "entry-" + this.view.slug.replace(/[^\w-]/g, "_") + "-" + this.view.lang + "-" + index;
  }

  sourceCell(entry, index) {
    const view = this.view;
    const source = el("div", { class: "cell source", lang: view.source_lang },
      this.meta(entry.line, entry.kind, this.entryAnchor(index)), el("p", { class: "text" }, entry.msgid));
    if (entry.diff) {
      source.appendChild(el("div", { class: "diff", title: say("source_changed_title") },
        el("span", { class: "label" }, say("source_changed") + " "),
        entry.diff.map(function (run) {
          if (run[0] === "-") return el("del", {}, run[1]);
          if (run[0] === "+") return el("ins", {}, run[1]);
          return el("span", {}, run[1]);
        })));
    }
    if (entry.glossary.length) {
      source.appendChild(el("ul", { class: "terms", "aria-label": say("glossary") },
        entry.glossary.map(function (term) {
          return el("li", {},
            el("b", {}, term.source), " → ",
            term.keep ? el("span", {}, say("keep_as_is"))
              : el("span", { lang: view.lang }, term.target || say("no_required_form")),
            term.note ? el("span", { class: "note" }, " — " + term.note) : null,
            term.forbidden.length ? el("span", { class: "forbidden" }, " — " +
              say("never", { words: term.forbidden.join(", ") })) : null);
        })));
    }
    return source;
  }

  thirdCell(entry) {
    const other = entry.third;
    const shown = other && other.msgstr;
    return el("div", { class: "cell third", lang: this.view.third },
      shown ? el("div", { class: "meta" }, el("span", { class: "badge state-" + other.state }, label("states", other.state))) : null,
      shown ? el("p", { class: "text" }, other.msgstr) : el("p", { class: "muted" }, say("not_translated")));
  }

  fillEntry(article, index, text) {
    const view = this.view;
    const entry = this.entry(index);
    const state = this.shownState(entry);
    article.className = "entry state-" + state;
    article.textContent = "";

    const who = [];
    if (entry.translator) who.push(say("translated_by", { name: entry.translator }));
    if (entry.suggested_by) who.push(say("suggested_by", { name: entry.suggested_by }));
    if (entry.approval) who.push(say("approved_by", { name: entry.approval.person, day: entry.approval.day }));
    const textarea = el("textarea", { class: "translation",
      lang: view.lang, rows: Math.min(12, Math.max(2, Math.ceil(text.length / 60))),
      "aria-label": say("translation_into", { language: langName(view.names, view.lang), line: entry.line }),
      readonly: !view.can_edit, spellcheck: "true",
    });
    textarea.value = text;
    const status = el("span", { class: "status", role: "status" });
    const save = el("button", { type: "button", class: "save", disabled: !view.can_edit,
      onclick: () => this.save(index, false) }, say("save"));
    const why = el("span", { class: "approve-why", id: this.entryAnchor(index) + "-why" });
    const approve = el("button", { type: "button", class: "approve", onclick: () => this.approve(index),
      "aria-describedby": why.id }, say("approve"));
    const draft = entry.draft;
    const quality = draft && draft.quality !== null && !this.acted(entry) && (state === "draft" || state === "stale")
      ? el("span", { class: "quality" + (draft.weak ? " weak" : "") },
        this.qualityText(draft) + (draft.weak ? " · " + say("weak_draft") : "")) : null;
    const target = el("div", { class: "cell target", lang: view.lang },
      el("div", { class: "meta" },
        el("span", { class: "badge state-" + state }, label("states", state)),
        entry.provenance ? el("span", { class: "provenance" }, entry.provenance) : null,
        quality,
        who.length ? el("span", { class: "people" }, who.join(" · ")) : null),
      entry.previous ? el("p", { class: "previous" }, say("earlier", { text: entry.previous })) : null,
      this.draftView(entry, state),
      textarea,
      el("div", { class: "actions" }, view.can_edit ? save : null, view.can_approve ? approve : null,
        view.can_approve ? why : null, status));
    if (entry.problems.length) {
      target.appendChild(el("ul", { class: "problems", "aria-label": say("check_problems") },
        entry.problems.map(function (problem) {
          return el("li", { class: problem.severity },
            label("severities", problem.severity) + " · " + problem.check + ": " + problem.message);
        })));
    }
    if (entry.overrides && entry.overrides.length) {
      target.appendChild(el("ul", { class: "overrides", "aria-label": say("overrides") },
        entry.overrides.map(function (found) {
          return el("li", {}, say("overridden_by", { person: found.person, day: found.day,
            checks: found.checks.join(", "), reason: found.reason }));
        })));
    }
    target.appendChild(commentsPane(entry, this.me, view.can_edit, (text) => this.comment(index, text)));
    const suggestSlot = el("div", { class: "suggestions-slot" });
    target.appendChild(suggestSlot);
    const update = () => {
      const dirty = textarea.value !== this.shownText(entry);
      const accepting = !dirty && (entry.state === "draft" || entry.state === "stale") && !this.acted(entry);
      article.classList.toggle("dirty", dirty);
      save.textContent = accepting ? say("accept") : say("save");
      save.title = accepting ? say("accept_title") : "";
      const blocked = this.approveBlock(entry, dirty);
      approve.disabled = blocked !== null;
      approve.title = blocked || say("approve_title");
      why.textContent = blocked || (entry.adopt && !this.acted(entry) ? say("adopt_note")
        : (this.overridesFor(entry, "approve").length ? say("approve_needs_override") : ""));
    };
    const showSuggestions = () => {
      suggestSlot.textContent = "";
      if (!view.can_edit || !entry.suggestions || !entry.suggestions.length) return;
      suggestSlot.appendChild(el("div", { class: "suggestions" },
        el("span", { class: "label" }, say("memory") + " "),
        entry.suggestions.map(function (suggestion) {
          return el("button", { type: "button", class: "suggestion", lang: view.lang,
            title: say("use_suggestion", { origin: suggestion.origin }),
            onclick: function () { textarea.value = suggestion.text; update(); textarea.focus(); } },
            suggestion.text, el("span", { class: "origin" }, " " + suggestion.origin));
        })));
    };
    showSuggestions();
    article.appendChild(this.sourceCell(entry, index));
    article.appendChild(target);
    if (view.third) article.appendChild(this.thirdCell(entry));
    textarea.addEventListener("input", update);
    textarea.addEventListener("focus", () => {
      this.current = index;
      if (entry.suggestions === undefined && this.backend.suggest && view.can_edit) {
        entry.suggestions = [];
        this.backend.suggest(view, entry).then(function (found) {
          entry.suggestions = found;
          showSuggestions();
        });
      }
    });
    update();
    article.tflow = { textarea: textarea, status: status, update: update };
  }

  articleOf(index) {
    return document.getElementById(this.entryAnchor(index));
  }

  refresh(index, text, message, kind) {
    const article = this.articleOf(index);
    const focused = article.contains(document.activeElement);
    this.fillEntry(article, index, text);
    if (message) this.tell(index, message, kind);
    if (focused) article.tflow.textarea.focus();
  }

  tell(index, message, kind) {
    const status = this.articleOf(index).tflow.status;
    status.textContent = message;
    status.className = "status " + (kind || "");
  }

  progress() {
    if (this.backend.online) return this.view.progress;
    const words = {};
    let total = 0;
    this.view.entries.forEach((entry) => {
      let state = this.shownState(entry);
      if (state === "local") state = "translated";
      words[state] = (words[state] || 0) + entry.words;
      total += entry.words;
    });
    return { words: words, total_words: total };
  }

  /* A progress bar that follows this statement's saves (there may be several). */
  progressView() {
    const slot = el("div", { class: "progress-slot" }, progressBar(this.progress()));
    this.progressSlots.push(slot);
    return slot;
  }

  showProgress() {
    const bar = this.progress();
    this.progressSlots.forEach(function (slot) {
      slot.textContent = "";
      slot.appendChild(progressBar(bar));
    });
  }

  /* Whether the entry waits for this person: text to write for a translator,
   * someone else's translation to approve for a reviewer. */
  pending(index) {
    const view = this.view;
    const entry = this.entry(index);
    if (this.acted(entry)) return false;
    const needsText = entry.state === "untranslated" || entry.state === "draft" || entry.state === "stale";
    const needsApproval = entry.state === "translated" && entry.may_approve;
    if (view.can_translate || view.can_approve) {
      return (view.can_translate && needsText) || (view.can_approve && needsApproval);
    }
    return view.can_edit && needsText;
  }

  /* The entries in the order "Next pending" visits them. */
  order() {
    const count = this.view.entries.length;
    if (this.weakFirst && this.view.weak_first && this.view.weak_first.length === count) return this.view.weak_first;
    return Array.from({ length: count }, function (unused, i) { return i; });
  }

  move(step) {
    const order = this.order();
    const count = order.length;
    const here = this.current === null ? -1 : order.indexOf(this.current);
    const start = here < 0 ? (step > 0 ? -1 : count) : here;
    for (let i = start + step; i >= 0 && i < count; i += step) {
      if (this.pending(order[i])) {
        const article = this.articleOf(order[i]);
        article.scrollIntoView({ block: "center" });
        article.tflow.textarea.focus();
        this.current = order[i];
        return true;
      }
    }
    return false;
  }

  /* The check errors the server says this action must override (none for text edited here). */
  overridesFor(entry, action) {
    if (this.acted(entry)) return [];
    if (action === "accept") return entry.accept_override_required || [];
    return action === "approve" ? entry.override_required || [] : [];
  }

  /* Ask for the override reason when the action needs one; then decide. */
  withOverride(index, action, decide) {
    const entry = this.entry(index);
    const problems = this.overridesFor(entry, action);
    if (!problems.length) {
      decide(null);
      return;
    }
    askOverride(problems, action, entry.line).then((reason) => {
      if (reason === null) {
        this.tell(index, say(action === "accept" ? "override_cancelled_accept" : "override_cancelled_approve"), "error");
        return;
      }
      decide(reason);
    });
  }

  comment(index, text) {
    const entry = this.entry(index);
    return this.backend.comment(this.view, entry, text).then((result) => {
      if (result.status !== "applied" && result.status !== "local" && result.status !== "unchanged") {
        return say(result.status === "refused" ? "refused" : "not_saved", { reason: result.reason || say("unknown_error") });
      }
      const typed = this.articleOf(index).tflow.textarea.value;
      if (result.entry) this.replace(index, result.entry);
      this.refresh(index, typed, result.message || say("commented"), "ok");
      const box = this.articleOf(index).querySelector(".comment-box");
      if (box) box.focus();
      return null;
    });
  }

  save(index, advance) {
    const entry = this.entry(index);
    const text = this.articleOf(index).tflow.textarea.value;
    if (!this.view.can_edit) return;
    if (text === "") {
      this.tell(index, say("empty"), "error");
      return;
    }
    const accepting = text === entry.msgstr && (entry.state === "draft" || entry.state === "stale");
    this.withOverride(index, accepting ? "accept" : "save", (override) => {
      this.tell(index, say("saving"), "busy");
      this.backend.decide(this.view, entry, text, false, override).then((result) =>
        this.settle(index, result, text, advance, accepting && override === null ? "accept" : null));
    });
  }

  approve(index) {
    const entry = this.entry(index);
    const dirty = this.articleOf(index).tflow.textarea.value !== this.shownText(entry);
    const blocked = this.approveBlock(entry, dirty);
    if (blocked !== null) {
      this.tell(index, say("cannot_approve", { reason: blocked }), "error");
      return;
    }
    this.withOverride(index, "approve", (override) => {
      this.tell(index, say("approving"), "busy");
      this.backend.decide(this.view, entry, null, true, override).then((result) =>
        this.settle(index, result, null, false, override === null ? "approve" : null));
    });
  }

  /* `retry`: the action that went without an override; when the server refuses it
   * because check errors need one, the dialog asks for the reason and tries again. */
  settle(index, result, text, advance, retry) {
    if (result.progress) this.view.progress = result.progress;
    if (result.status === "applied" || result.status === "unchanged" || result.status === "local") {
      if (result.entry) this.replace(index, result.entry);
      this.refresh(index, this.shownText(this.entry(index)),
        result.message || (result.status === "unchanged" ? say("unchanged") : say("saved")), "ok");
      this.showProgress();
      if (advance) this.move(1);
      return;
    }
    if (result.status === "conflict" && result.entry) {
      this.conflict(index, result, text);
      return;
    }
    if (result.status === "refused" && retry && result.entry && this.overridesFor(result.entry, retry).length &&
        result.entry.fingerprint === this.entry(index).fingerprint) {
      this.replace(index, result.entry);
      this.refresh(index, text === null ? this.shownText(this.entry(index)) : text,
        say("refused_needs_override"), "error");
      this.showProgress();
      if (retry === "approve") this.approve(index);
      else this.save(index, advance);
      return;
    }
    this.showProgress();
    const reason = result.reason || say("unknown_error");
    this.tell(index, result.status === "refused" ? say("refused", { reason: reason }) : say("not_saved", { reason: reason }), "error");
  }

  /* Someone changed the entry since this page loaded it: show both versions and
   * let the person choose. Until they do, the entry keeps the fingerprint they
   * saw, so another Save is refused again rather than overwriting theirs. */
  conflict(index, result, text) {
    const current = result.entry;
    const yours = text;
    this.showProgress();
    const target = this.articleOf(index).querySelector(".cell.target");
    const old = target.querySelector(".conflict");
    if (old) old.remove();
    const panel = el("div", { class: "conflict", role: "alert" },
      el("p", {}, say("conflict_head", { reason: result.reason })),
      el("div", { class: "versions" },
        el("div", { class: "yours" }, el("h4", {}, say("your_version")),
          el("p", { class: "text", lang: this.view.lang }, yours === null ? say("your_approval") : yours)),
        el("div", { class: "theirs" }, el("h4", {}, say("now_in_catalog", { state: label("states", current.state) })),
          el("p", { class: "text", lang: this.view.lang }, current.msgstr || say("empty_text")))),
      el("div", { class: "actions" },
        yours !== null ? el("button", { type: "button", class: "keep-mine", onclick: () => {
          this.replace(index, current);
          this.refresh(index, yours);
          this.save(index, false);
        } }, say("keep_mine")) : null,
        el("button", { type: "button", class: "take-theirs", onclick: () => {
          this.replace(index, current);
          this.refresh(index, current.msgstr, say("took_theirs"), "ok");
        } }, say("use_theirs"))));
    target.insertBefore(panel, target.querySelector("textarea"));
    this.tell(index, say("conflict"), "error");
  }

  replace(index, fresh) {
    const old = this.entry(index);
    fresh.line = old.line;
    fresh.kind = old.kind;
    if (fresh.third === null || fresh.third === undefined) fresh.third = old.third;
    if (fresh.suggestions === undefined) fresh.suggestions = old.suggestions;
    this.view.entries[index] = fresh;
  }
}

/* The reviews on the page, and the keys that act on the one with the focus. */
export function keyboard(reviews) {
  function active() {
    const node = document.activeElement && document.activeElement.closest
      ? document.activeElement.closest("section.statement") : null;
    return reviews.find(function (review) { return review.node === node; }) || reviews[0] || null;
  }
  document.addEventListener("keydown", function (event) {
    const target = event.target;
    if (target && target.closest && (target.closest("dialog") || target.closest(".comments"))) return;
    const review = active();
    if (!review) return;
    const index = review.current;
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey) && !event.altKey) {
      if (index === null) return;
      event.preventDefault();
      review.save(index, true);
    } else if (event.key === "Enter" && event.altKey) {
      if (index === null) return;
      event.preventDefault();
      review.approve(index);
    } else if (event.altKey && (event.key === "ArrowDown" || event.key === "ArrowUp")) {
      event.preventDefault();
      review.move(event.key === "ArrowDown" ? 1 : -1);
    }
  });
}
