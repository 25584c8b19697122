"""An in-memory chat harness (errbot-style): deliver() what people type, read what was sent."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from bot.clock import FakeClock
from bot.context import Context, Policy
from bot.core import Bot
from bot.directory import Answers, Index, load
from bot.ids import ListenerId, Platform
from bot.messages import Address, IncomingMessage, OutgoingMessage
from bot.people import Listener, Roster
from bot.ports import Store
from bot.routing import Limits

ROOT = Path(__file__).resolve().parent.parent
# A Tuesday at 10:00 in Paris, far from any DST change.
START = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)


def member(
    lid: str,
    *,
    teams: Sequence[str] = (),
    coordinator: bool = False,
    listens: bool = True,
    platform: Platform = Platform.CONSOLE,
) -> Listener:
    return Listener(
        id=ListenerId(lid),
        name=lid.capitalize(),
        teams=tuple(teams),
        addresses=(Address(platform, lid),),
        coordinator=coordinator,
        listens=listens,
    )


DEMO_ROSTER = Roster(
    (
        member("camille", teams=["DINUM"]),
        member("dominique", teams=["beta.gouv"]),
        member("claude", coordinator=True, listens=False),
    )
)

_answers: Answers | None = None


def answers() -> Answers:
    global _answers
    if _answers is None:
        _answers = Answers(Index(load(ROOT / "directory.yaml")))
    return _answers


@dataclass
class FakeAdapter:
    """Collects what the bot sends, per platform user."""

    platform: Platform = Platform.CONSOLE
    sent: list[OutgoingMessage] = field(default_factory=list)

    def to(self, user: str) -> list[OutgoingMessage]:
        return [m for m in self.sent if m.to.user_id == user]

    def texts(self, user: str) -> list[str]:
        return [m.text for m in self.to(user)]


class Chat:
    """A bot on a store (memory, SQLite or PostgreSQL), driven like a conversation."""

    def __init__(
        self,
        store: Store,
        roster: Roster = DEMO_ROSTER,
        policy: Policy | None = None,
        platforms: frozenset[Platform] = frozenset({Platform.CONSOLE}),
        owner: str = "bot",
        clock: FakeClock | None = None,
    ) -> None:
        self.clock = clock or FakeClock(START)
        self.store = store
        self.ctx = Context(
            store, roster, self.clock, answers(), platforms, policy or Policy(limits=Limits(2, 3))
        )
        self.bot = Bot(self.ctx, owner)
        self.adapter = FakeAdapter()

    async def deliver(
        self,
        user: str,
        text: str,
        *,
        platform: Platform = Platform.CONSOLE,
        case_ref: str | None = None,
        **more: Any,
    ) -> list[OutgoingMessage]:
        """`user` writes `text`; `more` sets other IncomingMessage fields (`reply_to`…)."""
        incoming = IncomingMessage(
            Address(platform, user), text, handle=user, case_ref=case_ref, **more
        )
        out = await self.bot.handle(incoming)
        self.adapter.sent += out
        return out

    async def tick(self, advance: timedelta = timedelta(0)) -> list[OutgoingMessage]:
        self.clock.advance(advance)
        out = await self.bot.tick(self.clock.now())
        self.adapter.sent += out
        return out

    async def play(self, script: str, **refs: str) -> None:
        """A conversation written as a chat, checked line by line:

            rita> annuler lundi ?            rita writes (in her direct conversation)
            camille[K7Q2]> bonjour           camille writes in case K7Q2's room or thread
            → camille: **[K7Q2]** annuler    camille gets a message containing this text
            ✗ dominique                      the last message sent dominique nothing

        `{name}` in the script is replaced by `refs[name]` (case references).
        """
        out: list[OutgoingMessage] = []
        for raw in script.strip().splitlines():
            line = raw.strip().format(**refs)
            if line.startswith("→"):
                user, _, text = line[1:].strip().partition(": ")
                got = [m.text for m in out if m.to.user_id == user]
                assert any(text in g for g in got), f"{line!r} not in {got!r}"
            elif line.startswith("✗"):
                user = line[1:].strip()
                got = [m.text for m in out if m.to.user_id == user]
                assert got == [], f"{user} got {got!r}"
            else:
                who, _, text = line.partition("> ")
                user, _, place = who.rstrip("]").partition("[")
                out = await self.deliver(user, text, case_ref=place or None)

    def last(self, user: str) -> str:
        return self.adapter.texts(user)[-1]

    async def request(self, user: str, team: str = "passer", mode: str = "anonyme") -> str:
        """Make `user` go through the request dialog; return the case reference."""
        await self.deliver(user, "demande")
        await self.deliver(user, team)
        await self.deliver(user, mode)
        person = await self.store.person(Address(Platform.CONSOLE, user), self.clock.now())
        case = await self.store.open_case_of(person.id)
        assert case is not None
        return case.ref


async def listened_by_camille(chat: Chat, requester: str) -> str:
    """`requester`'s request, accepted by camille (dominique away meanwhile): its reference."""
    await chat.deliver("dominique", "dispo off")
    ref = await chat.request(requester)
    await chat.deliver("camille", f"accepter {ref}")
    await chat.deliver("dominique", "dispo on")
    return ref
