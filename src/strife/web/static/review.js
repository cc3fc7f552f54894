// Review in the dashboard: a reviewer signs in with the server's token and a name, then corrects,
// approves, rejects, splits and merges events from the detail panel. The server checks every
// write; without the token (or on a read-only server) no edit control is shown at all.
import { getJSON, sendJSON } from "./api.js";
import { el, replace, show } from "./dom.js";

const NAME_KEY = "strife.reviewer";
const TOKEN_KEY = "strife.token"; // sessionStorage: the token leaves with the tab

// The form's fields by group: [field, input kind].
const FORM = [
  ["When", [["event_date", "date"], ["date_start", "date"], ["date_end", "date"]]],
  ["Who", [["actor1", "actor"], ["actor1_type", "int"], ["assoc_actor1", "text"], ["actor2", "actor"], ["actor2_type", "int"], ["assoc_actor2", "text"]]],
  ["Where", [["location", "text"], ["admin2", "text"], ["admin1", "text"], ["country", "text"], ["latitude", "float"], ["longitude", "float"], ["geo_precision", "int"]]],
  ["How many", [
    ["fatalities", "int"], ["fatalities_low", "int"], ["fatalities_high", "int"], ["fatalities_disputed", "bool"],
    ["displaced_figure", "int"], ["displaced_unit", "text"], ["displaced_people", "int"],
  ]],
  ["Notes", [["notes", "text"]]],
];

export class ReviewSession {
  constructor() {
    this.name = localStorage.getItem(NAME_KEY) || "";
    this.token = sessionStorage.getItem(TOKEN_KEY) || "";
    this.taxonomy = null;
  }

  get active() {
    return Boolean(this.name && this.token && this.taxonomy && this.taxonomy.writable);
  }

  start(name, token) {
    this.name = name.trim();
    this.token = token.trim();
    localStorage.setItem(NAME_KEY, this.name);
    sessionStorage.setItem(TOKEN_KEY, this.token);
  }

  stop() {
    this.token = "";
    sessionStorage.removeItem(TOKEN_KEY);
  }

  send(method, path, body) {
    // Header values are Latin-1: the name goes percent-encoded (UTF-8), the server decodes it.
    return sendJSON(method, path, body, { Authorization: `Bearer ${this.token}`, "X-Strife-Reviewer": encodeURIComponent(this.name) });
  }

  eventPath(eventId, action = "") {
    return `/api/events/${encodeURIComponent(eventId)}${action ? `/${action}` : ""}`;
  }
}

function input(field, kind, value, session) {
  const name = `f-${field}`;
  if (kind === "bool") return el("input", { type: "checkbox", name, id: name, "data-field": field, checked: value === true });
  const props = { name, id: name, "data-field": field, value: value === null || value === undefined ? "" : String(value) };
  if (kind === "date") return el("input", { ...props, type: "date" });
  if (kind === "int") return el("input", { ...props, type: "number", step: "1", min: field.endsWith("_type") || field.endsWith("precision") ? "1" : "0" });
  if (kind === "float") return el("input", { ...props, type: "number", step: "any" });
  if (kind === "actor") return el("input", { ...props, type: "text", list: "actor-options", autocomplete: "off" });
  return el("input", { ...props, type: "text" });
}

/** The value of a form control as the API takes it: null for an empty box, numbers as numbers. */
function valueOf(control) {
  if (control.type === "checkbox") return control.checked;
  const text = control.value.trim();
  if (text === "") return null;
  if (control.type === "number") return Number(text);
  return text;
}

function same(a, b) {
  return (a ?? null) === (b ?? null);
}

/** The review form for one record, in `box`; `done(record | null)` after a write. */
export class ReviewForm {
  constructor(box, session, { onChanged, onFullText, onPickOnMap }) {
    this.box = box;
    this.onPickOnMap = onPickOnMap;
    this.session = session;
    this.onChanged = onChanged;
    this.onFullText = onFullText;
    this.record = null;
  }

  show(record) {
    this.record = record;
    const review = record.review ?? { status: "pending", fields: [], reports: [] };
    const rejected = review.status === "rejected";
    const types = this.session.taxonomy.event_types;
    const typeSelect = el("select", { name: "f-event_type", id: "f-event_type", "data-field": "event_type" },
      Object.keys(types).map((t) => el("option", { value: t, selected: t === record.event_type }, t)));
    const subSelect = el("select", { name: "f-sub_event_type", id: "f-sub_event_type", "data-field": "sub_event_type" });
    const fillSubs = () => {
      const subs = types[typeSelect.value] ?? [];
      replace(subSelect, subs.map((s) => el("option", { value: s, selected: s === record.sub_event_type }, s)));
    };
    typeSelect.addEventListener("change", fillSubs);
    fillSubs();
    const places = el("ul", { class: "place-options" });
    const groups = FORM.map(([title, fields]) => el("fieldset", {}, el("legend", {}, title), fields.map(([field, kind]) =>
      el("label", { class: review.fields.includes(field) ? "overridden" : null }, el("span", {}, field), input(field, kind, record[field], this.session)))));
    const form = el("form", { id: "review-form", class: "review-form" },
      el("fieldset", {}, el("legend", {}, "What"),
        el("label", {}, el("span", {}, "event_type"), typeSelect),
        el("label", {}, el("span", {}, "sub_event_type"), subSelect)),
      groups,
      el("div", { class: "place-pick" },
        el("button", { type: "button", id: "place-find", onclick: () => this.findPlace(form, places) }, "Find the place in the gazetteer"),
        el("button", { type: "button", id: "place-map", onclick: () => this.pickOnMap(form) }, "Pick on the map"),
        places),
      el("label", { class: "wide" }, el("span", {}, "reason"), el("input", { type: "text", name: "reason", id: "f-reason", placeholder: "why (kept in the history)" })),
      el("div", { class: "actions" },
        el("button", { type: "submit", id: "review-save" }, "Save corrections"),
        el("button", { type: "button", id: "review-approve", title: "a", onclick: () => this.approve() }, "Approve (a)")),
    );
    form.addEventListener("submit", (e) => { e.preventDefault(); this.save(form); });
    const reject = el("form", { id: "reject-form", class: "reject-form" },
      el("label", {}, el("span", {}, "not an event:"),
        el("select", { name: "category", id: "reject-category" }, this.session.taxonomy.reject_categories.map((c) => el("option", { value: c }, c)))),
      el("input", { type: "text", name: "reason", id: "reject-reason", placeholder: "reason (r, then Enter)" }),
      el("button", { type: "submit", id: "review-reject" }, "Reject (r)"));
    reject.addEventListener("submit", (e) => { e.preventDefault(); this.reject(reject); });
    const reports = review.reports ?? [];
    const split = reports.length > 1 ? el("form", { id: "split-form", class: "split-form" },
      el("p", { class: "muted" }, "Reports merged into this event; tick those that tell another occurrence:"),
      el("ul", {}, reports.map((r) => el("li", {}, el("label", {},
        el("input", { type: "checkbox", name: "report", value: r.event_id }),
        ` ${r.title ?? r.article_id} · ${show(r.sub_event_type)} · ${show(r.event_date)} · ${show(r.location)} · ${show(r.fatalities)} dead`)))),
      el("button", { type: "submit", id: "review-split" }, "Split them off")) : null;
    if (split) split.addEventListener("submit", (e) => { e.preventDefault(); this.split(split); });
    const merge = el("form", { id: "merge-form", class: "merge-form" },
      el("label", {}, el("span", {}, "same occurrence as event"), el("input", { type: "text", name: "other", id: "merge-other", placeholder: "event id" })),
      el("button", { type: "submit", id: "review-merge" }, "Merge"));
    merge.addEventListener("submit", (e) => { e.preventDefault(); this.merge(merge); });
    const articles = (record.articles ?? []).map((a) => el("li", {},
      el("button", { type: "button", class: "fulltext", "data-article": a.id, onclick: () => this.onFullText(a.id, record) }, "Full text"),
      ` ${a.title ?? a.id}`));
    replace(this.box,
      el("h2", {}, "Review"),
      el("p", { id: "review-status", class: `status status-${review.status}` },
        review.status, review.reviewed_by ? ` by ${review.reviewed_by}` : "", review.reviewed_at ? ` · ${review.reviewed_at}` : "",
        review.category ? ` · ${review.category}` : "", review.flagged ? el("span", { class: "flag" }, ` · flagged: ${review.flagged}`) : null),
      el("p", { id: "review-message", class: "muted", "aria-live": "polite" }),
      el("ul", { class: "articles" }, articles),
      rejected ? el("button", { type: "button", id: "review-reopen", onclick: () => this.act("reopen", {}) }, "Reopen") : [form, reject, split, merge],
      el("h3", {}, "History"),
      el("ol", { id: "review-history", class: "history" }),
    );
    this.loadHistory();
  }

  message(text, isError = false) {
    const box = this.box.querySelector("#review-message");
    if (box) {
      box.textContent = text;
      box.className = isError ? "error" : "muted";
    }
  }

  async loadHistory() {
    const list = this.box.querySelector("#review-history");
    try {
      const answer = await getJSON(`${this.session.eventPath(this.record.event_id)}/history`);
      replace(list, answer.history.length ? answer.history.map((h) => el("li", {},
        `${h.at} · ${h.reviewer} · ${h.action}`,
        h.field ? ` ${h.field}: ${JSON.stringify(h.before)} → ${JSON.stringify(h.after)}` : "",
        h.reason ? ` · “${h.reason}”` : "")) : el("li", { class: "muted" }, "No review yet."));
    } catch (error) {
      replace(list, el("li", { class: "error" }, error.message));
    }
  }

  async act(action, body, method = "POST") {
    try {
      const path = this.session.eventPath(this.record.event_id, action);
      const answer = await this.session.send(method, path, body);
      this.onChanged(action, answer);
    } catch (error) {
      this.message(error.message, true);
    }
  }

  save(form) {
    const changes = {};
    for (const control of form.querySelectorAll("[data-field]")) {
      const field = control.dataset.field;
      const value = valueOf(control);
      if (!same(value, this.record[field])) changes[field] = value;
    }
    if (!Object.keys(changes).length) {
      this.message("Nothing changed.");
      return;
    }
    const reason = form.querySelector("#f-reason").value.trim();
    return this.act("", reason ? { ...changes, reason } : changes, "PATCH");
  }

  approve() {
    const reason = this.box.querySelector("#f-reason")?.value.trim();
    return this.act("approve", reason ? { reason } : {});
  }

  reject(form) {
    const reason = form.querySelector("#reject-reason").value.trim();
    return this.act("reject", { category: form.querySelector("#reject-category").value, reason: reason || null });
  }

  focusReject() {
    this.box.querySelector("#reject-reason")?.focus();
  }

  split(form) {
    const reports = [...form.querySelectorAll("input[name=report]:checked")].map((box) => box.value);
    if (!reports.length) return this.message("Tick the reports to split off.", true);
    return this.act("split", { reports });
  }

  merge(form) {
    const other = form.querySelector("#merge-other").value.trim();
    if (!other) return this.message("Give the id of the other event.", true);
    return this.act("merge", { with: other });
  }

  pickOnMap(form) {
    this.message("Click the place on the map.");
    this.onPickOnMap(({ lat, lng }) => {
      form.querySelector("#f-latitude").value = lat.toFixed(5);
      form.querySelector("#f-longitude").value = lng.toFixed(5);
      this.message(`Picked ${lat.toFixed(4)}, ${lng.toFixed(4)}; name the place and save.`);
    });
  }

  async findPlace(form, list) {
    const name = form.querySelector("#f-location").value.trim();
    if (name.length < 2) return this.message("Type a place name first.", true);
    try {
      const answer = await getJSON("/api/places", { q: name });
      replace(list, answer.places.length ? answer.places.map((p) => el("li", {}, el("button", {
        type: "button",
        class: "place",
        onclick: () => {
          const set = (field, value) => { const c = form.querySelector(`#f-${field}`); if (c) c.value = value ?? ""; };
          set("location", p.name); set("admin1", p.admin1); set("admin2", p.admin2); set("country", p.country);
          set("latitude", p.latitude); set("longitude", p.longitude); set("geo_precision", p.kind === "city" || p.kind === "feature" ? 1 : 2);
          replace(list);
        },
      }, `${p.name} (${p.kind}) · ${[p.admin2, p.admin1, p.country].filter(Boolean).join(", ")}`))) : el("li", { class: "muted" }, "No place of that name."));
    } catch (error) {
      this.message(error.message, true);
    }
  }
}

/** The sign-in box in the header: shown only on a server that takes reviews. */
export function signIn(box, session, { onStart, onStop }) {
  const draw = () => {
    if (session.active) {
      replace(box, el("span", {}, `Reviewing as ${session.name} `),
        el("button", { type: "button", id: "review-stop", onclick: () => { session.stop(); draw(); onStop(); } }, "Stop reviewing"));
      return;
    }
    const form = el("form", { id: "review-signin" },
      el("input", { type: "text", id: "reviewer-name", placeholder: "your name", value: session.name, autocomplete: "username" }),
      el("input", { type: "password", id: "reviewer-token", placeholder: "server token", autocomplete: "current-password" }),
      el("button", { type: "submit" }, "Review"));
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      const name = form.querySelector("#reviewer-name").value;
      const token = form.querySelector("#reviewer-token").value;
      if (!name.trim() || !token.trim()) return;
      session.start(name, token);
      draw();
      onStart();
    });
    replace(box, form);
  };
  box.hidden = false;
  draw();
}
