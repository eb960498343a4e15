"""The 术语 Glossary page: entries grouped by pinyin initial, plus an English index."""

from __future__ import annotations

from itertools import groupby

from policykb.render.markdown import GENERATED, anchor, esc
from policykb.render.paper_page import paper_title


def _short(item_id: str) -> str:
    return item_id.split(".", 1)[1]


def render_glossary(glossary: list[dict], papers: list[dict]) -> str:
    by_id = {p["id"]: p for p in papers}
    n_text = sum(1 for e in glossary if e["origin"] == "text")
    n_cur = sum(1 for e in glossary if e["origin"] == "curated")
    lines = [GENERATED.format(source="corpus/glossary.yaml"), "", "# 术语 Glossary", ""]
    lines += [
        f"共 {len(glossary)} 条：{n_text} 条由原文抽取（origin: text），{n_cur} 条为人工整理（origin: curated）。"
        "按拼音排序；[English index](#english-index) 按英文排序。",
        "",
    ]
    for letter, group in groupby(glossary, key=lambda e: e["key"][0].upper()):
        lines += [f"## {letter}", ""]
        for e in group:
            en = f" · {esc(e['en'])}" if e["en"] else (f" · {esc(e['abbr'])}" if e["abbr"] else "")
            lines += [f"### {esc(e['zh'])}{en} {{ #{e['key']} }}", ""]
            facts = []
            if e["en"]:
                facts.append(f"**English** {esc(e['en'])}")
            if e["abbr"]:
                facts.append(f"**缩写 Abbr** {esc(e['abbr'])}")
            facts.append(f"**来源 Origin** {'原文 text' if e['origin'] == 'text' else '整理 curated'}")
            lines += [" · ".join(facts), ""]
            variants = [t for t in e["translations"] if not t["preferred"]]
            if variants:
                vs = []
                for t in variants:
                    src = "整理 curated" if t["source"] == "curated" else f"[{esc(t['source'])}](papers/{t['source']}.md)"
                    vs.append(f"{esc(t['en'])}（{src}）")
                lines += ["**其他译法 Variants** " + "；".join(vs), ""]
            pref = next((t for t in e["translations"] if t["preferred"]), None)
            if pref:
                srcs = [x for x in [pref["source"], *pref.get("also", [])] if x != "curated" and x in by_id]
                if srcs:
                    links = "；".join(f"[{esc(paper_title(by_id[x]))}](papers/{x}.md)" for x in srcs)
                    lines += [f"**译名出处 Translation from** {links}", ""]
            if e["aliases"]:
                lines += ["**别名 Aliases** " + "、".join(esc(a) for a in e["aliases"]), ""]
            if e["definition"]:
                d = e["definition"]
                lines += [f"> {esc(d['text'])}", ">", f"> — [{esc(paper_title(by_id[d['paper']]))}](papers/{d['paper']}.md)", ""]
            if e["occurrences"]:
                occ = "；".join(
                    f"[{esc(paper_title(by_id[pid]))}](papers/{pid}.md) {n} 次" for pid, n in e["occurrences"].items()
                )
                lines += [f"**出现 Occurrences** {occ}", ""]
            if e["items"]:
                links = []
                for pid, ids in e["items"].items():
                    links += [f"[{pid}.{_short(i)}](papers/{pid}.md#{i})" for i in ids[:8]]
                    if len(ids) > 8:
                        links.append(f"…（{pid} 共 {len(ids)} 条）")
                lines += ["**条目 Items** " + " · ".join(links), ""]
    lines += [anchor("english-index"), "## English index", "", "| English | 中文 | Abbr |", "|---|---|---|"]
    rows = sorted((e for e in glossary if e["en"] or e["abbr"]), key=lambda e: (e["en"] or e["abbr"]).lower())
    for e in rows:
        lines.append(f"| {esc(e['en'] or '')} | [{esc(e['zh'])}](#{e['key']}) | {esc(e['abbr'] or '')} |")
    lines.append("")
    return "\n".join(lines)
