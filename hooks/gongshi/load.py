"""Read YAML safely and remember where every key and list item came from."""
from __future__ import annotations

import re
from pathlib import Path

import yaml

from .errors import Problem
from .files import read_text

_TIMESTAMP = "tag:yaml.org,2002:timestamp"


class Located(dict):
    """A mapping that knows the line and column of itself and of each of its keys."""

    line: int
    column: int
    key_lines: dict
    key_columns: dict


class LocatedList(list):
    """A list that knows the line and column of itself and of each of its items."""

    line: int
    column: int
    item_lines: list
    item_columns: list


def _line(node) -> int:
    return node.start_mark.line + 1


def _column(node) -> int:
    return node.start_mark.column + 1


def _construct_mapping(loader, node: yaml.MappingNode) -> Located:
    mapping = Located()
    mapping.line, mapping.column, mapping.key_lines, mapping.key_columns = _line(node), _column(node), {}, {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if isinstance(key, (list, dict, set)):  # a set (!!set) is not even hashable
            loader.problems.append((_line(key_node), _column(key_node),
                                    "a key must be a plain word, not a list or a mapping",
                                    "键必须是一个简单的词，不能是列表或映射"))
            continue
        if key in mapping:
            first = mapping.key_lines[key]
            loader.problems.append((_line(key_node), _column(key_node),
                                    f"duplicate key `{key}` (first at line {first}); each key may appear once",
                                    f"键 `{key}` 重复（第一次出现在第 {first} 行）；每个键只能出现一次"))
            continue
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.key_lines[key], mapping.key_columns[key] = _line(key_node), _column(key_node)
    return mapping


def _construct_sequence(loader, node: yaml.SequenceNode) -> LocatedList:
    items = LocatedList(loader.construct_object(child, deep=True) for child in node.value)
    items.line, items.column = _line(node), _column(node)
    items.item_lines, items.item_columns = [_line(c) for c in node.value], [_column(c) for c in node.value]
    return items


# Deeper than any data or settings file needs, and far from where reading YAML runs out of stack.
MAX_DEPTH = 100


class _TooDeep(Exception):
    """Lists or mappings nested more than MAX_DEPTH deep, from `line` on."""

    def __init__(self, line: int):
        super().__init__(line)
        self.line = line


def _construct_object(loader, node, deep=False):
    """Any node, no deeper than MAX_DEPTH, with what an explicit tag cannot make
    of it (`!!int abc`, `!!bool maybe`, `!!map [1]`) said as a YAML error at that node."""
    collection = isinstance(node, yaml.CollectionNode)
    loader.depth = getattr(loader, "depth", 0) + collection
    try:
        if loader.depth > MAX_DEPTH:
            raise _TooDeep(_line(node))
        return super(type(loader), loader).construct_object(node, deep)
    except (ValueError, KeyError, TypeError, AttributeError, OverflowError) as error:
        kind = node.tag.rsplit(":", 1)[-1]
        raise yaml.constructor.ConstructorError(None, None, f"this value cannot be read as `{kind}` ({error})",
                                                node.start_mark) from None
    finally:
        loader.depth -= collection


def _located(base: type) -> type:
    """A loader on `base` that keeps dates as text (so that 2024-02-30 can be
    reported with its line instead of crashing) and records lines and columns."""
    loader = type(f"Located{base.__name__}", (base,), {"construct_object": _construct_object})
    # A copy of the resolver table without timestamps: the original is shared with `base`.
    loader.yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != _TIMESTAMP]
        for first, resolvers in base.yaml_implicit_resolvers.items()
    }
    loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
    loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)
    return loader


# libyaml's parser is several times faster, which counts at a few hundred files.
# Any file it rejects, or that holds a character the Python reader refuses, is
# parsed by the pure-Python one, whose messages are the ones reported: the same
# with or without libyaml.
_Loader = _located(yaml.SafeLoader)
_FastLoader = _located(yaml.CSafeLoader) if yaml.__with_libyaml__ else _Loader


def _parse(loader_class: type, text: str) -> tuple[object, list]:
    """The data in `text`, and the (line, column, en, zh) problems found building it."""
    loader = loader_class(text)
    try:
        loader.problems = []
        return loader.get_single_data(), loader.problems
    finally:
        loader.dispose()


def _parse_fast(text: str) -> tuple[object, list]:
    if yaml.reader.Reader.NON_PRINTABLE.search(text):
        return _parse(_Loader, text)
    try:
        return _parse(_FastLoader, text)
    except yaml.YAMLError:
        return _parse(_Loader, text)


def syntax_problem(error: yaml.YAMLError, text: str, shown_as: str) -> Problem:
    """Where a syntax error is, as an editor would look for it."""
    if isinstance(error, yaml.reader.ReaderError):  # a character YAML does not allow
        line = text[: error.position].count("\n") + 1
        return Problem(shown_as, line, f"the character {error.character!r} is not allowed in YAML; delete it",
                       f"YAML 中不允许出现字符 {error.character!r}（常见于从 Word 或 PDF 粘贴的文字）；请删除它")
    unclosed = _unclosed_quote(text, getattr(getattr(error, "problem_mark", None), "line", len(text)))
    if unclosed:
        return Problem(shown_as, unclosed, "a quote opened on this line is not closed; end the text with the same quote",
                       "本行开始的引号没有结束；请在文字末尾补上同样的引号", 1)
    mark, context = getattr(error, "problem_mark", None), getattr(error, "context_mark", None)
    # At the end of the file the problem is where the unfinished thing began (an unclosed quote).
    if context is not None and (mark is None or mark.index >= len(text.rstrip())):
        mark = context
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, None)
    reason = getattr(error, "problem", None) or str(error)
    if context is not None and getattr(error, "context", None):
        reason = f"{error.context}: {reason}"
    en, zh = f"YAML syntax error: {reason}", f"YAML 语法错误：{reason}"
    if "\t" in "".join(text.splitlines()[line - 1 : line]):
        en += " (tabs cannot indent YAML; use spaces)"
        zh += "（YAML 不能用制表符缩进，请改用空格）"
    return Problem(shown_as, line, en, zh, column)


_QUOTED_VALUE = re.compile(r"""^\s*(?:-\s+)?(?:[^\s:#"'][^:#]*:\s+)?(["'])(.*)$""")


def _unclosed_quote(text: str, last_index: int) -> int | None:
    """The last line up to the error whose value opens a quote it never closes.
    YAML lets a quoted text run on over lines, so PyYAML only notices later."""
    found = None
    for number, line in enumerate(text.splitlines()[: last_index + 1], 1):
        match = _QUOTED_VALUE.match(line)
        if not match:
            continue
        quote, rest = match.groups()
        closing = r'(?<!\\)"' if quote == '"' else r"'(?!')"
        if not re.search(closing, rest.replace("''", "")):
            found = number
    return found


def load_yaml(path: Path, shown_as: str) -> tuple[object, list[Problem]]:
    """Parse one file. Returns (data, problems); data is None when unusable.

    `shown_as` is the path printed in messages, relative to the project."""
    text, problem = read_text(path, shown_as, ("a data file", "数据文件"))
    if problem:
        return None, [problem]
    if text.startswith("\ufeff"):
        # Invisible, and it hides the schema line from editors: ask for plain UTF-8.
        return None, [Problem(shown_as, 1, "the file starts with a byte-order mark (BOM); save it as UTF-8 without BOM",
                              "文件开头有字节顺序标记（BOM）；请保存为不带 BOM 的 UTF-8", 1)]
    return parse_yaml(text, shown_as)


def parse_yaml(text: str, shown_as: str) -> tuple[object, list[Problem]]:
    """Parse the text of a data file, as load_yaml does once it has read it."""
    try:
        data, found = _parse_fast(text)
    except yaml.YAMLError as error:
        return None, [syntax_problem(error, text, shown_as)]
    except _TooDeep as error:
        return None, [_nesting_problem(shown_as, error.line)]
    except RecursionError:  # in composing, before any object is made: deeper still
        return None, [too_deep(text, shown_as)]
    problems = [Problem(shown_as, line, en, zh, column) for line, column, en, zh in found]
    if data is None:
        problems.append(Problem(shown_as, 1, "the file is empty; it should hold a mapping of keys",
                                "文件是空的；其中应当是若干“键: 值”"))
    return data, problems


def too_deep(text: str, shown_as: str) -> Problem:
    """Where `text` nests lists or mappings more than MAX_DEPTH deep. Parsing
    events is flat, so it finds the place without running out of stack itself."""
    depth, line = 0, 1
    try:
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    line = event.start_mark.line + 1
                    break
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError:
        pass  # the nesting is what the editor has to fix first
    return _nesting_problem(shown_as, line)


def _nesting_problem(shown_as: str, line: int) -> Problem:
    return Problem(shown_as, line, f"lists or mappings are nested more than {MAX_DEPTH} deep here; nothing in this file needs more than a few levels",
                   f"这里的列表或映射嵌套超过了 {MAX_DEPTH} 层；这个文件只需要几层嵌套")
