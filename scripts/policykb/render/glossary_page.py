"""The 术语 Glossary page: entries grouped by pinyin initial, plus an English index."""

from __future__ import annotations

from itertools import groupby

from policykb.render import parts
from policykb.render.markdown import GENERATED, anchor, esc
from policykb.render.paper_page import paper_title


def _short(item_id: str) -> str:
    return item_id.split(".", 1)[1]


MAX_PAPERS = 20  # papers listed per entry under occurrences and items; the rest are counted


def _entry(e: dict, by_id: dict, prefix: str = "") -> list[str]:
    """One entry's Markdown (``prefix``: from its page to the docs root, "" or "../")."""
    en = f" · {esc(e['en'])}" if e["en"] else (f" · {esc(e['abbr'])}" if e["abbr"] else "")
    lines = [f"### {esc(e['zh'])}{en} {{ #{e['key']} }}", ""]
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
            src = "整理 curated" if t["source"] == "curated" else f"[{esc(t['source'])}]({prefix}papers/{t['source']}.md)"
            vs.append(f"{esc(t['en'])}（{src}）")
        lines += ["**其他译法 Variants** " + "；".join(vs), ""]
    pref = next((t for t in e["translations"] if t["preferred"]), None)
    if pref:
        srcs = [x for x in [pref["source"], *pref.get("also", [])] if x != "curated" and x in by_id]
        if srcs:
            links = "；".join(f"[{esc(paper_title(by_id[x]))}]({prefix}papers/{x}.md)" for x in srcs[:MAX_PAPERS])
            lines += [f"**译名出处 Translation from** {links}" + _more(len(srcs)), ""]
    if e["aliases"]:
        lines += ["**别名 Aliases** " + "、".join(esc(a) for a in e["aliases"]), ""]
    if e["definition"]:
        d = e["definition"]
        lines += [f"> {esc(d['text'])}", ">", f"> — [{esc(paper_title(by_id[d['paper']]))}]({prefix}papers/{d['paper']}.md)", ""]
    if e["occurrences"]:
        occ = "；".join(
            f"[{esc(paper_title(by_id[pid]))}]({prefix}papers/{pid}.md) {n} 次"
            for pid, n in list(e["occurrences"].items())[:MAX_PAPERS]
        )
        lines += [f"**出现 Occurrences** {occ}" + _more(len(e["occurrences"])), ""]
    if e["items"]:
        links = []
        for pid, ids in list(e["items"].items())[:MAX_PAPERS]:
            links += [f"[{pid}.{_short(i)}]({prefix}papers/{pid}.md#{i})" for i in ids[:8]]
            if len(ids) > 8:
                links.append(f"…（{pid} 共 {len(ids)} 条）")
        lines += ["**条目 Items** " + " · ".join(links) + _more(len(e["items"])), ""]
    return lines


def _more(n: int) -> str:
    return f" ……共 {n} 篇文献，列出前 {MAX_PAPERS} 篇 ({n} papers, first {MAX_PAPERS} listed)" if n > MAX_PAPERS else ""


def _letter(e: dict) -> str:
    return e["key"][0].upper()


def _intro(glossary: list[dict]) -> list[str]:
    n_text = sum(1 for e in glossary if e["origin"] == "text")
    n_cur = sum(1 for e in glossary if e["origin"] == "curated")
    return [GENERATED.format(source="corpus/glossary.yaml"), "", "# 术语 Glossary", "",
            f"共 {len(glossary)} 条：{n_text} 条由原文抽取（origin: text），{n_cur} 条为人工整理（origin: curated）。"
            "按拼音排序；[English index](#english-index) 按英文排序。", ""]


def _english_index(glossary: list[dict], href) -> list[str]:
    lines = [anchor("english-index"), "## English index", "", "| English | 中文 | Abbr |", "|---|---|---|"]
    rows = sorted((e for e in glossary if e["en"] or e["abbr"]), key=lambda e: (e["en"] or e["abbr"]).lower())
    for e in rows:
        lines.append(f"| {esc(e['en'] or '')} | [{esc(e['zh'])}]({href(e)}) | {esc(e['abbr'] or '')} |")
    lines.append("")
    return lines


def render_glossary(glossary: list[dict], papers: list[dict]) -> str:
    by_id = {p["id"]: p for p in papers}
    lines = _intro(glossary)
    for letter, group in groupby(glossary, key=_letter):
        lines += [f"## {letter}", ""]
        for e in group:
            lines += _entry(e, by_id)
    lines += _english_index(glossary, lambda e: f"#{e['key']}")
    return "\n".join(lines)


def _file_letter(letter: str) -> str:
    return letter.lower() if letter.isascii() and letter.isalnum() else "other"


def glossary_pages(glossary: list[dict], papers: list[dict]) -> tuple[dict[str, str], dict[str, str]]:
    """({file under docs/: page}, {entry key: its page}): ``glossary.md`` as one page when the
    glossary fits in one part; else an index (letters, English index) and a page per pinyin
    initial, ``glossary/<letter>.md`` (a letter too big for one page continues on
    ``glossary/<letter>-2.md`` …)."""
    by_id = {p["id"]: p for p in papers}
    single = render_glossary(glossary, papers)
    if parts.size(single) <= parts.PART_BUDGET:
        return {"glossary.md": single}, {e["key"]: "glossary.md" for e in glossary}
    pages: dict[str, list[dict]] = {}
    letters: list[tuple[str, list[str]]] = []
    for letter, group in groupby(glossary, key=_letter):
        group = list(group)
        chunks = parts.pack([parts.size(_entry(e, by_id, "../")) for e in group], most=len(group))
        base = _file_letter(letter)
        names = []
        for k, chunk in enumerate(chunks):
            name = f"glossary/{base}.md" if k == 0 else f"glossary/{base}-{k + 1}.md"
            while name in pages:  # two initials mapped to "other"
                name = name[:-3] + "x.md"
            pages[name] = [group[i] for i in chunk]
            names.append(name)
        letters.append((letter, names))
    page_of = {e["key"]: name for name, es in pages.items() for e in es}
    lines = _intro(glossary)[:-2] + [
        f"共 {len(glossary)} 条，按拼音首字母分页；[English index](#english-index) 按英文排序。"
        f"Entries by pinyin initial, one page per letter.", "", "## 按拼音 By pinyin initial { #letters }", ""]
    for letter, names in letters:
        n = sum(len(pages[nm]) for nm in names)
        more = "".join(f" [{k + 1}]({nm})" for k, nm in enumerate(names)) if len(names) > 1 else ""
        lines.append(f"- [{esc(letter)}]({names[0]})：{n} 条" + (f"，分页{more}" if more else ""))
    lines.append("")
    lines += _english_index(glossary, lambda e: f"{page_of[e['key']]}#{e['key']}")
    out = {"glossary.md": "\n".join(lines)}
    for letter, names in letters:
        for k, name in enumerate(names):
            title = f"术语 Glossary：{esc(letter)}" + (f"（{k + 1}/{len(names)}）" if len(names) > 1 else "")
            body = [GENERATED.format(source="corpus/glossary.yaml"), "", f"# {title}", "",
                    "[← 术语 Glossary](../glossary.md) · 字母 Letters：" +
                    " · ".join(f"**{esc(lt)}**" if lt == letter else f"[{esc(lt)}](../{nms[0]})" for lt, nms in letters), ""]
            if len(names) > 1:
                body += parts.part_nav([nm.split("/", 1)[1] for nm in names], k)
            for e in pages[name]:
                body += _entry(e, by_id, "../")
            out[name] = "\n".join(body)
    return out, page_of
