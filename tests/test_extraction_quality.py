"""Extraction quality against the gold annotations, with the issue's targets as floors.

`python tests/score.py` prints the full table (per paper and item type).
"""

import pytest

import score as scoring


@pytest.fixture(scope="module")
def total():
    return scoring.score_all()["total"]


def test_statistics_floor(total):
    s = total["statistics"]
    assert s.recall >= 0.95, scoring.format_table({"total": total})
    assert s.precision >= 0.90


def test_recommendation_floors(total):
    assert total["recommendations-1"].recall >= 0.95
    assert total["recommendations-2"].recall >= 0.90
    ok, n = total["recommendations-2"].extra["parent"]
    assert n and ok / n >= 0.90


def test_framework_floors(total):
    s = total["frameworks"]
    assert s.recall >= 0.80
    ok, n = s.extra["components"]
    assert ok / n >= 0.60


def test_claims_floor(total):
    assert total["claims"].recall >= 0.70
