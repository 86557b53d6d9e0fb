"""check.py: the whole project checked without a build, as `gongshi check` does."""
from __future__ import annotations

from pathlib import Path

from support import PROBLEMS_SITE, ROOT

from gongshi.check import check_project, schema_line, written_pages


def test_the_real_project_is_clean():
    assert check_project(ROOT) == []


def test_the_made_up_chinese_only_project_is_clean():
    assert check_project(PROBLEMS_SITE) == []


def test_data_and_marker_problems_are_reported_together(project, edit, line_of):
    edit(project / "data/round.yaml", "  feedback: 2024-02-23", "  feedbak: 2024-02-23")
    edit(project / "docs/about.md", "<!-- data:source -->", "<!-- data:sources -->")
    found = check_project(project)
    assert [(p.path, p.line, p.column) for p in found] == [
        ("data/round.yaml", line_of(project / "data/round.yaml", "feedbak"), 3),  # `feedbak` is unknown
        ("docs/about.md", line_of(project / "docs/about.md", "data:sources"), 1),
    ]
    assert "did you mean `feedback`?" in found[0].message
    assert "did you mean `source`?" in found[1].message
    assert "是不是想写 `source`？" in found[1].zh


def test_a_page_without_its_translation(project):
    (project / "docs/approach.en.md").unlink()
    [problem] = check_project(project)
    assert (problem.path, problem.line) == ("docs/approach.md", 1)
    assert "no English version; add docs/approach.en.md" in problem.message
    assert "缺少英文版本" in problem.zh


def test_an_english_page_without_its_chinese_original(project):
    (project / "docs/extra.en.md").write_text("# Extra\n", encoding="utf-8")
    [problem] = [p for p in check_project(project) if "version" in p.message]
    assert problem.path == "docs/extra.en.md"
    assert "no Chinese version; add docs/extra.md" in problem.message


def test_pages_in_a_language_the_site_does_not_list_are_left_alone(project, edit):
    edit(project / "data/site.yaml", "languages: [zh, en]\n", "languages: [zh]\n")
    (project / "docs/extra.en.md").write_text("# Extra\n\n<!-- data:nowhere -->\n", encoding="utf-8")
    assert check_project(project) == []


def test_a_chinese_only_site_asks_for_no_translation(problems_project):
    (problems_project / "docs/notice.en.md").write_text("<!-- data:notice -->\n", encoding="utf-8")
    assert check_project(problems_project) == []
    assert set(written_pages(problems_project / "docs", ("zh",))["notice.md"]) == {"zh"}


def test_written_pages_by_name_and_language(project):
    pages = written_pages(project / "docs", ("zh", "en"))
    assert pages["areas/index.md"] == {"zh": project / "docs/areas/index.md", "en": project / "docs/areas/index.en.md"}
    assert "areas/index.en.md" not in pages


def test_markers_in_english_pages_are_checked_too(project, edit, line_of):
    edit(project / "docs/areas/index.en.md", "<!-- data:area-cards -->", "<!-- data:area nowhere -->")
    [problem] = check_project(project)
    assert (problem.path, problem.line) == ("docs/areas/index.en.md", line_of(project / "docs/areas/index.en.md", "data:area nowhere"))


def test_a_data_file_without_its_schema_line(project):
    path = project / "data/areas/05-public-services.yaml"
    path.write_text(path.read_text(encoding="utf-8").split("\n", 1)[1], encoding="utf-8")
    [problem] = check_project(project)
    assert (problem.path, problem.line, problem.column) == ("data/areas/05-public-services.yaml", 1, 1)
    assert "$schema=../../schema/area.schema.json" in problem.message


def test_schema_line_points_up_to_the_schema_folder():
    data = ROOT / "data"
    assert schema_line(data / "round.yaml", data) == "# yaml-language-server: $schema=../schema/round.schema.json"
    assert schema_line(data / "areas/01-x.yaml", data) == "# yaml-language-server: $schema=../../schema/area.schema.json"


def test_a_link_to_a_page_that_does_not_exist(project, edit, line_of):
    edit(project / "docs/about.en.md", "[official notice](notice.md)", "[official notice](notices.md)")
    [problem] = check_project(project)
    assert (problem.path, problem.line) == ("docs/about.en.md", line_of(project / "docs/about.en.md", "(notices.md)"))
    assert "the link to `notices.md` leads to no page" in problem.message


def test_links_to_generated_area_pages_and_outside_are_fine(project):
    page = project / "docs/contact.en.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[Area](areas/work-safety.md#x) [mail](mailto:a@b.cn) [top](#contact)\n",
                    encoding="utf-8")
    assert check_project(project) == []


def test_a_page_missing_from_the_nav(project, edit):
    edit(project / "data/site.yaml", "  - about.md\n", "")
    [problem] = check_project(project)
    assert (problem.path, problem.line) == ("docs/about.md", 1)
    assert "this page is not in the nav of data/site.yaml; add it there" in problem.message


def test_a_nav_entry_without_a_page(project, edit, line_of):
    site_yaml = project / "data/site.yaml"
    edit(site_yaml, "  - about.md\n", "  - abuot.md\n")
    found = check_project(project)
    # The data does not load, so the pages are not compared with the nav.
    assert [(p.path, p.line) for p in found] == [("data/site.yaml", line_of(site_yaml, "nav:\n"))]
    assert "the nav lists `abuot.md`, but there is no docs/abuot.md" in found[0].message


def test_the_site_map_every_footer_links_to_is_written(problems_project):
    (problems_project / "docs/sitemap.md").unlink()
    [problem] = check_project(problems_project)
    assert (problem.path, problem.line) == ("docs/sitemap.md", 1)
    assert "every page's footer links to this page, but there is no docs/sitemap.md; add it" in problem.message


def test_the_contact_page_every_footer_links_to_is_written_whether_the_nav_lists_it_or_not(problems_project, edit):
    edit(problems_project / "data/site.yaml", "  - contact.md\n", "")
    (problems_project / "docs/contact.md").unlink()
    [problem] = check_project(problems_project)
    assert (problem.path, problem.line) == ("docs/contact.md", 1)
    assert "every page's footer links to this page, but there is no docs/contact.md; add it" in problem.message


# --- hostile and broken input: a message with the file, never a traceback -----------------------------


def test_a_page_linked_out_of_the_project_is_refused_and_not_read(project):
    page = project / "docs/contact.md"
    page.unlink()
    page.symlink_to("/etc/os-release")
    [problem] = check_project(project)
    assert (problem.path, problem.line) == ("docs/contact.md", 1)
    assert "/etc/os-release, which is not a file of the project" in problem.message
    assert "PRETTY_NAME" not in problem.message


def test_a_data_file_linked_out_of_the_project_shows_none_of_it(project):
    data = project / "data/contact.yaml"
    data.unlink()
    data.symlink_to("/etc/passwd")
    found = check_project(project)
    assert [(p.path, p.line) for p in found] == [("data/contact.yaml", 1)]
    assert "root:" not in found[0].message


def _unreadable(monkeypatch, name: str):
    """Make the file called `name` unreadable, as for a user without the right (the tests run as root)."""
    for method in ("read_bytes", "open"):
        original = getattr(Path, method)

        def refuse(self, *args, original=original, **kwargs):
            if self.name == name:
                raise PermissionError(13, "Permission denied", str(self))
            return original(self, *args, **kwargs)

        monkeypatch.setattr(Path, method, refuse)


def test_a_folder_named_like_a_page_and_an_unreadable_page(project, monkeypatch):
    (project / "docs/extra.md").mkdir()
    _unreadable(monkeypatch, "about.en.md")
    found = {(p.path, p.message) for p in check_project(project)}
    assert ("docs/extra.md", "this is a folder, but its name is that of a file; rename it") in found
    assert ("docs/about.en.md", "cannot read the file (Permission denied)") in found


def test_an_unreadable_data_file(project, monkeypatch):
    _unreadable(monkeypatch, "round.yaml")
    found = check_project(project)
    assert [(p.path, p.message) for p in found] == [("data/round.yaml", "cannot read the file (Permission denied)")]


def test_broken_settings_are_a_problem_of_mkdocs_yml(project):
    (project / "mkdocs.yml").write_text("site_name: x\nnav:\n  - index.md\n - about.md\n", encoding="utf-8")
    [problem] = [p for p in check_project(project) if p.path == "mkdocs.yml"]
    assert problem.line == 4 and problem.message.startswith("YAML syntax error")
    (project / "mkdocs.yml").write_text("nav: " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    [problem] = [p for p in check_project(project) if p.path == "mkdocs.yml"]
    assert "nested more than 100 deep" in problem.message


def test_what_a_page_or_a_published_file_would_load_or_run(project, line_of):
    page = project / "docs/about.en.md"
    page.write_text(page.read_text(encoding="utf-8") + '\n<img src="https://evil.example/x.png">\n', encoding="utf-8")
    (project / "docs/assets").mkdir()
    (project / "docs/assets/extra.html").write_text("<p>x</p>\n<script>alert(1)</script>\n", encoding="utf-8")
    (project / "docs/assets/seal.png").write_bytes(b"\x89PNG<script>")  # an image loads nothing
    found = check_project(project)
    assert [(p.path, p.line) for p in found] == [("docs/about.en.md", line_of(page, "evil.example")),
                                                 ("docs/assets/extra.html", 2)]
    assert "from another host" in found[0].message and "<script>" in found[1].message
