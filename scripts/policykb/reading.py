"""Read a paper's raw bytes and decode them, refusing input that is not a text paper."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from policykb.errors import PolicyKBError

# Encodings tried after UTF-8, in order. GB18030 is a superset of GBK and GB2312.
FALLBACK_ENCODINGS = ("gb18030",)


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

    UTF-8 (with or without BOM) is expected; GB18030/GBK is decoded too and
    reported through ``RawText.encoding``. Anything else is a user error naming
    the file (and the line of the first undecodable byte).
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
        for enc in FALLBACK_ENCODINGS:
            try:
                text = data.decode(enc)
                encoding = enc
                break
            except UnicodeDecodeError:
                continue
        else:
            raise PolicyKBError(
                f"not valid UTF-8 (byte 0x{data[exc.start]:02x}) and not GB18030/GBK either; "
                "save the file as UTF-8",
                p,
                line,
            ) from None
    if not text.strip():
        raise PolicyKBError("file is empty", p)
    return RawText(path=p, data=data, text=text, encoding=encoding)
