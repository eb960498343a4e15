"""Corrections that survive: corpus/curation/<paper>.yaml drops, fixes and adds items on every
build, matched by id and by quote, so a rule change or a small raw-text edit does not lose them.

Unit level: one small paper extracted in a temporary folder (no site, no corpus build)."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest

from conftest import REPO, run_cli
from policykb import extract as extract_pkg
from policykb import ids, item_curation, yamlio
from policykb.check import check_curation
from policykb.errors import PolicyKBError
from policykb.paper import Paper
from policykb.pipeline import extract_paper
from policykb.render.paper_page import render_paper

PID = "dong-zhiyong-2025"  # the smallest paper of the corpus
S_SCALE = f"{PID}.s5"  # 28841.6亿元: the industry's scale, extracted with the indicator of its growth
S_RANK = f"{PID}.s6"  # 居世界第一
SCALE_QUOTE = "《2023—2024年中国智能制造发展研究报告》数据显示,2023年我国智能制造相关产业规模同比增长14.9%,达到28841.6亿元,预计未来3年将持续保持高速增长态势。"
ADDED_QUOTE = "预计未来3年将持续保持高速增长态势"

CURATION = f"""\
notes: worked example of the tests
corrections:
  - fix: {S_SCALE}
    value: 28841.6
    quote: {SCALE_QUOTE}
    set: {{indicator: 智能制造相关产业规模}}
    reason: 28841.6亿元 is the scale itself; 14.9% is its growth
  - drop: {S_RANK}
    value: 1
    quote: 根据世界知识产权组织统计,2014—2023年,中国生成式人工智能专利申请量超过3.8万件,居世界第一。
    reason: a rank, already said by the claim
  - add: statistics
    quote: {ADDED_QUOTE}
    set: {{value: 3, unit: 年, indicator: 预计保持高速增长的年数}}
    reason: a forecast horizon the rules do not read
"""


def project(tmp_path: Path, curation: str = CURATION, raw_edit=None, pid: str = PID) -> Path:
    root = tmp_path / "p"
    for sub in ("raw", "meta", "curation"):
        (root / "corpus" / sub).mkdir(parents=True)
    raw = (REPO / "corpus" / "raw" / f"{pid}.txt").read_text(encoding="utf-8")
    (root / "corpus" / "raw" / f"{pid}.txt").write_text(raw_edit(raw) if raw_edit else raw, encoding="utf-8")
    meta = REPO / "corpus" / "meta" / f"{pid}.yaml"
    if meta.exists():
        shutil.copy(meta, root / "corpus" / "meta" / meta.name)
    (root / "corpus" / "curation" / f"{pid}.yaml").write_text(curation, encoding="utf-8")
    return root


def build(root: Path, previous: dict | None, pid: str = PID) -> Paper:
    ex = extract_paper(
        root / "corpus" / "raw" / f"{pid}.txt",
        paper_id=pid,
        source_file=f"corpus/raw/{pid}.txt",
        meta_file=root / "corpus" / "meta" / f"{pid}.yaml",
        previous=previous,
    )
    return ex.paper


def committed(pid: str = PID) -> dict:
    return yamlio.read(REPO / "corpus" / "papers" / f"{pid}.yaml")


def item(paper: dict, iid: str) -> dict:
    return next(it for k in ids.LETTER for it in paper[k] if it["id"] == iid)


def live_ids(paper: dict) -> set[str]:
    return {it["id"] for k in ids.LETTER for it in paper[k]}


def test_fix_drop_add_are_applied_and_recorded(tmp_path):
    paper = build(project(tmp_path), committed())
    s = item(paper, S_SCALE)
    assert s["value"] == 28841.6 and s["indicator"] == "智能制造相关产业规模"
    assert s["curated"] == {
        "fields": ["indicator"],
        "original": {"indicator": "智能制造相关产业规模同比增长"},
        "reason": "28841.6亿元 is the scale itself; 14.9% is its growth",
    }
    assert S_RANK not in live_ids(paper)
    retired = {r["id"]: r for r in paper["retired_ids"]}
    assert retired[S_RANK]["curated"] == {"dropped": True, "reason": "a rank, already said by the claim", "value": 1}
    added = [st for st in paper["statistics"] if st.get("curated", {}).get("added")]
    assert len(added) == 1 and added[0]["quote"] == ADDED_QUOTE and added[0]["value"] == 3
    old = [i for i in live_ids(committed()) | {r["id"] for r in committed()["retired_ids"]} if ".s" in i]
    assert ids._number(added[0]["id"]) > max(ids._number(i) for i in old)  # a new id, never given before
    assert added[0]["span"]["line"] == 19
    assert paper["warnings"] == committed()["warnings"]  # every correction applied


def test_rebuild_keeps_every_correction_and_every_id(tmp_path):
    root = project(tmp_path)
    first = build(root, committed())
    second = build(root, first)
    assert second == first
    # and from the id ledger alone (the paper YAML lost)
    ledger_file = tmp_path / "ids.tsv"
    ids.append_ledger(ledger_file, ids.ledger_rows(first, ids.read_ledger(ledger_file)))
    third = build(root, ids.with_ledger(None, ids.read_ledger(ledger_file)))
    assert {k: [it["id"] for it in third[k]] for k in ids.LETTER} == {k: [it["id"] for it in first[k]] for k in ids.LETTER}
    assert item(third, S_SCALE)["curated"] == item(first, S_SCALE)["curated"]
    assert S_RANK in {r["id"] for r in third["retired_ids"]}


def test_dropped_id_is_never_reused(tmp_path):
    root = project(tmp_path)
    first = build(root, committed())
    # the curator now removes the drop: the statistic comes back under a new id, never the old one
    text = (root / "corpus" / "curation" / f"{PID}.yaml").read_text(encoding="utf-8")
    start = text.index("  - drop:")
    end = text.index("  - add:")
    (root / "corpus" / "curation" / f"{PID}.yaml").write_text(text[:start] + text[end:], encoding="utf-8")
    second = build(root, first)
    back = [st for st in second["statistics"] if st["value"] == 1 and "居世界第一" in st["quote"]]
    assert len(back) == 1 and back[0]["id"] != S_RANK
    assert S_RANK in {r["id"] for r in second["retired_ids"]}


def test_fix_survives_a_rule_change(tmp_path, monkeypatch):
    """A rule change that moves the indicator and trims the quote: the fix still finds its item
    (by id and fuzzy quote) and records the new extracted value as the original."""
    real = extract_pkg.extract_statistics

    def changed_rules(doc):
        out = real(doc)
        for st in out:
            st.indicator = (st.indicator or "") + "（新规则）"
            st.quote = st.quote[:-1] if st.quote.endswith("。") else st.quote
        return out

    monkeypatch.setattr(extract_pkg, "extract_statistics", changed_rules)
    paper = build(project(tmp_path), committed())
    s = item(paper, S_SCALE)
    assert s["indicator"] == "智能制造相关产业规模"
    assert s["curated"]["original"] == {"indicator": "智能制造相关产业规模同比增长（新规则）"}
    assert not s["quote"].endswith("。")


def test_fix_survives_a_renumbering(tmp_path):
    """No previous record at all (ids given afresh, another item may take the number): the fix
    follows the quote, not the number."""
    paper = build(project(tmp_path), None)
    fixed = [st for st in paper["statistics"] if "curated" in st and not st["curated"].get("added")]
    assert len(fixed) == 1 and fixed[0]["value"] == 28841.6 and fixed[0]["indicator"] == "智能制造相关产业规模"


def test_fix_survives_a_raw_text_edit_near_the_item(tmp_path):
    edit = lambda raw: raw.replace("数据显示,2023年我国智能制造", "数据表明,2023年全国智能制造", 1)  # noqa: E731
    root = project(tmp_path, raw_edit=edit)
    paper = build(root, committed())
    s = item(paper, S_SCALE)  # same id, corrected, its quote the edited text
    assert "全国智能制造" in s["quote"] and s["indicator"] == "智能制造相关产业规模" and "curated" in s


def test_a_correction_that_no_longer_applies_is_reported_by_id_and_line(tmp_path):
    curation = CURATION.replace(SCALE_QUOTE, "完全不同的一句话,文中没有,也不会匹配任何条目的引文内容")
    paper = build(project(tmp_path, curation), committed())
    warning = f"corpus/curation/{PID}.yaml:3: correction of {S_SCALE} no longer applies"
    assert any(w.startswith(warning) for w in paper["warnings"]), paper["warnings"]
    assert "curated" not in item(paper, S_SCALE)


@pytest.mark.parametrize(
    "bad, line, message",
    [
        ("    set: {indicator: 智能制造相关产业规模}", 6, "unknown field 'colour'"),
        ("    reason: a rank, already said by the claim", 11, "unknown key 'because'"),
    ],
)
def test_unknown_field_or_key_is_an_error_with_line(tmp_path, bad, line, message):
    replacement = {"    set: {indicator: 智能制造相关产业规模}": "    set: {colour: red}",
                   "    reason: a rank, already said by the claim": "    because: a rank"}[bad]  # fmt: skip
    root = project(tmp_path, CURATION.replace(bad, replacement))
    with pytest.raises(PolicyKBError) as exc:
        build(root, committed())
    assert exc.value.path == f"corpus/curation/{PID}.yaml" and exc.value.line == line
    assert message in exc.value.message


def test_ungrounded_added_quote_stops_the_build_with_line(tmp_path):
    root = project(tmp_path, CURATION.replace(ADDED_QUOTE, "预计未来5年将持续保持高速增长态势"))
    with pytest.raises(PolicyKBError) as exc:
        build(root, committed())
    assert (exc.value.path, exc.value.line) == (f"corpus/curation/{PID}.yaml", 13)
    assert "not a verbatim span" in exc.value.message


def test_check_rejects_unknown_id_and_ungrounded_quote(tmp_path):
    bad = CURATION.replace(S_RANK, f"{PID}.s99").replace(ADDED_QUOTE, "预计未来5年将持续保持高速增长态势")
    root = project(tmp_path, bad)
    problems = check_curation(root, {PID: committed()})
    assert [str(p) for p in problems] == [
        f"corpus/curation/{PID}.yaml:8: unknown id '{PID}.s99': {PID} has no such item",
        f"corpus/curation/{PID}.yaml:13: the added item's quote is not a verbatim span of corpus/raw/{PID}.txt",
    ]


def test_check_cli_reports_file_and_line(tmp_path):
    from conftest import copy_project

    root = copy_project(tmp_path / "p")
    (root / "corpus" / "curation").mkdir(parents=True, exist_ok=True)
    (root / "corpus" / "curation" / f"{PID}.yaml").write_text(
        CURATION.replace(S_RANK, f"{PID}.s99"), encoding="utf-8"
    )
    proc = run_cli("--root", str(root), "check")
    assert proc.returncode == 1
    out = proc.stdout + proc.stderr
    assert f"corpus/curation/{PID}.yaml:8: unknown id '{PID}.s99'" in out
    assert "Traceback" not in out


def test_page_marks_corrected_added_and_dropped_items_escaped(tmp_path):
    hostile = "<script>alert(1)</script> *x*"
    curation = CURATION.replace("reason: 28841.6亿元 is the scale itself; 14.9% is its growth", f"reason: '{hostile}'")
    curation = curation.replace("reason: a rank, already said by the claim", f"reason: '{hostile}'")
    paper = build(project(tmp_path, curation), committed())
    page = render_paper(paper)
    assert "<script>" not in page
    assert "已校订 corrected: indicator（原抽取 extracted: 智能制造相关产业规模同比增长） — &lt;script&gt;" in page
    assert "人工补充 added by hand（a forecast horizon the rules do not read）" in page
    assert "人工删除 dropped by hand（&lt;script&gt;alert(1)&lt;/script&gt; \\*x\\*）" in page


def test_curated_fields_are_in_the_schema(tmp_path):
    import jsonschema

    from policykb.check import paper_schema

    paper = build(project(tmp_path), committed())
    jsonschema.validate(paper.to_dict(), paper_schema())
    item(paper, S_SCALE)["curated"].pop("fields")
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(paper.to_dict(), paper_schema())


def test_loader_accepts_no_file_and_an_empty_file(tmp_path):
    assert item_curation.load(tmp_path / "absent.yaml") == []
    (tmp_path / "empty.yaml").write_text("", encoding="utf-8")
    assert item_curation.load(tmp_path / "empty.yaml") == []
    (tmp_path / "x.yaml").write_text(textwrap.dedent("""\
        corrections:
          - fix: a.s1
            quote: q
            reason: r
    """), encoding="utf-8")
    with pytest.raises(PolicyKBError, match="a fix needs 'set"):
        item_curation.load(tmp_path / "x.yaml")


def test_readme_worked_example_applies(tmp_path):
    """The curation file of the README's "Correcting an item" is applied as the README says."""
    import re

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Correcting an item", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```yaml\n(.*?)```", section, re.S)
    paper = build(project(tmp_path, blocks[0]), committed())
    s = item(paper, S_SCALE)
    assert s["indicator"] == "智能制造相关产业规模"
    assert f"indicator: {s['curated']['original']['indicator']}" in blocks[1]
    assert f"reason: {s['curated']['reason']}" in blocks[1]
    assert paper["warnings"] == committed()["warnings"]


def test_csv_export_says_what_was_corrected(tmp_path):
    import csv
    import io

    from policykb.export import to_csv

    curation = CURATION.replace("reason: 28841.6亿元 is the scale itself; 14.9% is its growth", "reason: '=cmd'")
    paper = build(project(tmp_path, curation), committed())
    rows = list(csv.DictReader(io.StringIO(to_csv([paper], ["statistics"], "/").lstrip("\ufeff"))))
    by_id = {r["id"]: r for r in rows}
    assert by_id[S_SCALE]["curated"] == "corrected indicator (extracted: 智能制造相关产业规模同比增长): =cmd"
    assert [r["curated"] for r in rows if r["curated"].startswith("added")] == ["added by hand: a forecast horizon the rules do not read"]
    assert by_id[f"{PID}.s1"]["curated"] == ""


def test_recommendations_fix_and_drop_with_sub_items(tmp_path):
    """Any paper with a level-1 recommendation that has sub-items (the first such in the corpus)."""
    for f in sorted((REPO / "corpus" / "papers").glob("*.yaml")):
        paper = yamlio.read(f)
        subs = [r for r in paper["recommendations"] if r["level"] == 2]
        if subs:
            break
    pid, parent = paper["id"], next(r for r in paper["recommendations"] if r["id"] == subs[0]["parent"])
    other = next(r for r in paper["recommendations"] if r["level"] == 1 and r["id"] != parent["id"])
    kids = [r["id"] for r in subs if r["parent"] == parent["id"]]
    curation = yamlio.dump({"corrections": [
        {"drop": parent["id"], "quote": parent["quote"], "reason": "a heading, not a recommendation"},
        {"fix": other["id"], "quote": other["quote"], "set": {"actors": ["政府"], "level": "inline"}, "reason": "r"},
    ]})  # fmt: skip
    root = project(tmp_path, curation, pid=pid)
    first = build(root, paper, pid=pid)
    live = live_ids(first)
    assert parent["id"] not in live and not set(kids) & live
    retired = {r["id"]: r for r in first["retired_ids"]}
    assert retired[parent["id"]]["curated"]["reason"] == "a heading, not a recommendation"
    for k in kids:
        assert retired[k]["curated"]["reason"].startswith(f"with {parent['id'].rsplit('.', 1)[1]}: ")
    fixed = item(first, other["id"])
    assert fixed["actors"] == ["政府"] and fixed["level"] == "inline"
    assert fixed["curated"]["original"] == {"actors": other["actors"], "level": 1}
    assert build(root, first, pid=pid) == first


def test_a_fixed_value_keeps_its_id_from_the_ledger_alone(tmp_path):
    curation = CURATION.replace("set: {indicator: 智能制造相关产业规模}", "set: {value: 28841.7}")
    root = project(tmp_path, curation)
    first = build(root, committed())
    assert item(first, S_SCALE)["value"] == 28841.7
    assert item(first, S_SCALE)["curated"]["original"] == {"value": 28841.6}
    ledger_file = tmp_path / "ids.tsv"
    ids.append_ledger(ledger_file, ids.ledger_rows(first, {}))
    again = build(root, ids.with_ledger(None, ids.read_ledger(ledger_file)))
    assert item(again, S_SCALE)["value"] == 28841.7 and again["statistics"] == first["statistics"]


def test_listing_pages_mark_corrected_and_added_items(tmp_path):
    from policykb.render import listings, stats_page

    curation = CURATION.replace("reason: 28841.6亿元 is the scale itself; 14.9% is its growth", "reason: '\"><script>x</script>'")
    paper = build(project(tmp_path, curation), committed())
    listing = listings.render_statistics([paper])
    assert "已校订 corrected: indicator" in listing and "人工补充 added" in listing
    assert "<script>" not in listing and 'title="&quot;&gt;&lt;script&gt;x&lt;/script&gt;"' in listing
    page = stats_page.render_statistics([paper], [])
    assert "已校订 corrected: indicator" in page and "<script>" not in page


def test_an_addition_the_rules_now_make_is_reported_not_duplicated(tmp_path):
    s1 = item(committed(), f"{PID}.s1")
    curation = CURATION + f"""\
  - add: statistics
    quote: {s1['quote']}
    set: {{value: {s1['value']}}}
    reason: missed by older rules
"""
    paper = build(project(tmp_path, curation), committed())
    assert [st["id"] for st in paper["statistics"] if st["value"] == s1["value"]] == [s1["id"]]
    warning = f"corpus/curation/{PID}.yaml:16: correction of added statistic no longer applies (the rules now extract"
    assert any(w.startswith(warning) for w in paper["warnings"]), paper["warnings"]


def test_check_reports_an_unknown_field_with_line(tmp_path):
    root = project(tmp_path, CURATION.replace("set: {indicator: 智能制造相关产业规模}", "set: {colour: red}"))
    problems = [str(p) for p in check_curation(root, {PID: committed()})]
    assert len(problems) == 1 and problems[0].startswith(f"corpus/curation/{PID}.yaml:6: unknown field 'colour' for statistics")


def test_build_applies_corrections_and_keeps_them_through_a_lost_paper_yaml(tmp_path):
    """Whole builds (no site) of a copy of the project: the curation file is part of the cache key,
    the page is marked, and a deleted paper YAML comes back with the same ids and corrections."""
    from conftest import copy_project

    root = copy_project(tmp_path / "p")
    (root / "corpus" / "curation").mkdir(parents=True, exist_ok=True)
    (root / "corpus" / "curation" / f"{PID}.yaml").write_text(CURATION, encoding="utf-8")
    proc = run_cli("--root", str(root), "build", "--no-site", "--workers", "1")
    assert proc.returncode == 0, proc.stderr
    path = root / "corpus" / "papers" / f"{PID}.yaml"
    first = path.read_bytes()
    paper = yamlio.read(path)
    assert item(paper, S_SCALE)["curated"]["fields"] == ["indicator"]
    page = (root / "docs" / "papers" / f"{PID}.md").read_text(encoding="utf-8")
    assert "已校订 corrected: indicator" in page and "人工补充 added by hand" in page and "人工删除 dropped by hand" in page
    assert run_cli("--root", str(root), "check").returncode == 0
    path.unlink()
    proc = run_cli("--root", str(root), "build", "--no-site", "--workers", "1")
    assert proc.returncode == 0, proc.stderr
    assert path.read_bytes() == first


def test_extract_of_a_corpus_paper_applies_its_corrections_and_keeps_its_ids(tmp_path):
    """`policykb extract corpus/raw/<paper>.txt` gives what `build` gives: curated metadata,
    corrections from corpus/curation/, ids from the last record (was: a bare extraction)."""
    import yaml as _yaml

    from conftest import copy_project, run_cli

    root = copy_project(tmp_path / "p")
    proc = run_cli("--root", str(root), "extract", str(root / "corpus" / "raw" / "dong-zhiyong-2025.txt"))
    assert proc.returncode == 0, proc.stderr
    paper = _yaml.safe_load(proc.stdout)
    built = _yaml.safe_load((root / "corpus" / "papers" / "dong-zhiyong-2025.yaml").read_text(encoding="utf-8"))
    assert any(isinstance(s.get("curated"), dict) for s in paper["statistics"])
    for kind in ("claims", "recommendations", "statistics", "frameworks"):
        assert [x["id"] for x in paper[kind]] == [x["id"] for x in built[kind]]
    assert paper["meta"]["venue"] == built["meta"]["venue"]
