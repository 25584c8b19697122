"""Hostile bytes from Mattermost: a lone surrogate (a JSON escape such as "\\ud800") in a
post is replaced at the adapter, and the person still gets every answer."""

from __future__ import annotations

from tests.mattermost.conftest import MM

LONE = "\ud800"


async def test_lone_surrogate_in_posts_and_team_answer_is_answered(mm: MM) -> None:
    mm.say("alice", f"bon{LONE}jour")
    await mm.expect("alice", "3114")
    mm.say("alice", "demande")
    await mm.expect("alice", "Dans quelle")
    mm.say("alice", f"DIN{LONE}UM")  # the team answer is encrypted: it must be encodable
    await mm.expect("alice", "Comment préfères-tu échanger")
    mm.say("alice", "anonyme")
    searching = await mm.expect("alice", "Ta demande a la référence")
    ref = searching["message"].split("**")[1]
    await mm.expect("camille", f"Nouvelle demande {ref}")
