/* The running server as a Review's backend: suggestions, saves and approvals over the API. */
import { say } from "./dom.js";

export function serverBackend(csrf) {
  return {
    online: true,
    suggest: function (view, entry) {
      const params = new URLSearchParams({ slug: view.slug, lang: view.lang, msgid: entry.msgid, current: entry.msgstr });
      return fetch("/api/suggest?" + params.toString(), { credentials: "same-origin" }).then(function (response) {
        return response.ok ? response.json() : { suggestions: [] };
      }).then(function (result) { return result.suggestions; }, function () { return []; });
    },
    decide: function (view, entry, text, approve) {
      const body = { slug: view.slug, lang: view.lang, msgid: entry.msgid, fingerprint: entry.fingerprint };
      if (!approve) body.msgstr = text;
      return fetch(approve ? "/api/approve" : "/api/save", {
        method: "POST", credentials: "same-origin",
        headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf },
        body: JSON.stringify(body),
      }).then(function (response) {
        if (response.status === 401) return { status: "refused", reason: say("signed_out") };
        return response.json().then(function (result) {
          if (result.status === "applied" && approve) result.message = say("approved_done");
          return result;
        }, function () {
          return { status: "error", reason: say("server_answered", { status: response.status }) };
        });
      }, function () {
        return { status: "error", reason: say("unreachable") };
      });
    },
  };
}
