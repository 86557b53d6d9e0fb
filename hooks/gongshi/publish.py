"""Build the site and publish it into site/ whole: what `make site` runs.

A build that ends with exit status 0 has published a whole site, and a build
that fails, is interrupted or runs out of disk leaves the last good site/ as it
was and removes what it wrote.

- One build at a time: a lock (.site.lock beside site/) makes two `make site`
  at once build and publish one after the other.
- Each build writes into a folder of its own beside site/ (.site-build-…),
  which is removed when it ends, however it ends; one left by a build killed
  outright (SIGKILL) is removed by the next.
- The swap: where site/ is a plain folder, the two folders trade places in one
  atomic rename (renameat2 with RENAME_EXCHANGE), so that site/ is at every
  moment the old site or the new one. Where it cannot be (site/ is a mount
  point, or the file system has no such rename), the new files are first
  copied into site/ under names of their own, then each renamed over its old
  one, and only then are the stale files removed: site/ is never empty, and a
  build that fails while copying leaves it as it was.
"""
from __future__ import annotations

import argparse
import contextlib
import ctypes
import errno
import fcntl
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

from .errors import message_language

_AT_FDCWD, _RENAME_EXCHANGE = -100, 2


class PublishError(Exception):
    """The new site cannot be published; said in English and Chinese."""

    def __init__(self, en: str, zh: str):
        super().__init__(en)
        self.en, self.zh = en, zh


def _say(en: str, zh: str) -> None:
    print(f"gongshi: {zh if message_language() == 'zh' else en}", file=sys.stderr)


def _lock_path(site: Path) -> Path:
    return site.parent / f".{site.name}.lock"


def _build_prefix(site: Path) -> str:
    return f".{site.name}-build-"


@contextlib.contextmanager
def _locked(site: Path):
    """Hold the lock of `site` (waiting for another build to finish); the
    system releases it when the process ends, however it ends."""
    with open(_lock_path(site), "a") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            _say(f"another build is publishing {site.name}/; this one waits for it",
                 f"另一次构建正在发布 {site.name}/；本次构建等它完成")
            fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def _stop_on_signals():
    """SIGTERM and SIGHUP end the build as Ctrl-C does: by an exception, so
    that the build's folder is removed and MkDocs stopped on the way out."""
    def stop(number, _frame):
        raise KeyboardInterrupt(signal.Signals(number).name)

    for number in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(number, stop)


def _new_build_folder(site: Path) -> Path:
    """A folder of this build's own beside site/ (so that a rename can swap
    them), with the permissions a folder made by MkDocs would have."""
    for stale in site.parent.glob(_build_prefix(site) + "*"):
        _remove(stale)  # left by a build killed outright: no other build runs while we hold the lock
    folder = Path(tempfile.mkdtemp(prefix=_build_prefix(site), dir=site.parent))
    umask = os.umask(0)
    os.umask(umask)
    folder.chmod(0o777 & ~umask)
    return folder


def _remove(path: Path) -> None:
    if path.is_symlink() or path.is_file():
        path.unlink(missing_ok=True)
    elif path.exists():
        shutil.rmtree(path, ignore_errors=True)


def _exchange(first: Path, second: Path) -> None:
    """Swap two folders in one atomic rename; OSError where the system cannot."""
    rename = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    if rename is None:
        raise OSError(errno.ENOSYS, "renameat2 is not available")
    if rename(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE) != 0:
        number = ctypes.get_errno()
        raise OSError(number, os.strerror(number))


def _copy_into(new: Path, site: Path) -> None:
    """Publish the files of `new` into the folder `site` without ever leaving
    it empty: copy everything in under names of its own first (a folder that
    site/ lacks, or has as a file, whole), then rename each over what it
    replaces, then remove what the new site does not have."""
    token = secrets.token_hex(4)
    staged = []  # (copy under a name of its own, where it goes)

    def staging(target: Path) -> Path:
        return target.with_name(f".{target.name}.{token}.new")

    try:
        for folder, folders, files in os.walk(new):
            target = site / Path(folder).relative_to(new)
            for name in sorted(folders):
                if not (target / name).is_dir() or (target / name).is_symlink():
                    folders.remove(name)  # copied whole, not walked
                    staged.append((staging(target / name), target / name))
                    shutil.copytree(Path(folder) / name, staged[-1][0])
            for name in sorted(files):
                staged.append((staging(target / name), target / name))
                shutil.copyfile(Path(folder) / name, staged[-1][0])
    except BaseException:
        for copy, _ in staged:
            _remove(copy)
        raise
    for copy, target in staged:
        if target.is_symlink() or target.is_dir() != copy.is_dir():
            _remove(target)  # a file where the new site has a folder, or the other way round; else replaced at once
        os.replace(copy, target)
    for folder, folders, files in os.walk(site, topdown=False):
        for name in files + folders:
            path = Path(folder) / name
            if not (new / path.relative_to(site)).exists():
                _remove(path)


def _swap_in(build: Path, site: Path) -> None:
    """Make the finished build at `build` the site at `site`."""
    if site.is_symlink() or (site.exists() and not site.is_dir()):
        raise PublishError(f"{site} is not a folder (a link or a file); the build publishes only into a folder: remove it",
                           f"{site} 不是文件夹（是链接或文件）；构建只发布到文件夹中：请删除它")
    if not site.exists():
        build.rename(site)
        return
    if not os.path.ismount(site):
        try:
            _exchange(build, site)  # the old site is now at `build`, and goes with it
            return
        except OSError:
            pass  # a file system without the exchange: copy in
    _copy_into(build, site)


def _build_and_swap(site: Path) -> int:
    build = _new_build_folder(site)
    try:
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(build)]
        status = subprocess.run(command).returncode
        if status == 0:
            _swap_in(build, site)
        else:
            _say(f"the build failed; {site.name}/ stays as it was", f"构建失败；{site.name}/ 保持原样")
        return status
    finally:
        _remove(build)


def publish(site: Path) -> int:
    """Build with MkDocs in the current folder and publish into `site`; the exit status."""
    site = site.absolute()
    _stop_on_signals()
    try:
        with _locked(site):
            return _build_and_swap(site)
    except PublishError as error:
        _say(error.en, error.zh)
    except OSError as error:
        _say(f"the site could not be published ({error.strerror}); {site.name}/ stays as it was",
             f"无法发布网站（{error.strerror}）；{site.name}/ 保持原样")
    except KeyboardInterrupt:
        _say(f"the build was stopped; {site.name}/ stays as it was", f"构建被中止；{site.name}/ 保持原样")
        return 130
    return 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m gongshi.publish", description=__doc__.split("\n", 1)[0])
    parser.add_argument("site", type=Path, nargs="?", default=Path("site"), help="where to publish (default: site)")
    return publish(parser.parse_args(argv).site)


if __name__ == "__main__":
    sys.exit(main())
