"""Make user text safe to show to someone else: nothing hidden, nothing that acts.

- Markdown links and images become plain text with their address visible
  (`[clique ici](https://x)` → `clique ici (https://x)`); autolinks show their address;
- bidirectional controls are removed (they can make `gpj.exe` read as `exe.jpg`), while
  the zero-width joiner of emoji sequences (U+200D) stays;
- other control characters are removed, mass mentions made inert, the size bounded.

Raw HTML and the rest of Markdown are made inert where they would be rendered: the
words travel as a literal part of the message (`OutgoingMessage.words`), which each
adapter escapes for its own format (Matrix HTML, Mattermost Markdown).
"""

from __future__ import annotations

import re

MAX_RELAY_CHARS = 4000

_MASS_MENTION = re.compile(r"@(channel|all|here|everyone|room)\b", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_BIDI = re.compile("[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]")
# `![label](address "title")` and `[label](address)`; one level of [] or () may nest.
_LINK = re.compile(
    r"(!?)\[((?:[^\[\]\n]|\[[^\[\]\n]*\])*)\]"  # label
    r"\(\s*<?((?:[^()\s<>]|\([^()\s<>]*\))*)>?[^()\n]*\)"  # (address "title")
)


def neutralise(text: str, limit: int = MAX_RELAY_CHARS) -> tuple[str, bool]:
    """Return the text made inert for others, and whether it had to be truncated."""
    cleaned = _BIDI.sub("", _CONTROL.sub("", text))
    cleaned = unlink(cleaned)
    truncated = len(cleaned) > limit
    if truncated:
        cleaned = cleaned[:limit].rstrip()
    cleaned = _MASS_MENTION.sub(lambda m: "@\u200b" + m.group(1), cleaned)
    return cleaned, truncated


def unlink(text: str) -> str:
    """Markdown links and images as plain text, the address shown after the label."""
    for _ in range(4):  # nested labels: `[[a](b)](c)`
        changed = _LINK.sub(_plain, text)
        if changed == text:
            break
        text = changed
    return text


def _plain(match: re.Match[str]) -> str:
    label, address = match.group(2).strip(), match.group(3)
    if not address or label == address:
        return label or address
    return f"{label} ({address})" if label else address
