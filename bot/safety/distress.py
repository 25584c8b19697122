"""Distress without a clear sign of danger: the bot asks, plainly, rather than alarms.

Same pattern language as `patterns.py`."""

from __future__ import annotations

# Distress without a clear sign of danger: a question, not an alarm.
CONCERN: tuple[str, ...] = (
    "au + secours",
    "aider|aidez|help .. @ME",
    "besoin .. aide|help",
    "ras + le + bol",
    "boule + au + ventre",
    "sers|servir + à + rien",
    "quelqu + un + peut|pourrait|pour .. =me|=m + parler|écouter|aider",
    "@NEG .. lever",
    "perdu|perdue|lost",
    "plaquer|lâcher .. tout",
    "sombrer|sombre|couler|coule",
    "trembler|tremble|shaking",
    "@NEG .. ressentir|ressens|feel|feeling",
    "overwhelmed|submergé|submergée",
    "need .. help",
    "@NEG + en + peux + plus",
    "en + peux + plus",
    "craquer|craque|cracking",
    "à|au .. bout",
    "fond .. trou",
    "@NEG .. tenir",
    "marre .. tout",
    "pleurer|pleure|cry|crying",
    "@NEG .. bien|ok|okay|fine",
    "ça .. @NEG .. du + tout",
    "désespoir|désespéré|desperate|hopeless|despair",
    "angoisse|panique|panic|anxiety",
    "seul|seule|lonely|alone|invisible|vide|empty",
    "couler|drowning|sinking",
    "cope|coping",
    "awful|terrible|horrible|low|down",
    "burn|épuisé|épuisée|exhausted",
    "harcelé|harcelée|harcèlement|harassed|harassment|bullied",
    "écroule|effondre|écrouler|effondrer",
    "falling + apart",
    "tenir + @NEG",
    "@NEG .. dormir|sleep",
)
