"""Markdown articles are read as the text they show, and evidence offsets point into that text."""

from __future__ import annotations

import pytest

import kg
from kg.ingest.documents import read_documents
from kg.ingest.markdown import markdown_text

KABUL = ("# Kabul falls\n\nThe **Taliban** captured *Kabul* on Sunday, and [President Ashraf Ghani]"
         "(https://en.wikipedia.org/wiki/Ashraf_Ghani)\nfled Afghanistan.\n")


@pytest.mark.parametrize(("source", "text"), [
    ("The **Taliban** and __NATO__ met.", "The Taliban and NATO met."),
    ("*Russia* and _Ukraine_ and ***Iran***.", "Russia and Ukraine and Iran."),
    ("Talks in [Doha](https://example.org/doha \"title\") went on.", "Talks in Doha went on."),
    ("Talks in [Doha][d] went on.\n\n[d]: https://example.org/doha", "Talks in Doha went on."),
    ("Seoul ![a photo of Seoul](seoul.jpg) urged talks.", "Seoul urged talks."),
    ("## Seoul urges talks\n\nBody.", "Seoul urges talks\n\nBody."),
    ("Seoul urges talks\n=================\n\nBody.", "Seoul urges talks\n\nBody."),
    ("The `Reuters` agency and ``NATO``.", "The Reuters agency and NATO."),
    ("```python\nprint('Kim')\n```\n\nAfter.", "print('Kim')\n\nAfter."),
    ("A line wrapped\nat eighty columns.", "A line wrapped at eighty columns."),  # one sentence, not two
    ("A hard break  \nhere.", "A hard break\nhere."),
    ("- *Russia* vetoed\n- China abstained", "Russia vetoed\n\nChina abstained"),
    ("1986. A treaty was signed.", "1986. A treaty was signed."),  # an ordered list's number is a word
    ("> **Putin** said so.", "Putin said so."),
    ("| actor | role |\n|---|---|\n| Russia | sponsor |", "actor | role\n\nRussia | sponsor"),
    ("Escaped \\*stars\\* &amp; ~~struck~~ <b>bold</b> snake_case_word.",
     "Escaped *stars* & struck bold snake_case_word."),
    ("<div>\nHTML <i>block</i>\n</div>", "HTML block"),
])
def test_markup_is_removed(source, text):
    assert markdown_text(source).text == text


def test_front_matter_gives_title_and_date_and_is_not_text():
    page = markdown_text('---\ntitle: "Kabul falls"\ndate: 2021-08-15T10:00:00Z\ntags: [a]\n---\n\nThe Taliban won.\n')
    assert page == ("The Taliban won.", "Kabul falls", "2021-08-15")
    # A thematic break is not front matter unless it opens the file.
    assert markdown_text("Intro.\n\n---\n\ntitle: x\n").text == "Intro.\n\ntitle: x"


def test_a_markdown_file_is_read_as_its_text(tmp_path):
    (tmp_path / "2021-08-15_kabul.md").write_text(KABUL, encoding="utf-8")
    (doc,) = read_documents([tmp_path])
    assert doc.text == ("Kabul falls\n\nThe Taliban captured Kabul on Sunday, and President Ashraf Ghani "
                        "fled Afghanistan.")
    assert (doc.title, doc.date) == ("Kabul falls", "2021-08-15")


def test_a_text_file_keeps_its_asterisks(tmp_path):
    (tmp_path / "a.txt").write_text("The **Taliban** won.\n", encoding="utf-8")
    (doc,) = read_documents([tmp_path])
    assert doc.text == "The **Taliban** won.\n"


@pytest.mark.model
def test_emphasised_actor_yields_a_triple_with_offsets_into_the_text(tmp_path, nlp):
    (tmp_path / "kabul.md").write_text(KABUL, encoding="utf-8")
    docs = list(kg.read_documents([tmp_path]))
    triples = list(kg.extract(docs, nlp=nlp))
    taliban = [t for t in triples if "Taliban" in (t.subject, t.object)]
    assert taliban, [(t.subject, t.relation_type, t.object) for t in triples]
    text = docs[0].text
    for t in triples:
        assert text[t.subject_span[0]:t.subject_span[1]] == t.subject_text
        assert text[t.object_span[0]:t.object_span[1]] == t.object_text
        assert text[t.sentence_start:].startswith(t.sentence)
