"""MkDocs hooks: a thin adapter from MkDocs events to the gongshi engine.

mkdocs-static-i18n builds once per language, so every event below runs again
for each language. Each pass starts with on_config, which checks the project
and keeps the site it loaded for the pass's later events.
"""
from __future__ import annotations

import datetime
from pathlib import Path

from mkdocs.exceptions import Abort, PluginError
from mkdocs.plugins import CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File
from mkdocs.structure.nav import Section
from mkdocs.utils import normalize_url
from pathspec.gitignore import GitIgnoreSpec

from gongshi.check import check_project
from gongshi.chrome import dates_html, footer_html, head_html, page_url
from gongshi.data import load_site
from gongshi.errors import InputError, SearchError, message_language
from gongshi.export import write_export, write_sums
from gongshi.feed import atom_feed
from gongshi.history import staleness
from gongshi.labels import label
from gongshi.markup import esc
from gongshi.model import LANGUAGES
from gongshi.render import AREA_PAGES, SITEMAP_PLACEHOLDER, Context, area_page, fill_markers, sitemap_html
from gongshi.search import use_our_worker, write_indexes
from gongshi.segment import CACHE, check_installed
from gongshi.sections import page_sections

log = get_plugin_logger("gongshi")

# Material writes the whole nav into every page, so listing N areas costs N × pages:
# at 1,100 areas, most of a build (bench/README.md). A sidebar that long is not read
# anyway; past this many, areas/index.md (a card for each area) leads to them.
NAV_AREAS_MAX = 30


def _root(config) -> Path:
    return Path(config.config_file_path).parent


# The site as this build pass loaded it in on_config (each language, each
# rebuild under `mkdocs serve`). Asking load_site again for every page would
# hash every data file for every page: pages × files, most of a large build.
_loaded = {}


def _load(config):
    try:
        _loaded["site"] = load_site(_root(config) / "data")
    except InputError as error:
        raise PluginError(_report(error)) from None
    return _loaded["site"]


def _site():
    """The validated data of this build pass, loaded in on_config."""
    return _loaded["site"]


def _report(error: InputError) -> str:
    lang = message_language()
    count = len(error.problems)
    head = f"发现 {count} 处问题：" if lang == "zh" else f"{count} problem(s) found:"
    return f"{head}\n{error.format(lang)}"


def _language(config) -> str:
    """The language being built (not the language of a page's source file)."""
    return config.plugins["i18n"].current_language or LANGUAGES[0]


def _localized(path: str, lang: str) -> str:
    """The source path of a file in a language: x.md, x.en.md (i18n's suffix structure)."""
    stem, dot, extension = path.rpartition(".")
    return path if lang == LANGUAGES[0] else f"{stem}.{lang}{dot}{extension}"


FEED = "feed.xml"
FEEDS = {_localized(FEED, lang): lang for lang in LANGUAGES}


def _area_sources(site) -> dict[str, str]:
    """Generated area pages: source path → Markdown, one per area and language."""
    return {_localized(f"{AREA_PAGES}/{area.id}.md", lang): area_page(area.id) for area in site.areas for lang in LANGUAGES}


def _feed(site, config, lang: str) -> str:
    # The feed sits at the root of its language; links are relative to it,
    # and its entries link to their sections of docs/progress.md.
    progress = "progress/" if config.use_directory_urls else "progress.html"
    return atom_feed(site, lang, label(lang, "feed_title", site=config.site_name), progress, FEED)


# Set when the check stopped a build before MkDocs touched the site folder.
_stopped_before_writing = False


def on_config(config):
    """Check everything `gongshi check` checks before anything is built, then
    list the area pages in the nav section that holds areas/index.md, or, past
    NAV_AREAS_MAX, leave them to the cards on that page."""
    global _stopped_before_writing
    problems = check_project(_root(config))
    _stopped_before_writing = bool(problems)
    if problems:
        raise PluginError(_report(InputError(problems)))
    site = _load(config)  # the check has just loaded it: load_site's cache answers
    _skip_materials_index(config)
    if site.info.domain and not config.site_url:
        # Absolute addresses for sitemap.xml and canonical links.
        config.site_url = f"https://{site.info.domain}/"
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


def _skip_materials_index(config):
    """Material's search plugin would cut the text of every page with jieba into
    an index that on_post_build replaces with a stub (gongshi.search): keep its
    search box, not that work. Its on_config, which made the index, has run:
    plugins come before hooks at the same priority."""
    search = config.plugins.get("material/search")
    if search is not None:
        search.search_index.add_entry_from_context = lambda page: None


def on_serve(server, config, builder):
    """Under `mkdocs serve`, a rebuild that the check stopped leaves the last good
    preview as it was; keep serving it instead of stalling every request."""

    def build_or_keep_last_good(config=None):
        try:
            builder(config)
        except Abort:
            if not _stopped_before_writing:
                raise
            log.error("预览保持为上一次成功的版本，请修正上面的问题 / "
                      "the preview stays at the last good build; fix the problems above")

    server.builder = build_or_keep_last_good
    return server


def on_pre_build(config):
    lang = _language(config)
    config.extra["gongshi"] = {
        # For the <link> in <head>: the feed of this language, from the site's root.
        "feed": FEED if lang == LANGUAGES[0] else f"{lang}/{FEED}",
        "feed_title": esc(label(lang, "feed_title", site=config.site_name)),
    }
    _searchable(check_installed)
    _search_sections[lang] = []


@event_priority(50)
def _add_placeholders(files, config):
    # Added before i18n sorts files into languages, so that the generated pages
    # get their /en/ URLs, language switcher and sitemap entries, and the
    # feeds land at /feed.xml and /en/feed.xml.
    for uri in list(_area_sources(_site())) + list(FEEDS):
        if files.get_file_from_path(uri) is None:
            files.append(File(uri, config.docs_dir, config.site_dir, config.use_directory_urls))
    return files


@event_priority(-200)
def _fill_placeholders(files, config):
    # i18n has kept only this language's files, so a feed found here is in the build's language.
    site = _site()
    sources = _area_sources(site)
    for file in files:
        for uri in (file.src_uri, getattr(file, "original_src_uri", None)):
            if uri in sources:
                file.content_string = sources[uri]
            elif uri in FEEDS:
                file.content_string = _feed(site, config, FEEDS[uri])
            else:
                continue
            file.generated_by = "gongshi"
    return files


on_files = CombinedEvent(_add_placeholders, _fill_placeholders)


def _edit_url(config, page) -> str | None:
    """Edit links open the source a reader sees: an area's YAML file for the
    pages generated from it, the Markdown file otherwise."""
    base = config.extra.get("edit_base")
    if not base:
        return None
    if page.file.generated_by:
        area_id = page.file.src_uri.removeprefix(f"{AREA_PAGES}/").split(".")[0]
        return base + _site().area_files[area_id]
    return f"{base}docs/{page.file.src_uri}"


def on_page_markdown(markdown, page, config, files):
    page.edit_url = _edit_url(config, page)
    ctx = Context(site=_site(), lang=_language(config), page=page.file.src_uri,
                  edit_base=config.extra.get("edit_base") or "", root=_root_of(page.url))
    shown_as = "docs/" + page.file.src_uri if page.file.generated_by is None else f"(generated) {page.file.src_uri}"
    # MkDocs strips front matter before this event; count its lines back in.
    source = page.file.content_string
    first_line = source[: max(source.rfind(markdown), 0)].count("\n") + 1
    try:
        return fill_markers(markdown, ctx, shown_as, first_line)
    except InputError as error:
        raise PluginError(_report(error)) from None


# --- search: Material's box and list, our index and worker (gongshi.search) ---

# The sections of every page, by build language, for the indexes written once
# every language is built.
_search_sections: dict[str, list] = {}


def _searchable(call, *args):
    try:
        return call(*args)
    except SearchError as error:
        raise PluginError(error.format(message_language())) from None


def on_page_content(html, page, config, files):
    if not (page.meta.get("search") or {}).get("exclude"):
        _search_sections[_language(config)] += page_sections(page.url, page.title, html)
    return html


def on_post_page(output, page, config):
    return _searchable(use_our_worker, output, _language(config))


def _root_of(url: str) -> str:
    """The way from a page's URL (e.g. "en/areas/x/") to the top of the site."""
    return "../" * url.count("/")


def _chrome(config, src_uri: str | None, title: str, root: str) -> dict:
    """What the templates put around a page's content (overrides/main.html);
    `root` leads from the page to the top of the site."""
    site, lang = _site(), _language(config)
    return {
        "head": head_html(site, lang, src_uri, title, config.site_name),
        "dates": dates_html(site, lang) if src_uri else "",
        "footer": footer_html(site, lang, root),
        "elder": {"label": label(lang, "elder_mode"), "help": page_url(root, lang, "about/#elder-mode")},
    }


def _sitemap_entries(items, page) -> list[dict]:
    return [{"title": item.title, "url": None if isinstance(item, Section) else normalize_url(item.url, page),
             "children": _sitemap_entries(item.children, page) if isinstance(item, Section) else []}
            for item in items]


# Before the search plugin indexes the page, so that the site map is searchable too.
@event_priority(50)
def on_page_context(context, page, config, nav):
    if SITEMAP_PLACEHOLDER in page.content:
        page.content = page.content.replace(SITEMAP_PLACEHOLDER, sitemap_html(_sitemap_entries(nav.items, page)))
    context["gongshi"] = _chrome(config, page.file.src_uri, page.title, _root_of(page.url))
    return context


def on_template_context(context, template_name, config):
    """Pages without a Markdown source (404.html): the head and footer, no
    dates. The 404 page answers at any depth, so its links start at the
    site's own path ("/" unless site_url says otherwise)."""
    if template_name.endswith(".html"):
        context["gongshi"] = _chrome(config, None, "", context["base_url"].rstrip("/") + "/")
    return context


def on_post_template(output, template_name, config):
    """One 404 page answers for every language, and it speaks both: keep the
    default language's, which each later language build would overwrite. It
    has the search box too, so it gets our worker."""
    if template_name == "404.html" and _language(config) != LANGUAGES[0]:
        return ""  # MkDocs writes nothing for an empty template
    return _searchable(use_our_worker, output, _language(config)) if 'id="__config"' in output else output


@event_priority(-200)
def on_post_build(config):
    """Once, after i18n has built every language (and Material written its
    index): our search indexes, the open data under /data/, then the checksums
    of every file of the site, those included. Then say so if the newest update
    is old: a notice, not a failure (INFO, which --strict lets pass)."""
    if config.plugins["i18n"].building:
        return
    site_dir = Path(config.site_dir)
    _searchable(write_indexes, site_dir, _search_sections, _root(config) / CACHE)
    write_export(_site(), site_dir)
    write_sums(site_dir)
    stale = staleness(_site(), datetime.date.today())
    if stale is not None:
        log.info(stale.message(message_language()))
