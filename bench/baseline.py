"""The plain-Material baseline: the same pages as static Markdown, no hooks.

One build of our project, with capture_hook.py beside our hook, writes every
page as our hook filled it. The baseline project is those pages, the same
theme, overrides, plugins and i18n settings, and no `hooks:`; the nav,
`not_in_nav`, the site's name and languages and the per-language `extra`
that our hook computes are written into its mkdocs.yml.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import yaml

from . import measure
from .synth import make_project

CAPTURE_HOOK = Path(__file__).resolve().with_name("capture_hook.py")
CAPTURE_CONFIG = "mkdocs-capture.yml"


class _Env(list):
    """mkdocs.yml's `!ENV [NAME, default]`, read and written back as it is."""


class _ConfigLoader(yaml.SafeLoader):
    pass


class _ConfigDumper(yaml.SafeDumper):
    pass


_ConfigLoader.add_constructor("!ENV", lambda loader, node: _Env(loader.construct_sequence(node)))
_ConfigDumper.add_representer(_Env, lambda dumper, env: dumper.represent_sequence("!ENV", env, flow_style=True))


def _read_config(project: Path) -> dict:
    return yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_ConfigLoader)


def capture_config(project: Path) -> Path:
    """A config beside the project's own that adds the capture hook to its hooks."""
    config = _read_config(project)
    path = project / CAPTURE_CONFIG
    hooks = config.get("hooks", []) + [str(CAPTURE_HOOK)]
    path.write_text(yaml.safe_dump({"INHERIT": "mkdocs.yml", "hooks": hooks}, allow_unicode=True), encoding="utf-8")
    return path


def write_baseline(project: Path, target: Path) -> Path:
    """Finish the baseline project in `target`, where the capture build wrote its pages."""
    config = _read_config(project)
    captured = json.loads((target / "captured.json").read_text(encoding="utf-8"))
    config.pop("hooks", None)
    config.pop("watch", None)
    config["nav"] = captured["nav"]
    if captured["not_in_nav"]:
        config["not_in_nav"] = captured["not_in_nav"]
    config["site_name"] = captured["site_name"]
    if captured["site_description"]:
        config["site_description"] = captured["site_description"]
    i18n = next(p["i18n"] for p in config["plugins"] if isinstance(p, dict) and "i18n" in p)
    languages = i18n["languages"] = captured["languages"]
    for language in languages:
        extra = {**config.get("extra", {}), **captured["extra"][language["locale"]]}
        if language.get("default"):
            config["extra"] = extra
        else:
            language["extra"] = extra
    (target / "mkdocs.yml").write_text(yaml.dump(config, Dumper=_ConfigDumper, allow_unicode=True, sort_keys=False),
                                       encoding="utf-8")
    shutil.copytree(project / "overrides", target / "overrides", dirs_exist_ok=True)
    # Anything in docs/ that is not a page (images, files) is served as it is.
    shutil.copytree(project / "docs", target / "docs", ignore=shutil.ignore_patterns("*.md"), dirs_exist_ok=True)
    return target


def make_projects(root: Path, scale: int) -> tuple[Path, Path, measure.Run]:
    """Under `root`: our synthetic project at `scale` and its baseline, and the
    run of the build that wrote the baseline (it also warms jieba's and the disk's caches)."""
    ours, baseline = make_project(root / "ours", scale), root / "baseline"
    baseline.mkdir()
    env = {**measure.ENV, "GONGSHI_BENCH_CAPTURE": str(baseline)}
    site = root / "site-capture"
    first = measure.build(ours, site, timeout=3600, config=capture_config(ours).name, env=env)
    shutil.rmtree(site)
    write_baseline(ours, baseline)
    return ours, baseline, first
