"""The configuration sections of the platforms: Tchap/Matrix, Mattermost, and the bot's own
HTTP server (which Mattermost calls back)."""

from __future__ import annotations

from pydantic import Field, SecretStr

from bot.config_names import CallbackBase, Homeserver, ServerName
from bot.config_values import HostPort, HttpUrl, MatrixId, Seconds, Section


class MatrixSettings(Section):
    """Tchap or any Matrix homeserver, end-to-end encrypted."""

    homeserver: Homeserver | None = None
    """The homeserver's client address, e.g. `https://matrix.agent.dinum.tchap.gouv.fr` (without
    `/_matrix/…`). With `user_id`, enables Matrix.
    """
    user_id: MatrixId | None = None
    """The bot's account, e.g. `@soutien-dinum.gouv.fr:agent.dinum.tchap.gouv.fr`."""
    password: SecretStr | None = None
    """The account's password, used once to log in (environment only: `SOUTIEN_MATRIX__PASSWORD`).
    """
    access_token: SecretStr | None = None
    """An access token instead of a password (environment only: `SOUTIEN_MATRIX__ACCESS_TOKEN`)."""
    device_name: str = Field(default="Soutien", min_length=1, max_length=100)
    """The device's name, as people's clients show it."""
    store_path: str = Field(default="./data/matrix-store", min_length=1)
    """The encryption store (nio): back it up with the database and the secret key; losing it means
    a new device.
    """
    allowed_servers: list[ServerName] = Field(default_factory=list)
    """Only people of these homeservers may talk to the bot (empty: anyone who can reach it):
    server names as in Matrix ids, e.g. `agent.dinum.tchap.gouv.fr` (no address, no wildcard).
    """
    min_send_interval: Seconds = Field(default=1.0, ge=0, le=60)
    """Average seconds between two sends of the account (Tchap asks for about one a second);
    `0`: unpaced."""
    send_burst: int = Field(default=5, ge=1, le=100)
    """Sends that may leave at once before the average applies (a token bucket)."""
    undecryptable_grace: Seconds = Field(default=60.0, ge=0, le=86400)
    """Seconds to wait for a missing key before telling someone their message could not be read."""
    max_backoff: Seconds = Field(default=60.0, gt=0, le=3600)
    """The longest wait, in seconds, between two reconnection attempts."""

    @property
    def configured(self) -> bool:
        return bool(self.homeserver and self.user_id)


class MattermostSettings(Section):
    """A Mattermost server: direct messages, buttons, slash commands."""

    url: HttpUrl | None = None
    """The Mattermost server, e.g. `https://mattermost.example.gouv.fr`. With the token, enables
    Mattermost.
    """
    token: SecretStr | None = None
    """The bot account's access token (environment only: `SOUTIEN_MATTERMOST__TOKEN`)."""
    http_listen: HostPort = "127.0.0.1:8088"
    """Where the bot's HTTP server listens when `http.listen` is not set (kept for existing
    configurations).
    """
    public_url: CallbackBase | None = None
    """How the Mattermost server reaches the bot's HTTP server (buttons, slash commands); default
    `http://` + the listening address. The bot adds `/mattermost/actions` to it.
    """
    command_tokens: list[SecretStr] = Field(default_factory=list)
    """The slash commands' tokens, a JSON list (environment: `SOUTIEN_MATTERMOST__COMMAND_TOKENS`).
    """
    verify_tls: bool = True
    """Verify the server's certificate."""
    ca_file: str | None = None
    """A CA bundle to trust instead of the system's (a private PKI)."""

    @property
    def configured(self) -> bool:
        return bool(self.url and self.token)


class HttpSettings(Section):
    """The bot's HTTP server."""

    listen: HostPort | None = None
    """The bot's HTTP server: `/healthz`, `/readyz`, `/metrics`, and Mattermost's callbacks.
    Default: `mattermost.http_listen` on a platform, none for the console demo. In a container,
    `0.0.0.0:8088`.
    """
    ops_listen: HostPort | None = None
    """Serve `/healthz`, `/readyz`, `/metrics` on this address instead, apart from what the chat
    server calls (e.g. `127.0.0.1:9090` for a local Prometheus).
    """
