// Building DOM from untrusted data. Everything the API returns comes from
// scraped articles, so it is only ever set as text (textContent, text nodes,
// attribute values); no HTML string built from data is ever parsed.

/** An element with properties and children; strings become text nodes. */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = String(value);
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else if (key === "href") node.setAttribute("href", checkedHref(value));
    else if (key === "style" || key === "src" || key === "srcdoc") {
      throw new Error(`el: '${key}' is not settable here`);
    } else node.setAttribute(key, value === true ? "" : String(value));
  }
  append(node, children);
  return node;
}

/** Appends children: nodes, strings and numbers (as text), arrays; skips null and undefined. */
export function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** Removes all children, then appends these. */
export function replace(node, ...children) {
  node.replaceChildren();
  return append(node, children);
}

/** The URL if it is absolute http(s), else null: javascript:, data: and the like never become links. */
export function webUrl(value) {
  if (typeof value !== "string") return null;
  let url;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
}

function checkedHref(value) {
  const href = String(value);
  // Our own paths ("/api/...") or a vetted web URL; anything else is a bug in the caller.
  if ((href.startsWith("/") && !href.startsWith("//")) || webUrl(href) === href) return href;
  throw new Error(`el: refusing href '${href}'`);
}

/** A link to an http(s) URL opened in a new tab, or the value as plain text when it is anything else. */
export function externalLink(url, text) {
  const href = webUrl(url);
  const label = text ?? url ?? "";
  if (href === null) return el("span", { class: "inert-url", text: label });
  return el("a", { href, target: "_blank", rel: "noopener noreferrer nofollow" }, label);
}

/**
 * The sentence with [start, end) wrapped in <mark>. Offsets count Unicode code
 * points, as Python's do, so a sentence with emoji still highlights the right
 * words. Offsets missing or out of range: the sentence alone, unmarked.
 */
export function highlighted(sentence, start, end) {
  const text = typeof sentence === "string" ? sentence : "";
  const points = Array.from(text);
  const valid = Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start < end && end <= points.length;
  if (!valid) return el("span", { class: "sentence" }, text);
  return el(
    "span",
    { class: "sentence" },
    points.slice(0, start).join(""),
    el("mark", {}, points.slice(start, end).join("")),
    points.slice(end).join(""),
  );
}

/** A number with thousands separators, or a dash for null. */
export function num(value) {
  return value === null || value === undefined ? "–" : Number(value).toLocaleString("en");
}

/** A value shown as text: null as a dash, booleans as yes/no. */
export function show(value) {
  if (value === null || value === undefined || value === "") return "–";
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "number") return num(value);
  return String(value);
}
