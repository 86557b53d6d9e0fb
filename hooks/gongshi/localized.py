"""The one rule between a page's source file and its language, as
mkdocs-static-i18n's suffix structure has it: `x.md` is in the site's first
language, `x.LANG.md` in language LANG. Any language the engine knows can be
a suffix; a file in a language the site does not list is not built."""
from __future__ import annotations

from .labels import LANGUAGES


def localized(path: str, lang: str, languages) -> str:
    """The source of page `path` (named in the first language) in `lang`:
    "about.md" → "about.en.md"; the first language's is `path` itself."""
    if lang == languages[0]:
        return path
    stem, dot, extension = path.rpartition(".")
    return f"{stem}.{lang}{dot}{extension}"


def language_of(path: str) -> tuple[str, str | None]:
    """A source file's page and language: "about.en.md" → ("about.md", "en");
    "about.md" → ("about.md", None), None being the site's first language."""
    stem, dot, extension = path.rpartition(".")
    base, _, suffix = stem.rpartition(".")
    if base and suffix in LANGUAGES:
        return f"{base}{dot}{extension}", suffix
    return path, None


def in_language(path: str, languages) -> str | None:
    """The language `path` is in on a site of `languages`, or None when the
    site does not list the language of its suffix."""
    _, lang = language_of(path)
    if lang is None:
        return languages[0]
    return lang if lang in languages else None
