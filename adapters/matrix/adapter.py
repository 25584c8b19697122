"""Tchap / Matrix adapter on matrix-nio, end-to-end encrypted.

- one persistent device: credentials kept (encrypted) in the bot's database, the nio
  store on disk, pickled with its own random key kept wrapped by the secret key (picklekey.py);
  a lost store means a new device, said in the log
  (login.py); the device is cross-signed by the bot's own identity (crosssigning.py);
- no loss, no duplicate: our own sync token is saved only once the events before it are
  handled, the first sync after start is `full_state`, handled event ids are remembered
  (sync.py, receiving.py), and sends use transaction ids derived from the event that
  caused them (sending.py);
- undecryptable events: keys are requested and decryption retried; the person is told
  only after a grace period (receiving.py);
- about one message per second per room (Tchap's guidance), 429s honoured by nio;
- in a room the bot opens for someone, its first messages wait until they have joined:
  Element, excluding insecure devices, would not read them otherwise (waiting.py);
- reconnection with backoff and jitter, state changes logged, never message text.

Each concept is a layer over the previous one: base → login → rooms → sending →
waiting → receiving → sync → this class.
"""

from __future__ import annotations

from adapters.matrix.base import PLATFORM, MatrixOptions
from adapters.matrix.sync import SyncLoop

__all__ = ["MatrixAdapter", "MatrixOptions"]


class MatrixAdapter(SyncLoop):
    platform = PLATFORM

    @property
    def connected(self) -> bool:
        """The last sync with the homeserver succeeded (readiness)."""
        return self._connected
