"""Stable item ids: ``<paper_id>.<letter><n>`` (recommendation sub-items ``r2.3``).

A rebuild matches each new item to the previous build's items of the same kind (rapidfuzz on
the quote, plus the value for statistics) and keeps their ids; new items get numbers above
every number ever used, and a removed item's id is retired (recorded, never reused).
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

LETTER = {"claims": "c", "frameworks": "f", "recommendations": "r", "statistics": "s"}
MATCH_THRESHOLD = 85.0


def _key(kind: str, item: dict) -> str:
    if kind == "statistics":
        return f"{item['value']}|{item['quote']}"
    if kind == "frameworks":
        return f"{item['name']}|{item['quote']}"
    return item.get("quote", "")


def _number(item_id: str) -> tuple[int, ...]:
    m = re.search(r"\.([cfrs])(\d+)(?:\.(\d+))?$", item_id)
    if not m:
        return (0,)
    return tuple(int(g) for g in m.groups()[1:] if g is not None)


def _match(kind: str, new: list[dict], old: list[dict]) -> dict[int, str]:
    """Index of new item -> id of the previous item it continues (one-to-one, best first)."""
    pairs = []
    for i, it in enumerate(new):
        k = _key(kind, it)
        for o in old:
            if kind == "statistics" and o.get("value") != it.get("value"):
                continue
            score = 100.0 if _key(kind, o) == k else fuzz.ratio(_key(kind, o), k)
            if score >= MATCH_THRESHOLD:
                pairs.append((-score, i, o["id"]))
    pairs.sort()
    out: dict[int, str] = {}
    used: set[str] = set()
    for _, i, oid in pairs:
        if i in out or oid in used:
            continue
        out[i] = oid
        used.add(oid)
    return out


def assign_ids(items: dict, paper_id: str, previous: dict) -> dict:
    retired = {r["id"]: r for r in previous.get("retired_ids", []) or []}
    new_retired = dict(retired)
    for kind, letter in LETTER.items():
        new = items.get(kind, [])
        old = [o for o in previous.get(kind, []) or [] if isinstance(o, dict) and o.get("id")]
        used_numbers = {_number(o["id"]) for o in old} | {_number(r) for r in retired if f".{letter}" in r}
        matched = _match(kind, new, old) if old else {}
        if kind == "recommendations":
            _assign_recommendation_ids(new, matched, paper_id, used_numbers)
        else:
            top = max((n[0] for n in used_numbers if n), default=0)
            for i, it in enumerate(new):
                if i in matched:
                    it["id"] = matched[i]
                else:
                    top += 1
                    it["id"] = f"{paper_id}.{letter}{top}"
        kept = {it["id"] for it in new}
        for o in old:
            if o["id"] not in kept:
                new_retired[o["id"]] = {"id": o["id"], "kind": kind, "quote": o.get("quote", "")}
        for it in new:
            new_retired.pop(it["id"], None)
    items["retired_ids"] = [new_retired[k] for k in sorted(new_retired, key=lambda x: (x.split(".")[0], _number(x)))]
    return items


def _assign_recommendation_ids(new: list[dict], matched: dict[int, str], paper_id: str, used: set) -> None:
    """Level-1 and inline items get r<n>; level-2 items r<parent n>.<m>."""
    top = max((n[0] for n in used if n), default=0)
    key_to_id: dict[str, str] = {}
    # first the top-level items
    for i, it in enumerate(new):
        if it.get("_parent_key") is not None:
            continue
        if i in matched and len(_number(matched[i])) == 1:
            it["id"] = matched[i]
        else:
            top += 1
            it["id"] = f"{paper_id}.r{top}"
        key_to_id[it["_key"]] = it["id"]
    sub_top: dict[str, int] = {}
    for n in used:
        if len(n) == 2:
            sub_top[f"r{n[0]}"] = max(sub_top.get(f"r{n[0]}", 0), n[1])
    for i, it in enumerate(new):
        pk = it.get("_parent_key")
        if pk is None:
            continue
        parent_id = key_to_id[pk]
        pnum = parent_id.rsplit(".", 1)[1]
        if i in matched and matched[i].startswith(parent_id + "."):
            it["id"] = matched[i]
        else:
            sub_top[pnum] = sub_top.get(pnum, 0) + 1
            it["id"] = f"{parent_id}.{sub_top[pnum]}"
        it["parent"] = parent_id
    for it in new:
        it.pop("_key", None)
        it.pop("_parent_key", None)
        if "parent" not in it:
            it["parent"] = None
