"""The graph stage: triples and mentions merge into one ``networkx.MultiDiGraph`` (``build``), with the
per-actor and per-tie counts folded in ``aggregate``.
"""
