"""Place names and the départements they mean (data for `bot.directory.places`).

The names live in `place_names.json`, shipped with the package: cities, départements by
name (those that are also common words, "cher", "nord", "lot", only count after a
preposition, see `places`), regions old and new, and region acronyms, which only count
written in capitals ("AURA", not the verb "aura").
"""

from __future__ import annotations

import json
from importlib import resources

_DATA = json.loads(
    resources.files("bot.directory").joinpath("place_names.json").read_text(encoding="utf-8")
)
CITIES: dict[str, str] = _DATA["cities"]
DEPARTEMENT_NAMES: dict[str, str] = _DATA["departements"]
REGIONS: dict[str, tuple[str, ...]] = {k: tuple(v) for k, v in _DATA["regions"].items()}
REGION_ACRONYMS: dict[str, tuple[str, ...]] = {
    k: tuple(v) for k, v in _DATA["region_acronyms"].items()
}
