"""`gongshi update LEDGER --date YYYY-MM-DD`: the next reporting round, from the
rectification ledger a body keeps (gongshi.ledger), appended to data/updates.yaml.

The round states the status of every problem and measure whose row gives one,
with the row's note, and the totals counted from them (validate.listed_counts).
The file is appended to as text: its comments and earlier rounds stay byte for
byte. Nothing is written unless the whole ledger is valid and the site with the
new round passes every check `gongshi check` makes of the data; every problem
is reported at once, at its cell. Then the command prints what changed since
the round before, in the words of the progress page.

Exit status: 0 the round was added; 1 nothing written, with the problems listed.
"""
from __future__ import annotations

import argparse
import dataclasses
import datetime
import gc
import json
import os
import re
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import yaml

from . import ledger
from .data import load_located
from .errors import InputError, Problem, message_language, suggest
from .export import to_json
from .format import format_date, format_value
from .history import diff, statuses_in
from .labels import LANGUAGES, label
from .ledger import Cell, Column, Sheet, parse_date, problem_at
from .load import parse_yaml
from .markup import Context, count_name, count_unit, item_name, written
from .model import HTML_TAG, Counts, Id, ItemStatus, Site, Source, StatusId, Text, Update, Updates
from .progress import change_kind, count_detail
from .validate import build_file, check_site, language_name, listed_counts

UPDATES = "data/updates.yaml"
_QUOTES = ("“", "”")  # how messages quote what a cell says
SHOWN_AT_MOST = 40  # characters of a cell a message repeats


def _shown(text: str) -> str:
    """What a message repeats of a cell: a pasted page would drown the message."""
    return text if len(text) <= SHOWN_AT_MOST else text[:SHOWN_AT_MOST] + "…"


def add_parser(subparsers) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(
        "update", help="从整改台账添加新一期进展 / add the next reporting round from the rectification ledger",
        description="读取填好的整改台账（本站 /data/ledger.xlsx 或 ledger.csv 模板），在 data/updates.yaml 末尾添加一期进展。 "
                    "Reads a filled-in rectification ledger (the site's /data/ledger.xlsx or ledger.csv template) and "
                    "appends the next reporting round to data/updates.yaml.")
    parser.add_argument("ledger", type=Path, help="填好的整改台账，.xlsx 或 .csv / the filled-in ledger, .xlsx or .csv")
    parser.add_argument("--date", required=True, help="本期进展的截至日期，YYYY-MM-DD / the date the round reports as of")
    # The plain options are in the site's first language; --title-en and the like in the language they name.
    for suffix, which in [("", "")] + [(f"-{lang}", f" ({lang})") for lang in LANGUAGES]:
        parser.add_argument(f"--title{suffix}", help=f"本期进展的标题 / the round's title{which}")
        parser.add_argument(f"--text{suffix}", help=f"本期进展的说明 / what the round says{which}")
        parser.add_argument(f"--source{suffix}", help=f"发布本期进展的文件名称 / the document that publishes it{which}")
    parser.add_argument("--url", help="该文件的网址 / the document's address")
    parser.add_argument("--lang", choices=["zh", "en"], help="message language (default: zh, or GONGSHI_LANG)")
    parser.add_argument("--root", type=Path, default=Path("."), help="the project folder (default: .)")
    parser.set_defaults(run=run)
    return parser


def run(args) -> int:
    # The command builds the whole site and a round of thousands of rows, and
    # ends: the collector's passes over all that would free nothing, and cost
    # a fifth of its time at 3,000 rows.
    gc.disable()
    try:
        return _run(args)
    finally:
        gc.enable()


def _run(args) -> int:
    lang = args.lang or message_language()
    say = _say(lang)
    try:
        site, at = load_located(args.root / "data")
    except InputError as error:
        print(say("站点的数据有问题，请先修正（见 gongshi check）：", "The site's data has problems; fix them first (see gongshi check):"),
              file=sys.stderr)
        print(error.format(lang))
        return 1
    date, problems = _round_date(site, args.date)
    given, found = _given_words(site, args)
    problems += found
    sheet, found = ledger.read_ledger(args.ledger, site)
    problems += found
    entries = {}
    if sheet is not None:
        entries, found = _entries(site, sheet, date)
        problems += found
    if problems:
        return _refuse(problems, lang)
    update = _update(site, date, _words(site, given, date, entries), entries, args.url)
    path = args.root / UPDATES
    original = path.read_bytes().decode("utf-8")
    text = append_update(original, to_yaml(update, site))
    new_site, problems = _checked(site, at, text)
    if problems:
        print(say("新一期进展未能通过检查，没有写入：", "The new round would not pass the check, so nothing was written:"), file=sys.stderr)
        return _refuse(problems, lang)
    _write_atomically(path, text)
    print(changes_text(new_site, new_site.update(update.id), lang))
    print(say(f"已在 {UPDATES} 添加一期进展 `{update.id}`（{format_date(date, 'zh')}），给出 {len(update.statuses)} 个问题和措施的完成情况。",
              f"Added the round `{update.id}` ({date}) to {UPDATES}, with the status of {len(update.statuses)} problems and measures."),
          file=sys.stderr)
    return 0


def _say(lang: str):
    return lambda zh, en: zh if lang == "zh" else en


def _refuse(problems: list[Problem], lang: str) -> int:
    for problem in problems:
        print(problem.format(lang))
    print(_say(lang)(f"发现 {len(problems)} 处问题，没有写入任何文件。", f"{len(problems)} problem(s) found; nothing was written."),
          file=sys.stderr)
    return 1


# --- the round's date --------------------------------------------------------------------------


def _round_date(site: Site, given: str) -> tuple[datetime.date | None, list[Problem]]:
    """The date of the round: a real date, not in the future, after the
    feedback and after the last round. None where it is not a date."""
    date = parse_date(Cell(given, "--date"))
    if date is None:
        return None, [problem_at("--date", f"“{_shown(given)}” is not a date; write it YYYY-MM-DD, e.g. 2025-03-31",
                                 f"“{_shown(given)}”不是日期；请写成 YYYY-MM-DD，如 2025-03-31")]
    problems = []
    today, feedback = datetime.date.today(), site.round.inspection.feedback
    last = site.updates[-1] if site.updates else None
    if date > today:
        problems.append(problem_at("--date", f"{date} is in the future (today is {today}); a round reports what has been done",
                                   f"{date} 是将来的日期（今天是 {today}）；进展报告的是已经完成的情况"))
    if last is not None and date <= last.date:
        problems.append(problem_at("--date", f"{date} is not after the last round, `{last.id}` of {last.date}; "
                                             "a new round comes after it",
                                   f"{date} 不晚于上一期进展（`{last.id}`，{last.date}）；新一期应在其后"))
    elif feedback is not None and date < feedback:
        problems.append(problem_at("--date", f"{date} is before the feedback ({feedback} in data/round.yaml); "
                                             "a round reports on the rectification that follows it",
                                   f"{date} 早于 data/round.yaml 中的反馈日期（{feedback}）；进展报告的是反馈之后的整改"))
    return date, problems


# --- the rows -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Entry:
    """What one row of the ledger states."""

    status: str  # a status id
    note: Text | None


def _status_words(site: Site) -> dict[str, str]:
    """Every way a cell may write a status (its label in each language, its id,
    the phrases notices write it with) → its id."""
    words = {}
    for status in site.statuses:
        for word in (*status.label.values(), status.id, *status.phrases):
            words.setdefault(word, status.id)
    return words


def _entries(site: Site, sheet: Sheet, date: datetime.date | None) -> tuple[dict[str, Entry], list[Problem]]:
    """What each row states, by item id, and every problem of every row."""
    first, words = site.languages[0], _status_words(site)
    last = site.updates[-1] if site.updates else None
    before = statuses_in(site, last) if last else {}
    labels = [status.label[first] for status in site.statuses]
    note_columns = [Column("note")] + [Column("note", lang) for lang in site.languages[1:]]
    seen: dict[str, Cell] = {}
    entries, problems = {}, []

    def refuse(cell: Cell, en: str, zh: str):
        problems.append(problem_at(cell.place, en, zh))

    def value(column: Column, row) -> Cell | None:
        """The row's cell in a column the sheet has; a formula in it is refused."""
        cell = row.cells.get(column)
        if cell is not None and cell.formula is not None:
            formula = _shown(cell.formula)
            refuse(cell, f"the cell holds the formula {formula} where a value belongs; type the value itself "
                         "(or copy the column and paste it back as values)",
                   f"单元格中是公式 {formula}，这里应当填写值；请直接填写（或复制该列后“选择性粘贴”为数值）")
            return None
        return cell

    for row in sheet.rows:
        id_cell, status_cell, as_of_cell = (value(Column(key), row) for key in ("id", "status", "as_of"))
        notes = {column: value(column, row) for column in note_columns}
        if id_cell is None:
            continue
        item_id = id_cell.text
        if not item_id:
            refuse(id_cell, f"the row has no “{Column('id').heading(site)}”; every row of the template has its own, "
                            "and a row added by hand has none: delete it, or copy the ledger anew from /data/ledger.xlsx",
                   f"这一行没有“{Column('id').heading(site)}”；模板的每一行都有自己的标识，手工添加的行没有：请删除该行，"
                   "或重新使用 /data/ledger.xlsx 模板")
            continue
        if item_id not in site.items:
            # A list of every id would tell an office worker nothing.
            hint_en, hint_zh = suggest(item_id, list(site.items), ("ids", "标识"), _QUOTES, otherwise=(
                "the ledger may be another site's, or older than the site's data: fill in the template from /data/ledger.xlsx",
                "这份台账可能来自其他站点，或早于本站当前的数据：请使用 /data/ledger.xlsx 的最新模板"))
            refuse(id_cell, f"“{_shown(item_id)}” is no problem or measure of this site; {hint_en}",
                   f"“{_shown(item_id)}”不是本站的问题或措施；{hint_zh}")
            continue
        if item_id in seen:
            refuse(id_cell, f"“{item_id}” has a row already, at {seen[item_id].place}; give each problem and measure one row",
                   f"“{item_id}”已经有一行（{seen[item_id].place}）；每个问题和措施只能有一行")
            continue
        seen[item_id] = id_cell
        if status_cell is None:
            continue  # a formula, refused above
        written_status = status_cell.text
        if not written_status:
            filled = next((cell for cell in [as_of_cell, *notes.values()] if cell is not None and not cell.blank), None)
            if filled is not None:
                refuse(status_cell, f"the status is blank, but {filled.place} is filled in; give the status, "
                                    "or leave the row's date and note blank too",
                       f"完成情况为空，但 {filled.place} 已填写；请填写完成情况，或把这一行的日期和备注也留空")
            continue
        status_id = words.get(written_status)
        if status_id is None:
            hint_en, hint_zh = suggest(written_status, labels, ("statuses", "状态"), _QUOTES)
            refuse(status_cell, f"“{_shown(written_status)}” is not a status; {hint_en}",
                   f"“{_shown(written_status)}”不是整改状态；{hint_zh}")
            continue
        _check_as_of(as_of_cell, date, status_id, before.get(item_id), last, refuse)
        note = _note(site, notes, refuse)
        if note is not False:
            entries[item_id] = Entry(status_id, note)
    problems += _missing(site, sheet, seen)
    if not problems and not entries:
        problems.append(problem_at(sheet.place, f"no row gives a status; fill in the column “{Column('status').heading(site)}”",
                                   f"没有任何一行填写了完成情况；请填写“{Column('status').heading(site)}”一列"))
    return entries, problems


def _check_as_of(cell: Cell | None, date, status_id: str, before, last: Update | None, refuse):
    """The row's as-of date, where given: a date, not after the round's, and
    after the last round where that round gave another status (the change
    happened since). Where it gave none, an earlier date may be when the
    status was reached, unreported until now."""
    if cell is None or cell.blank:
        return
    as_of = parse_date(cell)
    if as_of is None:
        refuse(cell, f"“{_shown(cell.text)}” is not a date; write it like 2025-03-31",
               f"“{_shown(cell.text)}”不是日期；请写成 2025-03-31 这样的格式")
    elif date is not None and as_of > date:
        refuse(cell, f"{as_of} is after the round's date ({date}); a row cannot report past the round",
               f"{as_of} 晚于本期进展的日期（{date}）；各行的日期不能晚于本期")
    elif last is not None and as_of <= last.date and before is not None and before.status != status_id:
        refuse(cell, f"the status differs from the last round's ({last.date}), but the date {as_of} is not after it; "
                     "give the date the status was reached",
               f"完成情况与上一期（{last.date}）不同，但日期 {as_of} 不晚于上一期；请填写达到该状态的日期")


def _note(site: Site, notes: dict[Column, Cell | None], refuse):
    """The row's note in every language of the site, None for none, False where it cannot be taken."""
    cells = {column.lang or site.languages[0]: cell for column, cell in notes.items() if cell is not None and not cell.blank}
    if not cells:
        return None
    # A line break typed in a cell may come as \r\n (a CSV from Windows): a line break all the same.
    texts = {lang: cell.text.replace("\r\n", "\n").replace("\r", "\n") for lang, cell in cells.items()}
    ok = True
    for lang in site.languages:
        if lang not in texts:
            column = Column("note", None if lang == site.languages[0] else lang)
            cell = notes.get(column)
            given = next(iter(cells.values()))
            where_en = cell.place if cell is not None else f"a column “{column.heading(site)}”"
            where_zh = cell.place if cell is not None else f"“{column.heading(site)}”一列"
            refuse(given, f"the note has no {language_name(lang, 'en')} text; the site is in every language it lists, "
                          f"so add it in {where_en}",
                   f"备注缺少{language_name(lang, 'zh')}；本站的每种语言都要有，请在{where_zh}中填写")
            ok = False
    for lang, text in texts.items():
        if any(ord(char) < 32 and char not in "\n\t" for char in text):
            refuse(cells[lang], "the note holds an invisible control character; retype it", "备注中有不可见的控制字符；请重新输入")
            ok = False
        elif re.search(HTML_TAG, text):
            refuse(cells[lang], "the note holds HTML; write plain text", "备注中含有 HTML；请只写纯文字")
            ok = False
    return Text(texts) if ok else False


def _missing(site: Site, sheet: Sheet, seen: dict) -> list[Problem]:
    """The problems and measures that have no row."""
    first = site.languages[0]
    ctx = Context(site, first, "progress.md")
    problems = []
    for item_id, (_, item) in site.items.items():
        if item_id not in seen:
            name = item_name(ctx, item)
            problems.append(problem_at(sheet.place, f"no row for “{item_id}” ({name}); every problem and measure has a row in the "
                                                    "template: copy the row back from /data/ledger.xlsx",
                                       f"缺少“{item_id}”（{name}）这一行；模板中每个问题和措施各有一行：请从 /data/ledger.xlsx 中把这一行复制回来"))
    return problems


# --- the round ------------------------------------------------------------------------------------


_WORDS = ("title", "text", "source")


def _given_words(site: Site, args) -> tuple[dict[str, dict[str, str]], list[Problem]]:
    """The round's title, text and source as the options give them, by
    language: the plain option in the site's first language, --title-en and
    the like in theirs. Given in one language, they are needed in all: the
    site's own words, which stand in for what is not given, translate nothing."""
    first, given, problems = site.languages[0], {}, []
    for name in _WORDS:
        texts = {lang: getattr(args, f"{name}_{lang}") or (getattr(args, name) if lang == first else None) for lang in site.languages}
        given[name] = {lang: text for lang, text in texts.items() if text}
        for lang in (lang for lang in LANGUAGES if lang not in site.languages and getattr(args, f"{name}_{lang}")):
            problems.append(problem_at(f"--{name}-{lang}", f"the site is not in {language_name(lang, 'en')}; leave out --{name}-{lang}",
                                       f"本站没有{language_name(lang, 'zh')}版；请去掉 --{name}-{lang}"))
        if given[name]:
            for lang in (lang for lang in site.languages if lang not in given[name]):
                option = f"--{name}" if lang == first else f"--{name}-{lang}"
                problems.append(problem_at(option, f"the site is also in {language_name(lang, 'en')}: give the {name} in it with {option}",
                                           f"本站也有{language_name(lang, 'zh')}版：请用 {option} 给出{_NAMES_ZH[name]}的{language_name(lang, 'zh')}"))
    return given, problems


def _words(site: Site, given: dict[str, dict[str, str]], date: datetime.date, entries: dict[str, Entry]) -> dict[str, Text]:
    """The round's title, text and source in each language: as given, else the site's own words for a round from the ledger."""
    return {name: Text({lang: given[name].get(lang) or _default(site, name, lang, date, entries) for lang in site.languages})
            for name in _WORDS}


_NAMES_ZH = {"title": "标题", "text": "说明", "source": "来源文件名称"}


def _default(site: Site, name: str, lang: str, date: datetime.date, entries: dict[str, Entry]) -> str:
    if name == "title":
        return label(lang, "ledger_round_title")
    if name == "source":
        return label(lang, "ledger_source", issuer=site.info.issuer[lang])
    counts = [(status, sum(entry.status == status.id for entry in entries.values())) for status in site.statuses]
    said = label(lang, "separator").join(label(lang, "ledger_status_count", status=status.label[lang], n=format_value(n, lang))
                                         for status, n in counts if n)
    return label(lang, "ledger_round_text", date=format_date(date, lang), count=format_value(len(entries), lang), statuses=said)


def _update(site: Site, date: datetime.date, words: dict[str, Text], entries: dict[str, Entry], url: str | None) -> Update:
    """The round: its statuses in the notice's order, its totals counted from those of the problems."""
    known = {update.id for update in site.updates}
    update_id, n = f"progress-{date.isoformat()}", 1
    while update_id in known:
        n += 1
        update_id = f"progress-{date.isoformat()}-{n}"
    counted = listed_counts(site, {item_id: entry.status for item_id, entry in entries.items()})
    totals = Counts(**{f.name: counted[f.name] for f in dataclasses.fields(Counts) if f.name in counted})
    statuses = tuple(ItemStatus(Id(item_id), StatusId(entries[item_id].status), entries[item_id].note)
                     for item_id in site.items if item_id in entries)
    return Update(Id(update_id), date, words["title"], words["text"], Source(title=words["source"], url=url), totals, statuses)


def to_yaml(update: Update, site: Site) -> dict:
    """The round as data/updates.yaml holds it: a site in one language writes its texts plain."""
    first = site.languages[0]

    def plain(value):
        if isinstance(value, dict):
            if len(site.languages) == 1 and list(value) == [first]:
                return value[first]
            return {key: plain(item) for key, item in value.items() if item not in ({}, [])}
        if isinstance(value, list):
            return [plain(item) for item in value]
        return value

    return plain(to_json(update))


def append_update(text: str, entry: dict) -> str:
    """The text of data/updates.yaml with `entry` added at the end of its list
    `updates`, in the list's style; every other character of it as it was."""
    newline = "\r\n" if "\r\n" in text else "\n"
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    key, updates = next(((k, v) for k, v in getattr(root, "value", []) if getattr(k, "value", None) == "updates"), (None, None))
    block = yaml.dump([entry], Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=10**6, default_flow_style=False)

    def indented(spaces: int) -> str:
        return "".join(" " * spaces + line if line.strip() else line for line in block.splitlines(True)).replace("\n", newline)

    if key is None:  # no list yet
        separator = "" if text.endswith("\n") or not text else newline
        return text + separator + "updates:" + newline + indented(2)
    if isinstance(updates, yaml.SequenceNode) and updates.flow_style and updates.value:
        closing = updates.end_mark.index - 1  # the "]"
        return text[:closing] + ", " + json.dumps(entry, ensure_ascii=False) + text[closing:]
    if not isinstance(updates, yaml.SequenceNode) or not updates.value:  # `updates:`, `updates: []`, `updates: null`
        head, rest = text[: key.end_mark.index] + ":", text[updates.end_mark.index:]
        return head + newline + indented(2).rstrip("\r\n") + (rest if rest.startswith(("\n", "\r")) else newline + rest)
    first, last = updates.value[0], updates.value[-1]
    line_start = text.rfind("\n", 0, first.start_mark.index) + 1
    prefix = text[line_start:first.start_mark.index]
    dash = len(prefix) - len(prefix.lstrip(" "))
    end = _last_leaf(last).end_mark.index
    if not text[end - 1:end] == "\n":
        found = text.find("\n", end)
        end = len(text) if found < 0 else found + 1
    head = text[:end] if text[:end].endswith("\n") else text[:end] + newline
    last_start = text.rfind("\n", 0, last.start_mark.index) + 1
    gap = newline if text[:last_start].endswith(("\n\n", "\n\r\n")) else ""
    return head + gap + indented(dash) + text[end:]


# libyaml's emitter where PyYAML has it: a round of 3,000 statuses takes the
# Python one most of a second.
class _Dumper(yaml.CSafeDumper if yaml.__with_libyaml__ else yaml.SafeDumper):
    """Writes dates unquoted, as editors write them in data/ (gongshi.load
    reads every date as text)."""

    yaml_implicit_resolvers = {first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
                               for first, resolvers in yaml.SafeDumper.yaml_implicit_resolvers.items()}


def _last_leaf(node):
    """The node written last inside `node`: where its text ends."""
    while isinstance(node, (yaml.MappingNode, yaml.SequenceNode)) and node.value and not node.flow_style:
        last = node.value[-1]
        node = last[1] if isinstance(node, yaml.MappingNode) else last
    return node


def _checked(site: Site, at, text: str) -> tuple[Site | None, list[Problem]]:
    """The site with data/updates.yaml as `text`, checked as `gongshi check`
    checks the data (the rest of it was checked when loaded)."""
    data, problems = parse_yaml(text, UPDATES)
    if data is None or problems:
        return None, problems
    progress, problems = build_file(Updates, data, UPDATES, at, site.languages)
    if progress is None or problems:
        return None, problems
    new_site = dataclasses.replace(site, progress=progress)
    return new_site, check_site(new_site, at)


def _write_atomically(path: Path, text: str):
    """Replace the file in one step, so that an interrupted write never leaves half of it."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(text.encode("utf-8"))
        shutil.copymode(path, temporary)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


# --- what changed -------------------------------------------------------------------------------


def changes_text(site: Site, update: Update, lang: str) -> str:
    """What changed at `update` since the round before, as plain text in the
    words the progress page uses (progress.render_changes), in `lang` where
    the site has it, else in its first language."""
    lang = lang if lang in site.languages else site.languages[0]
    ctx, found = Context(site, lang, "progress.md"), diff(site, update)
    lines = [label(lang, "update_heading", date=format_date(update.date, lang), title=update.title[lang]),
             label(lang, "first_update") if found.previous is None else label(lang, "since", date=format_date(found.previous.date, lang)),
             label(lang, "totals")]
    for change in found.counts:
        value = label(lang, "not_stated") if change.after is None else written(ctx, change.after, count_unit(ctx, change.name))
        line = label(lang, "count_line", name=count_name(ctx, change.name), value=value)
        lines.append("  - " + (line if found.previous is None else line + label(lang, "detail", detail=count_detail(ctx, change))))
    if found.newly_done:
        lines += [label(lang, "newly_done")] + ["  - " + item_name(ctx, change.item) for change in found.newly_done]
    lines.append(label(lang, "status_changes"))
    for change in found.changes:
        states = " → ".join(status.label[lang] if status is not None else "—"
                            for status in ([change.after] if change.before is None else [change.before, change.after]))
        lines.append("  - " + label(lang, "change_line", measure=item_name(ctx, change.item), states=states, kind=change_kind(ctx, change)))
    if not found.changes:
        lines.append("  " + label(lang, "no_status_changes"))
    # A line break in a note is a space here, as on the page.
    return "\n".join(line.replace("\n", " ") for line in lines)
