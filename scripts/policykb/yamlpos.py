"""Line numbers of values inside a YAML file, for error messages."""

from __future__ import annotations

import yaml


class YamlLines:
    """Answers "which line holds the value at this path?"; parses the text once, lazily."""

    def __init__(self, text: str):
        self.text = text
        self._root = None
        self._parsed = False

    def _node(self):
        if not self._parsed:
            self._parsed = True
            try:
                self._root = yaml.compose(self.text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
            except yaml.YAMLError:
                self._root = None
        return self._root

    def line(self, path: list) -> int | None:
        node = self._node()
        if node is None:
            return None
        best = node
        for key in path:
            if isinstance(node, yaml.MappingNode):
                nxt = None
                for k, v in node.value:
                    if k.value == key:
                        nxt, best = v, k
                        break
                if nxt is None:
                    break
                node = nxt
            elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
                node = node.value[key]
                best = node
            else:
                break
        return best.start_mark.line + 1


def line_of(text: str, path: list) -> int | None:
    """1-based line of the node at ``path`` (keys and list indexes) in YAML ``text``."""
    return YamlLines(text).line(path)
