"""files.py: nothing is read through a link out of the project, and what
cannot be read gets a message."""
from __future__ import annotations

from pathlib import Path

import pytest

from gongshi.files import MAX_BYTES, inner_path, link_problem, link_problems, own_file, read_text


@pytest.fixture
def project(tmp_path) -> Path:
    """A project folder with a page, a data file and a hidden folder, and a folder beside it."""
    root = tmp_path / "project"
    (root / "docs").mkdir(parents=True)
    (root / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    (root / "data").mkdir()
    (root / "data" / "contact.yaml").write_text("phone: '1'\n", encoding="utf-8")
    (root / ".git").mkdir()
    (root / ".git" / "config").write_text("[credential]\n", encoding="utf-8")
    (tmp_path / "outside.txt").write_text("a file of the machine\n", encoding="utf-8")
    return root


def test_files_of_the_project_and_links_to_them_may_be_read(project):
    (project / "docs" / "contact.md").symlink_to("index.md")
    (project / "docs" / "data.md").symlink_to("../data/contact.yaml")
    for page in ("index.md", "contact.md", "data.md"):
        assert own_file(project / "docs" / page, project), page
        assert link_problem(project / "docs" / page, project) is None, page
    assert link_problems(project) == []


@pytest.mark.parametrize("target, says", [
    ("../../outside.txt", "which is not a file of the project"),
    ("/etc/os-release", "a link to /etc/os-release, which is not a file of the project"),
    ("../.git/config", "or is in a hidden folder"),
    ("/nonexistent/page.md", "a link to /nonexistent/page.md"),
    ("loop.md", "a link to loop.md"),  # a link to itself
])
def test_a_link_out_of_the_project_is_refused_without_reading_it(project, target, says):
    page = project / "docs" / "loop.md"
    page.symlink_to(target)
    assert not own_file(page, project)
    [problem] = link_problems(project)
    assert (problem.path, problem.line) == ("docs/loop.md", 1)
    assert says in problem.message and "本项目" in problem.zh


def test_a_link_to_a_folder_is_refused_even_inside_the_project(project):
    (project / "docs" / "assets").symlink_to("../data")
    (project / "overrides").mkdir()
    (project / "overrides" / "up").symlink_to("..")
    found = link_problems(project)
    assert [(p.path, p.line) for p in found] == [("docs/assets", 1), ("overrides/up", 1)]
    assert all("a link to the folder" in p.message for p in found)


def test_a_folder_read_whole_that_is_itself_a_link_is_refused(project, tmp_path):
    (tmp_path / "elsewhere").mkdir()
    (project / "overrides").symlink_to(tmp_path / "elsewhere")
    [problem] = link_problems(project)
    assert problem.path == "overrides" and "a link to the folder" in problem.message


def test_a_file_behind_a_linked_folder_is_not_the_projects(project, tmp_path):
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "round.yaml").write_text("secret\n", encoding="utf-8")
    (project / "data" / "areas").symlink_to(tmp_path / "elsewhere")
    behind = project / "data" / "areas" / "round.yaml"
    assert not own_file(behind, project)
    problem = link_problem(behind, project)
    assert problem.path == "data/areas/round.yaml" and "elsewhere/round.yaml" in problem.message


def test_paths_inside_a_folder():
    assert inner_path("assets/images/dzjg.png") and inner_path("dzjg.png")
    for outside in ("/etc/x.png", "//evil.example/x.png", "../x.png", "assets/../../x.png", "https://evil.example/x.png",
                    "\\\\evil.example\\x.png"):
        assert not inner_path(outside), outside


def test_reading_a_folder_a_large_file_and_a_file_that_is_not_utf8(tmp_path):
    (tmp_path / "extra.md").mkdir()
    assert "this is a folder" in read_text(tmp_path / "extra.md", "docs/extra.md")[1].message
    (tmp_path / "big.md").write_bytes(b"x" * (MAX_BYTES + 1))
    assert "may be at most 16 MB" in read_text(tmp_path / "big.md", "docs/big.md")[1].message
    (tmp_path / "gbk.md").write_bytes("# 标题\n\n正文\n".encode("utf-8") + "第三行".encode("gb18030"))
    text, problem = read_text(tmp_path / "gbk.md", "docs/gbk.md")
    assert text is None and (problem.line, problem.message) == (4, "the file is not UTF-8 text; save it as UTF-8")
    assert read_text(tmp_path / "gone.md", "docs/gone.md")[1].message.startswith("cannot read the file")


def test_an_unreadable_file_is_a_problem_not_a_traceback(tmp_path, monkeypatch):
    page = tmp_path / "about.md"
    page.write_text("# About\n", encoding="utf-8")

    def refuse(self):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", refuse)
    text, problem = read_text(page, "docs/about.md")
    assert text is None and problem.message == "cannot read the file (Permission denied)"
