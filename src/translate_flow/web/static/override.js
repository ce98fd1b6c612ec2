/* The dialog that asks for the reason before check errors are approved or accepted.
 *
 * Which problems need an override is the server's verdict (the entry's
 * `override_required` / `accept_override_required`); the page only names
 * them and asks why the text is right anyway. A real modal <dialog>: focus
 * goes to the reason, Tab stays inside, Escape or Cancel closes it with
 * nothing done, and focus returns to where it was.
 */
import { el, label, say } from "./dom.js";

/* Resolves to the reason (trimmed, non-empty), or null when the person cancels. */
export function askOverride(problems, action, line) {
  const back = document.activeElement;
  const heading = say(action === "accept" ? "override_accept_title" : "override_approve_title");
  const reason = el("textarea", { id: "override-reason", rows: 3, required: true, "aria-required": "true",
    "aria-describedby": "override-hint" });
  const hint = el("p", { id: "override-hint", class: "hint" }, say("override_hint"));
  const status = el("p", { class: "status error", role: "alert" });
  const confirm = el("button", { type: "button", class: "primary confirm" },
    say(action === "accept" ? "override_accept" : "override_approve"));
  const cancel = el("button", { type: "button", class: "cancel" }, say("cancel"));
  const dialog = el("dialog", { class: "override", "aria-labelledby": "override-title",
    "aria-describedby": "override-problems" },
    el("h2", { id: "override-title" }, heading),
    el("p", {}, say("override_intro", { line: line })),
    el("ul", { id: "override-problems", class: "problems" }, problems.map(function (problem) {
      return el("li", { class: problem.severity },
        el("b", {}, problem.check), ": " + problem.message + " (" + label("severities", problem.severity) + ")");
    })),
    el("label", { for: "override-reason" }, say("override_reason")),
    reason, hint, status,
    el("div", { class: "actions" }, confirm, cancel));
  document.body.appendChild(dialog);
  return new Promise(function (done) {
    let answer = null;
    function submit() {
      const text = reason.value.trim();
      if (!text) {
        status.textContent = say("override_needed");
        reason.setAttribute("aria-invalid", "true");
        reason.focus();
        return;
      }
      answer = text;
      dialog.close();
    }
    confirm.addEventListener("click", submit);
    cancel.addEventListener("click", function () { dialog.close(); });
    reason.addEventListener("keydown", function (event) {
      if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        submit();
      }
    });
    dialog.addEventListener("close", function () {
      dialog.remove();
      if (back && back.isConnected && back.focus) back.focus();
      done(answer);
    });
    dialog.showModal();
    reason.focus();
  });
}
