"""Make user text safe to show to someone else: no mass mentions, no control
characters, bounded size. Raw HTML is made inert where it is rendered: each adapter
escapes it for its own format (Matrix HTML), and Markdown platforms do not render it."""

from __future__ import annotations

import re

MAX_RELAY_CHARS = 4000

_MASS_MENTION = re.compile(r"@(channel|all|here|everyone|room)\b", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def neutralise(text: str, limit: int = MAX_RELAY_CHARS) -> tuple[str, bool]:
    """Return the text made inert for others, and whether it had to be truncated."""
    cleaned = _CONTROL.sub("", text)
    truncated = len(cleaned) > limit
    if truncated:
        cleaned = cleaned[:limit].rstrip()
    cleaned = _MASS_MENTION.sub(lambda m: "@\u200b" + m.group(1), cleaned)
    return cleaned, truncated
