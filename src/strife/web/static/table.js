// The events table: server-side sorting and paging through /api/events.
import { append, el, num, replace, show } from "./dom.js";
import { swatch } from "./colours.js";

// [heading, sort key or null, cell]
const COLUMNS = [
  ["Date", "event_date", (e) => show(e.event_date)],
  ["Type", "event_type", (e) => [swatch(e.event_type), show(e.event_type)]],
  ["Sub-event type", "sub_event_type", (e) => show(e.sub_event_type)],
  ["Actor 1", null, (e) => show(e.actor1)],
  ["Actor 2", null, (e) => show(e.actor2)],
  ["Location", "location", (e) => show(e.location)],
  ["Admin 1", "admin1", (e) => show(e.admin1)],
  ["Country", "country", (e) => show(e.country)],
  ["Fatalities", "fatalities", (e) => [num(e.fatalities), e.fatalities_disputed ? el("span", { class: "flag", title: "figures differ between reports" }, " disputed") : null]],
  ["Displaced", "displaced_people", (e) => num(e.displaced_people)],
  ["Sources", "corroboration", (e) => `${num(e.corroboration ?? null)} / ${num(e.source_count ?? null)}`],
  ["Confidence", "confidence", (e) => (e.confidence === null || e.confidence === undefined ? "–" : Number(e.confidence).toFixed(2))],
  ["Review", null, (e) => (!e.reviewed || e.reviewed === "pending" ? "–" : el("span", { class: `review review-${e.reviewed}`, title: e.reviewed_by ? `by ${e.reviewed_by}` : null }, e.reviewed))],
];
const TITLES = {
  Review: "pending, or approved / corrected by a reviewer; flagged: a new report changed a reviewed event",
  Sources: "independent source chains / reports merged into this event",
  Confidence: "0.4 plus 0.15 for each of: strong trigger, known actor, named place, date read from the text",
};
const NUMERIC = new Set(["fatalities", "displaced_people", "corroboration", "confidence"]);

export class EventTable {
  constructor(table, { onSort, onPage, onOpen }) {
    this.table = table;
    this.onOpen = onOpen;
    this.onSort = onSort;
    this.head = table.querySelector("thead tr");
    this.body = table.querySelector("tbody");
    this.prev = document.getElementById("page-prev");
    this.next = document.getElementById("page-next");
    this.prev.addEventListener("click", () => onPage(-1));
    this.next.addEventListener("click", () => onPage(+1));
  }

  /** The column headings, the sorted one marked; a click sorts (again: the other way). */
  heading(sort) {
    const key = sort.replace(/^-/, "");
    const descending = sort.startsWith("-");
    const cells = COLUMNS.map(([title, sortKey]) => {
      const th = el("th", { scope: "col", class: NUMERIC.has(sortKey) ? "num" : null, title: TITLES[title] });
      if (!sortKey) return append(th, [title]);
      const active = sortKey === key;
      th.setAttribute("aria-sort", active ? (descending ? "descending" : "ascending") : "none");
      const next = active && !descending ? `-${sortKey}` : sortKey;
      // Numbers and dates are most useful largest/latest first.
      const first = NUMERIC.has(sortKey) || sortKey === "event_date" ? `-${sortKey}` : sortKey;
      const button = el("button", { type: "button", class: "sort", "data-sort": sortKey }, title, active ? (descending ? " ▼" : " ▲") : "");
      button.addEventListener("click", () => this.onSort(active ? next : first));
      return append(th, [button]);
    });
    replace(this.head, cells);
  }

  /** Shows one /api/events answer. */
  show(answer, sort) {
    this.heading(sort);
    const rows = (answer.events ?? []).map((event) => {
      const row = el("tr", { "data-event-id": String(event.event_id) });
      COLUMNS.forEach(([, sortKey, cell], i) => {
        const td = el("td", { class: NUMERIC.has(sortKey) ? "num" : null }, cell(event));
        if (i === 0) {
          // The date opens the event: a real button, so the keyboard reaches it.
          replace(td, el("button", { type: "button", class: "open", onclick: () => this.onOpen(String(event.event_id)) }, cell(event)));
        }
        row.append(td);
      });
      row.addEventListener("click", (e) => {
        if (!(e.target instanceof HTMLButtonElement)) this.onOpen(String(event.event_id));
      });
      return row;
    });
    replace(this.body, rows);
    const total = answer.total ?? 0;
    const pages = Math.max(1, Math.ceil(total / answer.page_size));
    document.getElementById("table-count").textContent = `(${num(total)})`;
    document.getElementById("table-empty").hidden = total > 0;
    document.getElementById("page-info").textContent = `page ${answer.page} of ${pages}`;
    this.prev.disabled = answer.page <= 1;
    this.next.disabled = answer.page >= pages;
    return pages;
  }
}
