"""Scale: run the ingest and extract stages on a Dask cluster (`local:N` or a scheduler address)."""

from spyglass.scale.batch import run_batch

__all__ = ["run_batch"]
