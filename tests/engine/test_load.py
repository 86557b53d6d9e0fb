"""load.py: YAML read safely, with the line of every key and list item."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from gongshi.load import Located, LocatedList, load_yaml

REAL_DATA = Path(__file__).resolve().parents[2] / "data"


def load(tmp_path, content, name="x.yaml"):
    """Write `content` (text, or bytes as they are) and load it with load_yaml."""
    path = tmp_path / name
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return load_yaml(path, f"data/{name}")


# --- syntax errors ---------------------------------------------------------------


def test_syntax_error_reports_line_and_column(tmp_path):
    data, problems = load(tmp_path, "a: 1\nb: : x\nc: 2\n")
    assert data is None
    [problem] = problems
    assert (problem.path, problem.line, problem.column) == ("data/x.yaml", 2, 4)
    assert problem.message.startswith("YAML syntax error: ")
    assert "mapping values are not allowed here" in problem.message
    assert str(problem).startswith("data/x.yaml:2:4: YAML syntax error")


def test_syntax_error_in_a_data_file_names_the_file_line_and_column(data, edit, line_of, problems):
    path = data / "areas" / "02-industry-oversight.yaml"
    edit(path, "      zh: 发现问题\n", "      zh: 发现问题: 再\n")
    line = line_of(path, "发现问题: 再")
    column = "      zh: 发现问题: 再".index(": 再") + 1
    [problem] = problems(data)
    assert problem.path == "data/areas/02-industry-oversight.yaml"
    assert (problem.line, problem.column) == (line, column)
    assert "YAML syntax error" in problem.message


def test_unclosed_quote_points_at_the_line_where_the_quote_opens(tmp_path):
    # PyYAML knows both places ("while scanning a quoted scalar" at line 2,
    # "found unexpected end of stream" after the last line); an editor needs
    # the first, since nothing is wrong at the end of the file.
    data, problems = load(tmp_path, 'a: 1\nb: "abc\nc: 2\nd: 3\n')
    assert data is None
    [problem] = problems
    assert problem.line == 2, str(problem)


def test_tab_indentation_says_tabs(tmp_path):
    data, problems = load(tmp_path, "a:\n  b: 1\n\tc: 2\n")
    assert data is None
    [problem] = problems
    assert (problem.line, problem.column) == (3, 1)
    assert "tabs cannot indent YAML; use spaces" in problem.message


def test_tab_indentation_in_a_data_file(data, edit, line_of, problems):
    path = data / "contact.yaml"
    edit(path, "address:\n  zh: 丽水市紫金路701号\n", "address:\n\tzh: 丽水市紫金路701号\n")
    line = line_of(path, "\tzh: 丽水市紫金路701号")
    [problem] = problems(data)
    assert (problem.path, problem.line) == ("data/contact.yaml", line)
    assert "tabs cannot indent YAML; use spaces" in problem.message


# --- duplicate keys -----------------------------------------------------------------


def test_duplicate_key_reports_its_line_and_the_first(data, edit, line_of, problems):
    path = data / "contact.yaml"
    edit(path, "  en: No. 701 Zijin Road, Lishui\n", "  en: No. 701 Zijin Road, Lishui\n  zh: 丽水市紫金路702号\n")
    first = line_of(path, "zh: 丽水市紫金路701号")
    again = line_of(path, "zh: 丽水市紫金路702号")
    [problem] = problems(data)
    assert (problem.path, problem.line) == ("data/contact.yaml", again)
    assert f"duplicate key `zh` (first at line {first})" in problem.message


def test_duplicate_top_level_key(tmp_path):
    data, problems = load(tmp_path, "a: 1\nb: 2\na: 3\n")
    [problem] = problems
    assert problem.line == 3
    assert "duplicate key `a` (first at line 1)" in problem.message


def test_key_repeated_three_times_names_the_first_line_each_time(tmp_path):
    data, problems = load(tmp_path, "a: 1\na: 2\na: 3\n")
    assert [p.line for p in problems] == [2, 3]
    for problem in problems:
        assert "(first at line 1)" in problem.message, str(problem)


# --- encodings ------------------------------------------------------------------------


def test_non_utf8_file_is_reported_as_not_utf8(data, problems):
    path = data / "notice.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_bytes(text.encode("gb18030"))
    first_chinese = next(n for n, line in enumerate(text.splitlines(), 1) if not line.isascii())
    [problem] = problems(data)
    assert (problem.path, problem.line) == ("data/notice.yaml", first_chinese)
    assert "not UTF-8" in problem.message


def test_non_utf8_bytes_in_a_small_file(tmp_path):
    data, problems = load(tmp_path, b"a: 1\nb: " + "中文".encode("gb18030") + b"\n")
    assert data is None
    [problem] = problems
    assert problem.line == 2
    assert "the file is not UTF-8 text" in problem.message


def test_utf8_byte_order_mark_is_refused_with_a_fix(tmp_path):
    data, problems = load(tmp_path, b"\xef\xbb\xbfa: 1\nb: \xe4\xb8\x80\n")
    assert data is None
    [problem] = problems
    assert (problem.line, problem.column) == (1, 1)
    assert "save it as UTF-8 without BOM" in problem.message
    assert "不带 BOM 的 UTF-8" in problem.zh


def test_a_file_too_large_is_refused_before_it_is_parsed(tmp_path):
    data, problems = load(tmp_path, b"a: " + b"x" * (17 * 2**20) + b"\n")
    assert data is None
    [problem] = problems
    assert "the file is 17.0 MB; a data file may be at most 16 MB" in problem.message


def test_control_character_is_a_problem_not_a_crash(tmp_path):
    # A form feed or vertical tab pasted from a PDF or a word processor.
    data, problems = load(tmp_path, "a: 1\nb: x\x0cy\n")
    assert data is None
    [problem] = problems
    assert (problem.path, problem.line) == ("data/x.yaml", 2)


def test_control_character_in_a_data_file_is_reported_with_its_file(data, edit, line_of, problems):
    path = data / "notice.yaml"
    edit(path, "  zh: 公示公告\n", "  zh: 公示\x0b公告\n")
    line = line_of(path, "公示\x0b公告")
    [problem] = problems(data)
    assert (problem.path, problem.line) == ("data/notice.yaml", line)


# --- empty files -----------------------------------------------------------------------


def test_empty_file_is_an_error(tmp_path):
    data, problems = load(tmp_path, "")
    assert data is None
    [problem] = problems
    assert problem.line == 1
    assert "the file is empty" in problem.message


def test_file_with_only_comments_is_empty(tmp_path):
    data, problems = load(tmp_path, "# nothing yet\n\n")
    assert data is None
    assert [p.message for p in problems] == ["the file is empty; it should hold a mapping of keys"]


def test_empty_data_file_through_load_site(data, problems):
    (data / "contact.yaml").write_bytes(b"")
    [problem] = problems(data)
    assert (problem.path, problem.line) == ("data/contact.yaml", 1)
    assert "the file is empty" in problem.message


# --- values ----------------------------------------------------------------------------


def test_dates_stay_text(tmp_path):
    data, problems = load(tmp_path, "bad: 2024-02-30\ngood: 2024-02-23\n")
    assert problems == []
    assert data["bad"] == "2024-02-30"
    assert data["good"] == "2024-02-23"
    assert type(data["good"]) is str


def test_timestamps_removed_from_a_copy_of_the_resolvers_not_from_safe_loader():
    import yaml

    assert yaml.safe_load("d: 2024-02-23")["d"].isoformat() == "2024-02-23"


def test_a_list_used_as_a_key_is_a_problem_not_a_crash(tmp_path):
    data, problems = load(tmp_path, "a: 1\n[zh, en]: x\n")
    assert len(problems) == 1
    assert problems[0].line == 2


# --- line numbers ----------------------------------------------------------------------


def test_line_numbers_of_keys_and_list_items(tmp_path):
    data, problems = load(
        tmp_path,
        "# a comment\n"  # 1
        "title:\n"  # 2
        "  zh: 一\n"  # 3
        "  en: one\n"  # 4
        "\n"  # 5
        "items:\n"  # 6
        "  - a\n"  # 7
        "  - b: 1\n"  # 8
        "    c: 2\n"  # 9
        "  - [x, y]\n",  # 10
    )
    assert problems == []
    assert isinstance(data, Located) and data.line == 2
    assert data.key_lines == {"title": 2, "items": 6}
    assert data["title"].line == 3
    assert data["title"].key_lines == {"zh": 3, "en": 4}
    items = data["items"]
    assert isinstance(items, LocatedList)
    assert items.line == 7
    assert items.item_lines == [7, 8, 10]
    assert items[1].line == 8 and items[1].key_lines == {"b": 8, "c": 9}
    assert items[2] == ["x", "y"] and items[2].item_lines == [10, 10]


def test_line_numbers_in_the_real_round_file():
    path = REAL_DATA / "round.yaml"
    text = path.read_text(encoding="utf-8").splitlines()
    data, problems = load_yaml(path, "data/round.yaml")
    assert problems == []

    def line_starting(prefix):
        [n] = [n for n, line in enumerate(text, 1) if line.startswith(prefix)]
        return n

    for key in ("inspection", "totals", "accountability", "meetings"):
        assert data.key_lines[key] == line_starting(f"{key}:")
    accountability = data["accountability"]
    assert accountability.item_lines == [line_starting(f"- id: {item['id']}") for item in accountability]
    assert data["inspection"].key_lines["feedback"] == line_starting("  feedback:")


# --- safety -------------------------------------------------------------------------------


def test_python_tags_are_rejected_not_executed(tmp_path):
    marker = tmp_path / "pwned"
    data, problems = load(tmp_path, f"a: !!python/object/apply:os.system ['touch {marker}']\n")
    assert data is None
    [problem] = problems
    assert problem.line == 1
    assert "YAML syntax error" in problem.message
    assert "python/object/apply:os.system" in problem.message
    assert not marker.exists()


def test_python_object_tag_is_rejected(tmp_path):
    data, problems = load(tmp_path, "a: 1\nb: !!python/object:builtins.dict {}\n")
    assert data is None
    [problem] = problems
    assert problem.line == 2
    assert "could not determine a constructor" in problem.message


def test_unreadable_file(tmp_path):
    data, problems = load_yaml(tmp_path / "missing.yaml", "data/missing.yaml")
    assert data is None
    [problem] = problems
    assert (problem.path, problem.line) == ("data/missing.yaml", 1)
    assert "cannot read the file" in problem.message


def test_unclosed_quote_is_reported_where_it_opens_even_when_yaml_reads_on(tmp_path):
    # YAML lets a quoted text run over lines, so the parser fails only at line 4.
    data, problems = load(tmp_path, 'a: 1\nb: "abc\nc: "x"\nd: 2\n')
    [problem] = problems
    assert (problem.line, problem.column) == (2, 1)
    assert "a quote opened on this line is not closed" in problem.message


def test_apostrophes_and_doubled_single_quotes_are_not_unclosed_quotes(tmp_path):
    data, problems = load(tmp_path, "a: The bureau's plan\nb: 'it''s closed'\nc: [1, 2\n")
    [problem] = problems
    assert "quote" not in problem.message
    assert problem.message.startswith("YAML syntax error")


# --- libyaml -----------------------------------------------------------------------


def _located(value):
    """Data with the lines and columns it remembers, as plain values that compare."""
    if isinstance(value, Located):
        return {"at": (value.line, value.column), "keys": (value.key_lines, value.key_columns),
                "items": {k: _located(v) for k, v in value.items()}}
    if isinstance(value, LocatedList):
        return {"at": (value.line, value.column), "items_at": (value.item_lines, value.item_columns),
                "items": [_located(v) for v in value]}
    return value


def _outcome(parse, text):
    try:
        data, problems = parse(text)
    except yaml.YAMLError as error:
        return "error", str(error)
    return _located(data), problems


# Text that the two parsers might read differently: mistakes editors make,
# characters the Python reader refuses, keys that are not words, several documents.
TRICKY = [
    "a: 1\nb: : x\n", "a: 1\na: 2\n", "a:\n\tb: 1\n", 'a: "x\nb: 2\n', "a: [1, 2\n", "a: x\x07y\n",
    "a: x\x85y\n", "a: x\ufeffy\n", "- 1\n- [2, 3]\n- {b: 4}\n", "a: 整改\u200b完成\n  b: 2\n", "---\na: 1\n---\nb: 2\n",
    "? [1, 2]\n: x\n", "a: 2024-02-30\nb: 1e3\nc: 0x1F\nd: ~\ne: yes\n", "", "a: 'it''s'\nb: \"\\u00e9\"\n",
]


def test_libyaml_and_the_python_parser_read_every_file_alike():
    # Files are parsed by libyaml when PyYAML has it, by the Python parser when
    # libyaml rejects them: data, lines, columns, problems and errors must not
    # depend on which one read them.
    from gongshi.load import _FastLoader, _Loader, _parse, _parse_fast

    assert _FastLoader is not _Loader, "PyYAML without libyaml: reading data is several times slower"
    def python(text):
        return _parse(_Loader, text)

    tests = REAL_DATA.parent / "tests"
    paths = sorted([*REAL_DATA.rglob("*.yaml"), *tests.rglob("*.yaml")])
    assert len(paths) > 20
    for text in [path.read_text(encoding="utf-8") for path in paths] + TRICKY:
        assert _outcome(_parse_fast, text) == _outcome(python, text), text[:200]
    # The real data is read by libyaml itself, not by the fallback.
    for path in REAL_DATA.rglob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        assert _outcome(lambda t: _parse(_FastLoader, t), text) == _outcome(python, text), path


# --- hostile YAML: a message at its line, never a traceback ------------------------------------------


@pytest.mark.parametrize("depth", [101, 200, 10_000, 500_000])
def test_nesting_too_deep_is_reported_where_it_goes_too_deep(tmp_path, depth):
    data, problems = load(tmp_path, "a: 1\nb: " + "[" * 60 + "]" * 60 + "\nc:\n  " + "[" * depth + "]" * depth + "\n")
    assert data is None
    [problem] = problems
    assert (problem.path, problem.line) == ("data/x.yaml", 4)
    assert "nested more than 100 deep" in problem.message and "100 层" in problem.zh


def test_nesting_up_to_the_limit_loads(tmp_path):
    data, problems = load(tmp_path, "c: " + "[" * 99 + "]" * 99 + "\n")  # 99 lists inside the top mapping
    assert problems == []
    depth, item = 0, data["c"]
    while item is not None:
        depth, item = depth + 1, item[0] if item else None
    assert depth == 99


@pytest.mark.parametrize("content, line, says", [
    ("a: 1\n? !!set {x, y}\n: 2\n", 2, "a key must be a plain word"),
    ("a: 1\nb: !!int twenty\n", 2, "this value cannot be read as `int`"),
    ("a: !!float abc\n", 1, "this value cannot be read as `float`"),
    ("a: !!bool maybe\n", 1, "this value cannot be read as `bool`"),
    ("a: 1\nb: !!timestamp 2024-99-99\n", 2, "this value cannot be read as `timestamp`"),
    ("a: !!map [1]\n", 1, "this value cannot be read as `map`"),
    ("a: !!seq {b: 1}\n", 1, "this value cannot be read as `seq`"),
    ("a: " + "1" * 5000 + "\n", 1, "this value cannot be read as `int`"),
])
def test_what_a_tag_or_a_key_cannot_be_is_a_syntax_error_at_its_line(tmp_path, content, line, says):
    data, problems = load(tmp_path, content)
    [problem] = problems
    assert problem.line == line and says in problem.message


def test_a_data_file_that_is_a_folder(tmp_path):
    (tmp_path / "round.yaml").mkdir()
    data, [problem] = load_yaml(tmp_path / "round.yaml", "data/round.yaml")
    assert data is None and "this is a folder" in problem.message
