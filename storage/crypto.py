"""Field encryption at rest (AES-GCM) and keyed hashes (HMAC-SHA256) for look-ups."""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.hashes import SHA256
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

_VERSION = b"\x01"
_NONCE = 12


def _derive(secret: str, purpose: bytes) -> bytes:
    return HKDF(algorithm=SHA256(), length=32, salt=b"soutien-v1", info=purpose).derive(
        secret.encode()
    )


class FieldCipher:
    """Encrypts identifying fields and hashes them for equality look-ups.

    Older keys may be given for reading only, so a key can be rotated.
    """

    def __init__(self, secret: str, old_secrets: tuple[str, ...] = ()) -> None:
        if len(secret) < 16:
            raise ValueError("security.secret_key must be at least 16 characters")
        self._aead = AESGCM(_derive(secret, b"encrypt"))
        self._mac = _derive(secret, b"lookup")
        self._old = tuple(AESGCM(_derive(s, b"encrypt")) for s in old_secrets)
        self._old_macs = tuple(_derive(s, b"lookup") for s in old_secrets)

    @staticmethod
    def throwaway() -> FieldCipher:
        """A random key for the console demo, whose data do not outlive the process."""
        return FieldCipher(secrets.token_urlsafe(32))

    def lookup(self, value: str) -> str:
        """A keyed hash: equal values give equal hashes; the value cannot be recovered."""
        return hmac.new(self._mac, value.encode(), hashlib.sha256).hexdigest()

    @property
    def has_old_keys(self) -> bool:
        return bool(self._old)

    def old_lookups(self, value: str) -> list[str]:
        """The value's hash under each old key, newest first (for look-ups during rotation)."""
        return [hmac.new(m, value.encode(), hashlib.sha256).hexdigest() for m in self._old_macs]

    def is_current(self, blob: bytes | None) -> bool:
        """True when the field is absent or already encrypted with the current key."""
        if blob is None:
            return True
        try:
            self._aead.decrypt(blob[1 : 1 + _NONCE], blob[1 + _NONCE :], None)
            return True
        except InvalidTag:
            return False

    def recrypt(self, blob: bytes | None) -> bytes | None:
        """The same field under the current key (unchanged when it already is)."""
        return blob if self.is_current(blob) else self.encrypt(self.decrypt(blob))

    def encrypt(self, value: str | None) -> bytes | None:
        if value is None:
            return None
        nonce = os.urandom(_NONCE)
        return _VERSION + nonce + self._aead.encrypt(nonce, value.encode(), None)

    def decrypt(self, blob: bytes | None) -> str | None:
        if blob is None:
            return None
        nonce, body = blob[1 : 1 + _NONCE], blob[1 + _NONCE :]
        for aead in (self._aead, *self._old):
            try:
                return aead.decrypt(nonce, body, None).decode()
            except InvalidTag:  # written with another key: try the next one
                continue
        raise ValueError("a field could not be decrypted with any configured key")
