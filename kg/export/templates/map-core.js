// kg map: the data, the vis-network instance, neighbour highlight, edge labels, sizes and PNG export.

const DATA = JSON.parse($("kg-data").textContent);
const META = DATA.meta;
const NODE = DATA.node_info;   // node id i -> kg details; ids are indices, never input strings
const EDGE = DATA.edge_info;   // edge id i -> kg details
const TYPE_LABEL = { state: "State", person: "Person", organisation: "Organisation", place: "Place",
  group: "Group", other: "Other" };

const nodes = new vis.DataSet(DATA.nodes);
const edges = new vis.DataSet(DATA.edges);
const network = new vis.Network($("kg-map"), { nodes: nodes, edges: edges }, DATA.options);

const incident = NODE.map(() => []);
for (const e of DATA.edges) {
  incident[e.from].push(e.id);
  incident[e.to].push(e.id);
}
const baseNodeColor = DATA.nodes.map((n) => n.color);
const baseEdgeColor = DATA.edges.map((e) => e.color);
const fontSize = DATA.nodes.map((n) => n.font.size);
const baseFont = (i) => ({ size: fontSize[i], color: "#1f2328", strokeColor: "#ffffff" });
const dimFont = (i) => ({ size: fontSize[i], color: "rgba(0,0,0,0.18)", strokeColor: "rgba(255,255,255,0)" });
const DIM_NODE = { background: "#e3e6ea", border: "#d0d5db",
  highlight: { background: "#e3e6ea", border: "#d0d5db" }, hover: { background: "#e3e6ea", border: "#d0d5db" } };

// --- neighbour highlight: everything outside the focus is greyed, labels of the rest kept ---------
const dimmedNodes = new Uint8Array(NODE.length);
const dimmedEdges = new Uint8Array(EDGE.length);
let focus = null;  // {node: id} or {edge: id} or null

function highlight(keepNodes, keepEdges) {
  const nu = [];
  const eu = [];
  for (let i = 0; i < NODE.length; i++) {
    const dim = keepNodes !== null && !keepNodes.has(i) ? 1 : 0;
    if (dim !== dimmedNodes[i]) {
      dimmedNodes[i] = dim;
      nu.push({ id: i, color: dim ? DIM_NODE : baseNodeColor[i], font: dim ? dimFont(i) : baseFont(i) });
    }
  }
  for (let i = 0; i < EDGE.length; i++) {
    const dim = keepEdges !== null && !keepEdges.has(i) ? 1 : 0;
    if (dim !== dimmedEdges[i]) {
      dimmedEdges[i] = dim;
      const c = baseEdgeColor[i];
      eu.push({ id: i, color: dim ? { color: c.color, highlight: c.color, hover: c.color, opacity: 0.12 } : c });
    }
  }
  if (nu.length) nodes.update(nu);
  if (eu.length) edges.update(eu);
}

function focusNode(id) {
  focus = { node: id };
  const keepN = new Set([id]);
  const keepE = new Set();
  for (const eid of incident[id]) {
    if (!edgeShown[eid]) continue;
    keepE.add(eid);
    keepN.add(DATA.edges[eid].from);
    keepN.add(DATA.edges[eid].to);
  }
  highlight(keepN, keepE);
}

function focusEdge(id) {
  focus = { edge: id };
  highlight(new Set([DATA.edges[id].from, DATA.edges[id].to]), new Set([id]));
}

function unfocus() {
  focus = null;
  highlight(null, null);
}

// --- edge labels: the relation type on hover, and on every edge once zoomed in -------------------
const LABEL_ZOOM = 1.25;
let labelsOn = false;
function setEdgeLabels(on) {
  if (on === labelsOn) return;
  labelsOn = on;
  edges.update(EDGE.map((e, i) => ({ id: i, label: on ? e.caption : "" })));
}
network.on("zoom", () => setEdgeLabels(network.getScale() >= LABEL_ZOOM));
network.on("hoverEdge", (p) => { if (!labelsOn) edges.update({ id: p.edge, label: EDGE[p.edge].caption }); });
network.on("blurEdge", (p) => { if (!labelsOn) edges.update({ id: p.edge, label: "" }); });

// --- node size: by mentions or by relations (weighted degree), sizes computed in Python -----------
function sizeBy(mode) {
  nodes.update(NODE.map((n, i) => {
    fontSize[i] = n.sizes[mode][1];
    return { id: i, size: n.sizes[mode][0], font: dimmedNodes[i] ? dimFont(i) : baseFont(i) };
  }));
}

// --- PNG export of the current view, white background and a small legend ------------------------
function exportPng() {
  const src = $("kg-map").querySelector("canvas");
  const ratio = src.width / src.clientWidth || 1;
  const c = document.createElement("canvas");
  c.width = src.width;
  c.height = src.height;
  const ctx = c.getContext("2d");
  ctx.fillStyle = "#ffffff";
  ctx.fillRect(0, 0, c.width, c.height);
  ctx.drawImage(src, 0, 0);
  ctx.scale(ratio, ratio);
  ctx.font = "bold 14px system-ui, sans-serif";
  ctx.fillStyle = "#1f2328";
  ctx.fillText(META.title, 12, 22);
  ctx.font = "12px system-ui, sans-serif";
  let y = 42;
  for (const [t] of META.types) {
    ctx.fillStyle = META.type_colors[t];
    ctx.beginPath();
    ctx.arc(18, y - 4, 5, 0, 2 * Math.PI);
    ctx.fill();
    ctx.fillStyle = "#1f2328";
    ctx.fillText(TYPE_LABEL[t] || t, 30, y);
    y += 16;
  }
  for (const [k] of META.classes) {
    ctx.fillStyle = META.class_colors[k];
    ctx.fillRect(12, y - 6, 14, 3);
    ctx.fillStyle = "#1f2328";
    ctx.fillText(k, 30, y);
    y += 16;
  }
  ctx.fillStyle = "#656d76";
  ctx.fillText("made with kg", 12, src.clientHeight - 10);
  c.toBlob((blob) => {
    const a = el("a", { download: "kg-map.png" });
    a.href = URL.createObjectURL(blob);
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 5000);
  }, "image/png");
}

// --- ready: physics settles then stops, or positions came from Python -----------------------------
let markReady;
const ready = new Promise((resolve) => { markReady = resolve; });
function settle() {
  if (document.body.dataset.state === "ready") return;
  network.fit({ animation: false, maxZoomLevel: 1.6 });
  network.once("afterDrawing", () => {
    document.body.dataset.state = "ready";
    window.kgMap.readyAt = performance.now();
    markReady();
  });
  network.redraw();
}
if (META.physics && NODE.length > 1) {
  network.on("stabilizationProgress", (p) => {
    $("kg-loading-bar").value = Math.round(100 * p.iterations / p.total);
  });
  network.once("stabilizationIterationsDone", () => {
    network.setOptions({ physics: { enabled: false } });
    settle();
  });
} else {
  setTimeout(settle, 0);
}
