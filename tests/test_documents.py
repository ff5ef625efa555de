"""Reading input documents: formats, ids, titles, dates, order, splitting, and every kind of bad input."""

from __future__ import annotations

import gzip
import io
import itertools
import json
import os
import random
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.ingest import documents, formats
from kg.ingest.documents import InputError, ReadReport, check_inputs, read_documents, split_text
from kg.ingest.formats import clean_text, date_from_name, find_date, guess_title, normalise_date
from kg.records import Document

DATA = Path(__file__).resolve().parent / "data" / "documents"
SHARED = Path(__file__).resolve().parents[2] / "shared"
WIKINEWS = SHARED / "corpora" / "wikinews"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00"
ARTICLE = ("Seoul urges Pyongyang to resume talks\n\nSunday, September 15, 2019\n\n"
           "South Korea urged North Korea on Sunday to return to talks.\n\n"
           "The United States welcomed the call.\n")


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8", newline="")
    return path


def read(*inputs: str | Path, **kwargs: object) -> tuple[list[Document], ReadReport]:
    report = ReadReport()
    docs = list(read_documents(list(inputs), report=report, **kwargs))  # type: ignore[arg-type]
    return docs, report


def jsonl(*records: object) -> str:
    return "".join((r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)) + "\n" for r in records)


# -- plain text ---------------------------------------------------------------------------------


def test_text_file_named_alone_id_is_stem_text_is_whole_file(tmp_path: Path) -> None:
    path = write(tmp_path / "seoul.txt", ARTICLE)
    [doc], report = read(path)
    assert doc.id == "seoul"
    assert doc.text == ARTICLE  # title kept in the text: offsets are the file's
    assert doc.title == "Seoul urges Pyongyang to resume talks"
    assert doc.date == "2019-09-15"  # from the dateline
    assert doc.source == str(path) and doc.url is None
    assert report.summary() == "read 1 document from 1 file"


def test_folder_ids_are_relative_paths_in_sorted_order_hidden_skipped(tmp_path: Path) -> None:
    for name in ["b.txt", "a/z.md", "a/b/c.txt", "A.txt", ".hidden.txt", ".git/x.txt", "a/notes.csv"]:
        write(tmp_path / "in" / name, f"Some text in {name}.\n")
    docs, report = read(tmp_path / "in")
    assert [d.id for d in docs] == ["A.txt", "a/b/c.txt", "a/z.md", "b.txt"]
    assert report.skipped == {"unsupported format": 1}  # the .csv beside them, not warned
    assert report.warnings == []


def test_order_is_the_same_whatever_the_order_files_were_created_in(tmp_path: Path) -> None:
    names = [f"{d}/{n:02d}.txt" for d in ("x", "y", "x/sub") for n in range(8)]
    orders = []
    for run in range(3):
        random.Random(run).shuffle(names)
        root = tmp_path / f"run{run}"
        for name in names:
            write(root / name, f"Text of {name}.\n")
        orders.append([d.id for d in read(root)[0]])
    assert orders[0] == orders[1] == orders[2]
    assert orders[0][:9] == [*(f"x/{n:02d}.txt" for n in range(8)), "x/sub/00.txt"]


def test_markdown_title_without_hashes(tmp_path: Path) -> None:
    text = "# Kyiv and Warsaw sign a deal\n\nUkraine and Poland signed a grain deal.\n"
    [doc], _ = read(write(tmp_path / "deal.md", text))
    assert doc.title == "Kyiv and Warsaw sign a deal"
    assert doc.text == "Kyiv and Warsaw sign a deal\n\nUkraine and Poland signed a grain deal."  # marks removed


def test_unknown_extension_named_explicitly_is_read_as_text(tmp_path: Path) -> None:
    [doc], _ = read(write(tmp_path / "wire.story", ARTICLE))
    assert doc.id == "wire" and doc.text == ARTICLE


def test_html_page_saved_as_txt_is_extracted(tmp_path: Path) -> None:
    path = write(tmp_path / "page.txt", (DATA / "article.html").read_bytes())
    [doc], _ = read(path)
    assert doc.title == "Seoul urges Pyongyang to resume talks" and "<p>" not in doc.text


def test_gzipped_text_file(tmp_path: Path) -> None:
    path = write(tmp_path / "2019-09-15_talks.txt.gz", gzip.compress(ARTICLE.encode()))
    [doc], _ = read(path)
    assert (doc.id, doc.text) == ("2019-09-15_talks", ARTICLE)


# -- JSON Lines and JSON ------------------------------------------------------------------------


def test_jsonl_fields_text_keys_and_default_ids(tmp_path: Path) -> None:
    path = write(tmp_path / "wire.jsonl", jsonl(
        {"id": "r1", "text": "Russia and China held talks.", "title": "Talks", "date": "2019-09-15T10:00:00Z",
         "url": "https://example.org/r1"},
        {"content": "Iran warned Israel."},
        {"id": 7, "body": "Turkey shelled Syria."},
    ))
    docs, report = read(path)
    assert [(d.id, d.text, d.title, d.date, d.url) for d in docs] == [
        ("r1", "Russia and China held talks.", "Talks", "2019-09-15", "https://example.org/r1"),
        ("wire:2", "Iran warned Israel.", None, None, None),
        ("7", "Turkey shelled Syria.", None, None, None),
    ]
    assert all(d.source == str(path) for d in docs)
    assert report.documents == 3 and report.files == 1


def test_jsonl_streams_lazily(tmp_path: Path) -> None:
    path = write(tmp_path / "big.ndjson", jsonl(*({"id": n, "text": f"Text {n}."} for n in range(1000))))
    report = ReadReport()
    docs = read_documents([path], report=report)
    assert [d.id for d in itertools.islice(docs, 3)] == ["0", "1", "2"]
    assert report.documents == 3  # nothing read ahead


def test_jsonl_from_an_endless_stdin_streams() -> None:
    class Endless(io.StringIO):
        def __iter__(self) -> Iterator[str]:  # type: ignore[override]  # a text stream yields str
            return (json.dumps({"id": n, "text": f"Line {n}."}) + "\n" for n in itertools.count())

    docs = itertools.islice(read_documents(["-"], stdin=Endless()), 100)
    assert sum(1 for _ in docs) == 100


def test_gzipped_jsonl(tmp_path: Path) -> None:
    path = write(tmp_path / "dump.jsonl.gz", gzip.compress(jsonl({"text": "Japan aided Vietnam."}).encode()))
    [doc], _ = read(path)
    assert (doc.id, doc.text) == ("dump:1", "Japan aided Vietnam.")


def test_json_array_file(tmp_path: Path) -> None:
    path = write(tmp_path / "batch.json", json.dumps([{"id": "a", "text": "Egypt hosted talks."},
                                                      {"text": "Kenya sent troops."}, "oops"]))
    docs, report = read(path)
    assert [d.id for d in docs] == ["a", "batch:2"]
    assert report.skipped_records == {"not an object": 1}
    assert report.warnings == [f"{path}: record 3: skipped: not a JSON object"]


def test_utf16_jsonl_as_written_by_powershell(tmp_path: Path) -> None:
    path = write(tmp_path / "ps.jsonl", jsonl({"id": "é", "text": "Zürich hosted talks."}).encode("utf-16"))
    [doc], report = read(path)
    assert (doc.id, doc.text) == ("é", "Zürich hosted talks.") and report.warnings == []


# -- HTML ---------------------------------------------------------------------------------------


def test_html_main_text_title_date_url(tmp_path: Path) -> None:
    path = shutil.copy(DATA / "article.html", tmp_path / "seoul.html")
    [doc], report = read(path)
    assert doc.title == "Seoul urges Pyongyang to resume talks"
    assert doc.date == "2019-09-15"  # the published_time meta, not the 2015 copyright
    assert doc.url == "https://news.example.org/world/seoul-urges-talks"
    assert "South Korea on Sunday urged North Korea" in doc.text
    for boilerplate in ("Subscribe", "Most read", "Copyright", "tracking", "font-family"):
        assert boilerplate not in doc.text
    assert "\n\n" in doc.text  # paragraphs kept apart
    assert report.warnings == []


def test_html_falls_back_to_visible_text_when_trafilatura_finds_nothing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import trafilatura

    monkeypatch.setattr(trafilatura, "bare_extraction", lambda *a, **k: None)
    html = ("<html><head><title>Kabul talks</title><script>var x = 1;</script></head>"
            "<body><div>Taliban and US envoys met in Doha.</div><div>Talks resume Monday.</div>"
            "</body></html>")
    path = write(tmp_path / "p.htm", html)
    [doc], report = read(path)
    assert doc.title == "Kabul talks"
    assert doc.text == "Taliban and US envoys met in Doha.\n\nTalks resume Monday."
    assert report.warnings == [f"{path}: no main text found in the page; read its visible text (scripts and "
                               f"styles dropped), menus and footers included"]


def test_a_sentence_under_5000_nested_divs_is_read_with_a_warning(tmp_path: Path) -> None:
    # lxml's tree builder stops at depth 256 and trafilatura finds nothing: the visible text is kept.
    html = ("<html><head><title>Deep</title><style>p { color: red }</style></head><body>" + "<div>" * 5000
            + "<p>Russia invaded <b>Ukraine</b> on Thursday.</p><script>track();</script>" + "</div>" * 5000
            + "</body></html>")
    path = write(tmp_path / "deep.html", html)
    [doc], report = read(path)
    assert doc.text == "Russia invaded Ukraine on Thursday."
    assert doc.title == "Deep"
    [warning] = report.warnings
    assert warning.startswith(f"{path}: no main text found") and "visible text" in warning


@pytest.mark.parametrize(("page", "text"), [
    ("<p>One<br>two</p><ul><li>three</li><li>four</li></ul>", "One\ntwo\nthree\nfour"),
    ("<noscript>Enable JS</noscript><template>t</template>ok", "ok"),
    ("</script>after a stray end tag", "after a stray end tag"),
    ("<p>Caf&eacute; &amp; <i>bar</i></p>", "Café & bar"),
    ("<svg><text>chart</text></svg><p>Kim &#8212; Moon</p>", "Kim \u2014 Moon"),
])
def test_visible_text(page: str, text: str) -> None:
    from kg.ingest.htmltext import visible_text

    assert visible_text(page)[0] == text


def test_html_with_no_text_is_skipped(tmp_path: Path) -> None:
    html = "<html><head><title>t</title></head><body><script>x()</script></body></html>"
    path = write(tmp_path / "blank.html", html)
    docs, report = read(path)
    assert docs == [] and report.skipped == {"empty": 1}
    assert report.warnings[0].startswith(f"{path}: skipped")


# -- standard input -----------------------------------------------------------------------------


def test_stdin_plain_text() -> None:
    [doc], report = read("-", stdin=io.StringIO(ARTICLE))
    assert (doc.id, doc.text, doc.source, doc.date) == ("stdin", ARTICLE, "-", "2019-09-15")
    assert doc.title == "Seoul urges Pyongyang to resume talks"
    assert report.files == 1


def test_stdin_jsonl_sniffed_after_blank_lines() -> None:
    docs, _ = read("-", stdin=io.StringIO("\n\n" + jsonl({"id": "x", "text": "A."}, {"text": "B."})))
    assert [(d.id, d.text) for d in docs] == [("x", "A."), ("stdin:4", "B.")]


def test_stdin_bytes_are_decoded_like_files() -> None:
    stream = io.TextIOWrapper(io.BytesIO("Café owners met in Zürich.\n".encode("cp1252")), encoding="utf-8")
    [doc], report = read("-", stdin=stream)
    assert doc.text == "Café owners met in Zürich.\n"
    assert report.warnings and report.warnings[0].startswith("<stdin>: not valid UTF-8")


def test_stdin_html_page() -> None:
    [doc], _ = read("-", stdin=io.StringIO((DATA / "article.html").read_text()))
    assert doc.title == "Seoul urges Pyongyang to resume talks" and doc.id == "stdin"


def test_stdin_empty_is_skipped_with_warning() -> None:
    docs, report = read("-", stdin=io.StringIO("  \n"))
    assert docs == [] and report.warnings == ["<stdin>: skipped: no input"]


# -- titles and dates ---------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "title"), [
    (ARTICLE, "Seoul urges Pyongyang to resume talks"),
    ("\n  Pelosi elected Speaker as Congress sworn in\nBody.", "Pelosi elected Speaker as Congress sworn in"),
    ("Talks with the U.S.\nBody.", "Talks with the U.S."),  # an abbreviation may end a headline
    ("THE BUDGET FOR 1946.\n \nTo the Congress:", "THE BUDGET FOR 1946."),  # capitals: a heading
    ("Trump meets Kim: what we know?\nBody.", "Trump meets Kim: what we know?"),
    ("South Korea urged the North to talk.\nIt did.", None),  # ends like a sentence
    ("Only one line, no body", None),
    ("Sunday, September 15, 2019\n\nSeoul urged talks.", None),  # a dateline, not a headline
    (" ".join(["word"] * 40) + "\nbody", None),  # too long for a headline
    ("2019\n\nbody", None),  # no letters
])
def test_guess_title(text: str, title: str | None) -> None:
    assert guess_title(text) == title


@pytest.mark.parametrize(("text", "date"), [
    ("Sunday, September 15, 2019\n\nSeoul", "2019-09-15"),
    ("LONDON, 15 September 2019 - talks", "2019-09-15"),
    ("Posted 2019-09-15 by staff", "2019-09-15"),
    ("Sept. 15, 2019 (Reuters) - talks", "2019-09-15"),
    ("1st of March 2020: talks", "2020-03-01"),
    ("WASHINGTON, Sept. 15 (Reuters) - talks resumed", None),  # no year: skip
    ("February 30, 2019 was no day; March 1, 2019 was", "2019-03-01"),  # invalid dates ignored
    ("x" * 600 + " September 15, 2019", None),  # a dateline is near the top
    ("In 2019 some 15 September events", None),
])
def test_find_date_in_dateline(text: str, date: str | None) -> None:
    assert find_date(text) == date


@pytest.mark.parametrize(("name", "date"), [
    ("2019-01-04_Magnitogorsk_explosion.txt", "2019-01-04"),
    ("20190104_news.txt", "2019-01-04"),
    ("reuters_2019_01_04.jsonl", "2019-01-04"),
    ("2019-13-04_bad_month.txt", None),
    ("1945-Truman.txt", None),
    ("id_1234567890.txt", None),
])
def test_date_from_file_name(name: str, date: str | None) -> None:
    assert date_from_name(name) == date


@pytest.mark.parametrize(("value", "date"), [
    ("2019-09-15", "2019-09-15"), ("2019-09-15T23:59:59+02:00", "2019-09-15"), ("Sep 15, 2019", "2019-09-15"),
    ("20190915", "2019-09-15"), ("2019-02-30", None), ("yesterday", None), (20190915, None), (None, None),
])
def test_normalise_explicit_date(value: object, date: str | None) -> None:
    assert normalise_date(value) == date


def test_date_precedence_field_then_file_name_then_dateline(tmp_path: Path) -> None:
    named = write(tmp_path / "2020-01-02_talks.txt", ARTICLE)  # dateline says 2019-09-15
    plain = write(tmp_path / "talks.txt", ARTICLE)
    records = write(tmp_path / "2020-01-02_dump.jsonl", jsonl(
        {"id": "field", "text": ARTICLE, "date": "2021-05-06"},
        {"id": "dateline", "text": "Sept. 15, 2019 - talks."},
        {"id": "name", "text": "No date here."},
    ))
    docs, _ = read(named, plain, records)
    assert [(d.id, d.date) for d in docs] == [
        ("2020-01-02_talks", "2020-01-02"), ("talks", "2019-09-15"),
        ("field", "2021-05-06"),
        ("dateline", "2019-09-15"),  # in a dump, a record's dateline beats the dump's file name
        ("name", "2020-01-02"),
    ]


def test_invalid_explicit_date_is_warned_and_ignored(tmp_path: Path) -> None:
    path = write(tmp_path / "d.jsonl", jsonl({"id": "a", "text": "Sunday, September 15, 2019. Talks.",
                                              "date": "2019-02-30"}))
    [doc], report = read(path)
    assert doc.date == "2019-09-15"
    assert report.warnings == [f"{path}:1: date '2019-02-30' is not a date; ignored"]


# -- split_text ---------------------------------------------------------------------------------


def test_split_text_prefers_paragraphs_then_lines_then_sentences_then_spaces() -> None:
    assert [c for _, c in split_text("aaaa\n\nbbbb\ncc", 10)] == ["aaaa\n\n", "bbbb\ncc"]
    assert [c for _, c in split_text("aaaa\nbbbb cc", 10)] == ["aaaa\n", "bbbb cc"]
    assert [c for _, c in split_text("Aa. Bb cc. Dd", 10)] == ["Aa. ", "Bb cc. Dd"]
    assert [c for _, c in split_text("abcdefghij", 4)] == ["abcd", "efgh", "ij"]  # hard cut
    assert list(split_text("", 5)) == []
    with pytest.raises(ValueError, match="max_chars"):
        list(split_text("abc", 0))


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet=st.sampled_from(list("ab .\n\t?!é")), max_size=400),
       max_chars=st.integers(1, 60))
def test_split_text_chunks_join_back_with_right_offsets(text: str, max_chars: int) -> None:
    chunks = list(split_text(text, max_chars))
    assert "".join(c for _, c in chunks) == text
    for offset, chunk in chunks:
        assert 0 < len(chunk) <= max_chars
        assert text[offset:offset + len(chunk)] == chunk


# -- bad input ----------------------------------------------------------------------------------


def test_empty_file_is_skipped_with_one_warning_naming_it(tmp_path: Path) -> None:
    good = write(tmp_path / "in" / "a.txt", ARTICLE)
    empty = write(tmp_path / "in" / "b.txt", "")
    blank = write(tmp_path / "in" / "c.jsonl", "\n \n")
    docs, report = read(tmp_path / "in")
    assert [d.source for d in docs] == [str(good)]
    assert report.skipped == {"empty": 2}
    assert report.warnings == [f"{empty}: skipped: empty file", f"{blank}: skipped: empty file"]
    assert report.summary() == "read 1 document from 3 files; skipped 2: 2 empty"


def test_binary_file_is_skipped_with_warning(tmp_path: Path) -> None:
    write(tmp_path / "in" / "a.txt", ARTICLE)
    png = write(tmp_path / "in" / "photo.txt", PNG)  # a PNG with a text extension
    nul = write(tmp_path / "in" / "dump.jsonl", b'{"text": "x"}\x00\x00\x01')
    docs, report = read(tmp_path / "in")
    assert len(docs) == 1 and report.skipped == {"binary": 2}
    assert report.warnings == [f"{nul}: skipped: binary file (binary data (NUL bytes))",
                               f"{png}: skipped: binary file (PNG image)"]


def test_explicit_binary_file_of_unknown_format_fails_before_any_document(tmp_path: Path) -> None:
    good = write(tmp_path / "a.txt", ARTICLE)
    png = write(tmp_path / "photo.png", PNG)
    docs = read_documents([good, png])
    with pytest.raises(InputError, match=r"photo\.png: unsupported format \(PNG image\)"):
        next(docs)


@pytest.mark.parametrize(("inputs", "message"), [
    ([], "no input given"),
    (["-", "-"], "standard input named more than once"),
    (["missing/nowhere.txt"], "missing/nowhere.txt: no such file or folder"),
])
def test_check_inputs_errors(inputs: list[str], message: str) -> None:
    with pytest.raises(InputError, match=message) as info:
        check_inputs(inputs)
    assert "\n" not in str(info.value)


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads any file, any mode")
def test_unreadable_file_is_an_input_error(tmp_path: Path) -> None:
    path = write(tmp_path / "secret.txt", ARTICLE)
    path.chmod(0)
    with pytest.raises(InputError, match=r"secret\.txt: cannot read: Permission denied"):
        check_inputs([path])


def test_unreadable_file_is_an_input_error_as_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(path: Path) -> object:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(documents, "_open", refuse)
    path = write(tmp_path / "secret.txt", ARTICLE)
    with pytest.raises(InputError, match=r"secret\.txt: cannot read: Permission denied"):
        next(read_documents([path]))


def test_undecodable_bytes_are_decoded_with_a_warning_naming_the_encoding(tmp_path: Path) -> None:
    text = "Café owners in Zürich said the “deal” was fine — a résumé of naïve hopes.\n"
    path = write(tmp_path / "legacy.txt", text.encode("cp1252"))
    [doc], report = read(path)
    assert doc.text == text
    [warning] = report.warnings
    assert warning == f"{path}: not valid UTF-8; decoded as cp1252"


def test_mostly_utf8_with_a_stray_byte_stays_utf8(tmp_path: Path) -> None:
    path = write(tmp_path / "broken.txt", ("Zürich and Genève signed a pact. " * 5).encode() + b"\xff end.")
    [doc], report = read(path)
    assert doc.text.startswith("Zürich and Genève") and doc.text.endswith("\ufffd end.")
    assert "UTF-8 with 1 undecodable" in report.warnings[0]


def test_byte_order_marks(tmp_path: Path) -> None:
    a = write(tmp_path / "a.txt", "\ufeffSeoul urged talks.".encode())
    b = write(tmp_path / "b.txt", "Seoul urged talks in Zürich.".encode("utf-16"))
    docs, _ = read(a, b)
    assert [d.text for d in docs] == ["Seoul urged talks.", "Seoul urged talks in Zürich."]


RUSSIAN = "Министр иностранных дел России Сергей Лавров провёл переговоры с коллегой из Китая в Москве.\n" * 3  # noqa: RUF001 (Cyrillic on purpose)


def test_non_western_legacy_encoding_is_detected(tmp_path: Path) -> None:
    [doc], report = read(write(tmp_path / "ru.txt", RUSSIAN.encode("cp1251")))
    assert doc.text == RUSSIAN
    assert report.warnings == [f"{tmp_path / 'ru.txt'}: not valid UTF-8; decoded as cp1251"]


def test_without_charset_normalizer_cp1252_then_latin1(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(formats, "_charset_guess", lambda data: None)
    assert formats.decode(RUSSIAN.encode("cp1251"))[1] == "cp1252"  # wrong, but readable and warned
    assert formats.decode(b"\x81\x8d") == ("\x81\x8d", "latin-1")  # bytes cp1252 leaves unassigned


def test_malformed_jsonl_line_is_warned_and_the_rest_read(tmp_path: Path) -> None:
    lines = jsonl({"id": "a", "text": "A."}, '{"id": "b", "text": ', {"id": "c", "text": "C."})
    path = write(tmp_path / "w.jsonl", lines)
    docs, report = read(path)
    assert [d.id for d in docs] == ["a", "c"]
    [warning] = report.warnings
    assert warning.startswith(f"{path}:2: skipped: malformed JSON")
    assert report.summary() == "read 2 documents from 1 file; skipped 1 record: 1 malformed JSON"


def test_malformed_jsonl_line_with_strict_raises(tmp_path: Path) -> None:
    lines = jsonl({"id": "a", "text": "A."}, "not json", {"id": "c", "text": "C."})
    path = write(tmp_path / "w.jsonl", lines)
    docs = read_documents([path], strict=True)
    assert next(docs).id == "a"
    with pytest.raises(InputError, match=r"w\.jsonl:2: malformed JSON .*; --strict stops at the first bad input"):
        next(docs)


def test_strict_makes_an_empty_file_fatal(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="empty file"):
        list(read_documents([write(tmp_path / "e.txt", "")], strict=True))


def test_jsonl_record_without_text_is_skipped(tmp_path: Path) -> None:
    path = write(tmp_path / "w.jsonl", jsonl({"id": "a", "text": "  "}, {"id": "b"}, {"id": "c", "text": 5},
                                             [1, 2], {"id": "d", "text": "D."}))
    docs, report = read(path)
    assert [d.id for d in docs] == ["d"]
    assert report.skipped_records == {"no text": 3, "not an object": 1}
    assert [w.split(": skipped")[0] for w in report.warnings] == [f"{path}:{n}" for n in (1, 2, 3, 4)]


def test_jsonl_in_cp1252_is_decoded_with_one_warning(tmp_path: Path) -> None:
    lines = jsonl({"text": "Café in Zürich."}, {"text": "Genève."})
    path = write(tmp_path / "w.jsonl", lines.encode("cp1252"))
    docs, report = read(path)
    assert [d.text for d in docs] == ["Café in Zürich.", "Genève."]
    assert report.warnings == [f"{path}:1: not valid UTF-8; decoded as cp1252 (here and below)"]


def test_control_characters_and_odd_unicode_are_cleaned(tmp_path: Path) -> None:
    raw = "Title\r\n\r\nSeoul urged\x1b[0m talks\x07.\rCafe\u0301 \u2028next\x0cpage\ttab\x85end"
    # (a NUL in the first KB makes a file binary; further on it is dropped like any control)
    [doc], _ = read(write(tmp_path / "odd.txt", raw.encode() + b" " * 1024 + b"\x00."))
    assert doc.text == "Title\n\nSeoul urged[0m talks.\nCafé \nnext\npage\ttab\nend" + " " * 1024 + "."
    path = write(tmp_path / "s.jsonl", '{"text": "lone \\ud800 surrogate\\u0000"}\n')
    [doc], _ = read(path)
    assert doc.text == "lone \ufffd surrogate"
    doc.text.encode("utf-8")  # writable anywhere


def test_clean_text_leaves_clean_text_alone() -> None:
    text = "Seoul\n\turged talks — “now”. 北京.\n"
    assert clean_text(text) is text


def test_folder_with_no_readable_documents_is_warned(tmp_path: Path) -> None:
    folder = tmp_path / "photos"
    write(folder / "a.png", PNG)
    write(folder / "b.txt", "")
    docs, report = read(folder)
    assert docs == []
    assert report.warnings[-1].startswith(f"{folder}: no readable documents in this folder")
    assert report.skipped == {"unsupported format": 1, "empty": 1}


def test_duplicate_ids_repeat_dropped_clash_renamed(tmp_path: Path) -> None:
    path = write(tmp_path / "w.jsonl", jsonl({"id": "a", "text": "A."}, {"id": "a", "text": "A."},
                                             {"id": "a", "text": "Other."}))
    docs, report = read(path)
    assert [(d.id, d.text) for d in docs] == [("a", "A."), ("a#2", "Other.")]
    assert report.skipped_records == {"duplicate": 1}
    assert report.warnings[0].startswith(f"{path}:2: skipped") and "renamed a#2" in report.warnings[1]


def test_file_named_twice_is_read_once(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", ARTICLE)
    docs, report = read(path, tmp_path)
    assert len(docs) == 1 and report.warnings[0].startswith(f"{path}: skipped: already read")


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links here")
def test_symlink_cycle_does_not_hang(tmp_path: Path) -> None:
    write(tmp_path / "in" / "a.txt", ARTICLE)
    (tmp_path / "in" / "loop").symlink_to(tmp_path / "in", target_is_directory=True)
    docs, _ = read(tmp_path / "in")
    assert [d.id for d in docs] == ["a.txt"]


def test_corrupt_gzip_is_skipped(tmp_path: Path) -> None:
    path = write(tmp_path / "in" / "x.txt.gz", gzip.compress(ARTICLE.encode())[:30])
    docs, report = read(tmp_path / "in")
    assert docs == [] and report.skipped == {"unreadable": 1}
    assert report.warnings[0].startswith(f"{path}: skipped: cannot read")


def test_every_warning_is_one_line_starting_with_the_path_and_reaches_the_callback(tmp_path: Path) -> None:
    folder = tmp_path / "mess"
    write(folder / "a.txt", ARTICLE)
    write(folder / "b.txt", "")
    write(folder / "c.txt", PNG)
    write(folder / "d.txt", "Caf\xe9 in Z\xfcrich.\n".encode("latin-1"))
    write(folder / "e.jsonl", jsonl({"text": "ok"}, "{bad\nline", {"id": 1}, {"text": "x", "date": "never"}))
    seen: list[str] = []
    report = ReadReport(on_warning=seen.append)
    docs = list(read_documents([folder], report=report))
    assert len(docs) == 4
    assert seen == report.warnings and len(seen) == 7
    for warning in seen:
        assert "\n" not in warning and warning.startswith(str(folder / "")), warning
    assert report.summary() == ("read 4 documents from 5 files; skipped 2: 1 binary, 1 empty; "
                                "skipped 3 records: 2 malformed JSON, 1 no text")


def test_warnings_kept_are_capped_but_all_reach_the_callback() -> None:
    seen: list[str] = []
    report = ReadReport(on_warning=seen.append, max_warnings=2)
    for n in range(5):
        report.warn(f"f.txt: warning\n{n}")
    assert report.warnings == ["f.txt: warning 0", "f.txt: warning 1"] and len(seen) == 5
    assert report.warnings_dropped == 3


# -- the real corpus ----------------------------------------------------------------------------


@pytest.mark.shared
@pytest.mark.skipif(not WIKINEWS.is_dir(), reason="../shared/corpora/wikinews is absent")
def test_wikinews_folder() -> None:
    docs, report = read(WIKINEWS)
    assert len(docs) == 293 and report.warnings == []
    assert all(d.date and d.id.startswith(d.date) for d in docs)  # file names start with the date
    assert all(d.title and d.text.startswith(d.title[:20]) for d in docs)
    assert [d.id for d in docs] == sorted(d.id for d in docs)
    magnitogorsk = docs[0]
    assert magnitogorsk.title == "Magnitogorsk apartment building collapses after explosion, dozens dead"


def test_a_single_path_is_not_taken_for_a_list_of_characters(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", ARTICLE)
    assert [d.id for d in read_documents(str(path))] == ["a"]


def test_broken_trafilatura_install_falls_back_to_visible_text_with_one_warning(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "trafilatura", None)  # import fails as with lxml_html_clean missing
    a = shutil.copy(DATA / "article.html", tmp_path / "a.html")
    shutil.copy(DATA / "article.html", tmp_path / "b.html")
    docs, report = read(tmp_path)
    assert len(docs) == 2 and "South Korea on Sunday urged North Korea" in docs[0].text
    assert docs[0].title == "Seoul urges Pyongyang to resume talks | Example World News"
    [warning] = report.warnings
    assert warning.startswith(f"{a}: trafilatura unavailable")
