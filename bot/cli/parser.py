"""The command line's grammar: every command and option of `soutien-bot`."""

from __future__ import annotations

import argparse

from bot import __version__


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="soutien-bot", description="Soutien peer-support bot")
    top.add_argument("--version", action="version", version=f"soutien {__version__}")
    sub = top.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run", help="run the bot (migrates first)")
    run.add_argument("--config")
    db = sub.add_parser("db", help="database")
    db.add_argument("action", choices=["upgrade"], help="apply pending migrations")
    db.add_argument("--config")
    _directory(sub)
    _config(sub)
    keys = sub.add_parser("keys", help="encryption keys")
    keys.add_argument(
        "action",
        choices=["rotate", "new"],
        help="rotate: re-encrypt everything with the current key; new: print a fresh key",
    )
    keys.add_argument("--config")
    audit = sub.add_parser("audit", help="who accessed a case (for coordinators, on the server)")
    audit.add_argument("--case", required=True, metavar="REF")
    audit.add_argument("--config")
    stats = sub.add_parser("stats", help="statistics, no identities (counts below 5 hidden)")
    stats.add_argument("--csv", action="store_true", help="section,key,value lines")
    stats.add_argument("--period", choices=["mois", "trimestre", "annee"], default="annee")
    stats.add_argument("--config")
    matrix = sub.add_parser("matrix", help="Tchap / Matrix")
    matrix.add_argument("action", choices=["identity"], help="the bot's master key fingerprint")
    matrix.add_argument("--config")
    return top


def _directory(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    directory = sub.add_parser("directory", help="the helpline directory")
    dsub = directory.add_subparsers(dest="action", required=True)
    check = dsub.add_parser("check", help="validate a directory file")
    check.add_argument("file", nargs="?", help="default: the directory shipped with Soutien")
    dsub.add_parser("schema", help="print the JSON Schema of directory.yaml")
    search = dsub.add_parser("search", help="search; '-' reads JSON lines on stdin")
    search.add_argument("query")
    search.add_argument("--at")
    search.add_argument("--lang", choices=["fr", "en"], default="fr")
    search.add_argument("--json", action="store_true")
    search.add_argument("--directory", help="default: the directory shipped with Soutien")


def _config(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    config = sub.add_parser("config", help="the configuration file")
    csub = config.add_subparsers(dest="action", required=True)
    check = csub.add_parser(
        "check", help="validate a configuration and say what each platform still needs"
    )
    check.add_argument("--config")
    reference = csub.add_parser("reference", help="every key, as Markdown (docs/configuration.md)")
    reference.add_argument("--output", help="write to this file instead of printing")
    csub.add_parser("example", help="print a fully commented example configuration")
