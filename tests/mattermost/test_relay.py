"""Inside a relay on Mattermost, read as its client renders the stored posts."""

from __future__ import annotations

import asyncio
import re
from typing import Any

from markdown_it import MarkdownIt

from tests.mattermost.conftest import MM
from tests.mattermost.test_mattermost import _request

# CommonMark with GitHub's extensions and bare-address links, as Mattermost renders posts.
_MARKDOWN = MarkdownIt("gfm-like")
_ANCHOR = re.compile(r'<a href="([^"]*)">(.*?)</a>')


def rendered(post: dict[str, Any]) -> str:
    return str(_MARKDOWN.render(post["message"]))


async def _accepted(mm: MM) -> tuple[str, dict[str, Any]]:
    """alice's anonymous request, accepted by camille replying `accepter` in the offer thread."""
    ref, offer = await _request(mm)
    mm.say("camille", "accepter", root_id=offer["id"])  # a command as a reply
    await mm.expect("alice", "Une personne du groupe a accepté")
    return ref, offer


async def test_relayed_text_cannot_deceive(mm: MM) -> None:
    ref, _ = await _accepted(mm)
    mm.say(
        "alice",
        "**gras** [clique ici](https://exemple.org/piege) ![photo](https://exemple.org/p.png) "
        "fichier \u202egpj.exe <b>html</b> @channel @all @here\n# titre\n- liste",
    )
    relayed = await mm.expect("camille", "clique ici")
    html = rendered(relayed)
    assert html.startswith(f"<p><strong>[{ref}]</strong> **gras** clique ici (")
    for address, label in _ANCHOR.findall(html):  # every link shows its own address
        assert label == address
    assert {a for a, _ in _ANCHOR.findall(html)} == {
        "https://exemple.org/piege",
        "https://exemple.org/p.png",
    }
    assert "<img" not in html and "<h1>" not in html and "<li>" not in html
    assert "&lt;b&gt;html&lt;/b&gt;" in html and "gpj.exe" in html
    assert "\u202e" not in relayed["message"]
    for mention in ("@channel", "@all", "@here"):
        assert mention not in relayed["message"]
    mm.say("camille", "_lu_ [ok](https://exemple.org/ok) @all", root_id=relayed["root_id"])
    back = await mm.expect("alice", "exemple.org/ok")
    assert rendered(back) == (
        '<p>💬 _lu_ ok (<a href="https://exemple.org/ok">https://exemple.org/ok</a>) '
        "@\u200ball</p>\n"
    )


async def test_edits_edit_the_copy_and_replies_stay_in_the_case_thread(mm: MM) -> None:
    ref, offer = await _accepted(mm)
    first = mm.say("alice", "je suis fatiguée")
    copy = await mm.expect("camille", "je suis fatiguée")
    mm.fake.edit(mm.ids["alice"], first["id"], "je suis très fatiguée")
    await mm.until(lambda: "très" in mm.fake.posts[copy["id"]]["message"])
    assert mm.fake.posts[copy["id"]]["message"] == f"**[{ref}]** je suis très fatiguée"
    mm.say("camille", "je t'écoute", root_id=offer["id"])
    answer = await mm.expect("alice", "je t'écoute")
    mm.fake.edit(mm.ids["camille"], _last(mm, "camille")["id"], "je t'écoute, vraiment")
    await mm.until(lambda: "vraiment" in mm.fake.posts[answer["id"]]["message"])
    mm.say("alice", "merci", root_id=answer["id"])  # alice replies in a thread of her DM
    thanks = await mm.expect("camille", "merci")
    assert thanks["root_id"] == offer["id"]  # on camille's side, in the case thread
    await asyncio.sleep(1)
    assert mm.count("camille", "fatiguée") == 1 and mm.count("alice", "je t'écoute") == 1


async def test_emotes_pass_files_and_reactions_do_not_and_the_sender_knows(mm: MM) -> None:
    ref, offer = await _accepted(mm)
    mm.say("alice", "*sourit*", kind="me")  # what Mattermost's `/me sourit` posts
    emote = await mm.expect("camille", "sourit")
    assert rendered(emote) == f"<p><strong>[{ref}]</strong> * sourit</p>\n"
    mm.fake.react(mm.ids["alice"], emote["id"], "+1")
    await mm.expect("alice", "Je transmets seulement le texte")
    mm.say("alice", "", file_ids=["fileid0000000000000000000a"])
    mm.say("alice", "voici mon arrêt", file_ids=["fileid0000000000000000000b"])
    await mm.expect("camille", "voici mon arrêt")
    mm.say("camille", "", root_id=offer["id"], file_ids=["fileid0000000000000000000c"])
    told = await mm.expect("camille", "Seul le texte est transmis")
    assert told["root_id"] == offer["id"]
    await asyncio.sleep(1)
    assert mm.count("alice", "Je transmets seulement le texte") == 1  # once per case
    assert len([p for p in mm.posts_to("camille") if p["message"].startswith(f"**[{ref}]**")]) == 2


async def test_outside_a_relay_a_file_gets_a_word(mm: MM) -> None:
    mm.say("bob", "", file_ids=["fileid0000000000000000000d"])
    await mm.expect("bob", "Je ne lis que le texte")


def _last(mm: MM, name: str) -> dict[str, Any]:
    mine = [p for p in mm.fake.posts.values() if p["user_id"] == mm.ids[name]]
    return max(mine, key=lambda p: p["create_at"])
