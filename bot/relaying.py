"""Someone's words passed to the other side of a case: made harmless, kept literal,
with the reply or edit they carry."""

from __future__ import annotations

from bot import metrics
from bot.locales import t
from bot.messages import Address, Copy, IncomingMessage, OutgoingMessage
from bot.neutral import neutralise

_SLOT = "\x00"  # never in neutralised text: control characters are removed


def copy_of(msg: IncomingMessage, case_ref: str) -> Copy:
    """What the copy of `msg` stands for: its original, and what it answers or replaces."""
    return Copy(
        case_ref,
        original=msg.message_id(msg.edit_of or msg.event_id),
        reply_to=msg.message_id(msg.reply_to),
        replaces=msg.message_id(msg.edit_of),
    )


def relayed(
    to: Address, lang: str, key: str, text: str, copy: Copy, **values: object
) -> tuple[OutgoingMessage, bool]:
    """The catalog message `key` around the person's words; and whether they were cut.

    The words go in as a literal part (`OutgoingMessage.words`): the template's
    Markdown renders, the person's own Markdown or HTML never does.
    """
    words, truncated = neutralise(text)
    metrics.RELAYED.inc()
    before, _, after = t(lang, key, text=_SLOT, **values).partition(_SLOT)
    if truncated:
        after += t(lang, "relay_truncated")
    start = len(before)
    return (
        OutgoingMessage(
            to,
            before + words + after,
            relayed=True,
            words=(start, start + len(words)),
            copy=copy,
        ),
        truncated,
    )
