"""Line numbers of values inside a YAML file, for error messages."""

from __future__ import annotations

import yaml


def line_of(text: str, path: list) -> int | None:
    """1-based line of the node at ``path`` (keys and list indexes) in YAML ``text``."""
    try:
        node = yaml.compose(text)
    except yaml.YAMLError:
        return None
    best = node
    for key in path:
        if isinstance(node, yaml.MappingNode):
            nxt = None
            for k, v in node.value:
                if k.value == key:
                    nxt = v
                    best = k
                    break
            if nxt is None:
                break
            node = nxt
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            node = node.value[key]
            best = node
        else:
            break
    return best.start_mark.line + 1 if best is not None else None
