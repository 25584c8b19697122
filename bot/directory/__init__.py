"""The helpline directory: schema, loading, search and answers."""

from bot.directory.answer import Answers
from bot.directory.loader import DirectoryError, load, parse
from bot.directory.search import Hit, Index

__all__ = ["Answers", "DirectoryError", "Hit", "Index", "load", "parse"]
