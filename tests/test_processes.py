"""Runs end as their users expect: with a closed stdout, on Ctrl-C, and with no worker left behind."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .conftest import ROOT

ENV = {**os.environ, "PYTHONPATH": str(ROOT)}
linux_only = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")


def write_folder(folder: Path, n: int = 60) -> Path:
    folder.mkdir()
    for i in range(n):
        text = "".join(
            f"“We will not back down,” the minister said on Monday.\n\nTom Reed{i} told reporters the vote on "
            f"item {k} had been delayed, and officials said the talks would go on.\n\n"
            for k in range(6)
        )
        (folder / f"a{i:03}.txt").write_text(text, encoding="utf-8")
    return folder


def attrib(*args: str, **kwargs) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "attrib", "extract", *args], env=ENV, **kwargs)


def children(pid: int) -> set[int]:
    """Live (not zombie) processes whose parent is ``pid``."""
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if fields[0] != "Z" and int(fields[1]) == pid:
            found.add(int(stat.parent.name))
    return found


def alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def wait_for(condition, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def done_lines(out: Path) -> int:
    log = out.with_name(out.name + ".done")
    return len(log.read_text().splitlines()) if log.exists() else 0


@linux_only
def test_workers_die_with_a_killed_parent(tmp_path):
    folder, out = write_folder(tmp_path / "in"), tmp_path / "out.jsonl"
    run = attrib(str(folder), "--jobs", "2", "-q", "-o", str(out), "--resume")
    wait_for(lambda: len(children(run.pid)) >= 2 and done_lines(out) >= 1)
    workers = children(run.pid)
    run.send_signal(signal.SIGKILL)
    run.wait()
    deadline = time.monotonic() + 5
    while any(alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not [w for w in workers if alive(w)]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_closed_stdout_ends_the_run_at_once(tmp_path, jobs):
    folder = write_folder(tmp_path / "in")
    run = attrib(str(folder), "--jobs", jobs, "--format", "jsonl", stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    json.loads(run.stdout.readline())
    run.stdout.close()  # as "| head -1" does
    started = time.monotonic()
    assert run.wait(timeout=20) == 0, run.stderr.read()
    assert time.monotonic() - started < 20
    if jobs == "2":
        assert not children(run.pid)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ctrl_c_ends_the_run_promptly_and_leaves_a_resumable_output(tmp_path, jobs):
    folder, out, whole = write_folder(tmp_path / "in"), tmp_path / "out.jsonl", tmp_path / "whole.jsonl"
    run = attrib(
        str(folder), "--jobs", jobs, "-q", "-o", str(out), "--resume", stderr=subprocess.PIPE, start_new_session=True
    )
    wait_for(lambda: done_lines(out) >= 2)
    started = time.monotonic()
    os.killpg(run.pid, signal.SIGINT)  # Ctrl-C reaches the whole process group
    run.wait(timeout=30)
    ended = time.monotonic() - started
    assert ended < 5, f"took {ended:.1f} s"
    assert done_lines(out) < 60
    resumed = attrib(str(folder), "--jobs", jobs, "-q", "-o", str(out), "--resume")
    assert resumed.wait(timeout=600) == 0
    assert attrib(str(folder), "-q", "-o", str(whole)).wait(timeout=600) == 0
    assert out.read_text() == whole.read_text()
