// Issue 17 on the page: the comparison bar (this period against the one before), the actor and
// place pages, the admin-1 totals layer of the map and the "download brief" link. Data from
// /api/compare, /api/profile/actor, /api/profile/place, /api/admin1 and /api/report.
import { apiUrl, getJSON } from "./api.js";
import { el, num, replace } from "./dom.js";
import { nameKey } from "./places.js";

const L = window.L;
const uPlot = window.uPlot;

/** "+4 (+50%)", "−2 (−20%)", "no change"; the class says which way. */
export function delta(now, before) {
  const change = now - before;
  if (change === 0) return { text: "no change", way: "same" };
  const sign = change > 0 ? "+" : "\u2212";
  const share = before > 0 ? ` (${sign}${Math.round((Math.abs(change) / before) * 100)}%)` : "";
  return { text: `${sign}${num(Math.abs(change))}${share}`, way: change > 0 ? "up" : "down" };
}

const MEASURES = [["events", "Events"], ["fatalities", "Fatalities"], ["displaced", "Displaced"]];

export class ComparisonBar {
  constructor(box) {
    this.box = box;
    this.generation = 0;
  }

  async load(filters) {
    const generation = ++this.generation;
    let answer;
    try {
      answer = await getJSON("/api/compare", filters);
    } catch (error) {
      console.warn("comparison not shown:", error);
      this.box.hidden = true;
      return;
    }
    if (generation !== this.generation) return;
    this.show(answer, filters);
  }

  show(answer, filters) {
    if (!answer.current) {
      this.box.hidden = true;
      return;
    }
    const { period, previous_period: before } = answer;
    const items = MEASURES.map(([key, label]) => {
      const change = delta(answer.current[key], answer.previous[key]);
      return el(
        "span",
        { class: "compare-item", "data-measure": key },
        el("span", { class: "compare-label" }, label),
        " ",
        el("strong", {}, num(answer.current[key])),
        " ",
        el("span", { class: `delta ${change.way}`, title: `${num(answer.previous[key])} in ${before.from} to ${before.to}` }, change.text),
      );
    });
    replace(
      this.box,
      el("span", { class: "compare-period" }, `${period.from} to ${period.to} against the ${period.days} days before:`),
      items,
      briefLink(filters, period),
    );
    this.box.hidden = false;
  }
}

/** The brief of `strife report` for this country (and admin-1 area) and period; needs a country. */
function briefLink(filters, period) {
  if (!filters.country) return el("span", { class: "brief-hint" }, "Choose a country for a brief.");
  const params = { country: filters.country, admin1: filters.admin1, from: period.from, to: period.to, compare: "previous", format: "pdf" };
  return el("a", { id: "download-brief", class: "brief", href: apiUrl("/api/report", params), download: "" }, "Download brief (PDF)");
}

// --- actor and place pages --------------------------------------------------------------------

/** A profile reference as kept in the URL: "actor:JNIM" or "place:Mali|Mopti" (country|admin1[|location]). */
export function profileKey(kind, ...names) {
  return `${kind}:${names.filter((n) => n !== undefined && n !== null && n !== "").join("|")}`;
}

function parseKey(key) {
  const at = String(key ?? "").indexOf(":");
  if (at < 0) return null;
  const kind = key.slice(0, at);
  const names = key.slice(at + 1).split("|");
  if (kind === "actor" && names[0]) return { kind, path: "/api/profile/actor", params: { name: names[0] } };
  if (kind === "place" && names[0]) return { kind, path: "/api/profile/place", params: { country: names[0], admin1: names[1], location: names[2] } };
  return null;
}

const STEPS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000, 1e5, 1e6];

function trendChart(box, months) {
  const width = Math.max(260, box.clientWidth || 360);
  const x = months.map((_, i) => i);
  const bars = uPlot.paths.bars({ size: [0.7, 30] });
  const chart = new uPlot(
    {
      width,
      height: 150,
      // Events on the left scale, fatalities on their own at the right: one large death toll
      // must not flatten the count of events.
      scales: {
        x: { time: false, range: [-0.6, Math.max(0.6, months.length - 0.4)] },
        y: { range: (u, min, max) => [0, Math.max(1, max)] },
        deaths: { range: (u, min, max) => [0, Math.max(1, max)] },
      },
      axes: [
        { values: (u, splits) => splits.map((s) => months[s]?.period ?? "") },
        { label: "events", incrs: STEPS, values: (u, s) => s.map((v) => num(v)), size: 56 },
        { label: "fatalities", scale: "deaths", side: 1, incrs: STEPS, values: (u, s) => s.map((v) => num(v)), size: 64, grid: { show: false } },
      ],
      series: [
        { label: "month", value: (u, v, si, i) => (i === null || i === undefined ? "–" : months[i].period) },
        { label: "events", fill: "#1c5d8c", stroke: "#1c5d8c", width: 0, paths: bars, points: { show: false } },
        { label: "fatalities", stroke: "#c0392b", width: 2, points: { size: 5 }, scale: "deaths" },
      ],
      legend: { live: true },
      cursor: { drag: { x: false, y: false } },
    },
    [x, months.map((m) => m.events), months.map((m) => m.fatalities)],
    box,
  );
  box.chart = chart;
  return chart;
}

export class ProfilePanel {
  constructor(panel, { onOpen, onClose, onFilter }) {
    this.panel = panel;
    this.onOpen = onOpen;
    this.onFilter = onFilter;
    this.body = panel.querySelector(".profile-body");
    this.generation = 0;
    this.chart = null;
    panel.querySelector(".close").addEventListener("click", onClose);
  }

  link(kind, label, ...names) {
    return el("button", { type: "button", class: "profile-link", "data-profile": profileKey(kind, ...names), onclick: () => this.onOpen(profileKey(kind, ...names)) }, label);
  }

  close() {
    this.generation++;
    this.panel.hidden = true;
    this.chart?.destroy();
    this.chart = null;
  }

  async open(key) {
    const target = parseKey(key);
    if (!target) return;
    const generation = ++this.generation;
    this.panel.hidden = false;
    replace(this.body, el("p", { class: "muted" }, "Loading…"));
    let answer;
    try {
      answer = await getJSON(target.path, target.params);
    } catch (error) {
      if (generation === this.generation) replace(this.body, el("p", { class: "error" }, error.message));
      return;
    }
    if (generation !== this.generation) return;
    this.chart?.destroy();
    if (target.kind === "actor") this.showActor(answer);
    else this.showPlace(answer);
    this.chart = trendChart(this.body.querySelector(".profile-chart"), answer.by_month);
  }

  summary(answer) {
    return el("p", { class: "profile-summary" },
      `${num(answer.events)} events · ${num(answer.fatalities)} fatalities · first seen `,
      el("strong", { class: "first-seen" }, answer.first_seen ?? "–"), " · last seen ", el("strong", { class: "last-seen" }, answer.last_seen ?? "–"));
  }

  table(rows, columns) {
    if (!rows.length) return el("p", { class: "muted" }, "None recorded.");
    return el("table", { class: "profile-table" }, el("tbody", {}, rows.map((row) => el("tr", {}, columns.map((render) => el("td", {}, render(row))), el("td", { class: "num" }, num(row.events)), el("td", { class: "num muted" }, `${num(row.fatalities)} killed`)))));
  }

  showActor(a) {
    replace(
      this.body,
      el("p", { class: "profile-kind" }, "Actor"),
      el("h2", { class: "profile-name" }, a.actor),
      this.summary(a),
      el("button", { type: "button", class: "profile-filter", onclick: () => this.onFilter({ actor: a.actor }) }, "Show these events on the dashboard"),
      el("h3", {}, "Events and fatalities by month"),
      el("div", { class: "profile-chart" }),
      el("h3", {}, "Places"),
      this.table(a.places, [(r) => (r.admin1 ? this.link("place", `${r.admin1}, ${r.country}`, r.country, r.admin1) : r.country ?? "–")]),
      el("h3", {}, "Counterparts"),
      this.table(a.counterparts, [(r) => this.link("actor", r.actor, r.actor)]),
      el("h3", {}, "Event types"),
      this.table(a.event_types, [(r) => r.event_type]),
    );
  }

  showPlace(p) {
    const name = [p.location, p.admin1, p.country].filter(Boolean).join(", ");
    replace(
      this.body,
      el("p", { class: "profile-kind" }, p.location ? "Location" : p.admin1 ? "Admin 1 area" : "Country"),
      el("h2", { class: "profile-name" }, name),
      this.summary(p),
      el("button", { type: "button", class: "profile-filter", onclick: () => this.onFilter({ country: p.country, admin1: p.admin1 ?? "" }) }, "Show these events on the dashboard"),
      el("h3", {}, "Events and fatalities by month"),
      el("div", { class: "profile-chart" }),
      el("h3", {}, "Actors"),
      this.table(p.actors, [(r) => this.link("actor", r.actor, r.actor)]),
      el("h3", {}, "Event types"),
      this.table(p.event_types, [(r) => r.event_type]),
      p.locations.length ? [el("h3", {}, "Locations"), this.table(p.locations, [(r) => this.link("place", r.location, p.country, p.admin1 ?? "", r.location)])] : null,
    );
  }
}

/** Buttons beside the detail panel's actors and places that open their pages. */
export function addProfileLinks(body, record, open) {
  const add = (field, key) => {
    const cell = body.querySelector(`tr[data-field="${field}"] td.value`);
    if (!cell || !key) return;
    cell.append(" ", el("button", { type: "button", class: "profile-link small", "data-profile": key, title: "open its page", onclick: () => open(key) }, "page"));
  };
  for (const field of ["actor1", "actor2"]) if (record[field]) add(field, profileKey("actor", record[field]));
  if (record.country && record.admin1) add("admin1", profileKey("place", record.country, record.admin1));
  if (record.country && record.admin1 && record.location) add("location", profileKey("place", record.country, record.admin1, record.location));
}

// --- the admin-1 totals layer -----------------------------------------------------------------

/** Fill from pale to dark red by the area's share of the largest count. */
function shade(share) {
  const light = Math.round(88 - 58 * Math.sqrt(Math.max(0, Math.min(1, share))));
  return `hsl(6, 70%, ${light}%)`;
}

/**
 * The filtered events by admin-1 area: each area Natural Earth draws filled by its number of
 * events (a choropleth); an area whose name is not in Natural Earth's set (names differ
 * between gazetteers) as a circle at the mean point of its events, so no area goes missing.
 */
export class Admin1Layer {
  constructor(eventMap, { onOpen }) {
    this.eventMap = eventMap;
    this.map = eventMap.map;
    this.shapes = eventMap.shapes;
    this.onOpen = onOpen;
    this.layer = L.featureGroup();
    this.on = false;
    this.filters = {};
    this.generation = 0;
  }

  toggle(on) {
    this.on = on;
    if (on) this.load(this.filters);
    else this.layer.remove();
  }

  async load(filters) {
    this.filters = filters;
    if (!this.on) return;
    const generation = ++this.generation;
    let answer;
    let shapes = null;
    try {
      [answer, shapes] = await Promise.all([getJSON("/api/admin1", filters), this.shapes.load().catch(() => null)]);
    } catch (error) {
      console.warn("admin-1 totals not shown:", error);
      return;
    }
    if (generation !== this.generation || !this.on) return;
    this.layer.clearLayers();
    const most = Math.max(1, ...answer.areas.map((a) => a.events));
    const used = new Set();
    for (const area of answer.areas) {
      const share = area.events / most;
      const style = { pane: "areas", color: "#5b1a14", weight: 1, fillColor: shade(share), fillOpacity: 0.7 };
      let shape = shapes && (shapes.byName.get(nameKey(area.country, area.admin1)) ?? shapes.at(area.lon, area.lat));
      if (used.has(shape)) shape = null; // two of our areas in one of theirs: the second as a circle
      if (shape) used.add(shape);
      const drawn = shape
        ? L.geoJSON(shape, { pane: "areas", style: { ...style, className: "admin1-area admin1-shape" } })
        : L.circleMarker([area.lat, area.lon], { ...style, radius: 8 + 14 * Math.sqrt(share), className: "admin1-area admin1-point" });
      drawn.bindTooltip(el("div", {}, el("strong", {}, `${area.admin1}, ${area.country}`), el("br"), `${num(area.events)} events, ${num(area.fatalities)} fatalities`));
      drawn.on("click", () => this.onOpen(profileKey("place", area.country, area.admin1)));
      this.layer.addLayer(drawn);
    }
    this.layer.addTo(this.map); // in the "areas" pane: over the countries, under names and events
  }
}
