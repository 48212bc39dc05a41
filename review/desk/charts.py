"""Charts drawn on the server as SVG: no script, no library, nothing fetched; the page's
Content-Security-Policy allows none of those."""

from __future__ import annotations

from html import escape

WIDTH, HEIGHT, LEFT, RIGHT, TOP, BOTTOM = 560, 220, 36, 110, 12, 28
COLOURS = ("#1f4e9c", "#c0392b", "#27864a", "#8e44ad", "#d35400", "#555555")


def lines(title: str, months: list[str], series: list[tuple[str, list[float | None]]],
          top: float = 100.0) -> str:
    """A line chart of values 0..top over months; a missing value breaks its line."""
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    step = plot_w / max(1, len(months) - 1)

    def x(i: int) -> float:
        return LEFT + i * step

    def y(v: float) -> float:
        return TOP + plot_h * (1 - v / top)

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
             f'role="img" class="chart"><title>{escape(title)}</title>']
    for tick in (0, 25, 50, 75, 100):
        parts.append(f'<line x1="{LEFT}" x2="{LEFT + plot_w}" y1="{y(tick):.1f}" '
                     f'y2="{y(tick):.1f}" class="grid"/>'
                     f'<text x="{LEFT - 4}" y="{y(tick) + 4:.1f}" class="tick" '
                     f'text-anchor="end">{tick}</text>')
    for i, month in enumerate(months):
        parts.append(f'<text x="{x(i):.1f}" y="{HEIGHT - 8}" class="tick" '
                     f'text-anchor="middle">{escape(month)}</text>')
    for n, (name, values) in enumerate(series):
        colour = COLOURS[n % len(COLOURS)]
        runs: list[list[str]] = [[]]
        for i, v in enumerate(values):
            if v is None:
                runs.append([])
            else:
                runs[-1].append(f"{x(i):.1f},{y(v):.1f}")
        for run in runs:
            if len(run) > 1:
                parts.append(f'<polyline points="{" ".join(run)}" fill="none" '
                             f'stroke="{colour}" stroke-width="2"/>')
            for point in run:
                cx, cy = point.split(",")
                parts.append(f'<circle cx="{cx}" cy="{cy}" r="2.5" fill="{colour}"/>')
        legend_y = TOP + 14 + n * 16
        parts.append(f'<rect x="{LEFT + plot_w + 12}" y="{legend_y - 9}" width="10" '
                     f'height="10" fill="{colour}"/><text x="{LEFT + plot_w + 26}" '
                     f'y="{legend_y}" class="legend">{escape(name)}</text>')
    parts.append("</svg>")
    return "".join(parts)
