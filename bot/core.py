"""The bot: turns one incoming message into the messages to send, whatever the platform."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta

from bot import attachments, coordination, lane, listening, offers, reminders, requests, rights
from bot.cases import Case, CaseState, Mode
from bot.commands import Command, Name, parse
from bot.context import Context
from bot.language import detect
from bot.locales import LANGUAGES, t
from bot.messages import IncomingMessage, OutgoingMessage
from bot.people import Dialog, Listener, Person
from bot.privacy import PurgeReport
from bot.safety import Level, Reading, read

Out = list[OutgoingMessage]
_LISTENER_COMMANDS = {Name.ACCEPT, Name.DECLINE, Name.TRANSFER, Name.AVAILABLE, Name.MINE}
_COORDINATOR_COMMANDS = {Name.LISTENERS, Name.STATS, Name.WAITING}
_SEEN_EVERY = timedelta(hours=1)
# Commands that a message of danger does not carry out: "aide je veux mourir" is not a
# request for the help screen, "annuler, j'ai tout avalé" must not drop the request.
_HELD_BY_DANGER = {Name.HELP, Name.CANCEL, Name.CLOSE, Name.FORGET, Name.LANGUAGE}


class Bot:
    """Platform-neutral conversation logic; adapters feed it and deliver what it returns."""

    def __init__(self, ctx: Context, owner: str = "bot") -> None:
        self.ctx = ctx
        self.owner = owner
        self._last_retry: datetime | None = None

    async def start(self, now: datetime) -> None:
        """Load the safety reader (not on someone's first message); make sure the recurring
        follow-ups exist (idempotent across replicas)."""
        await asyncio.to_thread(read, "")
        await reminders.ensure_recurring(self.ctx, now)

    async def handle(self, msg: IncomingMessage) -> Out:
        """Read and answer the text; what is not text is never relayed, and the sender knows."""
        nontext = msg.files or msg.reaction
        out = await self._read(msg) if msg.text.strip() or not nontext else []
        return out + await attachments.not_relayed(self.ctx, msg)

    async def _read(self, msg: IncomingMessage) -> Out:
        ctx = self.ctx
        now = ctx.clock.now()
        me = await ctx.store.person(msg.sender, now)
        member = ctx.roster.find(msg.sender, msg.handle)
        if await self._remember(me, msg):
            await ctx.store.save_person(me)
        if not msg.text.strip():
            return [ctx.to_person(me, "empty")]
        case = await ctx.store.open_case_of(me.id)
        relaying = msg.case_ref is not None or _is_relay(case)
        cmd = parse(msg.text, relaying=relaying)
        reading = read(msg.text)  # every message, whatever it starts with or the state
        if me.dialog is Dialog.SAFETY:
            reading, heard = await lane.settle(ctx, me, msg.text, reading)
            if heard:
                return heard
        first = member is None and not me.welcomed
        if first:
            me.welcomed = True
            await ctx.store.save_person(me)
        if reading.level is Level.DANGER:
            return await self._danger(me, member, case, cmd, msg, reading, first, now)
        concern = reading.level is Level.CONCERN and cmd is None and not relaying
        if concern and me.dialog is Dialog.NONE:
            return await lane.ask(ctx, me) + self._welcome(me, first, short=True)
        if first:
            return self._welcome(me, True, short=cmd is not None) + (
                await self._dispatch(me, member, case, cmd, msg, now) if cmd else []
            )
        return await self._dispatch(me, member, case, cmd, msg, now)

    async def _danger(
        self,
        me: Person,
        member: Listener | None,
        case: Case | None,
        cmd: Command | None,
        msg: IncomingMessage,
        reading: Reading,
        first: bool,
        now: datetime,
    ) -> Out:
        """Numbers first, the coordinators alerted, then what the message also asked for."""
        ctx = self.ctx
        out = [lane.answer(ctx, me, reading, relayed=_is_relay(case) or msg.case_ref is not None)]
        out += await lane.alert(ctx, me, case, now)
        out += self._welcome(me, first, short=True)
        if cmd is not None and cmd.name not in _HELD_BY_DANGER:
            return out + await self._dispatch(me, member, case, cmd, msg, now)
        if member is not None and (msg.case_ref is not None or case is None):
            active = await ctx.store.cases_of_listener(member.id, [CaseState.ACCEPTED])
            return out + (await listening.relay(ctx, member, msg) if active else [])
        if case is not None and _is_relay(case) and case.listener_id:
            listener = ctx.roster.get(case.listener_id)
            out += await requests.relay(ctx, me, case, msg)
            return out + (lane.marker(ctx, listener, case.ref, reading) if listener else [])
        return out

    def _welcome(self, me: Person, first: bool, *, short: bool) -> Out:
        if not first:
            return []
        return [self.ctx.to_person(me, "welcome_short" if short else "welcome")]

    async def _remember(self, me: Person, msg: IncomingMessage) -> bool:
        changed = False
        now = self.ctx.clock.now()
        if me.last_seen_at is None or now - me.last_seen_at > _SEEN_EVERY:
            me.last_seen_at, changed = now, True
        if msg.handle and me.handle != msg.handle:
            me.handle, changed = msg.handle, True
        if me.locale is None:
            me.locale, changed = detect(msg.text) or self.ctx.policy.default_locale, True
        return changed

    async def _dispatch(
        self,
        me: Person,
        member: Listener | None,
        case: Case | None,
        cmd: Command | None,
        msg: IncomingMessage,
        now: datetime,
    ) -> Out:
        ctx = self.ctx
        skipping = cmd is not None and cmd.name is Name.SKIP
        if cmd is not None and member is not None and msg.case_ref and not cmd.args:
            cmd = Command(cmd.name, msg.case_ref)  # typed in a case's own room or thread
        if cmd is not None and not (skipping and me.dialog is not Dialog.NONE):
            return await self._command(me, member, case, cmd, now)
        if me.dialog is Dialog.FORGET:
            return await rights.forget(ctx, me, requests.yes_no(msg.text), now)
        if me.dialog is not Dialog.NONE:
            return await requests.answer(ctx, me, msg.text, skipping, now)
        if member is not None and (msg.case_ref is not None or case is None):
            return await listening.relay(ctx, member, msg)
        if case is not None:
            return await requests.relay(ctx, me, case, msg)
        return [ctx.to_person(me, "unknown")]

    async def _command(
        self, me: Person, member: Listener | None, case: Case | None, cmd: Command, now: datetime
    ) -> Out:
        ctx, name = self.ctx, cmd.name
        if name in _LISTENER_COMMANDS:
            if member is None or not member.listens:
                return [ctx.to_person(me, "not_listener")]
            return await self._listener_command(member, cmd, now)
        if name in _COORDINATOR_COMMANDS:
            if member is None or not member.coordinator:
                return [ctx.to_person(me, "not_coordinator")]
            if name is Name.LISTENERS:
                return await coordination.listeners(ctx, member, now)
            if name is Name.STATS:
                return await coordination.stats(ctx, member)
            return await coordination.waiting(ctx, member)
        if name is Name.CLOSE:
            if member is not None and (case is None or cmd.args):
                return await listening.close(ctx, member, cmd.args, now)
            return await requests.close(ctx, me, now)
        return await self._common_command(me, member, cmd, now)

    async def _common_command(
        self, me: Person, member: Listener | None, cmd: Command, now: datetime
    ) -> Out:
        ctx, name, lang = self.ctx, cmd.name, self.ctx.lang(me)
        if name is Name.REQUEST:
            return await requests.start(ctx, me)
        if name is Name.CANCEL:
            return await requests.cancel(ctx, me, now)
        if name is Name.NUMBERS:
            answer = ctx.numbers.answer(cmd.args, lang, now, asker=me.ref)
            return [OutgoingMessage(me.address, answer)]
        if name is Name.LANGUAGE:
            return await self._language(me, cmd.args)
        if name is Name.MY_DATA:
            return await rights.my_data(ctx, me, member, now)
        if name is Name.FORGET:
            return await rights.ask_forget(ctx, me)
        if name is Name.SKIP:
            return [ctx.to_person(me, "skip_nothing")]
        parts = [t(lang, "help_all")]
        if member is not None and member.listens:
            parts.append(t(lang, "help_listener"))
        if member is not None and member.coordinator:
            parts.append(t(lang, "help_coordinator"))
        return [OutgoingMessage(me.address, "\n\n".join(parts))]

    async def _listener_command(self, member: Listener, cmd: Command, now: datetime) -> Out:
        ctx, name, args = self.ctx, cmd.name, cmd.args
        if name is Name.ACCEPT:
            return await listening.accept(ctx, member, args, now)
        if name is Name.DECLINE:
            return await listening.decline(ctx, member, args, now)
        if name is Name.TRANSFER:
            return await listening.transfer(ctx, member, args, now)
        if name is Name.AVAILABLE:
            return await listening.availability(ctx, member, args, now)
        return await listening.mine(ctx, member)

    async def _language(self, me: Person, args: str) -> Out:
        wanted = args.split()[:1]
        code = {"en": "en", "english": "en", "anglais": "en"}.get(wanted[0] if wanted else "", "fr")
        me.locale = code if code in LANGUAGES else "fr"
        await self.ctx.store.save_person(me)
        return [self.ctx.to_person(me, "language_set")]

    async def expire_offers(self, now: datetime) -> Out:
        """Move on every offer whose time is up (wired to the scheduler elsewhere)."""
        return await offers.expire_offers(self.ctx, now)

    async def purge(self, now: datetime) -> PurgeReport:
        """Retention: ended cases and idle people past `retention.cases`, old audit entries."""
        retention = self.ctx.policy.retention
        return await self.ctx.store.purge(now - retention.cases, now - retention.audit)

    async def tick(self, now: datetime) -> Out:
        """Periodic work: expire offers, carry out due follow-ups, retry waiting cases."""
        out = await self.expire_offers(now)
        out += await reminders.run_due(self.ctx, now, self.owner)
        if self._last_retry is None or now - self._last_retry >= self.ctx.policy.waiting_retry:
            self._last_retry = now
            out += await offers.retry_waiting(self.ctx, now)
        return out


def _is_relay(case: Case | None) -> bool:
    return case is not None and case.state is CaseState.ACCEPTED and case.mode is Mode.ANONYMOUS
