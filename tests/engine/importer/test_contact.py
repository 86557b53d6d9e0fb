"""contact.py: the contact block."""
from __future__ import annotations

from gongshi.importer.contact import has_contact, read_contact
from gongshi.importer.lines import Line


def test_one_paragraph_as_in_the_seed():
    text = "欢迎监督。联系方式:2615196。单位地址:丽水市紫金路701号;邮编:323000。电子邮箱:44524776@qq.com。"
    found, notes = read_contact([Line(9, text)])
    assert found == {"phone": ("2615196", 9), "address": ("丽水市紫金路701号", 9), "postcode": ("323000", 9),
                     "email": ("44524776@qq.com", 9)}
    assert notes == []


def test_lines_of_their_own_and_a_postal_box_with_its_postcode():
    lines = [Line(1, "联系电话:0839-5123456"), Line(2, "邮政信箱:澄岭县1001信箱(邮编:628100)"), Line(3, "电子信箱:a@b.cn")]
    found, _ = read_contact(lines)
    assert {k: v for k, (v, _) in found.items()} == {
        "phone": "0839-5123456", "mailbox": "澄岭县1001信箱", "postcode": "628100", "email": "a@b.cn"}


def test_what_does_not_fit_is_noted():
    found, notes = read_contact([Line(4, "联系电话:0570-1234567、0570-7654321;邮编:32400;举报电话:(0571)87654321")])
    assert found == {"phone": ("0570-1234567", 4)}
    assert [(line, en.split(";")[0]) for line, en, _ in notes] == [
        (4, "more than one phone number"), (4, "the postcode “32400” is not six digits")]


def test_a_phone_number_with_its_area_code_in_brackets():
    assert read_contact([Line(1, "电话:(0571)87654321 地址:杭州市某路1号")])[0]["phone"] == ("0571-87654321", 1)


def test_has_contact():
    assert has_contact("联系电话:0571-1") and has_contact("电子邮箱:a@b.cn")
    assert not has_contact("加强联系,电话沟通") and not has_contact("欢迎广大干部群众监督")
