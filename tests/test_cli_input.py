"""Bad input through the whole ``kg`` command: one line per problem, the run goes on, a summary at the end.

The documents module's own tests (test_documents.py) check each reader on its own; these run the
command line on small folders with the real model, the way an analyst meets the problems: the
warnings on stderr, the counts in the last line, the graph still built, and the errors that must
stop a run before it writes anything.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from kg.cli import cli
from kg.export.json import read_json
from kg.ingest import documents
from kg.runner import pipeline
from tests.conftest import SEEDS

pytestmark = pytest.mark.model

#: The first bytes of a PNG image: enough for any sniffer to call it one.
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00"
LATIN1 = "Café owners in Zürich said Germany criticised Russia on Monday.\n"
ODD = ("Seoul urged\x1b[0m talks\x07 today.\r\nChina accused the United States of spying.\u200f "
       "\u202e\u05d9\u05e9\u05e8\u05d0\u05dc\u202c 🇺🇸 e\u0301\u0301 \ufeff\u2028"
       "Ukraine thanked Poland for its aid.\n")
JSONL = ('{"id": "j1", "text": "France condemned Iran over the missile test."}\n'
         '{"id": "j2", "text": "broken\n'
         '{"id": "j3", "text": "Japan praised India for the agreement."}\n')


def _folder(root: Path) -> dict[str, Path]:
    """A folder with one good article and one file for each kind of trouble."""
    root.mkdir()
    files = {
        "article": root / "2024-06-19_putin.txt",
        "empty": root / "empty.txt",
        "binary": root / "photo.txt",  # a PNG saved with a text name
        "image": root / "photo.png",  # a PNG beside the articles
        "latin1": root / "legacy.txt",
        "jsonl": root / "news.jsonl",
        "odd": root / "odd.txt",
    }
    files["article"].write_bytes((SEEDS / "putin-north-korea-visit.txt").read_bytes())
    files["empty"].write_bytes(b"")
    files["binary"].write_bytes(PNG)
    files["image"].write_bytes(PNG)
    files["latin1"].write_bytes(LATIN1.encode("latin-1"))
    files["jsonl"].write_text(JSONL, encoding="utf-8")
    files["odd"].write_text(ODD, encoding="utf-8", newline="")
    return files


def _invoke(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


def _lines(result: Result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.strip()]


@pytest.fixture(scope="module")
def mixed_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, Path], Path, Result]:
    root = tmp_path_factory.mktemp("mixed")
    files = _folder(root / "in")
    out = root / "out"
    out.mkdir()
    (out / ".graph.html.k1ll3d.part").write_text("<html><body>half a page", encoding="utf-8")  # a kill -9
    return files, out, _invoke("run", str(root / "in"), "-o", str(out))


def test_each_problem_is_one_stderr_line_naming_the_file(mixed_run):
    files, _, result = mixed_run
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    lines = _lines(result)
    expected = {
        "empty": "skipped: empty file",
        "binary": "skipped: binary file (PNG image)",
        "latin1": "not valid UTF-8; decoded as",
        "image": "unsupported format",
    }
    for key, what in expected.items():
        naming = [line for line in lines if str(files[key]) in line]
        assert len(naming) == 1, (key, lines)
        assert naming[0].startswith("warning: ") and what in naming[0], naming[0]
    # The malformed JSON line is named by file and line number, and only that line of the file is.
    [jsonl] = [line for line in lines if str(files["jsonl"]) in line]
    assert jsonl.startswith(f"warning: {files['jsonl']}:2: skipped: malformed JSON"), jsonl
    # Nothing about the good files.
    assert not [line for line in lines if str(files["article"]) in line or str(files["odd"]) in line]


def test_summary_counts_documents_read_and_skipped_with_reasons(mixed_run):
    _, out, result = mixed_run
    summary = _lines(result)[-1]
    # 7 files: the article, latin-1, odd and 2 good JSON lines are read; 3 files and 1 record skipped.
    assert summary.startswith("read 5 documents from 7 files; skipped 3: 1 binary, 1 empty, "
                              "1 unsupported format; skipped 1 record: 1 malformed JSON; "), summary
    assert summary.endswith(f"-> {out}/")


def test_the_run_goes_on_and_builds_the_graph_from_everything_readable(mixed_run):
    _, out, _ = mixed_run
    g = read_json(out / "graph.json")
    assert set(g.graph["documents"]) >= {"2024-06-19_putin.txt", "legacy.txt", "j1", "j3", "odd.txt"}
    ties = {(g.nodes[u]["label"], d["relation_type"], g.nodes[v]["label"]) for u, v, d in g.edges(data=True)}
    assert {("France", "ACCUSE", "Iran"), ("Germany", "ACCUSE", "Russia"),
            ("Vladimir Putin", "LEADER_OF", "Russia")} <= ties
    assert ("China", "ACCUSE", "United States") in ties  # read through the control characters
    for name in ["graph.html", "graph.graphml", "graph.gexf", "nodes.csv", "edges.csv"]:
        assert (out / name).stat().st_size > 0
    # No partial file, and the temporary file an earlier killed run left is gone.
    assert not list(out.glob("*.partial*")) and not list(out.glob(".*.part"))


def test_control_characters_never_reach_an_output(mixed_run):
    _, out, _ = mixed_run
    controls = {chr(c) for c in [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F, 0xFEFF]}
    for name in ["triples.jsonl", "graph.json", "graph.graphml", "graph.gexf", "nodes.csv", "edges.csv"]:
        text = (out / name).read_text(encoding="utf-8-sig")  # (the CSV files start with a BOM for Excel)
        assert not controls & set(text), (name, controls & set(text))
    odd = [json.loads(line) for line in (out / "triples.jsonl").read_text(encoding="utf-8").splitlines()
           if json.loads(line)["doc_id"] == "odd.txt"]
    assert odd and all("\x1b" not in t["sentence"] and "\x07" not in t["sentence"] for t in odd)


def test_strict_makes_the_malformed_line_fatal_and_keeps_the_previous_output(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "news.jsonl").write_text(JSONL, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "triples.jsonl").write_text("previous\n", encoding="utf-8")
    result = _invoke("extract", str(folder), "-o", str(out / "triples.jsonl"), "--strict", "--silent")
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert f"{folder / 'news.jsonl'}:2: malformed JSON" in result.stderr
    assert "run without --strict" in result.stderr and "warning" not in result.stderr.split("Error")[0]
    assert (out / "triples.jsonl").read_text(encoding="utf-8") == "previous\n"
    # Without --strict the same file goes through.
    result = _invoke("extract", str(folder), "-o", str(out / "triples.jsonl"), "--silent")
    assert result.exit_code == 0, result.output
    assert {json.loads(line)["doc_id"] for line in (out / "triples.jsonl").read_text("utf-8").splitlines()} \
        == {"j1", "j3"}


def _refuse(path: Path) -> object:
    raise PermissionError(13, "Permission denied", str(path))


@pytest.mark.parametrize("case", ["missing path", "unknown model", "unknown format", "unreadable file"])
def test_errors_before_any_work_exit_2_with_one_line(tmp_path, monkeypatch, case):
    good = tmp_path / "good.txt"
    good.write_bytes((SEEDS / "putin-north-korea-visit.txt").read_bytes())
    args = ["run", str(good), "-o", str(tmp_path / "out")]
    named = str(good)
    if case == "missing path":
        named = str(tmp_path / "nowhere")
        args.insert(2, named)  # after a good input: still nothing may start
    elif case == "unknown model":
        named = "no_such_model_xyz"
        args += ["--model", named]
    elif case == "unknown format":
        named = str(tmp_path / "photo.png")
        Path(named).write_bytes(PNG)
        args.insert(2, named)
    else:
        monkeypatch.setattr(documents, "_open", _refuse)
    result = _invoke(*args)
    assert result.exit_code == 2, result.output
    [line] = _lines(result)
    assert line.startswith("Error: ") and named in line and "Traceback" not in result.output
    assert not (tmp_path / "out").exists()


def _long_document(n: int = 12) -> str:
    paragraphs = [p for p in (SEEDS / "putin-north-korea-visit.txt").read_text(encoding="utf-8").split("\n")
                  if len(p) > 80]
    leaders = ["Xi Jinping", "Joe Biden", "Emmanuel Macron", "Olaf Scholz", "Fumio Kishida", "Narendra Modi"]
    extra = [f"{leaders[i % len(leaders)]} met Vladimir Putin in Moscow on day {i}." for i in range(n)]
    return "Long report\n\n" + "\n\n".join(p for pair in zip(paragraphs * 3, extra, strict=False)
                                          for p in pair) + "\n"


@pytest.fixture
def cuts(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Make a chunk 700 characters and record the offset of every chunk the pipeline cuts."""
    seen: list[int] = []
    split = documents.split_text

    def spy(text: str, max_chars: int) -> Iterator[tuple[int, str]]:
        for offset, piece in split(text, max_chars):
            seen.append(offset)
            yield offset, piece

    monkeypatch.setattr(pipeline, "CHUNK_CHARS", 700)
    monkeypatch.setattr(documents, "split_text", spy)
    return seen


def test_a_document_longer_than_a_chunk_keeps_its_offsets_and_sentence_order(tmp_path, cuts):
    text = _long_document()
    assert len(text) > 5 * pipeline.CHUNK_CHARS
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    result = _invoke("extract", str(path), "-o", str(tmp_path / "t.jsonl"), "--silent")
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in (tmp_path / "t.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(cuts) > 5 and all(text[c - 2:c] == "\n\n" for c in cuts[1:])  # cut between paragraphs
    assert len(rows) > 10 and rows[-1]["subject_span"][0] > cuts[-2]  # triples from the last chunks too
    for r in rows:
        for end in ("subject", "object"):
            start, stop = r[f"{end}_span"]
            assert text[start:stop] == r[f"{end}_text"], r
        assert text[r["sentence_start"]:r["sentence_start"] + len(r["sentence"])] == r["sentence"], r
    # One index per sentence, increasing through the document, across the chunk boundaries.
    by_start = sorted({(r["sentence_start"], r["sentence_index"]) for r in rows})
    indices = [i for _, i in by_start]
    assert indices == sorted(indices) and len(set(indices)) == len(indices)
    assert [r["sentence_index"] for r in rows] == sorted(r["sentence_index"] for r in rows)


def test_the_chunks_give_the_triples_one_parse_gives(nlp, cuts):
    """Cut at paragraph boundaries, a long text yields what the unsplit text yields."""
    from kg.records import Document

    text = _long_document(6)
    document = Document("report", text)
    whole = list(pipeline.extract_documents([document], nlp=nlp, chunk_chars=len(text)))
    assert not cuts
    pieces = list(pipeline.extract_documents([document], nlp=nlp))
    assert len(cuts) > 3
    assert whole and [t.to_dict() for t in pieces] == [t.to_dict() for t in whole]


def test_a_model_with_a_small_max_length_gets_chunks_it_can_take(nlp):
    """A pipeline that takes fewer characters than a chunk (spaCy's max_length) gets smaller chunks."""
    from kg.records import Document

    text = _long_document(4)
    saved = nlp.max_length
    nlp.max_length = 1_000
    try:
        triples = list(pipeline.extract_documents([Document("report", text)], nlp=nlp))
    finally:
        nlp.max_length = saved
    assert triples and all(text[t.subject_span[0]:t.subject_span[1]] == t.subject_text for t in triples)


@pytest.mark.slow
def test_sigterm_stops_like_ctrl_c_with_a_message_and_no_traceback(tmp_path):
    """`kill`, `timeout` and `docker stop` send SIGTERM: one line on stderr, exit 130, resumable files."""
    import os
    import signal
    import subprocess
    import sys
    import time

    from tests.conftest import REPO

    folder = tmp_path / "in"
    folder.mkdir()
    article = (SEEDS / "putin-north-korea-visit.txt").read_text(encoding="utf-8")
    for i in range(60):
        (folder / f"{i:02d}.txt").write_text(f"Copy {i}\n\n{article}", encoding="utf-8")
    out = tmp_path / "out"
    proc = subprocess.Popen([sys.executable, "-m", "kg", "run", str(folder), "-o", str(out), "--silent"],
                            env={**os.environ, "PYTHONPATH": str(REPO)}, stderr=subprocess.PIPE)
    ledger = out / "triples.jsonl.partial.done"
    deadline = time.monotonic() + 60
    while proc.poll() is None and time.monotonic() < deadline:
        if ledger.exists() and ledger.read_text(encoding="utf-8").count("\n") >= 2:
            break
        time.sleep(0.05)
    assert proc.poll() is None, "the run ended before it could be stopped"
    proc.send_signal(signal.SIGTERM)
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 130
    assert stderr.decode().strip().splitlines() == [
        "kg: interrupted; finished outputs are intact, run again with --resume to continue"]
    assert not (out / "triples.jsonl").exists() and (out / "triples.jsonl.partial").exists()


def _children(pid: int) -> list[int]:
    """Processes whose parent is ``pid`` (Linux /proc)."""
    out = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # gone meanwhile
        if int(fields[1]) == pid:
            out.append(int(stat.parent.name))
    return out


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc to find the workers")
def test_workers_do_not_outlive_a_killed_run(tmp_path):
    """kill -9 of kg with --jobs 2: its workers exit too, instead of parsing on for nobody."""
    import os
    import signal
    import subprocess
    import sys
    import time

    from tests.conftest import REPO

    folder = tmp_path / "in"
    folder.mkdir()
    # enough work that the run cannot finish before it is killed (workers fork from the loaded parent and
    # start at once: 40 seeds took about 3 s)
    (folder / "long.txt").write_text(_long_document(200), encoding="utf-8")
    for i in range(600):
        (folder / f"{i:03d}.txt").write_text((SEEDS / "putin-north-korea-visit.txt").read_text("utf-8"), "utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "kg", "run", str(folder), "-o", str(tmp_path / "out"),
                             "--silent", "--jobs", "2"], env={**os.environ, "PYTHONPATH": str(REPO)},
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    workers: list[int] = []
    while time.monotonic() < deadline and len(workers) < 2 and proc.poll() is None:
        time.sleep(0.2)
        workers = _children(proc.pid)
    time.sleep(1)  # the workers start parsing
    workers = _children(proc.pid)  # the two workers, and multiprocessing's resource tracker
    assert proc.poll() is None and len(workers) >= 2
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and any(Path(f"/proc/{w}").exists() for w in workers):
        time.sleep(0.2)
    alive = [w for w in workers if Path(f"/proc/{w}").exists()
             and Path(f"/proc/{w}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"]
    for w in alive:  # clean up before failing
        os.kill(w, signal.SIGKILL)
    assert not alive
