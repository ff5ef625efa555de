// kg map: the details panel for an actor or a tie, with the evidence sentences.

const MAX_TIES_LISTED = 60;

function openPanel(children) {
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
  $("kg-panel").hidden = true;
}

function actorButton(id) {
  return el("button", { type: "button", class: "kg-actor-link", onclick: () => selectNode(id, true) }, NODE[id].label);
}

function showNode(id) {
  const n = NODE[id];
  const ties = incident[id].filter((e) => edgeShown[e])
    .sort((a, b) => EDGE[b].count - EDGE[a].count || a - b);
  const list = el("ul", { class: "kg-ties" });
  for (const eid of ties.slice(0, MAX_TIES_LISTED)) {
    const d = DATA.edges[eid];
    const out = d.from === id;
    const other = NODE[out ? d.to : d.from];
    list.append(el("li", null, el("button", { type: "button", onclick: () => selectEdge(eid) },
      swatch(META.class_colors[EDGE[eid].class_name], "line"),
      el("span", null, (out ? "→ " : "← ") + (EDGE[eid].negated ? "not " : "") + EDGE[eid].relation_type + " "),
      el("strong", null, other.label), el("span", { class: "kg-count" }, "×" + fmt(EDGE[eid].count)))));
  }
  const hiddenTies = incident[id].length - ties.length;
  openPanel([
    el("h2", null, swatch(META.type_colors[n.type], "dot"), n.label),
    el("p", { class: "kg-sub" }, (TYPE_LABEL[n.type] || n.type) + (n.iso3 ? " · " + n.iso3 : "") + " · id " + n.key),
    facts([["Mentions", n.mentions], ["Ties", n.degree], ["Documents", n.documents],
      ["Dates", dateSpan(n.first_date, n.last_date)], ["Entity label", n.ner]]),
    el("h3", null, "Also called"),
    n.aliases.length ? el("ul", { class: "kg-chips" }, ...n.aliases.map((a) => el("li", null, a)))
      : el("p", { class: "kg-sub" }, "no other names"),
    el("h3", null, "Ties (" + fmt(ties.length) + (hiddenTies ? ", " + fmt(hiddenTies) + " hidden by filters" : "") + ")"),
    list,
    ties.length > MAX_TIES_LISTED ? el("p", { class: "kg-sub" }, "and " + fmt(ties.length - MAX_TIES_LISTED) + " more") : null,
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
    source.append(ev.url ? link(ev.url, ev.title || ev.url) : (ev.title || "untitled"));
    source.append(" · document " + ev.doc_id);
    if (ev.unsafe_url) source.append(el("span", { class: "kg-warning", title: ev.unsafe_url }, " (link not shown: not http/https)"));
    const notes = [ev.relation && "“" + ev.relation + "”", ev.modality && ev.modality !== "asserted" ? ev.modality : null,
      typeof ev.confidence === "number" ? "confidence " + ev.confidence.toFixed(2) : null].filter(Boolean);
    items.append(el("li", null, markedSentence(ev.sentence, ev.marks), source,
      notes.length ? el("div", { class: "kg-source" }, notes.join(" · ")) : null));
  }
  openPanel([
    el("p", { class: "kg-tie" }, actorButton(d.from), rel, actorButton(d.to)),
    el("p", { class: "kg-sub" }, e.class_name + (e.negated ? " · denied in the text" : "")),
    facts([["Reports", e.count], ["Confidence", typeof e.confidence === "number" ? e.confidence.toFixed(2) : null],
      ["Modality", e.modality], ["Dates", dateSpan(e.first_date, e.last_date)], ["Documents", e.documents],
      ["Wording", e.relations.join(", ")]]),
    el("h3", null, "Evidence" + (e.evidence.length < e.count ? " (" + fmt(e.evidence.length) + " of " + fmt(e.count) + ")" : "")),
    e.evidence.length ? items : el("p", { class: "kg-sub" }, "no sentences kept (max-evidence 0)"),
  ]);
}

function selectNode(id, move) {
  if (!nodeShown[id]) resetFilters();
  if (!nodeShown[id] && !incident[id].length) {  // found by search: show the actors without ties
    F.lone = true;
    $("kg-lone").checked = true;
    applyFilters();
  }
  network.selectNodes([id]);
  focusNode(id);
  showNode(id);
  if (move) {
    network.focus(id, { scale: Math.max(network.getScale(), 1.0), animation: { duration: 350, easingFunction: "easeInOutQuad" } });
  }
}

function selectEdge(id) {
  if (!edgeShown[id]) resetFilters();
  network.selectEdges([id]);
  focusEdge(id);
  showEdge(id);
}
