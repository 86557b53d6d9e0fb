"""`make serve` as an editor uses it: an edit rebuilds, a broken edit keeps
the last good preview up and says what is wrong, a fix recovers without a restart."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request

from support import copy_project

WAIT = 90  # seconds; a rebuild of both languages takes a few


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode("utf-8")


def _until(condition, what: str):
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.3)
    raise AssertionError(f"timed out waiting for {what}")


def test_serve_rebuilds_survives_a_broken_edit_and_recovers(tmp_path):
    project = copy_project(tmp_path / "project")
    port = _free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "GONGSHI_LANG": "en"}
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
                              cwd=project, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    log: list[str] = []
    threading.Thread(target=lambda: log.extend(server.stdout), daemon=True).start()
    page = f"http://127.0.0.1:{port}/en/areas/industry-oversight/"
    area = project / "data/areas/02-industry-oversight.yaml"
    original = area.read_text(encoding="utf-8")
    try:
        _until(lambda: any("Serving on" in line for line in log), "the first build")
        assert "projects inspected for quality and safety" in _fetch(page)

        builds = sum("Documentation built" in line for line in log)
        area.write_text(original.replace("  - value: 19\n", "  - value: nineteen\n"), encoding="utf-8")
        _until(lambda: any("`value` should be a number" in line for line in log), "the error in the log")
        assert any("data/areas/02-industry-oversight.yaml:" in line for line in log)
        assert "projects inspected for quality and safety" in _fetch(page), "the last good preview is gone"

        area.write_text(original.replace("projects inspected for quality and safety", "projects checked for quality"), encoding="utf-8")
        _until(lambda: sum("Documentation built" in line for line in log) > builds, "the rebuild after the fix")
        _until(lambda: "projects checked for quality" in _fetch(page), "the fixed page")
        assert not any("Traceback" in line for line in log)
    finally:
        server.terminate()
        server.wait(timeout=30)
