// An article's full text, one click from the evidence: fetched as JSON and shown as text nodes
// only (never parsed as HTML), with every evidence span of the event marked in it.
import { getJSON } from "./api.js";
import { el, replace } from "./dom.js";

/** The text as nodes with [start, end) spans (code point offsets, as Python counts) in <mark>. */
export function markedText(text, spans) {
  const points = Array.from(typeof text === "string" ? text : "");
  const sorted = spans
    .filter((s) => Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.start < s.end && s.end <= points.length)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const nodes = [];
  let at = 0;
  for (const span of sorted) {
    if (span.start < at) continue; // overlapping spans: the first one is marked
    nodes.push(points.slice(at, span.start).join(""));
    nodes.push(el("mark", { title: span.field }, points.slice(span.start, span.end).join("")));
    at = span.end;
  }
  nodes.push(points.slice(at).join(""));
  return nodes;
}

/** Opens the article in the full-text box of the panel, marking the record's evidence in it. */
export async function showFullText(box, articleId, record) {
  box.hidden = false;
  replace(box, el("p", { class: "muted" }, `Loading article ${articleId}…`));
  try {
    const article = await getJSON(`/api/articles/${encodeURIComponent(articleId)}`);
    const spans = (record.evidence ?? []).filter((e) => e.article_id === articleId);
    const close = el("button", { type: "button", class: "close", onclick: () => { box.hidden = true; } }, "Close text");
    replace(
      box,
      close,
      el("h3", {}, "Full article"),
      el("p", { class: "source-title" }, String(article.title ?? article.id)),
      el("p", { class: "muted" }, [article.outlet, article.date].filter(Boolean).map(String).join(" · ")),
      el("div", { class: "article-text" }, markedText(article.text, spans)),
    );
    const first = box.querySelector("mark");
    if (first) first.scrollIntoView({ block: "center" });
  } catch (error) {
    replace(box, el("p", { class: "error" }, error.message));
  }
}
