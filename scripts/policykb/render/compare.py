"""Statistics compared across papers: comparable groups, conversions and flags.

A group is one measure about one subject in one unit family: the indicators are normalised
(place names, modifiers and filler removed, glossary abbreviations expanded, synonyms unified;
rules in ``rules/compare.yaml``) and matched with rapidfuzz; a distinctive figure (61.47%) cited
by two papers joins them even when their indicators are worded differently. Values are converted
to one unit per group (0.6万亿元 → 6000亿元). Each group carries flags: figures for the same period
that disagree, a later figure lower than an earlier one for a level measure (not explained by the
periods), the same figure cited with different sources.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache

from rapidfuzz import fuzz

from policykb import rules
from policykb.extract import subjects


@lru_cache(maxsize=None)
def cfg() -> dict:
    return rules.load("compare.yaml")


# ---------------------------------------------------------------- units


def parse_unit(unit: str | None, kind: str | None = None) -> tuple[float, str, str]:
    """(factor to the base unit, base unit, family) of a unit as written.

    >>> parse_unit("万亿元")
    (1000000000000, '元', '元')
    >>> parse_unit("亿")
    (100000000, '', '')
    >>> parse_unit("%")
    (1, '%', 'percent')
    >>> parse_unit("家")[2]
    'count'
    """
    if kind == "rank":
        return 1, "", "rank"
    u = unicodedata.normalize("NFKC", unit or "").strip()
    factor = 1
    for mag, f in sorted(cfg()["magnitudes"].items(), key=lambda kv: -len(kv[0])):
        if u.startswith(mag) and u != mag + "分":  # never treat a unit such as 千瓦 as a magnitude
            if u[len(mag):] in ("瓦", "瓦时", "米", "克"):
                break
            factor, u = f, u[len(mag):]
            break
    family = u
    for fam, members in cfg()["unit_families"].items():
        if u in members:
            family = fam
    return factor, u, family


def significant_digits(value) -> int:
    """Significant digits of a figure as stored: 61.47 → 4, 5000 → 1, 28.6 → 3.

    >>> [significant_digits(v) for v in (61.47, 5000, 28.6, 14.0, 0.15)]
    [4, 1, 3, 2, 2]
    """
    d = Decimal(repr(value)).normalize()
    return len(d.as_tuple().digits) if d != 0 else 1


# ---------------------------------------------------------------- indicators


def glossary_variants(glossary: list[dict]) -> list[tuple[str, str]]:
    """(variant, Chinese term) pairs: abbreviations and aliases of glossary entries, longest first."""
    pairs: dict[str, str] = {}
    for e in glossary:
        zh = e.get("zh")
        if not zh:
            continue
        for v in [e.get("abbr")] + list(e.get("aliases") or []):
            if v and v != zh and len(v) >= 2:
                pairs.setdefault(unicodedata.normalize("NFKC", v), zh)
    return sorted(pairs.items(), key=lambda kv: (-len(kv[0]), kv[0]))


def normalise_indicator(indicator: str | None, variants: list[tuple[str, str]] = ()) -> str:
    """The comparable core of an indicator.

    >>> normalise_indicator("我国人工智能核心产业市场规模")
    '人工智能核心产业规模'
    >>> normalise_indicator("中国AI核心产业规模", [("AI", "人工智能")])
    '人工智能核心产业规模'
    """
    if not indicator:
        return ""
    t = unicodedata.normalize("NFKC", indicator)
    for v, zh in variants:
        if v.isascii():
            t = re.sub(rf"(?<![A-Za-z]){re.escape(v)}(?![A-Za-z])", zh, t)
        else:
            t = t.replace(v, zh)
    # place names are the subject, not the measure
    for pos, name, _ in sorted(subjects.mentions(t), key=lambda m: -m[0]):
        t = t[:pos] + t[pos + len(name):]
    stat_rules = rules.load("statistics.yaml")
    c = cfg()
    for group in c["synonyms"]:  # the measure word ends an indicator: unify it there only
        for w in sorted(group, key=len, reverse=True):
            if t.endswith(w):
                t = t[: -len(w)] + group[0]
                break
    for w in sorted(c["modifiers"], key=len, reverse=True):
        t = t.replace(w, "")
    changed = True
    while changed and t:
        changed = False
        for w in sorted(stat_rules["indicator_leading"], key=len, reverse=True):
            if t.startswith(w) and len(t) > len(w):
                t, changed = t[len(w):], True
        for w in sorted(stat_rules["indicator_trailing"], key=len, reverse=True):
            if t.endswith(w) and len(t) > len(w):
                t, changed = t[: -len(w)], True
    return re.sub(r"[\s\"“”‘’'（）()，,、:：;；]", "", t)


_DISTINGUISHING = re.compile(r"[0-9A-Za-z一二三四五六七八九十两]")


def same_measure(a: str, b: str) -> bool:
    """Two normalised indicators name the same measure.

    >>> same_measure("人工智能核心产业规模", "人工智能核心产业规模")
    True
    >>> same_measure("第三产业占比", "第二产业占比")
    False
    """
    n = cfg()["min_indicator_chars"]
    if len(a) < n or len(b) < n:
        return False
    if a == b:
        return True
    if sorted(_DISTINGUISHING.findall(a)) != sorted(_DISTINGUISHING.findall(b)):
        return False
    return fuzz.ratio(a, b) >= cfg()["min_ratio"]


# ---------------------------------------------------------------- periods


def period_time(period: str | None) -> float | None:
    """A period as a point in time (its end): "2023" → 2023.5, "2023-06" → 2023.46, "2014-2023" → 2023.5."""
    if not period:
        return None
    dates = re.findall(r"((?:19|20)\d\d)(?:-(\d{1,2})(?!\d))?", period)
    if not dates:
        return None
    y, m = dates[-1]
    return int(y) + ((int(m) - 0.5) / 12 if m else 0.5)


# ---------------------------------------------------------------- groups


@dataclass
class Entry:
    paper: dict
    stat: dict
    subject: str
    family: str
    base_unit: str
    factor: float
    norm: str
    sig: int = 0  # significant digits of the value
    src: str = ""  # the source, folded for comparing

    @property
    def base(self) -> float:
        return self.stat["value"] * self.factor

    @property
    def base_to(self) -> float | None:
        r = self.stat.get("range_to")
        return None if r is None else r * self.factor

    @property
    def id(self) -> str:
        return self.stat["id"]


@dataclass
class Flag:
    kind: str  # disagree | trend | sources | source-missing
    text: str
    items: list[str] = field(default_factory=list)


@dataclass
class Group:
    entries: list[Entry]
    label: str
    subject: str
    family: str
    unit: str  # display unit (magnitude + base unit)
    factor: float  # display unit in base units
    flags: list[Flag] = field(default_factory=list)
    anchor: str = ""  # "cmp-" + the smallest item id of the group

    @property
    def papers(self) -> list[str]:
        return sorted({e.paper["id"] for e in self.entries})

    def display(self, e: Entry) -> float:
        return e.base / self.factor


def entries(papers: list[dict], glossary: list[dict]) -> list[Entry]:
    variants = glossary_variants(glossary)
    norms: dict[str | None, str] = {}
    out = []
    for p in sorted(papers, key=lambda p: p["id"]):
        for s in p["statistics"]:
            factor, base, family = parse_unit(s.get("unit"), s.get("kind"))
            if not base and family == "" and (s.get("indicator") or "").endswith(tuple(cfg()["count_suffixes"])):
                family = "count"  # a unitless count in a table: 企业数 5734
            subject = s.get("entity") or s.get("subject") or ""
            ind = s.get("indicator")
            if ind not in norms:
                norms[ind] = normalise_indicator(ind, variants)
            out.append(Entry(p, s, subject, family, base, factor, norms[ind], significant_digits(s["value"]), _src(s.get("source"))))
    return out


def _close(a: float, b: float, tol: float) -> bool:
    return abs(a - b) <= tol * max(abs(a), abs(b), 1e-12)


def _same_figure(a: Entry, b: Entry) -> bool:
    c = cfg()
    return (
        a.stat.get("kind") != "rank"
        and a.paper["id"] != b.paper["id"]
        and min(a.sig, b.sig) >= c["distinctive_digits"]
        and _close(a.base, b.base, c["same_value_tolerance"])
    )


def group_statistics(papers: list[dict], glossary: list[dict], es: list[Entry] | None = None) -> list[Group]:
    """Comparable groups of two or more figures (in different quotes), largest first."""
    es = entries(papers, glossary) if es is None else es
    parent = list(range(len(es)))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i, j):
        ri, rj = find(i), find(j)
        if ri != rj:
            parent[max(ri, rj)] = min(ri, rj)

    buckets: dict[tuple, list[int]] = {}
    for i, e in enumerate(es):
        buckets.setdefault((e.subject, e.family, e.stat.get("kind") == "rank"), []).append(i)
    c = cfg()
    for idx in buckets.values():
        # same measure: entries with one normalised indicator first, then fuzzy across the
        # distinct indicators only (linear in the number of figures, not quadratic)
        by_norm: dict[str, list[int]] = {}
        for i in idx:
            by_norm.setdefault(es[i].norm, []).append(i)
        norms = sorted(n for n in by_norm if len(n) >= c["min_indicator_chars"])
        for n in norms:
            for j in by_norm[n][1:]:
                union(by_norm[n][0], j)
        for a_pos, a in enumerate(norms):
            for b in norms[a_pos + 1:]:
                if same_measure(a, b):
                    union(by_norm[a][0], by_norm[b][0])
        # the same distinctive figure in two papers: a sweep over the figures sorted by value
        distinctive = sorted(
            (i for i in idx if es[i].stat.get("kind") != "rank"
             and es[i].sig >= c["distinctive_digits"]),
            key=lambda i: (es[i].base, i),
        )
        for a_pos, i in enumerate(distinctive):
            for j in distinctive[a_pos + 1:]:
                if not _close(es[i].base, es[j].base, c["same_value_tolerance"]):
                    break
                if _same_figure(es[i], es[j]):
                    union(i, j)
    clusters: dict[int, list[Entry]] = {}
    for i, e in enumerate(es):
        clusters.setdefault(find(i), []).append(e)
    groups = []
    for members in clusters.values():
        if len({e.stat["quote"] for e in members}) < 2:
            continue
        groups.append(_make_group(members))
    groups.sort(key=lambda g: (-len(g.papers), -len(g.entries), g.label, g.anchor))
    return groups


def _make_group(members: list[Entry]) -> Group:
    members = sorted(members, key=lambda e: (period_time(e.stat.get("period")) or 9999, e.paper["id"], e.id))
    counts: dict[str, int] = {}
    for e in members:
        if e.norm:
            counts[e.norm] = counts.get(e.norm, 0) + 1
    label = max(counts, key=lambda k: (counts[k], len(k), k)) if counts else ""
    if len(label) < cfg()["min_indicator_chars"]:
        label = max((context_label(e) for e in members), key=lambda k: (len(k), k)) or label
    # display unit: the most common unit as written (magnitude included)
    units: dict[tuple, int] = {}
    for e in members:
        key = (e.factor, unicodedata.normalize("NFKC", e.stat.get("unit") or ""))
        units[key] = units.get(key, 0) + 1
    (factor, unit) = max(units, key=lambda k: (units[k], k[0], k[1]))
    g = Group(members, label, members[0].subject, members[0].family, unit, factor, anchor="cmp-" + min(e.id for e in members))
    g.flags = flags(g)
    return g


def context_label(e: Entry) -> str:
    """The clause before a figure in its quote, for a figure whose indicator says too little
    ("占比"): "中国AI应用层企业数最多,占比达到61.47%" → "中国AI应用层企业数最多，占比"."""
    quote = e.stat.get("quote") or ""
    written = [fmt(e.stat["value"])]
    if isinstance(e.stat["value"], float):
        written.append(f"{e.stat['value']:.2f}")
    pos = min((quote.find(w) for w in written if quote.find(w) >= 0), default=-1)
    if pos <= 0:
        return ""
    clauses = [c.strip() for c in re.split(r"[，,；;。:：]", quote[:pos])]
    head = "，".join(c for c in clauses[-2:] if c)
    trailing = sorted(rules.load("statistics.yaml")["indicator_trailing"], key=len, reverse=True)
    changed = True
    while changed:
        changed = False
        for w in trailing:
            if head.endswith(w) and len(head) > len(w):
                head, changed = head[: -len(w)], True
    return head[-30:]


def fmt(x: float) -> str:
    """A number for display: no float noise, thousands unseparated as the papers print them.

    >>> [fmt(v) for v in (6000.0, 0.6, 28.6, 1e-7, 1234.5678)]
    ['6000', '0.6', '28.6', '0.0000001', '1234.5678']
    """
    d = Decimal(repr(round(float(x), 10))).normalize()
    s = format(d, "f")
    return s.rstrip("0").rstrip(".") if "." in s else s


def _is_rate(g: Group) -> bool:
    return g.family == "percent" or any(w in g.label for w in cfg()["rate_words"])


def _precise(e: Entry) -> bool:
    return e.stat.get("precision") in (None, "exact")


def _src(s: str | None) -> str:
    return re.sub(r"[\s《》〈〉“”\"]", "", unicodedata.normalize("NFKC", s or ""))


def _same_period(a: str | None, b: str | None) -> bool:
    """Equal periods, or two periods of the same calendar year ("2023" and "2023-06")."""
    if a == b:
        return True
    ya = re.findall(r"(?:19|20)\d\d", a or "")
    yb = re.findall(r"(?:19|20)\d\d", b or "")
    return len(ya) == len(yb) == 1 and ya == yb


def flags(g: Group) -> list[Flag]:
    c = cfg()
    out: list[Flag] = []
    es = g.entries
    u = g.unit

    def show(e: Entry) -> str:
        p = e.stat.get("period") or "时期未注明"
        return f"{fmt(g.display(e))}{u}（{p}，{e.id}）"

    for i, a in enumerate(es):
        for b in es[i + 1:]:
            if a.stat["quote"] == b.stat["quote"]:
                continue
            same_value = _close(a.base, b.base, c["same_value_tolerance"])
            if same_value and a.paper["id"] != b.paper["id"]:
                sa, sb = a.src, b.src
                if sa and sb and sa != sb:
                    out.append(Flag("sources", f"同一数值，来源不同 same figure, different sources: {fmt(g.display(a))}{u} — "
                                    f"{a.stat['source']}（{a.id}） / {b.stat['source']}（{b.id}）", [a.id, b.id]))
                elif bool(sa) != bool(sb):
                    out.append(Flag("source-missing", f"同一数值，仅一篇注明来源 same figure, source given by one paper only: "
                                    f"{fmt(g.display(a))}{u}（{a.id}、{b.id}）", [a.id, b.id]))
            if same_value:
                continue
            tol = c["disagree_tolerance"] + (0 if _precise(a) and _precise(b) else c["precision_slack"])
            if _same_period(a.stat.get("period"), b.stat.get("period")):
                if not _close(a.base, b.base, tol):
                    pa, pb = a.stat.get("period"), b.stat.get("period")
                    when = (pa if pa == pb else f"同年 same year: {pa} / {pb}") if pa else "时期均未注明 no period stated"
                    out.append(Flag("disagree", f"同期数值不一致 figures disagree for the same period ({when}): {show(a)} vs {show(b)}", [a.id, b.id]))
            elif not _is_rate(g):
                ta, tb = period_time(a.stat.get("period")), period_time(b.stat.get("period"))
                if ta is None or tb is None:
                    continue
                early, late = (a, b) if ta < tb else (b, a)
                if late.base < early.base and not _close(late.base, early.base, tol):
                    out.append(Flag("trend", f"时期不能解释 not explained by the periods: later figure lower — {show(late)} < {show(early)}", [early.id, late.id]))
    return out
