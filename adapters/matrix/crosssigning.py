"""The bot's cross-signing identity: it vouches for its own device, as Element expects.

Since Element excludes devices not signed by their owner ("exclude insecure devices",
MSC4153), an unsigned bot neither receives room keys from such clients nor is read by
them. nio has no cross-signing API (matrix-nio#229); the protocol is small:

- three ed25519 keys: master (the identity people pin), self-signing (signs our devices)
  and user-signing (would sign other people's master keys); the master key signs the two
  others, everything over canonical JSON, keys and signatures in **unpadded** base64
  (Element's Rust crypto silently drops padded ones);
- uploaded once with `/keys/device_signing/upload`, then every device of ours is signed
  by the self-signing key with `/keys/signatures/upload`.

The private keys are kept in the adapter state (encrypted at rest by the store), so the
identity survives restarts, new logins and a lost device store. It is never replaced
silently: if the server shows a master key other than ours, we say so and stop there.
"""

from __future__ import annotations

import base64
import json
import logging
from dataclasses import dataclass
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from nio import AsyncClient

from bot.ports import KeyValue

log = logging.getLogger(__name__)
NS = "matrix.crosssigning"
_ROLES = ("master", "self_signing", "user_signing")


class CrossSigningError(RuntimeError):
    """The homeserver refused a cross-signing request."""


def unpadded(data: bytes) -> str:
    return base64.b64encode(data).decode().rstrip("=")


def canonical(obj: dict[str, Any]) -> bytes:
    """Matrix canonical JSON of an object, without its signatures and unsigned parts."""
    rest = {k: v for k, v in obj.items() if k not in ("signatures", "unsigned")}
    return json.dumps(rest, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode()


def fingerprint(public_key: str) -> str:
    """A public key as people compare it: blocks of four characters."""
    return " ".join(public_key[i : i + 4] for i in range(0, len(public_key), 4))


@dataclass(frozen=True)
class Identity:
    """The three private keys; public keys are derived."""

    master: Ed25519PrivateKey
    self_signing: Ed25519PrivateKey
    user_signing: Ed25519PrivateKey

    @staticmethod
    def generate() -> Identity:
        return Identity(*(Ed25519PrivateKey.generate() for _ in _ROLES))

    @staticmethod
    def from_json(text: str) -> Identity:
        seeds = json.loads(text)
        keys = (Ed25519PrivateKey.from_private_bytes(_decode(seeds[r])) for r in _ROLES)
        return Identity(*keys)

    def to_json(self) -> str:
        return json.dumps({r: unpadded(getattr(self, r).private_bytes_raw()) for r in _ROLES})

    @staticmethod
    def public(key: Ed25519PrivateKey) -> str:
        return unpadded(key.public_key().public_bytes_raw())

    def key_object(self, user_id: str, role: str) -> dict[str, Any]:
        """The public key as uploaded; the master key signs the self- and user-signing ones."""
        key = getattr(self, role)
        public = self.public(key)
        obj: dict[str, Any] = {
            "user_id": user_id,
            "usage": [role],
            "keys": {f"ed25519:{public}": public},
        }
        if role != "master":
            sign(obj, user_id, self.master)
        return obj


def sign(obj: dict[str, Any], user_id: str, key: Ed25519PrivateKey) -> dict[str, Any]:
    """Add our signature by `key` to a JSON object (in place), and return it."""
    signature = unpadded(key.sign(canonical(obj)))
    key_id = f"ed25519:{Identity.public(key)}"
    obj.setdefault("signatures", {}).setdefault(user_id, {})[key_id] = signature
    return obj


def _decode(text: str) -> bytes:
    return base64.b64decode(text + "=" * (-len(text) % 4))


async def load_identity(state: KeyValue) -> Identity | None:
    saved = await state.get(NS, "identity")
    return Identity.from_json(saved) if saved else None


async def stored_master_key(state: KeyValue) -> str | None:
    """The public master key we hold, for `soutien-bot matrix identity`."""
    identity = await load_identity(state)
    return Identity.public(identity.master) if identity else None


class CrossSigning:
    """Create or restore the identity, upload it when the server lacks it, sign our device."""

    def __init__(self, client: AsyncClient, state: KeyValue, password: str | None) -> None:
        self.client = client
        self.state = state
        self.password = password

    @property
    def user_id(self) -> str:
        return str(self.client.user_id)

    async def ensure(self) -> bool:
        """True once our device is signed by an identity we hold; False if we must not act."""
        server = await self._query()
        identity = await load_identity(self.state)
        on_server = _public_of(server.get("master_keys", {}).get(self.user_id))
        if identity is None:
            if on_server is not None:
                log.error(
                    "matrix: the account already has a cross-signing identity that this bot "
                    "does not hold (database lost or restored elsewhere?); not replacing it: "
                    "the bot's device stays unsigned"
                )
                return False
            identity = Identity.generate()
            await self.state.put(NS, "identity", identity.to_json())  # before any upload
            log.info("matrix: created a cross-signing identity")
        mine = Identity.public(identity.master)
        if on_server is not None and on_server != mine:
            log.error(
                "matrix: the server shows a master key (%s) other than ours (%s); not "
                "overwriting it: the bot's device stays unsigned",
                fingerprint(on_server),
                fingerprint(mine),
            )
            return False
        ssk_on_server = _public_of(server.get("self_signing_keys", {}).get(self.user_id))
        if on_server is None or ssk_on_server != Identity.public(identity.self_signing):
            if not await self._upload(identity):
                return False
            log.info("matrix: cross-signing identity uploaded (master %s)", fingerprint(mine))
        device = server.get("device_keys", {}).get(self.user_id, {}).get(self.client.device_id)
        if device is None:
            raise CrossSigningError("our device keys are not on the server yet")
        ssk_id = f"ed25519:{Identity.public(identity.self_signing)}"
        if ssk_id not in device.get("signatures", {}).get(self.user_id, {}):
            await self._sign_device(device, identity)
            log.info("matrix: device %s signed by the bot's identity", self.client.device_id)
        return True

    async def _query(self) -> dict[str, Any]:
        return await self._call(
            "/_matrix/client/v3/keys/query", {"device_keys": {self.user_id: []}}
        )

    async def _upload(self, identity: Identity) -> bool:
        """Publish the three public keys; False when the server wants a password we lack."""
        body = {
            "master_key": identity.key_object(self.user_id, "master"),
            "self_signing_key": identity.key_object(self.user_id, "self_signing"),
            "user_signing_key": identity.key_object(self.user_id, "user_signing"),
        }
        path = "/_matrix/client/v3/keys/device_signing/upload"
        status, answer = await self._post(path, body)
        if status == 401 and "session" in answer:  # interactive auth: our password
            if not self.password:
                log.error("matrix: cross-signing needs the password (set matrix.password)")
                return False
            body["auth"] = {
                "type": "m.login.password",
                "identifier": {"type": "m.id.user", "user": self.user_id},
                "password": self.password,
                "session": answer["session"],
            }
            status, answer = await self._post(path, body)
        if status != 200:
            raise CrossSigningError(
                f"device_signing/upload refused ({status} {answer.get('errcode')})"
            )
        return True

    async def _sign_device(self, device: dict[str, Any], identity: Identity) -> None:
        signed = {k: v for k, v in device.items() if k != "unsigned"}
        signed["signatures"] = {u: dict(s) for u, s in device.get("signatures", {}).items()}
        sign(signed, self.user_id, identity.self_signing)
        body = {self.user_id: {self.client.device_id: signed}}
        answer = await self._call("/_matrix/client/v3/keys/signatures/upload", body)
        if answer.get("failures"):
            raise CrossSigningError(f"signature refused: {json.dumps(answer['failures'])[:300]}")

    async def _call(self, path: str, body: dict[str, Any]) -> dict[str, Any]:
        status, answer = await self._post(path, body)
        if status != 200:
            raise CrossSigningError(f"{path} refused ({status} {answer.get('errcode')})")
        return answer

    async def _post(self, path: str, body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        headers = {
            "Authorization": f"Bearer {self.client.access_token}",
            "Content-Type": "application/json",
        }
        response = await self.client.send("POST", path, json.dumps(body), headers)
        async with response:
            answer = await response.json(content_type=None)
        return response.status, answer if isinstance(answer, dict) else {}


def _public_of(key_object: dict[str, Any] | None) -> str | None:
    if not key_object:
        return None
    keys = list(key_object.get("keys", {}).values())
    return str(keys[0]) if keys else None
