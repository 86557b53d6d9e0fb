"""Read YAML safely and remember where every key and list item came from."""
from __future__ import annotations

from pathlib import Path

import yaml

from .errors import Problem

_TIMESTAMP = "tag:yaml.org,2002:timestamp"


class Located(dict):
    """A mapping that knows the line of itself and of each of its keys."""

    line: int
    key_lines: dict


class LocatedList(list):
    """A list that knows the line of itself and of each of its items."""

    line: int
    item_lines: list


def _line(node) -> int:
    return node.start_mark.line + 1


def _construct_mapping(loader, node: yaml.MappingNode) -> Located:
    mapping = Located()
    mapping.line, mapping.key_lines = _line(node), {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if isinstance(key, (list, dict)):
            loader.problems.append((_line(key_node),
                                    "a key must be a plain word, not a list or a mapping",
                                    "键必须是一个简单的词，不能是列表或映射"))
            continue
        if key in mapping:
            first = mapping.key_lines[key]
            loader.problems.append((_line(key_node),
                                    f"duplicate key `{key}` (first at line {first}); each key may appear once",
                                    f"键 `{key}` 重复（第一次出现在第 {first} 行）；每个键只能出现一次"))
            continue
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.key_lines[key] = _line(key_node)
    return mapping


def _construct_sequence(loader, node: yaml.SequenceNode) -> LocatedList:
    items = LocatedList(loader.construct_object(child, deep=True) for child in node.value)
    items.line, items.item_lines = _line(node), [_line(child) for child in node.value]
    return items


def _located(base: type) -> type:
    """A loader on `base` that keeps dates as text (so that 2024-02-30 can be
    reported with its line instead of crashing) and records line numbers."""
    loader = type(f"Located{base.__name__}", (base,), {})
    # A copy of the resolver table without timestamps: the original is shared with `base`.
    loader.yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != _TIMESTAMP]
        for first, resolvers in base.yaml_implicit_resolvers.items()
    }
    loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
    loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)
    return loader


# libyaml's parser is several times faster, which counts at a few hundred files.
# A file it rejects is parsed again by the pure-Python one, whose messages are
# the ones reported (and the same with or without libyaml).
_Loader = _located(yaml.SafeLoader)
_FastLoader = _located(yaml.CSafeLoader) if yaml.__with_libyaml__ else _Loader


def _syntax_problem(error: yaml.YAMLError, text: str, shown_as: str) -> Problem:
    """Where a syntax error is, as an editor would look for it."""
    if isinstance(error, yaml.reader.ReaderError):  # a character YAML does not allow
        line = text[: error.position].count("\n") + 1
        return Problem(shown_as, line, f"the character {error.character!r} is not allowed in YAML; delete it",
                       f"YAML 中不允许出现字符 {error.character!r}（常见于从 Word 或 PDF 粘贴的文字）；请删除它")
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


def _parse(loader_class: type, text: str) -> tuple[object, list]:
    """The data in `text`, and the (line, en, zh) problems found building it."""
    loader = loader_class(text)
    try:
        loader.problems = []
        return loader.get_single_data(), loader.problems
    finally:
        loader.dispose()


def load_yaml(path: Path, shown_as: str) -> tuple[object, list[Problem]]:
    """Parse one file. Returns (data, problems); data is None when unusable.

    `shown_as` is the path printed in messages, relative to the project."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        return None, [Problem(shown_as, 1, f"cannot read the file ({error.strerror})", f"无法读取文件（{error.strerror}）")]
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]  # a UTF-8 byte-order mark is harmless; editors on Windows add it
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, [Problem(shown_as, line, "the file is not UTF-8 text; save it as UTF-8",
                              "文件不是 UTF-8 编码；请以 UTF-8 编码保存")]
    try:
        data, found = _parse(_FastLoader, text)
    except yaml.YAMLError:
        try:
            data, found = _parse(_Loader, text)
        except yaml.YAMLError as error:
            return None, [_syntax_problem(error, text, shown_as)]
    problems = [Problem(shown_as, line, en, zh) for line, en, zh in found]
    if data is None:
        problems.append(Problem(shown_as, 1, "the file is empty; it should hold a mapping of keys",
                                "文件是空的；其中应当是若干“键: 值”"))
    return data, problems
