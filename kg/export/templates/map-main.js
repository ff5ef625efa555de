// kg map: wiring, and the hook tests and benchmarks use (window.kgMap, body[data-state="ready"]).

// A double click is two clicks first. With the panel closed, a first click that opened it at once would
// narrow the map and move the actor from under the pointer: the second click would land elsewhere (on
// another actor, on nothing, on the panel) and the double click on nothing. So while the panel is closed a
// click highlights at once and opens the panel only once it is not the first of a double click
// (panelSoon); the second click of a pair (hammer.js counts the taps) changes nothing; and the double click
// focuses the actor the first one picked, exactly as the panel's Focus button does.
let firstClick = null;
network.on("click", (p) => {
  if (p.event && p.event.tapCount % 2 === 0) return;
  firstClick = p.nodes.length ? p.nodes[0] : null;
  if (p.nodes.length) {
    const id = p.nodes[0];
    highlightNode(id);
    panelSoon(() => showNode(id));
  } else if (p.edges.length) {
    const id = p.edges[0];
    highlightEdge(id);
    panelSoon(() => showEdge(id));
  } else {
    unhighlight();
    if (V.mode === "path") showPath(); else closePanel();
  }
});
network.on("doubleClick", () => {
  if (firstClick !== null) focusActor(firstClick, 1);
});

$("kg-panel-close").addEventListener("click", () => { network.unselectAll(); unhighlight(); closePanel(); });
$("kg-fit").addEventListener("click", () => fitShown(true));
$("kg-reset").addEventListener("click", () => {
  V.mode = "overview";
  V.limit = DEFAULT_LIMIT;
  resetFilters();
  network.unselectAll();
  unhighlight();
  closePanel();
  $("kg-search").value = "";
});
$("kg-png").addEventListener("click", exportPng);
$("kg-size-by").addEventListener("change", (ev) => { sizeBy(ev.target.value); writeState(); });
$("kg-colour-by").addEventListener("change", (ev) => { colourBy(ev.target.value); writeState(); });
$("kg-tie-labels").addEventListener("change", (ev) => { tieLabels = ev.target.checked; network.redraw(); });
$("kg-glossary-open").addEventListener("click", openGlossary);
$("kg-glossary-close").addEventListener("click", () => { $("kg-glossary").hidden = true; });
$("kg-filters-toggle").addEventListener("click", () => {
  const open = document.body.classList.toggle("kg-filters-open");
  $("kg-filters-toggle").setAttribute("aria-expanded", String(open));
});
window.addEventListener("resize", drawTimeline);
window.addEventListener("hashchange", () => restoreState(location.hash));

setupFilters();
setupSearch();
setupPathForm();
setupTable();
restoreState(location.hash);
setTimeout(settle, 0);

window.kgMap = {
  network: network, nodes: nodes, edges: edges, ready: ready, readyAt: null, meta: META,
  nodeInfo: NODE, edgeInfo: EDGE, filters: F,
  applyFilters: applyFilters, resetFilters: resetFilters, setDates: setDates, visibleCounts: visibleCounts,
  search: searchActors, selectNode: selectNode, selectEdge: selectEdge,
  findNode: (label) => NODE.findIndex((n) => n.label === label),
  // focus(name, depth?) and path(a, b) take actor names (label, id or alias), as the URL does.
  focus: (name, depth) => focusActor(resolveActor(name), Number(depth) === 2 ? 2 : 1),
  path: (a, b) => pathBetween(resolveActor(a), resolveActor(b)),
  overview: overview, showMore: showMore, view: () => ({ mode: V.mode, depth: V.depth, limit: V.limit,
    hops: V.hops, chains: V.chains.map((c) => c.map((i) => NODE[i].label)) }),
  // The room each shown actor takes (its dot and label), centred on it, in canvas units.
  boxes: () => network.body.nodeIndices.map((id) => { const n = network.body.nodes[id]; const b = box(id);
    return { id: id, x: n.x - b.w / 2, y: n.y - b.h / 2, w: b.w, h: b.h }; }),
  state: stateString, edgeLabels: () => drawnEdgeLabels.slice(), edgeLabelBoxes: () => drawnEdgeBoxes.slice(), table: tableRows, exportCsv: exportCsv,
  play: play, stop: stopPlay, colourBy: colourBy, sizeBy: sizeBy, monthEnd: monthEnd,
};
