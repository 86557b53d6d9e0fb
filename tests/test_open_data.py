"""The published site's open data under /data/, its download page in both
languages, and SHA256SUMS over every file of the site."""
from __future__ import annotations

import posixpath
import re
import subprocess

from support import ROOT

from gongshi.data import load_site
from gongshi.export import export_files


def test_the_site_publishes_the_data_as_the_engine_exports_it(built_site):
    files = export_files(load_site(ROOT / "data"))
    assert {"gongshi.json", "gongshi.schema.json", "areas.csv", "measures.csv", "figures.csv"} <= set(files)
    for name, content in files.items():
        assert (built_site / "data" / name).read_bytes() == content, name


def test_sha256sums_cover_every_file_of_the_site_and_check(built_site):
    listed = (built_site / "data" / "SHA256SUMS").read_text(encoding="utf-8").splitlines()
    paths = [line.split("  ", 1)[1] for line in listed]
    on_disk = sorted(p.relative_to(built_site).as_posix() for p in built_site.rglob("*") if p.is_file())
    assert paths == [p for p in on_disk if p != "data/SHA256SUMS"]
    assert {"index.html", "en/index.html", "404.html", "sitemap.xml", "search/search_index.json",
            "data/gongshi.json", "assets/stylesheets/gongshi.css"} <= set(paths)
    check = subprocess.run(["sha256sum", "--check", "--strict", "--quiet", "data/SHA256SUMS"], cwd=built_site,
                           capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr


def test_the_download_page_links_every_file_in_both_languages(built_site):
    for page in ("data/", "en/data/"):
        html = (built_site / page / "index.html").read_text(encoding="utf-8")
        table = html.split('data-gs-table="downloads"', 1)[1].split("</table>", 1)[0]
        targets = [posixpath.normpath(page + href) for href in re.findall(r'<a href="([^"]+)"', table)]
        assert targets == [f"data/{name}" for name in [*export_files(load_site(ROOT / "data")), "SHA256SUMS"]], page
        assert all((built_site / target).is_file() for target in targets), page
        assert "sha256sum -c data/SHA256SUMS" in html
