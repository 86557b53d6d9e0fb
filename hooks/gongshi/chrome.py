"""What every page carries around its content, in one language: the <head>
metadata of Chinese government websites (政府网站发展指引), the publishing
organisation as schema.org JSON-LD, the publish and update dates, and the
footer with the site's own settings (data/site.yaml).

Which pages are which, for the <meta> tags (see PAGE_KINDS):
- column pages (栏目页) list and lead to other content: ColumnName, ColumnType;
- article pages (文章页) carry the notice's own content: ArticleTitle,
  PubDate, ContentSource;
- every page, these two included: SiteName, SiteDomain, SiteIDCode.
The home page, contact, about, the site map and the 404 page are neither.
"""
from __future__ import annotations

import fnmatch
import json

from .format import format_date
from .labels import LABELS, label
from .localized import language_of
from .model import Site
from .render import AREA_PAGES, contact_html, esc

COLUMN, ARTICLE = "column", "article"
# Source page (without its language suffix) → kind, and for columns the
# 政府网站 column type. A page not listed here is neither.
PAGE_KINDS = {
    "areas/index.md": (COLUMN, "通知公告"),
    "progress.md": (COLUMN, "通知公告"),
    "data.md": (COLUMN, "数据发布"),
    "notice.md": (ARTICLE, None),
    "approach.md": (ARTICLE, None),
    "next-steps.md": (ARTICLE, None),
    f"{AREA_PAGES}/*.md": (ARTICLE, None),
}
# Where an ICP number is looked up: the MIIT record site, as the rules require.
ICP_RECORD_SITE = "https://beian.miit.gov.cn/"
# The pages every footer links to (its label → the page's source): `gongshi check` asks for them.
FOOTER_PAGES = {"sitemap": "sitemap.md", "contact": "contact.md"}


def page_kind(src_uri: str) -> tuple[str | None, str | None]:
    page, _ = language_of(src_uri)
    return next((kind for pattern, kind in PAGE_KINDS.items() if fnmatch.fnmatchcase(page, pattern)), (None, None))


def _meta(name: str, content: str | None) -> str:
    return f'<meta name="{name}" content="{esc(content)}">' if content else ""


def meta_tags(site: Site, lang: str, src_uri: str | None, title: str) -> str:
    """The 政府网站发展指引 <meta> tags of one page; src_uri None for a page
    that has no source (the 404 page)."""
    info = site.info
    tags = [_meta("SiteName", info.name[lang]), _meta("SiteDomain", info.domain), _meta("SiteIDCode", info.site_id_code)]
    kind, column_type = page_kind(src_uri) if src_uri else (None, None)
    if kind == COLUMN:
        tags += [_meta("ColumnName", title), _meta("ColumnType", column_type)]
    elif kind == ARTICLE:
        tags += [_meta("ArticleTitle", title), _meta("PubDate", site.published.isoformat()),
                 _meta("ContentSource", info.issuer[lang])]
    return "\n".join(tag for tag in tags if tag)


def organisation(site: Site, lang: str) -> dict:
    """The publishing organisation and how to reach it, as schema.org describes them."""
    contact = site.contact
    data = {
        "@context": "https://schema.org",
        "@type": "GovernmentOrganization",
        "name": contact.organisation[lang],
        "address": {"@type": "PostalAddress", "streetAddress": contact.address[lang] if contact.address else None,
                    "postalCode": contact.postcode},
        "telephone": contact.phone,
        "email": contact.email,
        "contactPoint": {"@type": "ContactPoint", "contactType": label(lang, "contact_type"),
                         "telephone": contact.phone, "email": contact.email},
    }
    if site.info.domain:
        data["url"] = f"https://{site.info.domain}/"
    return data


# In a <script> block, "</script>" or "<!--" in a value would end or change the
# block; U+2028/2029 end a line in older JavaScript. JSON allows \u escapes.
_SCRIPT_UNSAFE = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def script_json(data) -> str:
    """JSON that is safe inside <script type="application/ld+json">."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return "".join(_SCRIPT_UNSAFE.get(char, char) for char in text)


def head_html(site: Site, lang: str, src_uri: str | None, title: str) -> str:
    ld = f'<script type="application/ld+json">{script_json(organisation(site, lang))}</script>'
    return meta_tags(site, lang, src_uri, title) + "\n" + ld


def dates_html(site: Site, lang: str) -> str:
    """The publish and update dates shown on every content page."""

    def item(key, date):
        return (f'<span class="gs-page-dates__item">{esc(label(lang, key) + label(lang, "colon"))}'
                f'<time datetime="{date.isoformat()}">{esc(format_date(date, lang))}</time></span>')

    return f'<p class="gs-page-dates">{item("published", site.published)} {item("updated", site.updated)}</p>'


def page_url(site: Site, root: str, lang: str, path: str) -> str:
    """A page of the site in `lang`, from a page whose way to the site's top is `root` ("../../")."""
    return root + ("" if lang == site.languages[0] else f"{lang}/") + path


def footer_html(site: Site, lang: str, root: str) -> str:
    """The footer: contact details, links to the site map and contact page,
    and the site's own settings (data/site.yaml), each only where set.
    `root` leads from the page to the top of the site, e.g. "../"."""
    info, parts = site.info, []

    def said(key, value):
        return f'<span>{esc(label(lang, key) + label(lang, "colon") + value)}</span>'

    if info.host:
        parts.append(said("host", info.host[lang]))
    if info.operator:
        parts.append(said("operator", info.operator[lang]))
    if info.site_id_code:
        parts.append(said("site_id_code", info.site_id_code))
    if info.icp:
        parts.append(f'<a href="{ICP_RECORD_SITE}" rel="noopener">{esc(info.icp)}</a>')
    if info.police_record:
        parts.append(f'<a href="{esc(info.police_record.link)}" rel="noopener">{esc(info.police_record.number)}</a>')
    record = f'<p class="gs-footer__record">{" ".join(parts)}</p>' if parts else ""
    mark = ""
    if info.gov_site_mark:
        image = f'<img src="{esc(root + info.gov_site_mark.image)}" alt="{esc(label(lang, "gov_site_mark"))}">'
        link = info.gov_site_mark.link
        mark = (f'<a class="gs-footer__mark" href="{esc(link)}" rel="noopener">{image}</a>' if link
                else f'<span class="gs-footer__mark">{image}</span>')
    links = "".join(f'<li><a href="{esc(page_url(site, root, lang, page.removesuffix(".md") + "/"))}">{esc(label(lang, key))}</a></li>'
                    for key, page in FOOTER_PAGES.items())
    return (f'<div class="gs-footer">{contact_html(site, lang)}'
            f'<ul class="gs-footer__links">{links}</ul>{record}{mark}</div>')


def not_found_html(site: Site, root: str) -> str:
    """The 404 page answers for every language of the site at once, so it speaks all of them."""
    parts = []
    for n, lang in enumerate(site.languages):
        home = f'<a href="{esc(page_url(site, root, lang, ""))}">{esc(label(lang, "home"))}</a>'
        sitemap = f'<a href="{esc(page_url(site, root, lang, "sitemap/"))}">{esc(label(lang, "sitemap"))}</a>'
        attribute = f' lang="{esc(label(lang, "html_lang"))}"' if n else ""
        # The words are escaped first, then the links (escaped themselves) go into their places.
        text = esc(LABELS[lang]["not_found"]).format(home=home, sitemap=sitemap)
        parts.append(f"<p{attribute}>{text}</p>")
    titles = " ".join(f'<span lang="{esc(label(lang, "html_lang"))}">{esc(label(lang, "not_found_title"))}</span>' if n
                      else esc(label(lang, "not_found_title")) for n, lang in enumerate(site.languages))
    return f'<h1 id="not-found">{titles}</h1>' + "".join(parts)
