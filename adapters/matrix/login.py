"""One device for the bot's whole life: restored from the database, or logged in once."""

from __future__ import annotations

import json
import logging
from typing import Any

from nio import AsyncClient, AsyncClientConfig, ErrorResponse, LoginResponse, WhoamiResponse

from adapters.matrix.base import NS, MatrixBase
from adapters.matrix.picklekey import pickle_key

log = logging.getLogger(__name__)
PASSWORD = "SOUTIEN_MATRIX__PASSWORD"
TOKEN = "SOUTIEN_MATRIX__ACCESS_TOKEN"


class LoginRefused(RuntimeError):
    """The homeserver refused the bot's credentials: the message says which variable, and
    the homeserver's own errcode and words (the sync loop logs it and tries again)."""


def _said(response: object) -> str:
    """The homeserver's errcode and error text, as it sent them (one line)."""
    if not isinstance(response, ErrorResponse):
        return type(response).__name__
    text = " ".join(str(response.message or "").split())[:200]
    code = response.status_code or "no errcode"
    return f"{code}: {text}" if text else str(code)


class Login(MatrixBase):
    async def _new_client(self) -> AsyncClient:
        key = await pickle_key(self.state, self.options.store_path, self.options.pickle_key)
        config = AsyncClientConfig(
            encryption_enabled=True,
            store_sync_tokens=False,
            pickle_key=key,
            max_timeouts=0,  # our loop reconnects, with jitter, and says so
            request_timeout=self.options.sync_timeout_ms / 1000 + 30,
        )
        self.options.store_path.mkdir(mode=0o700, parents=True, exist_ok=True)
        return AsyncClient(
            self.options.homeserver,
            self.options.user_id,
            store_path=str(self.options.store_path),
            config=config,
        )

    async def _login(self) -> AsyncClient:
        """Restore the one device we have, or log in once and remember it; a failed
        attempt closes its client (the sync loop tries again after a back-off)."""
        client = await self._new_client()
        try:
            client = await self._restore_or_login(client)
            _keys_kept_before_upload(client)
            return client
        except BaseException:
            await client.close()
            raise

    async def _restore_or_login(self, client: AsyncClient) -> AsyncClient:
        saved = await self.state.get(NS, "credentials")
        if saved:
            creds = json.loads(saved)
            store = self.options.store_path / f"{creds['user_id']}_{creds['device_id']}.db"
            if store.exists():
                client.restore_login(creds["user_id"], creds["device_id"], creds["access_token"])
                log.info("matrix: restored device %s", creds["device_id"])
                return client
            log.warning(
                "matrix: the encryption store of device %s is missing; logging in "
                "as a new device (old encrypted history is unreadable)",
                creds["device_id"],
            )
        if self.options.access_token and not saved:
            client.access_token = self.options.access_token
            who = await client.whoami()
            if isinstance(who, WhoamiResponse) and who.device_id:
                await self._remember(who.user_id, who.device_id, self.options.access_token)
                client.restore_login(who.user_id, who.device_id, self.options.access_token)
                return client
            refused = f"the homeserver refused {TOKEN} ({_said(who)})"
            if not self.options.password:
                raise LoginRefused(f"{refused}: check it, or set {PASSWORD} instead")
            log.error("matrix: %s; logging in with %s instead", refused, PASSWORD)
        if not self.options.password:
            raise LoginRefused(f"no usable credentials: set {PASSWORD}")
        response = await client.login(self.options.password, device_name=self.options.device_name)
        if not isinstance(response, LoginResponse):
            raise LoginRefused(
                f"the homeserver refused the login with {PASSWORD} ({_said(response)}): "
                "check it and matrix.user_id"
            )
        await self._remember(response.user_id, response.device_id, response.access_token)
        log.info("matrix: logged in as a new device %s", response.device_id)
        return client

    async def _remember(self, user: str, device: str, token: str) -> None:
        """Keep the device for life (in the database, encrypted like every value)."""
        creds = {"user_id": user, "device_id": device, "access_token": token}
        await self.state.put(NS, "credentials", json.dumps(creds))


def _keys_kept_before_upload(client: AsyncClient) -> None:
    """nio makes new one-time keys while preparing their upload, and stores them only
    once the server has answered: a SIGKILL in between (a failover) would leave keys on
    the server whose private halves no store holds, and whoever claims one would send
    room keys nobody can read. So the account is stored as soon as they are made (an
    upload repeated after a restart is the same keys, which the server accepts)."""
    olm = client.olm
    if olm is None:
        return
    share = olm.share_keys

    def share_then_store() -> dict[str, Any]:
        keys: dict[str, Any] = share()
        olm.save_account()
        return keys

    olm.share_keys = share_then_store
