"""MkDocs hooks: a thin adapter from MkDocs events to the gongshi engine.

mkdocs-static-i18n builds once per language, so every event below runs again
for each language. Each pass starts with on_config, which configures MkDocs
and i18n from the site's data: its name, languages and navigation live in
data/site.yaml, not in mkdocs.yml. The first pass of a build checks the
project first, and keeps the site it loaded for every later event.
"""
from __future__ import annotations

import datetime
import posixpath
from pathlib import Path

from mkdocs.exceptions import Abort, PluginError
from mkdocs.plugins import CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File
from mkdocs.structure.nav import Section
from mkdocs.utils import normalize_url
from mkdocs_static_i18n.config import I18nPluginLanguage
from pathspec.gitignore import GitIgnoreSpec

from gongshi.check import check_project, written_pages
from gongshi.chrome import dates_html, footer_html, head_html, not_found_html, page_url
from gongshi.data import load_site
from gongshi.errors import InputError, SearchError, message_language
from gongshi.export import digests, exported_elsewhere, write_export, write_sums
from gongshi.feed import atom_feed
from gongshi.history import staleness
from gongshi.labels import label
from gongshi.localized import in_language, localized
from gongshi.markup import esc
from gongshi.model import NavSection
from gongshi.render import SITEMAP_PLACEHOLDER, Context, fill_markers, generated_pages, shown_on, sitemap_html
from gongshi.second_process import SecondProcess
from gongshi.search import INDEX_DIR, use_our_worker
from gongshi.validate import nav_pages
from gongshi.segment import CACHE, check_installed

log = get_plugin_logger("gongshi")

# Material writes the whole nav into every page, so listing N generated pages
# costs N × pages: at 1,100 areas, most of a build (bench/README.md). A sidebar
# that long is not read anyway; past this many, the page they follow (a card
# for each area) leads to them.
NAV_GENERATED_MAX = 30


def _root(config) -> Path:
    return Path(config.config_file_path).parent


# What the first pass of this build (each rebuild under `mkdocs serve`) loaded
# in on_config: the site, where each block of the notice is shown, and whether
# the check has run. Asking load_site again for every page would hash every
# data file for every page: pages × files, most of a large build.
_loaded = {}


def _load(config):
    try:
        _loaded["site"] = load_site(_root(config) / "data")
    except InputError as error:
        raise PluginError(_report(error)) from None
    return _loaded["site"]


def _site():
    """The validated data of this build, loaded in its first on_config."""
    return _loaded["site"]


def _report(error: InputError) -> str:
    lang = message_language()
    count = len(error.problems)
    head = f"发现 {count} 处问题：" if lang == "zh" else f"{count} problem(s) found:"
    return f"{head}\n{error.format(lang)}"


def _language(config) -> str:
    """The language being built (not the language of a page's source file)."""
    return config.plugins["i18n"].current_language or _site().languages[0]


FEED = "feed.xml"
# Where the 长者模式 button of every header leads when JavaScript is off.
ELDER_HELP = "about/#elder-mode"


def _feeds(site) -> dict[str, str]:
    """Feed source → its language: feed.xml, feed.en.xml, … (i18n puts them at /feed.xml, /en/feed.xml)."""
    return {localized(FEED, lang, site.languages): lang for lang in site.languages}


def _generated(site) -> dict:
    """Pages generated from data, by their source path in each language."""
    return {localized(path, lang, site.languages): page for path, page in generated_pages(site).items() for lang in site.languages}


def _feed(site, config, lang: str) -> str:
    # The feed sits at the root of its language; links are relative to it,
    # and its entries link to their sections of docs/progress.md.
    progress = "progress/" if config.use_directory_urls else "progress.html"
    return atom_feed(site, lang, label(lang, "feed_title", site=site.info.name[lang]), progress, FEED)


# Set when the check stopped a build before MkDocs touched the site folder.
_stopped_before_writing = False


def on_config(config):
    """Check everything `gongshi check` checks before anything is built, then
    configure the build from the site's data. Runs before i18n's on_config
    (priority -100), which reads the languages set here."""
    global _stopped_before_writing
    if _loaded.get("checked"):
        # A later language of the same build (i18n builds each in turn): the
        # files are those just checked, and checking them again is a second
        # check of every page and data file.
        site = _site()
    else:
        root = _root(config)
        problems = check_project(root)
        _stopped_before_writing = bool(problems)
        if problems:
            raise PluginError(_report(InputError(problems)))
        site = _load(config)  # the check has just loaded it: load_site's cache answers
        docs = root / "docs"
        _loaded["shown_on"] = shown_on(site, {page: files[site.languages[0]].read_text(encoding="utf-8")
                                              for page, files in written_pages(docs, site.languages).items()})
        _loaded["checked"] = True
    _configure(config, site)
    _skip_materials_index(config)
    if site.info.domain and not config.site_url:
        # Absolute addresses for sitemap.xml and canonical links.
        config.site_url = f"https://{site.info.domain}/"
    return config


def _configure(config, site):
    """The site's identity, languages and navigation, from data/site.yaml.
    Material prints the site's name and description unescaped, so they go in escaped."""
    first = site.languages[0]
    info = site.info
    config.site_name = esc(info.name[first])
    config.site_description = esc(info.description[first]) if info.description else None
    config.theme["language"] = first
    nav, titles, left_out = _nav(site)
    config.nav = nav
    for pattern in left_out:
        _not_in_nav(config, pattern)
    i18n = config.plugins["i18n"].config
    i18n.languages = [_language_config(site, lang, {title[first]: title[lang] for title in titles}) for lang in site.languages]


def _language_config(site, lang: str, nav_translations: dict) -> I18nPluginLanguage:
    first = lang == site.languages[0]
    settings = {"locale": lang, "name": label(lang, "language_name"), "default": first, "build": True}
    if not first:
        info = site.info
        settings |= {"site_name": esc(info.name[lang]), "nav_translations": nav_translations}
        if info.description:
            settings["site_description"] = esc(info.description[lang])
    language = I18nPluginLanguage()
    language.load_dict(settings)
    failed, _ = language.validate()
    if failed:  # only a bug of ours can get here: the languages were checked with the data
        raise PluginError(f"i18n refused the language {lang}: {failed}")
    return language


def _nav(site) -> tuple[list, list, set]:
    """MkDocs's nav from data/site.yaml, with the generated pages after the page
    they follow (or, past NAV_GENERATED_MAX of them or where the nav does not
    list that page, out of the nav); the titles of its sections, for i18n to
    translate; and `not_in_nav` patterns for the generated pages left out."""
    generated = generated_pages(site)
    listed = {page for _, page in nav_pages(site.info)}
    following: dict[str, list[str]] = {}
    for path, page in generated.items():
        following.setdefault(page.follows, []).append(path)
    left_out = {f"/{path.removesuffix('.md')}*.md" for follows, paths in following.items() if follows not in listed for path in paths}
    if len(generated) > NAV_GENERATED_MAX:
        following, left_out = {}, {f"/{posixpath.dirname(path)}/*.md" for path in generated}
    first, nav, titles = site.languages[0], [], []

    def pages(names):
        return [listed for name in names for listed in [name, *following.get(name, [])]]

    for entry in site.info.nav:
        if isinstance(entry, NavSection):
            nav.append({entry.title[first]: pages(entry.pages)})
            titles.append(entry.title)
        else:
            nav += pages([entry])
    return nav, titles, left_out


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


def on_build_error(error):
    _loaded["checked"] = False
    if "process" in _second:
        _second.pop("process").cancel()


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
    site, lang = _site(), _language(config)
    config.extra["gongshi"] = {
        # For the <link> in <head>: the feed of this language, from the site's root.
        "feed": FEED if lang == site.languages[0] else f"{lang}/{FEED}",
        "feed_title": esc(label(lang, "feed_title", site=site.info.name[lang])),
        "header_name": esc((site.info.short_name or site.info.name)[lang]),
        "html_lang": esc(label(lang, "html_lang")),
        # A page in a language other than the notice's says it is a translation.
        "translation_note": None if lang == site.languages[0] else {
            "title": label(lang, "translation_note_title"), "text": label(lang, "translation_note")},
    }
    _searchable(check_installed)
    if "process" not in _second:  # the first language of this build: the worker starts while MkDocs reads the pages
        second = _second["process"] = SecondProcess(site, config.site_dir, _root(config) / CACHE)
        exported_elsewhere(site, second.open_data)


@event_priority(50)
def _add_placeholders(files, config):
    # Added before i18n sorts files into languages, so that the generated pages
    # get their URLs in each language, language switcher and sitemap entries,
    # and the feeds land at /feed.xml and /en/feed.xml. Pages in a language the
    # site does not list are left out of the build.
    site = _site()
    for file in list(files):
        if file.src_uri.endswith(".md") and in_language(file.src_uri, site.languages) is None:
            files.remove(file)
    for uri in list(_generated(site)) + list(_feeds(site)):
        if files.get_file_from_path(uri) is None:
            files.append(File(uri, config.docs_dir, config.site_dir, config.use_directory_urls))
    return files


@event_priority(-200)
def _fill_placeholders(files, config):
    # i18n has kept only this language's files, so a feed found here is in the build's language.
    site = _site()
    generated, feeds = _generated(site), _feeds(site)
    for file in files:
        for uri in (file.src_uri, getattr(file, "original_src_uri", None)):
            if uri in generated:
                file.content_string = generated[uri].markdown
            elif uri in feeds:
                file.content_string = _feed(site, config, feeds[uri])
            else:
                continue
            file.generated_by = "gongshi"
    return files


on_files = CombinedEvent(_add_placeholders, _fill_placeholders)


def _edit_url(config, page) -> str | None:
    """Edit links open the source a reader sees: the data file of a page
    generated from data, the Markdown file otherwise."""
    base = config.extra.get("edit_base")
    if not base:
        return None
    if page.file.generated_by:
        return base + _generated(_site())[page.file.src_uri].source
    return f"{base}docs/{page.file.src_uri}"


def on_page_markdown(markdown, page, config, files):
    page.edit_url = _edit_url(config, page)
    ctx = Context(site=_site(), lang=_language(config), page=page.file.src_uri,
                  edit_base=config.extra.get("edit_base") or "", root=_root_of(page.url), shown_on=_loaded["shown_on"])
    shown_as = "docs/" + page.file.src_uri if page.file.generated_by is None else f"(generated) {page.file.src_uri}"
    # MkDocs strips front matter before this event; count its lines back in.
    source = page.file.content_string
    first_line = source[: max(source.rfind(markdown), 0)].count("\n") + 1
    try:
        return fill_markers(markdown, ctx, shown_as, first_line)
    except InputError as error:
        raise PluginError(_report(error)) from None


# --- search: Material's box and list, our index and worker (gongshi.search) ---

# This build's second process ("process"): its open data, and its indexes,
# built from each page as it is rendered and finished once every language is built.
_second: dict = {}


def _searchable(call, *args):
    try:
        return call(*args)
    except SearchError as error:
        raise PluginError(error.format(message_language())) from None


def on_page_content(html, page, config, files):
    if not (page.meta.get("search") or {}).get("exclude"):
        _second["process"].add(_language(config), page.url, page.title, html)
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
        "head": head_html(site, lang, src_uri, title),
        "dates": dates_html(site, lang) if src_uri else "",
        "footer": footer_html(site, lang, root),
        "elder": {"label": label(lang, "elder_mode"), "help": page_url(site, root, lang, ELDER_HELP)},
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
        root = context["base_url"].rstrip("/") + "/"
        context["gongshi"] = _chrome(config, None, "", root) | {"not_found": not_found_html(_site(), root)}
    return context


def on_post_template(output, template_name, config):
    """One 404 page answers for every language, and it speaks them all: keep the
    first language's, which each later language build would overwrite. It
    has the search box too, so it gets our worker."""
    if template_name == "404.html" and _language(config) != _site().languages[0]:
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
    _loaded["checked"] = False  # the next build (under `mkdocs serve`) checks the files again
    site_dir = Path(config.site_dir)
    second = _second.pop("process")
    second.finish(list(_site().languages))  # a language of no page has an index too
    # While the second process writes the indexes: the open data, and the digests of all but the indexes.
    write_export(_site(), site_dir)
    found = digests(site_dir, leave_out=INDEX_DIR)
    _searchable(second.wait)
    write_sums(site_dir, found | digests(site_dir, folder=INDEX_DIR))
    stale = staleness(_site(), datetime.date.today())
    if stale is not None:
        log.info(stale.message(message_language()))
