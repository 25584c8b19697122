"""The driver's REST calls on one session: connections are reused, errors stay the driver's."""

from __future__ import annotations

import ssl
from pathlib import Path

import pytest
import trustme
from mattermostdriver.exceptions import ResourceNotFound

from adapters.mattermost.rest import Rest, driver_options
from tests.mattermost.fake import FakeMattermost


async def test_one_tls_connection_for_many_calls_and_the_driver_errors(tmp_path: Path) -> None:
    ca = trustme.CA()
    tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("localhost", "127.0.0.1").configure_cert(tls)
    ca.cert_pem.write_to_path(str(tmp_path / "ca.pem"))
    fake = FakeMattermost(ssl_context=tls)
    bot = fake.add_user("soutien", token="bot-token")
    alice = fake.add_user("alice")
    await fake.start()
    rest = Rest(driver_options(fake.url, "bot-token", str(tmp_path / "ca.pem"), 10))
    try:
        assert (await rest.me())["id"] == bot
        channel = await rest.direct_channel(bot, alice)
        for n in range(3):
            await rest.post(channel, f"message {n}")
        assert (await rest.user_by_name("alice"))["id"] == alice
        with pytest.raises(ResourceNotFound):
            await rest.user_by_name("personne")
        pools = rest.driver.client.session.adapters["https://"].poolmanager.pools
        keys = pools.keys()  # the container itself cannot be iterated
        assert [pools[key].num_connections for key in keys] == [1]
        assert [p["message"] for p in fake.posts.values()] == [f"message {n}" for n in range(3)]
    finally:
        rest.close()
        await fake.stop()
