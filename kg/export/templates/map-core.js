// kg map: the data, the vis-network instance, neighbour highlight, edge labels, sizes and PNG export.

const DATA = JSON.parse($("kg-data").textContent);
const META = DATA.meta;
const NODE = DATA.node_info;   // node id i -> kg details; ids are indices, never input strings
const EDGE = DATA.edge_info;   // edge id i -> kg details
const TYPE_LABEL = { state: "State", person: "Person", organisation: "Organisation", place: "Place",
  group: "Group", other: "Other" };

// Actors' names are drawn by kg (drawNodeLabels), not by vis-network, which measures every label of every
// actor on every frame, drawn or not: most of a frame's time at 8,000 actors.
const nodes = new vis.DataSet(DATA.nodes.map((n) => {
  const copy = Object.assign({}, n);
  delete copy.label;
  return copy;
}));
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

// --- theme: the page follows the system's dark mode; the canvas is drawn in the same colours -------
const DARK = window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches;
const THEME = DARK ? { fg: "#e6edf3", halo: "#0d1117", veil: "rgba(13, 17, 23, 0.82)", bg: "#0d1117" }
  : { fg: "#1f2328", halo: "#ffffff", veil: "rgba(255, 255, 255, 0.8)", bg: "#ffffff" };
if (DARK) {
  network.setOptions({ nodes: { font: { color: THEME.fg, strokeColor: THEME.halo } },
    edges: { font: { color: THEME.fg, strokeColor: THEME.halo } } });
}

// --- neighbour highlight: a veil over the map, the highlight drawn again on top of it -------------
// Drawing the few highlighted items costs nothing; re-colouring thousands of items through the DataSet
// takes most of a second on a 3,000-actor map.
let highlight = null;  // {node: id} or {edge: id} or null
let highlightNodes = [];
let highlightEdges = [];

function setHighlight(f, nodeIds, edgeIds) {
  highlight = f;
  highlightNodes = nodeIds;
  highlightEdges = edgeIds;
  network.redraw();
}

function highlightNode(id) {
  const keepN = new Set([id]);
  const keepE = [];
  for (const eid of incident[id]) {
    if (!edgeShown[eid]) continue;
    keepE.push(eid);
    keepN.add(DATA.edges[eid].from);
    keepN.add(DATA.edges[eid].to);
  }
  keepN.delete(id);
  setHighlight({ node: id }, [...keepN, id], keepE);  // the highlighted node last, on top
}

function highlightEdge(id) {
  setHighlight({ edge: id }, [DATA.edges[id].from, DATA.edges[id].to], [id]);
}

function unhighlight() {
  setHighlight(null, [], []);
}

function drawText(ctx, text, x, y, size) {
  ctx.font = size + "px system-ui, sans-serif";
  ctx.textAlign = "center";
  ctx.textBaseline = "middle";
  ctx.lineWidth = size / 4;
  ctx.lineJoin = "round";
  ctx.strokeStyle = THEME.halo;
  ctx.strokeText(text, x, y);
  ctx.fillStyle = THEME.fg;
  ctx.fillText(text, x, y);
}

// --- labels: zoomed out, vis-network hides small labels; name the shown actors anyway, biggest first,
// at a readable size and never on top of one another (as sigma.js and Gephi do). Tie captions the same
// way: the highlighted actor's, the focus's and the path's always, every shown tie's once zoomed in.
const OVERVIEW_LABELS = 200;
const EDGE_LABELS = 300;
const EDGE_LABEL_ZOOM = 0.9;
const LABEL_PX = 12;
const MAX_LABEL_PX = 40;
const BY_SIZE = NODE.map((n, i) => i);
const sortBySize = () => BY_SIZE.sort((a, b) => network.body.nodes[b].options.size - network.body.nodes[a].options.size || a - b);
sortBySize();
let drawnEdgeLabels = [];  // the captions of the last frame, for tests
let drawnEdgeBoxes = [];

const overlaps = (boxes, b) => boxes.some((o) => b.x < o.x + o.w && o.x < b.x + b.w && b.y < o.y + o.h && o.y < b.y + b.h);

function viewBox() {
  const canvas = $("kg-map").querySelector("canvas");
  const tl = network.DOMtoCanvas({ x: 0, y: 0 });
  const br = network.DOMtoCanvas({ x: canvas.clientWidth, y: canvas.clientHeight });
  return { x0: tl.x, y0: tl.y, x1: br.x, y1: br.y };
}

// Each name's width at 100 px, measured once: a name's width grows with its size, and measuring up to
// 8,000 names a frame (most of them then left out for want of room) took longer than drawing the map.
const NAME_WIDTH = new Float64Array(NODE.length).fill(-1);
function nameWidth(ctx, i, px) {
  if (NAME_WIDTH[i] < 0) {
    ctx.font = "100px system-ui, sans-serif";
    NAME_WIDTH[i] = ctx.measureText(NODE[i].label).width;
  }
  return NAME_WIDTH[i] * px / 100;
}

function drawNodeLabels(ctx, ids, boxes) {
  const scale = network.getScale();
  const v = viewBox();
  let drawn = 0;
  for (const i of ids) {
    if (drawn >= OVERVIEW_LABELS) break;
    const n = network.body.nodes[i];
    if (!nodeShown[i] || n.x < v.x0 || n.x > v.x1 || n.y < v.y0 || n.y > v.y1) continue;
    // Zoomed in, a name grows with its actor (as vis-network would draw it); zoomed out, never under 12 px.
    const px = Math.min(MAX_LABEL_PX, Math.max(LABEL_PX, fontSize[i] * scale)) / scale;
    const b = { x: n.x, y: n.y + n.options.size + 2 / scale, w: 0, h: px * 1.25 };
    // The spot under the dot already taken (most actors of a dense map): no need to measure the name.
    if (overlaps(boxes, b)) continue;
    b.w = nameWidth(ctx, i, px);
    b.x = n.x - b.w / 2;
    if (overlaps(boxes, b)) continue;
    boxes.push(b);
    drawn += 1;
    drawText(ctx, NODE[i].label, n.x, b.y + px * 0.6, px);
  }
}

// Each caption at the middle of its tie, or a little along it when that spot is taken; else left out.
function drawEdgeLabels(ctx, ids, boxes) {
  const px = 11 / network.getScale();
  ctx.font = px + "px system-ui, sans-serif";
  const drawn = [];
  const kept = [];
  for (const id of ids) {
    if (drawn.length >= EDGE_LABELS) break;
    const e = network.body.edges[id];
    if (!edgeShown[id] || !e || !e.edgeType) continue;
    const text = EDGE[id].caption;
    const w = ctx.measureText(text).width + px * 0.4;
    for (const t of [0.5, 0.4, 0.6, 0.3, 0.7]) {
      const p = e.edgeType.getPoint(t);
      const b = { x: p.x - w / 2, y: p.y - px * 0.65, w: w, h: px * 1.3 };
      if (overlaps(boxes, b)) continue;
      boxes.push(b);
      kept.push(b);
      drawText(ctx, text, p.x, p.y, px);
      drawn.push(text);
      break;
    }
  }
  drawnEdgeLabels = drawn;
  drawnEdgeBoxes = kept;
}

let tieLabels = true;  // the "name the ties" box
function edgesToLabel() {
  if (!tieLabels) return [];
  const must = highlight ? highlightEdges.slice() : viewLabelledEdges();
  if (highlight || network.getScale() < EDGE_LABEL_ZOOM) return must;
  const v = viewBox();
  const seen = new Set(must);
  const inView = network.body.edgeIndices.filter((id) => {
    if (seen.has(id)) return false;
    const e = network.body.edges[id];
    const a = e.from;
    const b = e.to;
    return (a.x >= v.x0 && a.x <= v.x1 && a.y >= v.y0 && a.y <= v.y1) || (b.x >= v.x0 && b.x <= v.x1 && b.y >= v.y0 && b.y <= v.y1);
  }).sort((a, b) => EDGE[b].count - EDGE[a].count || a - b);
  return must.concat(inView);
}

// The highlight is drawn again by vis-network's own node and edge painters, in vis-network's order.
network.on("afterDrawing", (ctx) => {
  const boxes = [];
  if (!highlight) {
    drawNodeLabels(ctx, BY_SIZE, boxes);
    drawEdgeLabels(ctx, edgesToLabel(), boxes);
    return;
  }
  ctx.save();
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.fillStyle = THEME.veil;
  ctx.fillRect(0, 0, ctx.canvas.width, ctx.canvas.height);
  ctx.restore();
  const body = network.body;
  const es = highlightEdges.filter((id) => edgeShown[id] && body.edges[id]).map((id) => body.edges[id]);
  const ns = highlightNodes.filter((id) => nodeShown[id] && body.nodes[id]).map((id) => body.nodes[id]);
  for (const e of es) e.draw(ctx);
  for (const n of ns) n.draw(ctx);
  for (const e of es) e.drawArrows(ctx);
  drawNodeLabels(ctx, highlightNodes.slice().reverse(), boxes);
  drawEdgeLabels(ctx, edgesToLabel(), boxes);
});

// --- node size: by mentions or by relations (weighted degree), sizes computed in Python -----------
function sizeBy(mode) {
  nodes.update(NODE.map((n, i) => {
    fontSize[i] = n.sizes[mode][1];
    return { id: i, size: n.sizes[mode][0], font: { size: fontSize[i] } };
  }));
  sortBySize();
  network.redraw();
}

// --- node colour: by actor type (as drawn by Python) or by community (kg.graph.metrics, 0 the largest)
const COMMUNITY_COLORS = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1",
  "#ff9da7", "#9c755f", "#17becf", "#bcbd22", "#8c564b"];
const OTHER_COMMUNITY = "#9aa0a6";
const communityColor = (c) => COMMUNITY_COLORS[c] || OTHER_COMMUNITY;
let colourMode = "type";
function colourBy(mode) {
  colourMode = mode === "community" ? "community" : "type";
  nodes.update(NODE.map((n, i) => {
    if (colourMode === "type") return { id: i, color: baseNodeColor[i] };
    const c = communityColor(n.community);
    return { id: i, color: { background: c, border: c, highlight: { background: c, border: "#1a1a1a" },
      hover: { background: c, border: "#1a1a1a" } } };
  }));
  network.redraw();
}

// --- PNG export of the current view, white background and a small legend ------------------------
function exportPng() {
  const src = $("kg-map").querySelector("canvas");
  const ratio = src.width / src.clientWidth || 1;
  const c = document.createElement("canvas");
  c.width = src.width;
  c.height = src.height;
  const ctx = c.getContext("2d");
  ctx.fillStyle = THEME.bg;
  ctx.fillRect(0, 0, c.width, c.height);
  ctx.drawImage(src, 0, 0);
  ctx.scale(ratio, ratio);
  ctx.font = "bold 14px system-ui, sans-serif";
  ctx.fillStyle = THEME.fg;
  ctx.fillText(META.title, 12, 22);
  ctx.font = "12px system-ui, sans-serif";
  let y = 42;
  for (const [t] of META.types) {
    ctx.fillStyle = META.type_colors[t];
    ctx.beginPath();
    ctx.arc(18, y - 4, 5, 0, 2 * Math.PI);
    ctx.fill();
    ctx.fillStyle = THEME.fg;
    ctx.fillText(TYPE_LABEL[t] || t, 30, y);
    y += 16;
  }
  for (const [k] of META.classes) {
    ctx.fillStyle = META.class_colors[k];
    ctx.fillRect(12, y - 6, 14, 3);
    ctx.fillStyle = THEME.fg;
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

// --- ready: the first view is laid out in the page (kg map-view), then drawn once -------------------
let markReady;
const ready = new Promise((resolve) => { markReady = resolve; });
function settle() {
  if (document.body.dataset.state === "ready") return;
  network.once("afterDrawing", () => {
    document.body.dataset.state = "ready";
    window.kgMap.readyAt = performance.now();
    markReady();
  });
  network.redraw();
}
