"""Statistic detection on sentences (tests/cases/statistics.yaml: sentence in, values out)."""

from pathlib import Path

import pytest
import yaml

from policykb.analysis import view
from policykb.extract.statistics import find_numbers

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "statistics.yaml").read_text(encoding="utf-8"))
PARAMS = [pytest.param(group, case, id=f"{group}-{i}") for group, cases in CASES.items() for i, case in enumerate(cases)]


@pytest.mark.parametrize("group, case", PARAMS)
def test_statistic_case(group, case):
    # extractors read the analysis view (width-folded, simplified), as the pipeline gives it
    found = [[c.value, c.range_to, c.unit] for c in find_numbers(view(case["text"]))]
    assert found == ([] if case.get("none") else case["out"])
