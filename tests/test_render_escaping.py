r"""Paper text keeps every Markdown-significant character on the site: esc() then Python-Markdown
with the extensions of mkdocs.yml gives back the text as written (no `\$C < P\$`)."""

import html
import re

import markdown
import pytest
import yaml

from conftest import REPO
from policykb.render.markdown import esc


class _Loader(yaml.SafeLoader):
    pass


_Loader.add_multi_constructor("", lambda loader, suffix, node: None)  # mkdocs.yml's !!python tags


def _md():
    cfg = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    exts, configs = [], {}
    for e in cfg["markdown_extensions"]:
        if isinstance(e, dict):
            (name, conf), = e.items()
            exts.append(name)
            configs[name] = {k: v for k, v in (conf or {}).items() if v is not None}
        else:
            exts.append(e)
    return markdown.Markdown(extensions=exts, extension_configs=configs)


def _shown(md_text: str) -> str:
    out = _md().convert(md_text)
    return html.unescape(re.sub(r"<[^>]+>", "", out)).strip()


TEXTS = [
    "成本 $C < P$ 时",
    "~约~ 50%~60% 和 ~~删除~~",
    "*强调* **加粗** _下划线_ __双__ snake_case_name",
    "[1] [注](链接) ![图](x.png) `代码` {x} <b>不是标签</b> &amp;",
    "a|b 1\\2 #话题# !感叹 ^{*} ^①",
    "1. 不是列表",
    "- 不是列表",
    "$$x^2$$ \\(y\\) \\[z\\]",
]


@pytest.mark.parametrize("text", TEXTS)
def test_paper_text_is_shown_as_written(text):
    assert _shown(esc(text)) == text


@pytest.mark.parametrize("text", TEXTS)
def test_paper_text_as_written_in_a_table_cell(text):
    out = _md().convert(f"| a | b |\n|---|---|\n| x | {esc(text)} |\n")
    cell = re.findall(r"<td>(.*?)</td>", out, re.S)[-1]
    assert html.unescape(re.sub(r"<[^>]+>", "", cell)).strip() == text
