"""Related across papers (issue 11, item 4): the index, its threshold on labelled pairs, the lines
under each item."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
import related_eval  # noqa: E402

from policykb.render import related as rel  # noqa: E402
from policykb.render.paper_page import render_items  # noqa: E402


@pytest.fixture(scope="module")
def corpus():
    return related_eval.load()


def test_precision_at_the_threshold_on_the_labelled_pairs(corpus):
    papers, glossary, gold = corpus
    assert len(gold) >= 40
    scored = related_eval.pair_scores(papers, glossary, gold)
    precision, recall, shown = related_eval.measure(scored, rel.config()["threshold"])
    # measured when the threshold was set (in-sample: tuned on these pairs): 0.71 / 0.69
    assert precision >= 0.70 and recall >= 0.65, (precision, recall, shown)


def test_lists_are_short_cross_paper_and_deterministic(corpus):
    papers, glossary, _ = corpus
    index = rel.related_index(papers, glossary)
    assert index, "no related item at all"
    paper_of = {it["id"]: p["id"] for p in papers for k in ("claims", "recommendations") for it in p[k]}
    for iid, items in index.items():
        assert 1 <= len(items) <= rel.config()["max_related"]
        assert all(r.paper != paper_of[iid] for r in items)
        assert all(r.score >= rel.config()["threshold"] for r in items)
        assert [r.score for r in items] == sorted((r.score for r in items), reverse=True)
    shuffled = papers[:]
    random.Random(3).shuffle(shuffled)
    assert rel.related_index(shuffled, list(reversed(glossary))) == index


def test_candidates_come_from_rare_terms_only(corpus):
    papers, glossary, _ = corpus
    cfg = rel.config()
    for cands in rel.scored_pairs(papers, glossary).values():
        assert len(cands) <= cfg["candidates_scored"]


def _paper(pid: str, texts: list[str]) -> dict:
    return {"id": pid, "claims": [], "recommendations": [
        {"id": f"{pid}.r{i + 1}", "title": None, "text": t, "quote": t, "section": "s1", "level": 1,
         "parent": None, "actors": [], "topics": [], "span": {"line": 1, "start": 0, "end": 1}}
        for i, t in enumerate(texts)], "statistics": [], "frameworks": [], "sections": [{"id": "s1", "number": "", "title": "x", "level": 1}]}


def test_related_lines_escape_paper_text():
    hostile = "建设<script>alert(1)</script>量子*计算*[平台](javascript:x) $E=mc^2$ 公共语料库"
    fillers = [f"第{i}项无关的论述涉及主题{i}号" for i in range(12)]
    a = _paper("paper-a", [hostile] + fillers)
    b = _paper("paper-b", ["建设量子计算平台与公共语料库"] + fillers[::-1])
    index = rel.related_index([a, b], [], threshold=0.0)
    lines = rel.related_lines("paper-b.r1", index)
    text = "\n".join(lines)
    assert "(paper-a.md#paper-a.r1)" in text and "data-search-exclude" in text
    assert "&lt;script&gt;" in text  # shown as written
    assert "<script>" not in text and "](javascript" not in text
    page = "\n".join(render_items(b, related=index))
    assert "相关 Related" in page and "<script>" not in page


def test_related_and_home_identical_across_hash_seeds():
    """Byte-identical output whatever PYTHONHASHSEED (set and dict orders never leak into pages)."""
    import os
    import subprocess

    repo = Path(__file__).resolve().parents[1]
    code = (
        "import sys, yaml, hashlib\n"
        "from pathlib import Path\n"
        "from policykb.render.site import render_home, topic_names, group_statistics\n"
        "from policykb.render.related import related_index\n"
        "from policykb.render.topics_page import render_topic_matrix, render_topic_pages\n"
        "from policykb.render.paper_page import render_paper\n"
        "papers = [yaml.safe_load(f.read_text(encoding='utf-8')) for f in sorted(Path('corpus/papers').glob('*.yaml'))]\n"
        "g = yaml.safe_load(Path('corpus/glossary.yaml').read_text(encoding='utf-8'))['terms']\n"
        "idx = related_index(papers, g)\n"
        "out = render_home(papers, g, topic_names(), idx, group_statistics(papers, g)) + render_topic_matrix(papers, topic_names())\n"
        "out += ''.join(render_topic_pages(papers, topic_names()).values()) + ''.join(render_paper(p, related=idx) for p in papers)\n"
        "print(hashlib.sha256(out.encode()).hexdigest())\n"
    )
    digests = set()
    for seed in ("1", "2"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        proc = subprocess.run([sys.executable, "-c", code], cwd=repo, env=env, capture_output=True, text=True)
        assert proc.returncode == 0, proc.stderr
        digests.add(proc.stdout.strip())
    assert len(digests) == 1
