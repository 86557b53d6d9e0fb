"""write.py: the model's objects → YAML that loads back as written."""
from __future__ import annotations

from gongshi.importer.write import TODO, _scalar, data_files
from gongshi.load import load_yaml


def test_text_that_yaml_would_misread_comes_back_as_written(tmp_path):
    for text in ("yes", "2024-01-01", "# not a comment", "a: b", "控制\x85字符\x9f", "“引号”\"和\\反斜杠", "12"):
        (tmp_path / "t.yaml").write_text(f"value: {_scalar(text)}\n", encoding="utf-8")
        data, problems = load_yaml(tmp_path / "t.yaml", "t.yaml")
        assert problems == [] and data["value"] == text


def test_a_site_of_one_language_writes_plain_text_and_of_two_marks_what_to_translate(imported):
    one = data_files(imported("标题\n根据部署，进行了巡察。\n中共某局\n2024年9月12日").site, "n.txt", {})
    assert 'text: "根据部署，进行了巡察。"' in one["notice.yaml"] and TODO not in "".join(one.values())
    two = data_files(imported("标题\n根据部署，进行了巡察。\n中共某局\n2024年9月12日", ("zh", "en")).site, "n.txt", {})
    assert f'  en: ""  {TODO}' in two["notice.yaml"]


def test_what_the_notice_lacks_is_a_comment_not_a_null(imported):
    files = data_files(imported("只有一行没有日期的文字，也没有落款。\n第二行。").site, "n.txt", {})
    assert "# date: not found in the notice; add it" in files["notice.yaml"]
    assert "totals" not in files["round.yaml"]
