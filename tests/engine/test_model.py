"""model.py: the one walker of the model's field types, which the validator,
the schema and the open data share; and Text, in the languages of a site."""
from __future__ import annotations

import datetime

from gongshi.model import CHOICE, LIST, RECORD, SCALAR, TEXT, Area, Block, BlockId, NavSection, SiteInfo, Text, field_kinds, kind_of


def test_the_kinds_of_field():
    assert (kind_of(Text).name, kind_of(Text).optional) == (TEXT, False)
    assert (kind_of(Text | None).name, kind_of(Text | None).optional) == (TEXT, True)
    assert (kind_of(BlockId | None).name, kind_of(BlockId | None).type) == (SCALAR, BlockId)
    assert kind_of(datetime.date).name == SCALAR
    blocks = kind_of(tuple[Block, ...])
    assert (blocks.name, blocks.type.name, blocks.type.type) == (LIST, RECORD, Block)


def test_a_nav_entry_is_a_page_or_a_section():
    nav = dict((spec.name, kind) for spec, kind in field_kinds(SiteInfo))["nav"]
    assert nav.name == LIST and nav.type.name == CHOICE
    assert [choice.name for choice in nav.type.choices] == [SCALAR, RECORD]
    assert nav.type.choices[1].type is NavSection


def test_every_field_of_a_record_in_order():
    assert [spec.name for spec, _ in field_kinds(Area)][:4] == ["id", "block", "quote", "aspect"]


def test_a_text_is_a_mapping_of_its_languages():
    text = Text({"zh": "公示公告"}, en="Public Notice")
    assert dict(text) == {"zh": "公示公告", "en": "Public Notice"}
    assert text == Text(zh="公示公告", en="Public Notice") and hash(text) == hash(Text(en="Public Notice", zh="公示公告"))
    assert text != Text(zh="公示公告")
    assert (text["zh"], len(text), text.get("fr")) == ("公示公告", 2, None)
