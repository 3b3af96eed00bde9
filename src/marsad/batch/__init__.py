"""Batch engines: the local (in-process) runner; the Dask engine comes with the scale-out work."""
