"""Key rotation: re-encrypt every protected field and recompute look-up hashes."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker

from storage.crypto import FieldCipher
from storage.tables import CaseNoteRow, CaseRow, PersonRow


async def rotate(engine: AsyncEngine, cipher: FieldCipher) -> int:
    """Rewrite every encrypted field with the current key (old keys must be configured
    for reading). Returns how many rows were rewritten. One transaction: all or nothing."""
    sessions = async_sessionmaker(engine, expire_on_commit=False)
    count = 0
    async with sessions.begin() as s:
        for person in await s.scalars(select(PersonRow)):
            user_id = cipher.decrypt(person.user_id_enc) or ""
            person.lookup = cipher.lookup(f"{person.platform}\x00{user_id}")
            person.user_id_enc = cipher.encrypt(user_id) or b""
            person.handle_enc = cipher.encrypt(cipher.decrypt(person.handle_enc))
            person.draft_team_enc = cipher.encrypt(cipher.decrypt(person.draft_team_enc))
            count += 1
        for case in await s.scalars(select(CaseRow)):
            case.team_enc = cipher.encrypt(cipher.decrypt(case.team_enc))
            count += 1
        for note in await s.scalars(select(CaseNoteRow)):
            note.text_enc = cipher.encrypt(cipher.decrypt(note.text_enc)) or b""
            count += 1
    return count
