"""The small Markdown the core writes, as Matrix HTML (`org.matrix.custom.html`)."""

from __future__ import annotations

import html
import re

_LINK = re.compile(r"\[([^\]]+)\]\(((?:https?://|tel:|mailto:)[^)\s]+)\)")
_BOLD = re.compile(r"\*\*(.+?)\*\*")
_ITALIC = re.compile(r"(?<![\w*])_(.+?)_(?![\w*])")
_CODE = re.compile(r"`([^`]+)`")


def to_html(markdown: str) -> str:
    """Bold, italics, code, links, bullet lists and line breaks; everything else escaped."""
    lines, out, in_list = markdown.split("\n"), [], False
    for line in lines:
        item = line.startswith("- ")
        if item and not in_list:
            out.append("<ul>")
        if not item and in_list:
            out.append("</ul>")
        in_list = item
        body = _inline(line[2:] if item else line)
        out.append(f"<li>{body}</li>" if item else f"{body}<br>")
    if in_list:
        out.append("</ul>")
    return "".join(out).removesuffix("<br>")


def _inline(text: str) -> str:
    escaped = html.escape(text, quote=False)
    escaped = _CODE.sub(r"<code>\1</code>", escaped)
    escaped = _LINK.sub(lambda m: f'<a href="{html.escape(m.group(2))}">{m.group(1)}</a>', escaped)
    escaped = _BOLD.sub(r"<strong>\1</strong>", escaped)
    return _ITALIC.sub(r"<em>\1</em>", escaped)


def literal_html(words: str) -> str:
    """Someone's words as typed: every character escaped, line breaks kept, no markup."""
    return html.escape(words, quote=False).replace("\n", "<br>")


def message_html(before: str, words: str, after: str) -> str:
    """The bot's Markdown around someone's literal words."""
    rendered = to_html(before) + literal_html(words)
    return rendered + (to_html(after) if after else "")
