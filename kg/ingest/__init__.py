"""The input side: files, folders, JSON Lines, HTML and standard input become ``Document`` records.

``documents`` walks the inputs and reports what it skips, ``readers`` turns one file into documents,
``formats`` holds the text-level helpers (encoding, HTML main text, datelines, splitting).
"""
