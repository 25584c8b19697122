"""Which relayed message is the copy of which, per case, for a while.

Adapters remember each pair when they deliver a copy, and look it up when a later
message answers or edits one side: the reply then points to the twin on the other
side, the edit changes the copy. Keys are hashed and values encrypted by the KeyValue
store (adapter state); nothing here holds a word of the messages. A pair is forgotten
after `KEEP`: older replies are relayed as plain text, older edits as new messages.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from datetime import timedelta

from bot.ids import Platform
from bot.messages import MessageId
from bot.ports import KeyValue

NS = "relay.copy"
KEEP = timedelta(days=30)


class Copies:
    def __init__(
        self, state: KeyValue, keep: timedelta = KEEP, clock: Callable[[], float] = time.time
    ) -> None:
        self.state = state
        self.keep = keep
        self.clock = clock

    async def remember(self, case_ref: str, original: MessageId, copy: MessageId) -> None:
        """`copy` was delivered for `original`, in case `case_ref`."""
        until = self.clock() + self.keep.total_seconds()
        for one, other, is_copy in ((original, copy, True), (copy, original, False)):
            value = {"platform": other.platform, "id": other.id, "copy": is_copy, "until": until}
            await self.state.put(NS, _key(case_ref, one), json.dumps(value))

    async def twin(self, case_ref: str, message: MessageId, platform: Platform) -> str | None:
        """The other side of `message` on `platform`: its copy, or the original it copies."""
        found = await self._get(case_ref, message)
        return str(found["id"]) if found and found["platform"] == platform else None

    async def copy_of(self, case_ref: str, original: MessageId, platform: Platform) -> str | None:
        """The copy the bot delivered for `original` on `platform` (what an edit changes)."""
        found = await self._get(case_ref, original)
        if found and found["copy"] and found["platform"] == platform:
            return str(found["id"])
        return None

    async def _get(self, case_ref: str, message: MessageId) -> dict[str, object] | None:
        raw = await self.state.get(NS, _key(case_ref, message))
        if raw is None:
            return None
        value: dict[str, object] = json.loads(raw)
        until = value.get("until")
        return value if isinstance(until, int | float) and until > self.clock() else None


def _key(case_ref: str, message: MessageId) -> str:
    return f"{case_ref}|{message.platform}|{message.id}"
