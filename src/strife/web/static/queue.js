// The review queue: events waiting for review, most in need of eyes first (flagged, low
// confidence, disputed figures, very high fatalities, single source, unresolved place, new since
// the last visit), with reviewed vs pending counts per country. Keys: a approve, r reject,
// n (or j) next, k previous; none of them while typing in a box.
import { getJSON } from "./api.js";
import { el, num, replace, show } from "./dom.js";

const VISIT_KEY = "strife.lastVisit";

export class ReviewQueue {
  constructor(panel, { onOpen }) {
    this.panel = panel;
    this.onOpen = onOpen;
    this.items = [];
    this.current = -1;
    this.since = localStorage.getItem(VISIT_KEY);
    localStorage.setItem(VISIT_KEY, new Date().toISOString());
  }

  async load(country = "") {
    const answer = await getJSON("/api/review/queue", { since: this.since, country, limit: 200 });
    this.items = answer.events;
    const list = el("ol", { id: "queue-list", class: "queue" }, this.items.map((item, index) => el("li", {
      "data-event-id": item.event_id,
      class: index === this.current ? "current" : null,
    },
    el("button", { type: "button", class: "open", onclick: () => this.open(index) }, show(item.event_date)),
    ` ${show(item.event_type)} · ${show(item.location)}, ${show(item.country)} · ${num(item.fatalities)} dead · `,
    el("span", { class: "reasons" }, item.reasons.join(", ")))));
    const counts = el("table", { id: "queue-counts", class: "counts" },
      el("thead", {}, el("tr", {}, ["Country", "Reviewed", "Pending", "Rejected"].map((h) => el("th", { scope: "col" }, h)))),
      el("tbody", {}, answer.counts.map((c) => el("tr", { "data-country": c.country },
        el("td", {}, c.country || "–"), el("td", { class: "num" }, num(c.reviewed)),
        el("td", { class: "num" }, num(c.pending)), el("td", { class: "num" }, num(c.rejected))))));
    replace(this.panel,
      el("div", { class: "panel-head" }, el("h2", {}, "Review queue ", el("span", { id: "queue-count", class: "count" }, `${num(this.items.length)} waiting`)),
        el("span", { class: "muted keys" }, "keys: a approve · r reject · n next · k previous")),
      el("div", { class: "queue-body" }, this.items.length ? list : el("p", { class: "muted" }, "Nothing waits for review."), counts));
  }

  open(index) {
    if (index < 0 || index >= this.items.length) return;
    this.current = index;
    for (const [i, row] of [...this.panel.querySelectorAll("#queue-list li")].entries()) row.classList.toggle("current", i === index);
    this.onOpen(this.items[index].event_id);
  }

  /** After a decision on the current item: reload and open what is now next. */
  async advance() {
    const done = this.items[this.current]?.event_id;
    await this.load();
    const next = this.items.findIndex((item) => item.event_id !== done);
    const at = Math.min(Math.max(this.current, 0), this.items.length - 1);
    this.open(this.items[at]?.event_id === done ? next : at);
  }

  step(by) {
    this.open(Math.min(Math.max(this.current + by, 0), this.items.length - 1));
  }
}

/** Keyboard shortcuts, ignored while typing (except Escape) so that letters reach the boxes. */
export function shortcuts({ approve, reject, next, previous }) {
  document.addEventListener("keydown", (event) => {
    const target = event.target;
    const typing = target instanceof HTMLElement && (target.isContentEditable || ["INPUT", "SELECT", "TEXTAREA"].includes(target.tagName));
    if (typing || event.ctrlKey || event.metaKey || event.altKey) return;
    const action = { a: approve, r: reject, n: next, j: next, k: previous }[event.key];
    if (action) {
      event.preventDefault();
      action();
    }
  });
}
