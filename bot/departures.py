"""Listeners the configuration file takes out (removed, renamed, `listens: false`) while
they hold open cases. A case a listener accepted is relayed to that listener only: once
they are out of the roster, the requester would be told "still looking" for ever and the
coordinators would see nothing. So the bot does not start until the file keeps them
(`active: false`: no new offers, the relay goes on) while they close or hand over each
case, as `retirer écoutant` in chat refuses while a case is held. An offer they still
hold harms nobody: it is withdrawn at start-up and goes to the next listener."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from bot.configuration import ConfigError

log = logging.getLogger("soutien")


@dataclass(frozen=True, slots=True)
class Held:
    """Open cases of a listener who will not be a listener once the file is applied."""

    listener_id: str
    accepted: tuple[str, ...] = ()  # case references
    offered: tuple[str, ...] = ()
    by_file: bool = True  # the file takes them out (False: a change made in chat)


def _cases(refs: tuple[str, ...], what: str) -> str:
    return f"{len(refs)} {what} case{'s' if len(refs) > 1 else ''} ({', '.join(refs)})"


def refusal(held: list[Held]) -> list[str]:
    """One line per listener the file takes out while they hold an accepted case."""
    return [
        f"listeners: {h.listener_id} holds {_cases(h.accepted, 'accepted')} but is no longer "
        f"a listener in the file (removed, id changed, or listens: false): keep "
        f"`id: {h.listener_id}` in listeners, listening, with `active: false` (no new offers; "
        f"the relay goes on) until they close (`clore {h.accepted[0]}`) or hand over (`transferer "
        f"{h.accepted[0]}`) each case, then take them out"
        for h in held
        if h.accepted and h.by_file
    ]


def check(held: list[Held]) -> None:
    """Raise ConfigError (exit 2) for accepted cases the file would strand; log the rest."""
    lines = refusal(held)
    if lines:
        raise ConfigError("\n".join(lines))
    for h in held:
        if h.offered:
            log.warning(
                "listeners: %s is no longer a listener; the next listener gets their %s",
                h.listener_id,
                _cases(h.offered, "offered"),
            )
        if h.accepted:  # not the file's doing: taken out in chat
            log.warning(
                "listeners: %s was taken out in chat but holds %s: a coordinator can bring "
                "them back with `ajouter ecoutant @handle` to close or hand them over",
                h.listener_id,
                _cases(h.accepted, "accepted"),
            )
