"""The `gongshi` console command, as an editor runs it."""
from __future__ import annotations

import os
import subprocess
import sys

from support import ROOT


def gongshi(*args, cwd=ROOT, lang=None):
    env = {k: v for k, v in os.environ.items() if k != "GONGSHI_LANG"}
    if lang:
        env["GONGSHI_LANG"] = lang
    return subprocess.run([sys.executable, "-m", "gongshi.cli", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=60)


def test_check_passes_on_the_real_site():
    result = gongshi("check")
    assert result.returncode == 0, result.stdout
    assert result.stdout == ""
    assert "没有发现问题" in result.stderr


def test_check_fails_in_chinese_by_default_and_in_english_on_request(project):
    contact = project / "data/contact.yaml"
    contact.write_text(contact.read_text(encoding="utf-8").replace('phone: "2615196"', "phone: 2615196"), encoding="utf-8")
    line = contact.read_text(encoding="utf-8").splitlines().index("phone: 2615196") + 1

    chinese = gongshi("check", "--root", str(project))
    assert chinese.returncode == 1
    assert chinese.stdout == f"data/contact.yaml:{line}:1: `phone` 应当是文字，而不是数字 2615196；请给它加上引号\n"
    assert "发现 1 处问题" in chinese.stderr

    english = gongshi("check", "--root", str(project), "--lang", "en")
    assert english.stdout == f"data/contact.yaml:{line}:1: `phone` should be text, not the number 2615196; put it in quotes\n"
    assert gongshi("check", "--root", str(project), lang="en").stdout == english.stdout


def test_schema_check_finds_stale_files(tmp_path):
    assert gongshi("schema", "--check").returncode == 0
    (tmp_path / "schema").mkdir()
    assert gongshi("schema", "--root", str(tmp_path)).returncode == 0
    assert gongshi("schema", "--check", "--root", str(tmp_path)).returncode == 0
    (tmp_path / "schema/area.schema.json").write_text("{}\n", encoding="utf-8")
    stale = gongshi("schema", "--check", "--root", str(tmp_path))
    assert stale.returncode == 1 and "schema/area.schema.json is out of date" in stale.stdout
