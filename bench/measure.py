"""One measurement each: a build, a rebuild under `mkdocs serve`, a check.

Every command runs as a child process, as an editor would run it; its time is
wall time and CPU time (from os.wait4), its memory the largest peak resident
set of its processes (launch.py).
"""
from __future__ import annotations

import os
import queue
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "GONGSHI_LANG": "en"}
MKDOCS = [sys.executable, "-m", "mkdocs"]
LAUNCH = Path(__file__).with_name("launch.py")
# The editors' own command, as installed in the environment (pyproject.toml's scripts).
CHECK_COMMAND = [str(Path(sys.executable).with_name("gongshi")), "check"]


class BenchError(Exception):
    """A command failed or did not finish in time: the figure cannot be measured."""


@dataclass(frozen=True)
class Run:
    seconds: float  # wall time: what an editor waits
    cpu_seconds: float  # user + system: the work done, whatever else the machine runs
    peak_mb: float


def run(command: list[str], cwd: Path, timeout: float, env: dict | None = None) -> Run:
    """Run a command to its end (killed after `timeout` seconds): its wall time,
    CPU time and own peak memory, with the processes it starts (a build's
    second process: the largest of them). It runs under launch.py, which
    reports the peak, and whose own start is in the times of every command."""
    log, peak = cwd / ".bench-command.log", cwd / ".bench-command.peak"
    peak.unlink(missing_ok=True)
    with log.open("w") as output:
        start = time.perf_counter()
        child = subprocess.Popen([sys.executable, str(LAUNCH), str(peak), *command], cwd=cwd, env=env or ENV,
                                 stdout=output, stderr=subprocess.STDOUT, start_new_session=True)
        # wait4 reports the usage of this child only (and of what it waited for),
        # unlike getrusage(RUSAGE_CHILDREN), which adds up every child so far.
        deadline = threading.Timer(timeout, os.killpg, (child.pid, signal.SIGKILL))
        deadline.start()
        try:
            _, status, usage = os.wait4(child.pid, 0)
        finally:
            deadline.cancel()
        seconds = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        tail = log.read_text(errors="replace")[-3000:]
        how = f"did not finish in {timeout:.0f} s" if seconds >= timeout else f"failed (exit {child.returncode})"
        raise BenchError(f"{' '.join(command)} {how} in {cwd}:\n{tail}")
    return Run(seconds, usage.ru_utime + usage.ru_stime, int(peak.read_text(encoding="utf-8")) / 1024)  # KiB on Linux


def build(project: Path, site_dir: Path, timeout: float, config: str = "mkdocs.yml", env: dict | None = None) -> Run:
    """A full `mkdocs build --strict` into an empty folder."""
    shutil.rmtree(site_dir, ignore_errors=True)
    return run(MKDOCS + ["build", "--strict", "-f", config, "--site-dir", str(site_dir)], project, timeout, env)


def check(project: Path, timeout: float) -> Run:
    return run(CHECK_COMMAND, project, timeout)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Serve:
    """`mkdocs serve` on a free local port, its log read line by line."""

    BUILT = re.compile(r"Serving on |Reloading browsers")
    FAILED = re.compile(r"^ERROR|An error happened during the rebuild")

    def __init__(self, project: Path, scratch: Path):
        # serve builds into a folder of its own under $TMPDIR: keep it in our scratch space.
        scratch.mkdir(parents=True, exist_ok=True)
        env = {**ENV, "TMPDIR": str(scratch)}
        address = f"127.0.0.1:{_free_port()}"
        self.lines: queue.Queue[str] = queue.Queue()
        self.log: list[str] = []
        self.child = subprocess.Popen(MKDOCS + ["serve", "--dev-addr", address], cwd=project, env=env,
                                      stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, errors="replace")
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.child.stdout:
            self.lines.put(line)

    def wait_built(self, timeout: float) -> float:
        """Wait until a build has finished; the time it took to say so."""
        start = time.perf_counter()
        while True:
            left = start + timeout - time.perf_counter()
            try:
                line = self.lines.get(timeout=max(left, 0.01))
            except queue.Empty:
                if left <= 0 or self.child.poll() is not None:
                    raise BenchError(f"mkdocs serve did not finish a build in {timeout:.0f} s:\n{''.join(self.log[-20:])}")
                continue
            self.log.append(line)
            if self.FAILED.search(line):
                raise BenchError(f"mkdocs serve failed to build:\n{''.join(self.log[-20:])}")
            if self.BUILT.search(line):
                return time.perf_counter() - start

    def stop(self):
        self.child.send_signal(signal.SIGINT)  # serve shuts down cleanly on Ctrl-C
        try:
            self.child.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.child.kill()
            self.child.wait()


def rebuild_times(project: Path, edit: Callable[[int], None], edits: int, timeout: float, scratch: Path) -> list[float]:
    """Seconds from each data edit to the end of the rebuild `mkdocs serve` makes of it."""
    serve = Serve(project, scratch)
    try:
        serve.wait_built(timeout)
        times = []
        for n in range(edits):
            time.sleep(1)  # let the watcher settle after the previous build
            start = time.perf_counter()
            edit(n)
            serve.wait_built(timeout)
            times.append(time.perf_counter() - start)
        return times
    finally:
        serve.stop()
