"""Replies and edits inside a relay, on Mattermost: posts know their copies.

Mattermost threads are one level deep: a reply goes into the thread of the post it
answers (its root), and in a case thread it simply stays there. An edit of a relayed
message updates the bot's copy (`PUT /posts/{id}/patch`) when the pair is known.
"""

from __future__ import annotations

from typing import Any

from adapters.mattermost.rest import Rest
from bot.copies import Copies
from bot.ids import Platform
from bot.messages import Copy, MessageId
from bot.ports import KeyValue


class Relaying:
    def __init__(self, rest: Rest, state: KeyValue, posts: str) -> None:
        self.rest = rest
        self.state = state
        self.posts = posts  # namespace: post id → its channel, for posts handled or sent
        self.copies = Copies(state)

    async def remember(self, copy: Copy, post_id: str) -> None:
        """`post_id` is the copy of `copy.original`."""
        if copy.original is not None:
            await self.copies.remember(
                copy.case_ref, copy.original, MessageId(Platform.MATTERMOST, post_id)
            )

    async def edit(self, copy: Copy, channel_id: str, text: str) -> bool:
        """Update the copy of the message `copy` replaces, when known; True if done."""
        if copy.replaces is None:
            return False
        target = await self.copies.copy_of(copy.case_ref, copy.replaces, Platform.MATTERMOST)
        if target is None or await self.state.get(self.posts, target) != channel_id:
            return False
        await self.rest.edit_post(target, text)
        return True

    async def thread_of(self, copy: Copy, channel_id: str) -> str:
        """The thread to answer in: that of the twin of the message replied to, if known."""
        if copy.reply_to is None:
            return ""
        twin = await self.copies.twin(copy.case_ref, copy.reply_to, Platform.MATTERMOST)
        if twin is None or await self.state.get(self.posts, twin) != channel_id:
            return ""
        post = await self.rest.get_post(twin)
        return str(post.get("root_id") or twin)


def text_of(post: dict[str, Any]) -> str:
    """The words of a post; a `/me` post (`*text*`) reads as `* text`."""
    message = str(post.get("message") or "")
    if post.get("type") == "me":
        return "* " + message.removeprefix("*").removesuffix("*")
    return message
