"""Where a query is about: a city, a region or a département number."""

from __future__ import annotations

import re

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
# Départements by name. Names that are also common words ("cher", "nord", "lot") only
# count after a preposition: "dans le Cher", "en Gironde", "du Nord".
DEPARTEMENT_NAMES: dict[str, str] = {
    "ain": "01",
    "aisne": "02",
    "allier": "03",
    "alpes de haute provence": "04",
    "hautes alpes": "05",
    "alpes maritimes": "06",
    "ardeche": "07",
    "ardennes": "08",
    "ariege": "09",
    "aube": "10",
    "aude": "11",
    "aveyron": "12",
    "bouches du rhone": "13",
    "calvados": "14",
    "cantal": "15",
    "charente": "16",
    "charente maritime": "17",
    "cher": "18",
    "correze": "19",
    "corse du sud": "2a",
    "haute corse": "2b",
    "cote d or": "21",
    "cotes d armor": "22",
    "creuse": "23",
    "dordogne": "24",
    "doubs": "25",
    "drome": "26",
    "eure": "27",
    "eure et loir": "28",
    "finistere": "29",
    "gard": "30",
    "haute garonne": "31",
    "gers": "32",
    "gironde": "33",
    "herault": "34",
    "ille et vilaine": "35",
    "indre": "36",
    "indre et loire": "37",
    "isere": "38",
    "jura": "39",
    "landes": "40",
    "loir et cher": "41",
    "loire": "42",
    "haute loire": "43",
    "loire atlantique": "44",
    "loiret": "45",
    "lot": "46",
    "lot et garonne": "47",
    "lozere": "48",
    "maine et loire": "49",
    "manche": "50",
    "marne": "51",
    "haute marne": "52",
    "mayenne": "53",
    "meurthe et moselle": "54",
    "meuse": "55",
    "morbihan": "56",
    "moselle": "57",
    "nievre": "58",
    "nord": "59",
    "oise": "60",
    "orne": "61",
    "pas de calais": "62",
    "puy de dome": "63",
    "pyrenees atlantiques": "64",
    "hautes pyrenees": "65",
    "pyrenees orientales": "66",
    "bas rhin": "67",
    "haut rhin": "68",
    "rhone": "69",
    "haute saone": "70",
    "saone et loire": "71",
    "sarthe": "72",
    "savoie": "73",
    "haute savoie": "74",
    "ville de paris": "75",
    "seine maritime": "76",
    "seine et marne": "77",
    "yvelines": "78",
    "deux sevres": "79",
    "somme": "80",
    "tarn": "81",
    "tarn et garonne": "82",
    "var": "83",
    "vaucluse": "84",
    "vendee": "85",
    "vienne": "86",
    "haute vienne": "87",
    "vosges": "88",
    "yonne": "89",
    "territoire de belfort": "90",
    "essonne": "91",
    "hauts de seine": "92",
    "seine saint denis": "93",
    "val de marne": "94",
    "val d oise": "95",
}
_COMMON_WORDS = frozenset(
    (
        "ain aube aude cher creuse eure gard gers indre landes loire lot manche marne "
        "meuse nord oise orne rhone somme tarn var vienne"
    ).split()
)
_BEFORE_NAME = ("dans le", "dans la", "dans l", "dans les", "en", "du", "de la", "de l", "le", "la")
_IDF = ("75", "77", "78", "91", "92", "93", "94", "95")
REGIONS: dict[str, tuple[str, ...]] = {
    "ile de france": _IDF,
    "idf": _IDF,
    "region parisienne": _IDF,
    "auvergne rhone alpes": (
        "01",
        "03",
        "07",
        "15",
        "26",
        "38",
        "42",
        "43",
        "63",
        "69",
        "73",
        "74",
    ),
    "bourgogne franche comte": ("21", "25", "39", "58", "70", "71", "89", "90"),
    "bretagne": ("22", "29", "35", "56"),
    "centre val de loire": ("18", "28", "36", "37", "41", "45"),
    "corse": ("2a", "2b"),
    "grand est": ("08", "10", "51", "52", "54", "55", "57", "67", "68", "88"),
    "alsace": ("67", "68"),
    "hauts de france": ("02", "59", "60", "62", "80"),
    "normandie": ("14", "27", "50", "61", "76"),
    "nouvelle aquitaine": ("16", "17", "19", "23", "24", "33", "40", "47", "64", "79", "86", "87"),
    "occitanie": ("09", "11", "12", "30", "31", "32", "34", "46", "48", "65", "66", "81", "82"),
    "pays de la loire": ("44", "49", "53", "72", "85"),
    "provence alpes cote d azur": ("04", "05", "06", "13", "83", "84"),
    "paca": ("04", "05", "06", "13", "83", "84"),
    "guadeloupe": ("971",),
    "martinique": ("972",),
    "guyane": ("973",),
    "la reunion": ("974",),
    "reunion": ("974",),
    "mayotte": ("976",),
    # former regions and the way people still name them
    "rhone alpes": ("01", "07", "26", "38", "42", "69", "73", "74"),
    "auvergne": ("03", "15", "43", "63"),
    "bourgogne": ("21", "58", "71", "89"),
    "franche comte": ("25", "39", "70", "90"),
    "nord pas de calais": ("59", "62"),
    "picardie": ("02", "60", "80"),
    "lorraine": ("54", "55", "57", "88"),
    "champagne ardenne": ("08", "10", "51", "52"),
    "champagne": ("08", "10", "51", "52"),
    "limousin": ("19", "23", "87"),
    "poitou charentes": ("16", "17", "79", "86"),
    "aquitaine": ("24", "33", "40", "47", "64"),
    "midi pyrenees": ("09", "12", "31", "32", "46", "65", "81", "82"),
    "languedoc roussillon": ("11", "30", "34", "48", "66"),
    "languedoc": ("11", "30", "34", "48", "66"),
    "haute normandie": ("27", "76"),
    "basse normandie": ("14", "50", "61"),
    "cote d azur": ("06", "83"),
    "provence": ("04", "05", "06", "13", "83", "84"),
    "outre mer": ("971", "972", "973", "974", "976"),
    "dom tom": ("971", "972", "973", "974", "976"),
}
# Region acronyms only count written in capitals ("AURA", not the verb "aura").
REGION_ACRONYMS: dict[str, tuple[str, ...]] = {
    "AURA": REGIONS["auvergne rhone alpes"],
    "ARA": REGIONS["auvergne rhone alpes"],
    "BFC": REGIONS["bourgogne franche comte"],
    "HDF": REGIONS["hauts de france"],
    "CVL": REGIONS["centre val de loire"],
    "IDF": REGIONS["ile de france"],
    "PACA": REGIONS["paca"],
    "DROM": REGIONS["outre mer"],
}
# "dans le 19e", "Paris 11eme", "le 1er arrondissement": an arrondissement of Paris.
_NTH = r"(?:[1-9]|1\d|20)(?:e|eme|er)"
_ARRONDISSEMENT = re.compile(rf" (?:(?:paris|le|dans le) {_NTH}|{_NTH} arrondissement) ")
DEPARTEMENT = re.compile(r"^(0[1-9]|[1-8]\d|9[0-5]|2a|2b|97[1-6])$")


def places(text: str, raw: str = "") -> tuple[str, list[str]]:
    """`text` without the places it names, and their département numbers.

    `text` is normalised and padded with one space at each end; `raw` is the query as
    written, where region acronyms are looked for in capitals.
    """
    departements: list[str] = []
    for acronym, codes in REGION_ACRONYMS.items():
        if re.search(rf"\b{acronym}\b", raw):
            departements += list(codes)
            text = text.replace(f" {acronym.lower()} ", " ")
    if _ARRONDISSEMENT.search(text):
        departements.append("75")
        text = _ARRONDISSEMENT.sub(" ", text)
    text = _named(text, REGIONS, departements)
    text = _departements(text, departements)
    text = _named(text, CITIES, departements)
    departements += [w for w in text.split() if DEPARTEMENT.match(w)]
    return text, departements


def _named(text: str, names: dict[str, str] | dict[str, tuple[str, ...]], out: list[str]) -> str:
    for name, value in sorted(names.items(), key=lambda kv: -len(kv[0])):
        if f" {name} " in text:
            out += [value] if isinstance(value, str) else list(value)
            text = text.replace(f" {name} ", " ")
    return text


def _departements(text: str, out: list[str]) -> str:
    """Départements by name; the ones that are common words need a preposition."""
    before = "|".join(_BEFORE_NAME)
    for name, code in sorted(DEPARTEMENT_NAMES.items(), key=lambda kv: -len(kv[0])):
        if f" {name} " not in text:
            continue
        if name in _COMMON_WORDS:
            found = re.search(rf" (?:{before}) {name} ", text)
            if not found:
                continue
            text = text[: found.start()] + " " + text[found.end() :]
        else:
            text = text.replace(f" {name} ", " ")
        out.append(code)
    return text
