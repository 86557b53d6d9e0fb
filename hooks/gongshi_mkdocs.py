"""MkDocs hooks: a thin adapter from MkDocs events to the gongshi engine.

mkdocs-static-i18n builds once per language, so every event below runs again
for each language; the engine caches the loaded data between them.
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File
from pathspec.gitignore import GitIgnoreSpec

from gongshi.data import load_site
from gongshi.errors import InputError, message_language
from gongshi.model import LANGUAGES
from gongshi.render import AREA_PAGES, Context, area_page, contact_html, fill_markers

log = get_plugin_logger("gongshi")

# Material writes the whole nav into every page, so listing N areas costs N × pages:
# at 1,100 areas, most of a build (bench/README.md). A sidebar that long is not read
# anyway; past this many, areas/index.md (a card for each area) leads to them.
NAV_AREAS_MAX = 30


# The site as this build pass loaded it. Every pass (each language, each rebuild
# under `mkdocs serve`) starts with on_config, which loads it once; the later
# events reuse it rather than re-reading every data file for every page.
_loaded = {}


def _load(config):
    data_dir = Path(config.config_file_path).parent / "data"
    try:
        _loaded["site"] = load_site(data_dir)
    except InputError as error:
        raise PluginError(_report(error)) from None
    return _loaded["site"]


def _site(config):
    """The site this build pass loaded in on_config."""
    return _loaded["site"]


def _report(error: InputError) -> str:
    lang = message_language()
    count = len(error.problems)
    head = f"发现 {count} 处问题：" if lang == "zh" else f"{count} problem(s) found:"
    return f"{head}\n{error.format(lang)}"


def _language(config) -> str:
    """The language being built (not the language of a page's source file)."""
    return config.plugins["i18n"].current_language or LANGUAGES[0]


def _area_sources(site) -> dict[str, str]:
    """Generated area pages: source path → Markdown, one per area and language."""
    pages = {}
    for area in site.areas:
        for lang in LANGUAGES:
            suffix = "" if lang == LANGUAGES[0] else f".{lang}"
            pages[f"{AREA_PAGES}/{area.id}{suffix}.md"] = area_page(area.id)
    return pages


def on_config(config):
    """Load the data; list the area pages in the nav section that holds areas/index.md,
    or, past NAV_AREAS_MAX, leave them to the cards on that page."""
    site = _load(config)
    if len(site.areas) > NAV_AREAS_MAX:
        _not_in_nav(config, f"/{AREA_PAGES}/*.md")
        return config
    index = f"{AREA_PAGES}/index.md"
    for section in config.nav or []:
        for title, children in section.items() if isinstance(section, dict) else ():
            if isinstance(children, list) and index in children:
                section[title] = [index] + [f"{AREA_PAGES}/{area.id}.md" for area in site.areas]
    return config


def _not_in_nav(config, pattern: str):
    """Add a pattern to `not_in_nav` (once: on_config runs again for each language)."""
    known = config.not_in_nav
    if known is None or pattern not in [p.pattern for p in known.patterns]:
        spec = GitIgnoreSpec.from_lines([pattern])
        config.not_in_nav = spec if known is None else known + spec


def on_pre_build(config):
    config.extra["gongshi"] = {"contact": contact_html(_site(config), _language(config))}


@event_priority(50)
def _add_area_placeholders(files, config):
    # Added before i18n sorts files into languages, so that the generated pages
    # get their /en/ URLs, language switcher and sitemap entries.
    for uri in _area_sources(_site(config)):
        if files.get_file_from_path(uri) is None:
            files.append(File(uri, config.docs_dir, config.site_dir, config.use_directory_urls))
    return files


@event_priority(-200)
def _fill_area_placeholders(files, config):
    sources = _area_sources(_site(config))
    for file in files:
        for uri in (file.src_uri, getattr(file, "original_src_uri", None)):
            if uri in sources:
                file.content_string = sources[uri]
                file.generated_by = "gongshi"
    return files


on_files = CombinedEvent(_add_area_placeholders, _fill_area_placeholders)


def on_page_markdown(markdown, page, config, files):
    ctx = Context(site=_site(config), lang=_language(config), page=page.file.src_uri)
    shown_as = "docs/" + page.file.src_uri if page.file.generated_by is None else f"(generated) {page.file.src_uri}"
    # MkDocs strips front matter before this event; count its lines back in.
    source = page.file.content_string
    first_line = source[: max(source.rfind(markdown), 0)].count("\n") + 1
    try:
        return fill_markers(markdown, ctx, shown_as, first_line)
    except InputError as error:
        raise PluginError(_report(error)) from None
