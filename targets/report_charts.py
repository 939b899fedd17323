"""The charts of the annual report and the assessment dossier as plain SVG (inline in the PDFs) and
PNG (in the DOCX, rendered from the same SVG by CairoSVG): value axes with gridlines, a data label
on every bar, category names wrapped to fit (long names, such as enterprises, as horizontal bars)
and a legend that wraps onto as many rows as it needs."""

import math
from decimal import Decimal

from django.utils.html import escape

from .dashboards import ChartData

WIDTH = 520
FONT = 9
FONT_FAMILY = "Noto Sans CJK SC, Noto Sans SC, WenQuanYi Micro Hei, sans-serif"
COLOURS = ["#0b5394", "#e69138", "#6aa84f", "#cc0000", "#674ea7", "#45818e", "#999999"]
STATUS_COLOURS = {
    "achieved": "#1e7b34",
    "on_track": "#2b6cb0",
    "at_risk": "#b7791f",
    "behind": "#c53030",
    "no_data": "#9aa5b1",
}


def number(value) -> str:
    """A value for a label: thousands separators, at most two decimals, no trailing zeros."""
    if value is None:
        return "—"
    text = f"{Decimal(value):,.2f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def text_width(text: str, size: float = FONT) -> float:
    """The width a label takes in points: CJK characters are square, others about 0.6 em."""
    return sum(size if ord(char) >= 0x2E80 else size * 0.6 for char in text)


def wrap(text: str, width: float, lines: int = 2, size: float = FONT) -> list[str]:
    """Break a label into at most `lines` lines of at most `width`; the last one ends in … if cut."""
    out: list[str] = []
    current = ""
    for char in text:
        if text_width(current + char, size) > width and current:
            out.append(current)
            current = char
        else:
            current += char
    if current:
        out.append(current)
    if len(out) > lines:
        last = out[lines - 1]
        while last and text_width(last + "…", size) > width:
            last = last[:-1]
        out = [*out[: lines - 1], last + "…"]
    return out or [""]


def nice_ticks(top: float, count: int = 4) -> list[float]:
    """Round axis values from 0 to at least `top` (steps of 1, 2, 2.5 or 5 × 10ⁿ)."""
    if top <= 0:
        return [0.0, 1.0]
    raw = top / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    steps = math.ceil(top / step - 1e-9)
    return [round(i * step, 10) for i in range(steps + 1)]


def _text(x: float, y: float, text: str, anchor: str = "start", **attrs) -> str:
    extra = "".join(f' {key.replace("_", "-")}="{value}"' for key, value in attrs.items())
    return f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}"{extra}>{escape(text)}</text>'


def _legend(series: list, top: float) -> tuple[list[str], float]:
    """The legend from `top` down, wrapped onto rows; returns its parts and its bottom."""
    if len(series) < 2:
        return [], top
    parts, x, y = [], 0.0, top
    for index, (name, _values) in enumerate(series):
        label = str(name)
        item = 14 + text_width(label) + 14
        if x and x + item > WIDTH:
            x, y = 0.0, y + 14
        parts.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="9" height="9" fill="{COLOURS[index % len(COLOURS)]}"/>')
        parts.append(_text(x + 13, y + 8, label))
        x += item
    return parts, y + 14


def _svg(height: float, parts: list[str]) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{math.ceil(height)}" '
        f'viewBox="0 0 {WIDTH} {math.ceil(height)}" font-size="{FONT}" font-family="{FONT_FAMILY}" fill="#1f2933">'
        f'<rect width="{WIDTH}" height="{math.ceil(height)}" fill="#ffffff"/>' + "".join(parts) + "</svg>"
    )


def bar_svg(chart: ChartData) -> str:
    """A bar chart (stacked where the chart is): vertical with a value axis, or horizontal when the
    category names are too long to stand under their bars two lines deep. "" without categories
    or series (nothing to draw: no empty figure)."""
    categories = [str(category) for category in chart.categories]
    if not categories or not chart.series:
        return ""
    plot_left, plot_right = 46.0, WIDTH - 8.0
    slot = (plot_right - plot_left) / len(categories)
    if any(text_width(category) > 2 * (slot - 4) for category in categories):
        return _horizontal(chart, categories)
    stacked = chart.kind == "stacked"
    values = [[float(v or 0) for v in series_values] for _name, series_values in chart.series]
    totals = [sum(column) if stacked else max(column, default=0) for column in zip(*values, strict=True)]
    ticks = nice_ticks(max(totals))
    top_value = ticks[-1]
    plot_top, plot_bottom = 14.0, 190.0
    span = plot_bottom - plot_top

    def y_of(value: float) -> float:
        return plot_bottom - value / top_value * span

    parts = []
    for tick in ticks:
        y = y_of(tick)
        parts.append(f'<line x1="{plot_left}" y1="{y:.1f}" x2="{plot_right}" y2="{y:.1f}" stroke="#e3e7ec"/>')
        parts.append(_text(plot_left - 4, y + 3, number(tick), "end", fill="#52606d"))
    parts.append(f'<line x1="{plot_left}" y1="{plot_top}" x2="{plot_left}" y2="{plot_bottom}" stroke="#888"/>')
    parts.append(f'<line x1="{plot_left}" y1="{plot_bottom}" x2="{plot_right}" y2="{plot_bottom}" stroke="#888"/>')
    groups = 1 if stacked else max(1, len(values))
    bar = slot * 0.7 / groups
    label_lines = 1
    for index, category in enumerate(categories):
        base = plot_bottom
        for series_index, column in enumerate(values):
            value = column[index]
            height = value / top_value * span
            x = plot_left + index * slot + slot * 0.15 + (0 if stacked else series_index * bar)
            y = base - height
            colour = COLOURS[series_index % len(COLOURS)]
            parts.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{height:.1f}" fill="{colour}"/>')
            if stacked:
                if height >= FONT + 3 and value:
                    parts.append(_text(x + bar / 2, y + height / 2 + 3, number(value), "middle", fill="#ffffff"))
                base = y
            elif value or len(values) == 1:
                parts.append(_text(x + bar / 2, y - 2, number(value), "middle"))
        if stacked:
            parts.append(_text(plot_left + index * slot + slot / 2, base - 2, number(totals[index]), "middle"))
        lines = wrap(category, slot - 4)
        label_lines = max(label_lines, len(lines))
        for line_index, line in enumerate(lines):
            parts.append(_text(plot_left + index * slot + slot / 2, plot_bottom + 12 + line_index * 11, line, "middle"))
    legend, bottom = _legend(chart.series, plot_bottom + 10 + label_lines * 11)
    return _svg(bottom + 4, parts + legend)


def _horizontal(chart: ChartData, categories: list[str]) -> str:
    stacked = chart.kind == "stacked" or len(chart.series) == 1
    values = [[float(v or 0) for v in series_values] for _name, series_values in chart.series]
    totals = [sum(column) if stacked else max(column, default=0) for column in zip(*values, strict=True)]
    ticks = nice_ticks(max(totals, default=0))
    top_value = ticks[-1]
    label_width = min(WIDTH * 0.42, max(text_width(category) for category in categories) + 6)
    plot_left, plot_right = label_width + 6, WIDTH - 40.0
    span = plot_right - plot_left
    row = 26.0 if stacked else 12.0 * len(values) + 10
    top = 6.0
    parts = []
    bottom = top + row * len(categories)
    for tick in ticks:
        x = plot_left + tick / top_value * span
        parts.append(f'<line x1="{x:.1f}" y1="{top}" x2="{x:.1f}" y2="{bottom:.1f}" stroke="#e3e7ec"/>')
        parts.append(_text(x, bottom + 11, number(tick), "middle", fill="#52606d"))
    for index, category in enumerate(categories):
        y = top + index * row
        lines = wrap(category, label_width - 6)
        first = y + row / 2 + 3 - (len(lines) - 1) * 5.5
        for line_index, line in enumerate(lines):
            parts.append(_text(label_width, first + line_index * 11, line, "end"))
        left = plot_left
        for series_index, column in enumerate(values):
            width = column[index] / top_value * span
            bar_y = y + 5 if stacked else y + 5 + series_index * 12
            thickness = row - 10 if stacked else 10
            colour = COLOURS[series_index % len(COLOURS)]
            parts.append(
                f'<rect x="{left:.1f}" y="{bar_y:.1f}" width="{width:.1f}" height="{thickness:.1f}" fill="{colour}"/>'
            )
            if not stacked:
                parts.append(_text(plot_left + width + 3, bar_y + 8, number(column[index])))
            if stacked:
                left += width
        if stacked:
            parts.append(_text(left + 3, y + row / 2 + 3, number(totals[index])))
    parts.append(f'<line x1="{plot_left}" y1="{top}" x2="{plot_left}" y2="{bottom:.1f}" stroke="#888"/>')
    legend, end = _legend(chart.series, bottom + 18)
    return _svg(end + 4, parts + legend)


def progress_svg(rows: list[dict]) -> str:
    """Each indicator's progress towards its target (capped at 100 %), coloured by status, with
    the percentage written after the bar and a 0–100 % axis. "" without rows."""
    if not rows:
        return ""
    left, right = 44.0, WIDTH - 56.0
    span = right - left
    parts = []
    for index, row in enumerate(rows):
        y = 4 + index * 16
        width = min(100, max(0, row["progress"])) / 100 * span
        parts.append(_text(0, y + 9, row["code"]))
        parts.append(f'<rect x="{left}" y="{y}" width="{span:.1f}" height="11" fill="#eef2f6"/>')
        colour = STATUS_COLOURS.get(row["status"], "#9aa5b1")
        parts.append(f'<rect x="{left}" y="{y}" width="{width:.1f}" height="11" fill="{colour}"/>')
        parts.append(_text(right + 4, y + 9, f"{number(row['progress'])}%"))
    bottom = 4 + len(rows) * 16
    grid = []  # under the bars' labels, over their backgrounds
    for tick in (0, 25, 50, 75, 100):
        x = left + tick / 100 * span
        grid.append(f'<line x1="{x:.1f}" y1="2" x2="{x:.1f}" y2="{bottom:.1f}" stroke="#ffffff" stroke-width="0.6"/>')
        grid.append(_text(x, bottom + 10, f"{tick}%", "middle", fill="#52606d"))
    return _svg(bottom + 14, parts + grid)


def svg_png(svg: str, scale: float = 2.0) -> bytes:
    """The chart as PNG for the DOCX, at `scale` × its size (CairoSVG, with the system's CJK fonts)."""
    import cairosvg

    return cairosvg.svg2png(bytestring=svg.encode("utf-8"), scale=scale)
