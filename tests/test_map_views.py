"""The analyst's map in Chromium with the network cut: opening view, re-layout, focus, path, table, URL
state, time-lapse, search, flag filters, glossary, communities, dark mode and phone width (issue 13).

Skips, with the reason, when playwright or Chromium is missing.
"""

from __future__ import annotations

import copy
import csv
import io
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from kg.export.html import write_html
from kg.export.html_browser import MapPage, browser_missing, open_map
from kg.ontology import RELATION_TYPES
from tests.test_html import XSS_IMG, XSS_SCRIPT, actor, big_graph, ev, hostile_graph, story_graph, tie
from tests.test_html_browser import CSP_WATCH

pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(browser_missing() is not None, reason=str(browser_missing()))]

@pytest.fixture(scope="module")
def story_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The map of :func:`views_graph`."""
    return written(tmp_path_factory.mktemp("views") / "graph.html", views_graph(), title="Putin in Pyongyang")


@pytest.fixture(scope="module")
def big_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A map of 400 actors: more than the 150 a map opens whole with."""
    return written(tmp_path_factory.mktemp("views") / "big.html", big_graph(400))


def written(path: Path, g: nx.MultiDiGraph, **kw: Any) -> Path:
    write_html(g, path, **kw)
    return path


def views_graph() -> nx.MultiDiGraph:
    """The story graph plus a senator (for "NATO" inside "seNATOr"), a pronoun alias, NATO, a hedged tie,
    a low-confidence one and a name a spreadsheet would run."""
    g = story_graph()
    actor(g, "NATO", "NATO", "organisation", ["the alliance"], 4)
    actor(g, "senator_x", "Senator Xavier", "person", ["he", "Xavier"], 2)
    actor(g, "formula", "=HYPERLINK(\"http://x\")", "group", [], 1)
    tie(g, "senator_x", "NATO", "AGREE", [ev("reaction", "Senator Xavier praised NATO.", "Senator Xavier", "NATO",
                                               modality="hedged")])
    g.edges["senator_x", "NATO", "AGREE"]["modality"] = "hedged"
    tie(g, "formula", "KOR", "ACCUSE", [ev("reaction", "=HYPERLINK(\"http://x\") accused Seoul.",
                                             "=HYPERLINK(\"http://x\")", "Seoul")])
    g.edges["formula", "KOR", "ACCUSE"]["confidence"] = 0.3
    return g


def wait_open(chromium: Any, path: Path, fragment: str = "", **kw: Any) -> Any:
    return open_map(path, browser_=chromium, init_script=CSP_WATCH, fragment=fragment, **kw)


def clean(m: MapPage) -> None:
    assert m.outside_requests() == [] and m.blocked == [] and m.errors == []
    assert m.page.evaluate("window.__csp") == []


def overlapping(boxes: list[dict[str, float]], slack: float = 1.0) -> list[tuple[int, int]]:
    out = []
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            if (a["x"] + slack < b["x"] + b["w"] and b["x"] + slack < a["x"] + a["w"]
                    and a["y"] + slack < b["y"] + b["h"] and b["y"] + slack < a["y"] + a["h"]):
                out.append((a["id"], b["id"]))
    return out


def test_a_big_map_opens_with_its_most_important_actors_laid_out_without_overlaps(chromium: Any,
                                                                                  big_file: Path) -> None:
    with wait_open(chromium, big_file) as m:
        page = m.page
        assert page.evaluate("kgMap.visibleCounts()")["nodes"] == 100
        summary = page.locator("#kg-summary").inner_text()
        assert "100 most important" in summary and "PageRank" in summary and "300 hidden" in summary
        shown = set(page.evaluate("kgMap.network.body.nodeIndices"))
        ranks = page.evaluate("kgMap.nodeInfo.map(n => n.pagerank)")
        assert min(ranks[i] for i in shown) >= max(r for i, r in enumerate(ranks) if i not in shown)
        assert overlapping(page.evaluate("kgMap.boxes()")) == []
        before = page.evaluate("kgMap.network.getPositions()")
        page.locator("#kg-more").click()  # show more: twice as many, laid out anew
        assert page.evaluate("kgMap.visibleCounts()")["nodes"] == 200
        assert overlapping(page.evaluate("kgMap.boxes()")) == []
        assert "show=200" in page.evaluate("location.hash")
        page.locator("#kg-all").click()
        assert page.evaluate("kgMap.visibleCounts()")["nodes"] == 400
        assert "show=all" in page.evaluate("location.hash")
        page.locator("#kg-reset").click()
        # A filter: what remains is laid out anew, not left where the full map had it.
        page.locator("#kg-legend-types button", has_text="State").dblclick()
        after = page.evaluate("kgMap.network.getPositions()")
        kept = [k for k in after if k in before]
        assert kept and any(after[k] != before[k] for k in kept)
        assert page.evaluate("kgMap.visibleCounts()")["nodes"] <= 100
        assert overlapping(page.evaluate("kgMap.boxes()")) == []
        types = page.evaluate("kgMap.network.body.nodeIndices.map(i => kgMap.nodeInfo[i].type)")
        assert set(types) == {"state"}
        clean(m)


# Where an actor is drawn, in page pixels; whether the panel, once open, will cover that spot.
ON_SCREEN = """(id) => { const d = kgMap.network.canvasToDOM(kgMap.network.getPosition(id));
  const r = document.querySelector('#kg-map canvas').getBoundingClientRect();
  return {x: r.left + d.x, y: r.top + d.y, underPanel: d.x > r.width - 390}; }"""
# What a focus leaves on the page: the view, the URL, the actors shown, the panel, and where the map looks.
OUTCOME = """() => ({view: kgMap.view(), state: kgMap.state(), shown: kgMap.network.body.nodeIndices.slice(),
  selected: kgMap.network.getSelectedNodes(), panelOpen: !document.getElementById('kg-panel').hidden,
  title: document.querySelector('#kg-panel h2')?.textContent,
  pressed: document.querySelector('#kg-panel .kg-focus-1')?.getAttribute('aria-pressed'),
  scale: Math.round(kgMap.network.getScale() * 1000),
  at: Object.values(kgMap.network.getViewPosition()).map(Math.round)})"""


def test_focus_from_the_url_shows_every_neighbour_whatever_the_filters(chromium: Any, story_file: Path) -> None:
    with wait_open(chromium, story_file, "#focus=Russia&types=state") as m:
        page = m.page
        labels = set(page.evaluate("kgMap.network.body.nodeIndices.map(i => kgMap.nodeInfo[i].label)"))
        assert labels == {"Russia", "Vladimir Putin", "North Korea", "South Korea"}  # Putin is a person
        assert page.evaluate("kgMap.filters.types.has('person')") is False  # the filter is kept
        assert page.locator("#kg-view-bar").inner_text().startswith("Focus on Russia")
        assert page.locator("#kg-panel h2").inner_text() == "Russia"
        page.evaluate("kgMap.focus('North Korea', 2)")
        assert page.evaluate("location.hash") == "#focus=North%20Korea&depth=2&types=state"
        # Depth 2 from North Korea: every actor but the UN (three ties away) and the two unrelated ones.
        assert page.evaluate("kgMap.visibleCounts()")["nodes"] == 5
        page.locator("#kg-back").click()  # the way back
        assert page.evaluate("kgMap.view().mode") == "overview" and page.evaluate("location.hash") == "#types=state"
        spot = page.evaluate(ON_SCREEN, page.evaluate("kgMap.findNode('Russia')"))
        page.mouse.dblclick(spot["x"], spot["y"])  # double-click focuses too
        assert page.evaluate("kgMap.view().mode") == "focus" and "focus=Russia" in page.evaluate("location.hash")
        clean(m)


def test_double_click_with_the_panel_closed_focuses_as_the_panel_does(chromium: Any, story_file: Path) -> None:
    labels = ["Kim Jong Un", "United Nations", "Russia", "Vladimir Putin", "South Korea", "North Korea"]
    by_panel, by_double_click, under_panel = {}, {}, []
    with wait_open(chromium, story_file) as m:
        page = m.page
        for label in labels:
            page.evaluate("kgMap.overview()")
            page.locator("#kg-search").fill(label)
            page.keyboard.press("Enter")  # its panel
            page.locator("#kg-panel .kg-focus-1").click()
            by_panel[label] = page.evaluate(OUTCOME)
        clean(m)
    with wait_open(chromium, story_file) as m:
        page = m.page
        for label in labels:
            page.evaluate("kgMap.overview()")
            assert page.locator("#kg-panel").is_hidden()
            spot = page.evaluate(ON_SCREEN, page.evaluate("(l) => kgMap.findNode(l)", label))
            under_panel.append(spot["underPanel"])
            page.mouse.dblclick(spot["x"], spot["y"])
            page.wait_for_timeout(400)  # past the double-click pause: nothing else may open or change
            by_double_click[label] = page.evaluate(OUTCOME)
        clean(m)
    assert any(under_panel) and not all(under_panel)  # an actor the panel would cover, and one it would not
    for label in labels:
        assert by_double_click[label]["view"]["mode"] == "focus" and by_double_click[label]["title"] == label
        assert by_double_click[label] == by_panel[label], label


def test_a_click_with_the_panel_closed_highlights_at_once_and_opens_the_panel_after_the_pause(
        chromium: Any, story_file: Path) -> None:
    with wait_open(chromium, story_file) as m:
        page = m.page
        kim = page.evaluate("kgMap.findNode('Kim Jong Un')")
        spot = page.evaluate(ON_SCREEN, kim)
        page.mouse.click(spot["x"], spot["y"])
        assert page.evaluate("kgMap.network.getSelectedNodes()") == [kim]
        page.locator("#kg-panel h2").wait_for()
        assert page.locator("#kg-panel h2").inner_text() == "Kim Jong Un"
        assert page.evaluate("kgMap.view().mode") == "overview"  # a click is no focus
        page.mouse.click(spot["x"] - 200, spot["y"] - 200)  # nothing there: the panel closes at once
        assert page.locator("#kg-panel").is_hidden() and page.evaluate("kgMap.network.getSelectedNodes()") == []
        page.mouse.click(spot["x"], spot["y"])
        page.keyboard.press("Escape")  # closed before the pause ends: it stays closed
        page.wait_for_timeout(400)
        assert page.locator("#kg-panel").is_hidden()
        clean(m)


def test_path_lists_the_shortest_chains_and_their_evidence(chromium: Any, story_file: Path) -> None:
    with wait_open(chromium, story_file, "#path=Kim%20Jong%20Un|South%20Korea") as m:
        page = m.page
        view = page.evaluate("kgMap.view()")
        assert view["mode"] == "path" and view["hops"] == 3
        assert view["chains"] == [["Kim Jong Un", "North Korea", "Russia", "South Korea"]]
        assert set(page.evaluate("kgMap.network.body.nodeIndices.map(i => kgMap.nodeInfo[i].label)")) == {
            "Kim Jong Un", "North Korea", "Russia", "South Korea"}
        panel = page.locator("#kg-panel")
        assert "1 shortest chain of 3 ties" in panel.inner_text()
        panel.locator(".kg-chains button", has_text="ACCUSE").click()  # a tie: its evidence
        assert panel.locator("blockquote").first.inner_text() == "Seoul condemned Moscow for the pact."
        panel.locator("button", has_text="back to the path").click()
        assert "shortest chain" in panel.inner_text()
        assert sorted(page.evaluate("kgMap.edgeLabels()")) == sorted(page.evaluate(
            "kgMap.network.body.edgeIndices.map(i => kgMap.edgeInfo[i].caption)"))
        # The form; and no chain of up to three ties from the UN to Kim.
        page.locator("#kg-path-open").click()
        page.locator("#kg-path-a").fill("UN")
        page.locator("#kg-path-b").fill("Kim Jong Un")
        page.locator("#kg-path-go").click()
        assert page.evaluate("kgMap.view().hops") == 0 and "No chain" in page.locator("#kg-view-bar").inner_text()
        assert page.evaluate("kgMap.path('Vladimir Putin', 'Russia')") is True
        assert page.evaluate("location.hash") == "#path=Vladimir%20Putin|Russia"
        clean(m)


def test_table_sorts_focuses_and_exports_a_safe_csv(chromium: Any, story_file: Path) -> None:
    with wait_open(chromium, story_file) as m:
        page = m.page
        page.locator("#kg-table-open").click()
        rows = page.locator("#kg-table tbody tr")
        assert rows.count() == page.evaluate("kgMap.visibleCounts()").get("nodes")
        assert rows.first.locator("td").first.inner_text() == "North Korea"  # most mentions first
        page.locator("#kg-table th button", has_text="Name").click()
        names = page.locator("#kg-table tbody tr td:first-child").all_inner_texts()
        assert names == sorted(names, key=str.lower) or names == sorted(names)
        page.locator("#kg-table th button", has_text="Name").click()
        assert page.locator("#kg-table tbody tr td:first-child").first.inner_text() == max(names)
        page.locator("#kg-table-tabs button", has_text="Ties").click()
        assert page.locator("#kg-table tbody tr").count() == page.evaluate("kgMap.visibleCounts()")["edges"]
        with page.expect_download() as download:
            page.locator("#kg-csv").click()
        text = Path(download.value.path()).read_text("utf-8")
        table = list(csv.reader(io.StringIO(text)))
        assert table[0] == ["Subject", "Relation", "Object", "Reports", "First date", "Last date"]
        assert len(table) == 1 + page.evaluate("kgMap.visibleCounts()")["edges"]
        assert ["'=HYPERLINK(\"http://x\")", "ACCUSE", "South Korea"] in [r[:3] for r in table]
        assert not any(cell.startswith("=") for r in table for cell in r)  # no formula reaches a spreadsheet
        page.locator("#kg-table-tabs button", has_text="Actors").click()
        page.locator("#kg-table tbody tr", has_text="South Korea").click()  # a row click focuses
        assert page.evaluate("kgMap.view().mode") == "focus"
        assert page.locator("#kg-panel h2").inner_text() == "South Korea"
        clean(m)


def test_the_url_keeps_filters_and_dates_and_restores_them(chromium: Any, story_file: Path) -> None:
    state = "#types=state,organisation&min=1&from=2024-06-20&to=2024-06-21&negated=hide"
    with wait_open(chromium, story_file, state) as m:
        page = m.page
        assert page.evaluate("[...kgMap.filters.types]") == ["state", "organisation"]
        assert page.locator("#kg-date-from").input_value() == "2024-06-20"
        assert page.locator("#kg-negation").input_value() == "hide"
        assert page.locator("#kg-legend-types button", has_text="Person").get_attribute("aria-pressed") == "false"
        # Russia, North Korea, South Korea and the UN; the pact, the alliance, the accusation, the request.
        assert page.evaluate("kgMap.visibleCounts()") == {"nodes": 4, "edges": 4}
        page.locator("#kg-legend-classes button", has_text="standing").click()
        assert "classes=" in page.evaluate("location.hash") and "from=2024-06-20" in page.evaluate("location.hash")
        page.evaluate("location.hash = '#focus=Kim%20Jong%20Un'")  # an edited fragment is followed too
        page.wait_for_function("() => kgMap.view().mode === 'focus'")
        assert page.locator("#kg-panel h2").inner_text() == "Kim Jong Un"
        assert page.evaluate("kgMap.filters.types.size") == 4  # and its filters: all
        clean(m)


def test_time_lapse_steps_months_that_end_on_their_last_day(chromium: Any, big_file: Path) -> None:
    with wait_open(chromium, big_file) as m:
        page = m.page
        assert page.evaluate("[kgMap.monthEnd('2020-02'), kgMap.monthEnd('2021-02'), kgMap.monthEnd('2023-04')]") == [
            "2020-02-29", "2021-02-28", "2023-04-30"]
        page.locator("#kg-timeline").scroll_into_view_if_needed()
        canvas = page.locator("#kg-timeline").bounding_box()
        bins = 12  # the graph is dated over 2023: one bin a month
        page.mouse.click(canvas["x"] + canvas["width"] * 1.5 / bins, canvas["y"] + canvas["height"] / 2)
        assert page.locator("#kg-date-from").input_value() == "2023-02-01"
        assert page.locator("#kg-date-to").input_value() == "2023-02-28"
        page.locator("#kg-dates-clear").click()
        page.locator("#kg-play").click()
        assert page.evaluate("[kgMap.filters.from, kgMap.filters.to]") == ["2023-01-01", "2023-01-31"]
        page.wait_for_function("() => kgMap.filters.from === '2023-02-01'", timeout=10_000)
        assert page.evaluate("kgMap.filters.to") == "2023-02-28"
        page.locator("#kg-play").click()  # pause
        assert page.locator("#kg-play").get_attribute("aria-pressed") == "false"
        clean(m)


def test_search_matches_word_starts_never_pronouns_and_offers_hidden_actors(chromium: Any,
                                                                           story_file: Path) -> None:
    with wait_open(chromium, story_file) as m:
        page = m.page
        found = "(q) => kgMap.search(q).map(h => kgMap.nodeInfo[h.id].label)"
        assert page.evaluate(found, "NATO") == ["NATO"]  # not "seNATOr Xavier"
        assert page.evaluate(found, "he") == []  # the senator's alias "he" is a pronoun
        assert page.evaluate(found, "xav") == ["Senator Xavier"]  # a word start
        assert page.evaluate(found, "ussia") == []  # never inside a word
        page.locator("#kg-legend-types button", has_text="Person").click()
        page.locator("#kg-search").fill("putin")
        assert "hidden by the view" in page.locator("#kg-results li").first.inner_text()
        page.keyboard.press("Enter")
        assert page.evaluate("kgMap.view().mode") == "focus"
        assert page.locator("#kg-panel h2").inner_text() == "Vladimir Putin"
        assert page.evaluate("kgMap.filters.types.has('person')") is False  # no filter was reset
        clean(m)


def test_panel_counts_agree_with_the_list(chromium: Any, story_file: Path) -> None:
    with wait_open(chromium, story_file) as m:
        page = m.page
        page.evaluate("kgMap.selectNode(kgMap.findNode('Russia'), false)")
        panel = page.locator("#kg-panel")
        listed = panel.locator(".kg-ties li").count()
        ties = panel.locator("dl.kg-facts dt", has_text="Ties").locator("xpath=following-sibling::dd[1]").inner_text()
        assert int(ties) == listed == 5 and panel.locator(".kg-ties-head").inner_text() == "TIES (5)"
        page.locator("#kg-legend-classes button", has_text="standing").click()
        page.evaluate("kgMap.selectNode(kgMap.findNode('Russia'), false)")
        assert panel.locator(".kg-ties li").count() == 3
        assert panel.locator(".kg-ties-head").inner_text() == "TIES (3 SHOWN, 2 HIDDEN BY THE VIEW)"
        clean(m)


def test_confidence_modality_negation_filters_and_the_glossary(chromium: Any, story_file: Path) -> None:
    with wait_open(chromium, story_file) as m:
        page = m.page
        total = page.evaluate("kgMap.visibleCounts().edges")
        page.locator("#kg-min-conf").fill("50")
        assert page.evaluate("kgMap.visibleCounts().edges") == total - 1  # the 0.3 protest
        page.locator("#kg-min-conf").fill("0")
        page.locator("#kg-modalities label", has_text="hedged").click()
        assert page.evaluate("kgMap.visibleCounts().edges") == total - 1  # the hedged support
        assert "modality=asserted" in page.evaluate("location.hash")
        page.locator("#kg-modalities label", has_text="hedged").click()
        page.locator("#kg-negation").select_option("only")
        assert page.evaluate("kgMap.network.body.edgeIndices.map(i => kgMap.edgeInfo[i].caption)") == ["not THREATEN"]
        page.locator("#kg-negation").select_option("all")
        page.locator("#kg-glossary-open").click()
        rows = page.locator("#kg-glossary tbody tr")
        assert rows.count() == len(RELATION_TYPES)
        assert "meets, visits" in page.locator("#kg-glossary tr", has_text="CONSULT").inner_text()
        page.locator("#kg-glossary-close").click()
        assert page.locator("#kg-glossary").is_hidden()
        clean(m)


def test_colour_by_community_and_size_by_pagerank(chromium: Any, story_file: Path) -> None:
    with wait_open(chromium, story_file) as m:
        page = m.page
        page.locator("#kg-colour-by").select_option("community")
        colours = page.evaluate("kgMap.nodeInfo.map((n, i) => [n.community, kgMap.nodes.get(i).color.background])")
        palette = {c: col for c, col in colours}
        assert len(palette) == len({c for c, _ in colours}) >= 2  # one colour a community
        assert all(palette[c] == col for c, col in colours)
        assert "colour=community" in page.evaluate("location.hash")
        page.locator("#kg-size-by").select_option("pagerank")
        sizes = page.evaluate("kgMap.nodeInfo.map((n, i) => [n.pagerank, kgMap.nodes.get(i).size])")
        top = max(sizes)
        assert top[1] == max(s for _, s in sizes)
        clean(m)


def test_dark_mode_and_phone_width(chromium: Any, story_file: Path) -> None:
    with wait_open(chromium, story_file, color_scheme="dark", width=390, height=800) as m:
        page = m.page
        bg = page.evaluate("getComputedStyle(document.body).backgroundColor")
        assert bg == "rgb(13, 17, 23)"
        filters = page.locator("#kg-filters")
        assert filters.bounding_box()["x"] + filters.bounding_box()["width"] <= 1  # a closed drawer
        page.locator("#kg-filters-toggle").click()
        page.wait_for_timeout(300)
        assert filters.bounding_box()["x"] >= -1
        page.locator("#kg-filters-toggle").click()
        page.evaluate("kgMap.selectNode(kgMap.findNode('Russia'), false)")
        panel = page.locator("#kg-panel").bounding_box()
        assert panel["width"] >= 380 and panel["y"] > 300  # a sheet over the lower part of the map
        assert page.locator("#kg-map canvas").bounding_box()["width"] >= 380
        clean(m)


def test_hostile_strings_stay_text_in_focus_path_table_and_csv(chromium: Any, tmp_path: Path) -> None:
    g = hostile_graph()
    path = tmp_path / "evil.html"
    write_html(g, path, title=XSS_IMG)
    with wait_open(chromium, path, "#focus=" + XSS_IMG.replace('"', "%22").replace(" ", "%20")) as m:
        page = m.page
        assert page.evaluate("kgMap.view().mode") == "focus"
        assert XSS_IMG in page.locator("#kg-view-bar").inner_text()
        names = page.evaluate("kgMap.nodeInfo.map(n => n.label)")
        assert page.evaluate("([a, b]) => kgMap.path(a, b)", names) is True
        page.locator("#kg-table-open").click()
        page.locator("#kg-table-tabs button", has_text="Ties").click()
        assert XSS_SCRIPT in page.locator("#kg-table").inner_text() or XSS_IMG in page.locator("#kg-table").inner_text()
        csv_text = page.evaluate("kgMap.exportCsv()")
        assert XSS_IMG.replace('"', '""') in csv_text
        page.locator("#kg-glossary-open").click()
        assert page.evaluate("window.__pwned") is None and m.dialogs == []
        assert page.locator("img, svg, iframe, object, embed").count() == 0
        assert page.locator("script").count() == 3
        clean(m)


def test_evidence_shows_the_event_date_and_place_when_known(chromium: Any, tmp_path: Path) -> None:
    g = story_graph()
    d = g.edges["RUS", "PRK", "AGREE"]
    d["evidence"] = [dict(copy.deepcopy(d["evidence"][0]), event_date="2024-06", event_date_precision="month",
                          location="Pyongyang", location_iso3="PRK")]
    path = tmp_path / "when.html"
    write_html(g, path)
    with wait_open(chromium, path) as m:
        page = m.page
        page.evaluate("kgMap.selectEdge(kgMap.edgeInfo.findIndex(e => e.relation_type === 'AGREE'))")
        text = page.locator("#kg-panel .kg-evidence").inner_text()
        assert "event 2024-06 (month)" in text and "in Pyongyang (PRK)" in text and "2024-06-20" in text
        page.evaluate("kgMap.selectEdge(kgMap.edgeInfo.findIndex(e => e.relation_type === 'CONSULT'))")
        assert "event " not in page.locator("#kg-panel .kg-evidence").inner_text()  # keys missing: nothing
        clean(m)


# Counts, in the page, the frames that draw ties and one shown tie's arrowhead.
DRAW_SPY = """() => { const n = kgMap.network, r = n.renderer; window.__drawn = {ties: 0, arrows: 0};
  const f = r._drawEdges.bind(r); r._drawEdges = (ctx) => { window.__drawn.ties += 1; f(ctx); };
  const e = n.body.edges[n.body.edgeIndices[0]]; const g = e.drawArrows.bind(e);
  e.drawArrows = (ctx) => { window.__drawn.arrows += 1; g(ctx); }; }"""
FRAME = """(dragging) => { window.__drawn = {ties: 0, arrows: 0}; kgMap.network.renderer.dragging = dragging;
  kgMap.network.redraw(); kgMap.network.renderer.dragging = false; return window.__drawn; }"""


def test_with_thousands_of_ties_shown_a_drag_draws_the_actors_and_the_ties_after(chromium: Any,
                                                                                  tmp_path: Path) -> None:
    g = big_graph(700, 4)
    with wait_open(chromium, written(tmp_path / "many.html", g)) as m:
        page = m.page
        hides = "[kgMap.network.renderer.options.hideEdgesOnDrag, kgMap.network.renderer.options.hideEdgesOnZoom]"
        assert page.evaluate("kgMap.visibleCounts()")["edges"] < 2000
        assert page.evaluate(hides) == [False, False]  # the opening view: a drag still draws its ties
        page.locator("#kg-all").click()
        assert page.evaluate("kgMap.visibleCounts()")["edges"] > 2000
        assert page.evaluate(hides) == [True, True]
        page.evaluate(DRAW_SPY)
        page.evaluate("kgMap.network.moveTo({scale: 0.1})")  # zoomed out as the whole of a big map is
        assert page.evaluate(FRAME, True)["ties"] == 0  # during a drag: actors only
        zoomed_out = page.evaluate(FRAME, False)
        assert zoomed_out["ties"] == 1  # once it stops: every tie
        # Zoomed out that far an arrowhead is under 2 px: not drawn; zoomed in, it is.
        assert page.evaluate("kgMap.network.getScale()") * 11 < 2 and zoomed_out["arrows"] == 0
        page.evaluate("""() => { const n = kgMap.network, e = n.body.edges[n.body.edgeIndices[0]];
                         n.moveTo({position: {x: e.from.x, y: e.from.y}, scale: 1}); }""")
        assert page.evaluate(FRAME, False) == {"ties": 1, "arrows": 1}
        page.locator("#kg-legend-types button", has_text="State").dblclick()  # a few hundred ties again
        assert page.evaluate("kgMap.visibleCounts()")["edges"] < 2000
        assert page.evaluate(hides) == [False, False]
        clean(m)


def test_with_every_actor_shown_each_is_hit_where_it_is_drawn(chromium: Any, tmp_path: Path) -> None:
    g = big_graph(700, 4)
    boxes = """() => kgMap.network.body.nodeIndices.filter((id) => { const n = kgMap.network.body.nodes[id];
      const b = n.shape.boundingBox, r = n.options.size;
      return Math.abs(b.left - (n.x - r)) > 1e-6 || Math.abs(b.right - (n.x + r)) > 1e-6 ||
        Math.abs(b.top - (n.y - r)) > 1e-6 || Math.abs(b.bottom - (n.y + r)) > 1e-6; })"""
    hits = """(ids) => ids.map((id) => { const net = kgMap.network, n = net.body.nodes[id];
      return net.getNodeAt(net.canvasToDOM({x: n.x, y: n.y})); })"""
    with wait_open(chromium, written(tmp_path / "many.html", g)) as m:
        page = m.page
        page.locator("#kg-all").click()
        assert page.evaluate("kgMap.visibleCounts()")["nodes"] == 700
        assert page.evaluate(boxes) == []  # every actor's box where its dot is, as vis-network keeps it
        page.locator("#kg-legend-types button", has_text="Person").click()  # the rest moves: laid out anew
        assert 0 < page.evaluate("kgMap.visibleCounts()")["nodes"] < 700
        assert page.evaluate(boxes) == []
        # The biggest actors are drawn last of their style: hit at their centre, each is itself.
        big = page.evaluate("""kgMap.network.body.nodeIndices.slice().sort((a, b) =>
            kgMap.network.body.nodes[b].options.size - kgMap.network.body.nodes[a].options.size).slice(0, 5)""")
        found = page.evaluate(hits, big)
        assert sum(f == i for f, i in zip(found, big, strict=True)) >= 4
        clean(m)


def test_a_tie_across_the_view_is_drawn_though_both_its_actors_are_out_of_it(chromium: Any,
                                                                            story_file: Path) -> None:
    centre = """(id) => { const net = kgMap.network, e = net.body.edges[id], p = e.edgeType.getPoint(0.5);
      net.moveTo({position: p, scale: 30}); net.redraw();
      const canvas = document.querySelector('#kg-map canvas'), ratio = canvas.width / canvas.clientWidth;
      const d = net.canvasToDOM(p), px = canvas.getContext('2d').getImageData(Math.round(d.x * ratio) - 2,
        Math.round(d.y * ratio) - 2, 5, 5).data;
      const seen = [];
      for (let i = 0; i < px.length; i += 4) seen.push([px[i], px[i + 1], px[i + 2]]);
      const ends = [e.from, e.to].map((n) => net.canvasToDOM({x: n.x, y: n.y}));
      return {seen, ends, w: canvas.clientWidth, h: canvas.clientHeight}; }"""
    with wait_open(chromium, story_file) as m:
        page = m.page
        page.locator("#kg-tie-labels").uncheck()  # the caption sits on the middle of the tie
        eid = page.evaluate("kgMap.edgeInfo.findIndex(e => e.relation_type === 'CONSULT')")
        out = page.evaluate(centre, eid)
        assert all(not (0 <= p["x"] <= out["w"] and 0 <= p["y"] <= out["h"]) for p in out["ends"])
        green = page.evaluate("kgMap.meta.class_colors['verbal cooperation']")
        want = (int(green[1:3], 16), int(green[3:5], 16), int(green[5:7], 16))
        assert min(sum(abs(a - b) for a, b in zip(px, want, strict=True)) for px in out["seen"]) < 40
        clean(m)
