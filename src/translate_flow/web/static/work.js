/* "My work": the person's assigned statements and languages, then the others, with progress. */
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
    unit.progress ? progressBar(unit.progress) : el("p", { class: "muted" }, say("not_extracted")));
}

export function renderWork(root, data) {
  const list = el("div", { id: "work" });
  function fill(work) {
    list.textContent = "";
    list.appendChild(el("h2", {}, say("assigned")));
    list.appendChild(work.assigned.length ? el("ul", { class: "units", id: "assigned" }, work.assigned.map(unitRow))
      : el("p", { class: "muted" }, say("nothing_assigned")));
    if (work.others.length) {
      list.appendChild(el("h2", {}, say("others")));
      list.appendChild(el("ul", { class: "units", id: "others" }, work.others.map(unitRow)));
    }
  }
  fill(data.work);
  root.textContent = "";
  root.appendChild(el("main", { class: "work" }, el("h1", {}, say("my_work")), list));
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
