"""Claim cases (tests/cases/claims.yaml): which sentences are central assertions."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from policykb.chinese import to_simplified
from policykb.extract.claims import _cfg, score_sentence, split_parts

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "claims.yaml").read_text(encoding="utf-8"))
CORE = ["人工智能", "数据要素", "数字经济", "算力", "平台经济"]


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:16] for c in CASES])
def test_claim_case(case):
    text = to_simplified(case["text"])
    at = case["at"]
    parts = split_parts(text)
    assert len(parts) == case.get("parts", 1), parts
    a, b = parts[0]
    score, _ = score_sentence(
        text[a:b].strip(),
        abstract=at == "abstract",
        section_topic=at == "section",
        paragraph_topic=at in ("section", "paragraph"),
        core=CORE,
    )
    assert (score >= _cfg()["threshold"]) is case["claim"], score
