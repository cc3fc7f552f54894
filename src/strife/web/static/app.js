// strife dashboard: wires the filter form, map, timeline, table and detail panel to the
// API and keeps the view's state in the URL (state.js).
import { apiUrl, getJSON } from "./api.js";
import { num } from "./dom.js";
import { DetailPanel } from "./detail.js";
import { FilterForm } from "./filters.js";
import { showFullText } from "./fulltext.js";
import { EventMap } from "./map.js";
import { Admin1Layer, ComparisonBar, ProfilePanel, addProfileLinks } from "./profiles.js";
import { ReviewQueue, shortcuts } from "./queue.js";
import { ReviewForm, ReviewSession, signIn } from "./review.js";
import { readState, saveState } from "./state.js";
import { EventTable } from "./table.js";
import { Timeline } from "./timeline.js";

const MAP_LIMIT = 2000;
const $ = (id) => document.getElementById(id);

let state = readState(window.location.search);
const generations = { map: 0, timeline: 0, table: 0 };
let parts = null;
let stored = null; // /api/health: what the whole store holds

function showError(error) {
  console.error(error);
  const banner = $("error");
  banner.textContent = error instanceof Error ? error.message : String(error);
  banner.hidden = false;
}

function clearError() {
  $("error").hidden = true;
}

/** Runs a load; its answer is dropped if a newer load of the same part started meanwhile. */
async function latest(part, load, use) {
  const generation = ++generations[part];
  try {
    const answer = await load();
    if (generation === generations[part]) use(answer);
  } catch (error) {
    if (generation === generations[part]) showError(error);
  }
}

function loadMap({ fit }) {
  return latest(
    "map",
    () => getJSON("/api/map", { ...state.filters, limit: MAP_LIMIT }),
    (answer) => {
      parts.map.show(answer, { fit: fit && !state.filters.bbox });
      const shown = answer.mode === "clusters" ? "grouped in clusters; zoom in and use “Only the map view” for single events" : "on the map";
      $("map-note").textContent = `${num(answer.total)} events with coordinates ${shown}.`;
    },
  );
}

function loadTimeline() {
  $("interval").value = state.interval;
  return latest(
    "timeline",
    () => getJSON("/api/timeline", { ...state.filters, interval: state.interval }),
    (answer) => parts.timeline.show(answer),
  );
}

function loadTable() {
  $("page-size").value = String(state.pageSize);
  return latest(
    "table",
    () => getJSON("/api/events", { ...state.filters, sort: state.sort, page: state.page, page_size: state.pageSize }),
    (answer) => {
      showSummary(answer.total);
      const pages = parts.table.show(answer, state.sort);
      if (state.page > pages) {
        // A shared link to a page that no longer exists: go to the last one.
        state.page = pages;
        saveState(state, { push: false });
        loadTable();
      }
      markSelected();
    },
  );
}

function updateFilterControls() {
  parts.filters.show(state.filters);
  $("bbox-use").hidden = Boolean(state.filters.bbox);
  $("bbox-clear").hidden = !state.filters.bbox;
  for (const link of document.querySelectorAll(".downloads a[data-format]")) {
    link.href = apiUrl("/api/export", { format: link.dataset.format, ...state.filters });
  }
}

/** The header: what the store holds, and how much of it the filters keep. */
function showSummary(matching) {
  const whole = `${num(stored.events)} events from ${num(stored.articles)} articles`;
  const filtered = Object.keys(state.filters).length > 0;
  $("store-summary").textContent = filtered ? `${num(matching)} of ${whole} match the filters` : whole;
}

/** Values in the address that could not be used: said once, the page shown without them. */
function showIgnored(ignored) {
  if (!ignored.length) return;
  const notice = $("notice");
  notice.textContent = `Ignored in the address (not valid): ${ignored.join(", ")}. Showing the page without ${ignored.length === 1 ? "it" : "them"}.`;
  notice.hidden = false;
  saveState(state, { push: false });
}

/** Everything that depends on the filters. */
function filtersChanged({ fit = true } = {}) {
  clearError();
  updateFilterControls();
  parts.filters.loadOptions(state.filters).catch(showError);
  parts.admin1.load(state.filters);
  return Promise.all([loadMap({ fit }), loadTimeline(), loadTable(), parts.compare.load(state.filters)]);
}

function setFilters(changes, options) {
  const filters = { ...state.filters, ...changes };
  for (const key of Object.keys(filters)) if (!filters[key]) delete filters[key];
  state = { ...state, filters, page: 1 };
  saveState(state);
  filtersChanged(options);
}

function markSelected() {
  for (const row of document.querySelectorAll("#events tbody tr")) {
    row.classList.toggle("selected", row.dataset.eventId === state.event);
  }
}

async function showEvent(eventId) {
  const generation = parts.detail.loading(eventId);
  markSelected();
  try {
    parts.detail.show(generation, await getJSON(`/api/events/${encodeURIComponent(eventId)}`));
  } catch (error) {
    parts.detail.failed(generation, error.message);
  }
}

function openEvent(eventId) {
  state = { ...state, event: eventId };
  saveState(state);
  showEvent(eventId);
}

function closeEvent() {
  state = { ...state, event: null };
  saveState(state);
  parts.detail.close();
  markSelected();
}

function openProfile(key) {
  state = { ...state, profile: key };
  saveState(state);
  parts.profile.open(key);
}

function closeProfile() {
  state = { ...state, profile: null };
  saveState(state);
  parts.profile.close();
}

/** Back and forward: load what the restored URL differs in. */
function restore() {
  const before = state;
  state = readState(window.location.search);
  if (JSON.stringify(before.filters) !== JSON.stringify(state.filters)) filtersChanged();
  else {
    if (before.sort !== state.sort || before.page !== state.page || before.pageSize !== state.pageSize) loadTable();
    if (before.interval !== state.interval) loadTimeline();
  }
  if (state.event && state.event !== before.event) showEvent(state.event);
  if (!state.event && before.event) parts.detail.close();
  if (state.profile && state.profile !== before.profile) parts.profile.open(state.profile);
  if (!state.profile && before.profile) parts.profile.close();
}

function build() {
  parts = {
    filters: new FilterForm($("filters"), { onChange: (changes) => setFilters(changes) }),
    map: new EventMap($("map"), { onOpen: openEvent, legend: $("map-legend") }),
    timeline: new Timeline($("chart-events"), $("chart-fatalities"), $("timeline-note"), $("timeline-cap")),
    table: new EventTable($("events"), {
      onSort: (sort) => {
        state = { ...state, sort, page: 1 };
        saveState(state);
        loadTable();
      },
      onPage: (step) => {
        state = { ...state, page: Math.max(1, state.page + step) };
        saveState(state);
        loadTable();
      },
      onOpen: openEvent,
    }),
    detail: new DetailPanel($("detail"), {
      onClose: closeEvent,
      onFullText: fullText,
      onShown: (record) => {
        reviewShown(record);
        addProfileLinks($("detail-body"), record, openProfile);
      },
    }),
    compare: new ComparisonBar($("compare")),
    profile: new ProfilePanel($("profile"), {
      onOpen: openProfile,
      onClose: closeProfile,
      onFilter: (changes) => {
        closeProfile();
        setFilters(changes);
      },
    }),
  };
  parts.admin1 = new Admin1Layer(parts.map, { onOpen: openProfile });
  $("admin1-layer").addEventListener("change", (e) => parts.admin1.toggle(e.target.checked));
  $("filters-clear").addEventListener("click", () => {
    state = { ...state, filters: {}, page: 1 };
    saveState(state);
    filtersChanged();
  });
  $("bbox-use").addEventListener("click", () => setFilters({ bbox: parts.map.bbox() }, { fit: false }));
  $("bbox-clear").addEventListener("click", () => setFilters({ bbox: "" }));
  $("interval").addEventListener("change", (e) => {
    state = { ...state, interval: e.target.value };
    saveState(state);
    loadTimeline();
  });
  $("page-size").addEventListener("change", (e) => {
    state = { ...state, pageSize: Number(e.target.value), page: 1 };
    saveState(state);
    loadTable();
  });
  window.addEventListener("popstate", restore);
}

function fullText(articleId, record) {
  return showFullText($("fulltext"), articleId, record);
}

// --- review (review.js, queue.js): only on a server started with a token, only once signed in ---

async function startReview() {
  const session = new ReviewSession();
  try {
    session.taxonomy = await getJSON("/api/review/taxonomy");
  } catch (error) {
    console.warn("review is off:", error);
    return;
  }
  if (!session.taxonomy.writable) return; // a read-only server: no edit control anywhere
  parts.session = session;
  parts.reviewForm = new ReviewForm($("review-box"), session, {
    onChanged: reviewed,
    onFullText: fullText,
    onPickOnMap: (use) => parts.map.pickOnce(use),
  });
  parts.queue = new ReviewQueue($("queue-panel"), { onOpen: openEvent });
  signIn($("review-signin-box"), session, { onStart: reviewOn, onStop: reviewOff });
  const when = (action) => () => {
    if (session.active) action();
  };
  shortcuts({
    approve: when(() => state.event && parts.reviewForm.approve()),
    reject: when(() => state.event && parts.reviewForm.focusReject()),
    next: when(() => parts.queue.step(1)),
    previous: when(() => parts.queue.step(-1)),
  });
  if (session.active) await reviewOn();
}

async function reviewOn() {
  $("queue-panel").hidden = false;
  try {
    await parts.queue.load();
  } catch (error) {
    showError(error);
  }
  if (state.event) showEvent(state.event);
}

function reviewOff() {
  $("queue-panel").hidden = true;
  if (state.event) showEvent(state.event);
}

function reviewShown(record) {
  const active = Boolean(parts.session && parts.session.active);
  $("review-box").hidden = !active;
  $("detail").classList.toggle("reviewing", active);
  document.body.classList.toggle("reviewing", active);
  if (active) parts.reviewForm.show(record);
}

/** After a review write: lists and counts may have changed; a decision moves on in the queue. */
async function reviewed(action, answer) {
  filtersChanged({ fit: false });
  if ((action === "approve" || action === "reject") && parts.queue.items.length) {
    await parts.queue.advance();
    return;
  }
  await parts.queue.load().catch(showError);
  const id = action === "split" ? answer.kept : (answer && answer.event_id) || state.event;
  if (id && id !== state.event) openEvent(id);
  else showEvent(state.event);
}

async function main() {
  let health;
  try {
    health = await getJSON("/api/health");
  } catch (error) {
    showError(error);
    return;
  }
  stored = health;
  $("store-summary").textContent = `${num(health.events)} events from ${num(health.articles)} articles`;
  if (!health.events) {
    $("empty").hidden = false;
    return;
  }
  $("dashboard").hidden = false;
  showIgnored(state.ignored);
  build();
  parts.map.drawBasemap().catch((error) => console.warn("basemap not drawn:", error));
  if (state.filters.bbox) parts.map.fitBbox(state.filters.bbox);
  await filtersChanged();
  await startReview();
  if (state.event && !(parts.session && parts.session.active)) showEvent(state.event);
  if (state.profile) parts.profile.open(state.profile);
  document.body.dataset.ready = "true"; // for the browser tests: first load done
}

main();
