"""`gongshi import` writes only inside its folder: never into the root of the
file system or a file, never through a link, and into a folder that already
holds files only with --force; and a notice line a spreadsheet would run is reported."""
from __future__ import annotations

from support import SEED

from gongshi.cli import main


def run(capsys, *args):
    code = main(["import", *map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


def test_no_output_folder_that_is_a_file_or_the_root(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("GONGSHI_LANG", "en")
    (tmp_path / "notes.txt").write_text("mine\n", encoding="utf-8")
    code, out, err = run(capsys, SEED, "-o", tmp_path / "notes.txt")
    assert (code, out) == (2, "") and "notes.txt is a file, not a folder" in err
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "mine\n"
    for root in ("/", "/../"):
        code, out, err = run(capsys, SEED, "-o", root, "--force")
        assert (code, out) == (2, "") and "is the root of the file system" in err
    code, out, err = run(capsys, SEED, "-o", tmp_path / "notes.txt" / "site")
    assert code == 2 and "Cannot write" in err and "Traceback" not in err


def test_no_writing_through_a_link(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("GONGSHI_LANG", "en")
    elsewhere = tmp_path / "elsewhere"
    (tmp_path / "out" / "data").mkdir(parents=True)
    (tmp_path / "out" / "data" / "round.yaml").symlink_to(elsewhere / "round.yaml")  # dangling
    (tmp_path / "out" / "docs").symlink_to(elsewhere)
    code, out, err = run(capsys, SEED, "-o", tmp_path / "out", "--force")
    assert (code, out) == (2, "") and "writes nothing through a link" in err
    assert f"{tmp_path / 'out' / 'data' / 'round.yaml'}\n" in err and f"{tmp_path / 'out' / 'docs'}\n" in err
    assert not elsewhere.exists()


def test_a_folder_that_holds_files_only_with_force(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("GONGSHI_LANG", "en")
    (tmp_path / "out" / "notes").mkdir(parents=True)
    (tmp_path / "out" / "notes" / "mine.txt").write_text("mine\n", encoding="utf-8")
    code, out, err = run(capsys, SEED, "-o", tmp_path / "out")
    assert (code, out) == (2, "") and "add --force to overwrite" in err and str(tmp_path / "out" / "notes" / "mine.txt") in err
    assert not (tmp_path / "out" / "data").exists()
    code, out, err = run(capsys, SEED, "-o", tmp_path / "out", "--force")
    assert code in (0, 1) and (tmp_path / "out" / "data" / "round.yaml").is_file()
    assert (tmp_path / "out" / "notes" / "mine.txt").read_text(encoding="utf-8") == "mine\n"  # written beside, not over
    (tmp_path / "empty" / "docs").mkdir(parents=True)  # folders without files hold nothing
    assert run(capsys, SEED, "-o", tmp_path / "empty")[0] in (0, 1)


def test_a_line_a_spreadsheet_would_run_is_reported(imported, report):
    result = imported("""
        某局公告
        根据市委统一部署,2024年3月1日至4月1日,市委第一巡察组对市某局党组进行了巡察。2024年5月6日,市委第一巡察组反馈了巡察意见。
        一、关于“问题”的整改情况
        (一)强化监管。检查企业12家。
        =HYPERLINK("http://evil.example","x")
        欢迎监督。
        中共某局党组
        2024年9月1日
    """)
    assert (5, 'the line starts with “=”, which a spreadsheet runs as a formula: the open data writes it as text '
               "('…), but check that the notice says it so") in report(result)
