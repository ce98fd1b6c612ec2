/* The progress bar: words by state, and the share translated and approved. */
import { STATES, counted, el, label, number, say } from "./dom.js";

function percent(part, total) {
  return total ? Math.round((1000 * part) / total) / 10 : 100;
}

export function progressBar(progress) {
  const words = (progress && progress.words) || {};
  const total = (progress && progress.total_words) || 0;
  const bar = el("div", { class: "bar", role: "img" });
  const done = (words.translated || 0) + (words.approved || 0);
  STATES.forEach(function (state) {
    if (!total || !words[state]) return;
    const seg = el("span", {
      class: "seg state-" + state,
      title: say("state_words", { state: label("states", state), words: counted("words", words[state]) }),
    });
    seg.style.width = percent(words[state], total) + "%"; /* CSSOM, which the CSP allows; a style attribute it would not */
    bar.appendChild(seg);
  });
  const translated = say("percent_translated", { percent: number(percent(done, total)) });
  bar.setAttribute("aria-label", translated);
  const summary = el("span", { class: "figures" },
    translated + " · " + say("percent_approved", { percent: number(percent(words.approved || 0, total)) }) +
    " · " + counted("words", total));
  return el("div", { class: "progress" }, bar, summary);
}
