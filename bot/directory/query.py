"""Understand a directory query: filters (when, how, where, cost) and search terms."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta

from bot.directory.hours import PARIS
from bot.safety import is_danger
from bot.text import normalize

# Phrases are matched on normalised text; longer phrases are tried first.
_FILTERS: dict[str, tuple[str, ...]] = {
    "always": (
        "24h 24",
        "24 24",
        "24h sur 24",
        "24 7",
        "7j 7",
        "7 7",
        "jour et nuit",
        "h24",
        "24 hours",
        "around the clock",
        "24h",
    ),
    "open_now": (
        "ouvert maintenant",
        "ouverts maintenant",
        "ouverte maintenant",
        "joignable maintenant",
        "disponible maintenant",
        "ouvert",
        "ouverts",
        "ouverte",
        "open now",
        "open right now",
        "right now",
        "open",
    ),
    "night": ("cette nuit", "la nuit", "de nuit", "nuit", "at night", "overnight", "night"),
    "evening": (
        "ce soir",
        "le soir",
        "en soiree",
        "soir",
        "soiree",
        "tonight",
        "this evening",
        "evening",
    ),
    "weekend": (
        "le week end",
        "ce week end",
        "week end",
        "weekend",
        "samedi",
        "dimanche",
        "saturday",
        "sunday",
    ),
    "free": (
        "gratuitement",
        "gratuits",
        "gratuites",
        "gratuite",
        "gratuit",
        "sans frais",
        "free of charge",
        "free",
    ),
    "anonymous": ("anonymement", "anonymat", "anonymes", "anonyme", "anonymously", "anonymous"),
    "chat": ("tchat", "chat", "en ligne par ecrit", "messagerie instantanee"),
    "phone": ("par telephone", "telephone", "appeler", "call", "phone"),
    "email": ("par mail", "par email", "e mail", "email", "mail", "courriel"),
    "english": ("en anglais", "in english", "anglais", "anglophone", "english speaking", "english"),
}
_FILTER_PHRASES = sorted(
    ((phrase, name) for name, phrases in _FILTERS.items() for phrase in phrases),
    key=lambda pair: -len(pair[0]),
)
_COMMAND_WORDS = {"numeros", "numero", "num", "numbers", "number", "nums"}

CITIES: dict[str, str] = {
    "paris": "75",
    "marseille": "13",
    "lyon": "69",
    "toulouse": "31",
    "nice": "06",
    "nantes": "44",
    "strasbourg": "67",
    "montpellier": "34",
    "bordeaux": "33",
    "lille": "59",
    "rennes": "35",
    "reims": "51",
    "grenoble": "38",
    "annecy": "74",
    "valence": "26",
    "suresnes": "92",
    "nanterre": "92",
    "boulogne billancourt": "92",
    "versailles": "78",
    "creteil": "94",
    "bobigny": "93",
    "saint denis": "93",
    "montreuil": "93",
    "evry": "91",
    "cergy": "95",
    "pontoise": "95",
    "melun": "77",
    "dijon": "21",
    "angers": "49",
    "nimes": "30",
    "clermont ferrand": "63",
    "le havre": "76",
    "rouen": "76",
    "toulon": "83",
    "brest": "29",
    "tours": "37",
    "limoges": "87",
    "amiens": "80",
    "metz": "57",
    "nancy": "54",
    "besancon": "25",
    "orleans": "45",
    "caen": "14",
    "perpignan": "66",
    "poitiers": "86",
    "la rochelle": "17",
    "pau": "64",
    "avignon": "84",
    "ajaccio": "2a",
    "bastia": "2b",
    "chambery": "73",
    "saint etienne": "42",
    "le mans": "72",
    "aix en provence": "13",
    "mulhouse": "68",
    "colmar": "68",
    "quimper": "29",
    "lorient": "56",
    "vannes": "56",
    "saint brieuc": "22",
    "laval": "53",
    "niort": "79",
    "la roche sur yon": "85",
    "angouleme": "16",
    "perigueux": "24",
    "agen": "47",
    "bayonne": "64",
    "tarbes": "65",
    "auch": "32",
    "montauban": "82",
    "albi": "81",
    "rodez": "12",
    "cahors": "46",
    "carcassonne": "11",
    "beziers": "34",
    "ales": "30",
    "gap": "05",
    "digne": "04",
    "cannes": "06",
    "antibes": "06",
    "troyes": "10",
    "chartres": "28",
    "blois": "41",
    "bourges": "18",
    "chateauroux": "36",
    "nevers": "58",
    "auxerre": "89",
    "macon": "71",
    "bourg en bresse": "01",
    "saint etienne du rouvray": "76",
    "lens": "62",
    "arras": "62",
    "calais": "62",
    "dunkerque": "59",
    "roubaix": "59",
    "tourcoing": "59",
    "valenciennes": "59",
    "beauvais": "60",
    "compiegne": "60",
    "laon": "02",
    "saint quentin": "02",
    "charleville mezieres": "08",
    "epinal": "88",
    "belfort": "90",
    "vesoul": "70",
    "lons le saunier": "39",
    "evreux": "27",
    "alencon": "61",
    "saint lo": "50",
    "cherbourg": "50",
    "guingamp": "22",
    "pointe a pitre": "971",
    "fort de france": "972",
    "cayenne": "973",
    "saint pierre": "974",
    "mamoudzou": "976",
}
REGIONS: dict[str, tuple[str, ...]] = {
    "ile de france": ("75", "77", "78", "91", "92", "93", "94", "95"),
    "idf": ("75", "77", "78", "91", "92", "93", "94", "95"),
}
_DEPT = re.compile(r"^(0[1-9]|[1-8]\d|9[0-5]|2a|2b|97[1-6])$")

STOPWORDS = frozenset(
    (
        "a au aux avec ce ces c ca cela cet cette d dans de des du en et est il elle ils "
        "j je la le les l leur lui ma me mes moi mon m n ne ni nos notre nous on ou par "
        "pas pour pr qu que qui quoi sa se ses si son sur t ta te tes toi ton tu un une "
        "vos votre vous y suis es sommes etes sont ai as avons avez ont fait faire sais "
        "sait veux veut peux peut besoin existe il y quelqu quelqu un quelque chose "
        "comment quel quelle quels quelles tres trop plus moins bien tellement vraiment "
        "fort moment numero numeros num tel the an and or of for to in on at is are i me "
        "my you your someone something need want with can please what which where who how "
        "do does any some "
    ).split()
)


@dataclass(frozen=True, slots=True)
class Query:
    """What a query asks for, once understood."""

    text: str
    terms: tuple[str, ...]
    numbers: tuple[str, ...] = ()
    departements: tuple[str, ...] = ()
    flags: frozenset[str] = field(default_factory=frozenset)
    danger: bool = False

    def check_time(self, now: datetime) -> datetime | None:
        """The moment the time filters refer to, or None when the query sets none."""
        local = now.astimezone(PARIS)
        if "night" in self.flags:
            if local.hour >= 21 or local.hour < 6:
                return now
            return datetime.combine(local.date() + timedelta(days=1), time(2), PARIS)
        if "evening" in self.flags:
            if local.hour >= 19 or local.hour < 4:
                return now
            return datetime.combine(local.date(), time(21), PARIS)
        if "weekend" in self.flags:
            if local.weekday() >= 5:
                return now
            days = 5 - local.weekday()
            return datetime.combine(local.date() + timedelta(days=days), time(14), PARIS)
        if "open_now" in self.flags:
            return now
        return None


def understand(raw: str) -> Query:
    """Split a query into filters and search terms."""
    text = f" {normalize(raw)} "
    flags: set[str] = set()
    for phrase, name in _FILTER_PHRASES:
        if f" {phrase} " in text:
            flags.add(name)
            text = text.replace(f" {phrase} ", " ")
    departements: list[str] = []
    for names in (REGIONS, CITIES):
        for name, value in sorted(names.items(), key=lambda kv: -len(kv[0])):
            if f" {name} " in text:
                departements += [value] if isinstance(value, str) else list(value)
                text = text.replace(f" {name} ", " ")
    words = text.split()
    if words and words[0] in _COMMAND_WORDS:
        words = words[1:]
    numbers = tuple(w for w in words if w.isdigit() and len(w) >= 2)
    departements += [w for w in words if _DEPT.match(w)]
    terms = tuple(w for w in words if w not in STOPWORDS and not w.isdigit() and len(w) > 1)
    return Query(
        raw, terms, numbers, tuple(dict.fromkeys(departements)), frozenset(flags), is_danger(raw)
    )
