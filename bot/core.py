"""The bot: turns one incoming message into the messages to send, whatever the platform."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta

from bot import attachments, lane, offers, say
from bot.commands import Name
from bot.context import Context
from bot.conversation.dispatch import dispatch
from bot.conversation.route import (
    Answer,
    AskCase,
    NotUnderstood,
    Relay,
    Route,
    Run,
    Side,
)
from bot.conversation.turn import Turn
from bot.conversation.where import where as conversation_where
from bot.followups import run as reminders
from bot.language import detect
from bot.messages import IncomingMessage, OutgoingMessage
from bot.people import Dialog, Person, Roster
from bot.privacy import PurgeReport
from bot.safety import Level, Reading, read

Out = list[OutgoingMessage]
_SEEN_EVERY = timedelta(hours=1)
# Commands that a message of danger does not carry out: "aide je veux mourir" is not a
# request for the help screen, "annuler, j'ai tout avalé" must not drop the request.
_HELD_BY_DANGER = {Name.HELP, Name.CANCEL, Name.CLOSE, Name.FORGET, Name.LANGUAGE}


class Bot:
    """Platform-neutral conversation logic; adapters feed it and deliver what it returns."""

    def __init__(self, ctx: Context, owner: str = "bot") -> None:
        self.ctx = ctx
        self.owner = owner
        self.configured = ctx.roster  # seeds the database roster once, then it rules
        self._seeded = False
        self._withdrawn = False  # offers to those the file took out, at the first tick

    async def refresh_roster(self, now: datetime) -> None:
        """The roster as the database holds it (coordinators change it in chat)."""
        if not self._seeded:
            await self.ctx.store.seed_roster(self.configured.members, now)
            self._seeded = True
        self.ctx.roster = Roster(await self.ctx.store.roster())

    async def start(self, now: datetime) -> None:
        """Load the safety reader (not on someone's first message); make sure the recurring
        follow-ups exist (idempotent across replicas)."""
        await asyncio.to_thread(read, "")
        await self.refresh_roster(now)
        await reminders.ensure_recurring(self.ctx, now)
        await reminders.ensure_case_rows(self.ctx, now)

    async def handle(self, msg: IncomingMessage) -> Out:
        """Read and answer the text; what is not text is never relayed, and the sender knows."""
        await self.refresh_roster(self.ctx.clock.now())
        nontext = msg.files or msg.reaction
        out = await self._read(msg) if msg.text.strip() or not nontext else []
        return out + await attachments.not_relayed(self.ctx, msg, self.ctx.clock.now())

    async def _read(self, msg: IncomingMessage) -> Out:
        ctx = self.ctx
        now = ctx.clock.now()
        me = await ctx.store.person(msg.sender, now)
        member = ctx.roster.find(msg.sender, msg.handle)
        if await self._remember(me, msg, member is None):
            await ctx.store.save_person(me)
        if not msg.text.strip():
            return [say.to_person(ctx, me, "empty")]
        own = await ctx.store.open_case_of(me.id)
        turn = Turn(ctx, me, member, own, msg, now)
        reading = read(msg.text)  # every message, whatever it starts with or the state
        if lane.pending(me, msg.text):
            reading, heard = await lane.settle(ctx, me, msg.text, reading)
            if heard:
                return heard
        where = await conversation_where(turn, msg.text, me.dialog)
        first = member is None and not me.welcomed
        if first:
            me.welcomed = True
            await ctx.store.save_person(me)
        if reading.level is Level.DANGER:
            return await self._danger(turn, where, reading, first)
        if reading.level is Level.CONCERN and (_unheard(where) or _cry(where)):
            # Asked even when another question is pending: the safety question takes its
            # place (two questions answered `oui` cannot be open at once). It comes last,
            # to be answered; "which case?" before it says the words reached nobody.
            # Asked already: heard, and asked again, never "je ne comprends pas".
            out = self._welcome(me, first, short=True) + await _still_ask(turn, where)
            return out + await lane.ask(ctx, me, again=me.dialog is Dialog.SAFETY)
        if first:
            command = isinstance(where, Run)
            return self._welcome(me, True, short=command) + (
                await dispatch(turn, where) if command else []
            )
        return await dispatch(turn, where)

    async def _danger(self, turn: Turn, where: Route, reading: Reading, first: bool) -> Out:
        """Numbers first, the coordinators alerted, then what the message also asked for."""
        ctx, me = self.ctx, turn.me
        relayed = isinstance(where, Relay) and where.case.relaying
        relayed = relayed or turn.msg.case_ref is not None
        out = [lane.answer(ctx, me, reading, relayed=relayed, held=turn.own)]
        out += await lane.alert(
            ctx, me, turn.own, turn.now, reading, member=turn.member is not None
        )
        out += self._welcome(me, first, short=True)
        if isinstance(where, Run) and where.command.name not in _HELD_BY_DANGER:
            return out + await dispatch(turn, where)
        if not relayed or not isinstance(where, Relay):
            return out + await _still_ask(turn, where) + _still_open(turn)
        out += await dispatch(turn, where)
        if where.case.side is Side.REQUESTER and turn.own and turn.own.listener_id:
            listener = ctx.roster.get(turn.own.listener_id)
            out += lane.marker(ctx, listener, turn.own.ref, reading) if listener else []
        return out

    def _welcome(self, me: Person, first: bool, *, short: bool) -> Out:
        if not first:
            return []
        return [say.to_person(self.ctx, me, "welcome_short" if short else "welcome")]

    async def _remember(self, me: Person, msg: IncomingMessage, requester: bool) -> bool:
        changed = False
        now = self.ctx.clock.now()
        if me.last_seen_at is None or now - me.last_seen_at > _SEEN_EVERY:
            me.last_seen_at, changed = now, True
        if msg.handle and me.handle != msg.handle:
            me.handle, changed = msg.handle, True
        if me.locale is None:
            me.locale, changed = detect(msg.text) or self.ctx.policy.default_locale, True
        elif requester and (other := _switched(me, msg.text)):
            me.locale, changed = other, True  # "hello", then a sentence in French
        return changed

    async def purge(self, now: datetime) -> PurgeReport:
        """Retention: ended cases and idle people past `retention.cases`, old audit entries."""
        retention = self.ctx.policy.retention
        return await self.ctx.store.purge(now - retention.cases, now - retention.audit)

    async def tick(self, now: datetime) -> Out:
        """Periodic work: carry out the follow-ups that are due (offer expiry included)."""
        await self.refresh_roster(now)
        out: Out = []
        if not self._withdrawn:
            out += await offers.withdraw_from_absent(self.ctx, now)
            self._withdrawn = True
        return out + await reminders.run_due(self.ctx, now, self.owner)


async def _still_ask(turn: Turn, where: Route) -> Out:
    """After the safety lane's answer, "which case?" when the words reached nobody because
    no case was named, or why the case they named took them nowhere: the person knows,
    and can send them again."""
    named = isinstance(where, NotUnderstood) and where.ref is not None
    return await dispatch(turn, where) if isinstance(where, AskCase) or named else []


def _still_open(turn: Turn) -> Out:
    """After the safety lane's answer, the question it left open ("dans quelle équipe ?"):
    said again, so the next words answer it knowingly."""
    dialog = turn.me.dialog
    if dialog is Dialog.NONE or dialog is Dialog.SAFETY:
        return []
    return [say.to_person(turn.ctx, turn.me, f"pending_{dialog.value}")]


_SWITCH = 2  # words of one language more than of the other, to answer in it from now on


def _switched(me: Person, text: str) -> str | None:
    """The other language, when `text` is a sentence plainly in it ("english please" is
    too short to say so)."""
    said = detect(text, _SWITCH) if len(text.split()) > _SWITCH else None
    return said if said != me.locale else None


def _cry(where: Route) -> bool:
    """`aide moi`, `help me`, `aide je n'en peux plus`: a cry, not the list of commands
    (`help`, `/aide` alone are the list)."""
    return isinstance(where, Run) and where.command.name is Name.HELP and bool(where.command.args)


def _unheard(where: Route) -> bool:
    """Words that reach nobody: distress there deserves the plain question. Distress
    is no team name either ("au secours, je n'en peux plus" fits in a team's words)."""
    if isinstance(where, Relay):
        return not where.case.relaying
    if isinstance(where, Answer):
        return where.dialog is Dialog.TEAM
    return isinstance(where, NotUnderstood | AskCase)
