"""The statistics chart reaches a coordinator on Mattermost as an uploaded PNG."""

from __future__ import annotations

import asyncio

from tests.mattermost.conftest import MM
from tests.mattermost.test_mattermost import REFERENCE

PNG = b"\x89PNG\r\n\x1a\n"


async def test_stats_chart_is_uploaded_and_posted_with_its_caption(mm: MM) -> None:
    mm.say("claude", "stats trimestre")
    await mm.expect("claude", "Statistiques — les 3 derniers mois")
    post = await mm.expect("claude", "Demandes par mois (graphique)")
    assert len(post["file_ids"]) == 1
    info, data = mm.fake.files[post["file_ids"][0]]
    assert data[:8] == PNG and len(data) > 5000 and info["size"] == len(data)
    assert info["mime_type"] == "image/png" and info["name"].endswith(".png")
    assert info["post_id"] == post["id"]
    channel = mm.fake.channels[post["channel_id"]]
    assert set(channel["members"]) == {mm.bot, mm.ids["claude"]}  # the coordinator's DM


async def test_upload_answer_matches_the_api_reference(mm: MM) -> None:
    import yaml_rs
    from openapi_core import Config, OpenAPI
    from openapi_core.testing import MockRequest, MockResponse

    mm.say("claude", "stats")
    await mm.expect("claude", "Demandes par mois (graphique)")
    spec = yaml_rs.loads(await asyncio.to_thread(REFERENCE.read_text, encoding="utf-8"))
    assert isinstance(spec, dict)
    base = "http://your-mattermost-url.com"
    api = OpenAPI.from_dict(spec, config=Config(spec_validator_cls=None, server_base_url=base))
    uploads = [e for e in mm.fake.exchanges if e.path == "/api/v4/files"]
    # one upload, or more if a slow post was retried whole: every answer must match
    assert uploads and {(e.method, e.status) for e in uploads} == {("POST", 201)}
    for exchange in uploads:
        request = MockRequest(base, "post", exchange.path)
        response = MockResponse(exchange.body, status_code=201, content_type=exchange.content_type)
        api.validate_response(request, response)
