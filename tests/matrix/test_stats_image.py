"""The statistics chart reaches a coordinator on Matrix as an m.image: its file encrypted
(the DM is end-to-end encrypted), downloadable and decryptable into a PNG."""

from __future__ import annotations

from typing import Any

from nio import DownloadResponse, MatrixRoom, RoomEncryptedImage, RoomMessageImage
from nio.crypto.attachments import decrypt_attachment

from tests.matrix.conftest import World

PNG = b"\x89PNG\r\n\x1a\n"


async def test_stats_chart_arrives_as_an_encrypted_image(world: World) -> None:
    claude = world.claude
    images: list[Any] = []

    async def on_image(room: MatrixRoom, event: Any) -> None:
        images.append(event)

    claude.client.add_event_callback(on_image, (RoomEncryptedImage, RoomMessageImage))
    room = await claude.dm(world.bot.user_id)
    await claude.say(room, "stats")
    await claude.expect("Statistiques — les 12 derniers mois")
    await claude.until(lambda: images, within=60)
    event = images[0]
    assert isinstance(event, RoomEncryptedImage)  # the file itself is encrypted
    assert event.body == "📊 Demandes par mois (graphique)"
    downloaded = await claude.client.download(event.url)
    assert isinstance(downloaded, DownloadResponse)
    assert PNG not in downloaded.body[:64]  # the server holds ciphertext only
    data = decrypt_attachment(downloaded.body, event.key["k"], event.hashes["sha256"], event.iv)
    assert data[:8] == PNG and len(data) > 5000
