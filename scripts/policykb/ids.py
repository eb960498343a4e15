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
#: a key at least this long that another key starts with (and that ends a sentence) is the same item
MIN_GROWN_PREFIX = 12


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


def _grown(a: str, b: str) -> bool:
    """One key is the other with text added at its end (a recommendation that now keeps the
    sentences after its title, a paragraph re-joined across a line break): the same item.

    >>> _grown("四是加强人才队伍建设。新质生产力的提升离不开人才。", "四是加强人才队伍建设。新质生产力的提升离不开人才。要加大引进力度。")
    True
    >>> _grown("一是加强基础研究。", "一是加强基础研究和应用研究。")
    False
    """
    short, long_ = sorted((a, b), key=len)
    return len(short) >= MIN_GROWN_PREFIX and long_.startswith(short) and short[-1:] in "。；;！？!?"


def _match(kind: str, new: list[dict], old: list[dict]) -> dict[int, str]:
    """Index of new item -> id of the previous item it continues (one-to-one, best first)."""
    pairs = []
    for i, it in enumerate(new):
        k = _key(kind, it)
        for o in old:
            if kind == "statistics" and o.get("value") != it.get("value"):
                continue
            ok = _key(kind, o)
            score = 100.0 if ok == k else fuzz.ratio(ok, k)
            if score < MATCH_THRESHOLD and _grown(ok, k):
                score = MATCH_THRESHOLD  # the same item, its text now longer or shorter at the end
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


# ---------------------------------------------------------------------------------------------
# The id ledger: corpus/ids/<paper>.tsv, append-only, one row per id and state it ever had.
#
# A paper's YAML is the previous build's record, but it can be lost, emptied or truncated; the
# ledger outlives it. Each row: id, kind, state (live | retired), fingerprint (of the matching
# key), and the fields the matching reads (value, name, quote). The last row of an id is its
# current state. A build only appends; rows are never rewritten or removed.

LEDGER_DIR = "ids"
LEDGER_COLUMNS = ("id", "kind", "state", "fingerprint", "value", "name", "quote")
LEDGER_HEADER = "# policykb id ledger (append-only): " + "\t".join(LEDGER_COLUMNS) + "\n"


def _tsv_escape(value) -> str:
    if value is None:
        return ""
    s = str(value)
    return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def _tsv_unescape(s: str) -> str:
    if "\\" not in s:
        return s
    out, i = [], 0
    while i < len(s):
        c = s[i]
        if c == "\\" and i + 1 < len(s):
            out.append({"t": "\t", "n": "\n", "r": "\r", "\\": "\\"}.get(s[i + 1], s[i + 1]))
            i += 2
        else:
            out.append(c)
            i += 1
    return "".join(out)


def fingerprint(kind: str, item: dict) -> str:
    import hashlib

    return hashlib.sha256(_key(kind, item).encode("utf-8")).hexdigest()[:16]


def ledger_path(root, paper_id: str):
    from pathlib import Path

    return Path(root) / "corpus" / LEDGER_DIR / f"{paper_id}.tsv"


def _number_value(text: str):
    try:
        return int(text)
    except ValueError:
        return float(text)


def read_ledger(path) -> dict[str, dict]:
    """id -> its last row ({id, kind, state, fingerprint, value, name, quote}); {} if no file.

    A malformed row is an error naming the file and line (the ledger is never guessed at).
    """
    from pathlib import Path

    from policykb.errors import PolicyKBError

    p = Path(path)
    if not p.exists():
        return {}
    try:
        text = p.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise PolicyKBError(f"cannot read the id ledger: {exc}", p) from None
    rows: dict[str, dict] = {}
    for no, line in enumerate(text.split("\n"), 1):
        if not line or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) != len(LEDGER_COLUMNS):
            raise PolicyKBError(f"id ledger row has {len(cells)} columns, expected {len(LEDGER_COLUMNS)}", p, no)
        row = dict(zip(LEDGER_COLUMNS, (_tsv_unescape(c) for c in cells)))
        if row["kind"] not in LETTER or row["state"] not in ("live", "retired") or _number(row["id"]) == (0,):
            raise PolicyKBError(f"id ledger row is not `id kind live|retired …`: {line[:60]!r}", p, no)
        try:
            row["value"] = _number_value(row["value"]) if row["value"] else None
        except ValueError:
            raise PolicyKBError(f"id ledger value {row['value']!r} is not a number", p, no) from None
        row["name"] = row["name"] or None
        row["line"] = no
        rows[row["id"]] = row
    return rows


def with_ledger(previous: dict | None, ledger: dict[str, dict]) -> dict:
    """The previous record completed from the ledger: every id the ledger knows and the YAML
    does not (a lost, emptied or truncated file) comes back as a live item to match against or
    as a retired id, so no id is renumbered or reused."""
    prev = dict(previous or {})
    known = set()
    for kind in LETTER:
        known |= {o["id"] for o in prev.get(kind) or [] if isinstance(o, dict) and o.get("id")}
    retired = [r for r in prev.get("retired_ids") or [] if isinstance(r, dict) and r.get("id")]
    known |= {r["id"] for r in retired}
    extra_live: dict[str, list] = {k: [] for k in LETTER}
    for iid, row in sorted(ledger.items(), key=lambda kv: (kv[1]["kind"], _number(kv[0]))):
        if iid in known:
            continue
        if row["state"] == "retired":
            r = {"id": iid, "kind": row["kind"], "quote": row["quote"]}
            if row["value"] is not None:  # a statistic dropped by a correction (item_curation)
                r["_value"] = row["value"]
            retired.append(r)
            continue
        item = {"id": iid, "quote": row["quote"]}
        if row["kind"] == "statistics":
            item["value"] = row["value"]
        if row["kind"] == "frameworks":
            item["name"] = row["name"]
        extra_live[row["kind"]].append(item)
    for kind in LETTER:
        prev[kind] = list(prev.get(kind) or []) + extra_live[kind]
    prev["retired_ids"] = retired
    return prev


def ledger_rows(paper: dict, ledger: dict[str, dict]) -> list[str]:
    """The rows to append so the ledger records every id of ``paper`` in its current state."""
    out = []

    def row(iid, kind, state, fp, value, name, quote):
        last = ledger.get(iid)
        if last and last["state"] == state and (state == "retired" or last["fingerprint"] == fp):
            return
        cells = (iid, kind, state, fp, value, name, quote)
        out.append("\t".join(_tsv_escape(c) for c in cells) + "\n")

    from policykb.item_curation import extracted_view

    for kind in LETTER:
        for it in paper.get(kind) or []:
            it = extracted_view(it)  # a fixed item is matched on what extraction gave
            value = it.get("value") if kind == "statistics" else None
            name = it.get("name") if kind == "frameworks" else None
            row(it["id"], kind, "live", fingerprint(kind, it), value, name, it.get("quote", ""))
    for r in paper.get("retired_ids") or []:
        last = ledger.get(r["id"])
        # a statistic dropped by a human correction keeps its value, so the drop finds it again
        dropped_value = (r.get("curated") or {}).get("value") if isinstance(r.get("curated"), dict) else None
        row(r["id"], r.get("kind") or (last or {}).get("kind", ""), "retired", (last or {}).get("fingerprint", ""),
            dropped_value, None, r.get("quote", ""))
    return out


def append_ledger(path, rows: list[str]) -> None:
    """Append rows (and the header to a new file), flushed to disk before returning."""
    import os
    from pathlib import Path

    if not rows:
        return
    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    new = not p.exists() or p.stat().st_size == 0
    with open(p, "a", encoding="utf-8", newline="\n") as fh:
        if new:
            fh.write(LEDGER_HEADER)
        fh.writelines(rows)
        fh.flush()
        os.fsync(fh.fileno())
