"""Indicator and subject cases (tests/cases/indicators.yaml): what a figure measures and whom it
is about, from either side of the number (as the paragraph extractor computes them)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from policykb.chinese import to_simplified
from policykb.extract.statistics import figure_subject, find_numbers, owned_indicator, sentence_indicators
from policykb.extract.subjects import carries

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "indicators.yaml").read_text(encoding="utf-8"))


def _extract(sentence: str, own: str) -> list[tuple[str | None, str]]:
    out, carry = [], own
    cands = find_numbers(sentence)
    for c, ind in zip(cands, sentence_indicators(sentence, cands)):
        subject = figure_subject(c, sentence, carry, own)
        carry = subject if carries(subject) else carry
        out.append((owned_indicator(ind, subject, sentence[: c.start]), subject))
    return out


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:16] for c in CASES])
def test_indicator_and_subject(case):
    got = _extract(to_simplified(case["text"]), case.get("own", "中国"))
    assert len(got) == len(case["out"]), got
    for (ind, subj), want in zip(got, case["out"]):
        if "indicator" in want:
            assert ind and to_simplified(want["indicator"]) in ind, (ind, want)
        if "subject" in want:
            assert subj == want["subject"], (subj, want)
