// Copies the browser libraries the dashboard uses from node_modules into
// src/strife/web/static/vendor/, each beside its licence, and writes
// vendor/VERSIONS.json. Files are copied byte for byte (no bundling, no
// minifying of our own), so anyone can check them against the npm tarballs.
//
//   cd web && npm ci && npm run vendor
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const modules = join(here, "node_modules");
const vendor = join(here, "..", "src", "strife", "web", "static", "vendor");

// package -> [folder under vendor/, files to copy (relative to the package root)]
const FILES = {
  leaflet: ["leaflet", [
    "LICENSE", "dist/leaflet.js", "dist/leaflet.css",
    "dist/images/layers.png", "dist/images/layers-2x.png",
    "dist/images/marker-icon.png", "dist/images/marker-icon-2x.png", "dist/images/marker-shadow.png",
  ]],
  "leaflet.markercluster": ["leaflet.markercluster", [
    "MIT-LICENCE.txt", "dist/leaflet.markercluster.js",
    "dist/MarkerCluster.css", "dist/MarkerCluster.Default.css",
  ]],
  uplot: ["uplot", ["LICENSE", "dist/uPlot.iife.min.js", "dist/uPlot.min.css"]],
  "topojson-client": ["topojson-client", ["LICENSE", "dist/topojson-client.min.js"]],
  // The API explorer at /docs, served from here instead of a CDN.
  "swagger-ui-dist": ["swagger-ui", ["LICENSE", "NOTICE", "swagger-ui-bundle.js", "swagger-ui.css"]],
  // Natural Earth 1:110m countries (public domain), as TopoJSON.
  "world-atlas": ["world-atlas", ["LICENSE", "countries-110m.json"]],
};

rmSync(vendor, { recursive: true, force: true });
const versions = {};
for (const [name, [folder, files]] of Object.entries(FILES)) {
  const root = join(modules, name);
  const meta = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  versions[name] = { version: meta.version, license: meta.license, folder };
  for (const file of files) {
    // dist/images/x.png -> vendor/leaflet/images/x.png: leaflet.css refers to images/ beside it.
    const target = join(vendor, folder, file.replace(/^dist\//, ""));
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(join(root, file), target);
  }
}
writeFileSync(join(vendor, "VERSIONS.json"), JSON.stringify(versions, null, 2) + "\n");
console.log(`vendor files written to ${vendor}`);
for (const [name, v] of Object.entries(versions)) console.log(`  ${name} ${v.version} (${v.license})`);
