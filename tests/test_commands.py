from __future__ import annotations

import pytest

from bot.commands import ARGS, ROLE, Name, parse


@pytest.mark.parametrize(
    ("text", "name", "args"),
    [
        ("demande", Name.REQUEST, ""),
        ("!demande", Name.REQUEST, ""),
        ("/demande", Name.REQUEST, ""),
        ("  DEMANDE  ", Name.REQUEST, ""),
        ("écoute", Name.REQUEST, ""),
        ("Numéros santé mentale", Name.NUMBERS, "sante mentale"),
        ("num vss", Name.NUMBERS, "vss"),
        ("accepter k7q2", Name.ACCEPT, "k7q2"),
        ("!Refuser K7Q2", Name.DECLINE, "k7q2"),
        ("mes cas", Name.MINE, ""),
        ("/MES CAS", Name.MINE, ""),
        ("en attente", Name.WAITING, ""),
        ("Écoutants", Name.LISTENERS, ""),
        ("transférer K7Q2", Name.TRANSFER, "k7q2"),
        ("dispo off jusqu'au 24/12", Name.AVAILABLE, "off jusqu'au 24/12"),
        ("help", Name.HELP, ""),
        ("english", Name.LANGUAGE, "en"),
        ("passer", Name.SKIP, ""),
    ],
)
def test_forms(text: str, name: Name, args: str) -> None:
    command = parse(text)
    assert command is not None and command.name is name and command.args == args


@pytest.mark.parametrize("text", ["", "   ", "bonjour", "aide-moi", "demandeur", "!", "/"])
def test_not_commands(text: str) -> None:
    assert parse(text) is None


@pytest.mark.parametrize(
    ("text", "whole"),
    [
        ("clore", True),
        ("clore K7Q2", True),
        ("clore k7q2", True),
        ("numéros burn-out", True),
        ("dispo off jusqu'au 24/12", True),
        ("english", True),
        ("langue en", True),
        ("annuler lundi ?", False),
        ("aide moi", False),
        ("fermer la porte", False),
        ("clore tout", False),
        ("passer demain ?", False),
        ("numéro urgence", False),
        ("english please", False),
        ("Clore le sujet du travail, parlons de toi", False),
        ("Accepter ses émotions…", False),
        ("?", False),
        ("plus", False),
    ],
)
def test_whole_message_commands(text: str, whole: bool) -> None:
    command = parse(text)
    assert command is not None and command.is_whole is whole


def test_every_command_says_what_it_takes_and_who_may_use_it() -> None:
    assert set(ARGS) == set(Name) and set(ROLE) == set(Name)
