"""The typed item model: records, the kinds registry, spans from the offset map."""

from __future__ import annotations

from conftest import REPO

from policykb.check import quote_problem
from policykb.kinds import ITEM_KINDS, KINDS, kind_of_id, resolve
from policykb.model import RECORDS, Statistic, item_dict
from policykb.pipeline import extract_paper


def test_every_kind_has_a_record_class_and_unique_letter():
    assert set(RECORDS) == set(ITEM_KINDS)
    assert len({k.letter for k in KINDS.values()}) == len(KINDS)
    assert resolve("建议").plural == "recommendations" and resolve("Stats").plural == "statistics"
    assert kind_of_id("a-b.s12").plural == "statistics" and kind_of_id("a-b") is None


def test_working_fields_stay_out_of_the_yaml():
    s = Statistic(value=3, quote="三成", section="s1", line=7, precision="about")
    assert "line" not in item_dict(s) and item_dict(s, work=True)["_line"] == 7
    assert list(item_dict(s))[:3] == ["id", "value", "range_to"]
    assert "entity" not in item_dict(s)  # optional and empty


def test_spans_point_at_the_quote_in_the_raw_text():
    path = REPO / "corpus" / "raw" / "zhou-yang-ai-empowering-nqpf.txt"
    ex = extract_paper(path, paper_id="zhou")
    raw = ex.text.raw.text
    items = [it for k in ITEM_KINDS for it in ex.paper[k]]
    with_span = [it for it in items if it.get("span")]
    assert len(with_span) >= 0.95 * len(items)
    for it in with_span:
        assert quote_problem(it, raw) is None, it["id"]


def test_check_rejects_a_span_that_does_not_hold_the_quote():
    path = REPO / "corpus" / "raw" / "zhou-yang-ai-empowering-nqpf.txt"
    ex = extract_paper(path, paper_id="zhou")
    raw = ex.text.raw.text
    item = dict(ex.paper["statistics"][0])
    sp = item["span"]
    item["span"] = {"line": sp["line"], "start": sp["start"] + 40, "end": sp["end"] + 40}
    assert quote_problem(item, raw) is not None
    item["span"] = {"line": sp["line"] + 1, "start": sp["start"], "end": sp["end"]}
    assert "line" in quote_problem(item, raw)


def test_traditional_paper_is_quoted_in_traditional_characters(tmp_path):
    from policykb.chinese import to_traditional

    src = (REPO / "corpus" / "raw" / "dong-zhiyong-2025.txt").read_text(encoding="utf-8")
    p = tmp_path / "dong-trad.txt"
    p.write_text(to_traditional(src), encoding="utf-8")
    ex = extract_paper(p, paper_id="dong-trad")
    raw = ex.text.raw.text
    stats = ex.paper["statistics"]
    assert stats
    for s in stats:
        assert s["quote"] in raw.replace("\n", "") or quote_problem(s, raw) is None
        assert quote_problem(s, raw) is None
    assert any(c in "".join(s["quote"] for s in stats) for c in "億萬個與數據")


def test_zero_width_character_inside_a_number_is_read_and_grounded(tmp_path):
    # zero-width characters carry no text: "45\u200b00家" reads 4500; the quote leaves the
    # character out (as it leaves out line breaks and markers), its span covers it, check agrees
    p = tmp_path / "zw.txt"
    p.write_text("# 零宽测试\n\n## 一、正文\n\n截至2024年末，全省共有人工智能企业45\u200b00家，同比增长12%。\n", encoding="utf-8")
    ex = extract_paper(p, paper_id="zw")
    raw = ex.text.raw.text
    stat = next(s for s in ex.paper["statistics"] if s.get("unit") == "家")
    assert stat["value"] == 4500
    assert "\u200b" not in stat["quote"] and "4500家" in stat["quote"]
    sp = stat["span"]
    assert "\u200b" in raw[sp["start"] : sp["end"]]
    assert raw[sp["start"] : sp["end"]].replace("\u200b", "") == stat["quote"]
    assert quote_problem(stat, raw) is None
