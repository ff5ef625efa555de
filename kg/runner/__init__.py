"""The run machinery: streaming documents through spaCy in one process or several (``pipeline``), on a Dask
cluster (``distributed``), and resuming an interrupted run (``resume``).
"""
