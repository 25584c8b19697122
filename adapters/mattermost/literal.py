"""Someone's words in a Mattermost post, shown as typed: their Markdown does not render.

Every character Mattermost's Markdown reads as markup is backslash-escaped, except
inside web addresses, which Mattermost links with their address visible (escaping
them would break the link).
"""

from __future__ import annotations

import re

_ADDRESS = re.compile(r"(?:https?|ftp)://[^\s<>\\]+|www\.[^\s<>\\]+", re.IGNORECASE)
_INLINE = re.compile(r"([\\`*_\[\]<>~|#$!])")
# What makes a block at the start of a line: a heading, quote, list, rule, setext line.
_LINE_START = re.compile(r"^([ \t]*)([-+=>]|\d+(?=[.)]))", re.MULTILINE)


def literal(words: str) -> str:
    """`words` escaped for Mattermost's Markdown."""
    out, last = [], 0
    for address in _ADDRESS.finditer(words):
        out.append(_escape(words[last : address.start()]))
        out.append(address.group(0))
        last = address.end()
    out.append(_escape(words[last:]))
    return _LINE_START.sub(_escape_block, "".join(out))


def _escape(text: str) -> str:
    return _INLINE.sub(r"\\\1", text)


def _escape_block(match: re.Match[str]) -> str:
    indent, marker = match.group(1), match.group(2)
    if marker.isdigit():  # `1. item` → `1\. item`
        return f"{indent}{marker}\\"
    return f"{indent}\\{marker}"
