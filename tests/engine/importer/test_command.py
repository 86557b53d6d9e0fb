"""command.py and cli.py: `gongshi import`."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from support import ROOT, SEED

from gongshi.cli import main
from gongshi.data import load_site
from gongshi.load import load_yaml

UNITS = ROOT / "data" / "units.yaml"


def run(capsys, *args):
    code = main(["import", *map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


def test_the_seed_is_written_with_its_report(capsys, tmp_path, monkeypatch):
    monkeypatch.delenv("GONGSHI_LANG", raising=False)
    code, out, err = run(capsys, SEED, "-o", tmp_path, "--units", UNITS)
    assert code == 1
    assert "已写入 38 个文件" in out  # 6 data files + 11 areas + units.yaml + 10 pages × 2 languages
    assert "11 个方面，29 项措施，7 个总数" in out
    assert "请核对以下 2 处" in err and f"{SEED}:43: “7项”" in err and f"{SEED}:47: “180天”" in err
    assert len(list((tmp_path / "data" / "areas").glob("*.yaml"))) == 11
    assert (tmp_path / "data" / "units.yaml").read_text(encoding="utf-8") == UNITS.read_text(encoding="utf-8")


def test_nothing_is_overwritten_without_force(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("GONGSHI_LANG", "en")
    run(capsys, SEED, "-o", tmp_path, "--units", UNITS)
    (tmp_path / "data" / "areas" / "99-left-over.yaml").write_text("id: x\n")
    code, out, err = run(capsys, SEED, "-o", tmp_path, "--units", UNITS)
    assert code == 2 and "add --force to overwrite" in err and str(tmp_path / "data" / "round.yaml") in err
    code, out, err = run(capsys, SEED, "-o", tmp_path, "--units", UNITS, "--force")
    assert code == 1 and "Wrote 36 files" in out  # units.yaml and statuses.yaml are kept
    assert "Check these 2 place(s)" in err
    assert not (tmp_path / "data" / "areas" / "99-left-over.yaml").exists()


def test_the_units_of_the_output_folder_are_used_and_kept(capsys, tmp_path):
    own = "units:\n  - id: ge\n    zh: \"{n}个\"\n    en: \"{n}\"\n"
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "units.yaml").write_text(own, encoding="utf-8")
    code, _, err = run(capsys, SEED, "-o", tmp_path)
    assert (tmp_path / "data" / "units.yaml").read_text(encoding="utf-8") == own
    assert (code, err) == (0, "")  # 7项 and 180天 are in no unit of this site, so nothing to report


def test_the_statuses_of_the_output_folder_are_used_and_kept(capsys, tmp_path):
    own = "statuses:\n  - id: done\n    label: {zh: 已完成, en: Done}\n    colour: \"#2e7d32\"\n    done: true\n"
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "statuses.yaml").write_text(own, encoding="utf-8")
    run(capsys, SEED, "-o", tmp_path, "--units", UNITS)
    assert (tmp_path / "data" / "statuses.yaml").read_text(encoding="utf-8") == own
    (tmp_path / "data" / "statuses.yaml").unlink()
    run(capsys, SEED, "-o", tmp_path, "--units", UNITS, "--force")  # else the vocabulary of data/statuses.yaml
    written = load_yaml(tmp_path / "data" / "statuses.yaml", "statuses.yaml")[0]
    assert [s["id"] for s in written["statuses"]] == [s.id for s in load_site(ROOT / "data").statuses]


def test_a_clean_import_exits_zero(capsys, tmp_path):
    notice = tmp_path / "n.txt"
    notice.write_text("某局公告\n根据市委统一部署,2024年3月1日至4月1日,市委第一巡察组对市某局党组进行了巡察。2024年5月6日,"
                      "市委第一巡察组反馈了巡察意见。\n一、关于“问题”的整改情况\n(一)强化监管。检查企业12家。\n"
                      "欢迎监督。电子邮箱:a@b.cn。\n中共某局党组\n2024年9月1日\n", encoding="utf-8")
    code, _, err = run(capsys, notice, "-o", tmp_path / "site", "--units", UNITS)
    assert (code, err) == (0, "")


def test_what_stops_an_import(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("GONGSHI_LANG", "en")
    code, out, err = run(capsys, tmp_path / "missing.txt", "-o", tmp_path / "out", "--units", UNITS)
    assert (code, out) == (2, "") and "Nothing imported" in err and "cannot read the notice" in err
    (tmp_path / "units.yaml").write_text("units:\n  - id: Bad Id\n", encoding="utf-8")
    code, out, err = run(capsys, SEED, "-o", tmp_path / "out", "--units", tmp_path / "units.yaml")
    assert code == 2 and "problem(s) in the units file" in err and "`id` should be an id" in err
    assert not (tmp_path / "out").exists()
    (tmp_path / "statuses.yaml").write_text("statuses: []\nwords: []\n", encoding="utf-8")
    code, out, err = run(capsys, SEED, "-o", tmp_path / "out", "--units", UNITS, "--statuses", tmp_path / "statuses.yaml")
    assert code == 2 and "problem(s) in the statuses file" in err and "unknown key `words`" in err
    assert not (tmp_path / "out").exists()


def test_the_console_script_is_installed():
    script = Path(sys.executable).parent / "gongshi"
    result = subprocess.run([str(script), "import", "--help"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and "--output" in result.stdout and "--force" in result.stdout


# --- the import writes only inside its folder --------------------------------------------------------


def test_no_output_folder_that_is_a_file_or_the_root(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("GONGSHI_LANG", "en")
    (tmp_path / "notes.txt").write_text("mine\n", encoding="utf-8")
    code, out, err = run(capsys, SEED, "-o", tmp_path / "notes.txt", "--units", UNITS)
    assert (code, out) == (2, "") and "notes.txt is a file, not a folder" in err
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "mine\n"
    for root in ("/", "/../"):
        code, out, err = run(capsys, SEED, "-o", root, "--units", UNITS, "--force")
        assert (code, out) == (2, "") and "is the root of the file system" in err
    code, out, err = run(capsys, SEED, "-o", tmp_path / "notes.txt" / "site", "--units", UNITS)
    assert code == 2 and "Cannot write" in err and "Traceback" not in err


def test_no_writing_through_a_link(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("GONGSHI_LANG", "en")
    elsewhere = tmp_path / "elsewhere"
    (tmp_path / "out" / "data").mkdir(parents=True)
    (tmp_path / "out" / "data" / "round.yaml").symlink_to(elsewhere / "round.yaml")  # dangling
    (tmp_path / "out" / "docs").symlink_to(elsewhere)
    code, out, err = run(capsys, SEED, "-o", tmp_path / "out", "--units", UNITS, "--force")
    assert (code, out) == (2, "") and "writes nothing through a link" in err
    assert f"{tmp_path / 'out' / 'data' / 'round.yaml'}\n" in err and f"{tmp_path / 'out' / 'docs'}\n" in err
    assert not elsewhere.exists()


def test_a_folder_that_holds_files_only_with_force(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("GONGSHI_LANG", "en")
    (tmp_path / "out" / "notes").mkdir(parents=True)
    (tmp_path / "out" / "notes" / "mine.txt").write_text("mine\n", encoding="utf-8")
    code, out, err = run(capsys, SEED, "-o", tmp_path / "out", "--units", UNITS)
    assert (code, out) == (2, "") and "add --force to overwrite" in err and str(tmp_path / "out" / "notes" / "mine.txt") in err
    assert not (tmp_path / "out" / "data").exists()
    code, out, err = run(capsys, SEED, "-o", tmp_path / "out", "--units", UNITS, "--force")
    assert code == 1 and (tmp_path / "out" / "data" / "round.yaml").is_file()
    assert (tmp_path / "out" / "notes" / "mine.txt").read_text(encoding="utf-8") == "mine\n"  # written beside, not over
    (tmp_path / "empty" / "docs").mkdir(parents=True)  # folders without files hold nothing
    assert run(capsys, SEED, "-o", tmp_path / "empty", "--units", UNITS)[0] == 1
