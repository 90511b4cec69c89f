"""Which country a place name belongs to, from the IANA time-zone database that ships with Python
(the ``tzdata`` package): its country names (``iso3166.tab``) and the cities its zones are named
after (``zone.tab``: "Asia/Damascus" -> SY). Enough to tell "Al-Watan, Damascus" from another
Al-Watan; not a gazetteer (a city that names no time zone is unknown)."""
from __future__ import annotations

import logging
from functools import lru_cache
from importlib.resources import files

_log = logging.getLogger(__name__)


def _tab(name: str) -> list[list[str]]:
    try:
        raw = files("tzdata").joinpath("zoneinfo", name).read_text(encoding="utf-8")
    except (ImportError, OSError, ValueError) as exc:  # tzdata is a dependency; degrade, never crash
        _log.warning("time-zone table %s unavailable (%s): places are not resolved to countries", name, exc)
        return []
    return [line.split("\t") for line in raw.splitlines() if line and not line.startswith("#")]


@lru_cache(maxsize=1)
def _countries() -> dict[str, str]:
    """Lowercased country or city name -> ISO 3166 alpha-2 code."""
    out: dict[str, str] = {}
    for row in _tab("zone.tab"):
        if len(row) >= 3 and "/" in row[2]:
            out.setdefault(row[2].rsplit("/", 1)[1].replace("_", " ").lower(), row[0])
    for row in _tab("iso3166.tab"):  # country names win over a city of the same name
        if len(row) >= 2:
            out[row[1].strip().lower()] = row[0]
    return out


def country_of(place: str) -> str | None:
    """"Damascus" -> "SY", "Syria" -> "SY", "Hong Kong" -> "HK"; None when unknown."""
    if not isinstance(place, str):
        return None
    return _countries().get(" ".join(place.split()).lower())
