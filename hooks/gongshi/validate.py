"""Check loaded YAML against the model and build model objects from it.

Every problem is collected with its file and line; nothing stops at the first.
The checks come in two layers: the shape of each file (read from the model's
dataclasses through model.field_kinds) and the consistency of the site as a
whole, chief of which: every reference into the notice names a block that
exists, and every figure, status and quote is found in its block. Each message
is written in English and in Chinese.
"""
from __future__ import annotations

import dataclasses
import datetime
import math
import re

from . import model
from .errors import Problem, suggest
from .files import inner_path, own_file
from .format import chinese_numeral, format_value
from .labels import LABELS, LANGUAGES
from .load import Located, LocatedList
from .model import CHOICE, LIST, RECORD, TEXT, Block, Id, Kind, Site, Text, field_kinds
from .numerals import CHINESE_DIGITS, chinese_value, fold

_INVALID = object()
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# YAML reads `number: 1.` (the numbering of a problem) or `phone: 2615196` as a number.
_QUOTE_IT = ("; put it in quotes", "；请给它加上引号")
_NO_HINT = ("", "")


def _is_number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


# Characters that XML (the feeds) cannot carry and no text needs: control
# characters but tab and line breaks, lone surrogates, U+FFFE and U+FFFF. YAML
# lets an editor write them as escapes ("\x01"), never by typing.
_UNWRITABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
# The largest number the site shows: every whole number up to it is exact in a
# float (2**53 is about 9 × 10**15), which the open data and the charts use.
MAX_NUMBER = 10**15


def _describe(value) -> tuple[str, str]:
    if value is None:
        return "nothing", "空值"
    if isinstance(value, bool):
        return f"true/false ({value})", f"真假值（{value}）"
    if isinstance(value, (int, float)):
        return f"the number {value}", f"数字 {value}"
    if isinstance(value, str):
        return f"the text “{value[:40]}”", f"文字“{value[:40]}”"
    if isinstance(value, list):
        return "a list", "列表"
    return "a mapping", "映射（若干“键: 值”）"


def _expected(kind: Kind, languages) -> tuple[str, str]:
    if kind.name == TEXT:
        keys = ", ".join(f"`{lang}`" for lang in languages)
        return f"text, or a mapping with {keys}", f"文字，或包含 {keys} 的映射"
    if kind.name == RECORD:
        keys = ", ".join(f"`{f.name}`" for f in dataclasses.fields(kind.type))
        return f"a mapping with {keys}", f"包含 {keys} 的映射"
    if kind.name == LIST:
        return "a list (items start with “- ”)", "列表（每项以“- ”开头）"
    if kind.name == CHOICE:
        en, zh = zip(*(_expected(choice, languages) for choice in kind.choices))
        return " or ".join(en), "或".join(zh)
    return {
        str: ("text", "文字"),
        bool: ("true or false", "true 或 false"),
        int: ("a whole number", "整数"),
        float: ("a number", "数字"),
        datetime.date: ("a date written YYYY-MM-DD", "日期，格式为 YYYY-MM-DD"),
        Id: ("an id (lowercase letters, digits and hyphens)", "标识（小写字母、数字和连字符）"),
        model.UnitId: ("a unit id from data/units.yaml", "data/units.yaml 中的单位标识"),
        model.StatusId: ("a status id from data/statuses.yaml", "data/statuses.yaml 中的状态标识"),
        model.BlockId: ("the id of a block of data/notice.yaml", "data/notice.yaml 中某一段的标识"),
        model.Language: (f"a language code ({', '.join(LANGUAGES)})", f"语言代码（{'、'.join(LANGUAGES)}）"),
    }[kind.type]


def language_name(lang: str, message_lang: str) -> str:
    """A language as a message (or a page) in `message_lang` names it."""
    words = LABELS.get(lang)
    if words is None:
        return lang
    return words["name_in_chinese"] if message_lang == "zh" else words["name_in_english"]


class Locations:
    """Where each built object came from, for messages about the site as a whole."""

    def __init__(self):
        self._at: dict[int, tuple[str, Located]] = {}

    def remember(self, obj, path: str, node: Located):
        self._at[id(obj)] = (path, node)

    def where(self, obj, key: str | None = None) -> tuple[str, int, int]:
        """File, line and column of an object, or of one of its keys."""
        path, node = self._at[id(obj)]
        if key in node.key_lines:
            return path, node.key_lines[key], node.key_columns[key]
        return path, node.line, node.column

    def problem(self, obj, en: str, zh: str, key: str | None = None) -> Problem:
        path, line, column = self.where(obj, key)
        return Problem(path, line, en, zh, column)


class Builder:
    """Builds one file's model objects, collecting its problems. A Text holds
    the site's `languages`: a plain string is the text in the first of them."""

    def __init__(self, path: str, locations: Locations, languages: tuple[str, ...]):
        self.path, self.locations, self.languages, self.problems = path, locations, languages, []

    def fail(self, at: tuple[int, int], en: str, zh: str):
        """Record a problem at (line, column)."""
        self.problems.append(Problem(self.path, at[0], en, zh, at[1]))
        return _INVALID

    def wrong_type(self, kind: Kind, value, at, name: str, hint: tuple[str, str] = _NO_HINT):
        (want_en, want_zh), (got_en, got_zh) = _expected(kind, self.languages), _describe(value)
        return self.fail(at, f"`{name}` should be {want_en}, not {got_en}{hint[0]}",
                         f"`{name}` 应当是{want_zh}，而不是{got_zh}{hint[1]}")

    def build(self, kind: Kind, value, at, name: str, limits: dict):
        """`limits` are the field's metadata: "min", "max", "pattern" for a
        scalar, and "each" for every item of a list or language of a text."""
        if value is None and kind.optional:
            return None
        if kind.name == TEXT:
            return self.text(value, at, name, limits.get("each", {}))
        if kind.name == RECORD:
            return self.record(kind.type, value, at, name)
        if kind.name == LIST:
            return self.items(kind, value, at, name, limits.get("each", {}))
        if kind.name == CHOICE:
            return self.choice(kind, value, at, name, limits)
        item = self.scalar(kind, value, at, name)
        return item if item is _INVALID else self.limits(limits, item, at, name)

    def items(self, kind: Kind, value, at, name, limits: dict):
        if not isinstance(value, LocatedList):
            return self.wrong_type(kind, value, at, name)
        built = [self.build(kind.type, item, item_at, f"{name} item", limits)
                 for item, item_at in zip(value, zip(value.item_lines, value.item_columns))]
        return _INVALID if _INVALID in built else tuple(built)

    def choice(self, kind: Kind, value, at, name, limits: dict):
        """A text or a record, told apart by what the YAML holds."""
        wanted = RECORD if isinstance(value, Located) else model.SCALAR
        fitting = [choice for choice in kind.choices if choice.name == wanted]
        if not fitting or (wanted == model.SCALAR and not isinstance(value, str)):
            return self.wrong_type(kind, value, at, name)
        return self.build(fitting[0], value, at, name, limits)

    def record(self, cls, value, at, name):
        if not isinstance(value, Located):
            return self.wrong_type(model.kind_of(cls), value, at, name)
        key_at = {key: (value.key_lines[key], value.key_columns[key]) for key in value}
        known = [spec.name for spec, _ in field_kinds(cls)]
        for key in value:
            if key not in known:
                hint_en, hint_zh = suggest(key, known, ("keys", "键"))
                self.fail(key_at[key], f"unknown key `{key}` in `{name}`; {hint_en}",
                          f"`{name}` 中有未知的键 `{key}`；{hint_zh}")
        built = {}
        for spec, kind in field_kinds(cls):
            key = spec.name
            optional = spec.default is not dataclasses.MISSING
            if key not in value:
                if not optional:
                    self.fail(at, f"`{name}` is missing the required key `{key}`", f"`{name}` 缺少必填的键 `{key}`")
                    built[key] = _INVALID
                continue
            built[key] = self.build(kind, value[key], key_at[key], key, spec.metadata)
        if _INVALID in built.values():
            return _INVALID
        obj = cls(**{key: item for key, item in built.items() if item is not None})
        self.locations.remember(obj, self.path, value)
        return obj

    def text(self, value, at, name, limits: dict):
        first = self.languages[0]
        if isinstance(value, str):
            given, given_at = {first: value}, {first: at}
        elif isinstance(value, Located):
            given, given_at = {}, {}
            for key in value:
                spot = (value.key_lines[key], value.key_columns[key])
                if key not in LANGUAGES:
                    hint_en, hint_zh = suggest(key, list(self.languages), ("languages", "语言"))
                    self.fail(spot, f"`{name}` has text in `{key}`, which is not a language; {hint_en}",
                              f"`{name}` 中的 `{key}` 不是语言代码；{hint_zh}")
                elif key in self.languages:  # a language the site does not list is left out, not refused
                    given[key], given_at[key] = value[key], spot
        else:
            return self.wrong_type(model.kind_of(Text), value, at, name, _QUOTE_IT if _is_number(value) else _NO_HINT)
        texts, ok = {}, True
        for lang in self.languages:
            text = given.get(lang)
            if text is None or text == "":
                # An empty value is reported on its own line, a missing language on its text's.
                self.fail(given_at.get(lang, at), f"`{name}` has no {language_name(lang, 'en')} text; add `{lang}: …`",
                          f"`{name}` 缺少{language_name(lang, 'zh')}文字；请添加 `{lang}: …`")
                ok = False
                continue
            built = self.scalar(model.kind_of(str), text, given_at[lang], name)
            if built is not _INVALID:
                built = self.limits(limits, built, given_at[lang], name)
            ok = ok and built is not _INVALID
            texts[lang] = built
        return Text(texts) if ok else _INVALID

    def scalar(self, kind: Kind, value, at, name):
        tp = kind.type
        if issubclass(tp, str):  # text, or one of the kinds of id
            if not isinstance(value, str):
                return self.wrong_type(kind, value, at, name, _QUOTE_IT if _is_number(value) and tp is str else _NO_HINT)
            if tp is not str and not re.fullmatch(tp.pattern, value):
                return self.wrong_type(kind, value, at, name)
            tag = re.search(model.HTML_TAG + r"[^>]*>?", value)
            if tag:
                return self.fail(at, f"`{name}` contains HTML ({tag.group(0)[:30]}); write plain text",
                                 f"`{name}` 中含有 HTML（{tag.group(0)[:30]}）；请只写纯文字")
            control = _UNWRITABLE.search(value)
            if control:
                code = f"U+{ord(control.group()):04X}"
                return self.fail(at, f"`{name}` contains the invisible character {code}, which pages and feeds cannot carry; delete it",
                                 f"`{name}` 中含有不可见字符 {code}，网页和订阅源无法容纳它；请删除它")
            return value if tp is str else tp(value)
        if tp is bool:
            return value if isinstance(value, bool) else self.wrong_type(kind, value, at, name)
        if tp in (int, float):
            kinds = (int,) if tp is int else (int, float)
            ok = isinstance(value, kinds) and not isinstance(value, bool)
            if ok and not abs(value) <= MAX_NUMBER:  # .inf, 400 digits, and .nan (which no comparison holds for)
                shown_en, shown_zh = _out_of_range(value)
                return self.fail(at, f"`{name}` is {shown_en}; a number here is at most {MAX_NUMBER:,}",
                                 f"`{name}` 是{shown_zh}；这里的数字最大只能是 {MAX_NUMBER:,}")
            return value if ok else self.wrong_type(kind, value, at, name)
        if tp is datetime.date:
            if not isinstance(value, str):
                return self.wrong_type(kind, value, at, name)
            try:
                if _DATE.fullmatch(value):
                    return datetime.date.fromisoformat(value)
            except ValueError:
                pass
            return self.fail(at, f"`{name}` is not a real date: {value}; write YYYY-MM-DD",
                             f"`{name}` 不是有效的日期：{value}；请写成 YYYY-MM-DD")
        raise TypeError(f"the model uses a type the validator does not know: {tp}")

    def limits(self, meta: dict, item, at, key):
        if "min" in meta and item < meta["min"]:
            return self.fail(at, f"`{key}` is {item}; it cannot be less than {meta['min']}",
                             f"`{key}` 是 {item}；不能小于 {meta['min']}")
        if "max" in meta and item > meta["max"]:
            return self.fail(at, f"`{key}` is {item}; it cannot be more than {meta['max']}",
                             f"`{key}` 是 {item}；不能大于 {meta['max']}")
        if "pattern" in meta and not re.fullmatch(meta["pattern"], item):
            return self.fail(at, f"`{key}` is “{item}”, which does not look right; expected {meta['doc']}",
                             f"`{key}` 的值“{item}”格式不对；应当是{meta['doc_zh']}")
        return item


def _out_of_range(value) -> tuple[str, str]:
    """A number too large to show, as a message says it (str() of a huge int is itself refused)."""
    if isinstance(value, int):
        digits = int(math.log10(abs(value))) + 1
        return f"a whole number of {digits} digits", f"一个 {digits} 位的整数"
    if math.isnan(value):
        return "not a number (.nan)", "“非数字”（.nan）"
    return (f"{value:g}", f" {value:g}") if math.isfinite(value) else ("infinite (.inf)", "无穷大（.inf）")


def build_file(cls, data, path: str, locations: Locations, languages: tuple[str, ...]):
    """Build one file's top-level object. Returns (object or None, problems)."""
    builder = Builder(path, locations, languages)
    at = (getattr(data, "line", 1), getattr(data, "column", 1))
    obj = builder.record(cls, data, at, path.rsplit("/", 1)[-1])
    return (None if obj is _INVALID else obj), builder.problems


def site_languages(data, path: str) -> tuple[tuple[str, ...] | None, list[Problem]]:
    """The `languages` of data/site.yaml, read before anything else: every text
    of the site is checked against them. None where they cannot be read."""
    at = (getattr(data, "line", 1), getattr(data, "column", 1))
    if not isinstance(data, Located) or "languages" not in data:
        return None, []  # the file's own check reports it
    at = (data.key_lines["languages"], data.key_columns["languages"])
    builder = Builder(path, Locations(), LANGUAGES)
    kind = dict((spec.name, kind) for spec, kind in field_kinds(model.SiteInfo))["languages"]
    languages = builder.build(kind, data["languages"], at, "languages", {})
    if languages is _INVALID:
        return None, builder.problems
    if not languages:
        return None, [Problem(path, at[0], "`languages` lists no language; list the notice's first, e.g. [zh]",
                              "`languages` 中没有任何语言；请先写公告的语言，如 [zh]", at[1])]
    if len(set(languages)) < len(languages):
        return None, [Problem(path, at[0], "`languages` lists a language twice", "`languages` 中有重复的语言", at[1])]
    return tuple(str(lang) for lang in languages), []


# --- the site as a whole -----------------------------------------------------


def check_site(site: Site, at: Locations) -> list[Problem]:
    """Consistency across files: ids, references into the notice, dates, totals, figures."""
    problems: list[Problem] = []
    problems += _unique(site.notice.blocks, "id", "block id", "段落标识", at)
    problems += _unique(site.units, "id", "unit id", "单位标识", at)
    problems += _unique(site.areas, "id", "area id", "方面标识", at)
    problems += _unique(site.areas, "block", "area block", "方面所在段落", at)
    problems += _unique([item for area in site.areas for item in area.items()], "id", "problem or measure id", "问题或措施标识", at)
    for group in (site.round.accountability, site.round.meetings, site.round.figures):
        problems += _unique(group, "id", "figure id", "数字标识", at)
    problems += _check_blocks(site, at)
    problems += _check_references(site, at)
    for figure, block_id in site.stated_figures():
        problems += _check_figure(site, figure, block_id, at)
    problems += _check_item_statuses_given(site, at)
    problems += _check_dates(site, at)
    problems += _check_totals(site, at)
    problems += _check_listed(site, at)
    problems += _check_progress(site, at)
    problems += _check_declared(site, at)
    return problems


def check_files(site: Site, docs, at: Locations) -> list[Problem]:
    """Files that the data names and the site must publish: the pages of the
    nav, in the first language, and the 党政机关网站标识 image."""
    problems = []
    for owner, page in nav_pages(site.info):
        if not (docs / page).is_file():
            key = "pages" if isinstance(owner, model.NavSection) else "nav"
            problems.append(at.problem(owner, f"the nav lists `{page}`, but there is no docs/{page}",
                                       f"导航（nav）中列出了 `{page}`，但 docs/{page} 不存在", key))
    mark = site.info.gov_site_mark
    if mark is not None and not inner_path(mark.image):
        problems.append(at.problem(mark, f"`{mark.image}` is not a path inside docs/; write where the image is in docs/, "
                                         "like assets/images/dzjg.png, so that no page loads it from another host",
                                   f"`{mark.image}` 不是 docs/ 中的路径；请写出图片在 docs/ 中的位置，如 assets/images/dzjg.png，"
                                   "页面才不会从其他网站加载它", "image"))
    elif mark is not None and not own_file(docs / mark.image, docs.parent):
        problems.append(at.problem(mark, f"the image `{mark.image}` is not in docs/; put the 党政机关网站标识 image there",
                                   f"docs/ 中没有图片 `{mark.image}`；请把党政机关网站标识图片放在那里", "image"))
    return problems


def nav_pages(info: model.SiteInfo) -> list[tuple[object, str]]:
    """(where it is listed, page) for every page the nav of data/site.yaml lists."""
    listed = []
    for entry in info.nav:
        if isinstance(entry, model.NavSection):
            listed += [(entry, page) for page in entry.pages]
        else:
            listed.append((info, entry))
    return listed


def _unique(items, key: str, what: str, what_zh: str, at: Locations) -> list[Problem]:
    seen, problems = {}, []
    for item in items:
        value = getattr(item, key)
        if value is None:
            continue
        if value in seen:
            path, line, _ = at.where(seen[value], key)
            problems.append(at.problem(item, f"{what} `{value}` is used twice (first in {path}:{line}); it must be unique",
                                       f"{what_zh} `{value}` 重复使用（第一次在 {path}:{line}）；不能重复", key))
        else:
            seen[value] = item
    return problems


def printed(block: Block, lang: str) -> str:
    """What the notice prints for a block in one language: its parts, joined as the language joins them."""
    return LABELS[lang]["join"].join(part[lang] for part in block.parts())


# --- the notice's blocks -----------------------------------------------------------


def _check_blocks(site: Site, at: Locations) -> list[Problem]:
    problems = []
    for block in site.notice.blocks:
        if not block.parts():
            problems.append(at.problem(block, f"block `{block.id}` prints nothing; give it a `text`",
                                       f"段落 `{block.id}` 没有任何文字；请填写 `text`"))
        if (block.kind == "heading") != (block.level is not None):
            problems.append(at.problem(
                block, f"block `{block.id}`: a heading has a `level` (1 for the top), and only a heading has one",
                f"段落 `{block.id}`：标题（heading）须写 `level`（最高一级为 1），其他段落不写", "level" if block.level else "kind"))
        if block.kind == "date" and block.text is not None and not _states_date(block.text[site.languages[0]], site.notice.date):
            problems.append(at.problem(
                block, f"block `{block.id}` prints a date that is not the notice's `date` ({site.notice.date})",
                f"段落 `{block.id}` 所写的日期与公告日期 `date`（{site.notice.date}）不一致", "text"))
    return problems


_ZERO_TO_NINE = "〇一二三四五六七八九"


def _states_date(text: str, date: datetime.date) -> bool:
    """Whether a date line says `date`: 2024年9月12日, 2024年09月12日 or 二〇二四年九月十二日."""
    text = re.sub(r"\s+", "", fold(text))
    year_zh = "".join(_ZERO_TO_NINE[int(d)] for d in str(date.year))
    written = (f"{date.year}年{date.month}月{date.day}日", f"{date.year}年{date.month:02d}月{date.day:02d}日",
               f"{year_zh}年{chinese_numeral(date.month)}月{chinese_numeral(date.day)}日",
               f"{date.year}-{date.month:02d}-{date.day:02d}")
    return any(form in text for form in written)


def _references(site: Site):
    """(object, key, block id) for every reference into the notice."""
    for area in site.areas:
        yield area, "block", area.block
        yield area, "aspect", area.aspect
        yield area, "status_block", area.status_block
        for item in area.items():
            yield item, "block", item.block
            yield item, "status_block", item.status_block
    for figure, _ in site.stated_figures():
        yield figure, "block", figure.block
    for update in site.updates:
        for block_id in update.source.notice:
            yield update.source, "notice", block_id


def _check_references(site: Site, at: Locations) -> list[Problem]:
    problems, known = [], list(site.blocks_by_id)
    for owner, key, block_id in _references(site):
        if block_id is not None and block_id not in site.blocks_by_id:
            hint_en, hint_zh = suggest(block_id, known, ("blocks", "段落"))
            problems.append(at.problem(owner, f"data/notice.yaml has no block `{block_id}`; {hint_en}",
                                       f"data/notice.yaml 中没有段落 `{block_id}`；{hint_zh}", key))
    if problems:
        return problems  # the checks below read the blocks named
    for area in site.areas:
        if area.quote is not None:
            block = site.block(area.block)
            for lang in site.languages:
                if area.quote[lang] not in printed(block, lang):
                    problems.append(at.problem(
                        area, f"the {language_name(lang, 'en')} `quote` of area `{area.id}` is not in block `{block.id}`; "
                              "a quote must be the block's own words",
                        f"方面 `{area.id}` 的{language_name(lang, 'zh')} `quote` 不在段落 `{block.id}` 中；引用必须是原文", "quote"))
        problems += _check_in_part(site, area, at)
    return problems


def _check_in_part(site: Site, area, at: Locations) -> list[Problem]:
    """An area's problems and measures lie in its part of the notice: after its
    heading and before the next area's."""
    order, index = site.block_order, site.area_positions[area.id]
    start = order[area.block]
    # The areas are in the notice's order: the next one's heading ends this one's part.
    end = order[site.areas[index + 1].block] if index + 1 < len(site.areas) else len(order)
    problems = []
    for item in area.items():
        if not start < order[item.block] < end:
            problems.append(at.problem(
                item, f"block `{item.block}` is not in the part of the notice that area `{area.id}` heads (from block `{area.block}`)",
                f"段落 `{item.block}` 不在方面 `{area.id}`（从段落 `{area.block}` 开始）的范围内", "block"))
    return problems


def _check_figure(site: Site, figure, block_id, at: Locations) -> list[Problem]:
    unit = site.unit(figure.unit)
    if unit is None:
        hint_en, hint_zh = suggest(figure.unit, [u.id for u in site.units], ("units", "单位"))
        return [at.problem(figure, f"unknown unit `{figure.unit}`; {hint_en}", f"未知的单位 `{figure.unit}`；{hint_zh}", "unit")]
    first = site.languages[0]
    value = format_value(figure.value, first)
    if unit.max is not None and figure.value > unit.max:
        most = format_value(unit.max, first)
        return [at.problem(figure, f"value {value} is more than {most}, the most a figure in `{unit.id}` can be",
                           f"数值 {value} 大于 {most}，而单位 `{unit.id}` 的数字最大只能是 {most}", "value")]
    if block_id is None:
        return [at.problem(figure, "this figure names no `block`; say which block of data/notice.yaml states it",
                           "这个数字没有写 `block`；请写明 data/notice.yaml 中哪一段说了它")]
    block = site.block(block_id)
    if block is None:
        return []  # reported with the references
    written = unit.writes[first].replace("{n}", value)
    if not quotes(unit.writes[first], value, printed(block, first)):
        return [at.problem(figure, f"the figure “{written}” does not occur in block `{block.id}`; a figure must quote its block",
                           f"数字“{written}”没有出现在段落 `{block.id}` 中；数字必须与原文一致", "value")]
    return []


def quotes(pattern: str, number: str, text: str) -> bool:
    """Whether `text` writes `number` in the unit `pattern` as a whole number:
    "6项" is not in "36项", nor "第3" in "第36". The number may be written with
    trailing zeros (201783.20万元), in full-width digits (２９个) or in Chinese
    numerals (二十九个)."""
    before, _, after = pattern.partition("{n}")
    text, value = fold(text), float(number)
    in_digits = rf"{re.escape(before)}(?<![\d.])(\d+(?:\.\d+)?)(?!\.?\d){re.escape(after)}"
    if any(float(match[1]) == value for match in re.finditer(in_digits, text)):
        return True
    in_words = rf"{re.escape(before)}(?<![{CHINESE_DIGITS}])([{CHINESE_DIGITS}]+){re.escape(after)}"
    return any(chinese_value(match[1]) == value for match in re.finditer(in_words, text))


def _status_owners(site: Site):
    """Every area, problem and measure that carries a status of its own."""
    for area in site.areas:
        yield area
        yield from area.items()


def _check_item_statuses_given(site: Site, at: Locations) -> list[Problem]:
    """A status the notice gives is a word of the vocabulary, and its block says it."""
    problems = []
    first = site.languages[0]
    for owner in _status_owners(site):
        if owner.status is None:
            if owner.status_block is not None:
                problems.append(at.problem(owner, "`status_block` says where the notice gives a status, but there is no `status`",
                                           "写了 `status_block`（状态所在段落），却没有写 `status`", "status_block"))
            continue
        status = site.status(owner.status)
        if status is None:
            hint_en, hint_zh = suggest(owner.status, [s.id for s in site.statuses], ("statuses", "状态"))
            problems.append(at.problem(owner, f"unknown status `{owner.status}`; {hint_en}",
                                       f"未知的状态 `{owner.status}`；{hint_zh}", "status"))
            continue
        block = site.block(owner.status_block or owner.block)
        if block is None:
            continue  # reported with the references
        words = (status.label[first],) + status.phrases
        if not any(word in printed(block, first) for word in words):
            said = "”、“".join(words)
            problems.append(at.problem(
                owner, f"block `{block.id}` does not say the status `{status.id}` (“{said}”); "
                       "give the status the notice gives, and the block that gives it as `status_block`",
                f"段落 `{block.id}` 中没有状态 `{status.id}` 的说法（“{said}”）；请填写公告所说的状态，并用 `status_block` 写明所在段落",
                "status"))
    return problems


def _check_dates(site: Site, at: Locations) -> list[Problem]:
    problems = []
    inspection = site.round.inspection
    order = [(key, getattr(inspection, key)) for key in ("start", "end", "feedback") if getattr(inspection, key) is not None]
    for (first, a), (then, b) in zip(order, order[1:]):
        if b < a:
            problems.append(at.problem(inspection, f"`{then}` ({b}) is before `{first}` ({a}); check the dates",
                                       f"`{then}`（{b}）早于 `{first}`（{a}）；请核对日期", then))
    feedback = inspection.feedback
    if feedback is not None and site.notice.date < feedback:
        problems.append(at.problem(
            site.notice, f"the notice `date` ({site.notice.date}) is before the feedback ({feedback}) in data/round.yaml",
            f"公告日期 `date`（{site.notice.date}）早于 data/round.yaml 中的反馈日期（{feedback}）", "date"))
    updated = site.info.updated
    if updated is not None and updated < site.notice.date:
        problems.append(at.problem(
            site.info, f"`updated` ({updated}) is before the notice `date` ({site.notice.date}) in data/notice.yaml; content cannot change before it is published",
            f"`updated`（{updated}）早于 data/notice.yaml 中的公告日期 `date`（{site.notice.date}）；内容不会在发布之前更新", "updated"))
    as_of = site.round.totals.as_of
    if as_of is not None and not (feedback or as_of) <= as_of <= site.notice.date:
        since = f"the feedback ({feedback}) and " if feedback else ""
        since_zh = f"反馈日期（{feedback}）与" if feedback else ""
        problems.append(at.problem(
            site.round.totals, f"`as_of` ({as_of}) should fall between {since}the notice ({site.notice.date})",
            f"`as_of`（{as_of}）应当在{since_zh}公告日期（{site.notice.date}）{'之间' if feedback else '之前'}", "as_of"))
    return problems


# Counts of one thing that are part of another count of the same thing: (part, whole).
_PARTS = (("completed", "problems"), ("basically_completed", "problems"), ("in_progress", "problems"),
          ("not_completed", "problems"), ("immediate", "problems"), ("immediate_completed", "immediate"),
          ("measures_completed", "measures"))
# How far the problems have got: each problem is in at most one, so together they are at most the whole.
_STAGES = ("completed", "basically_completed", "in_progress", "not_completed")
_COMPLETION_SLACK = 0.5  # percentage points: notices round their rates


def part_conflicts(values: dict) -> list[tuple[str, str, str]]:
    """(the part at fault, English, Chinese) for each part that is more than its
    whole; a count that is not stated (None) is not compared."""
    conflicts = []
    for part, whole in _PARTS:
        a, b = values.get(part), values.get(whole)
        if a is not None and b is not None and a > b:
            a, b = format_value(a, "zh"), format_value(b, "zh")
            conflicts.append((part, f"`{part}` ({a}) is more than `{whole}` ({b})", f"`{part}`（{a}）大于 `{whole}`（{b}）"))
    return conflicts


def total_conflicts(values: dict) -> list[tuple[str, str, str]]:
    """(the total at fault, English, Chinese) for each way the round's totals
    (name → value, as the notice states them) disagree with one another."""
    conflicts = part_conflicts(values)
    stages = [name for name in _STAGES if name in values]
    if "problems" in values and len(stages) > 1:
        added = sum(values[name] for name in stages)
        if added > values["problems"]:
            names, whole = " + ".join(f"`{name}`" for name in stages), format_value(values["problems"], "zh")
            conflicts.append((stages[-1], f"{names} make {format_value(added, 'zh')}, more than the {whole} `problems`",
                              f"{names} 合计 {format_value(added, 'zh')}，超过了问题总数 `problems`（{whole}）"))
    rate, done, whole = (values.get(name) for name in ("completion_rate", "completed", "problems"))
    if rate is not None and done is not None and whole:
        worked_out = 100 * done / whole
        if abs(rate - worked_out) > _COMPLETION_SLACK:
            stated, exact = format_value(rate, "zh"), f"{worked_out:.1f}"
            conflicts.append(("completion_rate", f"`completion_rate` is {stated}%, but `completed`/`problems` makes {exact}%",
                              f"`completion_rate` 是 {stated}%，而 `completed`/`problems` 算得 {exact}%"))
    return conflicts


def _check_totals(site: Site, at: Locations) -> list[Problem]:
    """The round's totals agree with one another, where the notice states them."""
    totals = site.round.totals
    values = {name: figure.value for name, figure in totals.named().items()}
    return [at.problem(totals, en, zh, name) for name, en, zh in total_conflicts(values)]


def listed_counts(site: Site, statuses: dict[str, str] | None = None) -> dict[str, int]:
    """What the problems listed in data/areas/ count, by the name of the total
    that declares the same: `problems`, and each total of problems a status
    names, where every listed problem has a status: the one the notice gives it,
    or the one `statuses` (problem id → status id) gives it. Empty where the
    notice lists no problems. A status naming any other total is refused
    (_check_listed), and counts nothing: compared with measures, it would add a
    second message."""
    problems = site.problems
    if not problems:
        return {}
    if statuses is None:
        statuses = {problem.id: problem.status for problem in problems if problem.status is not None}
    counts = {"problems": len(problems)}
    if all(problem.id in statuses for problem in problems):
        for status in site.statuses:
            if status.total in _STAGES:
                counts[status.total] = counts.get(status.total, 0) + sum(statuses[p.id] == status.id for p in problems)
    return counts


def _check_listed(site: Site, at: Locations) -> list[Problem]:
    """Where the notice both declares a total and lists the problems it counts, the two agree."""
    problems = []
    for name, count in listed_counts(site).items():
        figure = getattr(site.round.totals, name, None)
        if figure is not None and figure.value != count:
            declared = format_value(figure.value, "zh")
            problems.append(at.problem(
                figure, f"`{name}` is {declared}, but data/areas/ lists {count} such problems; the two must agree",
                f"`{name}` 是 {declared}，而 data/areas/ 中列出的这类问题有 {count} 个；两者必须一致", "value"))
    for status in site.statuses:
        if status.total is not None and status.total not in _STAGES:
            problems.append(at.problem(status, f"status `{status.id}` names `{status.total}`, which is not a total of problems; "
                                               f"use one of {', '.join(_STAGES)}",
                                       f"状态 `{status.id}` 的 `total` 写成了 `{status.total}`，它不是问题的总数；请用 {'、'.join(_STAGES)} 之一",
                                       "total"))
    return problems


def _check_declared(site: Site, at: Locations) -> list[Problem]:
    """Where the areas declare counts, they add up to the round's totals."""
    problems = []
    for key in ("problems", "completed", "measures"):
        declaring = [a for a in site.areas if a.declared is not None and getattr(a.declared, key) is not None]
        if not declaring:
            continue
        if len(declaring) < len(site.areas):
            missing = next(a for a in site.areas if a not in declaring)
            problems.append(at.problem(
                missing, f"{len(declaring)} of {len(site.areas)} areas declare `declared.{key}`, but not this one; declare it for every area or for none",
                f"{len(site.areas)} 个方面中有 {len(declaring)} 个填写了 `declared.{key}`，本方面没有；请全部填写或全部不填", "id"))
            continue
        listed = sum(getattr(a.declared, key) for a in declaring)
        total = getattr(site.round.totals, key)
        if total is not None and listed != total.value:  # a total the notice does not state has nothing to add up to
            declared = format_value(total.value, "zh")
            path, line, _ = at.where(declaring[0].declared)
            problems.append(at.problem(
                total, f"declared {declared} {key}, but the areas list {listed} (`declared.{key}` in data/areas/, e.g. {path}:{line})",
                f"声明了 {declared} 个{_TOTAL_NAMES_ZH[key]}，但各方面合计为 {listed}（见 data/areas/ 中的 `declared.{key}`，如 {path}:{line}）",
                "value"))
    return problems


_TOTAL_NAMES_ZH = {"problems": "问题", "completed": "已完成整改的问题", "measures": "整改举措"}


# --- the reporting rounds ----------------------------------------------------------


def _check_progress(site: Site, at: Locations) -> list[Problem]:
    problems = _unique(site.statuses, "id", "status id", "状态标识", at)
    problems += _unique(site.updates, "id", "update id", "进展标识", at)
    feedback, previous = site.round.inspection.feedback, None
    for update in site.updates:
        if feedback is not None and update.date < feedback:
            problems.append(at.problem(
                update, f"update `{update.id}` is dated {update.date}, before the feedback ({feedback}) in data/round.yaml; "
                        "an update reports on the rectification that follows the feedback",
                f"进展 `{update.id}` 的日期 {update.date} 早于 data/round.yaml 中的反馈日期（{feedback}）；进展报告的是反馈之后的整改",
                "date"))
        elif previous is not None and update.date <= previous.date:
            problems.append(at.problem(
                update, f"update `{update.id}` ({update.date}) is not after `{previous.id}` ({previous.date}); "
                        "list the updates oldest first, one per date",
                f"进展 `{update.id}`（{update.date}）不晚于 `{previous.id}`（{previous.date}）；请按日期从早到晚排列，每个日期一条",
                "date"))
        previous = update
        problems += [at.problem(update.totals, en, zh, name) for name, en, zh in part_conflicts(dataclasses.asdict(update.totals))]
        problems += _check_source(site, update, at)
        problems += _check_update_statuses(site, update, at)
    return problems + _check_figures_as_of(site, at)


def _check_source(site: Site, update, at: Locations) -> list[Problem]:
    source = update.source
    if bool(source.notice) == (source.title is not None):
        return [at.problem(source, f"the `source` of update `{update.id}` must name either blocks of the notice "
                                   "(`notice: [summary]`) or another document (`title:` and `url:`), and not both",
                           f"进展 `{update.id}` 的 `source` 应当要么列出公告中的段落（`notice: [summary]`），"
                           "要么写明另一份文件（`title:` 和 `url:`），不能两者都有或都没有")]
    blocks = [site.block(name) for name in source.notice]
    if not source.notice or None in blocks:
        return []  # a block that does not exist is reported with the references
    # A count taken from the notice must be written in the blocks cited for it.
    first = site.languages[0]
    cited = "".join(printed(block, first) for block in blocks)
    problems = []
    for key, value in dataclasses.asdict(update.totals).items():
        if value is not None and not quotes("{n}", format_value(value, first), cited):
            names = ", ".join(source.notice)
            problems.append(at.problem(
                update.totals, f"`{key}` ({value}) is not stated in the blocks of data/notice.yaml that update "
                               f"`{update.id}` cites ({names}); a count must be stated by its source",
                f"`{key}`（{value}）没有出现在进展 `{update.id}` 所引用的 data/notice.yaml 段落（{names}）中；数字必须有出处", key))
    return problems


def _check_update_statuses(site: Site, update, at: Locations) -> list[Problem]:
    problems, seen = [], {}
    holds_the_notice = update.id == site.progress.figures_as_of
    for item in update.statuses:
        found = site.items.get(item.item)
        if found is None:
            hint_en, hint_zh = suggest(item.item, list(site.items), ("problems and measures", "问题和措施"))
            problems.append(at.problem(item, f"no problem or measure `{item.item}` in data/areas/; {hint_en}",
                                       f"data/areas/ 中没有问题或措施 `{item.item}`；{hint_zh}", "item"))
        elif holds_the_notice and found[1].status is not None:
            path, line, _ = at.where(found[1], "status")
            problems.append(at.problem(
                item, f"`{item.item}` has the status the notice gives it in {path}:{line}; update `{update.id}` holds the "
                      "notice's figures and statuses, so it does not give one again",
                f"`{item.item}` 的状态已在 {path}:{line} 按公告填写；进展 `{update.id}` 对应公告本身，不再重复填写", "item"))
        if site.status(item.status) is None:
            hint_en, hint_zh = suggest(item.status, [s.id for s in site.statuses], ("statuses", "状态"))
            problems.append(at.problem(item, f"unknown status `{item.status}`; {hint_en}",
                                       f"未知的状态 `{item.status}`；{hint_zh}", "status"))
        if item.item in seen:
            path, line, _ = at.where(seen[item.item])
            problems.append(at.problem(
                item, f"update `{update.id}` gives the status of `{item.item}` twice (first at {path}:{line})",
                f"进展 `{update.id}` 两次给出 `{item.item}` 的状态（第一次在 {path}:{line}）"))
        seen.setdefault(item.item, item)
    return problems


def _check_figures_as_of(site: Site, at: Locations) -> list[Problem]:
    """The update that the notice's figures belong to exists, cites the notice and agrees with it."""
    progress, update = site.progress, site.figures_update
    if progress.figures_as_of is None:
        return []
    if update is None:
        hint_en, hint_zh = suggest(progress.figures_as_of, [u.id for u in site.updates], ("updates", "进展"))
        return [at.problem(progress, f"`figures_as_of` names no update `{progress.figures_as_of}`; {hint_en}",
                           f"`figures_as_of` 所指的进展 `{progress.figures_as_of}` 不存在；{hint_zh}", "figures_as_of")]
    if not update.source.notice:
        return [at.problem(progress, f"`figures_as_of` names update `{update.id}`, which does not cite data/notice.yaml; "
                                     "the figures on the site are the notice's",
                           f"`figures_as_of` 所指的进展 `{update.id}` 没有引用 data/notice.yaml；本站的数字来自公告", "figures_as_of")]
    problems = []
    if update.date > site.notice.date:
        problems.append(at.problem(update, f"update `{update.id}` holds the notice's figures, so it cannot be dated after the notice "
                                           f"({site.notice.date})",
                                   f"进展 `{update.id}` 对应公告中的数字，日期不能晚于公告日期（{site.notice.date}）", "date"))
    as_of, feedback = site.round.totals.as_of, site.round.inspection.feedback
    # An `as_of` outside its range is reported on its own (_check_dates): one mistake, one message.
    if as_of is not None and (feedback or as_of) <= as_of <= site.notice.date and update.date != as_of:
        problems.append(at.problem(
            update, f"update `{update.id}` holds the notice's figures, which data/round.yaml counts to `as_of` ({as_of}); "
                    f"date the update {as_of}",
            f"进展 `{update.id}` 对应公告中的数字，而 data/round.yaml 中这些数字截至 `as_of`（{as_of}）；请将进展日期写为 {as_of}",
            "date"))
    # Both say what the notice states, so they agree; a count neither states is not compared.
    for key, value in dataclasses.asdict(update.totals).items():
        figure = getattr(site.round.totals, key)
        stated = None if figure is None else figure.value
        if value != stated:
            shown, shown_zh = _stated(value)
            in_round, in_round_zh = _stated(stated)
            problems.append(at.problem(
                update.totals, f"`{key}` is {shown} here but {in_round} in data/round.yaml; "
                               f"update `{update.id}` holds the notice's figures, so they must agree",
                f"`{key}` 在这里是 {shown_zh}，在 data/round.yaml 中是 {in_round_zh}；"
                f"进展 `{update.id}` 对应公告中的数字，两者必须一致", key))
    return problems


def _stated(value) -> tuple[str, str]:
    """A count as a message shows it, in English and Chinese: "nothing" where it is not stated."""
    return ("nothing", "未填写") if value is None else (format_value(value, "zh"),) * 2
