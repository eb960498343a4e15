"""Rule tables (YAML/TSV) shipped with the package, loaded once and validated."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

import yaml

from policykb.errors import PolicyKBError


class _UniqueKeyLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml when available
    """A YAML loader that refuses duplicate keys (a silent overwrite loses a rule)."""


def _construct_mapping(loader, node, deep=False):
    seen = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r}", key_node.start_mark
            )
        seen[key] = True
    return yaml.SafeLoader.construct_mapping(loader, node, deep=deep)


_UniqueKeyLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping
)


def load_yaml_text(text: str, path: str):
    """Parse YAML, refusing duplicate keys; errors name the file and line."""
    try:
        return yaml.load(text, Loader=_UniqueKeyLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        problem = exc.problem or str(exc)
        raise PolicyKBError(f"invalid YAML: {problem}", path, line) from None
    except yaml.YAMLError as exc:
        raise PolicyKBError(f"invalid YAML: {exc}", path) from None


@lru_cache(maxsize=None)
def load(name: str):
    """Load ``rules/<name>`` from the package."""
    ref = resources.files(__package__).joinpath(name)
    return load_yaml_text(ref.read_text(encoding="utf-8"), f"policykb/rules/{name}")


@lru_cache(maxsize=None)
def regex(pattern: str) -> re.Pattern:
    return re.compile(pattern)
