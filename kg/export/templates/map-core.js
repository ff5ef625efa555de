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

// --- neighbour highlight: a veil over the map, the focus drawn again on top of it ----------------
// Drawing the few focused items costs nothing; re-colouring thousands of items through the DataSet
// takes most of a second on a 3,000-actor map.
let focus = null;  // {node: id} or {edge: id} or null
let focusNodes = [];
let focusEdges = [];

function setFocus(f, nodeIds, edgeIds) {
  focus = f;
  focusNodes = nodeIds;
  focusEdges = edgeIds;
  network.redraw();
}

function focusNode(id) {
  const keepN = new Set([id]);
  const keepE = [];
  for (const eid of incident[id]) {
    if (!edgeShown[eid]) continue;
    keepE.push(eid);
    keepN.add(DATA.edges[eid].from);
    keepN.add(DATA.edges[eid].to);
  }
  keepN.delete(id);
  setFocus({ node: id }, [...keepN, id], keepE);  // the focused node last, on top
}

function focusEdge(id) {
  setFocus({ edge: id }, [DATA.edges[id].from, DATA.edges[id].to], [id]);
}

function unfocus() {
  setFocus(null, [], []);
}

function drawText(ctx, text, x, y, size) {
  ctx.font = size + "px system-ui, sans-serif";
  ctx.textAlign = "center";
  ctx.textBaseline = "middle";
  ctx.lineWidth = size / 4;
  ctx.lineJoin = "round";
  ctx.strokeStyle = "#ffffff";
  ctx.strokeText(text, x, y);
  ctx.fillStyle = "#1f2328";
  ctx.fillText(text, x, y);
}

// --- overview labels: zoomed out, vis-network hides small labels; name the biggest actors anyway,
// at a readable size and never on top of one another (as sigma.js and Gephi do).
const OVERVIEW_LABELS = 40;
const LABEL_PX = 12;
const DRAW_THRESHOLD = DATA.options.nodes.scaling.label.drawThreshold;
const BY_SIZE = NODE.map((n, i) => i);
const sortBySize = () => BY_SIZE.sort((a, b) => network.body.nodes[b].options.size - network.body.nodes[a].options.size || a - b);
sortBySize();

function drawOverviewLabels(ctx) {
  const scale = network.getScale();
  const canvas = $("kg-map").querySelector("canvas");
  const tl = network.DOMtoCanvas({ x: 0, y: 0 });
  const br = network.DOMtoCanvas({ x: canvas.clientWidth, y: canvas.clientHeight });
  const px = LABEL_PX / scale;
  ctx.font = px + "px system-ui, sans-serif";
  const boxes = [];
  for (const i of BY_SIZE) {
    if (boxes.length >= OVERVIEW_LABELS) break;
    const n = network.body.nodes[i];
    if (!nodeShown[i] || fontSize[i] * scale >= DRAW_THRESHOLD - 1) continue;  // vis-network draws it
    if (n.x < tl.x || n.x > br.x || n.y < tl.y || n.y > br.y) continue;
    const w = ctx.measureText(NODE[i].label).width;
    const box = { x: n.x - w / 2, y: n.y + n.options.size + 2 / scale, w: w, h: px * 1.25 };
    if (boxes.some((b) => box.x < b.x + b.w && b.x < box.x + box.w && box.y < b.y + b.h && b.y < box.y + box.h)) continue;
    boxes.push(box);
    drawText(ctx, NODE[i].label, n.x, box.y + px * 0.6, px);
  }
}

// The focus is drawn again by vis-network's own node and edge painters, in vis-network's order.
network.on("afterDrawing", (ctx) => {
  drawOverviewLabels(ctx);
  if (!focus) return;
  ctx.save();
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.fillStyle = "rgba(255, 255, 255, 0.8)";
  ctx.fillRect(0, 0, ctx.canvas.width, ctx.canvas.height);
  ctx.restore();
  const body = network.body;
  const es = focusEdges.filter((id) => edgeShown[id] && body.edges[id]).map((id) => body.edges[id]);
  const ns = focusNodes.filter((id) => nodeShown[id] && body.nodes[id]).map((id) => body.nodes[id]);
  for (const e of es) e.draw(ctx);
  const labels = ns.map((n) => n.draw(ctx).drawExternalLabel).filter(Boolean);
  for (const e of es) e.drawArrows(ctx);
  for (const draw of labels) draw();
  if (focus.edge !== undefined && !labelsOn && body.edges[focus.edge]) {
    const mid = body.edges[focus.edge].edgeType.getPoint(0.5);
    drawText(ctx, EDGE[focus.edge].caption, mid.x, mid.y, 12 / network.getScale());
  }
});

// --- edge labels: the relation type on every edge once zoomed in -------------------
const LABEL_ZOOM = 1.25;
let labelsOn = false;
function setEdgeLabels(on) {
  if (on === labelsOn) return;
  labelsOn = on;
  edges.update(EDGE.map((e, i) => ({ id: i, label: on ? e.caption : "" })));
}
network.on("zoom", () => setEdgeLabels(network.getScale() >= LABEL_ZOOM));
// On hover the tooltip (the edge's title) names the relation.

// --- node size: by mentions or by relations (weighted degree), sizes computed in Python -----------
function sizeBy(mode) {
  nodes.update(NODE.map((n, i) => {
    fontSize[i] = n.sizes[mode][1];
    return { id: i, size: n.sizes[mode][0], font: { size: fontSize[i] } };
  }));
  sortBySize();
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
