"""A person on matrix-js-sdk and its Rust crypto (Element's stack), as a Node subprocess.

`tests/matrix/js/person.mjs` speaks JSON lines: our requests and its answers carry an id;
what it receives (messages, undecryptable events, invitations) arrives unasked.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import shutil
import time
from pathlib import Path
from typing import Any

from tests.processes import die_with_parent

JS = Path(__file__).resolve().parent / "js"
DRIVER = JS / "person.mjs"
INSTALLED = JS / "node_modules" / "matrix-js-sdk" / "package.json"


class JsPerson:
    def __init__(self, homeserver: str, user_id: str, password: str, folder: Path) -> None:
        self.homeserver = homeserver
        self.user_id = user_id
        self.password = password
        self.log_path = folder / f"{user_id.split(':')[0].lstrip('@')}.js.log"
        self.inbox: list[dict[str, Any]] = []
        self._ids = itertools.count(1)
        self._answers: dict[int, asyncio.Future[dict[str, Any]]] = {}
        self._process: asyncio.subprocess.Process | None = None
        self._reader: asyncio.Task[None] | None = None

    async def start(self) -> JsPerson:
        node = shutil.which("node")
        if node is None or not INSTALLED.exists():
            raise RuntimeError("node or matrix-js-sdk is missing: run `make test`")
        with self.log_path.open("ab") as log:
            self._process = await asyncio.create_subprocess_exec(
                node,
                str(DRIVER),
                stdin=asyncio.subprocess.PIPE,
                stdout=asyncio.subprocess.PIPE,
                stderr=log,
                cwd=JS,
                limit=2**22,
                preexec_fn=die_with_parent,  # even if pytest itself is killed
            )
        self._reader = asyncio.create_task(self._read())
        await self.call(
            "login",
            within=120,
            homeserver=self.homeserver,
            user=self.user_id,
            password=self.password,
        )
        return self

    async def _read(self) -> None:
        assert self._process is not None and self._process.stdout is not None
        while line := await self._process.stdout.readline():
            message = json.loads(line)
            future = self._answers.pop(message.get("id", -1), None)
            if future is not None and not future.done():
                future.set_result(message)
            elif "event" in message:
                self.inbox.append(message)
        for future in self._answers.values():  # the process is gone: nobody will answer
            if not future.done():
                future.set_exception(RuntimeError(f"js person exited; see {self.log_path}"))

    async def call(self, op: str, within: float = 60, **args: Any) -> dict[str, Any]:
        assert self._process is not None and self._process.stdin is not None
        request_id = next(self._ids)
        future: asyncio.Future[dict[str, Any]] = asyncio.get_running_loop().create_future()
        self._answers[request_id] = future
        self._process.stdin.write(json.dumps({"id": request_id, "op": op, **args}).encode() + b"\n")
        await self._process.stdin.drain()
        answer = await asyncio.wait_for(future, within)
        if not answer["ok"]:
            raise AssertionError(f"{self.user_id} {op} failed: {answer['error']}")
        return answer

    async def dm(self, other: str) -> str:
        """Start a chat as Element does, and wait until the other side joined."""
        room_id = str((await self.call("dm", user=other))["room_id"])
        await self.call("joined", within=70, room_id=room_id, user=other)
        return room_id

    async def say(self, room_id: str, text: str) -> str:
        """Send plain text; its event id."""
        return str((await self.call("send", room_id=room_id, text=text))["event_id"])

    async def reply(self, to: dict[str, Any], text: str) -> str:
        """Reply to a received message as Element's mobile apps do (quoted fallback)."""
        answer = await self.call("reply", room_id=to["room_id"], event_id=to["event_id"], text=text)
        return str(answer["event_id"])

    async def edit(self, room_id: str, event_id: str, text: str) -> str:
        """Edit one of our messages as Element does (`m.replace`, `m.new_content`)."""
        answer = await self.call("edit", room_id=room_id, event_id=event_id, text=text)
        return str(answer["event_id"])

    async def file(self, room_id: str, name: str) -> str:
        """Upload an encrypted file and send it as Element does in an encrypted room."""
        return str((await self.call("file", room_id=room_id, name=name))["event_id"])

    async def join(self, room_id: str) -> None:
        await self.call("join", room_id=room_id)

    async def expect(
        self, needle: str, within: float = 60, after: int = 0, kind: str = "message"
    ) -> dict[str, Any]:
        """The first event of `kind` (from index `after`) whose body or room name has `needle`."""
        deadline = time.monotonic() + within
        while time.monotonic() < deadline:
            for event in self.inbox[after:]:
                text = event.get("body") or event.get("room_name") or ""
                if event["event"] == kind and needle in text:
                    return event
            await asyncio.sleep(0.1)
        seen = [(e["event"], (e.get("body") or e.get("code") or "")[:80]) for e in self.inbox]
        raise AssertionError(f"{self.user_id} never got {kind} {needle!r}; got {seen}")

    def undecryptable(self) -> list[dict[str, Any]]:
        return [e for e in self.inbox if e["event"] == "undecryptable"]

    async def stop(self) -> None:
        process = self._process
        if process is None:
            return
        if process.returncode is None:
            with contextlib.suppress(Exception):
                await self.call("stop", within=5)
            try:
                await asyncio.wait_for(process.wait(), 10)
            except TimeoutError:
                process.kill()
                await process.wait()
        if self._reader is not None:
            self._reader.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._reader
