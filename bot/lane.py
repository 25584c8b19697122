"""The safety lane in the conversation: numbers first, a plain question, an alert.

The reader (`bot.safety`) says what a message means; this module decides what the
bot answers. Danger: the numbers that fit the situation, at once, then `demande`;
coordinators get the reference only. Concern: a warm answer that asks plainly whether
the person thinks of suicide or is in danger now (as mental-health first aid teaches);
"oui" leads to the danger answer.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from bot import metrics, say
from bot.cases import Case, CaseState, Mode
from bot.context import Context
from bot.conversation.answers import sometimes, yes_no
from bot.ids import CaseRef
from bot.locales import t
from bot.messages import Button, OutgoingMessage
from bot.people import Dialog, Listener, Person
from bot.safety import Category, Level, Reading, Situation

Out = list[OutgoingMessage]

_ANSWER = {
    Situation.SELF: "safety",
    Situation.OTHER: "safety_other",
    Situation.VIOLENCE: "safety_violence",
}
_IN_RELAY = {
    Situation.SELF: "safety_in_case",
    Situation.OTHER: "safety_in_case_other",
    Situation.VIOLENCE: "safety_in_case_violence",
}
_MARKER = {
    Situation.SELF: "relay_marker",
    Situation.OTHER: "relay_marker",
    Situation.VIOLENCE: "relay_marker_violence",
}
SAID_YES = Reading(Level.DANGER, Situation.SELF)
_ACUTE = frozenset((Category.MEANS_NOW, Category.OVERDOSE, Category.PREPARATION, Category.VIOLENCE))
_DRAFTING = frozenset({Dialog.CONTINUITY, Dialog.TEAM, Dialog.MODE})  # `demande` under way


def answer(
    ctx: Context, me: Person, reading: Reading, *, relayed: bool, held: Case | None = None
) -> OutgoingMessage:
    """The numbers that fit: for oneself, for someone else, or violence now. Then what
    comes next: `demande`, or, for someone whose request is open or being made (`held`),
    where it stands: words written to the bot in direct mode reach nobody else."""
    key = (_IN_RELAY if relayed else _ANSWER)[reading.situation]
    if reading.situation is Situation.SELF and Category.OVERDOSE in reading.categories:
        key = "safety_in_case_overdose" if relayed else "safety_overdose"  # the 15 first
    elif reading.situation is Situation.OTHER and Category.OVERDOSE in reading.categories:
        key = "safety_in_case_other_overdose" if relayed else "safety_other_overdose"
    if relayed or (held is None and me.dialog not in _DRAFTING):
        return say.to_person(ctx, me, key)
    lang = say.lang(ctx, me)
    if held is None:
        close = t(lang, "held_drafting")
    elif held.mode is Mode.DIRECT and held.state is CaseState.ACCEPTED:
        close = t(lang, "held_direct", ref=held.ref)
    else:
        close = t(lang, "held_open", ref=held.ref)
    return say.to_person(ctx, me, key.replace("safety", "safety_held", 1), close=close)


def marker(ctx: Context, member: Listener, ref: CaseRef, reading: Reading) -> Out:
    """A discreet note for the listener, beside the relayed message, with the numbers."""
    return say.to_member(ctx, member, _MARKER[reading.situation], case_ref=ref, ref=ref)


async def alert(
    ctx: Context,
    me: Person,
    case: Case | None,
    now: datetime,
    reading: Reading | None = None,
    *,
    member: bool = False,
) -> Out:
    """Tell coordinators that someone is in danger: reference only, at most once an hour
    for one reference (a case opened since the last alert carries news: its reference),
    except for danger that is acute now (the means at hand, an overdose, violence): an
    earlier alert, maybe for words that only sounded like danger, never hides that."""
    last = me.last_alert_at
    news = case is not None and (last is None or case.created_at > last)
    acute = reading is not None and not reading.categories.isdisjoint(_ACUTE)
    if last is not None and now - last < ctx.policy.alert_every and not (news or acute):
        return []
    me.last_alert_at = now
    await ctx.store.save_person(me)
    metrics.SAFETY_ALERTS.inc()
    ref = case.ref if case else me.ref
    lang = ctx.policy.default_locale
    state = case.state.value if case else ("drafting" if me.dialog in _DRAFTING else "none")
    if case is None and member:  # one of the group's own listeners: look after them
        state = "member"
    return say.to_coordinators(ctx, "alert_danger", ref, next=t(lang, f"next_{state}", ref=ref))


async def ask(ctx: Context, me: Person, *, again: bool = False) -> Out:
    """Concern: say it plainly, and ask whether they think of suicide or are in danger.

    A question already pending (the team, the mode, a check-in) is kept aside and asked
    again once this one is answered: two questions answered `oui` cannot be open at once.
    """
    if me.dialog is not Dialog.SAFETY:
        me.resume = me.dialog
    me.dialog = Dialog.SAFETY
    await ctx.store.save_person(me)
    lang = say.lang(ctx, me)
    buttons = (Button(t(lang, "button_yes"), "oui"), Button(t(lang, "button_no"), "non"))
    key = "concern_again" if again else "concern"  # heard again: shorter, same question
    return [replace(say.to_person(ctx, me, key), buttons=buttons)]


def pending(me: Person, text: str) -> bool:
    """Whether `text` may answer the concern question: it is the question pending, or
    it was asked before `demande` and `text` is a yes or a no (no team is called "oui")."""
    if me.dialog is Dialog.SAFETY:
        return True
    return me.resume is Dialog.SAFETY and (yes_no(text) is not None or sometimes(text))


async def settle(ctx: Context, me: Person, text: str, reading: Reading) -> tuple[Reading, Out]:
    """The answer to the concern question: "oui" is danger, "non" is heard; else move on.

    A message that is not an answer is handled as if no question were pending (and read
    for danger like any other); the question then stays open, so a later "oui" is heard.
    Once answered, the question it interrupted is open again, and said so.
    """
    said = True if sometimes(text) else yes_no(text)
    if said is None and reading.level is not Level.DANGER:
        return reading, []
    if me.dialog is Dialog.SAFETY:
        me.dialog, me.resume = me.resume, Dialog.NONE
    else:  # asked before `demande`, kept open behind the request's questions
        me.resume = Dialog.NONE
    await ctx.store.save_person(me)
    if said is True or reading.level is Level.DANGER:  # the danger answer comes next
        return (reading if reading.level is Level.DANGER else SAID_YES), []
    again = [say.to_person(ctx, me, f"pending_{me.dialog.value}")] if me.dialog else []
    return reading, [say.to_person(ctx, me, "concern_no"), *again]
