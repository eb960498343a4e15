"""Small inline SVG charts rendered at build time (pure Python, no JavaScript, no CDN).

Every label is HTML-escaped; numbers are formatted deterministically so two builds give the
same bytes.
"""

from __future__ import annotations

from html import escape


def _n(x: float) -> str:
    """A coordinate with at most one decimal, no float noise."""
    s = f"{x:.1f}"
    return s[:-2] if s.endswith(".0") else s


def bar_chart(rows: list[dict], unit: str, title: str, width: int = 640) -> str:
    """A horizontal bar chart. ``rows``: ``{label, value, value_to (or None), note, href}``.

    The scale starts at zero when every value is positive; a range is drawn as a lighter
    extension of its bar. Returns one ``<svg>`` element (role img, with a <title>).
    """
    row_h, gap, left, right, top = 26, 8, 230, 110, 8
    height = top * 2 + len(rows) * (row_h + gap)
    hi = max([r["value"] for r in rows] + [r["value_to"] or 0 for r in rows] + [0])
    lo = min([r["value"] for r in rows] + [0])
    span = (hi - lo) or 1
    plot = width - left - right

    def x(v: float) -> float:
        return left + (v - lo) / span * plot

    out = [
        f'<svg class="pkb-chart" xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" aria-label="{escape(title, quote=True)}">',
        f"<title>{escape(title)}</title>",
    ]
    zero = x(0)
    for i, r in enumerate(rows):
        y = top + i * (row_h + gap)
        x0, x1 = sorted((zero, x(r["value"])))
        label = escape(r["label"])
        text = f'<text x="{left - 8}" y="{_n(y + row_h * 0.68)}" text-anchor="end" class="pkb-chart-label">{label}</text>'
        if r.get("href"):
            text = f'<a href="{escape(r["href"], quote=True)}">{text}</a>'
        out.append(text)
        out.append(f'<rect x="{_n(x0)}" y="{y}" width="{_n(max(x1 - x0, 1))}" height="{row_h}" class="pkb-chart-bar"/>')
        end = x1
        if r.get("value_to") is not None:
            x2 = x(r["value_to"])
            out.append(f'<rect x="{_n(x1)}" y="{y}" width="{_n(max(x2 - x1, 1))}" height="{row_h}" class="pkb-chart-range"/>')
            end = x2
        out.append(
            f'<text x="{_n(end + 6)}" y="{_n(y + row_h * 0.68)}" class="pkb-chart-value">'
            f'{escape(r["value_text"])}</text>'
        )
    out.append(f'<line x1="{_n(zero)}" y1="{top}" x2="{_n(zero)}" y2="{height - top}" class="pkb-chart-axis"/>')
    out.append("</svg>")
    return "".join(out)
