"""Typed tables. No message content is kept: outbox rows hold it encrypted until sent, then
are deleted. Identifying fields are encrypted."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    UniqueConstraint,
    text,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

from bot.clock import ZONE_NAME


class UTCDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes in and out, also on SQLite (which drops the zone)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the database")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


OPEN_CASE = "state IN ('waiting', 'offered', 'accepted')"


class Base(DeclarativeBase):
    type_annotation_map: ClassVar[dict[Any, Any]] = {datetime: UTCDateTime}


class PersonRow(Base):
    """Someone who wrote to the bot. `lookup` is an HMAC of platform and user id."""

    __tablename__ = "persons"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    lookup: Mapped[str] = mapped_column(String(64), unique=True)
    ref: Mapped[str] = mapped_column(String(8), unique=True)
    platform: Mapped[str] = mapped_column(String(16))
    user_id_enc: Mapped[bytes] = mapped_column(LargeBinary)
    handle_enc: Mapped[bytes | None] = mapped_column(LargeBinary)
    locale: Mapped[str | None] = mapped_column(String(8))
    welcomed: Mapped[bool] = mapped_column(Boolean, default=False)
    dialog: Mapped[str] = mapped_column(String(16), default="")
    # the question the safety question interrupted, asked again once it is answered
    resume_dialog: Mapped[str] = mapped_column(String(16), default="", server_default="")
    draft_team_enc: Mapped[bytes | None] = mapped_column(LargeBinary)
    draft_continuity: Mapped[str | None] = mapped_column(String(64))
    dialog_case_id: Mapped[int | None] = mapped_column(Integer)
    last_alert_at: Mapped[datetime | None]
    created_at: Mapped[datetime]
    last_seen_at: Mapped[datetime | None]


class CaseRow(Base):
    """A request. `version` grows on every change; state changes are compare-and-set."""

    __tablename__ = "cases"
    # At most one open case per requester, whatever replicas race (a partial unique index).
    __table_args__ = (
        Index(
            "one_open_case_per_requester",
            "requester_id",
            unique=True,
            sqlite_where=text(OPEN_CASE),
            postgresql_where=text(OPEN_CASE),
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    ref: Mapped[str] = mapped_column(String(8), unique=True)
    requester_id: Mapped[int] = mapped_column(
        ForeignKey("persons.id", ondelete="CASCADE"), index=True
    )
    state: Mapped[str] = mapped_column(String(16), index=True)
    mode: Mapped[str] = mapped_column(String(16))
    team_enc: Mapped[bytes | None] = mapped_column(LargeBinary)
    continuity_listener: Mapped[str | None] = mapped_column(String(64))
    listener_id: Mapped[str | None] = mapped_column(String(64), index=True)
    created_at: Mapped[datetime]
    offered_at: Mapped[datetime | None]
    offer_expires_at: Mapped[datetime | None]
    accepted_at: Mapped[datetime | None]
    ended_at: Mapped[datetime | None]
    waiting_alerted: Mapped[bool] = mapped_column(Boolean, default=False)
    checkin_wanted: Mapped[bool] = mapped_column(Boolean, default=False)
    theme: Mapped[str | None] = mapped_column(String(16))  # a fixed code, never free text
    version: Mapped[int] = mapped_column(Integer, default=1)


class OfferRow(Base):
    """One offer of one case to one listener; the unique pair forbids offering it twice."""

    __tablename__ = "offers"
    __table_args__ = (UniqueConstraint("case_id", "listener_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    listener_id: Mapped[str] = mapped_column(String(64), index=True)
    offered_at: Mapped[datetime]
    outcome: Mapped[str] = mapped_column(String(16))
    answered_at: Mapped[datetime | None]


class ListenerStateRow(Base):
    """A listener's availability (the roster itself is `roster_members`)."""

    __tablename__ = "listener_states"

    listener_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    available: Mapped[bool] = mapped_column(Boolean, default=True)
    unavailable_until: Mapped[datetime | None]
    last_offer_at: Mapped[datetime | None]
    rest_until: Mapped[datetime | None]  # a pause after a case closed as heavy
    heavy_streak: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class AuditRow(Base):
    """Append-only: who accessed or changed which case, when, from where. No content."""

    __tablename__ = "audit"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(index=True)
    actor: Mapped[str] = mapped_column(String(80))
    action: Mapped[str] = mapped_column(String(32))
    case_ref: Mapped[str | None] = mapped_column(String(8), index=True)
    platform: Mapped[str] = mapped_column(String(16))
    subject: Mapped[str | None] = mapped_column(String(80))  # a roster member acted upon


class MonthlyCountRow(Base):
    """Anonymous statistics kept after cases are purged: cases per month and final state."""

    __tablename__ = "monthly_counts"

    month: Mapped[str] = mapped_column(String(7), primary_key=True)
    state: Mapped[str] = mapped_column(String(16), primary_key=True)
    count: Mapped[int] = mapped_column(Integer, default=0)


class DueActionRow(Base):
    """A follow-up to carry out at `due_at`; `key` makes scheduling idempotent."""

    __tablename__ = "due_actions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(80), unique=True)
    kind: Mapped[str] = mapped_column(String(16))
    case_id: Mapped[int | None] = mapped_column(
        ForeignKey("cases.id", ondelete="CASCADE"), index=True
    )
    subject: Mapped[str | None] = mapped_column(String(64))
    due_at: Mapped[datetime] = mapped_column(index=True)
    zone: Mapped[str] = mapped_column(String(64), default=ZONE_NAME, server_default=ZONE_NAME)
    state: Mapped[str] = mapped_column(String(12), index=True)
    owner: Mapped[str | None] = mapped_column(String(64))
    claimed_at: Mapped[datetime | None]
    done_at: Mapped[datetime | None]
    created_at: Mapped[datetime]


class KeyValueRow(Base):
    """Adapter state: keys are keyed hashes, values are encrypted.

    `key_enc` holds the key (and its owner) encrypted, so `keys rotate` can hash it again;
    `owner_hash` is the keyed hash of the person the row is about, so `oubli` erases it.
    """

    __tablename__ = "kv"
    __table_args__ = (UniqueConstraint("namespace", "key_hash"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    namespace: Mapped[str] = mapped_column(String(32))
    key_hash: Mapped[str] = mapped_column(String(64))
    value_enc: Mapped[bytes | None] = mapped_column(LargeBinary)
    key_enc: Mapped[bytes | None] = mapped_column(LargeBinary)
    owner_hash: Mapped[str | None] = mapped_column(String(64), index=True)
    updated_at: Mapped[datetime]


class RosterMemberRow(Base):
    """One listener or coordinator. The configuration seeds rows; chat changes win.

    `origin` is "config" or "chat"; `edited` marks a row changed in chat, which the
    configuration never overwrites again; a removed member keeps a row (`removed`) so
    that the next start does not bring them back. Volunteers' own data only, no requester.
    """

    __tablename__ = "roster_members"

    listener_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(128))
    teams: Mapped[str] = mapped_column(String(2000), default="[]")  # JSON list
    addresses: Mapped[str] = mapped_column(String(2000), default="[]")  # JSON [[platform, id]]
    coordinator: Mapped[bool] = mapped_column(Boolean, default=False)
    listens: Mapped[bool] = mapped_column(Boolean, default=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    removed: Mapped[bool] = mapped_column(Boolean, default=False)
    origin: Mapped[str] = mapped_column(String(8), default="config")
    edited: Mapped[bool] = mapped_column(Boolean, default=False)
    position: Mapped[int] = mapped_column(Integer, default=0)
    updated_at: Mapped[datetime]


class CaseNoteRow(Base):
    """A note listeners share about a case; the text is encrypted, deleted with the case."""

    __tablename__ = "case_notes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    author: Mapped[str] = mapped_column(String(64))
    text_enc: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime]


class KeyCheckRow(Base):
    """One row: a known constant encrypted with the key the data are under, so a wrong
    key is refused at start-up instead of splitting the data between two keys."""

    __tablename__ = "key_check"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    value_enc: Mapped[bytes] = mapped_column(LargeBinary)
    updated_at: Mapped[datetime]


class ClaimRow(Base):
    """A platform event taken by one handling: a replay finds it and does nothing."""

    __tablename__ = "claims"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(index=True)


class OutboxRow(Base):
    """A message to deliver, written with the change that produced it; deleted once sent.

    `key` (random) gives the platform's transaction id; `conversation` (a keyed hash of
    the recipient) orders delivery per conversation; the message is encrypted.
    """

    __tablename__ = "outbox"
    # Ids are never reused (the platform transaction id is derived from the row).
    __table_args__ = ({"sqlite_autoincrement": True},)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    platform: Mapped[str] = mapped_column(String(32), index=True)
    conversation: Mapped[str] = mapped_column(String(64))
    key: Mapped[str] = mapped_column(String(32), unique=True)
    message_enc: Mapped[bytes] = mapped_column(LargeBinary)
    tries: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime]


class DeadLetterRow(Base):
    """Work set aside after too many failures: a reference and a reason, never a text."""

    __tablename__ = "dead_letters"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    ref: Mapped[str] = mapped_column(String(16), unique=True)
    source: Mapped[str] = mapped_column(String(32))
    reason: Mapped[str] = mapped_column(String(64))
    tries: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime]
