// kg map: wiring, and the hook tests and benchmarks use (window.kgMap, body[data-state="ready"]).

network.on("click", (p) => {
  if (p.nodes.length) {
    highlightNode(p.nodes[0]);
    showNode(p.nodes[0]);
  } else if (p.edges.length) {
    highlightEdge(p.edges[0]);
    showEdge(p.edges[0]);
  } else {
    unhighlight();
    if (V.mode === "path") showPath(); else closePanel();
  }
});
network.on("doubleClick", (p) => { if (p.nodes.length) focusActor(p.nodes[0], 1); });

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
