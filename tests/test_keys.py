"""Key rotation, end to end on SQLite and PostgreSQL: a returning person, adapter state,
the Matrix store's own key; idempotent, resumable, never a UNIQUE error."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from sqlalchemy import func, select, update

from adapters.matrix.picklekey import pickle_key
from bot.ids import Platform
from bot.messages import Address
from storage.crypto import FieldCipher
from storage.keys import report_rotation, rotate
from storage.keyvalue import SqlKeyValue
from storage.store import SqlStore
from storage.tables import CaseRow, KeyValueRow, PersonRow
from tests.conftest import SECRET, StoppableDatabase
from tests.harness import Chat

NEW = "a-brand-new-secret-key-1234567"
ROOT = str(Path(__file__).resolve().parent.parent)
ALICE = Address(Platform.CONSOLE, "alice")
CREDS = json.dumps({"user_id": "@bot:x", "device_id": "DEV", "access_token": "syt_token"})


def rotating() -> FieldCipher:
    return FieldCipher(NEW, old_secrets=(SECRET,))


async def count(store: SqlStore, row: type) -> int:
    async with store.sessions() as s:
        return int(await s.scalar(select(func.count()).select_from(row)) or 0)


async def state_under_old_key(store: SqlStore) -> None:
    kv = SqlKeyValue(store.engine, store.cipher)
    await kv.put("matrix", "credentials", CREDS)
    await kv.put("matrix.dm", "@alice:x", "!room:x", owner=Address(Platform.MATRIX, "@alice:x"))
    await kv.put("mattermost", "channels", '{"a": "b"}')


async def returns(store: SqlStore, chat: Chat, ref: str) -> None:
    """Alice writes again: recognised, her open case reachable, no duplicate."""
    persons = await count(store, PersonRow)
    out = await chat.deliver("alice", "demande")
    assert any(ref in m.text for m in out), [m.text for m in out]  # "tu as déjà une demande"
    person = await store.person(ALICE, chat.clock.now())
    case = await store.open_case_of(person.id)
    assert case is not None and case.ref == ref and case.team == "DINUM"
    assert await count(store, PersonRow) == persons and await count(store, CaseRow) == 1


async def test_old_key_configured_before_rotate(any_store: SqlStore) -> None:
    ref = await Chat(any_store).request("alice", team="DINUM")
    await state_under_old_key(any_store)
    during = SqlStore(any_store.engine, rotating())
    await returns(during, Chat(during), ref)  # re-hashed on the fly
    kv = SqlKeyValue(any_store.engine, rotating())
    assert await kv.get("matrix", "credentials") == CREDS  # moved to the new key on read
    report = await rotate(any_store.engine, rotating())
    assert report.complete and report.tables["persons"].merged == 0
    after = SqlStore(any_store.engine, FieldCipher(NEW))
    await returns(after, Chat(after), ref)
    assert await SqlKeyValue(any_store.engine, FieldCipher(NEW)).get("matrix.dm", "@alice:x")


async def test_rotate_then_drop_the_old_key(any_store: SqlStore) -> None:
    ref = await Chat(any_store).request("alice", team="DINUM")
    await state_under_old_key(any_store)
    lines: list[str] = []
    report = await rotate(any_store.engine, rotating(), lines.append)
    assert report.complete
    assert report.tables["persons"].rewritten == 1 and report.tables["cases"].rewritten == 1
    assert report.tables["kv"].rewritten == 3
    assert lines[-1] == "kv: 3/3" and "persons: 1/1" in lines  # progress
    after = SqlStore(any_store.engine, FieldCipher(NEW))  # the old key is gone
    await returns(after, Chat(after), ref)
    kv = SqlKeyValue(any_store.engine, FieldCipher(NEW))
    assert await kv.get("matrix", "credentials") == CREDS
    assert await kv.get("matrix.dm", "@alice:x") == "!room:x"
    assert await kv.get("mattermost", "channels") == '{"a": "b"}'
    assert await kv.forget(Address(Platform.MATRIX, "@alice:x")) == 1  # the owner follows the key
    out = io.StringIO()
    assert report_rotation(report, out) == 0
    assert "persons: 1 rewritten" in out.getvalue() and "kv: 3 rewritten" in out.getvalue()


async def test_rotate_is_idempotent(any_store: SqlStore) -> None:
    await Chat(any_store).request("alice", team="DINUM")
    await state_under_old_key(any_store)
    await rotate(any_store.engine, rotating())
    again = await rotate(any_store.engine, rotating())
    assert again.complete
    assert {t: r.rewritten for t, r in again.tables.items()} == {
        "persons": 0,
        "cases": 0,
        "case_notes": 0,
        "kv": 0,
    }
    assert {t: r.current for t, r in again.tables.items()} == {
        "persons": 1,
        "cases": 1,
        "case_notes": 0,
        "kv": 3,
    }


async def test_a_rotation_killed_half_way_is_finished_by_the_next(any_store: SqlStore) -> None:
    chat = Chat(any_store)
    refs = [await chat.request(user, team="DINUM") for user in ("alice", "bob", "chloe")]
    await state_under_old_key(any_store)
    seen: list[str] = []

    def crash(line: str) -> None:
        seen.append(line)
        if line.startswith("persons: 2/"):
            raise KeyboardInterrupt  # the operator's Ctrl-C, the OOM killer

    with pytest.raises(KeyboardInterrupt):
        await rotate(any_store.engine, rotating(), crash, batch=1)
    mixed = SqlStore(any_store.engine, rotating())  # half old, half new: all readable
    for user, ref in zip(("alice", "bob", "chloe"), refs, strict=True):
        person = await mixed.person(Address(Platform.CONSOLE, user), chat.clock.now())
        case = await mixed.open_case_of(person.id)
        assert case is not None and case.ref == ref
    report = await rotate(any_store.engine, rotating(), batch=1)
    assert report.complete
    after = SqlStore(any_store.engine, FieldCipher(NEW))
    for user, ref in zip(("alice", "bob", "chloe"), refs, strict=True):
        person = await after.person(Address(Platform.CONSOLE, user), chat.clock.now())
        case = await after.open_case_of(person.id)
        assert case is not None and case.ref == ref and case.team == "DINUM"
    assert await count(after, PersonRow) == 3


async def test_a_stranger_twin_is_merged_not_a_unique_error(any_store: SqlStore) -> None:
    """The bad order: the new key alone, so alice came back as a stranger; then rotate."""
    ref = await Chat(any_store).request("alice", team="DINUM")
    only_new = SqlStore(any_store.engine, FieldCipher(NEW))
    await Chat(only_new).deliver("alice", "bonjour")  # a twin row, no case of its own
    assert await count(any_store, PersonRow) == 2
    report = await rotate(any_store.engine, rotating())
    assert report.complete and report.tables["persons"].merged == 1
    assert any("merged" in note for note in report.notes)
    after = SqlStore(any_store.engine, FieldCipher(NEW))
    await returns(after, Chat(after), ref)
    assert await count(after, PersonRow) == 1


async def test_twins_with_an_open_case_each_are_left_with_a_line(any_store: SqlStore) -> None:
    await Chat(any_store).request("alice", team="DINUM")
    only_new = SqlStore(any_store.engine, FieldCipher(NEW))
    await Chat(only_new).request("alice", team="DINUM")
    report = await rotate(any_store.engine, rotating())
    assert not report.complete and report.tables["persons"].skipped == 1
    out = io.StringIO()
    assert report_rotation(report, out) == 1
    assert "open case each" in out.getvalue() and "alice" not in out.getvalue()


async def test_kv_written_again_under_the_new_key_keeps_the_newer(any_store: SqlStore) -> None:
    await SqlKeyValue(any_store.engine, any_store.cipher).put("matrix", "sync_token", "s1")
    await SqlKeyValue(any_store.engine, FieldCipher(NEW)).put("matrix", "sync_token", "s2")
    report = await rotate(any_store.engine, rotating())
    assert report.complete and report.tables["kv"].merged == 1
    assert await SqlKeyValue(any_store.engine, FieldCipher(NEW)).get("matrix", "sync_token") == "s2"
    assert await count(any_store, KeyValueRow) == 1


async def test_matrix_store_key_survives_rotation(any_store: SqlStore, tmp_path: Path) -> None:
    """The nio store is pickled with a random key wrapped by the secret: after rotation the
    same key comes back, and the store opens with the same device keys."""
    from nio import AsyncClient, AsyncClientConfig

    store_path = tmp_path / "store"
    store_path.mkdir()

    def client(key: str) -> AsyncClient:
        config = AsyncClientConfig(encryption_enabled=True, pickle_key=key)
        return AsyncClient(
            "http://127.0.0.1:1", "@bot:x", store_path=str(store_path), config=config
        )

    kv = SqlKeyValue(any_store.engine, any_store.cipher)
    key = await pickle_key(kv, store_path, derived="derived-from-the-old-secret")
    assert key != "derived-from-the-old-secret"  # no store yet: drawn at random
    first = client(key)
    first.restore_login("@bot:x", "DEV", "token")
    identity = first.olm.account.identity_keys
    await first.close()
    assert await rotate(any_store.engine, rotating())
    kv_after = SqlKeyValue(any_store.engine, FieldCipher(NEW))
    again = await pickle_key(kv_after, store_path, derived="derived-from-the-new-secret")
    assert again == key
    second = client(again)
    second.restore_login("@bot:x", "DEV", "token")
    assert second.olm.account.identity_keys == identity
    await second.close()


async def test_an_existing_store_adopts_its_derived_key(
    any_store: SqlStore, tmp_path: Path
) -> None:
    (tmp_path / "@bot:x_DEV.db").write_bytes(b"")
    kv = SqlKeyValue(any_store.engine, any_store.cipher)
    assert await pickle_key(kv, tmp_path, derived="derived") == "derived"
    assert await pickle_key(kv, tmp_path, derived="other") == "derived"  # kept from now on


async def test_adapter_rows_from_before_stored_keys(any_store: SqlStore) -> None:
    """Rows written before `kv.key_enc` existed: re-encrypted by `keys rotate`, and moved to
    the new key at their next read while the old key is configured."""
    await state_under_old_key(any_store)
    async with any_store.sessions.begin() as s:
        await s.execute(update(KeyValueRow).values(key_enc=None, owner_hash=None))
    report = await rotate(any_store.engine, rotating())
    assert report.legacy == 3 and report.complete
    assert any("predate stored keys" in line for line in report.lines())
    assert await SqlKeyValue(any_store.engine, rotating()).get("matrix", "credentials") == CREDS
    after = SqlKeyValue(any_store.engine, FieldCipher(NEW))
    assert await after.get("matrix", "credentials") == CREDS  # moved at the read above
    assert (await rotate(any_store.engine, rotating())).legacy == 2  # the others wait


def test_cli_rotation_without_the_old_key_then_with_it(tmp_path: Path) -> None:
    """The operator forgets `old_secret_keys`: lines, exit 1, nothing lost; then fixes it."""
    import asyncio
    import os
    import subprocess
    import sys

    from tests.conftest import make_store

    url = f"sqlite+aiosqlite:///{tmp_path / 'ops.db'}"

    async def scenario() -> None:
        store = await make_store(url)
        await Chat(store).request("alice", team="DINUM")
        await state_under_old_key(store)
        await store.engine.dispose()

    asyncio.run(scenario())
    env = {k: v for k, v in os.environ.items() if not k.startswith("SOUTIEN_")}
    env |= {"SOUTIEN_STORAGE__URL": url, "SOUTIEN_SECURITY__SECRET_KEY": NEW}

    def cli(**extra: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "bot", "keys", "rotate"],
            capture_output=True,
            text=True,
            cwd=tmp_path,
            env=env | extra,
            timeout=60,
        )

    forgot = cli()  # refused before anything moves: the key check sees the old key's data
    assert forgot.returncode == 2 and "Traceback" not in forgot.stdout + forgot.stderr
    lines = forgot.stderr.strip().splitlines()
    assert len(lines) == 1 and "SOUTIEN_SECURITY__SECRET_KEY: not the key" in lines[0]
    assert "SOUTIEN_SECURITY__OLD_SECRET_KEYS" in lines[0] and "alice" not in forgot.stdout
    fixed = cli(SOUTIEN_SECURITY__OLD_SECRET_KEYS=f'["{SECRET}"]')
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr
    assert "persons: 1 rewritten" in fixed.stdout and "kv: 3 rewritten" in fixed.stdout

    async def check() -> None:
        from storage.database import create_engine

        engine = create_engine(url)
        kv = SqlKeyValue(engine, FieldCipher(NEW))
        assert await kv.get("matrix", "credentials") == CREDS
        await engine.dispose()

    asyncio.run(check())


async def test_cli_rotation_refuses_an_empty_postgres_database(
    stoppable_database: StoppableDatabase,
) -> None:
    """A URL naming the wrong (empty) database: refused, and no schema left in it (QA 3)."""
    import asyncio
    import os
    import subprocess
    import sys

    from sqlalchemy import text

    from storage.database import create_engine

    env = {k: v for k, v in os.environ.items() if not k.startswith("SOUTIEN_")}
    env |= {"SOUTIEN_STORAGE__URL": stoppable_database.url, "SOUTIEN_SECURITY__SECRET_KEY": NEW}
    env["PYTHONPATH"] = ROOT  # this checkout's code
    done = await asyncio.to_thread(
        subprocess.run,
        [sys.executable, "-m", "bot", "keys", "rotate"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert done.returncode == 2, done.stdout + done.stderr
    assert "holds no Soutien database" in done.stderr and "right database" in done.stderr
    engine = create_engine(stoppable_database.url)
    async with engine.connect() as conn:
        query = "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"
        assert (await conn.execute(text(query))).scalar_one() == 0
    await engine.dispose()
