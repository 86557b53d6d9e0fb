"""Load the data folder into a validated Site: the pipeline's first two steps."""
from __future__ import annotations

import hashlib
from pathlib import Path

from .errors import InputError, Problem
from .files import link_problem, own_file
from .load import load_yaml
from .model import Area, Contact, Notice, Round, Site, SiteInfo, Statuses, Units, Updates
from .validate import Locations, build_file, check_files, check_site

# One file per kind; every file in data/areas/ is one area.
FILES = {"round.yaml": Round, "notice.yaml": Notice, "contact.yaml": Contact, "units.yaml": Units,
         "statuses.yaml": Statuses, "updates.yaml": Updates, "site.yaml": SiteInfo}
AREAS = "areas"

_cache: dict[tuple, Site] = {}


def data_files(data_dir: Path) -> list[Path]:
    return [data_dir / name for name in FILES] + sorted((data_dir / AREAS).glob("*.yaml"))


def load_site(data_dir: Path) -> Site:
    """Load and validate every data file. Raises InputError listing all problems.

    The result is cached on the files' contents, so the build of each language
    (and an unchanged rebuild under `mkdocs serve`) reuses it."""
    # Absolute, not resolved: a data/ that is a link must not move the project to where it leads.
    data_dir = Path(data_dir).absolute()
    key = tuple((str(p), _digest(p, data_dir.parent)) for p in data_files(data_dir))
    if key not in _cache:
        _cache.clear()
        _cache[key] = _load(data_dir)
    return _cache[key]


def _digest(path: Path, root: Path) -> str | None:
    if not own_file(path, root):
        return None  # never read: _load reports it
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def _load(data_dir: Path) -> Site:
    root = data_dir.parent
    locations = Locations()
    problems: list[Problem] = []
    built = {}

    def read(path: Path, cls):
        shown = path.relative_to(root).as_posix()
        refused = link_problem(path, root)
        if refused:
            problems.append(refused)
            return None
        data, found = load_yaml(path, shown)
        problems.extend(found)
        if data is None:
            return None
        obj, found = build_file(cls, data, shown, locations)
        problems.extend(found)
        return obj

    for name, cls in FILES.items():
        built[name] = read(data_dir / name, cls)
    area_paths = sorted((data_dir / AREAS).glob("*.yaml"))
    areas = [read(path, Area) for path in area_paths]
    if not areas:
        problems.append(Problem(f"{data_dir.name}/{AREAS}/", 1, "no area files; add one YAML file per area",
                                "没有任何方面的数据文件；请为每个方面添加一个 YAML 文件"))
    if problems:
        raise InputError(problems)

    site = Site(
        round=built["round.yaml"],
        notice=built["notice.yaml"],
        contact=built["contact.yaml"],
        units=built["units.yaml"].units,
        areas=tuple(sorted(areas, key=lambda area: area.number)),
        info=built["site.yaml"],
        area_files={area.id: path.relative_to(root).as_posix() for area, path in zip(areas, area_paths)},
        statuses=built["statuses.yaml"].statuses,
        progress=built["updates.yaml"],
    )
    problems = check_site(site, locations) + check_files(site, root / "docs", locations)
    if problems:
        raise InputError(problems)
    return site
