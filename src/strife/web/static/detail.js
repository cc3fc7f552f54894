// The event detail panel: each coded field beside the sentence it was read from,
// the span marked; then claims, sources and notes. All text from the API is set
// as text: a hostile article shows as what it is, characters.
import { el, externalLink, highlighted, replace, show } from "./dom.js";
import { swatch } from "./colours.js";
import { derivedNote, uniqueClaims } from "./derived.js";

// The record's fields (CODEBOOK section 11), grouped as an analyst reads them.
const GROUPS = [
  ["What", ["event_type", "sub_event_type"]],
  ["When", ["event_date", "date_start", "date_end", "time_precision"]],
  ["Who", ["actor1", "actor1_type", "assoc_actor1", "actor2", "actor2_type", "assoc_actor2", "interaction"]],
  ["Where", ["location", "admin2", "admin1", "country", "latitude", "longitude", "geo_precision"]],
  ["How many", [
    "fatalities", "fatalities_low", "fatalities_high", "fatalities_disputed",
    "displaced_figure", "displaced_unit", "displaced_people", "displacement_origin", "displacement_destination",
  ]],
  ["Who says", ["reported_by", "disputed", "corroboration", "confidence"]],
];
const LISTED = new Set(GROUPS.flatMap(([, fields]) => fields));

function byField(evidence) {
  const found = new Map();
  for (const item of evidence ?? []) {
    const key = String(item.field);
    if (!found.has(key)) found.set(key, []);
    found.get(key).push(item);
  }
  return found;
}

function articleLabel(articles, articleId) {
  const article = articles.get(articleId);
  return (article && (article.title || article.outlet)) || articleId;
}

function evidenceList(items, articles) {
  return el(
    "ul",
    { class: "evidence" },
    items.map((item) => {
      const sentence = highlighted(item.sentence, item.highlight_start, item.highlight_end);
      return el(
        "li",
        {},
        sentence,
        sentence.querySelector("mark") ? null : el("span", { class: "from" }, " (the span is not in this sentence)"),
        el("span", { class: "from" }, " from ", show(articleLabel(articles, item.article_id))),
      );
    }),
  );
}

function fieldRows(fields, record, evidence, articles) {
  const rows = [];
  for (const field of fields) {
    const items = evidence.get(field) ?? [];
    const value = record[field];
    if ((value === null || value === undefined) && items.length === 0) continue;
    rows.push(
      el(
        "tr",
        { "data-field": field },
        el("th", { scope: "row" }, field),
        el("td", { class: "value" }, field === "event_type" ? swatch(value) : null, show(value)),
        el("td", { class: "evidence-cell" }, items.length ? evidenceList(items, articles) : el("span", { class: "muted" }, derivedNote(field) ?? "no evidence span recorded")),
      ),
    );
  }
  return rows;
}

function claims(record) {
  const list = uniqueClaims(record.claims);
  if (!list.length) return el("p", { class: "muted" }, "No attributed claims.");
  return el(
    "ul",
    { class: "claims" },
    list.map((claim) =>
      el(
        "li",
        {},
        el("strong", {}, claim.claimant ? String(claim.claimant) : "unattributed"),
        ": ",
        el("q", {}, show(claim.statement)),
        claim.figure === null || claim.figure === undefined ? null : el("span", { class: "figure" }, ` (figure: ${show(claim.figure)})`),
        claim.copies > 1 ? el("span", { class: "from" }, ` (in ${claim.copies} copies of the story)`) : null,
      ),
    ),
  );
}

function sources(record, articles, onFullText) {
  const list = record.sources ?? [];
  if (!list.length) return el("p", { class: "muted" }, "No sources.");
  return el(
    "ul",
    { class: "sources" },
    list.map((source) => {
      const article = articles.get(source.article_id) ?? {};
      const url = source.url ?? article.url ?? null;
      return el(
        "li",
        {},
        el("div", { class: "source-title" }, show(article.title || source.article_id)),
        el(
          "div",
          { class: "muted" },
          [source.outlet ?? article.outlet, source.date ?? article.date]
            .filter((v) => v !== null && v !== undefined && v !== "")
            .map(String)
            .join(" · "),
          source.originating_agency ? ` · via ${source.originating_agency}` : null,
          source.chain ? ` · story ${source.chain}` : null,
        ),
        url ? el("div", { class: "url" }, externalLink(url)) : null,
        articles.has(source.article_id)
          ? el("button", { type: "button", class: "fulltext", "data-article": source.article_id, onclick: () => onFullText(source.article_id, record) }, "Full text")
          : null,
      );
    }),
  );
}

export class DetailPanel {
  constructor(panel, { onClose, onFullText, onShown }) {
    this.panel = panel;
    this.onFullText = onFullText;
    this.onShown = onShown;
    this.body = panel.querySelector("#detail-body");
    this.generation = 0;
    panel.querySelector("#detail-close").addEventListener("click", onClose);
    document.addEventListener("keydown", (e) => {
      if (e.key === "Escape" && !panel.hidden) onClose();
    });
  }

  loading(eventId) {
    this.panel.hidden = false;
    document.body.classList.add("detail-open");
    replace(this.body, el("p", { class: "muted" }, `Loading ${eventId}…`));
    return ++this.generation;
  }

  failed(generation, message) {
    if (generation === this.generation) replace(this.body, el("p", { class: "error" }, message));
  }

  close() {
    this.generation++;
    this.panel.hidden = true;
    this.panel.querySelector("#fulltext").hidden = true;
    document.body.classList.remove("detail-open");
    this.body.replaceChildren();
  }

  /** Shows one /api/events/{id} record. */
  show(generation, record) {
    if (generation !== this.generation) return;
    const articles = new Map((record.articles ?? []).map((a) => [a.id, a]));
    const evidence = byField(record.evidence);
    const tables = GROUPS.map(([title, fields]) => {
      const rows = fieldRows(fields, record, evidence, articles);
      return rows.length ? [el("h3", {}, title), el("table", { class: "fields" }, el("tbody", {}, rows))] : null;
    });
    const others = [...evidence.keys()].filter((field) => !LISTED.has(field));
    if (others.length) {
      tables.push([el("h3", {}, "Other evidence"), el("table", { class: "fields" }, el("tbody", {}, fieldRows(others, record, evidence, articles)))]);
    }
    const id = String(record.event_id);
    replace(
      this.body,
      el("h2", {}, swatch(record.event_type), show(record.event_type), record.sub_event_type ? `: ${record.sub_event_type}` : ""),
      el("p", { class: "muted" }, [record.event_date, record.location, record.country].filter(Boolean).map(String).join(" · ")),
      el("p", { class: "event-id" }, "Event ", el("code", {}, id), " · ", el("a", { href: `/api/events/${encodeURIComponent(id)}` }, "JSON"),
        record.review && record.review.status !== "pending" ? el("span", { class: "review-mark" }, ` · ${record.review.status}${record.review.reviewed_by ? ` by ${record.review.reviewed_by}` : ""}`) : null),
      record.notes ? el("p", { class: "notes" }, String(record.notes)) : null,
      tables,
      el("h3", {}, "Claims"),
      claims(record),
      el("h3", {}, "Sources"),
      sources(record, articles, this.onFullText),
    );
    if (this.onShown) this.onShown(record);
  }
}
