"""Synthetic sites at k times the seed, for the benchmark only (never data/).

At scale k the site has k times the seed's areas, and so k times its measures
and figures: each synthetic area mirrors one seed area (its number of measures,
and each measure's figures with their values and units), with new text, in new
blocks of the notice in place of the seed's areas. The text is a random walk
over word pairs of the seed's own text, in each language, so that jieba
segments it and search indexes it as it would the real notice. Chinese words
are cut by jieba, English words by spaces.

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
from gongshi.format import chinese_numeral, format_value
from gongshi.model import Site
from gongshi.validate import printed

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
    return [printed(block, lang) for block in site.notice.blocks if block.kind in ("heading", "paragraph")]


def _written(site: Site, figure, lang: str) -> str:
    return site.unit(figure.unit).writes[lang].replace("{n}", format_value(figure.value, lang))


@dataclass(frozen=True)
class Seed:
    """What the writers draw from: the seed's data folder, its site and vocabulary."""

    dir: Path
    site: Site
    vocab: dict[str, Vocabulary]
    rng: random.Random

    @property
    def languages(self) -> tuple[str, ...]:
        return self.site.languages

    def text(self, like: str, lang: str, inserts: tuple[str, ...] = ()) -> str:
        """New text as long as `like`, holding each of `inserts` as a word."""
        return self.vocab[lang].text(self.rng, len(like), inserts)

    def title(self, like: str, lang: str) -> str:
        return self.vocab[lang].title(self.rng, len(like))


def _figure(figure) -> dict:
    data = {"value": figure.value, "unit": str(figure.unit), "label": dict(figure.label)}
    return data if figure.id is None else {"id": str(figure.id), **data}


def _block(seed: Seed, block_id: str, like, inserts: dict | None = None) -> dict:
    """A new block shaped like block `like`: its number and kind, new lead and text."""
    block = {"id": block_id}
    if like.kind != "paragraph":
        block |= {"kind": like.kind, "level": like.level}
    if like.number is not None:
        block["number"] = dict(like.number)
    if like.lead is not None:
        block["lead"] = {lang: seed.title(like.lead[lang], lang) + _ENDS[lang] for lang in seed.languages}
    if like.text is not None:
        block["text"] = {lang: seed.text(like.text[lang], lang, tuple((inserts or {}).get(lang, ()))) for lang in seed.languages}
    return block


def _heading_number(like, number: int) -> dict:
    """The k-th copy's areas are numbered on from the seed's: 十二、, 12. …"""
    return {lang: (f"{chinese_numeral(number)}、" if lang == "zh" else f"{number}.") for lang in like.number}


def write_notice_and_areas(seed: Seed, scale: int) -> dict[str, dict]:
    """The seed's notice with its areas' part replaced by k copies of it, each
    with new text, and an area file pointing to each copy's blocks."""
    site, order = seed.site, seed.site.block_order
    blocks = list(site.notice.blocks)
    first = order[site.areas[0].block]
    last = max(order[item.block] for item in site.areas[-1].items()) if site.areas[-1].measures else order[site.areas[-1].block]
    copies, files = [], {}
    for copy in range(scale):
        for index, seed_area in enumerate(site.areas):
            if seed_area.problems or seed_area.declared is not None:
                # Counts copied from the seed would not add up to the round's totals.
                raise ValueError("the seed's areas list problems or declare counts: bench/synth.py does not scale them yet")
            number = copy * len(site.areas) + index + 1
            area_id = f"{seed_area.id}-{copy + 1}"
            heading = _block(seed, area_id, site.block(seed_area.block))
            heading["number"] = _heading_number(site.block(seed_area.block), number)
            copies.append(heading)
            measures = []
            for measure in seed_area.measures:
                inserts = {lang: [_written(site, f, lang) for f in measure.figures] for lang in seed.languages}
                block_id = f"{measure.id}-{copy + 1}"
                copies.append(_block(seed, block_id, site.block(measure.block), inserts))
                measures.append({"block": block_id, "figures": [_figure(f) for f in measure.figures]})
            files[f"{AREAS}/{number:04d}-{area_id}.yaml"] = {"id": area_id, "block": area_id, "measures": measures}
    kept = [_kept_block(block) for block in blocks[:first] + blocks[last + 1:]]
    files["notice.yaml"] = {"date": site.notice.date.isoformat(), "blocks": kept[:first] + copies + kept[first:]}
    return files


def _kept_block(block) -> dict:
    """A block of the seed as its YAML says it."""
    data = {"id": str(block.id)}
    if block.kind != "paragraph":
        data["kind"] = block.kind
    if block.level is not None:
        data["level"] = block.level
    for part in ("number", "label", "lead", "text"):
        if getattr(block, part) is not None:
            data[part] = dict(getattr(block, part))
    return data


def copy_the_other_files(seed: Seed, scale: int) -> dict[str, Path]:
    """Round, contact, units, statuses, updates and site settings as the seed
    has them: they do not grow with the site, and what they cite lies outside
    the areas' part of the notice. (The seed's updates state no status per
    measure, so there is nothing in them to multiply.)"""
    return {name: seed.dir / name for name in FILES if name != "notice.yaml"}


# Each writer returns {path under data/: YAML content, or a file to copy}.
WRITERS = [copy_the_other_files, write_notice_and_areas]


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
    vocab = {lang: Vocabulary(_texts(site, lang), lang) for lang in site.languages}
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
