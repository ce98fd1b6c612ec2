/* The running server as a Review's backend: suggestions, saves, approvals and comments over the API. */
import { say } from "./dom.js";

export function serverBackend(csrf) {
  function post(path, body) {
    return fetch(path, {
      method: "POST", credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf },
      body: JSON.stringify(body),
    }).then(function (response) {
      if (response.status === 401) return { status: "refused", reason: say("signed_out") };
      return response.json().catch(function () {
        return { status: "error", reason: say("server_answered", { status: response.status }) };
      });
    }, function () {
      return { status: "error", reason: say("unreachable") };
    });
  }
  return {
    online: true,
    suggest: function (view, entry) {
      const params = new URLSearchParams({ slug: view.slug, lang: view.lang, msgid: entry.msgid, current: entry.msgstr });
      return fetch("/api/suggest?" + params.toString(), { credentials: "same-origin" }).then(function (response) {
        return response.ok ? response.json() : { suggestions: [] };
      }).then(function (result) { return result.suggestions; }, function () { return []; });
    },
    decide: function (view, entry, text, approve, override) {
      const body = { slug: view.slug, lang: view.lang, msgid: entry.msgid, fingerprint: entry.fingerprint };
      if (!approve) body.msgstr = text;
      if (override) body.override = override;
      return post(approve ? "/api/approve" : "/api/save", body).then(function (result) {
        if (result.status === "applied" && approve) {
          result.message = say(result.adopted ? "adopted_done" : "approved_done");
        }
        return result;
      });
    },
    comment: function (view, entry, text) {
      return post("/api/comment", {
        slug: view.slug, lang: view.lang, msgid: entry.msgid, fingerprint: entry.fingerprint, comment: text,
      });
    },
  };
}
