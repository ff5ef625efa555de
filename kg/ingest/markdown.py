"""Markdown articles as the plain text a reader sees: what NER and the parser get for ``.md`` files.

``**Taliban**`` was five characters of asterisks to spaCy, and the entity was lost; a link's address, an
image's file name and code marks were words of the sentence; a paragraph wrapped at 80 columns was cut
into one sentence a line (kg starts a sentence at every line break). The file is parsed as CommonMark
(markdown-it-py, with tables and strikethrough) and rendered as text: emphasis, links (their words kept,
their addresses dropped), images, heading and code marks and HTML tags removed, soft line breaks joined,
one block (paragraph, heading, list item, table row, code block) a paragraph. A YAML front matter block
(Jekyll, Hugo) is dropped, its ``title`` and ``date`` kept as metadata.

The result is the document's text: its offsets (spans, sentence starts) point into this text, which is the
text kg shows, not into the ``.md`` file.

>>> page = markdown_text("---\\ntitle: Kabul falls\\ndate: 2021-08-15\\n---\\n# Kabul\\n\\nThe **Taliban** "
...                      "entered [Kabul](https://example.org)\\non Sunday.\\n")
>>> page.text, page.title, page.date
('Kabul\\n\\nThe Taliban entered Kabul on Sunday.', 'Kabul falls', '2021-08-15')
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import cache
from typing import NamedTuple

from markdown_it import MarkdownIt
from markdown_it.token import Token

from kg.ingest.formats import normalise_date, one_line

# A front matter block: "---" on the first line, "---" or "..." closing it (YAML's document markers).
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<body>.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_FRONT_FIELD = re.compile(r"^(?P<key>title|date)[ \t]*:[ \t]*(?P<value>.+?)[ \t]*$", re.MULTILINE | re.IGNORECASE)
_HTML_TAG = re.compile(r"<[^>]*>")
# Inline tokens whose own content is the text shown (the rest are marks, or an image's alt text).
_TEXT_TOKENS = frozenset({"text", "code_inline", "text_special"})
# Block tokens whose end closes a paragraph of the output text.
_BLOCK_ENDS = frozenset({"paragraph_close", "heading_close", "tr_close"})
# Blocks holding their text as a whole: code (kept, without the fences) and raw HTML (tags dropped).
_RAW_BLOCKS = frozenset({"fence", "code_block", "html_block"})
_CELL_SEPARATOR = " | "
_SPACES = re.compile(r"  +")  # left where a mark or an image was taken out between two spaces


class MarkdownText(NamedTuple):
    """A Markdown file's text as shown, and the title and date its front matter gives."""

    text: str
    title: str | None
    date: str | None


@cache
def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark").enable(["table", "strikethrough"])


def markdown_text(source: str) -> MarkdownText:
    """The text of a Markdown document as a reader sees it (see the module docstring)."""
    body, title, date = _front_matter(source)
    blocks = list(_blocks(_parser().parse(body)))
    return MarkdownText("\n\n".join(b for b in blocks if b.strip()), title, date)


def _front_matter(source: str) -> tuple[str, str | None, str | None]:
    """The text after a front matter block, and the block's title and date (None when absent)."""
    match = _FRONT_MATTER.match(source)
    if not match:
        return source, None, None
    fields = {m["key"].lower(): m["value"].strip("\"'") for m in _FRONT_FIELD.finditer(match["body"] or "")}
    title = one_line(fields["title"]) if fields.get("title") else None
    return source[match.end():], title or None, normalise_date(fields.get("date"))


def _blocks(tokens: Sequence[Token]) -> Iterator[str]:
    """One string per block of the output text, in document order."""
    cells: list[str] = []  # the inline pieces of the block being read (a table row has several)
    marker = ""  # an ordered list item's number, kept: "1986." may be the sentence's first word
    for t in tokens:
        if t.type == "list_item_open":
            marker = f"{t.info}{t.markup} " if t.info else ""  # bullets are marks, numbers are words
        elif t.type == "inline":
            cells.append(marker + _inline(t.children or []))
            marker = ""
        elif t.type in _BLOCK_ENDS:
            yield _CELL_SEPARATOR.join(c for c in cells if c) if t.type == "tr_close" else "".join(cells)
            cells = []
        elif t.type in _RAW_BLOCKS:
            content = t.content.rstrip("\n")
            yield _HTML_TAG.sub("", content).strip() if t.type == "html_block" else content


def _inline(children: Sequence[Token]) -> str:
    """The words of an inline run: marks dropped, soft breaks joined, an image left out."""
    out: list[str] = []
    for c in children:  # an image is one token (its alt text its own children): left out
        if c.type in _TEXT_TOKENS:
            out.append(c.content)
        elif c.type == "softbreak":
            out.append(" ")  # a line wrapped in the source, not a break in the text
        elif c.type == "hardbreak":
            out.append("\n")
    return _SPACES.sub(" ", "".join(out)).strip(" ")
