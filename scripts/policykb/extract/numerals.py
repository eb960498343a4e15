"""Numbers as written in Chinese papers: "6 710" -> 6710, "5 734.00" -> 5734.0, "两" -> 2."""

from __future__ import annotations

from policykb import rules


def _tables():
    cfg = rules.load("statistics.yaml")
    return cfg["chinese_digits"], cfg["chinese_tens"]


def parse_arabic(text: str) -> int | float:
    """
    >>> parse_arabic("6 710"), parse_arabic("5 734.00"), parse_arabic("32.85")
    (6710, 5734.0, 32.85)
    """
    s = "".join(text.split()).replace(",", "").replace("，", "")
    return float(s) if "." in s else int(s)


def parse_chinese(text: str) -> int | None:
    """Small Chinese numerals (below 10 000).

    >>> parse_chinese("两"), parse_chinese("十"), parse_chinese("二十"), parse_chinese("三百零五")
    (2, 10, 20, 305)
    """
    digits, tens = _tables()
    total, current = 0, None
    for ch in text:
        if ch in digits:
            current = digits[ch]
        elif ch in tens:
            total += (current if current is not None else 1) * tens[ch]
            current = None
        else:
            return None
    if current is not None:
        total += current
    return total if text else None
