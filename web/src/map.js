// Map: an offline basemap (world-atlas countries, Natural Earth 1:110m), events as points and
// fighter flows as arcs from origin to destination, sized by the reported numbers and coloured by
// certainty. No tiles: nothing is fetched from the internet.
import L from "leaflet";
import "leaflet/dist/leaflet.css";
import { feature } from "topojson-client";
import countries110m from "world-atlas/countries-110m.json";
import { get, el, certaintyColour, firmest } from "./api.js";
import { showFrom } from "./evidence.js";

let map = null;
let layer = null;
let eventsById = new Map();

function arcPoints(a, b, steps = 32) {
  // A quadratic curve bending to the left of the straight line, in lat/lon.
  const [y1, x1] = a;
  const [y2, x2] = b;
  const mx = (x1 + x2) / 2;
  const my = (y1 + y2) / 2;
  const dx = x2 - x1;
  const dy = y2 - y1;
  const cx = mx - dy * 0.25;
  const cy = my + dx * 0.25;
  const points = [];
  for (let i = 0; i <= steps; i += 1) {
    const t = i / steps;
    const u = 1 - t;
    points.push([u * u * y1 + 2 * u * t * cy + t * t * y2, u * u * x1 + 2 * u * t * cx + t * t * x2]);
  }
  return points;
}

export function arcWeight(size) {
  return size ? Math.min(14, 2 + 2 * Math.log10(1 + size)) : 2;
}

function flowCertainty(flow) {
  return firmest(flow.events.map((id) => eventsById.get(id)?.certainty).filter(Boolean));
}

async function load() {
  const params = {
    country: document.getElementById("map-country").value,
    certainty: document.getElementById("map-certainty").value,
  };
  const [events, flows] = await Promise.all([get("/api/events", params), get("/api/flows", { country: params.country })]);
  eventsById = new Map(events.map((e) => [e.id, e]));
  layer.clearLayers();
  let points = 0;
  for (const e of events) {
    if (!e.point) continue;
    points += 1;
    L.circleMarker([e.point.lat, e.point.lon], {
      radius: 4 + Math.min(6, e.sources),
      color: "#222",
      weight: 1,
      fillColor: certaintyColour(e.certainty),
      fillOpacity: 0.85,
      className: "wl-point",
    })
      .bindTooltip(`${e.type} · ${e.when_start || "undated"} · ${e.point.name}`)
      .on("click", () => showFrom(`/api/events/${encodeURIComponent(e.id)}`))
      .addTo(layer);
  }
  let arcs = 0;
  const tbody = document.querySelector("#flow-list tbody");
  tbody.replaceChildren();
  for (const f of flows) {
    const certainty = flowCertainty(f);
    const label = `${f.origin_point?.name || f.origin_country || "?"} → ${f.destination_point?.name || f.destination_country || "?"}`;
    const open = () => showFrom(`/api/flows/${encodeURIComponent(f.id)}`);
    tbody.append(
      el(
        "tr",
        { class: "flow-row", "data-flow": f.id, onclick: open },
        el("td", {}, label),
        el("td", {}, f.size ?? "—"),
        el("td", {}, f.sponsors.map((s) => s.name).join(", ") || "—"),
        el("td", {}, f.sources),
      ),
    );
    if (!f.origin_point || !f.destination_point) continue;
    arcs += 1;
    const a = [f.origin_point.lat, f.origin_point.lon];
    const b = [f.destination_point.lat, f.destination_point.lon];
    L.polyline(arcPoints(a, b), {
      color: certaintyColour(certainty),
      weight: arcWeight(f.size),
      opacity: 0.8,
      className: "wl-arc",
    })
      .bindTooltip(`${label}: ${f.size ?? "?"} (${certainty || "?"})`, { sticky: true })
      .on("click", open)
      .addTo(layer)
      .getElement()
      ?.setAttribute("data-flow", f.id);
    L.circleMarker(b, { radius: 3, color: certaintyColour(certainty), fillOpacity: 1, className: "wl-arc-end" }).addTo(layer);
  }
  const count = document.getElementById("map-count");
  count.textContent = `${points} events on the map (${events.length - points} without a place), ${arcs} flows`;
  count.dataset.points = points;
  count.dataset.arcs = arcs;
}

export function resize() {
  if (map) map.invalidateSize();
}

export function flyTo(lat, lon) {
  if (map) map.setView([lat, lon], 6);
}

export async function initMap(countryCodes) {
  const select = document.getElementById("map-country");
  for (const c of countryCodes) select.append(el("option", { value: c }, c));
  map = L.map("map", { worldCopyJump: true, minZoom: 1, maxZoom: 10, attributionControl: true }).setView([25, 20], 3);
  map.attributionControl.setPrefix(false).addAttribution("Natural Earth via world-atlas");
  L.geoJSON(feature(countries110m, countries110m.objects.countries), {
    style: { color: "#9aa5b1", weight: 0.6, fillColor: "#eef1f4", fillOpacity: 1 },
    interactive: false,
  }).addTo(map);
  layer = L.layerGroup().addTo(map);
  window.warledger = { ...(window.warledger || {}), map };
  document.getElementById("map-country").addEventListener("change", load);
  document.getElementById("map-certainty").addEventListener("change", load);
  await load();
}
