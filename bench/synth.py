"""Synthetic sites at k times the seed, for the benchmark only (never data/).

At scale k the site has k times the seed's areas, and so k times its measures
and figures: each synthetic area mirrors one seed area (its number of measures,
and each measure's figures with their values and units), with new text. The text
is a random walk over word pairs of the seed's own text, in each language, so
that jieba segments it and search indexes it as it would the real notice.
Chinese words are cut by jieba, English words by spaces.

Each data file is written by one function in WRITERS; a new kind of data (say,
statuses per measure in the updates) is one more function there.
"""
from __future__ import annotations

import random
import shutil
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import jieba
import yaml

from gongshi.check import schema_line
from gongshi.data import AREAS, FILES, load_site
from gongshi.format import format_value
from gongshi.model import LANGUAGES, Site

ROOT = Path(__file__).resolve().parent.parent
# What a project folder holds besides data/: copied as they are.
SOURCES = ["mkdocs.yml", "docs", "hooks", "overrides"]
_ENDS = {"zh": "。", "en": "."}
_PAUSES = {"zh": "，", "en": ","}  # after an inserted figure, so that two figures never touch
_JOIN = {"zh": "", "en": " "}


class Vocabulary:
    """Which word follows which in the seed's texts of one language."""

    def __init__(self, texts: list[str], lang: str):
        self.lang = lang
        self.following: dict[str, list[str]] = defaultdict(list)
        self.starts: list[str] = []
        for text in texts:
            words = [w for w in _words(text, lang) if _usable(w, lang)]
            if words:
                self.starts.append(words[0])
            for word, after in zip(words, words[1:]):
                self.following[word].append(after)

    def words(self, rng: random.Random, length: int) -> list[str]:
        """About `length` characters of words, as a list."""
        words, size = [], 0
        word = rng.choice(self.starts)
        while size < length:
            words.append(word)
            size += len(word) + len(_JOIN[self.lang])
            word = rng.choice(self.following.get(word) or self.starts)
        return words

    def text(self, rng: random.Random, length: int, inserts: tuple[str, ...] = ()) -> str:
        """A paragraph of about `length` characters holding each of `inserts` as a word."""
        words = self.words(rng, max(length, 1))
        for insert in inserts:
            words.insert(rng.randrange(len(words) + 1), insert + _PAUSES[self.lang])
        text = _JOIN[self.lang].join(words).strip()
        return text if text.endswith(_ENDS[self.lang]) else text + _ENDS[self.lang]

    def title(self, rng: random.Random, length: int) -> str:
        return _JOIN[self.lang].join(self.words(rng, max(length, 1))).strip(" 。.，,；;、")


def _usable(word: str, lang: str) -> bool:
    """Numbers are left out: a digit (or the "." of "@qq.com") next to an inserted
    figure would change the number the text quotes."""
    if not word.strip() or any(c.isdigit() for c in word):
        return False
    return lang != "zh" or not any(c.isascii() for c in word)


def _words(text: str, lang: str) -> list[str]:
    return jieba.lcut(text) if lang == "zh" else text.split()


def _texts(site: Site, lang: str) -> list[str]:
    notice = site.notice
    texts = [notice.intro, notice.commitment, notice.summary, notice.next_steps_intro, notice.closing]
    for area in site.areas:
        texts += [area.title, area.problem]
    for measure in [m for a in site.areas for m in a.measures] + list(notice.approach + notice.next_steps):
        texts += [measure.title, measure.text]
    return [text[lang] for text in texts]


def _written(site: Site, figure, lang: str) -> str:
    return getattr(site.unit(figure.unit), lang).replace("{n}", format_value(figure.value, lang))


@dataclass(frozen=True)
class Seed:
    """What the writers draw from: the seed's data folder, its site and vocabulary."""

    dir: Path
    site: Site
    vocab: dict[str, Vocabulary]
    rng: random.Random

    def text(self, like, inserts: dict | None = None) -> dict:
        """New text as long as `like` in every language, holding `inserts[lang]` as words."""
        return {lang: self.vocab[lang].text(self.rng, len(like[lang]), tuple((inserts or {}).get(lang, ())))
                for lang in LANGUAGES}

    def title(self, like) -> dict:
        return {lang: self.vocab[lang].title(self.rng, len(like[lang])) for lang in LANGUAGES}


def _figure(figure) -> dict:
    data = {"value": figure.value, "unit": str(figure.unit), "label": {"zh": figure.label.zh, "en": figure.label.en}}
    return data if figure.id is None else {"id": str(figure.id), **data}


def write_areas(seed: Seed, scale: int) -> dict[str, dict]:
    """k copies of the seed's areas, numbered on, each with new text."""
    files = {}
    for copy in range(scale):
        for seed_area in seed.site.areas:
            number = copy * len(seed.site.areas) + seed_area.number
            area_id = f"{seed_area.id}-{copy + 1}"
            measures = []
            for measure in seed_area.measures:
                inserts = {lang: [_written(seed.site, f, lang) for f in measure.figures] for lang in LANGUAGES}
                measures.append({
                    "id": str(measure.id),
                    "title": seed.title(measure.title),
                    "text": seed.text(measure.text, inserts),
                    "figures": [_figure(f) for f in measure.figures],
                })
            area = {"id": area_id, "number": number}
            if seed_area.aspect is not None:
                area["aspect"] = seed.title(seed_area.aspect)
            area |= {"title": seed.title(seed_area.title), "problem": seed.title(seed_area.problem)}
            if seed_area.status is not None:
                area["status"] = seed.title(seed_area.status)
            area["measures"] = measures
            if seed_area.declared is not None:
                # Counts copied from the seed would not add up to the round's totals.
                raise ValueError("the seed's areas declare counts: bench/synth.py does not scale them yet")
            files[f"{AREAS}/{number:04d}-{area_id}.yaml"] = area
    return files


def copy_the_other_files(seed: Seed, scale: int) -> dict[str, Path]:
    """Round, notice, contact, units, statuses, updates and site settings as the
    seed has them: they do not grow with the site. (The seed's updates state no
    status per measure, so there is nothing in them to multiply.)"""
    return {name: seed.dir / name for name in FILES}


# Each writer returns {path under data/: YAML content, or a file to copy}.
WRITERS = [copy_the_other_files, write_areas]


def copy_sources(target: Path, parts: list[str] = SOURCES, root: Path = ROOT) -> Path:
    """Copy these files and folders of the project at `root` into a new folder `target`."""
    target.mkdir(parents=True, exist_ok=True)
    for part in parts:
        source = root / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / part)
    return target


def make_project(target: Path, scale: int, seed_dir: Path = ROOT / "data", random_seed: int = 8) -> Path:
    """A complete project folder at `target`: the real sources, with synthetic data."""
    copy_sources(target)
    site = load_site(seed_dir)
    jieba.setLogLevel(60)  # its dictionary-loading chatter is not ours to print
    vocab = {lang: Vocabulary(_texts(site, lang), lang) for lang in LANGUAGES}
    seed = Seed(seed_dir, site, vocab, random.Random(random_seed))
    for writer in WRITERS:
        for name, content in writer(seed, scale).items():
            path = target / "data" / name
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, Path):
                shutil.copy2(content, path)
            else:
                # The schema line first, as `gongshi check` asks of every data file.
                text = yaml.safe_dump(content, allow_unicode=True, sort_keys=False, width=10**6)
                path.write_text(f"{schema_line(path, target / 'data')}\n{text}", encoding="utf-8")
    return target
