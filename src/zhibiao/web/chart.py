"""Charts drawn on the server as SVG: an indicator over time (one line per place) and across places.

Each point is a link to the passage that states it; a value that conflicts with another for the same
place and period is drawn as a hollow diamond, so it stands out without relying on colour alone."""
from __future__ import annotations

import math
from dataclasses import dataclass

from markupsafe import Markup, escape

PALETTE = ("#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#7f7f7f", "#8c564b", "#17becf")
CONFLICT_COLOUR = "#c0143c"
FONT = 12
DODGE = 14  # horizontal space between points that share a series and a year


@dataclass(frozen=True)
class Point:
    """One charted value; ``label`` is the point's tooltip, ``href`` its source passage."""

    series: str
    year: int
    value: float
    href: str
    label: str
    conflict: bool = False


def compact_number(value: float) -> str:
    """A tick label a Chinese reader scans quickly: 1.64亿, 3.5万, 12.5."""
    for size, word in ((1e8, "亿"), (1e4, "万")):
        if abs(value) >= size:
            return f"{value / size:.4g}{word}"
    return f"{value:.4g}"


def exact_number(value: float) -> str:
    """The value as stated, with thousands separators: 1,602.7, 986.4, 32,000,000."""
    text = f"{value:,}"
    return text[:-2] if text.endswith(".0") else text


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round tick values covering [low, high], about ``count`` of them."""
    if high == low:
        high, low = (high + 1, low - 1) if high == 0 else (high + abs(high) / 2, low - abs(low) / 2)
    raw = (high - low) / max(count - 1, 1)
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    first = math.floor(low / step)
    last = math.ceil(high / step)
    return [round(k * step, 10) for k in range(first, last + 1)]


def line_chart(points: list[Point], unit: str, *, width: int = 720, height: int = 360) -> Markup:
    """Values over the years, one coloured line per series, every point a link to its source."""
    names = _series_names(points)
    legend, top = _legend(names, width)
    left, right, bottom = 64, 16, 36
    years = [p.year for p in points]
    first_year, last_year = min(years) - 0.5, max(years) + 0.5  # room for the outermost markers
    ticks = nice_ticks(min(0.0, *(p.value for p in points)), max(0.0, *(p.value for p in points)))
    low, high = ticks[0], ticks[-1]

    def x(year: float) -> float:
        return left + (year - first_year) / (last_year - first_year) * (width - left - right)

    def y(value: float) -> float:
        return height - bottom - (value - low) / (high - low) * (height - bottom - top)

    out = [_svg_open(width, height, f"{unit} over time")]
    out += legend
    for tick in ticks:
        out.append(f'<line x1="{left}" x2="{width - right}" y1="{y(tick):.1f}" y2="{y(tick):.1f}" '
                   f'stroke="{"#888" if tick == 0 else "#ddd"}" stroke-width="1"/>')
        out.append(f'<text x="{left - 6}" y="{y(tick) + 4:.1f}" text-anchor="end">{compact_number(tick)}</text>')
    for year in _year_ticks(min(years), max(years), width - left - right):
        out.append(f'<text x="{x(year):.1f}" y="{height - bottom + 18}" text-anchor="middle">{year}</text>')
    out.append(f'<text x="{left}" y="{top - 8}" class="unit">{escape(unit)}</text>')
    for name, colour in names.items():
        # The line joins only the years whose value is not in dispute.
        settled = sorted((p.year, p.value) for p in points if p.series == name and not p.conflict)
        if len(settled) > 1:
            path = " ".join(f"{x(year):.1f},{y(value):.1f}" for year, value in settled)
            out.append(f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2"/>')
    for point, dodge in zip(points, _dodges(points)):
        out.append(_marker(point, x(point.year) + dodge, y(point.value), names[point.series]))
    out.append("</svg>")
    return Markup("".join(out))


def bar_chart(points: list[Point], unit: str, *, width: int = 720) -> Markup:
    """One horizontal bar per point, largest first: the places compared in one year."""
    points = sorted(points, key=lambda p: -p.value)
    names = _series_names(points)
    row, top, label_width, value_width = 28, 28, min(180, width // 3), 72
    height = top + row * len(points) + 8
    ticks = nice_ticks(min(0.0, *(p.value for p in points)), max(0.0, *(p.value for p in points)))
    low, high = ticks[0], ticks[-1]

    def x(value: float) -> float:
        return label_width + (value - low) / (high - low) * (width - label_width - value_width)

    out = [_svg_open(width, height, f"{unit} by place")]
    out.append(f'<text x="{label_width}" y="{top - 10}" class="unit">{escape(unit)}</text>')
    for number, point in enumerate(points):
        y = top + number * row
        start, stop = sorted((x(0.0), x(point.value)))
        colour = CONFLICT_COLOUR if point.conflict else names[point.series]
        fill = "none" if point.conflict else colour
        dash = ' stroke-dasharray="4 2"' if point.conflict else ""
        out.append(f'<a href="{escape(point.href)}" class="point{" conflict" if point.conflict else ""}">'
                   f"<title>{escape(point.label)}</title>"
                   f'<text x="{label_width - 8}" y="{y + 15}" text-anchor="end">{escape(_clip(point.series, label_width))}</text>'
                   f'<rect x="{start:.1f}" y="{y + 3}" width="{max(stop - start, 1):.1f}" height="{row - 8}" '
                   f'fill="{fill}" stroke="{colour}" stroke-width="2"{dash}/>'
                   f'<text x="{stop + 6:.1f}" y="{y + 15}">{exact_number(point.value)}</text></a>')
    out.append("</svg>")
    return Markup("".join(out))


def _dodges(points: list[Point]) -> list[float]:
    """Horizontal offsets that set side by side the points of one series in one year (conflicting
    values are often close), so none hides another."""
    same: dict[tuple[str, int], list[int]] = {}
    for number, point in enumerate(points):
        same.setdefault((point.series, point.year), []).append(number)
    offsets = [0.0] * len(points)
    for members in same.values():
        for rank, number in enumerate(members):
            offsets[number] = (rank - (len(members) - 1) / 2) * DODGE
    return offsets


def _marker(point: Point, cx: float, cy: float, colour: str) -> str:
    if point.conflict:
        r = 7
        shape = (f'<polygon points="{cx:.1f},{cy - r:.1f} {cx + r:.1f},{cy:.1f} {cx:.1f},{cy + r:.1f} '
                 f'{cx - r:.1f},{cy:.1f}" fill="#fff" stroke="{CONFLICT_COLOUR}" stroke-width="2.5"/>')
    else:
        shape = f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="5" fill="{colour}" stroke="#fff" stroke-width="1.5"/>'
    css = "point conflict" if point.conflict else "point"
    return f'<a href="{escape(point.href)}" class="{css}"><title>{escape(point.label)}</title>{shape}</a>'


def _legend(names: dict[str, str], width: int) -> tuple[list[str], int]:
    """Swatches wrapped into rows across the top; returns the SVG and the plot's top edge."""
    out, x, y = [], 64, 18
    for name, colour in names.items():
        text = _clip(name, width // 2)
        item_width = 22 + _text_width(text) + 16
        if x + item_width > width and x > 64:
            x, y = 64, y + 20
        out.append(f'<rect x="{x}" y="{y - 10}" width="12" height="12" fill="{colour}"/>'
                   f'<text x="{x + 18}" y="{y}">{escape(text)}</text>')
        x += item_width
    return out, y + 36


def _series_names(points: list[Point]) -> dict[str, str]:
    """Each series' colour, in name order so a place keeps its colour across charts of one page."""
    return {name: PALETTE[number % len(PALETTE)] for number, name in enumerate(sorted({p.series for p in points}))}


def _year_ticks(first: int, last: int, span: float) -> list[int]:
    room = max(int(span // 48), 1)  # a year label needs about 48 units
    step = max(1, math.ceil((last - first + 1) / room))
    return list(range(first, last + 1, step))


def _text_width(text: str) -> float:
    """Approximate: a CJK character is as wide as the font size, a Latin one about half."""
    return sum(FONT if ord(c) > 0x2E7F else FONT * 0.55 for c in text)


def _clip(text: str, room: float) -> str:
    while _text_width(text) > room - 12 and len(text) > 2:
        text = text[:-2] + "…"
    return text


def _svg_open(width: int, height: int, title: str) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" '
            f'class="chart" font-size="{FONT}"><title>{escape(title)}</title>')
