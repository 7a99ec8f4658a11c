"""`warledger batch`: extraction over many documents on a Dask cluster, written as Parquet
partitions, then `warledger load` into the store.

plan.py cuts the inputs into partitions (deterministic keys, so a re-run skips what is done),
worker.py runs one partition in a worker (the same `extract_batch` as `ingest`), output.py writes
and reads the Parquet files and the manifest, run.py drives the cluster, load.py fills the store.
"""

from warledger.batch.load import LoadSummary, load_batch
from warledger.batch.run import BatchSummary, run_batch

__all__ = ["BatchSummary", "LoadSummary", "load_batch", "run_batch"]
