// warledger's single page: tabs for the network, map, timeline and documents, an evidence panel,
// and a search by actor or place name. Everything comes from the same server's /api/.
import "./style.css";
import { get, el, fillCertainty } from "./api.js";
import { initNetwork, resize as resizeNetwork, focusActor } from "./network.js";
import { initMap, resize as resizeMap, flyTo } from "./map.js";
import { initTimeline, resize as resizeTimeline } from "./timeline.js";
import { initDocuments, openDocument } from "./documents.js";
import { onOpenDocument, showFrom } from "./evidence.js";

const resizers = { network: resizeNetwork, map: resizeMap, timeline: resizeTimeline, documents: () => {} };

function show(view) {
  for (const button of document.querySelectorAll("#tabs button")) {
    button.classList.toggle("active", button.dataset.view === view);
  }
  for (const section of document.querySelectorAll(".view")) {
    section.hidden = section.id !== `view-${view}`;
  }
  resizers[view]();
  if (location.hash !== `#${view}`) history.replaceState(null, "", `#${view}`);
}

function setUpSearch() {
  const input = document.getElementById("search-input");
  const results = document.getElementById("search-results");
  let timer = null;
  const run = async () => {
    const q = input.value.trim();
    if (!q) {
      results.hidden = true;
      return;
    }
    const found = await get("/api/search", { q });
    const actors = found.actors.map((a) =>
      el(
        "li",
        {
          class: "hit-actor",
          onclick: () => {
            results.hidden = true;
            show("network");
            focusActor(a.id);
            showFrom(`/api/actors/${encodeURIComponent(a.id)}/evidence`);
          },
        },
        `${a.name} `,
        el("small", {}, `${a.kind}${a.country ? `, ${a.country}` : ""} · ${a.documents} doc.`),
      ),
    );
    const places = found.places.map((p) =>
      el(
        "li",
        {
          class: "hit-place",
          onclick: () => {
            results.hidden = true;
            show("map");
            flyTo(p.lat, p.lon);
          },
        },
        `${p.name} `,
        el("small", {}, `${p.country || ""} · ${p.documents} doc.`),
      ),
    );
    results.replaceChildren(
      el("h4", {}, `Actors (${actors.length})`),
      el("ul", {}, actors),
      el("h4", {}, `Places (${places.length})`),
      el("ul", {}, places),
    );
    results.hidden = false;
  };
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(run, 200);
  });
  document.getElementById("search").addEventListener("submit", (e) => {
    e.preventDefault();
    run();
  });
}

async function start() {
  for (const select of document.querySelectorAll(".certainty-select")) fillCertainty(select);
  for (const button of document.querySelectorAll("#tabs button")) {
    button.addEventListener("click", () => show(button.dataset.view));
  }
  onOpenDocument((id) => {
    show("documents");
    openDocument(id);
  });
  setUpSearch();
  const events = await get("/api/events");
  const countries = [...new Set(events.map((e) => e.country).filter(Boolean))].sort();
  const initial = (location.hash || "#network").slice(1);
  // Each view is drawn while visible once, so that its size is known.
  show("map");
  await initMap(countries);
  show("timeline");
  initTimeline(events);
  show("network");
  await initNetwork(countries);
  await initDocuments();
  show(resizers[initial] ? initial : "network");
  document.body.dataset.ready = "yes";
}

start().catch((err) => {
  document.getElementById("evidence-body").replaceChildren(el("p", { class: "error" }, `Could not load: ${err.message || err}`));
  document.body.dataset.ready = "error";
});
