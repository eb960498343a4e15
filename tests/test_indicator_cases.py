"""Indicator and subject cases (tests/cases/indicators.yaml): what a figure measures and whom it
is about, from either side of the number (as the paragraph extractor computes them)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from policykb.chinese import to_simplified
from policykb.extract.statistics import paragraph_figures

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "indicators.yaml").read_text(encoding="utf-8"))


def _extract(text: str, own: str) -> list[tuple[str | None, str]]:
    return [(ind, subject) for _, _, ind, subject in paragraph_figures(text, own)]


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:16] for c in CASES])
def test_indicator_and_subject(case):
    got = _extract(to_simplified(case["text"]), case.get("own", "中国"))
    assert len(got) == len(case["out"]), got
    for (ind, subj), want in zip(got, case["out"]):
        if "indicator" in want:
            assert ind and to_simplified(want["indicator"]) in ind, (ind, want)
        if "subject" in want:
            assert subj == want["subject"], (subj, want)
