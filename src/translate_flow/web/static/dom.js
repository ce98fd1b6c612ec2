/* DOM building and the page's words.
 *
 * el() never parses markup: every text from a catalog reaches the page as a
 * text node, so a translation that contains <script> is shown as text. The
 * words come translated from the server in the page's data (`strings`);
 * say() fills their %(name)s placeholders, and counted() picks a plural form
 * by the language's CLDR category, which the browser knows (Intl.PluralRules).
 */

export const STATES = ["approved", "translated", "stale", "draft", "untranslated"];

const words = { current: {} };

export function useStrings(strings) {
  words.current = strings;
}

export function strings() {
  return words.current;
}

function fill(template, values) {
  return String(template).replace(/%(?:\((\w+)\))?([sdr%])/g, function (match, name, kind) {
    if (kind === "%") return "%";
    const value = values[name];
    return value === undefined ? match : String(value);
  });
}

/* The string `key`, with placeholders filled from `values`. */
export function say(key, values) {
  const template = words.current[key];
  return fill(template === undefined ? key : template, values || {});
}

/* The plural message `key` (e.g. "words") for `count`, the count written the language's way. */
export function counted(key, count) {
  const forms = words.current[key] || {};
  const category = new Intl.PluralRules(words.current.lang || "en").select(count);
  return fill(forms[category] || forms.other || "%(num)d", { num: number(count) });
}

/* A label from a table of the strings (states, kinds, roles), or the code itself. */
export function label(table, code) {
  const found = (words.current[table] || {})[code];
  return found === undefined ? code : found;
}

export function number(n) {
  return Number(n).toLocaleString(words.current.lang || "en");
}

/* Nodes for `key` with some placeholders replaced by elements (a link inside a sentence). */
export function sayWith(key, nodes) {
  const parts = String(words.current[key] || key).split(/%\((\w+)\)s/);
  return parts.map(function (part, i) {
    return i % 2 ? nodes[part] : fill(part, {});
  });
}

export function append(node, child) {
  if (child === null || child === undefined || child === false) return;
  if (Array.isArray(child)) {
    child.forEach(function (item) { append(node, item); });
  } else if (typeof child === "string" || typeof child === "number") {
    node.appendChild(document.createTextNode(String(child)));
  } else {
    node.appendChild(child);
  }
}

export function el(tag, props) {
  const node = document.createElement(tag);
  const given = props || {};
  Object.keys(given).forEach(function (key) {
    const value = given[key];
    if (value === null || value === undefined || value === false) return;
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = value;
    else if (key.slice(0, 2) === "on") node.addEventListener(key.slice(2), value);
    else if (key === "value") node.value = value;
    else node.setAttribute(key, value === true ? "" : String(value));
  });
  for (let i = 2; i < arguments.length; i++) append(node, arguments[i]);
  return node;
}

/* A language's name in the page's language (`names`, in itself, for others). */
export function langName(names, code) {
  return (words.current.language_names || {})[code] || (names && names[code]) || code;
}

export function statementUrl(slug, lang, third) {
  const params = new URLSearchParams({ slug: slug, lang: lang });
  if (third !== undefined) params.set("third", third || "none");
  return "/statement?" + params.toString();
}
