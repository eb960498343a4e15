"""Human corrections of extracted items: corpus/curation/<paper>.yaml, applied on every build.

```yaml
corrections:
  - fix: <paper>.s12            # the item's id ...
    value: 12.5                  # ... (a statistic's extracted value) ...
    quote: 规模达到12.5万亿元     # ... and its quote (a correction is matched by all of them)
    set: {unit: 万亿元}
    reason: the unit is printed in the table header
  - drop: <paper>.s3
    value: 2024
    quote: …
    reason: a page number, not a statistic
  - add: statistics             # a missed item; its quote must be a verbatim span of the text
    quote: …
    set: {value: 3, unit: 个}
    reason: missed by the rules
```

A correction is matched to an item by its id and by its quote (rapidfuzz ratio >= 85 on the same
key the id matching uses, so a statistic's value must agree): an item renumbered by a rule
change, or whose quote changed a little with the raw text, is still found. A correction that no
longer finds its item is reported, by id, as a warning naming the curation file and line.

Fixed items carry ``curated: {fields, original, reason}`` (the extracted values kept), added
items ``curated: {added: true, reason}``; a dropped item becomes a retired id carrying
``curated: {dropped: true, reason}``. Nothing typed here is passed off as extracted: the paper
page marks every corrected field and every added item.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz import fuzz

from policykb import ids
from policykb.errors import PolicyKBError
from policykb.grounding import is_grounded, normalise
from policykb.kinds import ITEM_KINDS, kind_of_id, resolve
from policykb.yamlpos import YamlLines

CURATION_DIR = "curation"
MATCH_THRESHOLD = ids.MATCH_THRESHOLD

#: kind -> field -> accepted types (None allowed where the contract allows null)
FIXABLE: dict[str, dict[str, tuple]] = {
    "statistics": {
        "value": (int, float), "range_to": (int, float, type(None)), "unit": (str, type(None)),
        "indicator": (str, type(None)), "subject": (str, type(None)), "period": (str, type(None)),
        "source": (str, type(None)),
    },
    "recommendations": {
        "title": (str, type(None)), "level": (int, str), "parent": (str, type(None)),
        "actors": (list,), "topics": (list,),
    },
    "frameworks": {"name": (str,), "components": (list,), "kind": (str, type(None))},
    "claims": {"topics": (list,), "kind": (str,), "core": (bool,)},
}  # fmt: skip
#: fields an added item may set besides its kind's fixable ones
ADD_EXTRA = {"section": (str,), "text": (str,)}
ENTRY_KEYS = {"fix", "drop", "add", "quote", "set", "reason", "value"}


@dataclass
class Correction:
    action: str  # fix | drop | add
    kind: str  # plural
    line: int
    quote: str
    reason: str
    item_id: str | None = None
    values: dict = field(default_factory=dict)
    value: float | int | None = None  # a statistic's extracted value (fix and drop)
    quote_line: int | None = None


def curation_path(root: Path, paper_id: str) -> Path:
    return Path(root) / "corpus" / CURATION_DIR / f"{paper_id}.yaml"


def load(path: Path, display: str | None = None) -> list[Correction]:
    """The corrections of a curation file ([] when there is none). Structural problems (unknown
    keys, an unknown field, a wrong type, a missing reason) are errors naming the file and line."""
    from policykb.rules import load_yaml_text

    path = Path(path)
    if not path.is_file():
        return []
    name = display or str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise PolicyKBError(f"cannot read the curation file: {exc}", name) from None
    data = load_yaml_text(text, name)
    if data is None:
        return []
    lines = YamlLines(text)
    if not isinstance(data, dict):
        raise PolicyKBError("expected a mapping with a 'corrections' list", name, 1)
    for key in data:
        if key not in ("corrections", "notes"):
            raise PolicyKBError(f"unknown key {key!r} (expected 'corrections' and 'notes')", name, lines.line([key]))
    entries = data.get("corrections") or []
    if not isinstance(entries, list):
        raise PolicyKBError("'corrections' must be a list", name, lines.line(["corrections"]))
    out = []
    for i, e in enumerate(entries):
        at = lines.line(["corrections", i])

        def err(msg, *sub):
            raise PolicyKBError(msg, name, lines.line(["corrections", i, *sub]) if sub else at)

        if not isinstance(e, dict):
            err("a correction is a mapping (fix/drop/add, quote, set, reason)")
        for key in e:
            if key not in ENTRY_KEYS:
                err(f"unknown key {key!r} (expected one of {', '.join(sorted(ENTRY_KEYS))})", key)
        actions = [a for a in ("fix", "drop", "add") if a in e]
        if len(actions) != 1:
            err("a correction has exactly one of 'fix: <id>', 'drop: <id>' or 'add: <kind>'")
        action = actions[0]
        quote, reason = e.get("quote"), e.get("reason")
        if not isinstance(quote, str) or not quote.strip():
            err("a correction needs the item's 'quote' (it is matched by id and by quote)")
        if not isinstance(reason, str) or not reason.strip():
            err("a correction needs a 'reason'")
        values = e.get("set") or {}
        if not isinstance(values, dict):
            err("'set' must be a mapping of field to value", "set")
        if action == "add":
            kind = resolve(str(e["add"])) if isinstance(e["add"], str) else None
            if kind is None:
                err(f"unknown item kind {e['add']!r} (one of {', '.join(ITEM_KINDS)})", "add")
            item_id = None
        else:
            item_id = e[action]
            kind = kind_of_id(item_id) if isinstance(item_id, str) else None
            if kind is None:
                err(f"{item_id!r} is not an item id such as paper.s3", action)
            if action == "drop" and values:
                err("a drop sets no fields", "set")
            if action == "fix" and not values:
                err("a fix needs 'set: {field: value}'")
        allowed = dict(FIXABLE[kind.plural])
        if action == "add":
            allowed.update(ADD_EXTRA)
            if kind.plural == "statistics" and "value" not in values:
                err("an added statistic needs 'set: {value: …}'")
        for f, v in values.items():
            if f not in allowed:
                err(f"unknown field {f!r} for {kind.plural}; fixable: {', '.join(sorted(allowed))}", "set", f)
            if not isinstance(v, allowed[f]) or isinstance(v, bool) and bool not in allowed[f]:
                err(f"field {f!r} cannot be {v!r}", "set", f)
            if isinstance(v, list) and f != "components" and not all(isinstance(x, str) for x in v):
                err(f"field {f!r} must be a list of strings", "set", f)
            if f == "components" and not all(isinstance(c, dict) and isinstance(c.get("name"), str) for c in v):
                err("each component needs a 'name' (and may have a 'description')", "set", f)
            if f == "level" and v not in (1, 2, "inline"):
                err("level is 1, 2 or inline", "set", f)
        value = e.get("value")
        if value is not None and (not isinstance(value, (int, float)) or isinstance(value, bool)):
            err("'value' (the statistic's extracted value) must be a number", "value")
        if kind.plural == "statistics" and action != "add" and value is None:
            # several figures of one sentence share its quote: the value tells them apart
            err("a statistic is identified by id, value and quote: give its extracted 'value'")
        if kind.plural != "statistics" and value is not None:
            err("'value' identifies a statistic; this item is not one", "value")
        out.append(
            Correction(action, kind.plural, at or 1, quote, reason.strip(), item_id, dict(values), value,
                       lines.line(["corrections", i, "quote"]) or at)
        )  # fmt: skip
    return out


def _ratio(a: str, b: str) -> float:
    return 100.0 if a == b else fuzz.ratio(a, b)


def _best(kind: str, ref: dict, candidates: list[dict]) -> int | None:
    """Index of the candidate that best matches ``ref`` (same key as the id matching: value and
    quote for statistics, name and quote for frameworks, else the quote), or None under the
    threshold. A statistic of unknown value matches on its quote only, and only when the quote's
    statistics do not differ in value (several figures of one sentence share its quote)."""
    by_value = kind != "statistics" or ref.get("value") is not None
    key = ids._key(kind, ref) if by_value else ref["quote"]
    scored = []
    for i, it in enumerate(candidates):
        if kind == "statistics" and by_value and it.get("value") != ref.get("value"):
            continue
        score = _ratio(ids._key(kind, it) if by_value else it["quote"], key)
        if score >= MATCH_THRESHOLD:
            scored.append((-score, i))
    if not scored:
        return None
    scored.sort()
    if not by_value:
        top = [i for s, i in scored if s == scored[0][0]]
        if len({candidates[i].get("value") for i in top}) > 1:
            return None  # ambiguous: the file should give the statistic's `value`
    return scored[0][1]


def extracted_view(item: dict) -> dict:
    """The item as extraction gave it: a fixed item's original values restored."""
    cur = item.get("curated")
    if not isinstance(cur, dict) or not isinstance(cur.get("original"), dict):
        return item
    out = dict(item)
    out.update(cur["original"])
    return out


def uncorrected_previous(previous: dict) -> dict:
    """The previous record with fixed items' extracted values back, so that this build's fresh
    extraction matches them (and keeps their ids) before the corrections are applied again."""
    prev = dict(previous or {})
    for kind in ITEM_KINDS:
        prev[kind] = [extracted_view(o) if isinstance(o, dict) else o for o in prev.get(kind) or []]
    return prev


def _reference(c: Correction, previous: dict) -> dict:
    """What the correction's item looked like: the previous record's item of that id (extracted
    values), else the correction's own quote (and value)."""
    ref = {"quote": c.quote}
    for o in (previous or {}).get(c.kind) or []:
        if isinstance(o, dict) and o.get("id") == c.item_id:
            ref = dict(extracted_view(o))
            break
    else:
        for r in (previous or {}).get("retired_ids") or []:
            if isinstance(r, dict) and r.get("id") == c.item_id:
                ref["value"] = r.get("_value", (r.get("curated") or {}).get("value"))
    if c.value is not None:
        ref["value"] = c.value
    # the file's quote is what the curator saw; a raw-text edit may have moved it a little
    ref["quote"] = c.quote if _ratio(ref.get("quote", ""), c.quote) < MATCH_THRESHOLD else ref.get("quote", c.quote)
    if c.kind == "frameworks" and "name" not in ref:
        ref["name"] = ""
    return ref


def _stale(display: str, c: Correction, why: str) -> str:
    what = c.item_id or f"added {c.kind[:-1]}"
    return f"{display}:{c.line}: correction of {what} no longer applies ({why}); edit or remove it"


def apply_before_ids(items: dict, corrections: list[Correction], previous: dict, text, display: str, section_of) -> tuple[dict, list[str]]:
    """Drops and additions, before ids are given: a dropped item is removed (its id is then
    retired by the id assignment), an added item joins its kind's list and gets an id like any
    other. Returns the dropped ids with their reasons and the warnings."""
    warnings: list[str] = []
    dropped: dict[str, dict] = {}
    for c in corrections:
        if c.action != "drop":
            continue
        lst = items[c.kind]
        ref = _reference(c, previous)
        i = _best(c.kind, ref, lst)
        if i is None:
            prev_retired = any(r.get("id") == c.item_id for r in (previous or {}).get("retired_ids") or [] if isinstance(r, dict))
            if not prev_retired:
                warnings.append(_stale(display, c, "no extracted item matches its quote"))
            dropped[c.item_id] = {"reason": c.reason, "value": ref.get("value")}
            continue
        gone = lst.pop(i)
        if c.kind == "recommendations" and gone.get("_key") is not None:  # its sub-items go with it
            items[c.kind] = [it for it in lst if it.get("_parent_key") != gone["_key"]]
        dropped[c.item_id] = {"reason": c.reason, "value": gone.get("value")}
    raw_text = text.raw.text
    for c in corrections:
        if c.action != "add":
            continue
        if not is_grounded(c.quote, raw_text):
            raise PolicyKBError("the added item's quote is not a verbatim span of the paper's text", display, c.quote_line)
        item = _new_item(c, text, section_of)
        if _best(c.kind, item, items[c.kind]) is not None:
            warnings.append(_stale(display, c, "the rules now extract this item themselves"))
            continue
        items[c.kind].append(item)
    return dropped, warnings


def _new_item(c: Correction, text, section_of) -> dict:
    v = dict(c.values)
    span = text.span_of(c.quote)
    section = v.pop("section", None) or section_of(c.quote) or "s0"
    body = v.pop("text", None) or c.quote
    base: dict = {"quote": c.quote, "section": section}
    if c.kind == "statistics":
        base = {"value": v.pop("value"), "range_to": None, "unit": None, "indicator": None, "subject": None,
                "period": None, "source": None, "quote": c.quote, "section": section, "kind": "value"}  # fmt: skip
        base["_line"] = span.line if span else None
    elif c.kind == "claims":
        base = {"text": body, "quote": c.quote, "section": section, "kind": "assertion", "terms": [], "score": 0.0,
                "core": False, "evidence": [], "topics": []}  # fmt: skip
        base["_line"] = span.line if span else None
    elif c.kind == "recommendations":
        base = {"title": None, "text": body, "quote": c.quote, "section": section, "level": "inline", "parent": None,
                "actors": [], "topics": []}  # fmt: skip
        base["_key"] = f"curated:{c.line}"
        base["_parent_key"] = None
    elif c.kind == "frameworks":
        base = {"name": v.pop("name", body[:20]), "quote": c.quote, "section": section, "components": [], "kind": None}
    base.update(v)
    if c.kind == "frameworks":
        base["components"] = [{"name": x["name"], "description": x.get("description")} for x in base["components"]]
    if span:
        base["span"] = span.to_dict()
    base["curated"] = {"added": True, "reason": c.reason}
    return base


def apply_after_ids(items: dict, corrections: list[Correction], previous: dict, dropped: dict, display: str) -> list[str]:
    """Fixes, once ids are given: the item of the correction's id if its quote still matches,
    else the item whose quote matches best. Also marks the retired ids that were dropped here."""
    warnings: list[str] = []
    for c in corrections:
        if c.action != "fix":
            continue
        lst = items[c.kind]
        ref = _reference(c, previous)
        target = None
        for it in lst:
            if it["id"] == c.item_id and _best(c.kind, ref, [extracted_view(it)]) is not None:
                target = it
                break
        if target is None:
            i = _best(c.kind, ref, [extracted_view(it) for it in lst])
            target = lst[i] if i is not None else None
        if target is None:
            warnings.append(_stale(display, c, "no extracted item matches its id and quote"))
            continue
        cur = target.get("curated") if isinstance(target.get("curated"), dict) else {}
        original = dict(cur.get("original") or {})
        fields = list(cur.get("fields") or [])
        for f, v in c.values.items():
            if f == "components":
                v = [{"name": x["name"], "description": x.get("description")} for x in v]
            if cur.get("added"):  # typed by hand already: nothing extracted to keep
                target[f] = v
                continue
            if f not in original and target.get(f) == v:  # extraction already says this
                continue
            if f not in original:
                original[f] = target.get(f)
            if f not in fields:
                fields.append(f)
            target[f] = v
        if cur.get("added"):
            continue
        if not fields:
            warnings.append(_stale(display, c, "the extracted item already has these values"))
            continue
        reasons = [r for r in (cur.get("reason"), c.reason) if r]
        target["curated"] = {"fields": fields, "original": original, "reason": "; ".join(dict.fromkeys(reasons))}
    for r in items.get("retired_ids") or []:
        r.pop("_value", None)  # the ledger's value of a dropped statistic (ids.with_ledger)
        # a dropped recommendation's sub-items go with it (r2 dropped: r2.1, r2.2 …)
        parent = next((d for d in dropped if r["kind"] == "recommendations" and r["id"].startswith(d + ".")), None)
        if parent is not None and r["id"] not in dropped:
            r["curated"] = {"dropped": True, "reason": f"with {parent.rsplit('.', 1)[1]}: {dropped[parent]['reason']}"}
        if r["id"] in dropped:
            d = dropped[r["id"]]
            r["curated"] = {"dropped": True, "reason": d["reason"]}
            if d.get("value") is not None:
                r["curated"]["value"] = d["value"]
    return warnings


def section_finder(doc):
    """quote -> the section of the paragraph (or note) that contains it, or None."""

    def find(quote: str):
        q = normalise(quote)
        for p in doc.paragraphs:
            if q and q in normalise(p.text):
                return p.section
        return None

    return find


def known_ids(paper: dict, ledger: dict) -> set[str]:
    out = {it.get("id") for k in ITEM_KINDS for it in paper.get(k) or [] if isinstance(it, dict)}
    out |= {r.get("id") for r in paper.get("retired_ids") or [] if isinstance(r, dict)}
    return out | set(ledger)
