"""Benchmarks, run by hand at full size (figures in the README) and by `make bench-smoke` at a
tiny size in CI, so a change that breaks one fails CI.

- `fill.py`: the one way they put rows into tables (COPY over the model's own field list) and
  the shared province-scale data set;
- `import_patents.py`: the patent import against ModelResource and raw COPY;
- `recompute.py`: indicator recomputation against one aggregate pass over the records;
- `dashboard.py`: server time of the officials' pages against `/healthz`;
- `load.py`: gunicorn under concurrent clients against `/healthz`.
"""
