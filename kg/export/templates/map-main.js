// kg map: wiring, and the hook tests and benchmarks use (window.kgMap, body[data-state="ready"]).

network.on("click", (p) => {
  if (p.nodes.length) {
    focusNode(p.nodes[0]);
    showNode(p.nodes[0]);
  } else if (p.edges.length) {
    focusEdge(p.edges[0]);
    showEdge(p.edges[0]);
  } else {
    unfocus();
    closePanel();
  }
});

$("kg-panel-close").addEventListener("click", () => { network.unselectAll(); unfocus(); closePanel(); });
$("kg-fit").addEventListener("click", () => network.fit({ animation: { duration: 300 }, maxZoomLevel: 1.6 }));
$("kg-reset").addEventListener("click", () => {
  resetFilters();
  network.unselectAll();
  unfocus();
  closePanel();
  $("kg-search").value = "";
});
$("kg-png").addEventListener("click", exportPng);
$("kg-size-by").addEventListener("change", (ev) => sizeBy(ev.target.value));
window.addEventListener("resize", drawTimeline);

setupFilters();
setupSearch();
applyFilters();

window.kgMap = {
  network: network, nodes: nodes, edges: edges, ready: ready, readyAt: null, meta: META,
  nodeInfo: NODE, edgeInfo: EDGE, filters: F,
  applyFilters: applyFilters, resetFilters: resetFilters, setDates: setDates, visibleCounts: visibleCounts,
  search: searchActors, selectNode: selectNode, selectEdge: selectEdge,
  findNode: (label) => NODE.findIndex((n) => n.label === label),
};
