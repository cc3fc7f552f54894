// The view's state lives in the URL query string, so a view can be shared and reloaded.
// Filter names are the API's own, so the same pairs go to every API call.

export const FILTERS = ["country", "admin1", "event_type", "sub_event_type", "actor", "date_from", "date_to", "q", "bbox"];
const INTERVALS = ["day", "week", "month"];
const PAGE_SIZES = [25, 50, 100];
export const DEFAULT_SORT = "-event_date";

const SORTS = ["event_date", "fatalities", "country", "admin1", "event_type", "sub_event_type", "location", "corroboration", "confidence", "displaced_people"];

/** A real calendar day written YYYY-MM-DD (what the API takes); "2024-02-30" is not one. */
export function isDay(text) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const day = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return day.getUTCFullYear() === +m[1] && day.getUTCMonth() === +m[2] - 1 && day.getUTCDate() === +m[3];
}

/** minlon,minlat,maxlon,maxlat within the globe. */
export function isBbox(text) {
  const parts = text.split(",").map((v) => (v.trim() === "" ? NaN : Number(v)));
  if (parts.length !== 4 || !parts.every(Number.isFinite)) return false;
  const [w, s, e, n] = parts;
  return Math.abs(w) <= 180 && Math.abs(e) <= 180 && Math.abs(s) <= 90 && Math.abs(n) <= 90 && s <= n;
}

const CHECKS = { date_from: isDay, date_to: isDay, bbox: isBbox };

function positiveInt(text, fallback) {
  const value = Number.parseInt(text ?? "", 10);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

/**
 * The state in a query string (location.search). Malformed values fall back to defaults and
 * are listed in `ignored` ("date_from=garbage"), for the page to say so instead of failing.
 */
export function readState(search) {
  const params = new URLSearchParams(search);
  const filters = {};
  const ignored = [];
  for (const key of FILTERS) {
    const value = params.get(key);
    if (!value) continue;
    if (CHECKS[key] && !CHECKS[key](value)) ignored.push(`${key}=${value}`);
    else filters[key] = value;
  }
  const sort = params.get("sort") || DEFAULT_SORT;
  const sortOk = SORTS.includes(sort.replace(/^-/, ""));
  if (!sortOk) ignored.push(`sort=${sort}`);
  for (const [key, ok] of [
    ["page", (v) => positiveInt(v, 0) > 0],
    ["page_size", (v) => PAGE_SIZES.includes(positiveInt(v, 0))],
    ["interval", (v) => INTERVALS.includes(v)],
  ]) {
    const value = params.get(key);
    if (value !== null && !ok(value)) ignored.push(`${key}=${value}`);
  }
  const pageSize = positiveInt(params.get("page_size"), 50);
  return {
    ignored,
    filters,
    sort: sortOk ? sort : DEFAULT_SORT,
    page: positiveInt(params.get("page"), 1),
    pageSize: PAGE_SIZES.includes(pageSize) ? pageSize : 50,
    interval: INTERVALS.includes(params.get("interval")) ? params.get("interval") : "month",
    event: params.get("event") || null,
    profile: params.get("profile") || null,
  };
}

/** The query string of a state; defaults are left out to keep shared links short. */
export function stateQuery(state) {
  const params = new URLSearchParams();
  for (const key of FILTERS) if (state.filters[key]) params.set(key, state.filters[key]);
  if (state.sort !== DEFAULT_SORT) params.set("sort", state.sort);
  if (state.page !== 1) params.set("page", String(state.page));
  if (state.pageSize !== 50) params.set("page_size", String(state.pageSize));
  if (state.interval !== "month") params.set("interval", state.interval);
  if (state.event) params.set("event", state.event);
  if (state.profile) params.set("profile", state.profile);
  return params.toString();
}

/** Records the state in the address bar: a new history entry (push) or the current one replaced. */
export function saveState(state, { push = true } = {}) {
  const query = stateQuery(state);
  const url = query ? `?${query}` : window.location.pathname;
  if (`?${query}` === window.location.search || (!query && !window.location.search)) return;
  if (push) window.history.pushState(null, "", url);
  else window.history.replaceState(null, "", url);
}
