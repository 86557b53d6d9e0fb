"""The pull-request and publish workflows run what CI runs, in that order; a pull request that adds a ledger gets its round first."""
from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import openpyxl
import yaml
from support import GENRE_B, ROOT, copy_project

from gongshi.data import load_site
from gongshi.export import ledger_xlsx

WORKFLOWS = ROOT / ".github" / "workflows"


def _steps(name: str) -> list[str]:
    workflow = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    job = next(iter(workflow["jobs"].values()))
    return [step.get("run", step.get("uses", "")) for step in job["steps"]]


def test_every_pull_request_is_tested_built_and_kept_for_preview():
    workflow = yaml.safe_load((WORKFLOWS / "pull-request.yml").read_text(encoding="utf-8"))
    assert "pull_request" in workflow[True]  # YAML 1.1 reads the key `on` as true
    steps = _steps("pull-request.yml")
    test, build = steps.index("make test"), steps.index("make site")
    upload = next(i for i, s in enumerate(steps) if s.startswith("actions/upload-artifact"))
    assert test < build < upload


def test_main_is_published_only_after_tests_and_build():
    workflow = yaml.safe_load((WORKFLOWS / "publish.yml").read_text(encoding="utf-8"))
    assert workflow[True]["push"]["branches"] == ["main"]
    steps = _steps("publish.yml")
    assert steps.index("make test") < steps.index("make site") < steps.index("actions/upload-pages-artifact@v3")
    assert workflow["jobs"]["deploy"]["needs"] == "build"


def test_each_workflow_says_what_it_is_for():
    for path in WORKFLOWS.glob("*.yml"):
        assert path.read_text(encoding="utf-8").startswith("# "), path


def _ledger_step() -> str:
    return next(step for step in _steps("pull-request.yml") if "gongshi update" in step)


def _git(repo: Path, *args: str):
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args], cwd=repo, check=True, capture_output=True)


def _pull_request(tmp_path: Path, changes) -> Path:
    """A checkout as the workflow sees it: a merge commit whose first parent is
    the base (fixture (b)) and whose second is a branch with `changes` made."""
    repo = copy_project(tmp_path / "repo", GENRE_B)
    # `make setup` as CI runs it, with the environment the tests run in.
    (repo / "Makefile").write_text(f"setup:\n\tln -sfn {Path(sys.executable).parent.parent} .venv\n", encoding="utf-8")
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "base")
    _git(repo, "checkout", "-qb", "ledger")
    changes(repo)
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "a ledger")
    _git(repo, "checkout", "-q", "main")
    _git(repo, "merge", "-q", "--no-ff", "-m", "merge", "ledger")
    return repo


def _run_step(repo: Path, summary: Path) -> subprocess.CompletedProcess:
    return subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", _ledger_step()], cwd=repo,
                          env={**os.environ, "GITHUB_STEP_SUMMARY": str(summary)}, capture_output=True, text=True, timeout=300)


def _add_ledger(repo: Path):
    book = openpyxl.load_workbook(io.BytesIO(ledger_xlsx(load_site(repo / "data"))))
    book.worksheets[0]["D4"] = "已完成"
    (repo / "ledgers").mkdir()
    book.save(repo / "ledgers" / "2024-12-31.xlsx")


def test_a_pull_request_that_adds_a_ledger_gets_its_round_before_the_tests(tmp_path):
    steps = _steps("pull-request.yml")
    assert steps.index(_ledger_step()) < steps.index("make test")
    repo = _pull_request(tmp_path, _add_ledger)
    summary = tmp_path / "summary.md"
    result = _run_step(repo, summary)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "+  - id: progress-2024-12-31" in result.stdout  # the diff, in the log
    assert "2.重点项目推进缓慢：阶段性完成 → 已完成（推进）" in summary.read_text(encoding="utf-8")
    assert load_site(repo / "data").updates[-1].id == "progress-2024-12-31"


def test_once_the_round_is_committed_the_ledger_is_not_applied_again(tmp_path):
    def add_ledger_and_its_round(repo: Path):
        _add_ledger(repo)
        subprocess.run([sys.executable, "-m", "gongshi.cli", "update", "ledgers/2024-12-31.xlsx", "--date", "2024-12-31"],
                       cwd=repo, check=True, capture_output=True)

    repo = _pull_request(tmp_path, add_ledger_and_its_round)
    before = (repo / "data/updates.yaml").read_bytes()
    result = _run_step(repo, tmp_path / "summary.md")
    assert result.returncode == 0, result.stdout + result.stderr
    assert (repo / "data/updates.yaml").read_bytes() == before


def test_a_bad_ledger_fails_the_pull_request_and_says_why(tmp_path):
    def add_bad_ledger(repo: Path):
        book = openpyxl.load_workbook(io.BytesIO(ledger_xlsx(load_site(repo / "data"))))
        book.worksheets[0]["D4"] = "基本完成"
        (repo / "ledgers").mkdir()
        book.save(repo / "ledgers" / "2024-12-31.xlsx")

    repo = _pull_request(tmp_path, add_bad_ledger)
    summary = tmp_path / "summary.md"
    result = _run_step(repo, summary)
    assert result.returncode != 0
    assert "2024-12-31.xlsx!整改台账!D4: “基本完成”不是整改状态" in summary.read_text(encoding="utf-8")
