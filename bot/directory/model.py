"""The schema of directory.yaml (pydantic), with cross-checks between its parts."""

from __future__ import annotations

import re
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from bot.clock import ZONE_NAME
from bot.directory.numbering import numbering_errors

Day = Literal["mo", "tu", "we", "th", "fr", "sa", "su"]
Tri = bool | Literal["unknown", "n/a"]
Status = Literal["actif", "a_verifier", "probablement_termine"]
Channel = Literal[
    "phone", "chat", "email", "form", "messaging", "web", "app", "in_person", "visio", "callback"
]
_TIME = re.compile(r"^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$")
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Slot(_Strict):
    days: list[Day] = Field(min_length=1)
    opens: str | None = None
    closes: str | None = None

    @field_validator("opens", "closes")
    @classmethod
    def _time(cls, value: str | None) -> str | None:
        if value is not None and not _TIME.match(value):
            raise ValueError(f"bad time {value!r}: expected HH:MM between 00:00 and 24:00")
        return value

    @model_validator(mode="after")
    def _both_or_neither(self) -> Slot:
        if (self.opens is None) != (self.closes is None):
            raise ValueError("a slot needs both opens and closes, or neither")
        if self.opens == "24:00":
            raise ValueError("opens cannot be 24:00 (use 00:00)")
        return self


def _in_zone(value: str) -> str:
    if value != ZONE_NAME:
        raise ValueError(f"hours are kept in {ZONE_NAME}")
    return value


class Hours(_Strict):
    timezone: str = ZONE_NAME
    known: Literal["full", "partial", "unknown"] = "unknown"
    always_open: bool = False
    text: str | None = None
    slots: list[Slot] = Field(default_factory=list)
    source: str | None = None
    valid_from: str | None = None
    valid_to_text: str | None = None

    @field_validator("timezone")
    @classmethod
    def _zone(cls, value: str) -> str:
        return _in_zone(value)


class Phone(_Strict):
    e164: str | None = None
    display: str
    dial: str
    toll_free: Tri = "unknown"
    toll_free_basis: str | None = None
    label: str | None = None
    source: str | None = None
    languages: list[str] = Field(default_factory=list)
    hours: Hours | None = None
    note: str | None = None

    @field_validator("e164")
    @classmethod
    def _e164(cls, value: str | None) -> str | None:
        if value is not None and not re.fullmatch(r"\+[1-9]\d{6,14}", value):
            raise ValueError(f"bad phone {value!r}: expected E.164 like +33800858858")
        return value

    @field_validator("dial")
    @classmethod
    def _dial(cls, value: str) -> str:
        if not re.fullmatch(r"\d{2,15}", value):
            raise ValueError(f"bad phone {value!r}: dial must be digits only")
        return value


class Chat(_Strict):
    url: str | None = None
    languages: list[str] = Field(default_factory=list)
    hours: Hours | None = None
    note: str | None = None


class Link(_Strict):
    label: str
    url: str


class Email(_Strict):
    email: str
    note: str | None = None


class Location(_Strict):
    name: str
    departement: str | None = None
    address: str | None = None
    hours: Hours | None = None
    note: str | None = None


class Scope(_Strict):
    level: Literal["national", "regional", "departemental", "local"]
    departements: list[str] = Field(default_factory=list)
    region: str | None = None
    note: str | None = None


class HoursAlternative(_Strict):
    source: str | None = None
    date: str | None = None
    text: str | None = None
    slots: list[Slot] = Field(default_factory=list)


class Resource(_Strict):
    id: str
    name: str
    # other names people use for it ("Red Cross", "le numéro de l'ordre des médecins"):
    # said whole, they name it
    aliases: list[str] = Field(default_factory=list)
    organization: str | None = None
    description: str
    categories: list[str] = Field(min_length=1)
    topics: list[str] = Field(default_factory=list)
    audience: list[str] = Field(default_factory=list)
    audience_text: str | None = None
    channels: list[Channel] = Field(default_factory=list)
    phones: list[Phone] = Field(default_factory=list)
    phones_note: str | None = None
    email: str | None = None
    emails: list[Email] = Field(default_factory=list)
    form: str | None = None
    messaging: str | None = None
    members_as_of_source: list[str] = Field(default_factory=list)
    url: str | None = None
    url_note: str | None = None
    urls: list[Link] = Field(default_factory=list)
    chat: Chat | None = None
    locations: list[Location] = Field(default_factory=list)
    locations_note: str | None = None
    hours: Hours
    hours_alternatives: list[HoursAlternative] = Field(default_factory=list)
    hours_conflict: str | None = None
    appointment_required: bool | None = None
    free: Tri = "unknown"
    free_basis: str | None = None
    cost_text: str | None = None
    anonymous: Tri = "unknown"
    anonymous_note: str | None = None
    confidential: Tri = "unknown"
    confidential_note: str | None = None
    scope: Scope
    languages: list[str] = Field(default_factory=lambda: ["fr"])
    languages_stated: bool = False
    join: str | None = None
    response_time: str | None = None
    status: Status
    status_note: str | None = None
    context: str | None = None
    external: bool = False
    external_note: str | None = None
    external_notes: list[str] | str | None = None
    excluded_contact: str | None = None
    source: list[str] = Field(min_length=1)
    source_quotes: list[str] = Field(default_factory=list)

    @field_validator("id")
    @classmethod
    def _slug(cls, value: str) -> str:
        if not _ID.match(value):
            raise ValueError(f"bad id {value!r}: lower-case letters, digits and dashes")
        return value


class Category(_Strict):
    label: str
    label_en: str | None = None
    keywords: list[str] = Field(default_factory=list)
    note: str | None = None


class Profession(_Strict):
    """Words by which people say who they are, and the audiences that makes them part of."""

    words: list[str] = Field(min_length=1)
    audiences: list[str] = Field(min_length=1)


class Source(_Strict):
    id: str
    file: str | None = None
    title: str
    publisher: str | None = None
    date: str | None = None


class Mentioned(_Strict):
    name: str
    source: str | None = None
    reason: str | None = None


class DirectoryFile(_Strict):
    """The whole file; cross-references are checked by `cross_check`."""

    schema_version: Literal[1]
    timezone: str = ZONE_NAME

    @field_validator("timezone")
    @classmethod
    def _zone(cls, value: str) -> str:
        return _in_zone(value)

    generated_from: str | None = None
    last_checked: str | None = None
    sources: list[Source] = Field(default_factory=list)
    categories: dict[str, Category]
    audiences: dict[str, str] = Field(default_factory=dict)
    professions: list[Profession] = Field(default_factory=list)
    emergency_first: list[str] = Field(default_factory=list)
    emergency_first_violence: list[str] = Field(default_factory=list)
    danger_words: dict[Literal["self", "other", "violence"], list[str]] = Field(
        default_factory=dict
    )
    resources: list[Resource]
    mentioned_not_listed: list[Mentioned] = Field(default_factory=list)


def cross_check(data: dict[str, Any]) -> list[tuple[tuple[Any, ...], str]]:
    """Errors that span several parts of the raw file, each with the offending path.

    Works on the raw mapping so that these errors are reported together with the
    schema errors, even when parts of the file are invalid.
    """
    errors: list[tuple[tuple[Any, ...], str]] = []
    categories = _mapping(data.get("categories"))
    audiences = _mapping(data.get("audiences"))
    sources = {s.get("id") for s in _list(data.get("sources")) if isinstance(s, dict)}
    resources = _list(data.get("resources"))
    seen: dict[str, int] = {}
    for i, r in enumerate(resources):
        if not isinstance(r, dict):
            continue
        rid = r.get("id")
        if isinstance(rid, str) and rid in seen:
            errors.append(
                (("resources", i, "id"), f"duplicate id {rid!r} (first at index {seen[rid]})")
            )
        if isinstance(rid, str):
            seen.setdefault(rid, i)
        checks = (
            ("categories", categories, "category"),
            ("audience", audiences, "audience"),
            ("source", sources, "source"),
        )
        for key, known, what in checks:
            for j, value in enumerate(_list(r.get(key))):
                if known and value not in known:
                    errors.append((("resources", i, key, j), f"unknown {what} {value!r}"))
    for i, profession in enumerate(_list(data.get("professions"))):
        for j, value in enumerate(_list(_mapping(profession).get("audiences"))):
            if audiences and value not in audiences:
                errors.append((("professions", i, "audiences", j), f"unknown audience {value!r}"))
    for key in ("emergency_first", "emergency_first_violence"):
        for j, rid in enumerate(_list(data.get(key))):
            if rid not in seen:
                errors.append(((key, j), f"unknown resource id {rid!r}"))
    return errors + numbering_errors(resources)


def _mapping(value: object) -> dict[Any, Any]:
    return value if isinstance(value, dict) else {}


def _list(value: object) -> list[Any]:
    return value if isinstance(value, list) else []
