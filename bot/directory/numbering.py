"""Phone numbers against the French numbering plan: a wrong digit sends a person in
distress to the wrong place, so every number is checked before the bot starts.

Validity comes from `phonenumbers` (Google's libphonenumber metadata, kept up to date
upstream, including the French short numbers such as 3114 and 3919); the rules that
tie `dial`, `display`, `e164` and `toll_free` together are ours.
"""

from __future__ import annotations

import re
from typing import Any

import phonenumbers
from phonenumbers import shortnumberinfo

Problem = tuple[tuple[Any, ...], str]

_SHORT = re.compile(r"^[1-9]\d{1,5}$")  # 15, 112, 3114, 116006…
_NATIONAL = re.compile(r"^0[1-9]\d{8}$")  # 10 digits, 0 then the zone or service
_FREE = re.compile(r"^080[0-5]")  # 0800–0805: free to call ("numéro vert")
_DISPLAY_NOISE = re.compile(r"[\s.\-\u00a0\u202f]")


def numbering_errors(resources: list[Any]) -> list[Problem]:
    """Errors for every phone of every resource (raw YAML mappings), with their path."""
    errors: list[Problem] = []
    for i, resource in enumerate(resources):
        if not isinstance(resource, dict) or not isinstance(resource.get("phones"), list):
            continue
        for j, phone in enumerate(resource["phones"]):
            if isinstance(phone, dict):
                errors += [(("resources", i, "phones", j, *key), msg) for key, msg in check(phone)]
    return errors


def check(phone: dict[str, Any]) -> list[tuple[tuple[str, ...], str]]:
    """Problems with one phone entry, each with the key it is about."""
    dial = phone.get("dial")
    if not isinstance(dial, str) or not dial.isdigit():
        return []  # the schema reports it
    if _SHORT.match(dial):
        return _short(dial, phone)
    if _NATIONAL.match(dial):
        return _national(dial, phone)
    return [
        (
            ("dial",),
            f"{dial!r} is neither a French short number (2 to 6 digits, no leading 0) "
            "nor a 10-digit number starting with 0",
        )
    ]


def _short(dial: str, phone: dict[str, Any]) -> list[tuple[tuple[str, ...], str]]:
    errors: list[tuple[tuple[str, ...], str]] = []
    if not shortnumberinfo.is_valid_short_number(phonenumbers.parse(dial, "FR")):
        errors.append((("dial",), f"{dial!r} is not a French short number in service"))
    if phone.get("e164") is not None:
        errors.append((("e164",), f"short number {dial!r} has no E.164 form: use null"))
    return errors + _display(dial, phone)


def _national(dial: str, phone: dict[str, Any]) -> list[tuple[tuple[str, ...], str]]:
    errors: list[tuple[tuple[str, ...], str]] = []
    if not phonenumbers.is_valid_number(phonenumbers.parse(dial, "FR")):
        errors.append((("dial",), f"{dial!r} is not a valid French number (unknown prefix)"))
    expected = "+33" + dial[1:]
    if phone.get("e164") != expected:
        errors.append(
            (("e164",), f"e164 {phone.get('e164')!r} and dial {dial!r} disagree ({expected!r})")
        )
    free = phone.get("toll_free")
    if _FREE.match(dial) and free is not True:
        errors.append((("toll_free",), f"{dial[:4]} numbers are free to call: toll_free: true"))
    if not _FREE.match(dial) and free is True:
        errors.append((("toll_free",), f"only 0800 to 0805 numbers are free, not {dial[:4]}"))
    return errors + _display(dial, phone)


def _display(dial: str, phone: dict[str, Any]) -> list[tuple[tuple[str, ...], str]]:
    display = phone.get("display")
    if isinstance(display, str) and _DISPLAY_NOISE.sub("", display) != dial:
        return [(("display",), f"display {display!r} does not show the dialled number {dial!r}")]
    return []
