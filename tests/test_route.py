"""What a message is: the route table, and its rules checked over every combination."""

from __future__ import annotations

import itertools

import pytest

from bot.commands import Name, parse
from bot.conversation.answers import answers
from bot.conversation.route import (
    Answer,
    AskCase,
    NotUnderstood,
    OpenCase,
    Relay,
    Roles,
    Route,
    Run,
    Side,
    route,
)
from bot.ids import CaseRef
from bot.people import Dialog

RITA = OpenCase(CaseRef("DZKH"), Side.LISTENER, relaying=True)  # Camille listens to Rita
OWN = OpenCase(CaseRef("K7Q2"), Side.REQUESTER, relaying=True)  # Camille's own request
OWN_WAITING = OpenCase(CaseRef("K7Q2"), Side.REQUESTER, relaying=False)
BOB = OpenCase(CaseRef("VPP6"), Side.LISTENER, relaying=True)
NOBODY = Roles()
LISTENER = Roles(listener=True)
NONE = Dialog.NONE


def _kind(r: Route) -> str:
    if isinstance(r, Run):
        return f"run {r.command.name.value} {r.command.args}".strip()
    if isinstance(r, Relay):
        return f"relay {r.case.ref} {r.text}"
    if isinstance(r, Answer):
        return f"answer {r.dialog.value}"
    if isinstance(r, AskCase):
        return "ask " + ",".join(c.ref for c in r.cases)
    return f"unknown {r.ref or ''}".strip()


TABLE = [
    # requester in a relay: only whole-message commands
    (None, NOBODY, [OWN], NONE, "annuler lundi ?", "relay K7Q2 annuler lundi ?"),
    (None, NOBODY, [OWN], NONE, "aide moi", "relay K7Q2 aide moi"),
    (None, NOBODY, [OWN], NONE, "fermer la porte", "relay K7Q2 fermer la porte"),
    (None, NOBODY, [OWN], NONE, "passer demain ?", "relay K7Q2 passer demain ?"),
    (None, NOBODY, [OWN], NONE, "numéro urgence", "relay K7Q2 numéro urgence"),
    (None, NOBODY, [OWN], NONE, "english please", "relay K7Q2 english please"),
    (None, NOBODY, [OWN], NONE, "accepter", "relay K7Q2 accepter"),
    (None, NOBODY, [OWN], NONE, "clore", "run close"),
    (None, NOBODY, [OWN], NONE, "annuler", "run cancel"),
    (None, NOBODY, [OWN], NONE, "numéros burn-out", "run numbers burn-out"),
    (None, NOBODY, [OWN], NONE, "!aide moi", "run help moi"),
    (None, NOBODY, [OWN], NONE, "/annuler lundi ?", "run cancel lundi ?"),
    (None, NOBODY, [OWN], NONE, "K7Q2: bonjour", "relay K7Q2 bonjour"),
    # a command word opening a sentence for the other person is words (s07, s25, s70, s88)
    (None, NOBODY, [OWN], NONE, "numéros ?", "relay K7Q2 numéros ?"),
    (
        None,
        NOBODY,
        [OWN],
        NONE,
        "numéros, tu en as d'autres ?",
        "relay K7Q2 numéros, tu en as d'autres ?",
    ),
    (None, NOBODY, [OWN], NONE, "num de ton collègue ?", "relay K7Q2 num de ton collègue ?"),
    (None, LISTENER, [RITA], NONE, "note que tu as le droit", "relay DZKH note que tu as le droit"),
    ("DZKH", LISTENER, [RITA], NONE, "note bien : tu peux", "relay DZKH note bien : tu peux"),
    (None, LISTENER, [RITA], NONE, "note elle dort mal", "run note elle dort mal"),
    ("DZKH", LISTENER, [RITA], NONE, "!note tu dors mal", "run note tu dors mal"),
    (None, LISTENER, [RITA], NONE, "note DZKH tu dors mal", "run note dzkh tu dors mal"),
    (None, LISTENER, [], NONE, "note que tu as le droit", "run note que tu as le droit"),
    # the same words outside a relay are commands
    (None, NOBODY, [], NONE, "numéros ?", "run numbers ?"),
    (None, NOBODY, [], NONE, "aide moi", "run help moi"),
    (None, NOBODY, [], NONE, "english please", "run language please"),
    (None, NOBODY, [OWN_WAITING], NONE, "annuler", "run cancel"),
    (None, NOBODY, [OWN_WAITING], NONE, "bonjour", "relay K7Q2 bonjour"),
    (None, NOBODY, [], NONE, "bonjour", "unknown"),
    # a listener in a case room: the place decides
    (
        "DZKH",
        LISTENER,
        [RITA],
        NONE,
        "Clore le sujet du travail, parlons de toi",
        "relay DZKH Clore le sujet du travail, parlons de toi",
    ),
    ("DZKH", LISTENER, [RITA], NONE, "Accepter ses émotions…", "relay DZKH Accepter ses émotions…"),
    ("DZKH", LISTENER, [RITA], NONE, "clore", "run close DZKH"),
    ("DZKH", LISTENER, [RITA], NONE, "passer", "relay DZKH passer"),
    ("DZKH", LISTENER, [RITA], NONE, "numéros", "run numbers"),
    ("DZKH", LISTENER, [RITA, OWN], Dialog.CHECKIN, "oui", "relay DZKH oui"),
    ("GKMX", LISTENER, [RITA], NONE, "bonjour", "unknown GKMX"),
    # a reference that is none of the open cases takes the words nowhere (s58, s69)
    # a first word that is no case's reference is words ("RATP: grève"); one that is
    # (closed, offered, someone else's) comes in `known`, below
    (None, LISTENER, [RITA], NONE, "RATP: grève demain", "relay DZKH RATP: grève demain"),
    (None, NOBODY, [OWN], NONE, "6H47 le train", "relay K7Q2 6H47 le train"),
    (None, NOBODY, [OWN], NONE, "bref je pense à toi", "relay K7Q2 bref je pense à toi"),
    (None, NOBODY, [OWN], NONE, "Bref: ça va", "relay K7Q2 Bref: ça va"),
    # both roles, in the direct conversation: ask, unless addressed
    (None, LISTENER, [OWN, RITA], NONE, "Bonjour Rita, je suis là pour toi", "ask K7Q2,DZKH"),
    (None, LISTENER, [OWN, RITA], NONE, "DZKH: Bonjour Rita", "relay DZKH Bonjour Rita"),
    (None, LISTENER, [OWN, RITA], NONE, "dzkh Bonjour Rita", "relay DZKH Bonjour Rita"),
    (None, LISTENER, [OWN, RITA], NONE, "[DZKH] Bonjour", "relay DZKH Bonjour"),
    (None, LISTENER, [OWN, RITA], NONE, "k7q2 merci", "relay K7Q2 merci"),
    (None, LISTENER, [OWN, RITA], NONE, "clore", "run close"),
    (None, LISTENER, [BOB, RITA], NONE, "coucou", "ask VPP6,DZKH"),
    (None, LISTENER, [BOB, RITA], NONE, "vpp6 comment ça va ?", "relay VPP6 comment ça va ?"),
    (None, LISTENER, [RITA], NONE, "accepter", "run accept"),
    (None, LISTENER, [RITA], NONE, "Accepter ses émotions…", "relay DZKH Accepter ses émotions…"),
    # pending questions take only their answers
    (
        None,
        NOBODY,
        [],
        Dialog.CHECKIN,
        "je me sens encore mal, je voudrais reparler à quelqu'un",
        "unknown",
    ),
    (None, NOBODY, [], Dialog.CHECKIN, "oui", "answer checkin"),
    (None, NOBODY, [], Dialog.CHECKIN, "passer", "answer checkin"),
    (None, NOBODY, [], Dialog.CHECKIN, "demande", "run request"),
    (None, NOBODY, [], Dialog.FORGET, "non", "answer forget"),
    (None, NOBODY, [], Dialog.FORGET, "mes données", "run my_data"),
    (None, NOBODY, [], Dialog.TEAM, "DINUM", "answer team"),
    (
        None,
        NOBODY,
        [],
        Dialog.TEAM,
        "je ne sais pas trop quoi dire en fait, c'est compliqué",
        "unknown",
    ),
    (None, NOBODY, [], Dialog.MODE, "direct", "answer mode"),
    (None, NOBODY, [], Dialog.MODE, "c'est quoi la différence ?", "unknown"),
    (None, NOBODY, [], Dialog.CHECKIN, "oui merci beaucoup", "answer checkin"),
    (None, NOBODY, [], Dialog.FORGET, "Oui !", "answer forget"),
    (None, NOBODY, [OWN], Dialog.FORGET, "non", "answer forget"),
    # a message that carries more than the answer is no answer (s86, s91, s92)
    (
        None,
        NOBODY,
        [OWN],
        Dialog.FORGET,
        "oui mais avant, dis à la personne que j'ai pris tous mes cachets",
        "relay K7Q2 oui mais avant, dis à la personne que j'ai pris tous mes cachets",
    ),
    (None, NOBODY, [], Dialog.FORGET, "non, en fait ce soir j'ai envie d'en finir", "unknown"),
    (None, NOBODY, [], Dialog.TEAM, "anonyme", "unknown"),  # the next question, too early
    (None, NOBODY, [], Dialog.CONTINUITY, "non", "answer continuity"),
    (None, NOBODY, [], Dialog.SAFETY, "non", "answer safety"),
    (
        None,
        LISTENER,
        [RITA],
        Dialog.TEAM,
        "Bonjour Rita, comment vas-tu ce matin ?",
        "relay DZKH Bonjour Rita, comment vas-tu ce matin ?",
    ),
]


@pytest.mark.parametrize(("place", "roles", "cases", "pending", "text", "expected"), TABLE)
def test_route_table(
    place: str | None,
    roles: Roles,
    cases: list[OpenCase],
    pending: Dialog,
    text: str,
    expected: str,
) -> None:
    where = route(CaseRef(place) if place else None, roles, cases, pending, text)
    assert _kind(where) == expected


@pytest.mark.parametrize(
    ("cases", "text", "ref"),
    [
        ([RITA], "UR2Q: as-tu pu parler à ta RH ?", "UR2Q"),
        ([RITA], "ur2q as-tu pu parler à ta RH ?", "UR2Q"),
        ([OWN], "CDQ7 bonjour", "CDQ7"),
    ],
)
def test_the_reference_of_another_case_takes_words_nowhere(
    cases: list[OpenCase], text: str, ref: str
) -> None:
    """Closed, only offered, or someone else's: never relayed to the open case."""
    where = route(None, LISTENER, cases, NONE, text, known=frozenset({ref}))
    assert _kind(where) == f"unknown {ref}"


def test_a_known_reference_takes_words_nowhere_however_it_is_written() -> None:
    where = route(None, LISTENER, [RITA], NONE, "zqxw tu es là ?", known=frozenset({"ZQXW"}))
    assert _kind(where) == "unknown ZQXW"
    where = route(None, LISTENER, [RITA], NONE, "zqxw tu es là ?")
    assert _kind(where) == "relay DZKH zqxw tu es là ?"


def test_a_button_is_a_command_even_in_a_relay() -> None:
    where = route(None, NOBODY, [OWN], NONE, "accepter K7Q2 maintenant", button=True)
    assert isinstance(where, Run) and where.command.name is Name.ACCEPT


TEXTS = [
    "bonjour",
    "oui",
    "non",
    "passer",
    "direct",
    "DINUM",
    "clore",
    "clore DZKH",
    "annuler lundi ?",
    "aide moi",
    "!aide moi",
    "numéros burn-out",
    "accepter",
    "stats",
    "DZKH: coucou",
    "k7q2 coucou",
    "je me sens encore mal, je voudrais reparler à quelqu'un",
]
PLACES = [None, CaseRef("DZKH"), CaseRef("K7Q2"), CaseRef("GKMX")]
ROLES = [Roles(), Roles(listener=True), Roles(coordinator=True), Roles(True, True)]
CASE_SETS = [[], [OWN], [OWN_WAITING], [RITA], [OWN, RITA], [BOB, RITA], [OWN_WAITING, RITA]]


@pytest.mark.parametrize(
    ("place", "roles", "cases"), list(itertools.product(PLACES, ROLES, CASE_SETS))
)
def test_rules_hold_over_every_combination(
    place: CaseRef | None, roles: Roles, cases: list[OpenCase]
) -> None:
    relaying = any(c.relaying for c in cases)
    for pending, text in itertools.product(Dialog, TEXTS):
        where = route(place, roles, cases, pending, text)
        said = f"{place} {roles} {cases} {pending} {text!r} → {where}"
        if isinstance(where, Answer):  # a question takes only its answers, never in a case room
            assert place is None and where.dialog is pending, said
            skip = parse(text)
            assert answers(pending, text) or (skip and skip.name is Name.SKIP), said
        if isinstance(where, Relay):  # words go only to one of the person's cases
            assert where.case in cases, said
            assert place is None or where.case.ref == place, said
        if isinstance(where, Run) and (relaying or place) and not text.startswith("!"):
            assert where.command.is_whole, said  # inside a relay, whole commands only
        if place is None and isinstance(where, Relay) and len(cases) > 1:
            assert text.lower().startswith(where.case.ref.lower()), said  # addressed
        if isinstance(where, AskCase):
            assert len(cases) > 1 and place is None, said
        if isinstance(where, NotUnderstood) and place is None:  # a reference, or nowhere
            addressed = where.ref is not None and text.upper().startswith(where.ref)
            assert addressed or not cases, said
            assert where.ref not in {c.ref for c in cases}, said
