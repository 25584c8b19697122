"""Keep serving the last good directory while the file changes on disk."""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

from bot.directory.answer import Answers
from bot.directory.loader import DirectoryError, load
from bot.directory.search import Index

log = logging.getLogger(__name__)


class DirectoryReloader:
    """Reloads on demand (SIGHUP) or when the file's modification time changes."""

    def __init__(self, path: Path, answers: Answers) -> None:
        self.path = path
        self.answers = answers
        self._mtime = self._stat()

    def _stat(self) -> float | None:
        try:
            return self.path.stat().st_mtime
        except OSError:
            return None

    def reload(self) -> bool:
        """Swap in the new file if it is valid; otherwise keep the old one and say why,
        in one line (`soutien-bot directory check FILE` lists every problem)."""
        self._mtime = self._stat()
        try:
            index = Index(load(self.path))
        except DirectoryError as exc:
            more = f" (and {len(exc.errors) - 1} more)" if len(exc.errors) > 1 else ""
            first = exc.errors[0] if exc.errors else "invalid"
            log.warning(
                "directory reload refused, keeping the last good version: %s%s", first, more
            )
            return False
        except Exception as exc:  # noqa: BLE001 - whatever the file holds, the bot keeps serving
            log.warning(
                "directory reload refused, keeping the last good version: %s: %s",
                self.path,
                type(exc).__name__,
            )
            return False
        self.answers.index = index
        log.info("directory reloaded: %d resources", len(index.resources))
        return True

    def poll(self) -> bool | None:
        """Reload if the file changed since the last look; None when it did not."""
        if self._stat() == self._mtime:
            return None
        return self.reload()

    async def watch(self, every: float = 5.0) -> None:
        while True:
            await asyncio.sleep(every)
            self.poll()
