"""Load runs for `make test-load`: skipped unless SOUTIEN_LOAD is set."""

from __future__ import annotations

import os

import pytest

from tests.matrix.conftest import synapse  # noqa: F401 - the session's homeserver


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if os.environ.get("SOUTIEN_LOAD"):
        return
    skip = pytest.mark.skip(reason="load runs: make test-load (SOUTIEN_LOAD=1)")
    for item in items:
        if "tests/load/" in str(item.fspath):
            item.add_marker(skip)
