"""The pull-request and publish workflows run what CI runs, in that order."""
from __future__ import annotations

import yaml
from support import ROOT

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
