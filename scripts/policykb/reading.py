"""Read a paper's raw bytes and decode them, refusing input that is not a text paper."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from policykb.errors import PolicyKBError

# Encodings tried after UTF-8. GB18030 is a superset of GBK and GB2312; Big5-HKSCS of Big5.
# Nearly every Big5 (and EUC-KR, Shift-JIS, Latin-1 …) byte string also decodes as GB18030, so
# "decodes without error" proves nothing: each candidate's text is scored by how much of it
# reads as Chinese words (below), the best one wins, and none good enough is an error.
FALLBACK_ENCODINGS = ("gb18030", "big5hkscs")
# Share of adjacent Han pairs that are two-character words of jieba's dictionary: about 0.5
# for real Chinese prose in the right encoding, under 0.01 for text decoded with the wrong one
# (Big5 read as GB18030, Korean or Japanese read as GB18030/Big5).
MIN_WORD_PAIRS = 0.15
# Characters that start terminal escape sequences (ESC, C1 CSI/OSC/DCS …): no paper needs them.
TERMINAL_CONTROL = re.compile("[\x1b\x80-\x9f]")


def _is_han(c: str) -> bool:
    return "\u3400" <= c <= "\u9fff" or "\uf900" <= c <= "\ufaff" or c >= "\U00020000"


@lru_cache(maxsize=1)
def _two_char_words() -> frozenset:
    import jieba

    path = Path(jieba.__file__).with_name("dict.txt")
    with path.open(encoding="utf-8") as fh:
        return frozenset(w for w, *_ in (line.split(" ", 1) for line in fh) if len(w) == 2)


def chinese_score(text: str) -> tuple[float, int]:
    """(share of adjacent Han character pairs that are dictionary words, number of pairs).

    Traditional characters are folded to simplified first, so Big5 text scores like GB text.
    """
    from policykb.chinese import to_simplified

    han = "".join(c if _is_han(c) else " " for c in text)
    s = to_simplified(han)
    words = _two_char_words()
    pairs = [s[i : i + 2] for i in range(len(s) - 1) if s[i] != " " and s[i + 1] != " "]
    if not pairs:
        return 0.0, 0
    return sum(p in words for p in pairs) / len(pairs), len(pairs)


def decode_fallback(data: bytes) -> tuple[str, str] | None:
    """(text, encoding) of the fallback encoding under which ``data`` reads as Chinese, else None."""
    best = None
    for enc in FALLBACK_ENCODINGS:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        score, n = chinese_score(text)
        if n and score >= MIN_WORD_PAIRS and (best is None or score > best[0]):
            best = (score, text, enc)
    return (best[1], best[2]) if best else None


@dataclass(frozen=True)
class RawText:
    path: Path
    data: bytes
    text: str
    encoding: str

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


def _looks_binary(data: bytes) -> bool:
    if b"\x00" in data[:8192]:
        return True
    sample = data[:8192]
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return controls > max(8, len(sample) // 100)


def read_raw(path: str | Path) -> RawText:
    """Read and decode a paper.

    UTF-8 (with or without BOM) is expected; GB18030/GBK and Big5 are decoded too
    (whichever reads as Chinese) and reported through ``RawText.encoding``. Anything
    else (Shift-JIS, EUC-KR, Latin-1 …) is a user error naming the file and the line of
    the first byte that is not UTF-8.
    """
    p = Path(path)
    if not p.exists():
        raise PolicyKBError("no such file", p)
    if p.is_dir():
        raise PolicyKBError("is a directory, expected a UTF-8 text file", p)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise PolicyKBError(f"cannot read file: {exc.strerror}", p) from None
    if not data.strip():
        raise PolicyKBError("file is empty", p)
    if _looks_binary(data):
        raise PolicyKBError("looks like a binary file, expected UTF-8 text", p)
    try:
        text = data.decode("utf-8-sig")
        encoding = "utf-8"
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        decoded = decode_fallback(data)
        if decoded is None:
            raise PolicyKBError(
                f"not valid UTF-8 (byte 0x{data[exc.start]:02x}) and not Chinese text in GB18030/GBK "
                "or Big5 either; save the file as UTF-8",
                p,
                line,
            ) from None
        text, encoding = decoded
    if not text.strip():
        raise PolicyKBError("file is empty", p)
    m = TERMINAL_CONTROL.search(text)
    if m:  # it would reach titles and quotes, and from them every terminal `search`/`cite` prints to
        line = text.count("\n", 0, m.start()) + 1
        raise PolicyKBError(f"terminal control character U+{ord(m.group()):04X} in the text; remove it", p, line)
    return RawText(path=p, data=data, text=text, encoding=encoding)
