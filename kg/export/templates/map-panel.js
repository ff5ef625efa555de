// kg map: the details panel for an actor or a tie, with the evidence sentences.

const MAX_TIES_LISTED = 60;

// hammer.js's longest pause between the two clicks of a double click (its doubletap interval).
const DOUBLE_CLICK_MS = 300;
let panelLater = null;

// Open the panel with show() once a click on the map is known not to start a double click: at once when
// the panel is already open (the map keeps its size), after the double-click pause when it is closed.
function panelSoon(show) {
  cancelPanelSoon();
  if (!$("kg-panel").hidden) { show(); return; }
  panelLater = setTimeout(() => { panelLater = null; show(); }, DOUBLE_CLICK_MS);
}

function cancelPanelSoon() {
  if (panelLater !== null) clearTimeout(panelLater);
  panelLater = null;
}

// The panel shown before a view that opens it is laid out: the view is fitted to the map as it will be,
// not to the wider one vis-network would then shrink (it zooms out as its canvas narrows).
function revealPanel() {
  cancelPanelSoon();
  $("kg-panel").hidden = false;
}

function openPanel(children) {
  cancelPanelSoon();
  const body = $("kg-panel-body");
  clear(body);
  body.append(...children.filter((c) => c !== null && c !== undefined));
  const panel = $("kg-panel");
  if (panel.hidden) {
    panel.hidden = false;
    network.redraw();
  }
  panel.scrollTop = 0;
}

function closePanel() {
  cancelPanelSoon();
  $("kg-panel").hidden = true;
}

function actorButton(id) {
  return el("button", { type: "button", class: "kg-actor-link", onclick: () => selectNode(id, true) }, NODE[id].label);
}

function tieButton(eid, id) {
  const d = DATA.edges[eid];
  const out = d.from === id;
  return el("button", { type: "button", onclick: () => selectEdge(eid) },
    swatch(META.class_colors[EDGE[eid].class_name], "line"),
    el("span", null, (out ? "→ " : "← ") + (EDGE[eid].negated ? "not " : "") + EDGE[eid].relation_type + " "),
    el("strong", null, NODE[out ? d.to : d.from].label), el("span", { class: "kg-count" }, "×" + fmt(EDGE[eid].count)));
}

// The counts agree with the list: "Ties" is the number of ties listed (shown) plus those the view hides.
function showNode(id) {
  const n = NODE[id];
  const ties = incident[id].filter((e) => edgeShown[e])
    .sort((a, b) => EDGE[b].count - EDGE[a].count || a - b);
  const list = el("ul", { class: "kg-ties" });
  for (const eid of ties.slice(0, MAX_TIES_LISTED)) list.append(el("li", null, tieButton(eid, id)));
  const hiddenTies = incident[id].length - ties.length;
  const focused = V.mode === "focus" && V.centre === id;
  openPanel([
    el("h2", null, swatch(META.type_colors[n.type], "dot"), n.label),
    el("p", { class: "kg-sub" }, (TYPE_LABEL[n.type] || n.type) + (n.iso3 ? " · " + n.iso3 : "") + " · id " + n.key),
    el("p", { class: "kg-buttons" },
      el("button", { type: "button", class: "kg-focus-1", onclick: () => focusActor(id, 1), "aria-pressed": String(focused && V.depth === 1) }, "Focus"),
      el("button", { type: "button", class: "kg-focus-2", onclick: () => focusActor(id, 2), "aria-pressed": String(focused && V.depth === 2) }, "Depth 2"),
      el("button", { type: "button", class: "kg-path-from", onclick: () => openPathForm(id) }, "Path from here")),
    facts([["Mentions", n.mentions], ["Ties", incident[id].length], ["Reports", n.degree], ["Documents", n.documents],
      ["PageRank", n.pagerank ? n.pagerank.toFixed(4) : null], ["Community", n.community],
      ["Dates", dateSpan(n.first_date, n.last_date)], ["Entity label", n.ner]]),
    el("h3", null, "Also called"),
    n.aliases.length ? el("ul", { class: "kg-chips" }, ...n.aliases.map((a) => el("li", null, a)))
      : el("p", { class: "kg-sub" }, "no other names"),
    el("h3", { class: "kg-ties-head" }, "Ties (" + fmt(ties.length) + (hiddenTies ? " shown, " + fmt(hiddenTies) + " hidden by the view" : "") + ")"),
    list,
    ties.length > MAX_TIES_LISTED ? el("p", { class: "kg-sub" }, "and " + fmt(ties.length - MAX_TIES_LISTED) + " more") : null,
    hiddenTies && !focused ? el("button", { type: "button", class: "kg-link", onclick: () => focusActor(id, 1) }, "focus to see all its ties") : null,
  ]);
}

// The shortest chains of a path view, each hop's ties a click away from their evidence.
function showPath() {
  if (highlight) unhighlight();
  const [a, b] = V.ends;
  const chains = el("ol", { class: "kg-chains" });
  for (const chain of V.chains) {
    const li = el("li", null);
    chain.forEach((u, k) => {
      li.append(actorButton(u));
      if (k === chain.length - 1) return;
      const hop = el("ul", { class: "kg-ties" });
      for (const eid of tiesBetween(u, chain[k + 1])) hop.append(el("li", null, tieButton(eid, u)));
      li.append(hop);
    });
    chains.append(li);
  }
  openPanel([
    el("h2", null, "Path"),
    el("p", { class: "kg-tie" }, actorButton(a), " … ", actorButton(b)),
    V.chains.length ? el("p", { class: "kg-sub" }, plural(V.chains.length, "shortest chain") + " of " + plural(V.hops, "tie") +
      (V.chains.length >= MAX_CHAINS ? " (the first " + MAX_CHAINS + ")" : "") + ", over every tie whatever the filters.")
      : el("p", { class: "kg-sub" }, "No chain of up to " + MAX_HOPS + " ties joins them."),
    chains,
  ]);
}

function showEdge(id) {
  const e = EDGE[id];
  const d = DATA.edges[id];
  const rel = el("span", { class: "kg-rel" }, (e.negated ? "not " : "") + e.relation_type);
  rel.style.background = META.class_colors[e.class_name];
  const items = el("ol", { class: "kg-evidence" });
  for (const ev of e.evidence) {
    const source = el("div", { class: "kg-source" });
    if (ev.date) source.append(ev.date + " · ");
    const when = ev.event_date ? "event " + ev.event_date + (ev.event_date_precision ? " (" + ev.event_date_precision + ")" : "") : null;
    const where = ev.location ? "in " + ev.location + (ev.location_iso3 ? " (" + ev.location_iso3 + ")" : "") : null;
    source.append(ev.url ? link(ev.url, ev.title || ev.url) : (ev.title || "untitled"));
    source.append(" · document " + ev.doc_id);
    if (ev.unsafe_url) source.append(el("span", { class: "kg-warning", title: ev.unsafe_url }, " (link not shown: not http/https)"));
    const notes = [when, where, ev.relation && "“" + ev.relation + "”", ev.modality && ev.modality !== "asserted" ? ev.modality : null,
      typeof ev.confidence === "number" ? "confidence " + ev.confidence.toFixed(2) : null].filter(Boolean);
    items.append(el("li", null, markedSentence(ev.sentence, ev.marks), source,
      notes.length ? el("div", { class: "kg-source" }, notes.join(" · ")) : null));
  }
  openPanel([
    V.mode === "path" ? el("button", { type: "button", class: "kg-link", onclick: showPath }, "← back to the path") : null,
    el("p", { class: "kg-tie" }, actorButton(d.from), rel, actorButton(d.to)),
    el("p", { class: "kg-sub" }, e.class_name + (e.negated ? " · denied in the text" : "")),
    facts([["Reports", e.count], ["Confidence", typeof e.confidence === "number" ? e.confidence.toFixed(2) : null],
      ["Modality", e.modality], ["Dates", dateSpan(e.first_date, e.last_date)], ["Documents", e.documents],
      ["Wording", e.relations.join(", ")]]),
    el("h3", null, "Evidence" + (e.evidence.length < e.count ? " (" + fmt(e.evidence.length) + " of " + fmt(e.count) + ")" : "")),
    e.evidence.length ? items : el("p", { class: "kg-sub" }, "no sentences kept (max-evidence 0)"),
  ]);
}

// An actor the view hides is not found by resetting the filters: it is focused, with a note why.
function selectNode(id, move) {
  if (!nodeShown[id]) {
    focusActor(id, 1);
    return;
  }
  network.selectNodes([id]);
  highlightNode(id);
  showNode(id);
  if (move) {
    network.focus(id, { scale: Math.max(network.getScale(), 1.0), animation: { duration: 350, easingFunction: "easeInOutQuad" } });
  }
}

function selectEdge(id) {
  if (!edgeShown[id]) focusActor(DATA.edges[id].from, 1);
  network.selectEdges([id]);
  highlightEdge(id);
  showEdge(id);
}
