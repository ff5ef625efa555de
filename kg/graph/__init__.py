"""The graph stage: triples and mentions merge into one ``networkx.MultiDiGraph`` (``build``), with the
per-actor and per-tie counts folded in ``aggregate``, actors joined across documents and by the analyst's
``--actors`` file (``resolve``), and communities and PageRank (``metrics``).
"""
