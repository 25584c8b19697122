"""The names the core passes around, typed so one cannot stand for another."""

from __future__ import annotations

from typing import NewType

CaseRef = NewType("CaseRef", str)  # "K7Q2": a case's random reference, in capitals
ListenerId = NewType("ListenerId", str)  # "camille": a roster member's id
