"""Notes listeners share about a case: encrypted at rest, deleted with the case."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from bot.cases import Note
from storage.sql.base import SqlBase
from storage.tables import CaseNoteRow


class SqlNotes(SqlBase):
    async def add_note(self, case_id: int, author: str, text: str, now: datetime) -> None:
        async with self.sessions.begin() as s:
            s.add(
                CaseNoteRow(
                    case_id=case_id,
                    author=author,
                    text_enc=self.cipher.encrypt(text) or b"",
                    created_at=now,
                )
            )

    async def notes_of(self, case_id: int) -> list[Note]:
        async with self.sessions() as s:
            rows = await s.scalars(
                select(CaseNoteRow).where(CaseNoteRow.case_id == case_id).order_by(CaseNoteRow.id)
            )
            return [
                Note(r.author, self.cipher.decrypt(r.text_enc) or "", r.created_at) for r in rows
            ]
