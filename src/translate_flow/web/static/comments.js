/* The comments on one entry: the thread (author, date, text) and a box to add one.
 *
 * Everyone working on the language sees the thread; a new comment goes to
 * the backend as a `comment` decision (the server writes it into the PO file,
 * the offline sheet into its decisions file).
 */
import { counted, el, say } from "./dom.js";

function commentItem(comment) {
  return el("li", {},
    el("span", { class: "author" }, comment.person), " ",
    el("time", { datetime: comment.day }, comment.day),
    el("p", { class: "text" }, comment.text));
}

function pendingItem(name, text) {
  return el("li", { class: "local" },
    el("span", { class: "author" }, name), " ",
    el("span", { class: "muted" }, say("comment_in_sheet")),
    el("p", { class: "text" }, text));
}

/* The pane for `entry`; `send(text)` adds a comment and returns a promise of the outcome. */
export function commentsPane(entry, me, canWrite, send) {
  const thread = entry.comments || [];
  const pending = (entry.local && entry.local.comments) || [];
  const count = thread.length + pending.length;
  const id = "comment-" + Math.random().toString(36).slice(2);
  const box = el("textarea", { id: id, class: "comment-box", rows: 2 });
  const status = el("span", { class: "comment-status", role: "status" });
  const add = el("button", { type: "button", class: "add-comment" }, say("add_comment"));
  function submit() {
    const text = box.value.trim();
    if (!text) {
      status.textContent = say("comment_empty");
      status.className = "comment-status error";
      box.focus();
      return;
    }
    add.disabled = true;
    status.textContent = say("saving");
    status.className = "comment-status busy";
    send(text).then(function (failure) {
      add.disabled = false;
      if (failure) {
        status.textContent = failure;
        status.className = "comment-status error";
      }
    });
  }
  add.addEventListener("click", submit);
  box.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      event.stopPropagation();
      submit();
    }
  });
  return el("details", { class: "comments", open: count > 0 },
    el("summary", {}, count ? counted("comments_count", count) : say("comments")),
    count ? el("ol", { class: "thread" }, thread.map(commentItem),
      pending.map(function (text) { return pendingItem(me.name, text); }))
      : el("p", { class: "muted" }, say("no_comments")),
    canWrite ? el("div", { class: "comment-form" },
      el("label", { for: id }, say("comment_label", { line: entry.line })),
      box, el("div", { class: "actions" }, add, status)) : null);
}
