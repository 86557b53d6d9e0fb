"""`gongshi import NOTICE -o DIR`: write DIR/data/ and DIR/docs/ from a notice,
then print what could not be placed or parsed, by line.

It writes only inside the output folder: not into the root of the file system,
not through a link, and into a folder that already holds files only with
--force.

Exit status: 0 imported with nothing to report; 1 imported, with a report for
the editor; 2 nothing written (the notice, the units or the output folder
could not be used)."""
from __future__ import annotations

import argparse
import itertools
import os
import shutil
import sys
from pathlib import Path

from ..data import AREAS, FILES
from ..errors import Problem, message_language
from ..load import load_yaml
from ..model import Statuses, Units
from ..validate import Locations, build_file
from . import import_notice
from .pages import pages
from .write import write_data

UNITS = next(name for name, cls in FILES.items() if cls is Units)
STATUSES = next(name for name, cls in FILES.items() if cls is Statuses)


def add_parser(subparsers) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(
        "import", help="导入一份整改公告（文本、HTML 或 Word） / import a rectification notice (text, HTML or Word)",
        description="把公告转换为站点的数据（data/）和页面（docs/），并列出未能归位或解析的内容。 "
                    "Turns a notice into a site's data (data/) and pages (docs/), and lists what it could not place or parse.")
    parser.add_argument("notice", type=Path, help="公告文件：.txt（UTF-8 或 GB18030）、.html 或 .docx / the notice file")
    parser.add_argument("-o", "--output", type=Path, required=True, help="输出文件夹 / the folder to write data/ and docs/ into")
    parser.add_argument("--units", type=Path, default=Path("data") / UNITS,
                        help="数字单位文件（默认 data/units.yaml；输出文件夹已有时用它的） / the units figures may be in "
                             "(default: DIR/data/units.yaml if present, else data/units.yaml)")
    parser.add_argument("--statuses", type=Path, default=Path("data") / STATUSES,
                        help="整改状态词表（默认 data/statuses.yaml；输出文件夹已有时用它的） / the status vocabulary "
                             "(default: DIR/data/statuses.yaml if present, else data/statuses.yaml)")
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


def _read(path: Path, cls):
    """A site's own file that the notice does not give (units, statuses): the object, and its problems."""
    data, problems = load_yaml(path, str(path))
    if data is None:
        return None, problems
    built, found = build_file(cls, data, str(path), Locations())
    return built, problems + found


def _own_file(data_dir: Path, name: str, default: Path) -> Path:
    return data_dir / name if (data_dir / name).is_file() else default


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
    refusal = _refusal(args.output, args.force)
    if refusal:
        zh, en, paths = refusal
        print(_say(zh, en), file=sys.stderr)
        for path in paths[:SHOWN_AT_MOST]:
            print(f"  {path}", file=sys.stderr)
        if len(paths) > SHOWN_AT_MOST:
            print("  …", file=sys.stderr)
        return 2
    data_dir, docs_dir = args.output / "data", args.output / "docs"
    units_file, statuses_file = _own_file(data_dir, UNITS, args.units), _own_file(data_dir, STATUSES, args.statuses)
    own = {}
    for path, cls, (zh, en) in ((units_file, Units, ("单位", "units")), (statuses_file, Statuses, ("状态", "statuses"))):
        own[cls], problems = _read(path, cls)
        if own[cls] is None or problems:
            _print_problems(problems, (f"{zh}文件有 {{count}} 处问题：", f"{{count}} problem(s) in the {en} file:"))
            return 2
    imported = import_notice(args.notice, own[Units].units, statuses=own[Statuses].statuses)
    if not imported.lines:
        _print_problems(imported.report, ("无法导入，{count} 处问题：", "Nothing imported, {count} problem(s):"))
        return 2
    try:
        written = _write(imported, args, units_file)
    except OSError as error:
        where = error.filename or args.output
        print(_say(f"无法写入 {where}（{error.strerror}）；输出文件夹中可能只写了一部分",
                   f"Cannot write {where} ({error.strerror}); the output folder may be written in part"), file=sys.stderr)
        return 2
    site = imported.site
    print(_say(f"已写入 {len(written)} 个文件到 {args.output}：{len(site.areas)} 个方面，"
               f"{sum(len(a.measures) for a in site.areas)} 项措施，{len(site.round.totals.declared())} 个总数。",
               f"Wrote {len(written)} files to {args.output}: {len(site.areas)} areas, "
               f"{sum(len(a.measures) for a in site.areas)} measures, {len(site.round.totals.declared())} totals."))
    print(_say("英文内容留空待译；检查数据可列出每一处。", "English is left empty for translation; checking the data lists each field."))
    if imported.report:
        _print_problems(imported.report, ("请核对以下 {count} 处（未能归位、解析或有推断）：",
                                          "Check these {count} place(s) (not placed, not parsed, or guessed):"))
        return 1
    return 0


def _write(imported, args, units_file: Path) -> list[Path]:
    """Write the data files and pages; units.yaml and statuses.yaml already there are kept."""
    data_dir, docs_dir = args.output / "data", args.output / "docs"
    # units.yaml and statuses.yaml are kept: they say how this site writes its units and statuses.
    kept = [name for name in (UNITS, STATUSES) if (data_dir / name).is_file()]
    if (data_dir / AREAS).exists():
        shutil.rmtree(data_dir / AREAS)  # the areas of an earlier import would stay beside the new ones
    written = write_data(imported.site, data_dir, args.notice.name, imported.origins, keep=kept)
    if not (data_dir / UNITS).exists():
        shutil.copyfile(units_file, data_dir / UNITS)
        written.append(data_dir / UNITS)
    for name, text in pages(imported.site).items():
        path = docs_dir / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
