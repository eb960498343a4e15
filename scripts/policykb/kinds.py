"""The one registry of item kinds: every module that names a kind of item reads it from here.

>>> KINDS["recommendations"].letter, kind_of_id("zhang-lei-2024.r2.3").singular
('r', 'recommendation')
>>> resolve("建议").plural, resolve("stat").plural
('recommendations', 'statistics')
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Kind:
    plural: str  # the key of the item list in a paper's YAML
    singular: str
    letter: str  # the letter of its ids: <paper>.<letter><n>
    zh: str
    en: str
    aliases: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        """'建议 Recommendations': the label used on pages and in citations."""
        return f"{self.zh} {self.en}s" if not self.en.endswith("s") else f"{self.zh} {self.en}"


_ALL = (
    Kind("claims", "claim", "c", "论点", "Claim", ("claim", "claims", "论点", "观点", "论断")),
    Kind("frameworks", "framework", "f", "框架", "Framework", ("framework", "frameworks", "框架", "fw")),
    Kind(
        "recommendations",
        "recommendation",
        "r",
        "建议",
        "Recommendation",
        ("recommendation", "recommendations", "rec", "recs", "建议", "对策"),
    ),
    Kind("statistics", "statistic", "s", "数据", "Statistic", ("statistic", "statistics", "stat", "stats", "数据", "统计")),
)

#: plural name -> Kind, in the order items appear in a paper's YAML
KINDS: dict[str, Kind] = {k.plural: k for k in _ALL}
#: the plural names, for loops over a paper's item lists
ITEM_KINDS: tuple[str, ...] = tuple(KINDS)
BY_LETTER: dict[str, Kind] = {k.letter: k for k in _ALL}
_ALIASES: dict[str, Kind] = {a.lower(): k for k in _ALL for a in (k.plural, k.singular, k.letter, *k.aliases)}
_ID = re.compile(r"\.([a-z])(\d+)(?:\.(\d+))?$")


def resolve(name: str) -> Kind | None:
    """A kind from any of its names (plural, singular, letter, Chinese or English alias)."""
    return _ALIASES.get(name.strip().lower())


def kind_of_id(item_id: str) -> Kind | None:
    """The kind of an item id such as ``cao-liu-zheng-2025.r5.1`` (None for a paper id)."""
    m = _ID.search(item_id)
    return BY_LETTER.get(m.group(1)) if m else None
