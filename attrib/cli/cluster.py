"""``attrib extract --dask``: the run on a Dask cluster, its usage checks, progress and summary."""

from __future__ import annotations

from contextlib import nullcontext
from pathlib import Path
from typing import Optional

import typer

from ..errors import AttribError
from .common import fail, progress_bar, stderr


def run_on_cluster(paths, output: Optional[Path], address: str, options, partition_size: int, quiet: bool) -> None:
    """``extract --dask``: shards in the ``-o`` folder; complete shards are kept, so a re-run resumes."""
    from ..batch.cluster import SHARD_FORMATS, extract_on_cluster
    from ..batch.partitions import input_within

    if not paths:
        raise typer.BadParameter("give the inputs to read (stdin cannot be split)", param_hint="PATHS")
    if output is None or output.exists() and not output.is_dir():
        raise typer.BadParameter("needs -o FOLDER for the shard files", param_hint="--dask")
    if (held := input_within(paths, output)) is not None:
        # its shards would be mixed with the inputs, and a stale one removed could be an input
        raise typer.BadParameter(f"{output} holds the input {held}: give another folder", param_hint="-o")
    if options.fmt not in SHARD_FORMATS:
        raise typer.BadParameter(f"shards are written as {' or '.join(SHARD_FORMATS)}", param_hint="--format")
    progress = progress_bar(quiet)
    with progress or nullcontext():
        task = progress.add_task("partitions", total=None) if progress else None

        def on_shard(shard, done: int, total: int) -> None:
            for line in shard.errors:
                fail(line)
            if progress:
                progress.update(task, completed=done, total=total)

        try:
            summary = extract_on_cluster(paths, output, address, options, partition_size, on_shard)
        except AttribError as e:
            fail(str(e))
            raise typer.Exit(2) from None
        except OSError as e:
            fail(f"{output}: {e.strerror or e}")
            raise typer.Exit(1) from None
    if not quiet:
        stderr.print(
            f"{summary.shards} shards ({summary.skipped_shards} already complete), {summary.articles} articles read, "
            f"{summary.attributions} attributions written, {summary.failed} failed, {summary.seconds:.1f} s",
            style="dim",
        )
    raise typer.Exit(1 if summary.failed else 0)
