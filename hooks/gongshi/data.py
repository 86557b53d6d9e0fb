"""Load the data folder into a validated Site: the pipeline's first two steps."""
from __future__ import annotations

import hashlib
import time
from pathlib import Path

from .errors import InputError, Problem
from .files import link_problem, own_file
from .labels import LANGUAGES
from .load import load_yaml
from .model import Area, Contact, Notice, Round, Site, SiteInfo, Statuses, Units, Updates
from .validate import Locations, build_file, check_files, check_site, site_languages

# One file per kind; every file in data/areas/ is one area. site.yaml comes
# first: its `languages` say which languages every text must have.
SITE_FILE = "site.yaml"
FILES = {SITE_FILE: SiteInfo, "notice.yaml": Notice, "round.yaml": Round, "contact.yaml": Contact,
         "units.yaml": Units, "statuses.yaml": Statuses, "updates.yaml": Updates}
AREAS = "areas"

_cache: dict[tuple, tuple[Site, Locations]] = {}


def data_files(data_dir: Path) -> list[Path]:
    return [data_dir / name for name in FILES] + sorted((data_dir / AREAS).glob("*.yaml"))


def load_site(data_dir: Path) -> Site:
    """Load and validate every data file. Raises InputError listing all problems.

    The result is cached on the files' sizes and times of change, so the build
    of each language (and an unchanged rebuild under `mkdocs serve`) reuses it."""
    return load_located(data_dir)[0]


def load_located(data_dir: Path) -> tuple[Site, Locations]:
    """The site, and where each of its objects is in data/: for checking a
    changed copy of the site (a new update) against the rest without reloading."""
    # Absolute, not resolved: a data/ that is a link must not move the project to where it leads.
    data_dir = Path(data_dir).absolute()
    key = tuple((str(p), _stamp(p, data_dir.parent)) for p in data_files(data_dir))
    if key not in _cache:
        _cache.clear()
        _cache[key] = _load(data_dir)
    return _cache[key]


# A file changed this recently may change again within the clock's step and
# keep its size: its contents are part of its stamp (as git does for "racily
# clean" files).
_RECENT_NS = 2 * 10**9


def _stamp(path: Path, root: Path) -> tuple | None:
    """What changes when a file is saved, mostly without reading it: hashing
    every data file took a second at 1,100 areas, and a build loads twice
    (the check, then the hook)."""
    try:
        found = path.stat()
        stamp = (found.st_dev, found.st_ino, found.st_size, found.st_mtime_ns)
        if time.time_ns() - found.st_mtime_ns < _RECENT_NS and own_file(path, root):
            stamp += (hashlib.sha256(path.read_bytes()).hexdigest(),)
        return stamp
    except OSError:
        return None  # _load reports it


def _load(data_dir: Path) -> tuple[Site, Locations]:
    root = data_dir.parent
    locations = Locations()
    problems: list[Problem] = []
    parsed = {}
    for path in data_files(data_dir):
        shown = path.relative_to(root).as_posix()
        refused = link_problem(path, root)
        if refused:
            problems.append(refused)
            parsed[path] = (shown, None)
            continue
        data, found = load_yaml(path, shown)
        problems.extend(found)
        parsed[path] = (shown, data)
    site_shown, site_data = parsed[data_dir / SITE_FILE]
    languages, found = site_languages(site_data, site_shown)
    problems.extend(found)
    # Where site.yaml does not say, the texts are checked in the first language the engine knows.
    languages = languages or LANGUAGES[:1]

    def build(path: Path, cls):
        shown, data = parsed[path]
        if data is None:
            return None
        obj, found = build_file(cls, data, shown, locations, languages)
        problems.extend(found)
        return obj

    built = {name: build(data_dir / name, cls) for name, cls in FILES.items()}
    area_paths = sorted((data_dir / AREAS).glob("*.yaml"))
    areas = [build(path, Area) for path in area_paths]
    if problems:
        raise InputError(problems)

    notice = built["notice.yaml"]
    order = {block.id: n for n, block in enumerate(notice.blocks)}
    site = Site(
        info=built[SITE_FILE],
        notice=notice,
        round=built["round.yaml"],
        contact=built["contact.yaml"],
        units=built["units.yaml"].units,
        # In the notice's order; an area whose block does not exist is reported by check_site.
        areas=tuple(sorted(areas, key=lambda area: order.get(area.block, len(order)))),
        statuses=built["statuses.yaml"].statuses,
        progress=built["updates.yaml"],
        area_files={area.id: path.relative_to(root).as_posix() for area, path in zip(areas, area_paths)},
    )
    problems = check_site(site, locations) + check_files(site, root / "docs", locations)
    if problems:
        raise InputError(problems)
    return site, locations
