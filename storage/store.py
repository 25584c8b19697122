"""The Store on SQLAlchemy 2 async (SQLite or PostgreSQL): one class over the concept modules."""

from __future__ import annotations

from storage.sql.availability import SqlAvailability
from storage.sql.cases import SqlCases
from storage.sql.changes import SqlChanges
from storage.sql.followups import SqlFollowUps
from storage.sql.notes import SqlNotes
from storage.sql.people import SqlPeople
from storage.sql.retention import RELAY_MARKS, SqlRetention
from storage.sql.roster import SqlRoster
from storage.sql.statistics import SqlStatistics

__all__ = ["RELAY_MARKS", "SqlStore"]


class SqlStore(
    SqlPeople,
    SqlCases,
    SqlChanges,
    SqlAvailability,
    SqlRetention,
    SqlFollowUps,
    SqlRoster,
    SqlNotes,
    SqlStatistics,
):
    """Persistence for the core; every case state change is one conditional UPDATE."""
