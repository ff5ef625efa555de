"""The visible text of an HTML page: the fallback when no main text can be extracted from it.

trafilatura finds an article's main text and leaves the boilerplate; when it finds none (a page it
cannot make sense of, a sentence under 5,000 nested ``<div>``s that lxml's tree builder stops reading
at depth 256) the page's text would be lost. This reads the page as a stream of tags with the
standard library's tokenizer, which has no depth limit and never gives up on broken markup, and keeps
what a browser shows: scripts, styles and other non-text elements dropped, one line per block element.

>>> visible_text("<html><head><title>Talks</title><style>p {}</style></head><body><div><div>"
...              "<p>Seoul urged <b>talks</b>.</p><script>var x;</script><p>Pyongyang refused.</p>")
('Seoul urged talks.\\nPyongyang refused.', 'Talks')
"""

from __future__ import annotations

from html.parser import HTMLParser

# Elements whose content is never shown as text.
_HIDDEN = frozenset({"script", "style", "noscript", "template", "svg", "math", "iframe", "object", "select"})
# Elements that start a new line of text (the rest flow inside a line: b, a, span, ...).
_BLOCKS = frozenset({"address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption",
                     "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li",
                     "main", "nav", "ol", "p", "pre", "section", "table", "td", "th", "tr", "ul", "body"})


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[list[str]] = [[]]
        self.title: list[str] = []
        self.hidden = 0  # depth inside hidden elements
        self.in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:
            self.hidden += 1
        elif tag == "title":
            self.in_title = True
        if tag in _BLOCKS:
            self.lines.append([])

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self.hidden = max(0, self.hidden - 1)  # a stray end tag must not hide the rest of the page
        elif tag == "title":
            self.in_title = False
        if tag in _BLOCKS:
            self.lines.append([])

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
        elif not self.hidden:
            self.lines[-1].append(data)


def visible_text(page: str) -> tuple[str, str | None]:
    """The text a browser would show of ``page`` (one line per block) and its ``<title>``, if any."""
    collector = _TextCollector()
    collector.feed(page)
    collector.close()
    lines = (" ".join("".join(parts).split()) for parts in collector.lines)
    title = " ".join("".join(collector.title).split())
    return "\n".join(line for line in lines if line), title or None
