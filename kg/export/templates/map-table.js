// kg map: a sortable table of what is shown (actors or ties), a row click focuses it, "Export CSV" saves it.

const TABLE_ROWS = 500;  // rows drawn; the CSV has them all
const COLUMNS = {
  actors: [["name", "Name"], ["type", "Type"], ["mentions", "Mentions"], ["ties", "Ties"], ["pagerank", "PageRank"],
    ["community", "Community"]],
  ties: [["subject", "Subject"], ["relation", "Relation"], ["object", "Object"], ["reports", "Reports"],
    ["first_date", "First date"], ["last_date", "Last date"]],
};
const T = { kind: "actors", sort: "mentions", desc: true, open: false };

// The rows of the table as shown: what the view shows, sorted as asked.
function tableRows(kind) {
  const k = kind || T.kind;
  let rows;
  if (k === "actors") {
    rows = network.body.nodeIndices.map((id) => ({ id: id, name: NODE[id].label, type: TYPE_LABEL[NODE[id].type] || NODE[id].type,
      mentions: NODE[id].mentions, ties: incident[id].filter((e) => edgeShown[e]).length,
      pagerank: NODE[id].pagerank, community: NODE[id].community }));
  } else {
    rows = network.body.edgeIndices.map((id) => ({ id: id, subject: NODE[DATA.edges[id].from].label,
      relation: (EDGE[id].negated ? "not " : "") + EDGE[id].relation_type, object: NODE[DATA.edges[id].to].label,
      reports: EDGE[id].count, first_date: EDGE[id].first_date || "", last_date: EDGE[id].last_date || "" }));
  }
  const col = COLUMNS[k].some(([c]) => c === T.sort) ? T.sort : COLUMNS[k][0][0];
  const sign = T.desc ? -1 : 1;
  rows.sort((a, b) => {
    const x = a[col];
    const y = b[col];
    const c = typeof x === "number" ? x - y : String(x).localeCompare(String(y));
    return sign * c || a.id - b.id;
  });
  return rows;
}

function renderTable() {
  const box = $("kg-table-body");
  clear(box);
  const rows = tableRows();
  const head = el("tr");
  for (const [c, label] of COLUMNS[T.kind]) {
    const sorted = T.sort === c;
    head.append(el("th", { "aria-sort": sorted ? (T.desc ? "descending" : "ascending") : "none" },
      el("button", { type: "button", class: "kg-sort", dataset: { col: c }, onclick: () => {
        T.desc = T.sort === c ? !T.desc : typeof rows[0]?.[c] === "number";
        T.sort = c;
        renderTable();
      } }, label + (sorted ? (T.desc ? " ▼" : " ▲") : ""))));
  }
  const body = el("tbody");
  for (const r of rows.slice(0, TABLE_ROWS)) {
    const tr = el("tr", { tabindex: "0", dataset: { id: String(r.id) } });
    for (const [c] of COLUMNS[T.kind]) {
      const v = r[c];
      tr.append(el("td", null, typeof v === "number" ? (c === "pagerank" ? v.toFixed(4) : fmt(v)) : v));
    }
    const go = () => (T.kind === "actors" ? focusActor(r.id, 1) : selectEdge(r.id));
    tr.addEventListener("click", go);
    tr.addEventListener("keydown", (ev) => { if (ev.key === "Enter") go(); });
    body.append(tr);
  }
  box.append(el("table", { class: "kg-table" }, el("thead", null, head), body));
  $("kg-table-note").textContent = plural(rows.length, T.kind === "actors" ? "actor" : "tie") + " shown" +
    (rows.length > TABLE_ROWS ? "; the first " + fmt(TABLE_ROWS) + " listed, the CSV has all" : "");
  for (const b of document.querySelectorAll("#kg-table-tabs button")) b.setAttribute("aria-pressed", String(b.dataset.kind === T.kind));
}

function refreshTable() {
  if (T.open) renderTable();
}

// One CSV field: quoted when needed, and a leading = + - @ defused so a spreadsheet never runs it.
function csvField(v) {
  let s = v === null || v === undefined ? "" : String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = "'" + s;
  return /[",\n\r]/.test(s) ? "\"" + s.replace(/"/g, "\"\"") + "\"" : s;
}

function csvText(kind) {
  const k = kind || T.kind;
  const cols = COLUMNS[k];
  const lines = [cols.map(([, label]) => csvField(label)).join(",")];
  for (const r of tableRows(k)) lines.push(cols.map(([c]) => csvField(r[c])).join(","));
  return lines.join("\r\n") + "\r\n";
}

function exportCsv() {
  const blob = new Blob([csvText()], { type: "text/csv;charset=utf-8" });
  const a = el("a", { download: "kg-" + T.kind + ".csv" });
  a.href = URL.createObjectURL(blob);
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 5000);
  return csvText();
}

function setupTable() {
  $("kg-table-open").addEventListener("click", () => {
    T.open = $("kg-table").hidden;
    $("kg-table").hidden = !T.open;
    $("kg-table-open").setAttribute("aria-pressed", String(T.open));
    refreshTable();
    network.redraw();
  });
  for (const b of document.querySelectorAll("#kg-table-tabs button")) {
    b.addEventListener("click", () => {
      T.kind = b.dataset.kind;
      T.sort = T.kind === "actors" ? "mentions" : "reports";
      T.desc = true;
      renderTable();
    });
  }
  $("kg-csv").addEventListener("click", exportCsv);
}
