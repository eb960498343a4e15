"""Deterministic YAML output and careful YAML input (errors name the file and line)."""

from __future__ import annotations

from pathlib import Path

import yaml

from policykb.errors import PolicyKBError
from policykb.rules import load_yaml_text


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # libyaml when available
    def ignore_aliases(self, data):  # never emit &id001/*id001: every value written in full
        return True


def _str_representer(dumper, data: str):
    if "\n" in data:
        return dumper.represent_scalar("tag:yaml.org,2002:str", data, style="|")
    return dumper.represent_scalar("tag:yaml.org,2002:str", data)


_Dumper.add_representer(str, _str_representer)


def dump(data) -> str:
    """YAML text for ``data``: keys in insertion order, Unicode as is, no line folding."""
    return yaml.dump(
        data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100000, default_flow_style=False
    )


def read(path: str | Path):
    """Parse a YAML file; a missing file, bad encoding or bad YAML is a :class:`PolicyKBError`."""
    return read_with_text(path)[0]


def read_with_text(path: str | Path) -> tuple:
    """(parsed YAML, its text) of a file, with the errors of :func:`read`."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise PolicyKBError("no such file", p) from None
    except UnicodeDecodeError as exc:
        line = p.read_bytes()[: exc.start].count(b"\n") + 1
        raise PolicyKBError("not valid UTF-8", p, line) from None
    return load_yaml_text(text, str(p)), text


def write(path: str | Path, data) -> bool:
    """Write YAML if the content changed; returns whether the file was (re)written."""
    from policykb.atomic import write_text

    return write_text(path, dump(data))  # temp file + rename: never half-written
