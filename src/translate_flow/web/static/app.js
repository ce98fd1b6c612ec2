/* translate-flow review: renders "My work", a statement side by side, and the
 * offline review sheet from the JSON block #tflow-data.
 *
 * Every text from a catalog reaches the page through text nodes (el() never
 * parses markup), so a translation that contains <script> is shown as text.
 * On the server, saves and approvals go to /api/save and /api/approve with the
 * session's CSRF token; in the offline sheet they are collected and saved as a
 * decisions file for `tflow review import`.
 */
(function () {
  "use strict";

  var data = JSON.parse(document.getElementById("tflow-data").textContent);
  var root = document.getElementById("app");
  var STATES = ["approved", "translated", "stale", "draft", "untranslated"];
  var LABELS = {
    untranslated: "untranslated", draft: "draft", stale: "stale (source changed)",
    translated: "translated", approved: "approved", local: "saved in this sheet",
  };

  function el(tag, props) {
    var node = document.createElement(tag);
    var key, value, i, child;
    props = props || {};
    for (key in props) {
      if (!Object.prototype.hasOwnProperty.call(props, key)) continue;
      value = props[key];
      if (value === null || value === undefined || value === false) continue;
      if (key === "class") node.className = value;
      else if (key === "text") node.textContent = value;
      else if (key.slice(0, 2) === "on") node.addEventListener(key.slice(2), value);
      else if (key === "value") node.value = value;
      else node.setAttribute(key, value === true ? "" : String(value));
    }
    for (i = 2; i < arguments.length; i++) append(node, arguments[i]);
    return node;
  }

  function append(node, child) {
    var i;
    if (child === null || child === undefined || child === false) return;
    if (Array.isArray(child)) {
      for (i = 0; i < child.length; i++) append(node, child[i]);
    } else if (typeof child === "string" || typeof child === "number") {
      node.appendChild(document.createTextNode(String(child)));
    } else {
      node.appendChild(child);
    }
  }

  function number(n) {
    return Number(n).toLocaleString("en");
  }

  function langName(names, code) {
    return (names && names[code]) || code;
  }

  function statementUrl(slug, lang, third) {
    var params = new URLSearchParams({ slug: slug, lang: lang });
    if (third !== undefined) params.set("third", third || "none");
    return "/statement?" + params.toString();
  }

  /* ---- progress ---------------------------------------------------------- */

  function percent(part, total) {
    return total ? Math.round((1000 * part) / total) / 10 : 100;
  }

  function progressBar(progress) {
    var words = (progress && progress.words) || {};
    var total = (progress && progress.total_words) || 0;
    var bar = el("div", { class: "bar", role: "img" });
    var done = (words.translated || 0) + (words.approved || 0);
    STATES.forEach(function (state) {
      var share = percent(words[state] || 0, total);
      if (!total || !words[state]) return;
      var seg = el("span", {
        class: "seg state-" + state, title: LABELS[state] + ": " + number(words[state]) + " words",
      });
      seg.style.width = share + "%"; /* CSSOM, which the CSP allows; a style attribute it would not */
      bar.appendChild(seg);
    });
    bar.setAttribute("aria-label", percent(done, total) + "% translated");
    var summary = el("span", { class: "figures" },
      percent(done, total) + "% translated · " +
      percent(words.approved || 0, total) + "% approved · " + number(total) + " words");
    return el("div", { class: "progress" }, bar, summary);
  }

  /* ---- page chrome ------------------------------------------------------- */

  function topbar(current) {
    var me = data.me;
    var nav = el("nav", { class: "topbar" },
      el("a", { class: "brand", href: data.page === "sheet" ? "#top" : "/" }, "translate-flow review"));
    if (data.page !== "sheet") {
      nav.appendChild(el("a", { href: "/", "aria-current": current === "work" ? "page" : null }, "My work"));
    }
    var who = el("span", { class: "who" },
      (data.page === "sheet" ? "Review sheet for " : "Signed in as ") + me.name +
      " (" + me.languages.join(", ") + "; " + me.roles.join(", ") + ")");
    nav.appendChild(who);
    if (data.page !== "sheet") {
      nav.appendChild(el("form", { method: "post", action: "/signout", class: "signout" },
        el("input", { type: "hidden", name: "csrf", value: me.csrf }),
        el("button", { type: "submit" }, "Sign out")));
    }
    return nav;
  }

  /* ---- My work ----------------------------------------------------------- */

  function unitRow(unit) {
    var pending = unit.pending || { entries: 0, words: 0 };
    return el("li", { class: "unit" },
      el("a", { href: statementUrl(unit.slug, unit.lang) }, unit.title),
      el("span", { class: "lang" }, " " + unit.lang),
      unit.roles.length ? el("span", { class: "roles" }, " as " + unit.roles.join(" and ")) : null,
      unit.roles.length ? el("span", { class: "pending" },
        pending.entries ? " · for you: " + number(pending.entries) + " entries, " +
          number(pending.words) + " words" : " · nothing waiting for you") : null,
      unit.progress ? progressBar(unit.progress) : el("p", { class: "muted" }, "not extracted yet"));
  }

  function renderWork() {
    var list = el("div", { id: "work" });
    function fill(work) {
      list.textContent = "";
      list.appendChild(el("h2", {}, "Assigned to me"));
      list.appendChild(work.assigned.length ? el("ul", { class: "units", id: "assigned" }, work.assigned.map(unitRow))
        : el("p", { class: "muted" }, "Nothing is assigned to you yet; an editor runs `tflow route`."));
      if (work.others.length) {
        list.appendChild(el("h2", {}, "Other statements in my languages"));
        list.appendChild(el("ul", { class: "units", id: "others" }, work.others.map(unitRow)));
      }
    }
    fill(data.work);
    root.textContent = "";
    root.appendChild(topbar("work"));
    root.appendChild(el("main", { class: "work" }, el("h1", {}, "My work"), list));
    function refresh() {
      fetch("/api/work", { credentials: "same-origin" }).then(function (response) {
        return response.ok ? response.json() : null;
      }).then(function (work) { if (work) fill(work); }).catch(function () { /* offline: keep */ });
    }
    document.addEventListener("visibilitychange", function () {
      if (document.visibilityState === "visible") refresh();
    });
    window.setInterval(refresh, 30000);
  }

  /* ---- a statement, side by side ---------------------------------------- */

  function Review(view, backend) {
    this.view = view;
    this.backend = backend;
    this.current = null;
    this.node = null;
  }

  Review.prototype.entry = function (index) {
    return this.view.entries[index];
  };

  Review.prototype.shownState = function (entry) {
    return entry.local ? (entry.local.approve ? "approved" : "local") : entry.state;
  };

  Review.prototype.approveBlock = function (entry, dirty) {
    var view = this.view;
    if (!view.can_approve) return "approving needs the reviewer role for this language";
    if (dirty) return "save your change first; then someone else approves it";
    if (entry.local && entry.local.msgstr !== null && view.two_people) {
      return "you changed this text; someone else approves it";
    }
    if (entry.state !== "translated" && !(entry.local && entry.local.msgstr !== null)) {
      return entry.state === "approved" ? "already approved"
        : "only translated text can be approved; save a translation first";
    }
    if (view.two_people && entry.translator === data.me.name) {
      return "you translated this; someone else approves it";
    }
    if (entry.local && entry.local.approve) return "approved in this sheet";
    return null;
  };

  Review.prototype.render = function () {
    var self = this;
    var view = this.view;
    var names = view.names;
    var third = view.third;
    var section = el("section", {
      class: "statement" + (third ? "" : " no-third"), id: "s-" + view.slug + "-" + view.lang,
      "data-slug": view.slug, "data-lang": view.lang,
    });
    this.progressSlot = this.progressView();
    var controls = el("div", { class: "controls" });
    if (third) {
      var toggle = el("input", { type: "checkbox", checked: true, id: "third-" + view.slug + "-" + view.lang });
      toggle.addEventListener("change", function () {
        section.classList.toggle("no-third", !toggle.checked);
      });
      controls.appendChild(el("label", { class: "third-toggle" }, toggle, " show " + langName(names, third)));
    }
    if (this.backend.online && view.third_options.length > 1) {
      var select = el("select", { "aria-label": "Third column" },
        el("option", { value: "none" }, "no third column"),
        view.third_options.map(function (code) {
          return el("option", { value: code, selected: code === third }, langName(names, code));
        }));
      select.addEventListener("change", function () {
        window.location.assign(statementUrl(view.slug, view.lang, select.value));
      });
      controls.appendChild(select);
    }
    controls.appendChild(el("button", { type: "button", class: "next", onclick: function () { self.move(1); } },
      "Next pending (Alt+↓)"));
    controls.appendChild(el("span", { class: "keys" },
      "Ctrl+Enter save · Alt+Enter approve · Alt+↓/↑ next/previous pending"));
    section.appendChild(el("header", { class: "statement-head" },
      el("h1", { lang: view.source_lang }, view.title),
      el("p", { class: "muted" },
        langName(names, view.source_lang) + " → " + langName(names, view.lang) + " · " + view.catalog +
        (view.can_edit ? "" : " · read only") + (view.can_approve ? "" : " · you cannot approve here"))));
    section.appendChild(el("div", { class: "toolbar" }, this.progressSlot, controls));
    if (!view.extracted) {
      section.appendChild(el("p", { class: "notice" }, "This catalog has not been extracted yet; run `tflow extract`."));
    }
    section.appendChild(el("div", { class: "columns", "aria-hidden": "true" },
      el("div", {}, langName(names, view.source_lang) + " (source)"),
      el("div", {}, langName(names, view.lang)),
      third ? el("div", { class: "third" }, langName(names, third)) : null));
    var list = el("div", { class: "entries" });
    view.rows.forEach(function (row, position) {
      list.appendChild(self.renderRow(row, position));
    });
    section.appendChild(list);
    this.node = section;
    return section;
  };

  Review.prototype.renderRow = function (row, position) {
    var view = this.view;
    if (row.entry === null) {
      return el("article", { class: "entry missing", id: this.anchor(position) },
        el("div", { class: "cell source", lang: view.source_lang },
          el("div", { class: "meta" }, el("span", {}, "line " + row.line), el("span", {}, row.kind)),
          el("p", { class: "text" }, row.text)),
        el("div", { class: "cell target" },
          el("p", { class: "muted" }, "Not in the catalog yet; run `tflow extract`.")));
    }
    var entry = this.entry(row.entry);
    if (row.repeat) {
      return el("article", { class: "entry repeat", id: this.anchor(position) },
        el("div", { class: "cell source", lang: view.source_lang },
          el("div", { class: "meta" }, el("span", {}, "line " + row.line), el("span", {}, row.kind)),
          el("p", { class: "text" }, entry.msgid)),
        el("div", { class: "cell target" },
          el("p", { class: "muted" }, "Same text as ",
            el("a", { href: "#" + this.entryAnchor(row.entry) }, "line " + entry.line), "; translated there.")));
    }
    var self = this;
    var article = el("article", { id: this.entryAnchor(row.entry), "data-entry": row.entry });
    article.addEventListener("focusin", function () { self.current = row.entry; });
    this.fillEntry(article, row.entry, entry.msgstr);
    return article;
  };

  Review.prototype.anchor = function (position) {
    return "row-" + this.view.lang + "-" + position;
  };

  Review.prototype.entryAnchor = function (index) {
    return "entry-" + this.view.slug.replace(/[^\w-]/g, "_") + "-" + this.view.lang + "-" + index;
  };

  Review.prototype.fillEntry = function (article, index, text) {
    var self = this;
    var view = this.view;
    var entry = this.entry(index);
    var state = this.shownState(entry);
    article.className = "entry state-" + state;
    article.textContent = "";

    var source = el("div", { class: "cell source", lang: view.source_lang },
      el("div", { class: "meta" }, el("a", { href: "#" + this.entryAnchor(index) }, "line " + entry.line),
        entry.kind ? el("span", {}, entry.kind) : null),
      el("p", { class: "text" }, entry.msgid));
    if (entry.diff) {
      source.appendChild(el("div", { class: "diff", title: "What changed in the source since it was translated" },
        el("span", { class: "label" }, "Source changed: "),
        entry.diff.map(function (run) {
          if (run[0] === "-") return el("del", {}, run[1]);
          if (run[0] === "+") return el("ins", {}, run[1]);
          return el("span", {}, run[1]);
        })));
    }
    if (entry.glossary.length) {
      source.appendChild(el("ul", { class: "terms", "aria-label": "Glossary" },
        entry.glossary.map(function (term) {
          return el("li", {},
            el("b", {}, term.source), " → ",
            term.keep ? el("span", {}, "keep as it is") : el("span", { lang: view.lang }, term.target || "(no required form)"),
            term.note ? el("span", { class: "note" }, " — " + term.note) : null,
            term.forbidden.length ? el("span", { class: "forbidden" }, " — never: " + term.forbidden.join(", ")) : null);
        })));
    }

    var who = [];
    if (entry.translator) who.push("translated by " + entry.translator);
    if (entry.approval) who.push("approved by " + entry.approval.person + " " + entry.approval.day);
    var textarea = el("textarea", {
      lang: view.lang, rows: Math.min(12, Math.max(2, Math.ceil(text.length / 60))),
      "aria-label": "Translation into " + langName(view.names, view.lang) + ", line " + entry.line,
      readonly: !view.can_edit, spellcheck: "true",
    });
    textarea.value = text;
    var status = el("span", { class: "status", role: "status" });
    var save = el("button", { type: "button", class: "save", disabled: !view.can_edit,
      onclick: function () { self.save(index, false); } }, "Save");
    var approve = el("button", { type: "button", class: "approve", onclick: function () { self.approve(index); } },
      "Approve");
    var target = el("div", { class: "cell target", lang: view.lang },
      el("div", { class: "meta" },
        el("span", { class: "badge state-" + state }, LABELS[state]),
        entry.provenance ? el("span", { class: "provenance" }, entry.provenance) : null,
        who.length ? el("span", { class: "people" }, who.join(" · ")) : null),
      entry.previous ? el("p", { class: "previous" }, "Earlier translation, kept for reference: " + entry.previous) : null,
      textarea,
      el("div", { class: "actions" }, view.can_edit ? save : null, view.can_approve ? approve : null, status));
    if (entry.problems.length) {
      target.appendChild(el("ul", { class: "problems", "aria-label": "Check problems" },
        entry.problems.map(function (problem) {
          return el("li", { class: problem.severity }, problem.severity + " · " + problem.check + ": " + problem.message);
        })));
    }
    var suggestSlot = el("div", { class: "suggestions-slot" });
    target.appendChild(suggestSlot);
    function showSuggestions() {
      suggestSlot.textContent = "";
      if (!view.can_edit || !entry.suggestions || !entry.suggestions.length) return;
      suggestSlot.appendChild(el("div", { class: "suggestions" },
        el("span", { class: "label" }, "Memory: "),
        entry.suggestions.map(function (suggestion) {
          return el("button", { type: "button", class: "suggestion", lang: view.lang,
            title: "Use this text (" + suggestion.origin + ")",
            onclick: function () { textarea.value = suggestion.text; update(); textarea.focus(); } },
            suggestion.text, el("span", { class: "origin" }, " " + suggestion.origin));
        })));
    }
    showSuggestions();
    var cells = [source, target];
    if (view.third) {
      var other = entry.third;
      cells.push(el("div", { class: "cell third", lang: view.third },
        other && other.msgstr ? el("div", { class: "meta" }, el("span", { class: "badge state-" + other.state }, LABELS[other.state])) : null,
        other && other.msgstr ? el("p", { class: "text" }, other.msgstr) : el("p", { class: "muted" }, "not translated")));
    }
    cells.forEach(function (cell) { article.appendChild(cell); });

    function update() {
      var dirty = textarea.value !== (entry.local && entry.local.msgstr !== null ? entry.local.msgstr : entry.msgstr);
      var accepting = !dirty && (entry.state === "draft" || entry.state === "stale") && !entry.local;
      article.classList.toggle("dirty", dirty);
      save.textContent = accepting ? "Accept" : "Save";
      save.title = accepting ? "Accept this draft as your translation" : "";
      var blocked = self.approveBlock(entry, dirty);
      approve.disabled = blocked !== null;
      approve.title = blocked || "Approve this translation";
    }
    textarea.addEventListener("input", update);
    textarea.addEventListener("focus", function () {
      self.current = index;
      if (entry.suggestions === undefined && self.backend.suggest && view.can_edit) {
        entry.suggestions = [];
        self.backend.suggest(view, entry).then(function (found) {
          entry.suggestions = found;
          showSuggestions();
        });
      }
    });
    update();
    article.tflow = { textarea: textarea, status: status, update: update };
  };

  Review.prototype.articleOf = function (index) {
    return document.getElementById(this.entryAnchor(index));
  };

  Review.prototype.refresh = function (index, text, message, kind) {
    var article = this.articleOf(index);
    var focused = article.contains(document.activeElement);
    this.fillEntry(article, index, text);
    if (message) this.say(index, message, kind);
    if (focused) article.tflow.textarea.focus();
  };

  Review.prototype.say = function (index, message, kind) {
    var status = this.articleOf(index).tflow.status;
    status.textContent = message;
    status.className = "status " + (kind || "");
  };

  Review.prototype.progress = function () {
    if (this.backend.online) return this.view.progress;
    var words = {};
    var total = 0;
    var self = this;
    this.view.entries.forEach(function (entry) {
      var state = self.shownState(entry);
      if (state === "local") state = "translated";
      words[state] = (words[state] || 0) + entry.words;
      total += entry.words;
    });
    return { words: words, total_words: total };
  };

  /* A progress bar that follows this statement's saves (there may be several). */
  Review.prototype.progressView = function () {
    var slot = el("div", { class: "progress-slot" }, progressBar(this.progress()));
    this.progressSlots = (this.progressSlots || []).concat([slot]);
    return slot;
  };

  Review.prototype.showProgress = function () {
    var bar = this.progress();
    this.progressSlots.forEach(function (slot) {
      slot.textContent = "";
      slot.appendChild(progressBar(bar));
    });
  };

  /* Whether the entry waits for this person: text to write for a translator,
   * someone else's translation to approve for a reviewer. */
  Review.prototype.pending = function (index) {
    var view = this.view;
    var entry = this.entry(index);
    if (entry.local) return false;
    var needsText = entry.state === "untranslated" || entry.state === "draft" || entry.state === "stale";
    var needsApproval = entry.state === "translated" && !(view.two_people && entry.translator === data.me.name);
    if (view.can_translate || view.can_approve) {
      return (view.can_translate && needsText) || (view.can_approve && needsApproval);
    }
    return view.can_edit && needsText;
  };

  Review.prototype.move = function (step) {
    var count = this.view.entries.length;
    var start = this.current === null ? (step > 0 ? -1 : count) : this.current;
    for (var i = start + step; i >= 0 && i < count; i += step) {
      if (this.pending(i)) {
        var article = this.articleOf(i);
        article.scrollIntoView({ block: "center" });
        article.tflow.textarea.focus();
        this.current = i;
        return true;
      }
    }
    return false;
  };

  Review.prototype.save = function (index, advance) {
    var self = this;
    var entry = this.entry(index);
    var text = this.articleOf(index).tflow.textarea.value;
    if (!this.view.can_edit) return;
    if (text === "") {
      this.say(index, "An empty translation cannot be saved.", "error");
      return;
    }
    this.say(index, "Saving…", "busy");
    this.backend.decide(this.view, entry, text, false).then(function (result) {
      self.settle(index, result, text, advance);
    });
  };

  Review.prototype.approve = function (index) {
    var self = this;
    var entry = this.entry(index);
    var article = this.articleOf(index);
    var dirty = article.tflow.textarea.value !== (entry.local && entry.local.msgstr !== null ? entry.local.msgstr : entry.msgstr);
    var blocked = this.approveBlock(entry, dirty);
    if (blocked !== null) {
      this.say(index, "Cannot approve: " + blocked + ".", "error");
      return;
    }
    this.say(index, "Approving…", "busy");
    this.backend.decide(this.view, entry, null, true).then(function (result) {
      self.settle(index, result, null, false);
    });
  };

  /* A backend answers {status, entry, progress, reason, yours}. */
  Review.prototype.settle = function (index, result, text, advance) {
    if (result.progress) this.view.progress = result.progress;
    if (result.status === "applied" || result.status === "unchanged" || result.status === "local") {
      if (result.entry) this.replace(index, result.entry);
      var entry = this.entry(index);
      this.refresh(index, entry.local && entry.local.msgstr !== null ? entry.local.msgstr : entry.msgstr,
        result.message || (result.status === "unchanged" ? "Already so; nothing changed." : "Saved."), "ok");
      this.showProgress();
      if (advance) this.move(1);
      return;
    }
    if (result.status === "conflict" && result.entry) {
      this.conflict(index, result, text);
      return;
    }
    this.showProgress();
    this.say(index, (result.status === "refused" ? "Refused: " : "Not saved: ") + (result.reason || "unknown error"), "error");
  };

  /* Someone changed the entry since this page loaded it: show both versions and
   * let the person choose. Until they do, the entry keeps the fingerprint they
   * saw, so another Save is refused again rather than overwriting theirs. */
  Review.prototype.conflict = function (index, result, text) {
    var self = this;
    var current = result.entry;
    var yours = text;
    this.showProgress();
    var article = this.articleOf(index);
    var target = article.querySelector(".cell.target");
    var old = target.querySelector(".conflict");
    if (old) old.remove();
    var panel = el("div", { class: "conflict", role: "alert" },
      el("p", {}, el("strong", {}, "Not saved: "), result.reason + ". Both versions:"),
      el("div", { class: "versions" },
        el("div", { class: "yours" }, el("h4", {}, "Your version"),
          el("p", { class: "text", lang: this.view.lang }, yours === null ? "(your approval of the earlier text)" : yours)),
        el("div", { class: "theirs" }, el("h4", {}, "Now in the catalog (" + LABELS[current.state] + ")"),
          el("p", { class: "text", lang: this.view.lang }, current.msgstr || "(empty)"))),
      el("div", { class: "actions" },
        yours !== null ? el("button", { type: "button", class: "keep-mine", onclick: function () {
          self.replace(index, current);
          self.refresh(index, yours);
          self.save(index, false);
        } }, "Keep mine (save it over theirs)") : null,
        el("button", { type: "button", class: "take-theirs", onclick: function () {
          self.replace(index, current);
          self.refresh(index, current.msgstr, "Took the current version.", "ok");
        } }, "Use theirs")));
    target.insertBefore(panel, target.querySelector("textarea"));
    this.say(index, "Conflict: someone changed this entry.", "error");
  };

  Review.prototype.replace = function (index, fresh) {
    var old = this.entry(index);
    fresh.line = old.line;
    fresh.kind = old.kind;
    if (fresh.third === null || fresh.third === undefined) fresh.third = old.third;
    if (fresh.suggestions === undefined) fresh.suggestions = old.suggestions;
    this.view.entries[index] = fresh;
  };

  /* ---- backends ---------------------------------------------------------- */

  var server = {
    online: true,
    suggest: function (view, entry) {
      var params = new URLSearchParams({ slug: view.slug, lang: view.lang, msgid: entry.msgid, current: entry.msgstr });
      return fetch("/api/suggest?" + params.toString(), { credentials: "same-origin" }).then(function (response) {
        return response.ok ? response.json() : { suggestions: [] };
      }).then(function (result) { return result.suggestions; }, function () { return []; });
    },
    decide: function (view, entry, text, approve) {
      var body = { slug: view.slug, lang: view.lang, msgid: entry.msgid, fingerprint: entry.fingerprint };
      if (!approve) body.msgstr = text;
      return fetch(approve ? "/api/approve" : "/api/save", {
        method: "POST", credentials: "same-origin",
        headers: { "Content-Type": "application/json", "X-CSRF-Token": data.me.csrf },
        body: JSON.stringify(body),
      }).then(function (response) {
        if (response.status === 401) {
          return { status: "refused", reason: "you are signed out; open your sign-in link again (your text is still here)" };
        }
        return response.json().then(function (result) {
          if (result.status === "applied" && approve) result.message = "Approved.";
          return result;
        }, function () {
          return { status: "error", reason: "the server answered " + response.status };
        });
      }, function () {
        return { status: "error", reason: "the server cannot be reached; your text is still here" };
      });
    },
  };

  /* The offline sheet keeps decisions in memory and saves them as decision
   * files, one per language (a decision file is one person's work in one
   * language, as `tflow review import` expects). */
  function Sheet(languages) {
    this.online = false;
    this.decisions = {};
    this.unsaved = {};
    this.counters = {};
    this.languages = languages;
  }

  Sheet.prototype.key = function (view, entry) {
    return JSON.stringify([view.slug, view.lang, entry.msgid]);
  };

  Sheet.prototype.decide = function (view, entry, text, approve) {
    var key = this.key(view, entry);
    var decision = this.decisions[key] || {
      slug: view.slug, lang: view.lang, msgid: entry.msgid, fingerprint: entry.fingerprint,
      msgstr: null, approve: false,
    };
    if (approve) decision.approve = true;
    else {
      decision.msgstr = text;
      if (view.two_people) decision.approve = false;
    }
    this.decisions[key] = decision;
    this.unsaved[view.lang] = true;
    this.count();
    var fresh = Object.assign({}, entry, { local: { msgstr: decision.msgstr, approve: decision.approve } });
    return Promise.resolve({
      status: "local", entry: fresh,
      message: approve ? "Approved in this sheet; save the decisions file to send it."
        : "Saved in this sheet; save the decisions file to send it.",
    });
  };

  Sheet.prototype.list = function (lang) {
    var self = this;
    return Object.keys(this.decisions).map(function (key) { return self.decisions[key]; })
      .filter(function (decision) { return decision.lang === lang; });
  };

  Sheet.prototype.count = function () {
    var self = this;
    this.languages.forEach(function (lang) {
      var n = self.list(lang).length;
      if (self.counters[lang]) self.counters[lang].textContent = n === 1 ? "1 decision" : n + " decisions";
    });
  };

  Sheet.prototype.dirty = function () {
    var self = this;
    return this.languages.some(function (lang) { return self.unsaved[lang]; });
  };

  Sheet.prototype.download = function (lang) {
    var file = {
      kind: data.kind, person: data.me.name, lang: lang,
      sheet: data.created, saved: new Date().toISOString(), decisions: this.list(lang),
    };
    var stamp = file.saved.slice(0, 16).replace(/[-:]/g, "").replace("T", "-");
    var blob = new Blob([JSON.stringify(file, null, 1) + "\n"], { type: "application/json" });
    var url = URL.createObjectURL(blob);
    var link = el("a", { href: url, download: "decisions-" + data.me.name + "-" + lang + "-" + stamp + ".json" });
    document.body.appendChild(link);
    link.click();
    link.remove();
    window.setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
    this.unsaved[lang] = false;
  };

  /* ---- pages ------------------------------------------------------------- */

  var reviews = [];

  function active() {
    var node = document.activeElement && document.activeElement.closest ? document.activeElement.closest("section.statement") : null;
    var i;
    for (i = 0; i < reviews.length; i++) {
      if (reviews[i].node === node) return reviews[i];
    }
    return reviews[0] || null;
  }

  function keys(event) {
    var review = active();
    if (!review) return;
    var index = review.current;
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
  }

  function renderStatement() {
    var review = new Review(data.statement, server);
    reviews.push(review);
    root.textContent = "";
    root.appendChild(topbar("statement"));
    root.appendChild(el("main", {}, review.render()));
    document.addEventListener("keydown", keys);
  }

  function renderSheet() {
    var languages = [];
    data.statements.forEach(function (view) {
      if (languages.indexOf(view.lang) < 0) languages.push(view.lang);
    });
    var sheet = new Sheet(languages);
    root.textContent = "";
    root.appendChild(topbar("sheet"));
    var bar = el("div", { class: "savebar" });
    languages.forEach(function (lang) {
      sheet.counters[lang] = el("span", { class: "counter", role: "status" });
      bar.appendChild(el("button", { type: "button", class: "primary save-decisions", "data-lang": lang,
        onclick: function () { sheet.download(lang); } },
        languages.length > 1 ? "Save " + langName(data.names, lang) + " decisions file" : "Save decisions file"));
      bar.appendChild(sheet.counters[lang]);
    });
    var toc = el("ul", { class: "units" });
    var main = el("main", {},
      el("header", { class: "sheet-head", id: "top" },
        el("h1", {}, "Review sheet for " + data.me.name),
        el("p", {}, "Made " + data.created + ". Edit and approve here, then save the decisions file and send " +
          "it back; `tflow review import` applies it. Nothing leaves this file until you send it."),
        bar),
      toc);
    if (!data.statements.length) {
      main.appendChild(el("p", { class: "muted" }, "Nothing is waiting for you."));
    }
    data.statements.forEach(function (view) {
      var review = new Review(view, sheet);
      reviews.push(review);
      var section = review.render();
      toc.appendChild(el("li", { class: "unit" },
        el("a", { href: "#" + section.id }, view.title), el("span", { class: "lang" }, " " + view.lang),
        review.progressView()));
      main.appendChild(section);
    });
    root.appendChild(main);
    sheet.count();
    document.addEventListener("keydown", keys);
    window.addEventListener("beforeunload", function (event) {
      if (sheet.dirty()) {
        event.preventDefault();
        event.returnValue = "";
      }
    });
  }

  if (data.page === "work") renderWork();
  else if (data.page === "statement") renderStatement();
  else if (data.page === "sheet") renderSheet();
}());
