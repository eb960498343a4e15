"""The development-set gold files parse and every anchor is a span of its document (whitespace aside)."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("devset_check_gold", HERE / "check_gold.py")
check_gold = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(check_gold)

GOLD_FILES = sorted(HERE.glob("*/*.gold.yaml"))


def test_devset_has_documents():
    assert len(GOLD_FILES) >= 6


@pytest.mark.parametrize("gold_path", GOLD_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_gold_file_is_consistent(gold_path):
    assert check_gold.check_file(gold_path) == []


def test_checker_reports_a_wrong_anchor_and_a_missing_parent(tmp_path):
    folder = tmp_path / "dev"
    folder.mkdir()
    (folder / "doc.txt").write_text("规模达到1\n2.5万亿元，居全球第二。", encoding="utf-8")
    (folder / "doc.gold.yaml").write_text(
        "genre: news\nsplit: dev\ntitle: t\nstatistics:\n"
        "  - {value: 12.5, range_to: null, unit: 万亿元, kind: value, indicator: 规模, subject: 中国,"
        " period: null, anchor: \"规模达到12.5万亿元\"}\n"
        "  - {value: 3, range_to: null, unit: null, kind: rank, indicator: 排名, subject: 中国,"
        " period: null, anchor: \"居全球第三\"}\n"
        "recommendations:\n  - {key: r1.1, level: 2, parent: r1, anchor: \"居全球第二\", actors: []}\n",
        encoding="utf-8")
    problems = check_gold.check_file(folder / "doc.gold.yaml")
    assert len(problems) == 2
    assert "居全球第三" in problems[0]
    assert "parent 'r1'" in problems[1]
