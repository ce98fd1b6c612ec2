/* "My work": the person's assigned statements and languages, then the others, with progress.
 *
 * With "weak drafts first" (the default) the units whose drafts are weakest
 * come first: each unit's `progress.weakest` is the server's `weak_first` key
 * of its weakest entry, so the page compares keys and knows no threshold. */
import { counted, el, label, say, statementUrl } from "./dom.js";
import { progressBar } from "./progress.js";

function roleNames(roles) {
  const names = roles.map(function (role) { return label("roles", role); });
  return names.length > 1 ? say("and", { first: names[0], second: names[1] }) : names[0];
}

function unitRow(unit) {
  const pending = unit.pending || { entries: 0, words: 0 };
  return el("li", { class: "unit" },
    el("a", { href: statementUrl(unit.slug, unit.lang) }, unit.title),
    el("span", { class: "lang" }, " " + unit.lang),
    unit.roles.length ? el("span", { class: "roles" }, " " + say("as_roles", { roles: roleNames(unit.roles) })) : null,
    unit.roles.length ? el("span", { class: "pending" }, " · " + (pending.entries
      ? say("for_you", { entries: counted("entries", pending.entries), words: counted("words", pending.words) })
      : say("nothing_for_you"))) : null,
    unit.progress && unit.progress.weak_drafts
      ? el("span", { class: "weak" }, " · " + counted("weak_drafts", unit.progress.weak_drafts)) : null,
    unit.progress ? progressBar(unit.progress) : el("p", { class: "muted" }, say("not_extracted")));
}

function weakness(unit) {
  return (unit.progress && unit.progress.weakest) || [1, 0];
}

function weakestFirst(units) {
  return units.map(function (unit, i) { return [weakness(unit), i, unit]; }).sort(function (a, b) {
    return a[0][0] - b[0][0] || a[0][1] - b[0][1] || a[1] - b[1];
  }).map(function (item) { return item[2]; });
}

export function renderWork(root, data) {
  const list = el("div", { id: "work" });
  const weakFirst = el("input", { type: "checkbox", id: "weak-first", checked: true });
  let shown = data.work;
  function fill(work) {
    shown = work;
    const order = weakFirst.checked ? weakestFirst : function (units) { return units; };
    list.textContent = "";
    list.appendChild(el("h2", {}, say("assigned")));
    list.appendChild(work.assigned.length
      ? el("ul", { class: "units", id: "assigned" }, order(work.assigned).map(unitRow))
      : el("p", { class: "muted" }, say("nothing_assigned")));
    if (work.others.length) {
      list.appendChild(el("h2", {}, say("others")));
      list.appendChild(el("ul", { class: "units", id: "others" }, order(work.others).map(unitRow)));
    }
  }
  weakFirst.addEventListener("change", function () { fill(shown); });
  fill(data.work);
  root.textContent = "";
  root.appendChild(el("main", { class: "work" }, el("h1", {}, say("my_work")),
    el("label", { class: "order" }, weakFirst, " " + say("order_weak")), list));
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
