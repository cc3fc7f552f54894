// The event map: a Natural Earth basemap drawn as GeoJSON (no tile server, works offline),
// events as coloured circles clustered by leaflet.markercluster, or the server's clusters
// as counted circles when the selection is too large to send point by point.
import { el, num } from "./dom.js";
import { orderTypes, swatch, typeColour } from "./colours.js";
import { Admin1Shapes, PlaceLayer } from "./places.js";

const L = window.L;
const ATLAS = "/static/vendor/world-atlas/countries-110m.json";
const ANTARCTICA = "010"; // ISO 3166 numeric id; dropped: it only squashes the map's lower edge
const WORLD = [[-50, -170], [72, 180]];

function radius(fatalities) {
  return 5 + Math.min(10, Math.sqrt(fatalities || 0) * 1.5);
}

function pointTooltip(point) {
  return el("div", { class: "map-tip" }, el("strong", {}, point.event_type ?? "event"), el("br"), `${num(point.fatalities)} fatalities`);
}

/** The most common event type among a client-side cluster's markers: the cluster's colour. */
export function dominantType(types) {
  const counts = new Map();
  for (const type of types) counts.set(type, (counts.get(type) ?? 0) + 1);
  let best = null;
  for (const type of orderTypes([...counts.keys()])) if (best === null || counts.get(type) > counts.get(best)) best = type;
  return best;
}

// A cluster of points takes the colour of its most common type, so the legend's colours are
// the clusters' colours too (leaflet.markercluster's own green/yellow/orange meant nothing here).
function typedClusterIcon(cluster) {
  const markers = cluster.getAllChildMarkers();
  const type = dominantType(markers.map((m) => m.options.eventType));
  const count = cluster.getChildCount();
  const size = Math.round(26 + Math.min(24, Math.log2(count + 1) * 4));
  const disc = el("div", { "data-type": type ?? "" }, el("span", {}, num(count)));
  disc.style.backgroundColor = typeColour(type); // through the CSSOM, which the page's CSP allows
  return L.divIcon({ html: disc, className: "typed-cluster", iconSize: [size, size] });
}

function clusterIcon(cluster) {
  const size = Math.round(28 + Math.min(32, Math.log2(cluster.count + 1) * 5));
  const label = el("span", {}, num(cluster.count));
  return L.divIcon({ html: el("div", {}, label), className: "server-cluster", iconSize: [size, size] });
}

// A ring that crosses the antimeridian (Fiji, Chukotka) has points near +180 and -180;
// drawn as is it streaks across the whole map. Moving its western points east by 360
// degrees keeps it in one piece just east of 180.
function unwrapRing(ring) {
  const lons = ring.map((p) => p[0]);
  if (Math.max(...lons) - Math.min(...lons) <= 180) return ring;
  return ring.map(([lon, lat]) => [lon < 0 ? lon + 360 : lon, lat]);
}

function unwrapAntimeridian(feature) {
  const g = feature.geometry;
  if (!g) return feature;
  const polygons = g.type === "Polygon" ? [g.coordinates] : g.type === "MultiPolygon" ? g.coordinates : [];
  for (const polygon of polygons) polygon.forEach((ring, i) => (polygon[i] = unwrapRing(ring)));
  return feature;
}

export class EventMap {
  constructor(container, { onOpen, legend }) {
    this.onOpen = onOpen;
    this.map = L.map(container, { worldCopyJump: true, minZoom: 1, maxZoom: 12 }).fitBounds(WORLD);
    this.map.attributionControl.addAttribution("Basemap, admin-1 areas and places: Natural Earth");
    // Panes, bottom up: countries, admin-1 fills (profiles.js), admin-1 borders and names
    // (places.js), then the events (Leaflet's overlay pane, 400) and clusters (marker pane, 600).
    this.map.createPane("basemap").style.zIndex = 250;
    this.map.createPane("areas").style.zIndex = 300;
    this.layer = L.layerGroup().addTo(this.map);
    // The legend sits under the map, not on it: over the map it hid the markers beneath it.
    this.legendBox = legend;
    this.shapes = new Admin1Shapes(); // shared by the zoomed-in borders and the admin-1 layer
    this.places = new PlaceLayer(this.map, this.shapes);
    // The container changes size when the detail panel opens or the window is resized.
    new ResizeObserver(() => this.map.invalidateSize()).observe(container);
  }

  /** Draws the countries; failure leaves a plain background, the events still show. */
  async drawBasemap() {
    const response = await fetch(ATLAS);
    if (!response.ok) throw new Error(`${ATLAS}: HTTP ${response.status}`);
    const topology = await response.json();
    const countries = window.topojson.feature(topology, topology.objects.countries);
    countries.features = countries.features.filter((f) => f.id !== ANTARCTICA).map(unwrapAntimeridian);
    this.basemap = L.geoJSON(countries, {
      pane: "basemap",
      interactive: false,
      style: { color: "#9aa3a8", weight: 0.6, fillColor: "#eeebe3", fillOpacity: 1 },
    }).addTo(this.map).bringToBack();
  }

  /** The view as an API bbox: minlon,minlat,maxlon,maxlat. */
  /** The next click on the map calls `use({lat, lng})` (the review form's place pick), once. */
  pickOnce(use) {
    const box = this.map.getContainer();
    box.classList.add("picking");
    this.picking = true; // a click on a marker picks its place instead of opening its event
    this.map.once("click", (event) => {
      box.classList.remove("picking");
      this.picking = false;
      use(event.latlng.wrap());
    });
  }

  bbox() {
    const b = this.map.getBounds();
    const clamp = (v, lo, hi) => Math.min(hi, Math.max(lo, v)).toFixed(4);
    return [clamp(b.getWest(), -180, 180), clamp(b.getSouth(), -90, 90), clamp(b.getEast(), -180, 180), clamp(b.getNorth(), -90, 90)].join(",");
  }

  /** Moves the view to an API bbox (minlon,minlat,maxlon,maxlat); ignores a malformed one. */
  fitBbox(bbox) {
    const [west, south, east, north] = String(bbox).split(",").map(Number);
    if ([west, south, east, north].every(Number.isFinite)) this.map.fitBounds([[south, west], [north, east]]);
  }

  /** Shows one /api/map answer; `fit` zooms to what it shows. */
  show(answer, { fit = false } = {}) {
    this.layer.clearLayers();
    const layer = answer.mode === "clusters" ? this.clusters(answer.clusters ?? []) : this.points(answer.points ?? []);
    this.layer.addLayer(layer);
    const clustered = answer.mode === "clusters";
    this.showLegend(clustered ? [] : (answer.points ?? []).map((p) => p.event_type), { clustered });
    if (fit) {
      const bounds = layer.getBounds ? layer.getBounds() : null;
      if (bounds && bounds.isValid()) this.map.fitBounds(bounds.pad(0.3), { maxZoom: 5 }); // the 1:110m basemap has no detail beyond
    }
  }

  points(points) {
    const group = L.markerClusterGroup({ showCoverageOnHover: false, maxClusterRadius: 40, iconCreateFunction: typedClusterIcon });
    for (const point of points) {
      if (!Number.isFinite(point.lat) || !Number.isFinite(point.lon)) continue;
      const colour = typeColour(point.event_type);
      const marker = L.circleMarker([point.lat, point.lon], {
        radius: radius(point.fatalities),
        color: "#ffffff",
        weight: 1,
        fillColor: colour,
        fillOpacity: 0.85,
        className: "event-marker",
        eventType: point.event_type,
      });
      marker.bindTooltip(pointTooltip(point));
      marker.on("click", () => this.picking || this.onOpen(String(point.event_id)));
      group.addLayer(marker);
    }
    return group;
  }

  clusters(clusters) {
    const group = L.featureGroup();
    for (const cluster of clusters) {
      if (!Number.isFinite(cluster.lat) || !Number.isFinite(cluster.lon)) continue;
      const marker = L.marker([cluster.lat, cluster.lon], { icon: clusterIcon(cluster), keyboard: false });
      marker.bindTooltip(el("div", {}, `${num(cluster.count)} events, ${num(cluster.fatalities)} fatalities`));
      // Zooming in narrows the view; with "only the map view" on, the server then sends points.
      marker.on("click", () => this.map.setView([cluster.lat, cluster.lon], Math.min(this.map.getZoom() + 3, 12)));
      group.addLayer(marker);
    }
    return group;
  }

  showLegend(types, { clustered = false } = {}) {
    const box = this.legendBox;
    if (!box) return;
    const entries = orderTypes(types).map((t) => el("span", { class: "legend-item", "data-type": t }, swatch(t), t));
    const notes = clustered
      ? [el("span", { class: "legend-note" }, el("span", { class: "swatch server" }), "groups of events (too many to draw one by one: zoom in)")]
      : [el("span", { class: "legend-note" }, "A group takes the colour of its most common type; a circle grows with fatalities.")];
    box.replaceChildren(...entries, ...notes);
  }
}
