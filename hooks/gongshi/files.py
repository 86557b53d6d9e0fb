"""The project's own files: which of them may be read, and reading them with a
message, never a traceback, for what cannot be read.

A pull request adds a link (symlink) as easily as a file. MkDocs publishes
whatever a link under docs/ leads to, and a data file read through a link
shows its first characters in a message, so a link out of the project would
put a file of the machine that builds the site on a page, in the search index
or in a CI log. Nothing is read through such a link: a link must lead to a
file of the project itself, outside its hidden folders (.git holds the CI's
credentials, .venv the installed packages). A link to a folder is refused
outright: MkDocs walks into it, and one that leads back up walks forever.
"""
from __future__ import annotations

import os
from pathlib import Path, PurePosixPath

from .errors import Problem

# Every file under these is published or read by the build: pages and their
# files (docs/), templates and their assets (overrides/).
READ_WHOLE = ("docs", "overrides")
# MkDocs reads it before any hook runs.
CONFIG = "mkdocs.yml"
# A page or data file is text: the notice of a site of 1,100 areas (100× the
# seed, bench/) is 6 MB; anything larger is a mistake (a pasted export, a
# binary), and reading it would stall every preview.
MAX_BYTES = 16 * 1024 * 1024


def own_file(path: Path, root: Path) -> bool:
    """Whether `path`, any links followed, is a file of the project at `root`
    outside its hidden folders."""
    try:
        target = path.resolve(strict=True)
        inside = target.relative_to(Path(root).resolve())
    except (OSError, RuntimeError, ValueError):  # no such file, a loop of links, or outside
        return False
    return target.is_file() and not any(part.startswith(".") for part in inside.parts)


def inner_path(relative: str) -> bool:
    """Whether `relative` names a place inside a folder: not absolute, no `..`, no host (//)."""
    path = PurePosixPath(relative)
    return not relative.startswith(("/", "\\")) and ".." not in path.parts and ":" not in relative


def _via_link(path: Path, root: Path) -> bool:
    """Whether a link lies on the way from `root` to `path` (the path itself included)."""
    if path.is_symlink():
        return True  # realpath() leaves a link that leads to itself as it is
    try:
        real = Path(os.path.realpath(path)).relative_to(os.path.realpath(root))
    except ValueError:
        return True
    return real != path.absolute().relative_to(Path(root).absolute())


def _leads_to(path: Path) -> str:
    target = os.readlink(path) if path.is_symlink() else os.path.realpath(path)
    return target if target.isprintable() else ascii(target)


def link_problem(path: Path, root: Path) -> Problem | None:
    """A problem if the way to `path` passes a link the project may not be read
    through: one to a folder, or one that leads out of the project or nowhere."""
    if not _via_link(path, root):
        return None
    shown, target = path.absolute().relative_to(Path(root).absolute()).as_posix(), _leads_to(path)
    if path.is_symlink() and path.is_dir():
        return Problem(shown, 1, f"this is a link to the folder {target}; the site reads no folder through a link: "
                                 "put the folder itself here",
                       f"这是指向文件夹 {target} 的链接；本站不通过链接读取文件夹，请把文件夹本身放在这里")
    if own_file(path, root):
        return None
    return Problem(shown, 1, f"this leads through a link to {target}, which is not a file of the project (or is in a "
                             "hidden folder); the site reads and publishes only the project's own files: put the file itself here",
                   f"这里经由链接指向 {target}，而它不是本项目中的文件（或位于隐藏文件夹中）；"
                   "本站只读取和发布本项目自己的文件，请把文件本身放在这里")


def link_problems(root: Path) -> list[Problem]:
    """Every link under the folders the build reads whole, and mkdocs.yml,
    that leads out of the project or to a folder; and those folders
    themselves, when they are links."""
    root = Path(root)
    problems = []
    for name in (*READ_WHOLE, CONFIG):
        top = root / name
        problem = link_problem(top, root)
        if problem:
            problems.append(problem)
        elif top.is_dir():
            for folder, folders, files in os.walk(top):
                found = (link_problem(Path(folder) / entry, root) for entry in sorted(folders + files))
                problems += [problem for problem in found if problem]
    return problems


def read_text(path: Path, shown: str, kind: tuple[str, str] = ("a file here", "这里的文件")) -> tuple[str | None, Problem | None]:
    """The UTF-8 text of a file of the project, or the problem that stops it
    being read; `kind` names the file in the message about its size."""
    try:
        if path.is_dir():
            return None, Problem(shown, 1, "this is a folder, but its name is that of a file; rename it",
                                 "这是一个文件夹，但名字是文件的名字；请给它改名")
        size = path.stat().st_size
        if size > MAX_BYTES:
            mb, most = f"{size / 2**20:.1f}", MAX_BYTES // 2**20
            return None, Problem(shown, 1, f"the file is {mb} MB; {kind[0]} may be at most {most} MB",
                                 f"文件大小为 {mb} MB；{kind[1]}最大只能是 {most} MB", 1)
        raw = path.read_bytes()
    except OSError as error:
        return None, Problem(shown, 1, f"cannot read the file ({error.strerror})", f"无法读取文件（{error.strerror}）")
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, Problem(shown, line, "the file is not UTF-8 text; save it as UTF-8", "文件不是 UTF-8 编码；请以 UTF-8 编码保存")
