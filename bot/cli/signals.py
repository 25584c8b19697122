"""What `run` does on a signal: SIGTERM stops (once, however often it comes), SIGUSR1 shows
what the bot is waiting on. SIGHUP (the directory) is the reloader's."""

from __future__ import annotations

import asyncio
import faulthandler
import io
import logging
import os
import signal

log = logging.getLogger("soutien")
STOP_GRACE = 15  # seconds


def on_signals(loop: asyncio.AbstractEventLoop) -> asyncio.Event:
    """Install the handlers; the event is set at the first SIGTERM (the database wait,
    then the runtime, stop on it)."""
    stopping = asyncio.Event()
    loop.add_signal_handler(signal.SIGTERM, lambda: stop(stopping, loop))
    if hasattr(signal, "SIGUSR1"):  # an operator's view of what the bot is waiting on
        loop.add_signal_handler(signal.SIGUSR1, dump_tasks)
    return stopping


def stop(stopping: asyncio.Event, loop: asyncio.AbstractEventLoop) -> None:
    """SIGTERM: intake stops, the outbox drains (at most DRAIN_SECONDS), the process exits
    0; if that takes longer than STOP_GRACE, it exits anyway. A second SIGTERM (a
    supervisor that repeats it) changes nothing and is not logged again."""
    if stopping.is_set():
        return
    log.warning("SIGTERM: stopping")
    stopping.set()
    loop.call_later(STOP_GRACE, _exit_now)


def _exit_now() -> None:
    log.error("still running %d s after SIGTERM: exiting now", STOP_GRACE)
    dump_tasks()  # what held the stop, for whoever reads the log: tasks, then threads
    faulthandler.dump_traceback(all_threads=True)
    logging.shutdown()
    os._exit(1)


def dump_tasks() -> None:
    """Log every task's stack (SIGUSR1, and a stop that did not finish in time)."""
    for task in asyncio.all_tasks():
        out = io.StringIO()
        task.print_stack(limit=12, file=out)
        log.warning("task %s:\n%s", task.get_name(), out.getvalue())
