"""`gongshi import NOTICE -o DIR`: write a whole site, DIR/data/ and DIR/docs/,
from a notice, then check it as `gongshi check` would and print what could not
be placed or parsed, by line. It works from any folder: the units and the
status vocabulary a notice does not give ship with the package (defaults/).

It writes only inside the output folder: not into the root of the file system,
not through a link, and into a folder that already holds files only with
--force.

Exit status: 0 imported with nothing to report; 1 imported, with a report for
the editor; 2 nothing written (the notice, the units, the statuses or the
output folder could not be used)."""
from __future__ import annotations

import argparse
import itertools
import os
import shutil
import sys
from pathlib import Path

from ..check import check_project
from ..data import AREAS, FILES
from ..errors import Problem, message_language
from ..labels import LANGUAGES
from ..load import load_yaml
from ..model import Statuses, Units
from ..validate import Locations, build_file
from . import import_notice
from .pages import pages
from .write import write_data

UNITS = next(name for name, cls in FILES.items() if cls is Units)
STATUSES = next(name for name, cls in FILES.items() if cls is Statuses)
DEFAULTS = Path(__file__).parent / "defaults"
NOTICE_LANGUAGE = "zh"  # the language notices are written in: a site's first


def add_parser(subparsers) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(
        "import", help="导入一份整改公告（文本、HTML 或 Word），生成整个站点 / import a rectification notice (text, HTML or Word) as a whole site",
        description="把公告转换为站点的数据（data/）和页面（docs/），并列出未能归位或解析的内容。 "
                    "Turns a notice into a site's data (data/) and pages (docs/), and lists what it could not place or parse.")
    parser.add_argument("notice", type=Path, help="公告文件：.txt（UTF-8 或 GB18030）、.html 或 .docx / the notice file")
    parser.add_argument("-o", "--output", type=Path, required=True, help="输出文件夹 / the folder to write data/ and docs/ into")
    parser.add_argument("--languages", default=NOTICE_LANGUAGE,
                        help="站点的语言，以逗号分隔，中文在前（默认 zh；如 zh,en 开始一个双语站点，英文留待翻译） / "
                             "the site's languages, comma-separated, Chinese first (default zh; zh,en starts a bilingual site "
                             "with the English left to translate)")
    parser.add_argument("--units", type=Path, help="数字单位文件（默认：输出文件夹已有的，否则随附的） / the units figures may be in "
                                                   "(default: DIR/data/units.yaml if present, else the ones shipped)")
    parser.add_argument("--statuses", type=Path, help="整改状态词表（默认：输出文件夹已有的，否则随附的） / the status vocabulary "
                                                      "(default: DIR/data/statuses.yaml if present, else the one shipped)")
    parser.add_argument("--force", action="store_true", help="覆盖已有文件 / overwrite files that exist")
    parser.set_defaults(run=run)
    return parser


def _say(zh: str, en: str) -> str:
    return zh if message_language() == "zh" else en


def _print_problems(problems: list[Problem], heading: tuple[str, str]):
    lang = message_language()
    print(_say(*heading).format(count=len(problems)), file=sys.stderr)
    for problem in problems:
        print("  " + problem.format(lang), file=sys.stderr)


def _read(path: Path, cls, languages):
    """A site's own file that the notice does not give (units, statuses): the object, and its problems."""
    data, problems = load_yaml(path, str(path))
    if data is None:
        return None, problems
    built, found = build_file(cls, data, str(path), Locations(), languages)
    return built, problems + found


def _languages(given: str) -> tuple[tuple[str, ...] | None, str]:
    languages = tuple(lang.strip() for lang in given.split(",") if lang.strip())
    if languages and languages[0] == NOTICE_LANGUAGE and len(set(languages)) == len(languages) and set(languages) <= set(LANGUAGES):
        return languages, ""
    return None, _say(f"--languages 应当是以逗号分隔的语言代码（{'、'.join(LANGUAGES)}），zh 在前，不重复，如 zh,en",
                      f"--languages should be language codes ({', '.join(LANGUAGES)}), comma-separated, zh first, "
                      "none twice, e.g. zh,en")


# The folders the import writes into, under the output folder.
WRITTEN = ("data", "docs")
SHOWN_AT_MOST = 20  # files listed when the output folder is not empty


def _files(folder: Path):
    """The files (and links) under `folder`, each folder's own before its subfolders', without following links."""
    for top, folders, files in os.walk(folder):
        folders.sort()
        for name in sorted(files) + sorted(name for name in folders if (Path(top) / name).is_symlink()):
            yield Path(top) / name


def _refusal(output: Path, force: bool) -> tuple[str, str, list[Path]] | None:
    """Why the import may not write into `output`, in Chinese and English, with
    the paths that say so; None when it may. It writes only inside its folder:
    never into the root of the file system, never through a link (dangling or
    not), and into a folder that holds files only with --force."""
    if output.resolve() == Path(output.resolve().anchor):
        return f"{output} 是文件系统的根目录；请为站点选择一个文件夹", f"{output} is the root of the file system; choose a folder for the site", []
    if output.exists() and not output.is_dir():
        return f"{output} 是一个文件，不是文件夹；请选择一个文件夹", f"{output} is a file, not a folder; choose a folder", []
    links = [output / name for name in WRITTEN if (output / name).is_symlink()]
    links += [path for name in WRITTEN if not (output / name).is_symlink() for path in _files(output / name) if path.is_symlink()]
    if links:
        return ("输出文件夹中有链接，导入不会经由链接写到文件夹以外；请删除这些链接：",
                "The output folder holds links, and the import writes nothing through a link, out of its folder; remove them:", links)
    kept = {output / "data" / UNITS, output / "data" / STATUSES}  # a site's own vocabulary, read and kept
    held = list(itertools.islice((path for path in _files(output) if path not in kept), SHOWN_AT_MOST + 1)) if output.is_dir() else []
    if held and not force:
        return ("输出文件夹中已有文件；加 --force 才会覆盖同名文件（其他文件保留）：",
                "The output folder holds files already; add --force to overwrite them where names are the same (the others stay):",
                held)
    return None


def run(args) -> int:
    languages, wrong = _languages(args.languages)
    if languages is None:
        print(wrong, file=sys.stderr)
        return 2
    refusal = _refusal(args.output, args.force)
    if refusal:
        zh, en, paths = refusal
        print(_say(zh, en), file=sys.stderr)
        for path in paths[:SHOWN_AT_MOST]:
            print(f"  {path}", file=sys.stderr)
        if len(paths) > SHOWN_AT_MOST:
            print("  …", file=sys.stderr)
        return 2
    data_dir = args.output / "data"
    own = {}
    for given, name, cls, (zh, en) in ((args.units, UNITS, Units, ("单位", "units")),
                                       (args.statuses, STATUSES, Statuses, ("状态", "statuses"))):
        path = given or (data_dir / name if (data_dir / name).is_file() else DEFAULTS / name)
        own[name], problems = _read(path, cls, languages)
        if own[name] is None or problems:
            _print_problems(problems, (f"{zh}文件有 {{count}} 处问题：", f"{{count}} problem(s) in the {en} file:"))
            return 2
        own[name] = (path, own[name])
    try:
        imported = import_notice(args.notice, own[UNITS][1].units, own[STATUSES][1].statuses, languages)
    except Exception as error:  # a notice the reader does not foresee is a bug to report, never a traceback for the editor
        print(_say(f"无法导入 {args.notice}：导入程序出错（{type(error).__name__}: {error}）；请把公告文件附上报告这个问题。",
                   f"Cannot import {args.notice}: the importer failed ({type(error).__name__}: {error}); please report it "
                   "with the notice attached."), file=sys.stderr)
        return 2
    if not imported.lines:
        _print_problems(imported.report, ("无法导入，{count} 处问题：", "Nothing imported, {count} problem(s):"))
        return 2
    try:
        written = _write(imported, args.output, args.notice.name, own)
    except OSError as error:
        where = error.filename or args.output
        print(_say(f"无法写入 {where}（{error.strerror}）；输出文件夹中可能只写了一部分",
                   f"Cannot write {where} ({error.strerror}); the output folder may be written in part"), file=sys.stderr)
        return 2
    site = imported.site
    print(_say(f"已写入 {len(written)} 个文件到 {args.output}：{len(site.areas)} 个方面，{len(site.problems)} 个问题，"
               f"{sum(len(a.all_measures()) for a in site.areas)} 项措施，{len(site.round.totals.declared())} 个总数。",
               f"Wrote {len(written)} files to {args.output}: {len(site.areas)} areas, {len(site.problems)} problems, "
               f"{sum(len(a.all_measures()) for a in site.areas)} measures, {len(site.round.totals.declared())} totals."))
    return _report(imported.report, check_project(args.output), languages)


def _write(imported, output: Path, source_name: str, own: dict) -> list[Path]:
    """Write the data files and pages. The output folder's own units and
    statuses, where it has them, are kept: they say how this site writes them."""
    data_dir, docs_dir = output / "data", output / "docs"
    kept = {data_dir / name for name, (path, _) in own.items() if path.resolve() == (data_dir / name).resolve()}
    if (data_dir / AREAS).exists():
        shutil.rmtree(data_dir / AREAS)  # the areas of an earlier import would stay beside the new ones
    written = write_data(imported.site, data_dir, source_name, imported.origins)
    for name, (path, _) in own.items():
        if data_dir / name not in kept:
            shutil.copyfile(path, data_dir / name)
            written.append(data_dir / name)
    for name, text in pages(imported.site, imported.excerpts).items():
        path = docs_dir / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def _report(report: list[Problem], checked: list[Problem], languages) -> int:
    """Print what the import could not place or parse, and what the check of
    the written site finds; untranslated texts are counted, not listed."""
    untranslated = [p for p in checked if any(p.message.endswith(f"add `{lang}: …`") for lang in languages[1:])]
    others = [p for p in checked if p not in untranslated]
    if untranslated:
        print(_say(f"{len(untranslated)} 处译文留空待译；`gongshi check` 会逐一列出。",
                   f"{len(untranslated)} text(s) are left to translate; `gongshi check` lists each."))
    if report:
        _print_problems(report, ("请核对以下 {count} 处（未能归位、解析或有推断）：",
                                 "Check these {count} place(s) (not placed, not parsed, or guessed):"))
    if others:
        _print_problems(others, ("写出的站点检查发现 {count} 处问题：", "The check of the written site finds {count} problem(s):"))
    return 1 if report or others else 0
