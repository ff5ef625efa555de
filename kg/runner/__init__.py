"""The run machinery: streaming documents through spaCy in one process or several (``pipeline``), on a Dask
cluster (``distributed``), and resuming an interrupted run (``resume``). By default only the sentences that can
hold a relation are parsed: ``select`` chooses them from the entities, ``partial`` parses them and puts the
parse back into the document's Doc, ``fast_rules`` holds exact look-up versions of spaCy's attribute ruler and
rule lemmatizer.
"""
