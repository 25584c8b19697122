"""What a message is, decided once, before anything is done (PRODUCT.md §4).

A pure function of where it was written, who wrote it, their open cases, the question
the bot is waiting on and the text. The rules:

- The place decides first: in a case's room or thread, words belong to that case.
- `K7Q2: texte` or `k7q2 texte` addresses one of the person's cases explicitly; a
  reference that is none of them (closed, someone else's, only offered) takes the words
  nowhere, never to another case. A token counts as a reference only when it is the
  reference of a case (`known`): "RATP: grève", "bref je pense…" are words.
- Inside a relay, a message is a command only when it is one as a whole (its word and
  only what that command takes: `clore`, `clore K7Q2`, `numéros burn-out`), starts with
  `!` or `/`, or comes from a button; "annuler lundi ?" is words for the other person, and
  so is a command word followed by a question, the second person or a comma ("numéros,
  tu en as d'autres ?", "note que tu as le droit…"; `note K7Q2 …` stays a note).
  A command of a role the person does not have is words too ("accepter ses émotions").
- A pending question takes only its answers; anything else is handled as if nothing
  were pending, and the question stays open.
- Words with no place to go: one open case takes them, several ask which one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from bot.commands import ARGS, ROLE, Args, Command, Name, Role, parse
from bot.conversation.answers import answers
from bot.ids import CaseRef
from bot.people import Dialog


class Side(StrEnum):
    """Which side of a case the person is on."""

    REQUESTER = "requester"
    LISTENER = "listener"


@dataclass(frozen=True, slots=True)
class OpenCase:
    """A case the person's words may go to; `relaying` when words pass through now."""

    ref: CaseRef
    side: Side
    relaying: bool


@dataclass(frozen=True, slots=True)
class Roles:
    """What the person is in the group: a listener, a coordinator, both or neither."""

    listener: bool = False
    coordinator: bool = False

    def may(self, role: Role) -> bool:
        """Whether these roles may use a command of `role`."""
        if role is Role.LISTENER:
            return self.listener
        return role is Role.ANYONE or self.coordinator


@dataclass(frozen=True, slots=True)
class Run:
    """Carry out a command (`command.args` holds the place's reference when it takes one)."""

    command: Command


@dataclass(frozen=True, slots=True)
class Answer:
    """The answer to the question the bot is waiting on."""

    dialog: Dialog


@dataclass(frozen=True, slots=True)
class Relay:
    """Words for the other side of `case` (the address prefix removed from `text`)."""

    case: OpenCase
    text: str


@dataclass(frozen=True, slots=True)
class AskCase:
    """Several cases could take these words: ask which one."""

    cases: tuple[OpenCase, ...]


@dataclass(frozen=True, slots=True)
class NotUnderstood:
    """Nothing to do with these words; `ref` when they named a case that is not theirs."""

    ref: CaseRef | None = None


Route = Run | Answer | Relay | AskCase | NotUnderstood

# `[K7Q2] texte`, `K7Q2: texte` (or > — -), `k7q2 texte`: a reference, then the words.
_ADDRESS = re.compile(r"^\s*\[?([A-Za-z0-9]{4})(?:\]\s*[:>—-]?|\s*[:>—-]|\s)\s*(.+)$", re.DOTALL)


def route(
    place: CaseRef | None,
    roles: Roles,
    cases: Sequence[OpenCase],
    pending: Dialog,
    text: str,
    *,
    button: bool = False,
    known: frozenset[str] = frozenset(),
) -> Route:
    """What `text` is; `cases` are the open cases the person's words may go to, `known`
    the references of other cases its first word may name (closed, offered, not theirs)."""
    if place is not None:
        return _in_place(place, roles, cases, text, button)
    addressed = _addressed(cases, known, text)
    if addressed is not None:
        return addressed
    strict = any(c.relaying for c in cases) and not button
    command = _command(text, roles, strict=strict)
    if command is not None:
        skips = command.name is Name.SKIP and pending is not Dialog.NONE
        return Answer(pending) if skips else Run(command)
    if answers(pending, text):
        return Answer(pending)
    if not cases:
        return NotUnderstood()
    if len(cases) == 1:
        return Relay(cases[0], text)
    return AskCase(tuple(cases))


def _in_place(
    place: CaseRef, roles: Roles, cases: Sequence[OpenCase], text: str, button: bool
) -> Route:
    """In a case's own room or thread: its commands, else words for that case."""
    command = _command(text, roles, strict=not button)
    if command is not None and command.name is not Name.SKIP:
        takes_ref = ARGS[command.name] is Args.REF and not command.args
        return Run(
            Command(command.name, place, command.word, command.prefixed, command.comma)
            if takes_ref
            else command
        )
    here = next((c for c in cases if c.ref == place.upper()), None)
    return Relay(here, text) if here is not None else NotUnderstood(CaseRef(place.upper()))


def addressed_ref(text: str) -> str | None:
    """The reference `text` may start with (`K7Q2: texte`, `k7q2 texte`), upper-case."""
    found = _ADDRESS.match(text)
    return found.group(1).upper() if found is not None else None


def _addressed(
    cases: Sequence[OpenCase], known: frozenset[str], text: str
) -> Relay | NotUnderstood | None:
    """`K7Q2: texte`, `[K7Q2] texte` or `k7q2 texte`: one of the person's cases, or a
    reference that takes the words nowhere; None when the first word is just a word."""
    found = _ADDRESS.match(text)
    if found is None:
        return None
    ref = found.group(1).upper()
    case = next((c for c in cases if c.ref == ref), None)
    if case is not None:
        return Relay(case, found.group(2).strip())
    if ref in known:  # closed, only offered, someone else's: never to another case
        return NotUnderstood(CaseRef(ref))
    return None  # "RATP: grève", "6H47 …": words


def _command(text: str, roles: Roles, *, strict: bool) -> Command | None:
    """The command in `text`; when `strict` (a relay), only a whole-message one."""
    command = parse(text)
    if command is None or not strict or command.prefixed:
        return command
    if not roles.may(ROLE[command.name]):
        return None
    return command if command.is_whole else None
