"""Dispatch tables: every command, route and follow-up kind has exactly one handler."""

from __future__ import annotations

import typing

from bot.commands import Name
from bot.conversation.commands import COMMANDS
from bot.conversation.dispatch import ROUTES
from bot.conversation.route import Route
from bot.followups import Kind
from bot.followups.run import FOLLOW_UPS


def test_every_command_has_one_handler() -> None:
    assert set(COMMANDS) == set(Name) and len(COMMANDS) == len(Name)


def test_every_route_has_one_handler() -> None:
    assert set(ROUTES) == set(typing.get_args(Route))


def test_every_follow_up_kind_has_one_handler() -> None:
    assert set(FOLLOW_UPS) == set(Kind) and len(FOLLOW_UPS) == len(Kind)
