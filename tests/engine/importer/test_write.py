"""write.py: YAML from the model, which loads back."""
from __future__ import annotations

import dataclasses

from gongshi.importer.write import TODO, data_files
from gongshi.load import load_yaml
from gongshi.model import Contact, Measure, Text


def _written(site, tmp_path):
    files = data_files(site, "notice.txt", {})
    return files, {name: load_yaml(_save(tmp_path, name, text), name)[0] for name, text in files.items()}


def _save(tmp_path, name, text):
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_text_that_yaml_would_misread_comes_back_as_written(site, tmp_path):
    tricky = "- 引号\"、反斜杠\\、冒号: 井号 # 与换行\n第二行 {n} [x] *y* 'z' @ ~ null 2024-01-01"
    area = dataclasses.replace(site.areas[0], measures=(Measure("m-1", Text(tricky, ""), Text(tricky, "yes"), ()),))
    site = dataclasses.replace(site, areas=(area,))
    files, loaded = _written(site, tmp_path)
    measure = loaded["areas/01-strong-transport-city.yaml"]["measures"][0]
    assert measure["title"] == {"zh": tricky, "en": ""} and measure["text"] == {"zh": tricky, "en": "yes"}
    assert files["areas/01-strong-transport-city.yaml"].count(TODO) == 1  # the measure's title


def test_what_the_notice_lacks(site, tmp_path):
    contact = Contact(Text("某局", ""), phone="0571-1")
    notice = dataclasses.replace(site.notice, date=None, commitment=None, approach=())
    files, loaded = _written(dataclasses.replace(site, contact=contact, notice=notice), tmp_path)
    assert loaded["contact.yaml"] == {"organisation": {"zh": "某局", "en": ""}, "phone": "0571-1"}
    assert "# date: not found in the notice; add it" in files["notice.yaml"]
    assert "commitment" not in loaded["notice.yaml"] and loaded["notice.yaml"]["approach"] == []


def test_where_each_measure_came_from(site, tmp_path):
    area = site.areas[0]
    files = data_files(dataclasses.replace(site, areas=(area,)), "notice.txt", {id(area): 8, id(area.measures[1]): 10})
    text = files["areas/01-strong-transport-city.yaml"]
    assert "# Line 8 of the notice." in text and "- id: \"transport-project-construction\"  # line 10" in text
