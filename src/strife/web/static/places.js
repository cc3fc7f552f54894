// Detail for a zoomed-in map: admin-1 boundaries and names, and town names (Natural Earth,
// bundled, public domain). The file is fetched once, the first time the map is zoomed in
// past DETAIL_ZOOM, so the world view never pays for it; only what is in view is drawn.
import { el } from "./dom.js";

const L = window.L;
export const DETAIL_ZOOM = 5;
const BUNDLE = "/static/maps/natural-earth-admin1-places.json";
const MAX_LABELS = 120;

/** The places worth naming at a zoom: world cities first, smaller towns as one zooms in. */
export function placeRank(zoom) {
  return Math.max(1, Math.min(10, 2 * (zoom - 3)));
}

function label(text, kind) {
  return L.divIcon({ className: `map-label ${kind}`, html: el("span", {}, text), iconSize: null });
}

export class PlaceLayer {
  constructor(map) {
    this.map = map;
    this.data = null;
    this.loading = null;
    this.lines = null;
    // Under the events (overlay pane 400, marker pane 600): names never hide a marker.
    map.createPane("places").style.zIndex = 350;
    this.labels = L.layerGroup();
    map.on("zoomend moveend", () => this.update());
  }

  /** The bundle, fetched once; a failure leaves the map as it was (logged, no banner). */
  load() {
    if (!this.loading) {
      this.loading = fetch(BUNDLE)
        .then((response) => {
          if (!response.ok) throw new Error(`${BUNDLE}: HTTP ${response.status}`);
          return response.json();
        })
        .then((data) => {
          this.data = data;
          this.lines = L.polyline(
            data.admin1_lines.map((line) => line.map(([lon, lat]) => [lat, lon])),
            { pane: "places", interactive: false, color: "#8d969b", weight: 0.8, dashArray: "3 3", className: "admin1-line" },
          );
        })
        .catch((error) => console.warn("admin-1 and place names not drawn:", error));
    }
    return this.loading;
  }

  async update() {
    const zoom = this.map.getZoom();
    if (zoom < DETAIL_ZOOM) {
      this.lines?.remove();
      this.labels.remove();
      return;
    }
    await this.load();
    if (!this.data || this.map.getZoom() < DETAIL_ZOOM) return;
    this.lines.addTo(this.map);
    this.draw(this.map.getBounds().pad(0.1), this.map.getZoom());
    this.labels.addTo(this.map);
  }

  draw(bounds, zoom) {
    this.labels.clearLayers();
    const inView = ([lon, lat]) => bounds.contains([lat, lon]);
    let shown = 0;
    const add = (lon, lat, text, kind) => {
      if (shown >= MAX_LABELS) return;
      shown += 1;
      this.labels.addLayer(L.marker([lat, lon], { pane: "places", icon: label(text, kind), interactive: false, keyboard: false }));
    };
    for (const [lon, lat, name] of this.data.admin1_labels.filter(inView)) add(lon, lat, name, "admin1-label");
    const rank = placeRank(zoom);
    for (const [lon, lat, name, scalerank] of this.data.places) {
      if (scalerank <= rank && inView([lon, lat])) add(lon, lat, name, "place-label");
    }
  }
}
