"""`soutien-bot`: the command line. One module per concept: the grammar (`parser`), the
composition root (`compose`, which runs the bot), server-side administration (`admin`),
the configuration's tools (`config`) and the directory's (`bot.directory.cli`)."""

from __future__ import annotations

import asyncio
import logging
import os
import sys
from pathlib import Path

from bot.directory import DirectoryError
from bot.logformat import configure as configure_logs
from bot.logs import install as install_log_hygiene
from bot.settings import ConfigError
from bot.settings import load as load_settings

log = logging.getLogger("soutien")
__all__ = ["main"]


def config_path(given: str | None) -> Path | None:
    """--config, else $SOUTIEN_CONFIG, else ./soutien.yaml if there is one. An explicit empty
    --config (an unset variable in a script) is an error, not another configuration."""
    if given is not None and not given.strip():
        raise ConfigError(
            "--config: the path is empty (an unset variable?): name the file, "
            "or leave --config out to use $SOUTIEN_CONFIG or ./soutien.yaml"
        )
    given = given or os.environ.get("SOUTIEN_CONFIG")
    if given:
        return Path(given)
    default = Path("soutien.yaml")
    return default if default.exists() else None


def main(argv: list[str] | None = None) -> int:
    from bot.cli.parser import parser

    args = parser().parse_args(argv)
    install_log_hygiene()
    level = os.environ.get("SOUTIEN_LOG_LEVEL", "WARNING").upper()
    if not isinstance(logging.getLevelName(level), int):
        print(f"soutien-bot: SOUTIEN_LOG_LEVEL: unknown level {level!r}", file=sys.stderr)
        return 2
    configure_logs(level)
    try:
        return _command(args, level)
    except ConfigError as exc:
        for line in str(exc).splitlines():
            print(f"soutien-bot: {line}", file=sys.stderr)
        return 2
    except DirectoryError as exc:
        print(f"soutien-bot: invalid directory, not starting:\n{exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # one line for the operator; the traceback only in debug logs
        log.debug("stopped by an error", exc_info=True)
        first = (str(exc).strip().splitlines() or [""])[0][:300]
        print(f"soutien-bot: {type(exc).__name__}: {first}", file=sys.stderr)
        return 1


def _command(args: object, level: str) -> int:
    import argparse

    assert isinstance(args, argparse.Namespace)
    if args.command == "directory":
        from bot.cli.directory import directory

        return directory(args)
    if args.command == "config":
        from bot.cli import config

        return config.command(args)
    if args.command == "keys" and args.action == "new":
        from bot.cli.admin import new_key

        print(new_key())
        return 0
    settings = load_settings(config_path(args.config))
    configure_logs(level, settings.log.format)
    from bot.cli import admin, compose

    if args.command == "db":
        return admin.db_upgrade(settings)
    if args.command == "keys":
        return asyncio.run(admin.rotate_keys(settings))
    if args.command == "audit":
        return asyncio.run(admin.audit(args, settings))
    if args.command == "matrix":
        return asyncio.run(admin.matrix_identity(settings))
    if args.command == "stats":
        return asyncio.run(admin.stats(args, settings))
    cipher = compose.cipher_of(settings)  # before the database is touched
    compose.prepare_database(settings)
    asyncio.run(compose.run(settings, cipher))
    return 0
