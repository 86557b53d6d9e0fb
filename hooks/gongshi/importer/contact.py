"""The contact block at the end of a notice: 电话/联系电话, 地址, 邮编/邮政编码,
电子邮箱, 邮政信箱, in one paragraph or on lines of their own."""
from __future__ import annotations

import re

# Each label and the field of model.Contact it fills; longer labels first.
_LABELS = {
    "联系电话": "phone", "监督电话": "phone", "举报电话": "phone", "联系方式": "phone", "电话": "phone",
    "邮政信箱": "mailbox", "来信地址": "mailbox",
    "通讯地址": "address", "通信地址": "address", "单位地址": "address", "联系地址": "address", "地址": "address",
    "邮政编码": "postcode", "邮编": "postcode",
    "电子邮箱": "email", "电子信箱": "email", "电子邮件": "email", "邮箱": "email", "email": "email", "e-mail": "email",
}
_LABEL = re.compile("(" + "|".join(sorted(map(re.escape, _LABELS), key=len, reverse=True)) + r")\s*(?::|(?=\d))\s*",
                    re.IGNORECASE)
_END = re.compile(r"[;,。]|\((?=\s*(?:" + "|".join(map(re.escape, _LABELS)) + "))", re.IGNORECASE)
_PHONE = re.compile(r"\+?[0-9][0-9 -]*")
_PHONE_WITH_BRACKETS = re.compile(r"\((\d{3,4})\)\s*(\d{7,8})")
_MORE_THAN_ONE = re.compile(r"\s*(?:、|/|或|及)\s*")


def has_contact(text: str) -> bool:
    return _LABEL.search(text) is not None


def read_contact(lines) -> tuple[dict, list]:
    """{field: (value, line number)} from Lines, and notes [(line, en, zh)] on
    what does not fit (a second phone number, a postcode not of six digits)."""
    found, notes = {}, []
    for line in lines:
        matches = list(_LABEL.finditer(line.text))
        for match, following in zip(matches, matches[1:] + [None]):
            name = _LABELS[match.group(1).lower()]
            rest = line.text[match.end(): following.start() if following else len(line.text)]
            end = _END.search(rest)
            value = (rest[: end.start()] if end else rest).strip().rstrip("(").strip()
            if value.endswith(")") and "(" not in value:  # the end of (邮编:324000)
                value = value[:-1].strip()
            if not value or name in found:
                continue
            if name == "phone":
                value, *others = _MORE_THAN_ONE.split(value)
                value = _PHONE_WITH_BRACKETS.sub(r"\1-\2", value)
                if others:
                    notes.append((line.number, f"more than one phone number; kept {value}, not {', '.join(others)}",
                                  f"有多个电话号码；保留了 {value}，未保留 {'、'.join(others)}"))
                if not _PHONE.fullmatch(value):
                    notes.append((line.number, f"the phone number “{value}” is not only digits, spaces and hyphens",
                                  f"电话号码“{value}”不只由数字、空格和连字符组成"))
                    continue
            if name == "postcode" and not re.fullmatch(r"\d{6}", value):
                notes.append((line.number, f"the postcode “{value}” is not six digits", f"邮编“{value}”不是六位数字"))
                continue
            found[name] = (value, line.number)
    return found, notes
