"""The bot's HTTP server on the console demo, when `http.listen` asks for it (and none
when it does not)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from tests.matrix.synapse import free_port
from tests.processes import die_with_parent

ROOT = Path(__file__).resolve().parent.parent


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            return r.status, r.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode()


def test_console_with_an_http_server(tmp_path: Path) -> None:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("SOUTIEN_")}
    env["SOUTIEN_HTTP__LISTEN"] = f"127.0.0.1:{port}"
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "run", "--config", str(ROOT / "soutien.example.yaml")],
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        cwd=tmp_path,
        env=env,
        preexec_fn=die_with_parent,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                status, body = fetch(f"http://127.0.0.1:{port}/readyz")
                break
            except OSError:
                assert process.poll() is None and time.monotonic() < deadline
                time.sleep(0.2)
        assert status == 200
        assert json.loads(body) == {
            "ready": True,
            "database": "reachable",
            "adapters": {"console": "connected"},
        }
        assert fetch(f"http://127.0.0.1:{port}/healthz") == (200, "ok\n")
        status, metrics = fetch(f"http://127.0.0.1:{port}/metrics")
        assert status == 200 and 'soutien_cases{state="waiting"} 0.0' in metrics
    finally:
        assert process.stdin is not None
        process.stdin.close()  # the console ends at the end of its input
        try:
            assert process.wait(timeout=30) == 0
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()
