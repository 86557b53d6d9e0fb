"""The build's second process: the search index and the open data, made
while MkDocs renders.

A build runs on one core, and the machines that publish have two. The open
data depends only on the site's data, and the search index (Chinese text cut
into words, their pinyin, the counts of every term, the traditional forms)
only on the pages' HTML. So one worker process exports the site as soon as
the build has loaded it, then takes each page as soon as MkDocs has rendered
it, and writes the indexes once the last language is built. It loads the
dictionaries (jieba, pypinyin, cn2an, OpenCC) and openpyxl while MkDocs
renders: most of what a first build, with no cache, used to wait for
(bench/README.md).

The worker does what the build did in its own process, in the same order, so
the files are the same byte for byte. Before the first page it cuts the
Chinese of the data into words: most of the pages' words, and the dictionary
it reads for them cuts the rest too (gongshi.segment).
"""
from __future__ import annotations

import json
import multiprocessing
import multiprocessing.connection
import os
import sys
import threading
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path

from . import traditional
from .export import JSON_NAME, export_files
from .labels import LABELS
from .model import Site
from .search import INDEX_DIR, IndexBuilder, write_indexes
from .sections import page_sections
from .segment import Segmenter

# The folder the gongshi package was loaded from. A spawned process imports
# the functions it runs by name, and MkDocs puts the hooks' folder on sys.path
# only while it loads a hook.
_PACKAGE_FOLDER = str(Path(__file__).resolve().parents[1])


class SecondProcess:
    """One build's open data and indexes (every language's), in a worker
    process: open_data() when a page lists the files, add() each page as it
    is rendered, finish() after the last language and wait() for it, cancel()
    when the build fails."""

    def __init__(self, site: Site, site_dir: Path, cache: Path | None):
        if _PACKAGE_FOLDER not in sys.path:
            sys.path.insert(0, _PACKAGE_FOLDER)
        # spawn, not fork: `mkdocs serve` builds beside its server's threads.
        self._pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"),
                                         initializer=_begin, initargs=(Path(site_dir), cache))
        self._open_data = self._pool.submit(_export, site)
        self._added: list[Future] = [self._pool.submit(_prime)]

    def open_data(self) -> dict[str, bytes]:
        """The files under /data/ (gongshi.export.export_files), once made."""
        return self._open_data.result()

    def add(self, lang: str, url: str, title: str, html: str) -> None:
        self._added.append(self._pool.submit(_add, lang, url, title, html))

    def finish(self, languages: list[str]) -> None:
        """After the last page: write the indexes of `languages` (each has
        one, also with no page), then keep the words and readings for the next
        build (gongshi.segment), while this process goes on."""
        self._added.append(self._pool.submit(_finish, languages))
        self._pool.submit(_save)
        self._pool.shutdown(wait=False)

    def wait(self) -> None:
        """Until the indexes are written. The first failure in the worker is
        raised here, SearchError as it was raised."""
        for added in self._added:
            added.result()

    def cancel(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)


# In the worker: this build's builders, one per language, and the words and
# readings they share.
_build: dict = {}


def _begin(site_dir: Path, cache: Path | None) -> None:
    _build.update(site_dir=site_dir, segmenter=Segmenter(cache), builders={})
    threading.Thread(target=_end_with_the_build, daemon=True).start()


def _end_with_the_build() -> None:
    """A build killed outright (as `make site` kills a build it is told to
    stop) cannot tell its worker to end, and the worker would keep waiting,
    holding the build's output open: it ends when the build's process does."""
    multiprocessing.connection.wait([multiprocessing.parent_process().sentinel])
    os._exit(1)


def _export(site: Site) -> dict[str, bytes]:
    files = export_files(site)
    _build["site_json"] = files[JSON_NAME]
    return files


def _prime() -> None:
    """Most words of the pages are the data's and the labels': cut them, read
    them and read OpenCC's tables while the pages come (gongshi.segment)."""
    text = _build.pop("site_json").decode("utf-8") + json.dumps(LABELS, ensure_ascii=False)
    _build["segmenter"].prime(text)
    traditional.read_tables()


def _builder(lang: str) -> IndexBuilder:
    builders = _build["builders"]
    if lang not in builders:
        builders[lang] = IndexBuilder(lang, _build["site_dir"] / INDEX_DIR, _build["segmenter"])
    return builders[lang]


def _add(lang: str, url: str, title: str, html: str) -> None:
    builder = _builder(lang)
    for section in page_sections(url, title, html):
        builder.add(section)


def _finish(languages: list[str]) -> None:
    write_indexes(_build["site_dir"], {lang: _builder(lang) for lang in languages}, _build["segmenter"])


def _save() -> None:
    _build["segmenter"].save()
