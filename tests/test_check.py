"""`policykb check` and the corpus files: schema, grounding, unique ids, resolvable links."""


import pytest

from conftest import PAPER_IDS, REPO, copy_project, run_cli
from policykb import yamlio
from policykb.check import check_corpus, paper_schema
from policykb.grounding import is_grounded

import jsonschema


def test_committed_corpus_files_validate_against_schema():
    schema = paper_schema()
    for pid in PAPER_IDS:
        paper = yamlio.read(REPO / "corpus" / "papers" / f"{pid}.yaml")
        jsonschema.validate(paper, schema)


def test_check_passes_on_built_corpus(built_project):
    proc = run_cli("--root", str(built_project), "check")
    assert proc.returncode == 0, proc.stderr
    assert "5 paper file(s) valid" in proc.stdout


def test_committed_corpus_is_up_to_date(papers):
    """The committed YAML equals a fresh build (rebuild and commit when rules change)."""
    for pid in PAPER_IDS:
        assert yamlio.read(REPO / "corpus" / "papers" / f"{pid}.yaml") == papers[pid], pid


@pytest.fixture()
def project(tmp_path, built_project):
    root = copy_project(tmp_path / "p")
    for pid in PAPER_IDS:
        src = built_project / "corpus" / "papers" / f"{pid}.yaml"
        (root / "corpus" / "papers" / f"{pid}.yaml").write_text(src.read_text(encoding="utf-8"), encoding="utf-8")
    return root


def _edit(root, pid, fn):
    path = root / "corpus" / "papers" / f"{pid}.yaml"
    data = yamlio.read(path)
    fn(data)
    path.write_text(yamlio.dump(data), encoding="utf-8")
    return path


def _item(pid, n, quote, section):
    return {"id": f"{pid}.s{n}", "value": 1, "range_to": None, "unit": None, "indicator": None,
            "period": None, "source": None, "quote": quote, "section": section}


def test_duplicate_ids_are_reported_with_line(project):
    pid = "dong-zhiyong-2025"
    quote = "截至2024年11月末,我国累计建成5G基站419.1万个"
    _edit(project, pid, lambda d: d["statistics"].extend([_item(pid, 901, quote, "s1"), _item(pid, 901, quote, "s1")]))
    problems = check_corpus(project)
    dup = [p for p in problems if "duplicate id" in p.message]
    assert len(dup) == 1 and dup[0].path.endswith(f"{pid}.yaml") and dup[0].line is not None


def test_ungrounded_quote_and_dangling_section(project):
    pid = "dong-zhiyong-2025"
    _edit(project, pid, lambda d: d["statistics"].append(_item(pid, 907, "这句话不在原文里", "s99")))
    msgs = [p.message for p in check_corpus(project)]
    assert any("not a verbatim span" in m for m in msgs)
    assert any("unknown section 's99'" in m for m in msgs)
    proc = run_cli("--root", str(project), "check")
    assert proc.returncode == 1
    assert f"corpus/papers/{pid}.yaml:" in proc.stderr


def test_schema_violation_names_line(project):
    pid = "cao-liu-zheng-2025"
    path = _edit(project, pid, lambda d: d["meta"].__setitem__("year", "2025"))
    problems = check_corpus(project)
    assert problems and "schema: meta/year" in problems[0].message
    assert problems[0].line == next(i for i, l in enumerate(path.read_text().splitlines(), 1) if l.startswith("  year:"))


def test_sha256_mismatch_is_reported(project):
    (project / "corpus" / "raw" / "dong-zhiyong-2025.txt").write_text("changed\n", encoding="utf-8")
    assert any("sha256" in p.message for p in check_corpus(project))


@pytest.mark.parametrize(
    "quote, ok",
    [
        ("拥有 6 710 亿参数", True),
        ("训练成本不到 ChatGPT的 1/10", True),
        ("在生产过程中获得可替代其他要素的数字化属性", True),  # spans a running header line
        ("在生产过程中获得可替代其他要素的数码化属性", False),
        ("", False),
    ],
    ids=["spaces", "wrapped", "across-header", "changed-word", "empty"],
)
def test_grounding(quote, ok):
    raw = "\n".join(
        (REPO / "corpus" / "raw" / f).read_text(encoding="utf-8")
        for f in ("zhou-yang-ai-empowering-nqpf.txt",)
    )
    anon = (REPO / "corpus" / "raw" / "anon-ai-nqpf-logic-path.txt").read_text(encoding="utf-8")
    assert (is_grounded(quote, raw) or is_grounded(quote, anon)) == ok


def _check_records_one_by_one(root, papers, glossary):
    """check_records as it was before it checked the papers over the cores: paper by paper."""
    from policykb.check import check_glossary, check_paper
    from policykb.paper import as_dict

    problems, seen_ids = [], {}
    for paper in papers:
        data = as_dict(paper)
        path = root / "corpus" / "papers" / f"{data['id']}.yaml"
        problems += check_paper(data, path, root, yamlio.dump(data), seen_ids)
    gdata = {"schema_version": 1, "terms": glossary}
    return problems + check_glossary(root, set(seen_ids), {p["id"] for p in papers}, gdata)


@pytest.mark.parametrize("case", ["sound", "id in two papers", "bad quote", "schema"])
def test_check_records_over_the_cores_finds_what_the_loop_finds(case):
    from policykb.check import check_records
    from policykb.forked import fork_map  # noqa: F401 (the path under test splits over processes)
    from policykb.paper import read_paper

    papers = [read_paper(REPO / "corpus" / "papers" / f"{pid}.yaml") for pid in PAPER_IDS]
    glossary = yamlio.read(REPO / "corpus" / "glossary.yaml")["terms"]
    if case == "id in two papers":
        papers[3]["claims"][0]["id"] = papers[1]["claims"][0]["id"]
    elif case == "bad quote":
        papers[2]["claims"][1]["quote"] = "不在原文中的一句话"
    elif case == "schema":
        papers[4]["claims"][0]["section"] = 7
    want = _check_records_one_by_one(REPO, papers, glossary)
    assert (want == []) == (case == "sound")
    assert check_records(REPO, papers, glossary) == want
