"""The driver's HTTP client on one `requests.Session`: connections are kept alive.

mattermostdriver calls `requests.get/post/…`, which opens a new TCP and TLS connection for
every REST call. This client sends the same requests, with the same headers and the same
exceptions on errors, through one session whose pool keeps connections open (urllib3's
pool is thread-safe; the adapter calls the driver from worker threads).
"""

from __future__ import annotations

import logging
from typing import Any

import requests
from mattermostdriver.client import Client
from mattermostdriver.exceptions import (
    ContentTooLarge,
    FeatureDisabled,
    InvalidOrMissingParameters,
    MethodNotAllowed,
    NoAccessTokenProvided,
    NotEnoughPermissions,
    ResourceNotFound,
)

log = logging.getLogger(__name__)
_ERRORS: dict[int, type[Exception]] = {
    400: InvalidOrMissingParameters,
    401: NoAccessTokenProvided,
    403: NotEnoughPermissions,
    404: ResourceNotFound,
    405: MethodNotAllowed,
    413: ContentTooLarge,
    501: FeatureDisabled,
}


class KeptAliveClient(Client):  # type: ignore[misc]
    def __init__(self, options: dict[str, Any]) -> None:
        super().__init__(options)
        self.session = requests.Session()

    def make_request(
        self,
        method: str,
        endpoint: str,
        options: Any = None,
        params: Any = None,
        data: Any = None,
        files: Any = None,
        basepath: str | None = None,
    ) -> requests.Response:
        url = self.url
        if basepath:
            url = f"{self._scheme}://{self._options['url']}:{self._port}{basepath}"
        response = self.session.request(
            method.upper(),
            url + endpoint,
            headers=self.auth_header(),
            verify=self._verify,
            json={} if options is None else options,
            params={} if params is None else params,
            data={} if data is None else data,
            files=files,
            timeout=self.request_timeout,
            auth=self._auth() if self._auth is not None else None,
        )
        try:
            response.raise_for_status()
        except requests.HTTPError as exc:
            error = _ERRORS.get(response.status_code)
            if error is None:
                raise  # 429 and 5xx as the driver raises them: the caller retries 429
            try:
                message = response.json().get("message", "")
            except ValueError:
                message = response.text
            raise error(message) from exc
        return response

    def close(self) -> None:
        self.session.close()
