"""`soutien-bot directory check|schema|search`, on the shipped directory by default."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bot.configuration import shipped_directory
from bot.directory import cli


def directory(args: argparse.Namespace) -> int:
    if args.action == "check":
        return cli.check(Path(args.file) if args.file else shipped_directory(), sys.stdout)
    if args.action == "schema":
        return cli.schema(sys.stdout)
    try:
        return cli.search(
            Path(args.directory) if args.directory else shipped_directory(),
            args.query,
            args.at,
            args.lang,
            args.json,
            sys.stdin.buffer,  # bytes: a line that is not UTF-8 gets its own error answer
            sys.stdout,
        )
    except ValueError as exc:
        print(f"soutien-bot: {exc}", file=sys.stderr)
        return 2
