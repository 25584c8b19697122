"""Processes started by the tests die with the test run, however it ends.

Fixtures stop what they start on failure and on Ctrl-C (their `finally` runs); a test run
that is killed outright (SIGKILL, a CI job cancelled, pytest-timeout's thread method) runs
no `finally` at all, so each child also asks the kernel to be sent SIGTERM when the test
process dies (Linux `PR_SET_PDEATHSIG`; elsewhere only the fixtures' own stopping applies).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import signal
import sys

_PR_SET_PDEATHSIG = 1


def die_with_parent() -> None:
    """A `preexec_fn`: runs in the child between fork and exec."""
    if not sys.platform.startswith("linux"):
        return
    libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
    libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
