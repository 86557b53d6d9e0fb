"""The built site's search: an index per language, our worker on every page,
and builds that stop rather than publish a search that finds nothing."""
from __future__ import annotations

import json
import re
from pathlib import Path

from searching import index_sections
from support import copy_project, mkdocs_build

from gongshi.search import MATERIAL_WORKER, WORKER


def _index(site: Path, lang: str) -> dict:
    return json.loads((site / "search" / f"{lang}.json").read_text(encoding="utf-8"))


def test_each_language_has_its_own_index(built_site):
    zh, en = _index(built_site, "zh"), _index(built_site, "en")
    zh_pages = {d["location"].split("#")[0] for d in index_sections(built_site, "zh")}
    en_pages = {d["location"].split("#")[0] for d in index_sections(built_site, "en")}
    assert zh_pages == {location for location, _, _ in zh["pages"]}
    built = [page.parent.relative_to(built_site).as_posix() for page in built_site.rglob("index.html")]
    chinese = [page for page in built if not page.startswith("en")]
    assert len(zh_pages) == len(en_pages) == len(chinese) == len(built) - len(chinese) > 10
    assert [p for p in zh_pages if p.startswith("en/")] == []
    assert [p for p in en_pages if not p.startswith("en/")] == []
    # Chinese words and their pinyin for the Chinese site only.
    assert "网约车" in zh["words"] and en["words"] == []
    assert zh["pinyin"][zh["words"].index("网约车")] == "wang yue che"


def test_every_page_searches_with_our_worker_in_its_language(built_site):
    pages = [p for p in built_site.rglob("*.html") if 'id="__config"' in p.read_text(encoding="utf-8")]
    assert len(pages) >= 2 * 18
    for page in pages:
        html = page.read_text(encoding="utf-8")
        lang = re.search(r'<html lang="(\w+)[-"]', html).group(1)  # zh-CN → zh
        assert re.search(rf'"search": "[./]*{re.escape(WORKER)}\?lang={lang}"', html), page
        assert MATERIAL_WORKER not in html, page
    assert (built_site / WORKER).is_file()


def _build_output(result) -> str:
    return result.stdout + result.stderr


def test_the_build_stops_when_jieba_is_missing(tmp_path):
    hidden = tmp_path / "hidden"
    hidden.mkdir()
    (hidden / "jieba.py").write_text('raise ImportError("hidden for this test")\n', encoding="utf-8")
    result = mkdocs_build(copy_project(tmp_path / "project"), tmp_path / "site", env={"PYTHONPATH": str(hidden)})
    assert result.returncode != 0
    assert "Traceback" not in _build_output(result)
    assert "Chinese search needs jieba, which is not installed" in _build_output(result)


def test_the_build_stops_when_material_changes_its_search_worker(tmp_path):
    project = copy_project(tmp_path / "project")
    # What an upgrade of Material does: a worker with another name.
    main = project / "overrides" / "main.html"
    main.write_text(main.read_text(encoding="utf-8") + "\n{% block config %}{{ super() | replace("
                    f'"{Path(MATERIAL_WORKER).name}", "search.0123abcd.min.js") }}}}{{% endblock %}}\n', encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "Traceback" not in _build_output(result)
    assert "Material has changed" in _build_output(result)


def test_a_failure_in_the_process_that_builds_the_index_stops_the_build_with_its_message(tmp_path):
    # The index is written in a second process (gongshi.second_process); what it raises is the build's error.
    project = copy_project(tmp_path / "project")
    (project / "overrides" / WORKER).unlink()
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "Traceback" not in _build_output(result)
    assert f"the search worker {WORKER} is missing from the site" in _build_output(result)
