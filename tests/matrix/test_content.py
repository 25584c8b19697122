"""Reading what Element and Tchap send: reply fallbacks never read, edits and emotes as text."""

from __future__ import annotations

from typing import Any

from nio import Event, RoomMessageFile, RoomMessageText

from adapters.matrix.content import read, strip_fallback


def _event(content: dict[str, Any]) -> Event:
    source = {
        "type": "m.room.message",
        "event_id": "$e",
        "sender": "@alice:localhost",
        "origin_server_ts": 1,
        "content": content,
    }
    parsed: Event = RoomMessageText.parse_event(source)
    return parsed


def test_a_reply_fallback_is_stripped_but_the_persons_own_quote_stays() -> None:
    body = "> <@bob:localhost> line one\n> line two\n\n> my own quote\nmy answer"
    assert strip_fallback(body, replying=True) == "> my own quote\nmy answer"
    assert strip_fallback("> a quote\n\nnot a reply", replying=False) == "> a quote\n\nnot a reply"
    assert strip_fallback("> <@bob:localhost> header\n\nleak?", replying=False) == "leak?"


def test_a_reply_gives_its_text_and_what_it_answers() -> None:
    got = read(
        _event(
            {
                "msgtype": "m.text",
                "body": "> <@bob:localhost> 📩 Nouvelle demande K7Q2\n\naccepter",
                "format": "org.matrix.custom.html",
                "formatted_body": "<mx-reply><blockquote>@bob:x</blockquote></mx-reply>accepter",
                "m.relates_to": {"m.in_reply_to": {"event_id": "$offer"}},
            }
        )
    )
    assert (got.text, got.reply_to, got.files) == ("accepter", "$offer", False)


def test_an_edit_gives_its_new_text_and_an_emote_reads_as_text() -> None:
    got = read(
        _event(
            {
                "msgtype": "m.text",
                "body": " * bonsoir",
                "m.new_content": {"msgtype": "m.text", "body": "bonsoir"},
                "m.relates_to": {"rel_type": "m.replace", "event_id": "$first"},
            }
        )
    )
    assert (got.text, got.edit_of) == ("bonsoir", "$first")
    assert read(_event({"msgtype": "m.emote", "body": "sourit"})).text == "* sourit"


def test_a_file_gives_no_text_not_even_its_name() -> None:
    event = _event({"msgtype": "m.file", "body": "arret-alice.pdf", "url": "mxc://x/y"})
    assert isinstance(event, RoomMessageFile)
    assert (read(event).text, read(event).files) == ("", True)
