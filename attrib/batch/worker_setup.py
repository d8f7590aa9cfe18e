"""How a Dask worker process is set up for attrib's tasks: CPU-bound, single-threaded, one pipeline each."""

from __future__ import annotations

import ctypes
import os
import sys

# glibc's mallopt parameters (malloc.h)
M_TRIM_THRESHOLD = -1
M_MMAP_THRESHOLD = -3
# glibc's own ceiling for the mmap threshold it raises by itself on 64-bit systems
MMAP_THRESHOLD_MAX = 32 * 2**20


def local_cluster(workers: int):
    """A LocalCluster of ``workers`` single-threaded processes."""
    import dask
    from distributed import LocalCluster

    # glibc's own malloc behaviour: see restore_malloc_thresholds, which workers started elsewhere need
    environ = dict(dask.config.get("distributed.nanny.pre-spawn-environ"))
    environ.pop("MALLOC_TRIM_THRESHOLD_", None)
    settings = {
        # the statistical profiler samples each worker's stack every 10 ms: ~10% of attrib's pure-Python stages
        "distributed.worker.profile.enabled": False,
        "distributed.nanny.pre-spawn-environ": environ,
    }
    with dask.config.set(settings):
        # one thread per worker: spaCy holds the GIL, so more threads would only queue
        return LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0", silence_logs=40
        )


def restore_malloc_thresholds() -> bool:
    """Give glibc back the thresholds its dynamic mode would reach; True when they were changed.

    Dask starts workers with MALLOC_TRIM_THRESHOLD_ set, which turns off glibc's dynamic mmap
    threshold: each of spaCy's large arrays then becomes a fresh memory map (25 times the page
    faults, about 12% more CPU). Setting the thresholds from inside the worker works on any cluster;
    ``local_cluster`` starts its workers without the variable, so glibc's dynamic mode stays on there.
    """
    if "MALLOC_TRIM_THRESHOLD_" not in os.environ or not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL("libc.so.6")
    except OSError:  # not glibc (musl): no such knobs
        return False
    # glibc keeps the trim threshold at twice the mmap threshold when it moves them itself
    return bool(
        libc.mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD_MAX) and libc.mallopt(M_TRIM_THRESHOLD, 2 * MMAP_THRESHOLD_MAX)
    )
