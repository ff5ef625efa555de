"""Escaping text for XML element content and attributes, the way every reader, Gephi's included, reads it back.

>>> xml_text("a < b"), xml_attr('say "hi"')
('a &lt; b', 'say &quot;hi&quot;')
"""

from __future__ import annotations

import re

_TEXT_SPECIAL = re.compile("[&<>\r]")
_ATTR_SPECIAL = re.compile('[&<>"\n\r\t]')


def xml_text(text: str) -> str:
    """``text`` escaped for element content (& < > and CR, which a reader would turn into LF)."""
    if _TEXT_SPECIAL.search(text) is None:  # the common case, and the hot path of every export
        return text
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")


def xml_cdata(text: str) -> str:
    """``text`` for element content that Gephi's GraphML reader keeps intact.

    That reader (``ImporterGraphML.readNodeAttValue``) appends each StAX CHARACTERS event but skips the
    whitespace-only ones, and the JDK's parser ends an event at every entity reference: ``&amp; &lt;``
    loses its space. A CDATA section is one event (the JDK reports it as CHARACTERS), so text with a
    markup character goes in one; ``]]>`` is split across two sections and CR, which a CDATA section
    cannot carry (XML turns it into LF), is written as ``&#13;`` between sections.

    >>> xml_cdata("a & <b>"), xml_cdata("plain"), xml_cdata("x]]>y"), xml_cdata("<![CDATA[\\r")
    ('<![CDATA[a & <b>]]>', 'plain', '<![CDATA[x]]]]><![CDATA[>y]]>', '<![CDATA[<![CDATA[]]>&#13;')
    """
    if _TEXT_SPECIAL.search(text) is None:
        return text
    # one section per CR-free run (an empty run writes no section), joined by the CR's character reference
    return "&#13;".join(_cdata_section(run) for run in text.split("\r"))


def _cdata_section(run: str) -> str:
    """One CR-free run as a CDATA section, ``]]>`` split across two; the empty run is the empty string."""
    if not run:
        return ""
    return "<![CDATA[" + run.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def xml_attr(text: str) -> str:
    """``text`` escaped for a double-quoted attribute, keeping tabs and line breaks (else spaces)."""
    if _ATTR_SPECIAL.search(text) is None:
        return text
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
            .replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;"))
