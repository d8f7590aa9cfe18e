"""Attribution on a Dask cluster: partitions of articles in, one shard file per partition out.

The client plans partitions (whole text files, or line ranges of JSONL files), the workers parse
them with a pipeline loaded once per worker process, and each partition's records are written
atomically as ``part-NNNNN.<ext>`` in the output folder, followed by ``part-NNNNN.meta.json``
(what the shard holds, its counts and its errors). A shard whose meta file names the same
inputs is complete: a second run skips it, and a task the scheduler recomputes after losing a
worker rewrites the same bytes. Concatenating the shards in name order gives what ``attrib
extract`` writes for the same inputs on one machine.
"""

from __future__ import annotations

import json
import os
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path

from ..errors import AttribError, InputError, one_line
from ..read.articles import Article, Fields, Reading
from .partitions import DEFAULT_PARTITION_ARTICLES, Partition, open_input, plan
from .worker_setup import local_cluster, restore_malloc_thresholds

# each shard is whole in itself: a CSV shard has its own header row
SHARD_FORMATS = {"jsonl": "jsonl", "csv": "csv"}
# attrib is installed from a clone (it is not on the package registry): the extra is named on the clone's folder
INSTALL_HINT = 'the Dask runner needs the dask extra: pip install ".[dask]" in attrib\'s folder'


@dataclass(frozen=True)
class ShardOptions:
    """What every partition is extracted with (sent to the workers)."""

    fmt: str = "jsonl"
    model: str | None = None
    max_chars: int | None = None
    date: str | None = None  # wins over record dates and datelines, as for local runs
    fields: Fields = field(default_factory=Fields)
    reading: Reading = field(default_factory=Reading)
    learned: bool = True  # the learned cue scorer beside the word lists (--no-learned: the rules alone)


@dataclass(frozen=True)
class ShardSummary:
    """What one partition gave: the lines of its errors come in input order."""

    partition: int
    articles: int
    attributions: int
    failed: int
    errors: tuple[str, ...] = ()
    skipped: bool = False


@dataclass
class RunSummary:
    shards: int = 0
    skipped_shards: int = 0
    articles: int = 0
    attributions: int = 0
    failed: int = 0
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)


# ---- one partition (worker side) ----------------------------------------------------------

_extractors: dict[tuple, object] = {}
_extractors_lock = threading.Lock()


def worker_extractor(options: ShardOptions):
    """The worker process's pipeline, loaded on its first partition and kept."""
    from ..extractor import Extractor

    key = (options.model, options.max_chars, options.learned)
    with _extractors_lock:
        if not _extractors:
            restore_malloc_thresholds()
        if key not in _extractors:
            _extractors[key] = Extractor(model=options.model, max_chars=options.max_chars, learned=options.learned)
        return _extractors[key]


def read_partition(
    partition: Partition, fields: Fields, reading: Reading | None = None
) -> Iterator[Article | InputError]:
    """The articles (or input errors) of a partition, as a local run reads them."""
    from ..read.articles import checked, from_bytes, jsonl_records, read_inputs
    from ..read.web import is_url

    reading = reading or Reading()
    for path in partition.files:
        if "://" not in path or is_url(path):
            yield from read_inputs([path], fields, reading)  # local files and web pages: the local reader
            continue
        try:
            with open_input(path) as f:
                data = f.read()
        except OSError as e:
            yield InputError(path, f"cannot read: {e.strerror or e}")
            continue
        yield from checked(path, from_bytes(path, data, fields, reading.encoding), reading)
    if partition.jsonl is None:
        return
    path = partition.jsonl
    try:
        with open_input(path) as f:
            f.seek(partition.start)
            data = f.read(partition.end - partition.start)
    except OSError as e:
        yield InputError(path, f"cannot read: {e.strerror or e}")
        return
    yield from checked(path, jsonl_records(path, data, fields, partition.first_line, reading.encoding), reading)


def run_partition(partition: Partition, outdir: str, options: ShardOptions) -> ShardSummary:
    """Extract one partition into its shard, atomically; a complete shard is left as it is."""
    from ..write.output import make_writer
    from .runner import StreamSink, run

    out = Path(outdir)
    done = read_meta(out, partition)
    if done is not None:
        return done
    errors: list[str] = []
    suffix = SHARD_FORMATS[options.fmt]
    final = out / f"{partition.name}.{suffix}"
    tmp = out / f".{partition.name}.{suffix}.{os.getpid()}.{threading.get_ident()}.tmp"
    with open(tmp, "w", encoding="utf-8", newline="") as f:
        sink = StreamSink(make_writer(options.fmt, f))
        counts = run(
            worker_extractor(options),
            read_partition(partition, options.fields, options.reading),
            sink,
            date=options.date,
            on_error=errors.append,
        )
        sink.close()
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, final)
    summary = ShardSummary(partition.index, counts.articles, counts.attributions, counts.failed, tuple(errors))
    _write_meta(out, partition, summary, final.name)
    return summary


def _meta_path(out: Path, partition: Partition) -> Path:
    return out / f"{partition.name}.meta.json"


def read_meta(out: Path, partition: Partition) -> ShardSummary | None:
    """The summary of a complete shard for exactly this partition, else None."""
    try:
        meta = json.loads(_meta_path(out, partition).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if meta.get("partition") != _partition_dict(partition) or not (out / meta.get("shard", "")).is_file():
        return None
    return ShardSummary(
        partition.index, meta["articles"], meta["attributions"], meta["failed"], tuple(meta["errors"]), skipped=True
    )


def _partition_dict(partition: Partition) -> dict:
    return {k: list(v) if isinstance(v, tuple) else v for k, v in asdict(partition).items()}


def _write_meta(out: Path, partition: Partition, summary: ShardSummary, shard: str) -> None:
    meta = {
        "shard": shard,
        "partition": _partition_dict(partition),
        "articles": summary.articles,
        "attributions": summary.attributions,
        "failed": summary.failed,
        "errors": list(summary.errors),
    }
    path = _meta_path(out, partition)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    tmp.write_text(json.dumps(meta, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    os.replace(tmp, path)


# ---- the run (client side) ----------------------------------------------------------------


def dask_problem() -> str | None:
    """Why the Dask runner cannot run here (dask or distributed does not import), or None."""
    try:
        import dask.bag  # noqa: F401
        import distributed  # noqa: F401
    except ImportError as e:
        return one_line(e)
    return None


def connect(address: str):
    """A Dask client for ``ADDRESS`` (a scheduler) or ``local:N`` (a LocalCluster of N processes)."""
    try:
        from distributed import Client
    except ImportError:
        raise AttribError(INSTALL_HINT) from None
    if address.startswith("local"):
        _, _, n = address.partition(":")
        workers = int(n) if n else os.cpu_count() or 1
        return Client(local_cluster(workers))
    return Client(address)


def extract_on_cluster(
    inputs: list[str],
    outdir: str | Path,
    address: str,
    options: ShardOptions | None = None,
    partition_articles: int = DEFAULT_PARTITION_ARTICLES,
    on_shard: Callable[[ShardSummary, int, int], None] | None = None,
) -> RunSummary:
    """Extract every partition of ``inputs`` into shards in ``outdir``; complete shards are skipped."""
    options = options or ShardOptions()
    if options.fmt not in SHARD_FORMATS:
        raise AttribError(f"format {options.fmt!r} cannot be sharded; use one of {', '.join(SHARD_FORMATS)}")
    started = time.monotonic()
    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    # the output folder's own shards are never input, even when it lies inside an input folder
    partitions = plan(inputs, partition_articles, skip=out)
    _remove_stale_shards(out, partitions, SHARD_FORMATS[options.fmt])
    summary = RunSummary(shards=len(partitions))
    results: dict[int, ShardSummary] = {}
    todo = []
    for p in partitions:
        done = read_meta(out, p)
        if done is None:
            todo.append(p)
        else:
            results[p.index] = done
            summary.skipped_shards += 1
    if todo:
        with connect(address) as client:
            from distributed import as_completed  # importable: connect() checked

            futures = [
                client.submit(
                    run_partition, p, str(out), options, key=f"attrib-{p.name}-{p.fingerprint[:12]}", retries=2
                )
                for p in todo
            ]
            for future in as_completed(futures):
                shard = future.result()
                results[shard.partition] = shard
                if on_shard:
                    on_shard(shard, len(results), len(partitions))
    for index in sorted(results):
        shard = results[index]
        summary.articles += shard.articles
        summary.attributions += shard.attributions
        summary.failed += shard.failed
        summary.errors.extend(shard.errors)
    _write_manifest(out, partitions, results)
    summary.seconds = time.monotonic() - started
    return summary


def _remove_stale_shards(out: Path, partitions: list[Partition], suffix: str) -> None:
    """Remove the shards and meta files this plan has no partition for (inputs deleted since, another format):
    the shards in the folder are then exactly what a local run writes."""
    wanted = {name for p in partitions for name in (f"{p.name}.{suffix}", _meta_path(out, p).name)}
    for path in out.glob("part-*"):
        if path.name not in wanted:
            path.unlink(missing_ok=True)


def _write_manifest(out: Path, partitions: list[Partition], results: dict[int, ShardSummary]) -> None:
    """``manifest.json``: each shard's inputs and counts; ``errors.txt``: every failed input, in input order."""
    manifest = [
        {
            "shard": p.name,
            **_partition_dict(p),
            "articles": results[p.index].articles,
            "attributions": results[p.index].attributions,
            "failed": results[p.index].failed,
        }
        for p in partitions
    ]
    (out / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    errors = [line for p in partitions for line in results[p.index].errors]
    (out / "errors.txt").write_text("".join(e + "\n" for e in errors), encoding="utf-8")


def shards(outdir: str | Path) -> list[Path]:
    """The shard files of a run, in input order."""
    out = Path(outdir)
    return sorted(p for p in out.glob("part-*") if not p.name.endswith(".meta.json"))
