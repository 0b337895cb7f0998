"""Reactions over time as a small SVG line chart, drawn at build time: no script, readable as it is.

Each count (likes, reposts, replies, quotes) is one line, told apart by its
dash pattern as well as its colour, with a legend in words; the page puts
the same numbers in a table beside it for screen readers.
"""

from __future__ import annotations

from html import escape

from .model import COUNTS, Snapshot

WIDTH, HEIGHT, PAD = 560, 180, 32
STYLE = {
    "likes": ("#8a3b12", ""),
    "reposts": ("#1f5fbf", "6 3"),
    "replies": ("#2f6b2f", "2 3"),
    "quotes": ("#5b564e", "8 3 2 3"),
}


def _points(snapshots: list[Snapshot], name: str, top: int) -> str:
    first, last = snapshots[0].time, snapshots[-1].time
    span = (last - first).total_seconds() or 1.0
    out = []
    for snap in snapshots:
        x = PAD + (WIDTH - 2 * PAD) * ((snap.time - first).total_seconds() / span)
        y = HEIGHT - PAD - (HEIGHT - 2 * PAD) * (getattr(snap, name) / top)
        out.append(f"{x:.1f},{y:.1f}")
    return " ".join(out)


def svg(snapshots: list[Snapshot], title: str, labels: dict[str, str], chart_id: str) -> str:
    """The chart; ``labels`` names each count in the page's language."""
    if not snapshots:
        return ""
    top = max(max(getattr(s, n) for s in snapshots for n in COUNTS), 1)
    lines = []
    for index, name in enumerate(COUNTS):
        colour, dash = STYLE[name]
        dashes = f' stroke-dasharray="{dash}"' if dash else ""
        if len(snapshots) > 1:
            lines.append(
                f'<polyline fill="none" stroke="{colour}" stroke-width="2"{dashes} '
                f'points="{_points(snapshots, name, top)}"/>'
            )
        else:
            x, y = _points(snapshots, name, top).split(",")
            lines.append(f'<circle cx="{WIDTH / 2:.1f}" cy="{y}" r="3" fill="{colour}"/>')
        lines.append(
            f'<line x1="{PAD + index * 130}" y1="12" x2="{PAD + index * 130 + 24}" y2="12" '
            f'stroke="{colour}" stroke-width="2"{dashes}/>'
            f'<text x="{PAD + index * 130 + 30}" y="16" font-size="12" fill="#1f1d1a">'
            f"{escape(labels[name])}</text>"
        )
    axis = (
        f'<line x1="{PAD}" y1="{HEIGHT - PAD}" x2="{WIDTH - PAD}" y2="{HEIGHT - PAD}" stroke="#5b564e"/>'
        f'<text x="{PAD - 6}" y="{PAD + 4}" font-size="11" text-anchor="end" fill="#1f1d1a">{top}</text>'
        f'<text x="{PAD - 6}" y="{HEIGHT - PAD + 4}" font-size="11" text-anchor="end" fill="#1f1d1a">0</text>'
    )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" '
        f'height="{HEIGHT}" role="img" aria-labelledby="{chart_id}"><title id="{chart_id}">{escape(title)}'
        f"</title>{axis}{''.join(lines)}</svg>"
    )
