"""The input side: files, folders, JSON Lines, HTML, Markdown and standard input become ``Document`` records.

``documents`` walks the inputs and reports what it skips (the module to import), ``readers`` turns one
file into documents, ``formats`` holds the text-level helpers (encoding, HTML main text, titles, datelines,
splitting), ``markdown`` renders Markdown as the text it shows, ``htmltext`` reads a page's visible text
when it has no main text, ``kinds`` tells articles from kg's own outputs, ``ids`` keeps the ids read.
"""
