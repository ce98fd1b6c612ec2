/* The offline review sheet: decisions kept in the page and saved as decision files.
 *
 * A decision file is one person's work in one language, as `tflow review
 * import` expects, so there is one file (and one button) per language. The
 * sheet carries its words in every interface language; the switch re-renders
 * the page and keeps the decisions made so far.
 */
import { counted, el, langName, say, strings, useStrings } from "./dom.js";
import { Review } from "./review.js";

class Decisions {
  constructor(languages, data) {
    this.online = false;
    this.data = data;
    this.decisions = {};
    this.unsaved = {};
    this.counters = {};
    this.languages = languages;
  }

  key(view, entry) {
    return JSON.stringify([view.slug, view.lang, entry.msgid]);
  }

  decision(view, entry) {
    const key = this.key(view, entry);
    if (!this.decisions[key]) {
      this.decisions[key] = {
        slug: view.slug, lang: view.lang, msgid: entry.msgid, fingerprint: entry.fingerprint,
        msgstr: null, approve: false, override: null, comment: null,
      };
    }
    this.unsaved[view.lang] = true;
    return this.decisions[key];
  }

  local(entry, decision) {
    const comments = decision.comment ? decision.comment.split("\n\n") : [];
    return Object.assign({}, entry, { local: { msgstr: decision.msgstr, approve: decision.approve, comments: comments } });
  }

  /* Whether the decision changes the text or approves it (a comment alone does not). */
  acts(decision) {
    return decision.msgstr !== null || decision.approve;
  }

  /* The sheet records the decision; whether its maker may then approve their own
   * text is the server's verdict computed when the sheet was made (`own_edit`). */
  decide(view, entry, text, approve, override) {
    const decision = this.decision(view, entry);
    if (approve) decision.approve = true;
    else {
      decision.msgstr = text;
      if (!entry.own_edit.may_approve) decision.approve = false;
    }
    if (override) decision.override = override;
    this.count();
    return Promise.resolve({
      status: "local", entry: this.local(entry, decision),
      message: approve ? say("sheet_approved") : say("sheet_saved"),
    });
  }

  comment(view, entry, text) {
    const decision = this.decision(view, entry);
    decision.comment = decision.comment ? decision.comment + "\n\n" + text : text;
    this.count();
    return Promise.resolve({ status: "local", entry: this.local(entry, decision), message: say("sheet_commented") });
  }

  list(lang) {
    return Object.keys(this.decisions).map((key) => this.decisions[key])
      .filter(function (decision) { return decision.lang === lang; });
  }

  count() {
    this.languages.forEach((lang) => {
      if (this.counters[lang]) this.counters[lang].textContent = counted("decisions", this.list(lang).length);
    });
  }

  dirty() {
    return this.languages.some((lang) => this.unsaved[lang]);
  }

  download(lang) {
    const data = this.data;
    const file = {
      kind: data.kind, person: data.me.name, lang: lang,
      sheet: data.created, saved: new Date().toISOString(), decisions: this.list(lang),
    };
    const stamp = file.saved.slice(0, 16).replace(/[-:]/g, "").replace("T", "-");
    const blob = new Blob([JSON.stringify(file, null, 1) + "\n"], { type: "application/json" });
    const url = URL.createObjectURL(blob);
    const link = el("a", { href: url, download: "decisions-" + data.me.name + "-" + lang + "-" + stamp + ".json" });
    document.body.appendChild(link);
    link.click();
    link.remove();
    window.setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
    this.unsaved[lang] = false;
  }
}

function languagesOf(data) {
  const languages = [];
  data.statements.forEach(function (view) {
    if (languages.indexOf(view.lang) < 0) languages.push(view.lang);
  });
  return languages;
}

function draw(root, data, sheet, reviews) {
  const languages = sheet.languages;
  reviews.length = 0;
  root.textContent = "";
  const bar = el("div", { class: "savebar" });
  languages.forEach(function (lang) {
    sheet.counters[lang] = el("span", { class: "counter", role: "status" });
    bar.appendChild(el("button", { type: "button", class: "primary save-decisions", "data-lang": lang,
      onclick: function () { sheet.download(lang); } },
      languages.length > 1 ? say("save_language_file", { language: langName(data.names, lang) }) : say("save_file")));
    bar.appendChild(sheet.counters[lang]);
  });
  const toc = el("ul", { class: "units" });
  const main = el("main", {},
    el("header", { class: "sheet-head", id: "top" },
      el("h1", {}, say("sheet_for", { name: data.me.name })),
      el("p", {}, say("sheet_intro", { date: data.created })),
      bar),
    toc);
  if (!data.statements.length) main.appendChild(el("p", { class: "muted" }, say("nothing_waiting")));
  data.statements.forEach(function (view) {
    const review = new Review(view, sheet, data.me);
    reviews.push(review);
    const section = review.render();
    toc.appendChild(el("li", { class: "unit" },
      el("a", { href: "#" + section.id }, view.title), el("span", { class: "lang" }, " " + view.lang),
      review.progressView()));
    main.appendChild(section);
  });
  root.appendChild(main);
  sheet.count();
}

/* Whether a textarea holds text that is neither saved in the sheet nor the catalog's. */
function typing(reviews) {
  return reviews.some(function (review) {
    return review.view.entries.some(function (entry, index) {
      const article = review.articleOf(index);
      return article && article.tflow && article.tflow.textarea.value !== review.shownText(entry);
    });
  });
}

export function renderSheet(root, data, reviews) {
  const sheet = new Decisions(languagesOf(data), data);
  draw(root, data, sheet, reviews);
  document.querySelectorAll(".switch button[data-ui]").forEach(function (button) {
    button.addEventListener("click", function () {
      const lang = button.getAttribute("data-ui");
      if (lang === strings().lang || !data.all_strings[lang]) return;
      if (typing(reviews) && !window.confirm(say("unsaved_switch"))) return;
      useStrings(data.all_strings[lang]);
      document.documentElement.lang = lang;
      document.querySelectorAll(".switch button[data-ui]").forEach(function (other) {
        other.setAttribute("aria-pressed", String(other === button));
      });
      draw(root, data, sheet, reviews);
    });
  });
  window.addEventListener("beforeunload", function (event) {
    if (sheet.dirty()) {
      event.preventDefault();
      event.returnValue = "";
    }
  });
}
