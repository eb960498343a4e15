"""Post-build fix of a defect in Material's search worker (NOTES-material.md): its greedy query
segmentation never tries a slice that ends at the end of the query, so the last word of a
Chinese query is ignored (数据要素 is searched as 数据). The loop bound is corrected in the built
worker script; the build fails loudly if the code it expects is not found exactly once."""

from __future__ import annotations

import re
from pathlib import Path

from policykb.errors import PolicyKBError

# for(let o=s+1;o<t.length;o++)t.slice(s,o)in e  ->  o<=t.length
LOOP = re.compile(r"for\(let (\w)=(\w)\+1;\1<(\w)\.length;\1\+\+\)\3\.slice\(\2,\1\)in ")
FIXED = re.compile(r"for\(let (\w)=(\w)\+1;\1<=(\w)\.length;\1\+\+\)\3\.slice\(\2,\1\)in ")


def patch_search_worker(site_dir: Path) -> Path:
    workers = sorted((site_dir / "assets" / "javascripts" / "workers").glob("search.*.min.js"))
    if len(workers) != 1:
        raise PolicyKBError(f"expected one search worker script, found {len(workers)}", site_dir)
    path = workers[0]
    js = path.read_text(encoding="utf-8")
    if len(FIXED.findall(js)) == 1 and not LOOP.search(js):
        return path  # already patched (an unchanged file from an earlier build)
    found = LOOP.findall(js)
    if len(found) != 1:
        raise PolicyKBError(
            f"search worker patch: expected the segmentation loop exactly once, found {len(found)} "
            "(Material's worker changed; check NOTES-material.md and update policykb/sitepatch.py)",
            path,
        )
    js = LOOP.sub(lambda m: m.group(0).replace(f"{m.group(1)}<{m.group(3)}.length", f"{m.group(1)}<={m.group(3)}.length"), js)
    path.write_text(js, encoding="utf-8")
    return path
