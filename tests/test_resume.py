"""Triples written through a partial file and a ledger: never half-written, resumable."""

from __future__ import annotations

import pytest

from kg.records import Document
from kg.runner.resume import ResumeError, TripleWriter, read_triples


def _docs(n: int) -> list[Document]:
    return [Document(id=f"doc{i}", text=f"text {i}") for i in range(n)]


def _run(path, docs, make_triple, *, resume=False, stop_after=None):
    with TripleWriter(path, resume=resume) as writer:
        for i, d in enumerate(writer.skip_done(docs)):
            if stop_after is not None and i == stop_after:
                return writer
            for k in range(2):
                writer.write(make_triple(doc_id=d.id, sentence_index=k))
            writer.document_done(d)
        writer.commit()
    return writer


def test_output_appears_only_when_complete(tmp_path, make_triple):
    out = tmp_path / "triples.jsonl"
    _run(out, _docs(5), make_triple, stop_after=3)
    assert not out.exists()
    assert (tmp_path / "triples.jsonl.partial").exists()
    _run(out, _docs(5), make_triple)
    assert len(list(read_triples([out]))) == 10
    assert not (tmp_path / "triples.jsonl.partial").exists()
    assert not (tmp_path / "triples.jsonl.partial.done").exists()


def test_resume_gives_the_same_bytes_as_a_clean_run(tmp_path, make_triple):
    clean, resumed = tmp_path / "clean.jsonl", tmp_path / "resumed.jsonl"
    _run(clean, _docs(6), make_triple)
    _run(resumed, _docs(6), make_triple, stop_after=4)
    # A torn write after the last finished document must be cut away.
    with open(tmp_path / "resumed.jsonl.partial", "ab") as fh:
        fh.write(b'{"doc_id": "doc4", "trunc')
    with open(tmp_path / "resumed.jsonl.partial.done", "a") as fh:
        fh.write("99")
    writer = _run(resumed, _docs(6), make_triple, resume=True)
    assert writer.done_ids == ["doc0", "doc1", "doc2", "doc3"]
    assert resumed.read_bytes() == clean.read_bytes()


def test_resume_refuses_changed_input(tmp_path, make_triple):
    out = tmp_path / "t.jsonl"
    _run(out, _docs(4), make_triple, stop_after=2)
    other = [Document(id="other", text="x"), *_docs(4)]
    with pytest.raises(ResumeError, match="input has changed"):
        _run(out, other, make_triple, resume=True)


def test_without_resume_a_new_run_starts_over(tmp_path, make_triple):
    out = tmp_path / "t.jsonl"
    _run(out, _docs(4), make_triple, stop_after=2)
    writer = _run(out, _docs(3), make_triple)
    assert writer.done_ids == []
    assert len(list(read_triples([out]))) == 6


def test_read_triples_names_the_bad_line(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('\n{"doc_id": 1}\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad.jsonl:2"):
        list(read_triples([path]))


def test_mentions_file_resumes_with_the_triples(tmp_path, make_triple):
    from kg.records import Mention
    from kg.runner.resume import read_records

    def run(out, stop_after=None, resume=False):
        with TripleWriter(out, mentions_path=out.with_name(out.stem + ".mentions.jsonl"), resume=resume) as w:
            for i, d in enumerate(w.skip_done(_docs(5))):
                if i == stop_after:
                    return
                w.write(make_triple(doc_id=d.id))
                w.document_done(d, [Mention("Japan", 0, 5, "Japan", "GPE", "JPN", "JPN")] * (int(d.id[3:]) % 2))
            w.commit()

    clean, resumed = tmp_path / "clean.jsonl", tmp_path / "resumed.jsonl"
    run(clean)
    run(resumed, stop_after=3)
    run(resumed, resume=True)
    for name in ["clean.mentions.jsonl", "clean.jsonl"]:
        other = name.replace("clean", "resumed")
        assert (tmp_path / name).read_bytes() == (tmp_path / other).read_bytes()
    records = list(read_records([clean, tmp_path / "clean.mentions.jsonl"]))
    assert len(records) == 5 + 2
