"""A real Synapse homeserver for the tests: its own virtualenv, SQLite, loopback only."""

from __future__ import annotations

import hashlib
import hmac
import json
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import yaml

from tests.processes import die_with_parent

ROOT = Path(__file__).resolve().parents[2]
SYNAPSE_PYTHON = ROOT / ".venv-synapse" / "bin" / "python"
_HIGH = {"per_second": 1000, "burst_count": 1000}
RAISED_LIMITS = {
    "rc_message": _HIGH,
    "rc_login": {"address": _HIGH, "account": _HIGH, "failed_attempts": _HIGH},
    "rc_joins": {"local": _HIGH, "remote": _HIGH},
    "rc_invites": {"per_room": _HIGH, "per_user": _HIGH, "per_issuer": _HIGH},
    "rc_room_creation": _HIGH,
    "rc_registration": _HIGH,
    "rc_admin_redaction": _HIGH,
    "rc_key_requests": _HIGH,
}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Synapse:
    """Generate a throwaway config, start, stop, restart, register users."""

    def __init__(self, folder: Path, raised_limits: bool = True) -> None:
        self.folder = folder
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen[bytes] | None = None
        folder.mkdir(parents=True, exist_ok=True)
        self.config = folder / "hs.yaml"
        subprocess.run(
            [
                str(SYNAPSE_PYTHON),
                "-m",
                "synapse.app.homeserver",
                "--server-name",
                "localhost",
                "--config-path",
                str(self.config),
                "--generate-config",
                "--report-stats=no",
            ],
            cwd=folder,
            check=True,
            capture_output=True,
            timeout=120,
        )
        overrides = {
            "pid_file": str(folder / "hs.pid"),
            "listeners": [
                {
                    "port": self.port,
                    "bind_addresses": ["127.0.0.1"],
                    "type": "http",
                    "tls": False,
                    "x_forwarded": False,
                    "resources": [{"names": ["client"], "compress": False}],
                }
            ],
            "database": {"name": "sqlite3", "args": {"database": str(folder / "hs.db")}},
            "media_store_path": str(folder / "media"),
            "enable_registration": False,
            "trusted_key_servers": [],
            "suppress_key_server_warning": True,
            "presence": {"enabled": False},
            "report_stats": False,
            # throwaway accounts: the cheapest password hash (the load logs in 55 people)
            "bcrypt_rounds": 4,
            # Test set-up logs six accounts in from one address: only login and
            # registration limits are raised when the defaults are under test.
            **(
                RAISED_LIMITS
                if raised_limits
                else {k: RAISED_LIMITS[k] for k in ("rc_login", "rc_registration")}
            ),
        }
        self.overrides = folder / "overrides.yaml"
        self.overrides.write_text(yaml.safe_dump(overrides))
        self.secret = yaml.safe_load(self.config.read_text())["registration_shared_secret"]

    def start(self) -> None:
        with (self.folder / "stdout.log").open("ab") as log:
            self.process = subprocess.Popen(
                [
                    str(SYNAPSE_PYTHON),
                    "-m",
                    "synapse.app.homeserver",
                    "-c",
                    str(self.config),
                    "-c",
                    str(self.overrides),
                ],
                cwd=self.folder,
                stdout=log,
                stderr=subprocess.STDOUT,
                preexec_fn=die_with_parent,  # even if pytest itself is killed
            )
        try:
            self._wait_until_up()
        except BaseException:  # not up (or interrupted): stop it before saying so
            self.stop()
            raise

    def _wait_until_up(self) -> None:
        assert self.process is not None
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"synapse exited; see {self.folder / 'stdout.log'}")
            try:
                with urllib.request.urlopen(f"{self.url}/_matrix/client/versions", timeout=2):
                    return
            except OSError:
                time.sleep(0.3)
        raise TimeoutError("synapse did not answer within 90 s")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None

    def register(self, name: str, password: str) -> str:
        """Shared-secret registration (what register_new_matrix_user does)."""
        endpoint = f"{self.url}/_synapse/admin/v1/register"
        with urllib.request.urlopen(endpoint, timeout=10) as response:
            nonce = json.load(response)["nonce"]
        mac = hmac.new(self.secret.encode(), digestmod=hashlib.sha1)
        mac.update(f"{nonce}\x00{name}\x00{password}\x00notadmin".encode())
        body = json.dumps(
            {
                "nonce": nonce,
                "username": name,
                "password": password,
                "admin": False,
                "mac": mac.hexdigest(),
            }
        ).encode()
        request = urllib.request.Request(endpoint, body, {"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=10) as response:
            return str(json.load(response)["user_id"])
