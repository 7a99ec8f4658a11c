// Network: actors as nodes, SUPPORTS/OPPOSES/... as edges; a time slider keeps the relations in
// force on a date (reported in an interval that ends at most HOLD_DAYS before it); filters by
// theatre and certainty go to the API.
import cytoscape from "cytoscape";
import { get, el, certaintyColour } from "./api.js";
import { showFrom } from "./evidence.js";

export const HOLD_DAYS = 180;
const TYPE_COLOURS = {
  SUPPORTS: "#2166ac",
  OPPOSES: "#b2182b",
  ALLIED_WITH: "#4d9221",
  PART_OF: "#762a83",
  LEADS: "#8c510a",
  AFFILIATED_WITH: "#01665e",
};
const DAY = 86400000;

let cy = null;
let edges = [];
let dates = [];

function inForce(edge, day) {
  if (!day) return true;
  const t = Date.parse(day);
  return edge.intervals.some(([lo, hi]) => Date.parse(lo) <= t && t <= Date.parse(hi) + HOLD_DAYS * DAY);
}

function elements(rows) {
  const nodes = new Map();
  const list = [];
  for (const e of rows) {
    nodes.set(e.source_id, e.source);
    nodes.set(e.target_id, e.target);
    list.push({
      group: "edges",
      data: {
        id: `${e.source_id}|${e.type}|${e.target_id}`,
        source: e.source_id,
        target: e.target_id,
        type: e.type,
        certainty: e.certainty,
        colour: TYPE_COLOURS[e.type] || "#555",
        dated: e.intervals.length ? "yes" : "no",
      },
    });
  }
  const nodeList = [...nodes].map(([id, name]) => ({ group: "nodes", data: { id, name } }));
  return [...nodeList, ...list];
}

function applySlider() {
  const slider = document.getElementById("net-slider");
  const index = Number(slider.value);
  const day = index > 0 ? dates[index - 1] : null;
  document.getElementById("net-date").textContent = day || "all dates";
  let shown = 0;
  cy.batch(() => {
    cy.edges().forEach((edge) => {
      const row = edges.find((r) => `${r.source_id}|${r.type}|${r.target_id}` === edge.id());
      const visible = row && inForce(row, day);
      edge.style("display", visible ? "element" : "none");
      if (visible) shown += 1;
    });
    cy.nodes().forEach((node) => {
      const visible = node.connectedEdges().some((e) => e.style("display") !== "none");
      node.style("display", visible ? "element" : "none");
    });
  });
  const nodes = cy.nodes().filter((n) => n.style("display") !== "none").length;
  const count = document.getElementById("network-count");
  count.textContent = `${nodes} actors, ${shown} relations`;
  count.dataset.nodes = nodes;
  count.dataset.edges = shown;
}

async function load() {
  const params = {
    country: document.getElementById("net-country").value,
    certainty: document.getElementById("net-certainty").value,
  };
  edges = await get("/api/network", params);
  const days = new Set();
  for (const e of edges) for (const [lo, hi] of e.intervals) { days.add(lo); days.add(hi); }
  dates = [...days].sort();
  const slider = document.getElementById("net-slider");
  slider.max = String(dates.length);
  slider.value = "0";
  cy.elements().remove();
  cy.add(elements(edges));
  cy.layout({ name: "cose", animate: false, randomize: false, nodeRepulsion: () => 9000, idealEdgeLength: () => 90 }).run();
  applySlider();
}

export function resize() {
  if (cy) {
    cy.resize();
    cy.fit(undefined, 30);
  }
}

export async function initNetwork(countries) {
  const select = document.getElementById("net-country");
  for (const c of countries) select.append(el("option", { value: c }, c));
  cy = cytoscape({
    container: document.getElementById("graph"),
    style: [
      {
        selector: "node",
        style: {
          label: "data(name)",
          "font-size": 10,
          "background-color": "#4a5568",
          width: 16,
          height: 16,
          "text-wrap": "ellipsis",
          "text-max-width": 120,
        },
      },
      {
        selector: "edge",
        style: {
          width: 2,
          "line-color": "data(colour)",
          "target-arrow-color": "data(colour)",
          "target-arrow-shape": "triangle",
          "curve-style": "bezier",
          label: "data(type)",
          "font-size": 7,
          color: "#555",
        },
      },
      { selector: 'edge[dated = "no"]', style: { "line-style": "dashed" } },
      { selector: ":selected", style: { "overlay-opacity": 0.2, "overlay-color": "#f6c343" } },
    ],
  });
  window.warledger = { ...(window.warledger || {}), cy };
  cy.on("tap", "node", (evt) => showFrom(`/api/actors/${encodeURIComponent(evt.target.id())}/evidence`));
  cy.on("tap", "edge", (evt) => {
    const d = evt.target.data();
    showFrom("/api/network/evidence", { source: d.source, target: d.target, type: d.type });
  });
  document.getElementById("net-slider").addEventListener("input", applySlider);
  document.getElementById("net-country").addEventListener("change", load);
  document.getElementById("net-certainty").addEventListener("change", load);
  const legend = document.getElementById("network-legend");
  for (const [type, colour] of Object.entries(TYPE_COLOURS)) {
    legend.append(el("span", { class: "key" }, el("i", { style: `background:${colour}` }), type));
  }
  legend.append(el("span", { class: "key" }, "dashed: undated (shown only for all dates)"));
  legend.append(el("span", { class: "key" }, `a relation stays in force ${HOLD_DAYS} days after its last report`));
  await load();
}

export function focusActor(id) {
  if (!cy) return;
  const node = cy.getElementById(id);
  cy.elements().unselect();
  if (node.nonempty()) {
    node.select();
    cy.animate({ center: { eles: node }, zoom: 1.5 }, { duration: 300 });
  }
}

export { certaintyColour };
