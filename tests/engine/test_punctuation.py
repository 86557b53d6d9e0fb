"""punctuation.py: Chinese punctuation after NFKC."""
from __future__ import annotations

import pytest

from gongshi.punctuation import chinese


@pytest.mark.parametrize("text, wide", [
    ("根据市委统一部署,2023年10月8日", "根据市委统一部署，2023年10月8日"),
    ("联系方式:2615196。邮编:323000;", "联系方式：2615196。邮编：323000；"),
    ("单位(处室)落实", "单位（处室）落实"),
    ("《细则(试行)》", "《细则（试行）》"),
    ("1,532 and 10:30 and http://x.cn", "1,532 and 10:30 and http://x.cn"),
    ("(0578)2615196", "(0578)2615196"),
    ("是否到位?确保!", "是否到位？确保！"),
])
def test_chinese_punctuation(text, wide):
    assert chinese(text) == wide
