"""Ids that never move: corpus/ids/<paper>.tsv, an append-only ledger that a lost, emptied or
truncated corpus/papers/<paper>.yaml cannot erase; a withdrawn id is never given to another item."""

from __future__ import annotations

import pytest

from conftest import REPO, copy_project, run_cli
from policykb import ids, yamlio

KINDS = ("claims", "frameworks", "recommendations", "statistics")
FIRST = "anon-ai-nqpf-logic-path"  # the first paper the build reads


def id_map(paper: dict) -> dict:
    out = {k: [(it["id"], it["quote"]) for it in paper[k]] for k in KINDS}
    out["retired"] = sorted(r["id"] for r in paper["retired_ids"])
    return out


def test_every_paper_has_a_ledger_with_every_id():
    for f in sorted((REPO / "corpus" / "papers").glob("*.yaml")):
        paper = yamlio.read(f)
        ledger = ids.read_ledger(ids.ledger_path(REPO, paper["id"]))
        live = {it["id"] for k in KINDS for it in paper[k]}
        retired = {r["id"] for r in paper["retired_ids"]}
        assert {i for i, r in ledger.items() if r["state"] == "live"} == live, f.name
        assert {i for i, r in ledger.items() if r["state"] == "retired"} == retired, f.name
        assert ids.ledger_rows(paper, ledger) == [], f"{f.name}: the ledger is behind the YAML"


def test_deleted_paper_yaml_gets_every_id_back(tmp_path):
    root = copy_project(tmp_path / "p")
    before = {f.stem: id_map(yamlio.read(f)) for f in (root / "corpus" / "papers").glob("*.yaml")}
    ledgers = {f.name: f.read_bytes() for f in (root / "corpus" / "ids").glob("*.tsv")}
    for pid in ("cao-liu-zheng-2025", "zhou-yang-ai-empowering-nqpf"):  # most items; most withdrawn ids
        (root / "corpus" / "papers" / f"{pid}.yaml").unlink()
    proc = run_cli("--root", str(root), "build", "--no-site")
    assert proc.returncode == 0, proc.stderr
    after = {f.stem: id_map(yamlio.read(f)) for f in (root / "corpus" / "papers").glob("*.yaml")}
    assert after == before
    for name, data in ledgers.items():  # append-only: what was there is still there, first
        assert (root / "corpus" / "ids" / name).read_bytes().startswith(data), name


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda text: "", id="emptied"),
        pytest.param(lambda text: text[: len(text) // 2], id="truncated-half"),
        pytest.param(lambda text: text[:200], id="truncated-in-meta"),
        pytest.param(lambda text: "id: [\n", id="broken"),
        pytest.param(lambda text: text.replace(f"id: {FIRST}\n", "id: another-paper\n", 1), id="another-paper"),
    ],
)
def test_damaged_paper_yaml_stops_the_build_instead_of_renumbering(tmp_path, damage):
    root = copy_project(tmp_path / "p")
    path = root / "corpus" / "papers" / f"{FIRST}.yaml"
    damaged = damage(path.read_text(encoding="utf-8"))
    path.write_text(damaged, encoding="utf-8")
    proc = run_cli("--root", str(root), "build", "--no-site")
    assert proc.returncode == 1, proc.stdout
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"policykb: error: {path}"), proc.stderr
    assert path.read_text(encoding="utf-8") == damaged  # nothing was written over it


def _items(*quotes):
    return {"claims": [{"quote": q} for q in quotes], "frameworks": [], "recommendations": [], "statistics": []}


def test_withdrawn_id_is_never_reused_even_without_the_yaml(tmp_path):
    path = tmp_path / "ids" / "p.tsv"
    first = ids.assign_ids(_items("甲论点。", "乙论点。", "丙论点。"), "p", {})
    paper = dict(first, id="p")
    ids.append_ledger(path, ids.ledger_rows(paper, {}))
    # 乙 is withdrawn by the next build
    second = ids.assign_ids(_items("甲论点。", "丙论点。"), "p", ids.with_ledger(paper, ids.read_ledger(path)))
    assert [c["id"] for c in second["claims"]] == ["p.c1", "p.c3"]
    assert [r["id"] for r in second["retired_ids"]] == ["p.c2"]
    ids.append_ledger(path, ids.ledger_rows(dict(second, id="p"), ids.read_ledger(path)))
    # the YAML is lost; a new item must not get c2 (nor c1/c3), the old ones keep theirs
    third = ids.assign_ids(_items("丁论点。", "甲论点。", "丙论点。"), "p", ids.with_ledger(None, ids.read_ledger(path)))
    assert [c["id"] for c in third["claims"]] == ["p.c4", "p.c1", "p.c3"]
    assert [r["id"] for r in third["retired_ids"]] == ["p.c2"]


def test_ledger_survives_tabs_newlines_and_backslashes(tmp_path):
    path = tmp_path / "p.tsv"
    paper = {"id": "p", "claims": [], "frameworks": [{"id": "p.f1", "name": "a\tb", "quote": "x\\ny\nz\r"}],
             "recommendations": [], "statistics": [{"id": "p.s1", "value": 6.5, "quote": "6.5%"}], "retired_ids": []}
    ids.append_ledger(path, ids.ledger_rows(paper, {}))
    ledger = ids.read_ledger(path)
    assert ledger["p.f1"]["name"] == "a\tb" and ledger["p.f1"]["quote"] == "x\\ny\nz\r"
    assert ledger["p.s1"]["value"] == 6.5
    assert ids.ledger_rows(paper, ledger) == []


def test_malformed_ledger_row_names_file_and_line(tmp_path):
    path = tmp_path / "p.tsv"
    path.write_text(ids.LEDGER_HEADER + "p.c1\tclaims\tlive\n", encoding="utf-8")
    with pytest.raises(Exception) as e:
        ids.read_ledger(path)
    assert f"{path}:2: " in str(e.value)


def test_check_flags_ids_the_ledger_does_not_know(tmp_path):
    from policykb.check import check_corpus

    root = copy_project(tmp_path / "p")
    path = root / "corpus" / "papers" / "dong-zhiyong-2025.yaml"
    text = path.read_text(encoding="utf-8")
    assert "- id: dong-zhiyong-2025.c3\n" in text
    path.write_text(text.replace("- id: dong-zhiyong-2025.c3\n", "- id: dong-zhiyong-2025.c99\n"), encoding="utf-8")
    msgs = [str(p) for p in check_corpus(root)]
    assert any(m.startswith("corpus/papers/dong-zhiyong-2025.yaml:") and "dong-zhiyong-2025.c99: not in the id ledger" in m for m in msgs), msgs
    # a withdrawn id brought back by hand: the ledger says retired, the YAML live
    live = yamlio.read(path)["statistics"][0]["id"]
    ledger = root / "corpus" / "ids" / "dong-zhiyong-2025.tsv"
    ledger.write_text(ledger.read_text(encoding="utf-8") + f"{live}\tstatistics\tretired\t\t\t\tx\n", encoding="utf-8")
    msgs = [str(p) for p in check_corpus(root)]
    assert any(f"{live}: live here, retired in corpus/ids/dong-zhiyong-2025.tsv:" in m for m in msgs), msgs
