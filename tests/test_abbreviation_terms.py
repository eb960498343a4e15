"""The Chinese term of an abbreviation printed alone ("国际机器人联合会（IFR）"): how far left the
term reaches when there is no English name to compare with."""

from __future__ import annotations

import pytest

from policykb.extract.terms import choose_term

CASES = [
    ("据国际机器人联合会", "IFR", "国际机器人联合会"),  # the whole phrase since 据
    ("采用两阶段最小二乘法", "2SLS", "两阶段最小二乘法"),  # a digit stands for a word too
    ("新建数据中心电能利用效率", "PUE", "电能利用效率"),
    ("新加坡资讯通信媒体发展局", "IMDA", "资讯通信媒体发展局"),  # a place name before it is not the term
]


@pytest.mark.parametrize("run,abbr,term", CASES, ids=[c[1] for c in CASES])
def test_term_of_an_abbreviation_alone(run, abbr, term):
    assert choose_term(run, None, "", abbr=abbr) == term
