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


class _Loader(yaml.SafeLoader):
    """SafeLoader that keeps dates as text (so that 2024-02-30 can be reported
    with its line instead of crashing) and records line numbers."""


# Copy the resolver table before removing timestamps: it is shared with SafeLoader.
_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != _TIMESTAMP]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _line(node) -> int:
    return node.start_mark.line + 1


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> Located:
    mapping = Located()
    mapping.line, mapping.key_lines = _line(node), {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in mapping:
            loader.duplicates.append(
                (_line(key_node), f"duplicate key `{key}` (first at line {mapping.key_lines[key]}); each key may appear once")
            )
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.key_lines[key] = _line(key_node)
    return mapping


def _construct_sequence(loader: _Loader, node: yaml.SequenceNode) -> LocatedList:
    items = LocatedList(loader.construct_object(child, deep=True) for child in node.value)
    items.line, items.item_lines = _line(node), [_line(child) for child in node.value]
    return items


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


def load_yaml(path: Path, shown_as: str) -> tuple[object, list[Problem]]:
    """Parse one file. Returns (data, problems); data is None when unusable.

    `shown_as` is the path printed in messages, relative to the project."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        return None, [Problem(shown_as, 1, f"cannot read the file ({error.strerror})")]
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]  # a UTF-8 byte-order mark is harmless; editors on Windows add it
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, [Problem(shown_as, line, "the file is not UTF-8 text; save it as UTF-8")]
    loader = _Loader(text)
    loader.duplicates = []
    try:
        data = loader.get_single_data()
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, None)
        reason = getattr(error, "problem", None) or str(error)
        if "\t" in "".join(text.splitlines()[line - 1 : line]):
            reason += " (tabs cannot indent YAML; use spaces)"
        return None, [Problem(shown_as, line, f"YAML syntax error: {reason}", column)]
    finally:
        loader.dispose()
    problems = [Problem(shown_as, line, message) for line, message in loader.duplicates]
    if data is None:
        problems.append(Problem(shown_as, 1, "the file is empty; it should hold a mapping of keys"))
    return data, problems
