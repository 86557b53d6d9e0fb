"""A hook added beside ours for one build, to make the plain-Material baseline.

It runs after every other hook and plugin has had its turn, and writes down
what ours produced: each page's Markdown with the markers filled (as a static
source file), the generated feeds, the nav and `not_in_nav`, and the `extra`
settings of each language. What our hook adds around a page's content (head
meta, footer, dates: gongshi.chrome), its search and open data are not
Markdown; the baseline goes without them, so they count as our cost. The folder
to write to is in $GONGSHI_BENCH_CAPTURE.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

import yaml
from mkdocs.plugins import event_priority

TARGET = Path(os.environ["GONGSHI_BENCH_CAPTURE"])
CAPTURED = TARGET / "captured.json"
# i18n writes the language switcher into `extra` itself, in both builds.
_I18N_EXTRA = {"alternate"}
_captured: dict = {"nav": None, "extra": {}}


def _language(config) -> str:
    return config.plugins["i18n"].current_language


# What a language of i18n says, as mkdocs.yml would write it.
_LANGUAGE_KEYS = ("locale", "name", "default", "build", "site_name", "site_description", "nav_translations")


@event_priority(-300)
def on_config(config):
    if _captured["nav"] is None:
        # Our hook sets these from the site's data (data/site.yaml); the baseline writes them down.
        _captured["nav"] = config.nav
        not_in_nav = config.not_in_nav.patterns if config.not_in_nav else []
        _captured["not_in_nav"] = "\n".join(pattern.pattern for pattern in not_in_nav)
        _captured["site_name"], _captured["site_description"] = config.site_name, config.site_description
        _captured["languages"] = [{key: language[key] for key in _LANGUAGE_KEYS if language[key] is not None}
                                  for language in config.plugins["i18n"].config.languages]


@event_priority(-300)
def on_pre_build(config):
    extra = {key: value for key, value in config.extra.items() if key not in _I18N_EXTRA}
    _captured["extra"][_language(config)] = extra
    CAPTURED.write_text(json.dumps(_captured, ensure_ascii=False, indent=1), encoding="utf-8")


@event_priority(-300)
def on_files(files, config):
    # Generated files that are not pages (the Atom feeds): as they are.
    for file in files:
        if file.generated_by and not file.is_documentation_page():
            target = TARGET / "docs" / file.src_uri
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(file.content_bytes)
    return files


@event_priority(-300)
def on_page_markdown(markdown, page, config, files):
    target = TARGET / "docs" / page.file.src_uri
    target.parent.mkdir(parents=True, exist_ok=True)
    front = f"---\n{yaml.safe_dump(page.meta, allow_unicode=True)}---\n\n" if page.meta else ""
    target.write_text(front + markdown, encoding="utf-8")
    return markdown
