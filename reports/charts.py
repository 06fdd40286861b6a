"""Small inline-SVG charts for the static report: no JavaScript, no fonts or files from elsewhere.

Each chart is one <svg role="img"> with a <title> and <desc>, every bar carries its own <title>,
and every bar has a text label with its count, so colour is never the only carrier of meaning.
Inputs are plain numbers and labels; everything written into the SVG is escaped.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

# Colours per findability tier, best (green) to worst (red); the labels carry the meaning too.
TIER_COLOURS = {
    "homepage": "#1b7837",
    "contact_page": "#5aae61",
    "other_page": "#a6dba0",
    "legal_only": "#f1b6da",
    "chat_only": "#de77ae",
    "not_found": "#8e0152",
}
VERDICT_COLOURS = {"complies": "#1b7837", "does not comply": "#c51b7d", "not assessed": "#bdbdbd"}
RUN_COLOUR = "#2166ac"
TEXT_COLOUR = "#1a1a1a"
GRID_COLOUR = "#d9d9d9"
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif"

WIDTH = 720
LABEL_W = 170  # room for category labels on the left
VALUE_W = 230  # room for the note ("2 of 5 comply, 1 not assessed") on the right
ROW_H = 30
BAR_H = 20
TOP = 8


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    colour: str


@dataclass(frozen=True)
class StackedRow:
    label: str
    segments: list[Bar]
    note: str = ""  # text to the right of the bar, e.g. "2 of 5 comply"


def _e(value: object) -> str:
    return escape(str(value), quote=True)


def _pct(part: int, whole: int) -> str:
    return f"{int(100 * part / whole + 0.5)}%" if whole else "0%"


def _open(chart_id: str, title: str, desc: str, height: int, width: int = WIDTH) -> list[str]:
    # width/height attributes give the natural size; CSS max-width lets it shrink, never grow.
    return [
        f'<svg class="chart" id="{_e(chart_id)}" role="img" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" preserveAspectRatio="xMinYMin meet" '
        f'aria-labelledby="{_e(chart_id)}-title {_e(chart_id)}-desc" font-family="{_e(FONT)}" font-size="13">',
        f'<title id="{_e(chart_id)}-title">{_e(title)}</title>',
        f'<desc id="{_e(chart_id)}-desc">{_e(desc)}</desc>',
    ]


def _text(
    x: float, y: float, text: str, *, anchor: str = "start", cls: str = "c-label", weight: str = ""
) -> str:
    bold = ' font-weight="600"' if weight else ""
    return (
        f'<text class="{cls}" x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" '
        f'dominant-baseline="middle" fill="{TEXT_COLOUR}"{bold}>{_e(text)}</text>'
    )


def bar_chart(
    chart_id: str,
    title: str,
    bars: list[Bar],
    *,
    total: int | None = None,
    width: int = 540,
    label_w: int = 170,
) -> str:
    """Horizontal bars, one per row, each labelled '<count> (<share>)'; length = share of `total`."""
    total = sum(b.value for b in bars) if total is None else total
    plot_w = width - label_w - 80
    height = TOP * 2 + ROW_H * max(len(bars), 1)
    desc = "; ".join(f"{b.label}: {b.value} of {total}" for b in bars) or "no data"
    out = _open(chart_id, title, desc, height, width)
    out.append(f'<line x1="{label_w}" y1="{TOP}" x2="{label_w}" y2="{height - TOP}" stroke="{GRID_COLOUR}"/>')
    for i, bar in enumerate(bars):
        y = TOP + i * ROW_H
        mid = y + ROW_H / 2
        w = plot_w * bar.value / total if total else 0
        out.append(_text(label_w - 8, mid, bar.label, anchor="end"))
        out.append(
            f'<rect class="c-bar" x="{label_w}" y="{mid - BAR_H / 2:.1f}" width="{w:.1f}" height="{BAR_H}" '
            f'fill="{_e(bar.colour)}" stroke="#555" stroke-width="0.5" data-value="{bar.value}">'
            f"<title>{_e(bar.label)}: {bar.value} of {total}</title></rect>"
        )
        out.append(_text(label_w + w + 6, mid, f"{bar.value} ({_pct(bar.value, total)})", cls="c-value"))
    out.append("</svg>")
    return "\n".join(out)


def stacked_bar_chart(chart_id: str, title: str, rows: list[StackedRow], legend: list[Bar]) -> str:
    """One horizontal bar per row, split into segments; a legend (colour + words) on top."""
    plot_w = WIDTH - LABEL_W - VALUE_W
    legend_h = 26
    height = TOP * 2 + legend_h + ROW_H * max(len(rows), 1)
    widest = max((sum(s.value for s in r.segments) for r in rows), default=0)
    desc = "; ".join(
        f"{r.label}: " + ", ".join(f"{s.value} {s.label}" for s in r.segments if s.value) for r in rows
    )
    out = _open(chart_id, title, desc or "no data", height)
    x = LABEL_W
    for item in legend:
        out.append(
            f'<rect class="c-legend-key" x="{x}" y="{TOP + 4}" width="12" height="12" fill="{_e(item.colour)}"/>'
        )
        out.append(_text(x + 16, TOP + 10, item.label, cls="c-legend"))
        x += 24 + 7.5 * len(item.label)
    for i, row in enumerate(rows):
        y = TOP + legend_h + i * ROW_H
        mid = y + ROW_H / 2
        out.append(_text(LABEL_W - 8, mid, row.label, anchor="end"))
        x = float(LABEL_W)
        for seg in row.segments:
            if not seg.value:
                continue
            w = plot_w * seg.value / widest
            out.append(
                f'<rect class="c-bar" x="{x:.1f}" y="{mid - BAR_H / 2:.1f}" width="{w:.1f}" height="{BAR_H}" '
                f'fill="{_e(seg.colour)}" stroke="#fff" stroke-width="1" data-value="{seg.value}">'
                f"<title>{_e(row.label)}: {seg.value} {_e(seg.label)}</title></rect>"
            )
            if w >= 18:
                fill = (
                    "#fff"
                    if seg.colour in (TIER_COLOURS["homepage"], VERDICT_COLOURS["does not comply"])
                    else TEXT_COLOUR
                )
                out.append(
                    f'<text class="c-seg" x="{x + w / 2:.1f}" y="{mid:.1f}" text-anchor="middle" '
                    f'dominant-baseline="middle" fill="{fill}">{seg.value}</text>'
                )
            x += w
        out.append(_text(x + 6, mid, row.note, cls="c-value"))
    out.append("</svg>")
    return "\n".join(out)


def column_chart(chart_id: str, title: str, columns: list[tuple[str, str, int, int]]) -> str:
    """Vertical bars of a share per column: (label, sublabel, part, whole) -> height = part/whole."""
    col_w = 110
    left = 52
    plot_h = 140
    top = 24
    height = top + plot_h + 48
    width = max(360, left + 40 + col_w * len(columns))
    desc = "; ".join(f"{lab}: {part} of {whole} ({_pct(part, whole)})" for lab, _, part, whole in columns)
    out = _open(chart_id, title, desc or "no data", height, width)
    for pct in (0, 50, 100):
        y = top + plot_h - plot_h * pct / 100
        out.append(f'<line x1="{left}" y1="{y:.1f}" x2="{width - 10}" y2="{y:.1f}" stroke="{GRID_COLOUR}"/>')
        out.append(_text(left - 6, y, f"{pct}%", anchor="end", cls="c-axis"))
    for i, (label, sub, part, whole) in enumerate(columns):
        share = part / whole if whole else 0
        h = plot_h * share
        x = left + 20 + i * col_w
        y = top + plot_h - h
        out.append(
            f'<rect class="c-bar" x="{x}" y="{y:.1f}" width="{col_w - 40}" height="{h:.1f}" fill="{RUN_COLOUR}" '
            f'data-value="{part}"><title>{_e(label)}: {part} of {whole} comply</title></rect>'
        )
        cx = x + (col_w - 40) / 2
        out.append(_text(cx, y - 10, f"{_pct(part, whole)} ({part}/{whole})", anchor="middle", cls="c-value"))
        out.append(_text(cx, top + plot_h + 16, label, anchor="middle", weight="bold"))
        out.append(_text(cx, top + plot_h + 34, sub, anchor="middle", cls="c-axis"))
    out.append("</svg>")
    return "\n".join(out)
