"""The sync loop: reconnects with backoff and jitter, keeps encryption going, and only
queues what it receives (handling runs in its own worker, see receiving.py).

Our own sync token is saved only once the events before it are handled (a checkpoint
in the worker's queue), and the first sync after start is `full_state` (nio does not
persist room state).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging

import aiohttp
from nio import SyncError, SyncResponse

from adapters.matrix.base import NS, PLATFORM, Checkpoint
from adapters.matrix.crosssigning import CrossSigning, CrossSigningError
from adapters.matrix.login import LoginRefused
from adapters.matrix.receiving import Receiving
from bot import metrics
from bot.backoff import Backoff
from bot.ports import MessageHandler

log = logging.getLogger(__name__)


class SyncLoop(Receiving):
    async def run(self, on_message: MessageHandler) -> None:
        """Log in, sync and hand events over until stopped; start-up failures (an
        unreachable homeserver, a refused login) are retried like any disconnection."""
        await self._load_waiting()
        worker = asyncio.create_task(self._work(on_message))
        try:
            await self._sync_forever()
        finally:
            worker.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await worker

    async def _sync_forever(self) -> None:
        backoff = Backoff(base=1.0, cap=self.options.max_backoff)
        first = True
        while not self._stopping.is_set():
            try:
                if self.client is None:
                    self.client = await self._login()
                # In memory: where the last sync ended. In the database: where the
                # handled events end (a restart starts there; handled ids drop repeats).
                since = self._position or await self.state.get(NS, "sync_token")
                response = await self.client.sync(
                    timeout=0 if first else self.options.sync_timeout_ms,
                    since=since,
                    full_state=first,
                )
                if isinstance(response, SyncError):
                    raise ConnectionError(f"sync refused: {response.status_code}")
            except (OSError, TimeoutError, ConnectionError, aiohttp.ClientError) as exc:
                await self._wait_after(backoff, "homeserver unreachable", exc)
                continue
            except LoginRefused as exc:  # its cause and the variable at fault, retried
                await self._wait_after(backoff, "login failed", exc, level=logging.ERROR)
                continue
            except RuntimeError as exc:
                await self._wait_after(backoff, "login failed", exc)
                continue
            if backoff.failures or first:
                log.info("matrix: connected (after %d failed attempts)", backoff.failures)
            backoff.reset()
            first = False
            self._connected = True
            self._position = response.next_batch
            await self._after_sync(response)
            self._synced.set()

    async def _wait_after(
        self, backoff: Backoff, what: str, exc: BaseException, level: int = logging.WARNING
    ) -> None:
        self._connected = False
        metrics.RECONNECTS.labels(PLATFORM).inc()
        delay = backoff.next_delay()
        why = str(exc) if isinstance(exc, LoginRefused) else type(exc).__name__
        log.log(level, "matrix: %s: %s; retrying in %.1f s", what, why, delay)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._stopping.wait(), delay)

    async def _after_sync(self, response: SyncResponse) -> None:
        client = self.client
        assert client is not None
        if client.should_upload_keys:
            await client.keys_upload()
        if not self._cross_signed:
            await self._cross_sign()
        if client.should_query_keys:
            await client.keys_query()
        if client.should_claim_keys:
            await client.keys_claim(client.get_users_for_key_claiming())
        await client.send_to_device_messages()
        for room_id, info in response.rooms.invite.items():
            await self._invited(room_id, info.invite_state)
        for room_id, info in response.rooms.join.items():
            for event in info.timeline.events:
                await self._event(room_id, event)
        await self._check_waiting(response)
        await self._retry_undecrypted()
        await self._queue.put(Checkpoint(response.next_batch))

    async def _cross_sign(self) -> None:
        """Once our device keys are on the server: vouch for the device (retried until done)."""
        assert self.client is not None
        try:
            await CrossSigning(self.client, self.state, self.options.password).ensure()
            self._cross_signed = True  # done, or refused for a reason logged as an error
        except (CrossSigningError, OSError, TimeoutError, aiohttp.ClientError) as exc:
            log.warning("matrix: cross-signing not done yet (%s); retrying later", exc)

    async def stop(self) -> None:
        self._stopping.set()
        for task in list(self._background):  # what waits is in the database: nothing lost
            task.cancel()
        if self.client is not None:
            await self.client.close()
