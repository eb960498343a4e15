"""Quality floors on the development set (tests/devset/): the dev half is tuned on, the test half
is only measured — its floors sit below the measured values so a regression shows, and they are
never a reason to tune on those documents. Numbers in the README and the issue notes."""

from __future__ import annotations

import pytest

import devset_eval

FLOORS = {
    # split: {type: (precision, recall)}
    "dev": {"statistics": (0.97, 0.97), "recommendations-1": (0.97, 0.93), "recommendations-2": (0.97, 0.97), "terms": (0.85, 0.85)},
    "test": {"statistics": (0.88, 0.88), "recommendations-1": (0.90, 0.88), "recommendations-2": (0.95, 0.93)},
}
# dev indicator/subject were 0.86/0.90 on 25 documents; the four documents added on 2026-12-02 (a survey
# across districts, a journal of sample populations), a Taiwan editorial and a survey journal measure
# 0.82/0.845 on all 31; three more blind documents added later that day, measured before any tuning
# (a data-elements survey journal: its sample's composition and sub-groups are 27/81 subjects), bring
# all 38 to 0.814/0.820; then a survey named in the abstract, groups with their own figure and the
# scorer reading 受访 anywhere in a subject (both orders are in the gold files): subject 0.847 (test 0.697)
FIELDS = {"dev": {"indicator": 0.81, "subject": 0.84}, "test": {"indicator": 0.80, "subject": 0.65}}


@pytest.fixture(scope="module", params=["dev", "test"])
def split_total(request):
    return request.param, devset_eval.evaluate(request.param)["total"]


def test_precision_recall_floors(split_total):
    split, total = split_total
    for kind, (p, r) in FLOORS[split].items():
        s = total[kind]
        assert s.precision >= p and s.recall >= r, f"{split} {kind}: P {s.precision:.2f} R {s.recall:.2f}"


def test_indicator_and_subject_accuracy(split_total):
    split, total = split_total
    extra = total["statistics"].extra
    for field, floor in FIELDS[split].items():
        ok, n = extra[field]
        assert n and ok / n >= floor, f"{split} {field}: {ok}/{n}"


def test_claims_density(split_total):
    split, total = split_total
    for doc, res in devset_eval.evaluate(split)["docs"].items():
        per10k, _ = res["claims"].extra["claims per 10k chars"]
        assert per10k <= 30, f"{doc}: {per10k} claims per 10,000 characters"
