"""Commands → handlers: one table, one entry per command, the role checked before."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from bot import (
    casenotes,
    casework,
    coordination,
    listening,
    reporting,
    requests,
    rights,
    roster,
    say,
    wellbeing,
)
from bot.audit import audit
from bot.cases import CaseState
from bot.commands import ROLE, Command, Name, Role, parse, raw_args
from bot.conversation.turn import Out, Turn
from bot.locales import LANGUAGES, t
from bot.messages import OutgoingMessage
from bot.privacy import REQUESTER, listener_actor

Handler = Callable[[Turn, Command], Awaitable[Out]]
_LANGUAGE_WORDS = {"en": "en", "english": "en", "anglais": "en", "fr": "fr", "francais": "fr"}


async def run(turn: Turn, command: Command) -> Out:
    """Carry out `command` if the person's role allows it."""
    role = ROLE[command.name]
    if not turn.roles.may(role):
        # audited: who (a role, never a requester's identity), which command
        actor = listener_actor(turn.member.id) if turn.member is not None else REQUESTER
        action = f"refused {command.name.value}"[:32]
        await audit(turn.ctx, actor, action, None, turn.msg.sender.platform)
        key = "not_listener" if role is Role.LISTENER else "not_coordinator"
        return [say.to_person(turn.ctx, turn.me, key)]
    return await COMMANDS[command.name](turn, command)


async def _help(turn: Turn, command: Command) -> Out:
    lang = say.lang(turn.ctx, turn.me)
    parts = [t(lang, "help_all")]
    if turn.listens:
        parts.append(t(lang, "help_listener"))
    if turn.coordinates:
        parts.append(t(lang, "help_coordinator"))
    return [OutgoingMessage(turn.me.address, "\n\n".join(parts))]


async def _numbers(turn: Turn, command: Command) -> Out:
    ctx, me = turn.ctx, turn.me
    answer = ctx.numbers.answer(command.args, say.lang(ctx, me), turn.now, asker=me.ref)
    return [OutgoingMessage(me.address, answer)]


async def _language(turn: Turn, command: Command) -> Out:
    wanted = command.args.split()[:1] or [command.word]
    code = _LANGUAGE_WORDS.get(wanted[0], "fr")
    turn.me.locale = code if code in LANGUAGES else "fr"
    await turn.ctx.store.save_person(turn.me)
    return [say.to_person(turn.ctx, turn.me, "language_set")]


async def _close(turn: Turn, command: Command) -> Out:
    """`clore [REF]`: the person's own request or a case they listen to, never a guess."""
    ctx, me, member, own = turn.ctx, turn.me, turn.member, turn.own
    if member is None or not member.listens:
        return await requests.close(ctx, me, turn.now)
    ref = command.args.split()[0].upper() if command.args.split() else None
    listened = await ctx.store.cases_of_listener(member.id, [CaseState.ACCEPTED])
    if own is not None and (ref == own.ref or (ref is None and not listened)):
        return await requests.close(ctx, me, turn.now)
    if own is not None and ref is None:
        refs = [t(say.lang(ctx, me), "your_request", ref=own.ref), *(c.ref for c in listened)]
        example = f"clore {own.ref}"
        return [say.to_person(ctx, me, "which_case", refs=", ".join(refs), example=example)]
    return await listening.close(ctx, member, command.args, turn.now)


def _listener(
    action: Callable[..., Awaitable[Out]], *, with_args: bool = True, with_now: bool = True
) -> Handler:
    """A listener command: `action(ctx, member[, args][, now])`."""

    async def handle(turn: Turn, command: Command) -> Out:
        assert turn.member is not None  # checked by `run`
        extra: list[object] = [command.args] if with_args else []
        extra += [turn.now] if with_now else []
        return await action(turn.ctx, turn.member, *extra)

    return handle


async def _request(turn: Turn, command: Command) -> Out:
    return await requests.start(turn.ctx, turn.me)


async def _cancel(turn: Turn, command: Command) -> Out:
    return await requests.cancel(turn.ctx, turn.me, turn.now)


async def _my_data(turn: Turn, command: Command) -> Out:
    return await rights.my_data(turn.ctx, turn.me, turn.member, turn.now)


async def _forget(turn: Turn, command: Command) -> Out:
    return await rights.ask_forget(turn.ctx, turn.me)


async def _skip(turn: Turn, command: Command) -> Out:
    return [say.to_person(turn.ctx, turn.me, "skip_nothing")]


async def _listeners(turn: Turn, command: Command) -> Out:
    assert turn.member is not None
    return await coordination.listeners(turn.ctx, turn.member, turn.now)


async def _waiting(turn: Turn, command: Command) -> Out:
    assert turn.member is not None
    return await coordination.waiting(turn.ctx, turn.member)


def _coordinator(action: Callable[..., Awaitable[Out]]) -> Handler:
    """A coordinator command: `action(ctx, member, words as typed, now)`."""

    async def handle(turn: Turn, command: Command) -> Out:
        assert turn.member is not None  # checked by `run`
        return await action(turn.ctx, turn.member, raw_args(turn.msg.text, command), turn.now)

    return handle


async def _note(turn: Turn, command: Command) -> Out:
    assert turn.member is not None  # checked by `run`
    raw = raw_args(turn.msg.text, command)
    return await casenotes.note(turn.ctx, turn.member, raw, turn.msg.case_ref, turn.now)


async def _theme(turn: Turn, command: Command) -> Out:
    assert turn.member is not None  # checked by `run`
    raw = raw_args(turn.msg.text, command)
    return await reporting.theme(turn.ctx, turn.member, raw, turn.msg.case_ref, turn.now)


COMMANDS: dict[Name, Handler] = {
    Name.HELP: _help,
    Name.REQUEST: _request,
    Name.NUMBERS: _numbers,
    Name.CANCEL: _cancel,
    Name.ACCEPT: _listener(listening.accept),
    Name.DECLINE: _listener(listening.decline),
    Name.CLOSE: _close,
    Name.TRANSFER: _listener(listening.transfer),
    Name.AVAILABLE: _listener(listening.availability),
    Name.MINE: _listener(listening.mine, with_args=False, with_now=False),
    Name.MY_DATA: _my_data,
    Name.FORGET: _forget,
    Name.LISTENERS: _listeners,
    Name.STATS: _coordinator(reporting.stats),
    Name.WAITING: _waiting,
    Name.SKIP: _skip,
    Name.LANGUAGE: _language,
    Name.ADD_LISTENER: _coordinator(roster.add),
    Name.REMOVE_LISTENER: _coordinator(roster.remove),
    Name.PAUSE_LISTENER: _coordinator(roster.pause),
    Name.RELAUNCH: _coordinator(casework.relaunch),
    Name.PROPOSE: _coordinator(casework.propose),
    Name.SUPERVISION: _listener(wellbeing.supervision),
    Name.NOTE: _note,
    Name.THEME: _theme,
}


def is_skip(text: str) -> bool:
    """`passer` (or `skip`): an answer that declines the question."""
    command = parse(text)
    return command is not None and command.name is Name.SKIP
