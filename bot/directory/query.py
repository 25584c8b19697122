"""Understand a directory query: who is at risk, when, how, where, and what about."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.directory.filter_words import FILTERS
from bot.directory.others import POSSESSIVES, speaking_of
from bot.directory.places import places
from bot.directory.ruled_out import LACKED, ruled_out
from bot.directory.spoken import spoken_numbers
from bot.directory.when import When, read_when
from bot.directory.words import STOPWORDS, plain
from bot.safety import Category, Level, Situation, read
from bot.text import fold

CHANNELS = ("chat", "phone", "email", "visio", "written", "in_person")
# "pas au téléphone", "plutôt que parler au téléphone", "sans visio", "rather than by
# phone", "instead of talking on the phone": the way the person does not want, set aside
_NOT_THIS_WAY = re.compile(
    r" (?:pas|sans|plutot qu|plutot que|not|rather than|instead of|no)"
    r"(?: envie d| envie de)?(?: (?:parler|appeler|discuter|talk|talking|speak|speaking|calling))?"
    r"(?: (?:de|d|du|au|par|en|le|la|un|une|a|by|over|on the))?$"
)
# where a filter phrase was: the words on either side of it were not said together
_GAP = "|"
_FILTER_PHRASES = sorted(
    ((phrase, name) for name, phrases in FILTERS.items() for phrase in phrases),
    key=lambda pair: -len(pair[0]),
)
# A number as people write it: "0800 19 00 00", "01.46.21.46.46", "+33 1 46 21 46 46".
_PHONE = re.compile(r"(?<!\d)(?:\+33[\s.-]?[1-9]|0[1-9])(?:[\s.-]?\d){8}(?!\d)")
# What the directory is asked when a person needs someone to talk to (the fallback lines).
LISTENING_QUERY = "ligne d'écoute besoin de parler"
_COMMAND_WORDS = {"numeros", "numero", "num", "numbers", "number", "nums"}
_WORD = re.compile(r"\w+")
# "crise de panique dans le métro là, je…": "là" and a pause, said of now
_NOW_THERE = re.compile(r"\blà\s*,")
_ADDRESSED = frozenset(("vous", "te", "t", "you"))
_UNWELL = re.compile(
    r" (?:va|vais|suis|sens|sent|tiens|tient|gere|allons|am|feel|doing) (?:\w+ )?"
    r"(?:pas|plus|mal|nul|nulle|not|bad|awful|terrible) "
)


@dataclass(frozen=True, slots=True)
class Query:
    """What a query asks for, once understood."""

    text: str
    terms: tuple[str, ...]
    numbers: tuple[str, ...] = ()
    departements: tuple[str, ...] = ()
    flags: frozenset[str] = field(default_factory=frozenset)
    when: When = field(default_factory=When)
    situation: Situation | None = None  # emergency numbers first, the ones that fit
    others: frozenset[str] = field(default_factory=frozenset)
    danger: bool = False  # the safety reader found danger (not merely a question about it)
    # no topic and no danger: lines to talk to, the emergency numbers kept for a footnote
    talk_only: bool = False
    # the reader hears distress ("j'en ai marre de tout"): lines to talk to, whatever the words
    worried: bool = False
    # words typed with an accent ("idé"), as folded: none of them is an acronym ("IDE")
    accented: frozenset[str] = field(default_factory=frozenset)
    # words that rule lines out ("pas SOS Amitié"): `^` first when the name must start them
    ruled_out: tuple[tuple[str, ...], ...] = ()
    # nothing met the place or the way asked: sites to find care near oneself instead
    widened: bool = False


_LINE_WORDS = frozenset(
    "ouvert ouverte joignable joignables disponible dispo ligne lignes ecoute permanence "
    "personne quelqu qqun qqn accessible numero numeros num tel psy psys truc service "
    "asso association aide contact gratuit gratuite anonyme open available line number "
    "someone somebody helpline hotline free repond repondent answers".split()
)


def _owned(text: str, phrase: str, name: str) -> bool:
    """`mon chat est mort`: after a possessive, the phrase is a thing of the person's
    (a pet, their English), not how they want to be helped; `je me permets de vous
    écrire`: writing to the bot, not how they want to reach a line."""
    before = POSSESSIVES | (_ADDRESSED if name == "written" else frozenset())
    words = [text[: m.start()].split()[-1:] for m in re.finditer(f" {re.escape(phrase)} ", text)]
    if name == "always":  # "humiliée h24", "menaces des détenus h24": how long it lasts
        # unless a line is spoken of just before ("num soignants 24/24"), or another
        # filter ("gratuit h24")
        line = _LINE_WORDS | {_GAP}
        near = [
            text[: m.start()].split()[-4:] + text[m.end() :].split()[:2]  # "a 24/7 line"
            for m in re.finditer(f" {re.escape(phrase)} ", text)
        ]
        return all(w and line.isdisjoint(w) for w in near)
    if name == "no_psy":  # "je trouve pas de psy": one is lacked, not ruled out
        before = before | LACKED
    return all(w and w[0] in before for w in words)


# "11:30am", "9.15 pm", "23:00": a time of day, written as the French "11h30" the rest
# of the understanding reads (not a département "11" and a "30")
_CLOCK = re.compile(r"\b([01]?\d|2[0-3])[:.]([0-5]\d)\s?(am|pm|a\.m\.|p\.m\.)?(?!\d)", re.I)


def _clock(found: re.Match[str]) -> str:
    hour, minutes, half = int(found.group(1)), found.group(2), (found.group(3) or "").lower()
    if half.startswith("p") and hour < 12:
        hour += 12
    elif half.startswith("a") and hour == 12:
        hour = 0
    return f" {hour}h{minutes} "


_HEDGED = re.compile(
    r" (?:if possible|si possible|de preference|idealement|ideally|preferably|rather|plutot"
    r"|would prefer|prefererais|prefere) "
)


# "ma femme": the writer's spouse, not the women a line is for (the 3919)
_SPOUSE = frozenset("femme epouse wife".split())


# Who a query speaks of, by the words it uses:
# - someone of the public the person serves ("un usager menace de me planter au
#   guichet"): violence at work, the SMS line before the 3919 (women victims, at home above
#   all);
# - a partner or an ex ("mon ex me harcèle de messages"): violence in the couple, not
#   trouble at work, unless the query also speaks of work.
_SPOKEN_OF = {
    "public": "usager usagere usagers patient patiente patients client cliente clients eleve "
    "eleves detenu detenus guichet accueil visitor customer inmate pupil student",
    "partner": "ex mari mec copain conjoint compagnon compagne copine husband boyfriend",
    "work": "chef cheffe boulot travail taf bureau collegue collegues service boss",
}
_WHO = {key: frozenset(words.split()) for key, words in _SPOKEN_OF.items()}


def at_home_only(query: Query) -> bool:
    """Whether the query speaks of a partner and not of work."""
    terms = set(query.terms)
    return not _WHO["partner"].isdisjoint(terms) and _WHO["work"].isdisjoint(terms)


def from_the_public(query: Query) -> bool:
    """Whether the query speaks of someone of the public the person serves."""
    return not _WHO["public"].isdisjoint(query.terms)


def at_work(query: Query) -> bool:
    """Whether the query speaks of work."""
    return not _WHO["work"].isdisjoint(query.terms)


def spouse(query: Query) -> frozenset[str]:
    """Relatives the person calls theirs whose word would name a line's audience."""
    return frozenset(w for w in query.others if w in _SPOUSE)


def _unwell(text: str) -> bool:
    """ "ça va pas", "je suis pas bien", "je tiens plus": stop words only, yet distress."""
    return bool(_UNWELL.search(text))


# Afraid of doing something ("peur de recommencer", "peur de craquer"), not of someone:
# the fear is no sign of violence ("peur de lui", "peur de rentrer" still are)
_FEAR_OF_DOING = re.compile(
    r" peur (?:de|d) (?!(?:lui|elle|eux|rentrer|sortir|retourner|mourir|y)\b)(\w+(?:er|ir|re)) "
)


# "Un coup de stress", "un coup de fil": a figure of speech, no blow ("coups") - the
# phrases the directory knows ("coup de blues", "coup de mou") are left to it
_NO_BLOW = re.compile(
    r" coups? (?:de|d) (fil|main|pouce|telephone|bol|chance|oeil|gueule|coeur|froid|chaud|"
    r"soleil|barre|pression|stress|fatigue|speed|feu|balai|jeune|vieux|maitre|genie|sang|"
    r"massue|theatre|foudre|grace|bluff|boost|flip|panique|angoisse|rush|collier|pompe) "
)


# "En interne", "un soutien psy interne": in-house, not a medical intern ("je suis interne")
_IN_HOUSE = re.compile(
    r" (en|soutien|psy|cellule|dispositif|service|ligne|aide|ecoute|numero|contact|mediateur|"
    r"mediation|enquete|procedure|messagerie|reseau|recours|psychologue) internes? "
)


# Working at the SAMU ("ARM au SAMU", "médecin régulateur au samu"): a hospital service,
# not the 15 asked for ("le numéro du samu", "appeler le samu" still name it)
_AT_THE_SAMU = re.compile(r" (?:au|a la|en) (?:samu|smur|centre 15|regulation) ")


def understand(raw: str) -> Query:
    """Split a query into filters and search terms; the safety reader says if it is danger."""
    dialled = tuple(re.sub(r"\D", "", n) for n in _PHONE.findall(raw))
    text = f" {plain(_CLOCK.sub(_clock, _PHONE.sub(' ', _NOW_THERE.sub(' maintenant ', raw))))} "
    text = _FEAR_OF_DOING.sub(r" \1 ", text)
    text = _AT_THE_SAMU.sub(" a l hopital ", text)
    text = _NO_BLOW.sub(r" \1 ", text)
    text = _IN_HOUSE.sub(r" \1 ", text)
    flags: set[str] = set()
    for phrase, name in _FILTER_PHRASES:
        if f" {phrase} " in text and not _owned(text, phrase, name):
            if not (name in CHANNELS and _NOT_THIS_WAY.search(text.split(f" {phrase} ")[0])):
                flags.add(name)
            text = text.replace(f" {phrase} ", f" {_GAP} ")
        elif name == "always":  # "humiliée h24": how long, and no département "24"
            text = text.replace(f" {phrase} ", f" {_GAP} ")
    text, when = read_when(text)
    text, departements = places(text, raw)
    text, said = spoken_numbers(text, sum(w not in STOPWORDS for w in text.split()))
    words = text.split()
    if words and words[0] in _COMMAND_WORDS:
        words = words[1:]
    numbers = dialled + said + tuple(w for w in words if w.isdigit() and len(w) >= 2)
    terms = tuple(w for w in words if w not in STOPWORDS and not w.isdigit() and len(w) > 1)
    others = speaking_of(words)
    others &= set(terms)
    reading = read(raw)
    if reading.level is Level.DANGER and Category.OVERDOSE in reading.categories:
        flags.add("medical")  # pills swallowed: the SAMU and the 112 before the 3114
    if "english" in flags and _HEDGED.search(f" {plain(raw)} "):  # "English if possible"
        flags ^= {"english", "prefer_english"}  # a wish, not a filter
    if reading.figurative:  # "ce dossier va me tuer": no topic of suicide
        flags.add("figurative")
    armed = Category.VIOLENCE in reading.categories  # "il a une arme et va en finir"
    if reading.level is Level.DANGER and armed and reading.situation is not Situation.VIOLENCE:
        flags.add("armed")  # the police too, after the numbers for a life at risk
    return Query(
        raw,
        terms,
        numbers,
        tuple(dict.fromkeys(departements)),
        frozenset(flags),
        when,
        reading.situation if reading.level is Level.DANGER or reading.asked else None,
        frozenset(others),
        reading.level is Level.DANGER,
        worried=reading.level is not Level.NONE or _unwell(f" {plain(raw)} "),
        accented=frozenset(fold(w) for w in _WORD.findall(raw) if not w.isascii()),
        ruled_out=ruled_out(raw),
    )
