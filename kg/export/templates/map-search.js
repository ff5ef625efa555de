// kg map: search by any name an actor goes by (label, aliases, id, ISO code), accents and case folded.
// A query matches from the start of a word, never inside one ("NATO" is not in "senator"), and
// never through a pronoun alias ("he"): Python leaves pronouns out of `names` (kg.export.map_terms).

const SEARCH_LIMIT = 8;
const NAMES = NODE.map((n) => (n.names || [n.label]).map((s) => [s, fold(s)]));

// Best matches first: whole name, then name start, then word start; ties by importance.
function searchActors(query) {
  const q = fold(query);
  if (!q) return [];
  const hits = [];
  NAMES.forEach((names, id) => {
    let best = null;
    for (const [shown, f] of names) {
      const rank = f === q ? 0 : f.startsWith(q) ? 1 : f.includes(" " + q) ? 2 : 9;
      if (rank < 9 && (best === null || rank < best.rank)) best = { rank: rank, name: shown };
    }
    if (best) hits.push({ id: id, rank: best.rank, name: best.name, hidden: !nodeShown[id] });
  });
  hits.sort((a, b) => a.rank - b.rank || NODE[b.id].degree - NODE[a.id].degree || a.id - b.id);
  return hits.slice(0, SEARCH_LIMIT);
}

function setupSearch() {
  const input = $("kg-search");
  const list = $("kg-results");
  let hits = [];
  let active = 0;
  const close = () => { list.hidden = true; input.setAttribute("aria-expanded", "false"); };
  const pick = (hit) => {
    close();
    input.value = NODE[hit.id].label;
    selectNode(hit.id, true);
  };
  const render = () => {
    clear(list);
    hits.forEach((h, i) => {
      const n = NODE[h.id];
      const li = el("li", { role: "option", "aria-selected": String(i === active) },
        swatch(META.type_colors[n.type], "dot"), el("span", null, n.label),
        h.name !== n.label ? el("span", { class: "kg-alias" }, "“" + h.name + "”") : null,
        h.hidden ? el("span", { class: "kg-hidden" }, "hidden by the view: show it") : null,
        el("span", { class: "kg-kind" }, TYPE_LABEL[n.type] || n.type));
      li.addEventListener("mousedown", (ev) => { ev.preventDefault(); pick(h); });
      list.append(li);
    });
    if (!hits.length && input.value.trim()) list.append(el("li", { class: "kg-alias" }, "no actor by that name"));
    list.hidden = !input.value.trim();
    input.setAttribute("aria-expanded", String(!list.hidden));
  };
  input.addEventListener("input", () => { hits = searchActors(input.value); active = 0; render(); });
  input.addEventListener("keydown", (ev) => {
    if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
      ev.preventDefault();
      if (hits.length) active = (active + (ev.key === "ArrowDown" ? 1 : hits.length - 1)) % hits.length;
      render();
    } else if (ev.key === "Enter") {
      hits = searchActors(input.value);
      if (hits.length) pick(hits[Math.min(active, hits.length - 1)]);
    } else if (ev.key === "Escape") {
      close();
      input.blur();
    }
  });
  input.addEventListener("blur", close);
  document.addEventListener("keydown", (ev) => {
    if (ev.key === "/" && document.activeElement !== input && !(ev.target instanceof HTMLInputElement)) {
      ev.preventDefault();
      input.focus();
      input.select();
    } else if (ev.key === "Escape" && document.activeElement !== input) {
      network.unselectAll();
      unhighlight();
      closePanel();
    }
  });
}
