"""A terminal chat where one person plays several users (`/as alice`, `/who`).

When stdin is not a terminal, lines are read until end of input, so a whole
session can be scripted: `printf '/as alice\\ndemande\\n' | soutien-bot run`.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from pathlib import Path
from typing import TextIO

from bot.ids import Platform
from bot.locales import t
from bot.messages import Address, IncomingMessage, OutgoingMessage
from bot.ports import MessageHandler
from bot.text import valid_unicode

PLATFORM = Platform.CONSOLE


class ConsoleAdapter:
    platform = PLATFORM

    def __init__(
        self,
        stdin: TextIO | None = None,
        stdout: TextIO | None = None,
        first_user: str = "alice",
        known: tuple[str, ...] = (),
        images: Path | None = None,
    ) -> None:
        self.images = images  # where pictures are saved (default: the temp dir's soutien/)
        self.stdin = stdin or sys.stdin
        self.stdout = stdout or sys.stdout
        self.current = first_user
        self.known = known
        self._stopped = False

    def _print(self, text: str) -> None:
        self.stdout.write(text + "\n")
        self.stdout.flush()

    async def run(self, on_message: MessageHandler) -> None:
        interactive = self.stdin.isatty()
        reconfigure = getattr(self.stdin, "reconfigure", None)
        if reconfigure is not None:  # bytes that are not UTF-8 become U+FFFD, not a crash
            reconfigure(errors="replace")
        if interactive:
            self._print(t(None, "console_intro"))
        while not self._stopped:
            if interactive:
                self.stdout.write(f"{self.current}> ")
                self.stdout.flush()
            line = await asyncio.to_thread(self.stdin.readline)
            if not line:
                return
            await self._line(valid_unicode(line.rstrip("\r\n")), on_message)

    async def _line(self, line: str, on_message: MessageHandler) -> None:
        words = line.strip().split()
        if words[:1] == ["/as"] and len(words) == 2:
            self.current = words[1]
            self._print(t(None, "console_as", name=self.current))
            return
        if words[:1] == ["/who"]:
            others = ", ".join(self.known)
            self._print(t(None, "console_who", name=self.current, others=others))
            return
        if words[:1] == ["/quit"]:
            self._stopped = True
            return
        sender = Address(PLATFORM, self.current)
        await on_message(IncomingMessage(sender, line, handle=self.current))

    async def send(self, message: OutgoingMessage) -> None:
        text = message.text
        if message.buttons:
            text += "\n" + "  ".join(f"[{b.label}]" for b in message.buttons)
        self._print(f"[→ {message.to.user_id}] {text}")

    async def send_image(self, message: OutgoingMessage) -> None:
        """A terminal shows no picture: the image is saved and its path printed."""
        assert message.image is not None
        folder = self.images or Path(tempfile.gettempdir()) / "soutien"
        path = folder / message.image.name
        await asyncio.to_thread(_save, path, message.image.data)
        self._print(f"[→ {message.to.user_id}] {message.text} : {path}")

    async def stop(self) -> None:
        self._stopped = True


def _save(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
