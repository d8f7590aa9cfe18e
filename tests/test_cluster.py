"""The Dask runner on a real LocalCluster of two worker processes (no mocks)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

distributed = pytest.importorskip("distributed")
dask_bag = pytest.importorskip("dask.bag")

from typer.testing import CliRunner  # noqa: E402

from attrib.batch import bag, cluster, partitions, worker_setup  # noqa: E402
from attrib.cli.app import app  # noqa: E402
from attrib.read.articles import Article  # noqa: E402

from .conftest import ROOT  # noqa: E402

SPEAKERS = ["Mayor Ana Ruiz", "The council", "Senator Paul Okafor", "A spokeswoman for the port", "Dr. Lena Brandt"]
VERBS = ["said", "told reporters", "announced", "warned", "added"]


def _article(i: int) -> str:
    speaker, verb = SPEAKERS[i % len(SPEAKERS)], VERBS[i % len(VERBS)]
    return (
        f"Bridge plan number {i} moves ahead\n\n"
        f"{speaker} {verb} on Monday that the bridge would reopen in {2020 + i % 7}.\n\n"
        f"“We have waited {i + 2} years for this,” {speaker.split()[-1]} said. "
        f"“The work is nearly done.”\n"
    )


@pytest.fixture(scope="module")
def dask_cluster():
    local = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0", silence_logs=40
    )
    yield local
    local.close()


@pytest.fixture()
def inputs(tmp_path):
    """A folder of text files and a JSONL file holding one bad record."""
    folder = tmp_path / "inbox"
    folder.mkdir()
    for i in range(7):
        (folder / f"a{i:02d}.txt").write_text(_article(i), encoding="utf-8")
    lines = [json.dumps({"id": f"j{i}", "text": _article(100 + i), "date": "2026-02-10"}) for i in range(9)]
    lines.insert(4, "{not json")
    jsonl = tmp_path / "more.jsonl"
    jsonl.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return [str(folder), str(jsonl)]


def _local_output(extractor, inputs: list[str]) -> tuple[str, list[str]]:
    """What a local run writes (JSONL) and the errors it reports, through the library."""
    import io

    from attrib.errors import InputError
    from attrib.read.articles import read_inputs
    from attrib.write.output import make_writer

    buffer, errors, articles = io.StringIO(), [], []
    for item in read_inputs(inputs):
        (errors.append(str(item)) if isinstance(item, InputError) else articles.append(item))
    writer = make_writer("jsonl", buffer)
    for result in extractor.pipe(articles):
        writer.write(result)
    return buffer.getvalue(), errors


def _merged(outdir: Path) -> str:
    return "".join(p.read_text(encoding="utf-8") for p in cluster.shards(outdir))


def test_sharded_output_equals_a_local_run(dask_cluster, extractor, inputs, tmp_path):
    out = tmp_path / "out"
    summary = cluster.extract_on_cluster(inputs, out, dask_cluster.scheduler_address, partition_articles=3)
    expected, expected_errors = _local_output(extractor, inputs)
    assert _merged(out) == expected
    assert summary.failed == 1 and summary.errors == expected_errors
    assert summary.articles == 16 and summary.shards == 3 + 4  # 7 text files by 3, 10 JSONL lines by 3
    assert (out / "errors.txt").read_text(encoding="utf-8") == expected_errors[0] + "\n"
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert [m["shard"] for m in manifest] == [f"part-{i:05d}" for i in range(7)]
    assert sum(m["articles"] for m in manifest) == 16


def test_a_second_run_after_completion_does_no_work(dask_cluster, inputs, tmp_path):
    out = tmp_path / "out"
    first = cluster.extract_on_cluster(inputs, out, dask_cluster.scheduler_address, partition_articles=4)
    before = {p: p.stat().st_mtime_ns for p in out.iterdir() if p.name.startswith("part-")}
    # no scheduler at this address: a run with nothing to do must not even connect
    again = cluster.extract_on_cluster(inputs, out, "tcp://127.0.0.1:9", partition_articles=4)
    assert again.skipped_shards == again.shards == first.shards
    assert (again.articles, again.attributions, again.failed) == (first.articles, first.attributions, first.failed)
    assert {p: p.stat().st_mtime_ns for p in out.iterdir() if p.name.startswith("part-")} == before


def test_a_changed_input_reruns_only_its_shards(dask_cluster, inputs, tmp_path):
    out = tmp_path / "out"
    cluster.extract_on_cluster(inputs, out, dask_cluster.scheduler_address, partition_articles=4)
    changed = Path(inputs[0]) / "a00.txt"
    changed.write_text(_article(42), encoding="utf-8")
    again = cluster.extract_on_cluster(inputs, out, dask_cluster.scheduler_address, partition_articles=4)
    assert again.skipped_shards == again.shards - 1
    assert '"doc": "' + str(changed) in _merged(out)


def test_deleted_inputs_leave_no_stale_shards(dask_cluster, extractor, inputs, tmp_path):
    out = tmp_path / "out"
    cluster.extract_on_cluster(inputs, out, dask_cluster.scheduler_address, partition_articles=3)
    Path(inputs[1]).unlink()
    for name in ("a05.txt", "a06.txt"):
        (Path(inputs[0]) / name).unlink()
    again = cluster.extract_on_cluster(inputs[:1], out, dask_cluster.scheduler_address, partition_articles=3)
    assert _merged(out) == _local_output(extractor, inputs[:1])[0]
    assert again.shards == 2 and sorted(p.name for p in out.glob("part-*")) == [
        "part-00000.jsonl",
        "part-00000.meta.json",
        "part-00001.jsonl",
        "part-00001.meta.json",
    ]


def test_an_output_folder_inside_the_input_folder_is_not_read_back(dask_cluster, extractor, inputs, tmp_path):
    out = Path(inputs[0]) / "shards"
    expected = _local_output(extractor, inputs)[0]
    cluster.extract_on_cluster(inputs, out, dask_cluster.scheduler_address, partition_articles=3)
    again = cluster.extract_on_cluster(inputs, out, dask_cluster.scheduler_address, partition_articles=3)
    assert again.skipped_shards == again.shards == 7
    assert _merged(out) == expected


def test_cli_dask_refuses_an_output_folder_holding_an_input(inputs):
    result = CliRunner().invoke(app, ["extract", *inputs, "-o", inputs[0], "--dask", "local:1"])
    assert result.exit_code == 2 and "holds the input" in result.output


def test_a_killed_worker_still_gives_complete_equal_output(dask_cluster, extractor, tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(40):
        (folder / f"b{i:02d}.txt").write_text(_article(i) * 3, encoding="utf-8")
    out = tmp_path / "out"
    client = distributed.Client(dask_cluster)
    pids = list(client.run(os.getpid).values())
    client.close()
    killed = threading.Event()

    def kill_after_first_shard(shard, done, total):
        if not killed.is_set():
            os.kill(pids[0], signal.SIGKILL)  # the nanny restarts it; the scheduler recomputes its work
            killed.set()

    summary = cluster.extract_on_cluster(
        [str(folder)], out, dask_cluster.scheduler_address, partition_articles=2, on_shard=kill_after_first_shard
    )
    assert killed.is_set()
    expected, _ = _local_output(extractor, [str(folder)])
    assert summary.articles == 40 and summary.failed == 0
    assert _merged(out) == expected


def test_a_bad_article_fails_alone(dask_cluster, tmp_path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "good.txt").write_text(_article(1), encoding="utf-8")
    (folder / "latin1.txt").write_bytes("Le maire a dit « non ».".encode("latin-1"))
    (folder / "long.txt").write_text(_article(2) * 50, encoding="utf-8")
    out = tmp_path / "out"
    options = cluster.ShardOptions(max_chars=2000)
    summary = cluster.extract_on_cluster([str(folder)], out, dask_cluster.scheduler_address, options=options)
    assert summary.articles == 2 and summary.failed == 2
    assert [e.split(":")[0] for e in summary.errors] == [str(folder / "latin1.txt"), str(folder / "long.txt")]
    records = [json.loads(line) for line in _merged(out).splitlines()]
    assert records and {r["doc"] for r in records} == {str(folder / "good.txt")}


def test_attribute_bag_maps_records_to_attributions(dask_cluster, extractor):
    records = [{"id": f"r{i}", "text": _article(i), "date": "2026-02-10"} for i in range(7)]
    records.append({"id": "empty", "text": "  "})
    with distributed.Client(dask_cluster):
        records_bag = dask_bag.from_sequence(records, npartitions=3)
        got = bag.attribute_bag(records_bag).compute()
    expected = [
        a.to_dict()
        for r in extractor.pipe(Article(d["id"], d["text"], d.get("date")) for d in records[:-1])
        for a in r.attributions
    ]
    assert got == expected


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's mallopt")
def test_workers_started_by_dask_get_glibc_thresholds_back(dask_cluster, monkeypatch):
    with distributed.Client(dask_cluster) as client:
        # Dask starts its workers with MALLOC_TRIM_THRESHOLD_ set: the thresholds are restored there
        assert set(client.run(worker_setup.restore_malloc_thresholds).values()) == {True}
    monkeypatch.delenv("MALLOC_TRIM_THRESHOLD_", raising=False)
    assert worker_setup.restore_malloc_thresholds() is False  # glibc's dynamic mode is left alone


def test_local_clusters_run_without_dasks_profiler_and_malloc_setting(monkeypatch):
    import dask

    # as in a fresh `attrib extract --dask local:N`: a default cluster started earlier in this
    # process (the module's fixture) leaves Dask's setting in os.environ, which children inherit
    monkeypatch.delenv("MALLOC_TRIM_THRESHOLD_", raising=False)

    def setup():
        return dask.config.get("distributed.worker.profile.enabled"), "MALLOC_TRIM_THRESHOLD_" in os.environ

    with worker_setup.local_cluster(1) as local, distributed.Client(local) as client:
        assert list(client.run(setup).values()) == [(False, False)]


def test_jsonl_partitions_keep_line_numbers(tmp_path):
    path = tmp_path / "x.jsonl"
    path.write_text("".join(json.dumps({"id": i, "text": f"t{i}"}) + "\n" for i in range(10)) + "\n", encoding="utf-8")
    parts = partitions.plan([str(path)], partition_articles=4)
    assert [(p.first_line, p.end - p.start > 0) for p in parts] == [(1, True), (5, True), (9, True)]
    ids = [a.id for p in parts for a in cluster.read_partition(p, cluster.Fields())]
    assert ids == [str(i) for i in range(10)]


def test_without_distributed_the_error_says_how_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)
    with pytest.raises(cluster.AttribError, match=r'pip install "\.\[dask\]"'):
        cluster.connect("local:1")


def test_shards_leave_out_unfinished_files(tmp_path):
    (tmp_path / "part-00000.jsonl").write_text("", encoding="utf-8")
    (tmp_path / "part-00000.meta.json").write_text("{}", encoding="utf-8")
    (tmp_path / ".part-00001.jsonl.1.2.tmp").write_text("half", encoding="utf-8")
    assert [p.name for p in cluster.shards(tmp_path)] == ["part-00000.jsonl"]


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "attrib", "extract", *args],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=600,
    )


def test_cli_dask_local_equals_a_local_run_and_resumes(inputs, tmp_path):
    out = tmp_path / "shards"
    first = _cli(*inputs, "-o", str(out), "--dask", "local:2", "--partition-size", "3")
    local = _cli(*inputs, "--format", "jsonl", "-q")
    assert first.returncode == local.returncode == 1  # the malformed JSONL line, reported by both
    assert _merged(out) == local.stdout
    assert first.stderr.count("malformed JSON") == local.stderr.count("malformed JSON") == 1
    again = _cli(*inputs, "-o", str(out), "--dask", "local:2", "--partition-size", "3")
    assert "7 shards (7 already complete)" in again.stderr and _merged(out) == local.stdout


def test_cli_dask_needs_an_output_folder(tmp_path):
    result = CliRunner().invoke(app, ["extract", str(tmp_path), "--dask", "local:1"])
    assert result.exit_code == 2 and "-o FOLDER" in result.output


def test_cli_dask_without_distributed_says_how_to_install(monkeypatch, inputs, tmp_path):
    monkeypatch.setitem(sys.modules, "distributed", None)
    result = CliRunner().invoke(app, ["extract", *inputs, "-o", str(tmp_path / "o"), "--dask", "local:1"])
    assert result.exit_code == 2 and 'pip install ".[dask]"' in result.output
