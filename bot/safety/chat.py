"""How people type in a chat, turned into plain words the reader can look up.

Lower case, accents kept (the lemmatiser needs them; the keys fold them later),
letters repeated for emphasis reduced, elisions split (`j'ai` → `je ai`), and the
SMS spellings and abbreviations of French and English chat expanded.
"""

from __future__ import annotations

import re
import unicodedata

from bot.text import fold

# Emphasis: three or more of the same letter are one ("nooooon", "mourirrr").
_REPEATS = re.compile(r"(\w)\1{2,}")
_WORD = re.compile(
    r"[^\W_]+(?:['’][^\W_]+)*|(?P<end>[.!?;\n]+)|(?P<clause>[,:]+)"
    r"|(?P<laugh>[😂🤣💀😆😅😜😝🙈😹🙄])|(?P<thing>[💊🔪🪢🔫🩸])",
    re.UNICODE,
)
_JOINED = re.compile(r"\b(?:week-end|week-ends|self-harm|e-mail|e-mails)\b", re.IGNORECASE)
_THINGS = {"💊": "cachets", "🔪": "couteau", "🪢": "corde", "🔫": "arme", "🩸": "sang"}
BOUNDARY = "¦"  # a sentence end: no pattern spans it
# A clause start (after a comma or a colon, and at "mais"/"but"): patterns may span it,
# a negation does not reach across it. Not a word of its own: `matcher.label_tokens`
# puts it on the next word's labels.
CLAUSE = "¸"
_TURNS = frozenset(("mais", "but", "sauf", "except", "however", "pourtant", "cependant"))
# Longer than any chat post (Mattermost stops at 16,383 characters): read the start
# and the end, where people say what matters, in bounded time.
_HEAD, _TAIL = 12_288, 4_096

# Elided French words and English contractions, after an apostrophe is found.
_ELIDED = {"j": "je", "m": "me", "t": "te", "s": "se", "l": "le", "n": "ne", "d": "de", "qu": "que"}
_ELIDED |= {"c": "ce", "jusqu": "jusque", "lorsqu": "lorsque", "puisqu": "puisque"}
_CONTRACTED = {
    "n't": " not",
    "'s": " is",
    "'m": " am",
    "'re": " are",
    "'ve": " have",
    "'ll": " will",
    "'d": " would",
}
_ENGLISH_IRREGULAR = {
    "od'd": "overdosed",
    "can't": "can not",
    "won't": "will not",
    "ain't": "am not",
    "cant": "can not",
}

# Chat spellings, one token → words. Written from how people type, not from any list
# of danger words: they are ordinary words of the language.
SMS: dict[str, str] = {
    # French
    "jveux": "je veux",
    "jveu": "je veux",
    "jvx": "je veux",
    "jvois": "je vois",
    "jrigole": "je rigole",
    "jdeconne": "je déconne",
    "jplaisante": "je plaisante",
    "msg": "message",
    "msgs": "messages",
    "jvoudrais": "je voudrais",
    "jvais": "je vais",
    "jserai": "je serai",
    "jcompte": "je compte",
    "jserais": "je serais",
    "jpeux": "je peux",
    "jpeu": "je peux",
    "jsuis": "je suis",
    "jsui": "je suis",
    "chui": "je suis",
    "chuis": "je suis",
    "chu": "je suis",
    "jss": "je suis",
    "jsp": "je sais pas",
    "jsais": "je sais",
    "chais": "je sais",
    "jpense": "je pense",
    "jme": "je me",
    "jte": "je te",
    "jle": "je le",
    "jai": "je ai",
    "jen": "je en",
    "jpp": "je en peux plus",
    "jfais": "je fais",
    "jcrois": "je crois",
    "jdois": "je dois",
    "jtiens": "je tiens",
    "jarrive": "je arrive",
    "jais": "je ai",
    "g": "je ai",
    "c": "ce est",
    "ct": "ce était",
    "cé": "ce est",
    "pk": "pourquoi",
    "pq": "pourquoi",
    "pcq": "parce que",
    "pck": "parce que",
    "tt": "tout",
    "tte": "toute",
    "ttes": "toutes",
    "bcp": "beaucoup",
    "bcq": "beaucoup",
    "pr": "pour",
    "ds": "dans",
    "ms": "mais",
    "qd": "quand",
    "qlq": "quelque",
    "tjrs": "toujours",
    "tjs": "toujours",
    "mm": "même",
    "pa": "pas",
    "plu": "plus",
    "jamé": "jamais",
    "mwa": "moi",
    "moa": "moi",
    "koi": "quoi",
    "ke": "que",
    "ki": "qui",
    "ya": "il y a",
    "yavait": "il y avait",
    "tkt": "te inquiète pas",
    "stp": "s'il te plaît",
    "svp": "s'il vous plaît",
    "dsl": "désolé",
    "ptet": "peut être",
    "vrmt": "vraiment",
    "mtn": "maintenant",
    "mnt": "maintenant",
    "auj": "aujourd'hui",
    "ajd": "aujourd'hui",
    "medoc": "médicament",
    "medocs": "médicaments",
    "médoc": "médicament",
    "médocs": "médicaments",
    "hosto": "hôpital",
    "taf": "travail",
    "boulot": "travail",
    "ac": "avec",
    "avc": "avec",
    "ca": "ça",
    "tentaive": "tentative",
    "veu": "veux",
    "deja": "déjà",
    "meme": "même",
    "apres": "après",
    "tres": "très",
    "agian": "again",
    "tentive": "tentative",
    # English
    "kms": "kill myself",
    "kys": "kill yourself",
    "unalive": "kill",
    "unaliving": "killing",
    "idk": "i do not know",
    "rn": "right now",
    "u": "you",
    "ur": "your",
    "im": "i am",
    "ive": "i have",
    "dont": "do not",
    "wont": "will not",
    "cant": "can not",
    "wanna": "want to",
    "gonna": "going to",
    "gotta": "got to",
    "imma": "i am going to",
    "tbh": "to be honest",
    "ngl": "not going to lie",
    "pls": "please",
    "plz": "please",
    "od": "overdose",
    "sh": "self harm",
    "ODed": "overdosed",
    "oded": "overdosed",
    "bc": "because",
    "cuz": "because",
    "tho": "though",
    "rly": "really",
    "fine": "ok",  # not "fin" (the end): "everything is fine"
    "thx": "thanks",
}
# "TS" in capitals is a suicide attempt; "ts" in lower case is usually "tous".
_BEFORE_ATTEMPT = frozenset(
    "une ma sa ta la sa 1 2 deux fait fais faire premiere première derniere dernière".split()
)
_CAPITAL = {"TS": "tentative de suicide", "OD": "overdose", "SH": "self harm"}


def words(text: str) -> list[str]:
    """The words of `text` as the reader wants them: lower case, expanded, in order."""
    if len(text) > _HEAD + _TAIL:
        text = text[:_HEAD] + "\n" + text[-_TAIL:]
    text = unicodedata.normalize("NFC", text).replace("’", "'")
    text = _JOINED.sub(lambda m: m.group().replace("-", ""), text)
    out: list[str] = []
    for match in _WORD.finditer(text):
        if match.group("laugh"):
            out.append("lol")
            continue
        if match.group("thing"):  # "💊💊💊 ce soir": the thing the picture shows
            out.append(_THINGS[match.group("thing")])
            continue
        if match.group("clause"):
            if out and out[-1] not in (BOUNDARY, CLAUSE):
                out.append(CLAUSE)
            continue
        if match.group("end"):
            # a sentence of one word ("Mourir. C'est à ça que je pense") leads into
            # the next one: no boundary after it
            single = len(out) == 1 or (len(out) >= 2 and out[-2] == BOUNDARY)
            if single and len(out) >= 2:  # and ends the one before: "d'arrêter. Tout."
                del out[-2]
            if out and out[-1] == CLAUSE:
                out.pop()
            if out and out[-1] != BOUNDARY and not single:
                out.append(BOUNDARY)
            continue
        raw = _REPEATS.sub(r"\1", match.group())
        if raw in _CAPITAL:
            out += _CAPITAL[raw].split()
            continue
        lowered = raw.lower()
        if lowered in _TURNS and out and out[-1] not in (BOUNDARY, CLAUSE):
            out.append(CLAUSE)
        if lowered == "dont" and out and out[-1] not in _BEFORE_DONT:
            out.append("dont")  # French: "la façon dont je pourrais…", not "don't"
            continue
        if lowered == "ts":
            attempt = bool(out) and out[-1] in _BEFORE_ATTEMPT
            out += ["tentative", "de", "suicide"] if attempt else ["tous"]
            continue
        out += _expand(lowered)
    if out and out[-1] == CLAUSE:
        out.pop()
    if out and out[-1] != BOUNDARY:
        out.append(BOUNDARY)
    return out


# "i dont want", "people dont care", "dont worry": the English "don't"; after anything
# else it is the French "dont"
_BEFORE_DONT = frozenset(
    "i you u we they people just really still honestly and but so please pls also "
    f"{BOUNDARY} {CLAUSE}".split()
)
_NAME = re.compile(r"[.!?:;«»\"\n]|[^\W\d_]+", re.UNICODE)


def names(text: str) -> tuple[frozenset[str], bool]:
    """Capitalised words inside a sentence ("Javert se jette", "Madame Bovary"): a
    character or someone the writer does not call a colleague or a relative; and whether
    one follows `dans` ("Dans Hamlet, …"): the title of a work."""
    found: set[str] = set()
    start, title, previous = True, False, ""
    for match in _NAME.finditer(text[:_HEAD]):
        word = match.group()
        if not word[0].isalpha():
            start, previous = True, ""
            continue
        folded = fold(word)
        capital = not start and word[0].isupper() and word[1:].islower()
        if capital and folded not in _SMALL:
            found.add("=" + folded)
            title = title or previous == "dans"
        elif capital:  # "Dans Les Misérables": the article belongs to the title
            continue
        start, previous = False, folded
    return frozenset(found), title


# Short words capitalised in titles ("Les Misérables"), not names.
_SMALL = frozenset("le la les un une des du de et the a an of and in".split())


def _expand(token: str) -> list[str]:
    if token in SMS:
        return SMS[token].split()
    if "'" not in token:
        return [token]
    if token in _ENGLISH_IRREGULAR:
        return _ENGLISH_IRREGULAR[token].split()
    head, _, rest = token.partition("'")
    if head == "s" and rest in ("il", "ils"):
        return ["si", rest]  # "s'il" is "si il", not a reflexive "se"
    if head in _ELIDED and rest:
        return [_ELIDED[head], *_expand(rest)]
    for ending, words_ in _CONTRACTED.items():
        if token.endswith(ending):
            return [token[: -len(ending)], *words_.split()]
    return [part for part in token.split("'") if part]
