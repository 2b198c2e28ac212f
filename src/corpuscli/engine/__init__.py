"""Where the work runs: counting tables, worker processes, partitions, Dask."""
