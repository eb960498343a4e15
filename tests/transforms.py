"""Surface transforms of a paper that must not change what is extracted from it.

Used by the property tests (tests/test_transforms.py) and by `python tests/transforms.py`, which
prints, for each corpus paper and each transform, the statistics values and recommendation levels
lost or gained against the original.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "scripts"))

from policykb.chinese import to_traditional  # noqa: E402

_FULL = str.maketrans({**{str(d): chr(0xFF10 + d) for d in range(10)}, "%": "％"})


def traditional(text: str) -> str:
    return to_traditional(text)


def fullwidth_digits(text: str) -> str:
    """Digits and % to full width; a decimal point between digits to ．"""
    text = re.sub(r"(?<=\d)\.(?=\d)", "．", text)
    return text.translate(_FULL)


def _is_han(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fff"


def rewrap(text: str, width: int = 33, offset: int = 0, blank: bool = False) -> str:
    """Hard-wrap every long line at ``width`` characters the way PDF extraction does (numbers and
    words split wherever the line ends). Lines shorter than the width (headings, table rows, short
    paragraphs) are kept as they are; ``offset`` shifts the first break of each line so numbers land
    on breaks at different places; ``blank`` puts a blank line between wrapped lines."""
    out = []
    for line in text.split("\n"):
        s = line.rstrip()
        if len(s) <= width or "\t" in s or sum(map(_is_han, s)) < len(s) * 0.5:
            out.append(line)
            continue
        pieces = []
        rest = s
        cut = max(8, width - offset % width)
        while rest:
            # a marker's "^" stays with its label (PDF text has a superscript there, not a caret)
            while cut < len(rest) and rest[cut - 1] in "^{[":
                cut += 1
            pieces.append(rest[:cut])
            rest = rest[cut:]
            cut = width
        out.extend(pieces if not blank else [p for piece in pieces for p in (piece, "")][:-1])
    return "\n".join(out)


TRANSFORMS = {
    "traditional": traditional,
    "fullwidth": fullwidth_digits,
    "rewrap": lambda t: rewrap(t, 33, 0),
    "rewrap-shifted": lambda t: rewrap(t, 31, 7),
    "rewrap-blank": lambda t: rewrap(t, 35, 3, blank=True),
}


def signature(paper: dict) -> tuple[list, list]:
    """What must survive a surface transform: statistic values (with range and unit folded to
    simplified) and the levels of recommendations."""
    from policykb.chinese import to_simplified

    stats = sorted(
        (float(s["value"]), float(s["range_to"] if s.get("range_to") is not None else -1), to_simplified(s.get("unit") or "")) for s in paper["statistics"]
    )
    recs = sorted(str(r["level"]) for r in paper["recommendations"] if r["level"] != "inline")
    return stats, recs


def diff(a: list, b: list) -> tuple[list, list]:
    from collections import Counter

    ca, cb = Counter(a), Counter(b)
    return sorted((ca - cb).elements(), key=str), sorted((cb - ca).elements(), key=str)


if __name__ == "__main__":
    import tempfile

    from policykb.glossary.curated import known_terms
    from policykb.pipeline import extract_paper

    known = known_terms(REPO)
    names = sys.argv[1:] or list(TRANSFORMS)
    for raw in sorted((REPO / "corpus" / "raw").glob("*.txt")):
        base = signature(extract_paper(raw, paper_id=raw.stem, known=known).paper)
        text = raw.read_text(encoding="utf-8")
        for name in names:
            with tempfile.TemporaryDirectory() as d:
                p = Path(d) / raw.name
                p.write_text(TRANSFORMS[name](text), encoding="utf-8")
                sig = signature(extract_paper(p, paper_id=raw.stem, known=known).paper)
            lost_s, new_s = diff(base[0], sig[0])
            lost_r, new_r = diff(base[1], sig[1])
            print(f"{raw.stem[:22]:22} {name:15} stats -{len(lost_s)} +{len(new_s)}  recs -{len(lost_r)} +{len(new_r)}"
                  + (f"  lost {lost_s[:4]} new {new_s[:4]}" if lost_s or new_s else "")
                  + (f"  recs lost {lost_r} new {new_r}" if lost_r or new_r else ""))
