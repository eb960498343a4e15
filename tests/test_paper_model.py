"""The typed paper record (policykb.paper): the one way a paper is built and read.

Round trip of every corpus paper (the YAML contract byte for byte), one-line errors for a
malformed paper YAML, the records' dict-style access, and one owner of the claims' terms
(`policykb extract` of a corpus paper prints what `policykb build` writes)."""

from __future__ import annotations

import pytest
import yaml

from conftest import PAPER_IDS, REPO, copy_project, run_cli
from policykb import yamlio
from policykb.build import read_previous
from policykb.errors import PolicyKBError
from policykb.paper import Author, Bilingual, Meta, Paper, PaperShapeError, Section, Source, read_paper

PAPERS = REPO / "corpus" / "papers"


@pytest.mark.parametrize("pid", PAPER_IDS)
def test_every_corpus_paper_round_trips(pid):
    path = PAPERS / f"{pid}.yaml"
    text = path.read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    paper = Paper.from_dict(data, where=path, text=text)
    out = paper.to_dict()
    assert out == data
    assert list(out) == list(data) and list(out["meta"]) == list(data["meta"])
    assert yamlio.dump(out) == text  # the bytes the build writes
    assert read_paper(path) == paper


def test_pipeline_builds_a_typed_paper():
    from policykb.pipeline import extract_paper

    pid = "dong-zhiyong-2025"
    ex = extract_paper(REPO / "corpus" / "raw" / f"{pid}.txt", paper_id=pid, source_file=f"corpus/raw/{pid}.txt",
                       meta_file=REPO / "corpus" / "meta" / f"{pid}.yaml")
    p = ex.paper
    assert isinstance(p, Paper) and isinstance(p.meta, Meta) and isinstance(p.source, Source)
    assert all(isinstance(s, Section) for s in p.sections) and all(isinstance(a, Author) for a in p.meta.authors)
    assert p.meta.title.zh == p["meta"]["title"]["zh"] == "“人工智能+”赋能新质生产力发展"
    built = yamlio.read(PAPERS / "dong-zhiyong-2025.yaml")
    assert list(p.to_dict()) == list(built)
    for key in ("source", "meta", "sections", "notes", "references", "tables", "front_matter", "excluded_lines"):
        assert p.to_dict()[key] == built[key], key


def _minimal(**changes) -> dict:
    d = {
        "schema_version": 1, "id": "p", "source": {"file": "corpus/raw/p.txt", "sha256": "0" * 64},
        "meta": {"title": {"zh": "题", "en": None}, "authors": [{"name": "甲"}]},
        "sections": [{"id": "s1", "title": "一"}], "claims": [], "frameworks": [], "recommendations": [],
        "statistics": [{"id": "p.s1", "value": 3, "quote": "3个"}], "retired_ids": [],
    }
    d.update(changes)
    return d


def test_records_read_like_dicts_and_write_the_contract():
    p = Paper.from_dict(_minimal(zzz={"kept": True}))
    assert p["meta"]["authors"][0]["name"] == p.meta.authors[0].name == "甲"
    assert p.meta.authors[0]["affiliation"] is None and p.meta.abstract == Bilingual()
    assert p.get("warnings") == [] and p.get("nothing", 7) == 7 and "sections" in p and "nothing" not in p
    # an optional field left out of the file stays out of the dict (and of `in`, and of .get)
    assert "encoding" not in p.source and p.source.get("encoding", "utf-8") == "utf-8"
    assert dict(p.source) == {"file": "corpus/raw/p.txt", "sha256": "0" * 64}
    out = p.to_dict()
    assert list(out)[-1] == "zzz" and out["zzz"] == {"kept": True}  # an extra key: kept, written last
    assert out["sections"] == [{"id": "s1", "number": None, "title": "一", "level": 1, "parent": None, "kind": None, "line": None}]
    p["warnings"] = ["w"]
    p["other"] = 1
    assert p.warnings == ["w"] and p.to_dict()["other"] == 1
    with pytest.raises(KeyError):
        p["nothing"]
    assert Paper.from_dict(p.to_dict()) == p


@pytest.mark.parametrize(
    "data, message",
    [
        (None, "not a paper record (empty or truncated?)"),
        ([1, 2], "not a paper record (empty or truncated?)"),
        ({k: v for k, v in _minimal().items() if k != "statistics"}, "incomplete paper record, no 'statistics'"),
        (_minimal(meta="题"), "meta: expected a metadata record (a mapping), not str"),
        (_minimal(meta={"title": "题"}), "meta.title: expected a zh/en pair (a mapping), not str"),
        (_minimal(meta={"title": {}, "authors": [{"name_en": "A"}]}), "meta.authors[0]: no 'name'"),
        (_minimal(sections={"id": "s1"}), "sections: expected a list, not dict"),
        (_minimal(claims=[{"text": "无id"}]), "claims: expected a list of items with ids"),
        (_minimal(notes=[3]), "notes[0]: expected a note (a mapping), not int"),
        (_minimal(front_matter=["a"]), "front_matter: expected a mapping, not list"),
    ],
)
def test_a_malformed_record_is_one_error_naming_the_file(data, message):
    with pytest.raises(PaperShapeError) as exc:
        Paper.from_dict(data, where="corpus/papers/p.yaml")
    assert exc.value.message.startswith(message)
    assert str(exc.value).startswith("corpus/papers/p.yaml") and "\n" not in str(exc.value)


def test_the_error_gives_the_line_in_the_file(tmp_path):
    path = tmp_path / "dong-zhiyong-2025.yaml"
    text = (PAPERS / "dong-zhiyong-2025.yaml").read_text(encoding="utf-8")
    entry = "- line: 51\n  reason: after the end of the article\n  text: 公益宣传\n"
    assert "excluded_lines:\n" + entry in text
    text = text.replace("excluded_lines:\n" + entry, "excluded_lines:\n- just a string\n")
    at = text.splitlines().index("excluded_lines:")
    path.write_text(text, encoding="utf-8")
    with pytest.raises(PaperShapeError) as exc:
        read_paper(path)
    assert str(exc.value) == f"{path}:{at + 2}: excluded_lines[0]: expected an excluded line (a mapping), not str"


@pytest.mark.parametrize(
    "edit, fragment",
    [
        (lambda t: "", ":1: not a paper record (empty or truncated?)"),
        (lambda t: t.replace("id: dong-zhiyong-2025\n", "id: someone-else\n", 1), ":2: paper record of 'someone-else'"),
        (lambda t: t.replace("meta:\n  title:\n", "meta: 5\nx:\n  title:\n", 1), ":7: meta: expected a metadata record"),
        (lambda t: t.replace("- id: dong-zhiyong-2025.c", "- idx: dong-zhiyong-2025.c", 1), "claims: expected a list of items with ids"),
    ],
)
def test_build_stops_on_a_malformed_previous_record(tmp_path, edit, fragment):
    path = tmp_path / "dong-zhiyong-2025.yaml"
    path.write_text(edit((PAPERS / "dong-zhiyong-2025.yaml").read_text(encoding="utf-8")), encoding="utf-8")
    with pytest.raises(PolicyKBError) as exc:
        read_previous(path, "dong-zhiyong-2025")
    msg = str(exc.value)
    assert msg.startswith(str(path)) and fragment in msg and "\n" not in msg
    assert "restore it (git checkout) or delete it" in msg


def test_cite_names_the_malformed_paper_file(tmp_path):
    root = tmp_path / "p"
    (root / "corpus" / "papers").mkdir(parents=True)
    (root / "mkdocs.yml").write_text("site_name: t\n", encoding="utf-8")
    text = (PAPERS / "dong-zhiyong-2025.yaml").read_text(encoding="utf-8")
    (root / "corpus" / "papers" / "dong-zhiyong-2025.yaml").write_text(text.replace("sections:\n", "sections: 3\nx:\n", 1), encoding="utf-8")
    proc = run_cli("--root", str(root), "cite", "dong-zhiyong-2025")
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "corpus/papers/dong-zhiyong-2025.yaml:" in lines[0]
    assert "sections: expected a list, not int" in lines[0]


def test_extract_and_build_give_the_same_record_and_claim_terms(tmp_path):
    """Claim terms have one owner (glossary.merge.claim_terms, after the corpus glossary is made):
    `policykb extract` of a corpus paper prints byte for byte what `policykb build` writes."""
    root = copy_project(tmp_path / "p")
    pid = "zhang-lei-intelligent-revolution"
    proc = run_cli("--root", str(root), "build", "--no-site")
    assert proc.returncode == 0, proc.stderr
    built = (root / "corpus" / "papers" / f"{pid}.yaml").read_text(encoding="utf-8")
    proc = run_cli("--root", str(root), "extract", str(root / "corpus" / "raw" / f"{pid}.txt"))
    assert proc.returncode == 0, proc.stderr
    claims = yaml.safe_load(proc.stdout)["claims"]
    assert [c["terms"] for c in claims] == [c["terms"] for c in yaml.safe_load(built)["claims"]]
    assert sum(bool(c["terms"]) for c in claims) > len(claims) / 2  # not agreeing on nothing
    assert proc.stdout == built


def test_extraction_leaves_claim_terms_to_their_owner():
    from policykb.glossary.merge import build_glossary, claim_terms
    from policykb.pipeline import extract_paper

    ex = extract_paper(REPO / "corpus" / "raw" / "zhou-yang-ai-empowering-nqpf.txt", paper_id="zhou")
    assert ex.paper.claims and all(c["terms"] == [] for c in ex.paper.claims)
    claim_terms([ex.paper], build_glossary([ex.paper], [], {"zhou": ex.full_text}))
    assert any(c["terms"] for c in ex.paper.claims)


def test_check_reports_a_record_the_loader_would_refuse(tmp_path):
    """`policykb check` validates against the schema and then reads each sound file as the build
    does: `notes: 3` is allowed by the schema (extra keys are) but is no paper record's notes."""
    from policykb.check import check_corpus

    root = copy_project(tmp_path / "p")
    path = root / "corpus" / "papers" / "dong-zhiyong-2025.yaml"
    text = path.read_text(encoding="utf-8")
    assert "\nnotes: []\n" in text
    path.write_text(text.replace("\nnotes: []\n", "\nnotes: 3\n"), encoding="utf-8")
    line = text.splitlines().index("notes: []") + 1
    problems = [str(p) for p in check_corpus(root)]
    assert problems == [f"corpus/papers/dong-zhiyong-2025.yaml:{line}: notes: expected a list, not int"]
