// Detail for a zoomed-in map: admin-1 boundaries and names, and town names (Natural Earth,
// bundled, public domain). The files are fetched once, the first time the map is zoomed in
// past DETAIL_ZOOM (or the admin-1 layer is turned on), so the world view never pays for
// them; only the names in view are drawn.
import { el } from "./dom.js";

const L = window.L;
export const DETAIL_ZOOM = 5;
const SHAPES = "/static/maps/natural-earth-admin1.json";
const NAMES = "/static/maps/natural-earth-places.json";
const MAX_LABELS = 120;

/** The places worth naming at a zoom: world cities first, smaller towns as one zooms in. */
export function placeRank(zoom) {
  return Math.max(1, Math.min(10, 2 * (zoom - 3)));
}

/** "Ségou" and "segou" are one name: lower case, accents and spacing aside. */
export function nameKey(country, admin1) {
  const plain = (text) => String(text ?? "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/\s+/g, " ").trim().toLowerCase();
  return `${plain(country)}|${plain(admin1)}`;
}

function ringHolds(ring, lon, lat) {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Whether a GeoJSON (Multi)Polygon holds the point: in an outer ring and in none of its holes. */
export function polygonHolds(geometry, lon, lat) {
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.type === "MultiPolygon" ? geometry.coordinates : [];
  return polygons.some(([outer, ...holes]) => ringHolds(outer, lon, lat) && !holes.some((hole) => ringHolds(hole, lon, lat)));
}

/** [west, south, east, north] of a (Multi)Polygon: a cheap test before the exact one. */
function extent(geometry) {
  const box = [Infinity, Infinity, -Infinity, -Infinity];
  const walk = (coordinates) => {
    if (typeof coordinates[0] === "number") {
      const [x, y] = coordinates;
      box[0] = Math.min(box[0], x);
      box[1] = Math.min(box[1], y);
      box[2] = Math.max(box[2], x);
      box[3] = Math.max(box[3], y);
    } else coordinates.forEach(walk);
  };
  walk(geometry.coordinates);
  return box;
}

async function json(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.json();
}

/** The admin-1 areas of every country (TopoJSON, properties n: name, c: country), fetched once. */
export class Admin1Shapes {
  constructor() {
    this.loading = null;
  }

  load() {
    if (!this.loading) {
      this.loading = json(SHAPES).then((topology) => {
        const object = topology.objects.provinces;
        // Some small areas lose their shape at this scale (null geometry): left out.
        const features = window.topojson.feature(topology, object).features.filter((f) => f.geometry);
        const boxes = features.map((f) => extent(f.geometry));
        return {
          features,
          byName: new Map(features.map((f) => [nameKey(f.properties.c, f.properties.n), f])),
          /** The area holding a point: gazetteers spell admin-1 names differently ("Kabul",
           * "Kaboul"), so an area not found by name is found where its events are. */
          at: (lon, lat) =>
            features.find((f, i) => {
              const [w, s, e, n] = boxes[i];
              return lon >= w && lon <= e && lat >= s && lat <= n && polygonHolds(f.geometry, lon, lat);
            }) ?? null,
          // Borders between two areas only: the coasts are the basemap's.
          borders: window.topojson.mesh(topology, object, (a, b) => a !== b),
        };
      });
    }
    return this.loading;
  }
}

function label(text, kind) {
  return L.divIcon({ className: `map-label ${kind}`, html: el("span", {}, text), iconSize: null });
}

export class PlaceLayer {
  constructor(map, shapes) {
    this.map = map;
    this.shapes = shapes;
    this.names = null;
    this.loading = null;
    this.lines = null;
    // Under the events (overlay pane 400, marker pane 600): names never hide a marker.
    map.createPane("places").style.zIndex = 350;
    this.labels = L.layerGroup();
    map.on("zoomend moveend", () => this.update());
  }

  /** Both files, fetched once; a failure leaves the map as it was (logged, no banner). */
  load() {
    if (!this.loading) {
      this.loading = Promise.all([this.shapes.load(), json(NAMES)])
        .then(([shapes, names]) => {
          this.names = names;
          this.lines = L.geoJSON(shapes.borders, {
            pane: "places",
            interactive: false,
            style: { color: "#8d969b", weight: 0.8, dashArray: "3 3", className: "admin1-line" },
          });
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
    if (!this.names || this.map.getZoom() < DETAIL_ZOOM) return;
    this.lines.addTo(this.map);
    this.draw(this.map.getBounds().pad(0.1), this.map.getZoom());
    this.labels.addTo(this.map);
  }

  /** Towns first (most important first), then admin-1 names; a name that would overlap one
   * already placed is left out, so a dense region stays readable. */
  draw(bounds, zoom) {
    this.labels.clearLayers();
    const inView = ([lon, lat]) => bounds.contains([lat, lon]);
    const placed = [];
    const add = (lon, lat, text, kind) => {
      if (placed.length >= MAX_LABELS) return;
      const at = this.map.latLngToContainerPoint([lat, lon]);
      const half = { x: 3.5 * text.length + 6, y: 9 };
      if (placed.some((p) => Math.abs(p.x - at.x) < p.half.x + half.x && Math.abs(p.y - at.y) < p.half.y + half.y)) return;
      placed.push({ x: at.x, y: at.y, half });
      this.labels.addLayer(L.marker([lat, lon], { pane: "places", icon: label(text, kind), interactive: false, keyboard: false }));
    };
    const rank = placeRank(zoom);
    for (const [lon, lat, name, scalerank] of this.names.places) {
      if (scalerank <= rank && inView([lon, lat])) add(lon, lat, name, "place-label");
    }
    for (const [lon, lat, name] of this.names.admin1_labels.filter(inView)) add(lon, lat, name, "admin1-label");
  }
}
