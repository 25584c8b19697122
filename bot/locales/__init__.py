"""User-facing text, one catalog per language; French is the reference."""

from __future__ import annotations

from bot.locales import en, fr

CATALOGS: dict[str, dict[str, str]] = {"fr": fr.TEXTS, "en": en.TEXTS}
LANGUAGES = tuple(CATALOGS)


def t(lang: str | None, key: str, **values: object) -> str:
    """The text for `key` in `lang` (French when unknown), with values filled in."""
    catalog = CATALOGS.get(lang or "fr", fr.TEXTS)
    return catalog.get(key, fr.TEXTS[key]).format(**values)
