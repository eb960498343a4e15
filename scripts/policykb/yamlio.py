"""Deterministic YAML output and careful YAML input (errors name the file and line)."""

from __future__ import annotations

from pathlib import Path

import yaml

from policykb.errors import PolicyKBError
from policykb.rules import load_yaml_text


_STR, _INT, _BOOL, _NULL = (f"tag:yaml.org,2002:{t}" for t in ("str", "int", "bool", "null"))
_MAP, _SEQ = "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # libyaml when available
    def ignore_aliases(self, data):  # never emit &id001/*id001: every value written in full
        return True

    def represent_data(self, data):
        """The nodes SafeRepresenter makes (with :func:`_str_representer`), built without its
        per-value dispatch for the plain types of a record (dict, list, str, int, bool, None);
        any other type goes to SafeRepresenter. Only with the options :func:`dump` passes
        (no default style, a fixed flow style, keys unsorted); else SafeRepresenter for all."""
        if self.default_style is not None or self.default_flow_style is None or self.sort_keys:
            return super().represent_data(data)
        flow = self.default_flow_style
        scalar, mapping, sequence = yaml.ScalarNode, yaml.MappingNode, yaml.SequenceNode
        slow = super().represent_data

        def node(x):
            t = type(x)
            if t is str:
                return scalar(_STR, x, style="|" if "\n" in x else None)
            if t is dict:
                return mapping(_MAP, [(node(k), node(v)) for k, v in x.items()], flow_style=flow)
            if t is list:
                return sequence(_SEQ, [node(v) for v in x], flow_style=flow)
            if t is int:
                return scalar(_INT, str(x))
            if t is bool:
                return scalar(_BOOL, "true" if x else "false")
            if x is None:
                return scalar(_NULL, "null")
            return slow(x)

        return node(data)

    def resolve(self, kind, value, implicit):
        """Resolver.resolve, remembered per dump for a scalar (the emitter asks twice for every
        scalar, and a record repeats its keys): with no path resolvers its answer depends only
        on the value and ``implicit[0]``."""
        if kind is not yaml.ScalarNode or self.yaml_path_resolvers:
            return super().resolve(kind, value, implicit)
        if not implicit[0]:
            return self.DEFAULT_SCALAR_TAG
        memo = self.__dict__.setdefault("_resolved", {})
        tag = memo.get(value)
        if tag is None:
            tag = memo[value] = super().resolve(kind, value, implicit)
        return tag


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
