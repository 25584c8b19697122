"""The directory: schema errors with positions, hours, filters, danger, answers, CLI, reload."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from bot.clock import ZONE
from bot.directory import Answers, DirectoryError, Index, load, parse
from bot.directory.hours import quarter_of, weekly
from bot.directory.model import Hours, Slot
from bot.directory.reload import DirectoryReloader

ROOT = Path(__file__).resolve().parent.parent
FILE = ROOT / "directory.yaml"
TEXT = FILE.read_text(encoding="utf-8")
INDEX = Index(load(FILE))


def paris(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=ZONE)


def ids(query: str, at: str = "2025-01-15T11:00") -> list[str]:
    return [h.resource.id for h in INDEX.search(query, paris(at))[1]]


# The ids of the checked reference extraction: outside tools rely on them.
REFERENCE_IDS = """
groupe-soutien-beta-gouv cfcv-viol-femmes-informations arretons-les-violences psycom
croix-rouge-ecoute sos-amitie sos-crise retab psys-du-coeur
sps-soins-aux-professionnels-de-sante cellule-ecoute-ministere-sante cnom-entraide-medecins
cng-soutien-directeurs admr-pro-consult pasteur-mutualite-ecoute-soignants fehap-psya
osat-souffrance-au-travail covidecoute-fondamental cn2r psy-solidaires
institute-of-neurocognitivism inicea-cellule-ecoute dispositif-psy-ile-de-france
aphp-covid-psy maltraitance-3977 prevention-suicide-3114 samu-15 urgence-112
police-17 sms-114 violences-femmes-3919
""".split()


def test_repository_file_is_valid_and_keeps_reference_ids() -> None:
    assert set(REFERENCE_IDS) <= set(INDEX.by_id)


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "categories: [vss, violences]",
            "categories: [vsss, violences]",
            "unknown category 'vsss'",
        ),
        ('opens: "10:00"', 'opens: "25:00"', "bad time '25:00'"),
        ('e164: "+33800059595"', 'e164: "0800 05"', "bad phone"),
        ("  - id: psycom", "  - id: retab", "duplicate id 'retab'"),
        ("    free: true\n", "    free: true\n    colour: blue\n", "unknown key 'colour'"),
    ],
)
def test_schema_errors_are_positioned(old: str, new: str, message: str) -> None:
    broken = TEXT.replace(old, new, 1)
    with pytest.raises(DirectoryError) as caught:
        parse(broken, "dir.yaml")
    marker = new.strip().splitlines()[-1]
    candidates = [n for n, text in enumerate(broken.splitlines(), 1) if marker in text]
    hits = [e for e in caught.value.errors if message in e]
    assert hits, caught.value.errors
    file, line, column, _ = hits[0].split(":", 3)
    assert file == "dir.yaml" and int(column) >= 1
    assert any(abs(int(line) - n) <= 2 for n in candidates)


def test_every_error_is_reported_at_once() -> None:
    broken = TEXT.replace("categories: [vss, violences]", "categories: [nope]", 1).replace(
        'opens: "10:00"', 'opens: "99:00"', 1
    )
    with pytest.raises(DirectoryError) as caught:
        parse(broken, "dir.yaml")
    assert len(caught.value.errors) >= 2


def test_yaml_syntax_error_is_positioned() -> None:
    with pytest.raises(DirectoryError, match=r"^dir\.yaml:\d+:\d+: invalid YAML"):
        parse("resources: [\n  - a", "dir.yaml")


def _open(slot: Slot, at: str) -> bool | None:
    return weekly(Hours(known="full", slots=[slot])).open_at(quarter_of(paris(at)))


def test_overnight_slot_ends_the_next_day() -> None:
    slot = Slot(days=["mo"], opens="13:00", closes="03:00")
    assert _open(slot, "2025-01-13T23:30")  # Monday night
    assert _open(slot, "2025-01-14T02:45")  # early Tuesday
    assert not _open(slot, "2025-01-14T03:00")
    assert not _open(slot, "2025-01-14T13:30")  # Tuesday is not in the days


def test_sunday_overnight_wraps_to_monday() -> None:
    assert _open(Slot(days=["su"], opens="22:00", closes="02:00"), "2025-01-13T01:00")


def test_24_00_means_end_of_day() -> None:
    slot = Slot(days=["mo"], opens="08:00", closes="24:00")
    assert _open(slot, "2025-01-13T23:59")
    assert not _open(slot, "2025-01-14T00:00")


def test_public_holidays_follow_sunday_hours() -> None:
    weekdays = Slot(days=["mo", "tu", "we", "th", "fr"], opens="10:00", closes="19:00")
    assert _open(weekdays, "2025-07-15T11:00")
    assert not _open(weekdays, "2025-07-14T11:00")  # Bastille Day, a Monday


def test_dst_change_days_use_paris_wall_clock() -> None:
    slot = Slot(days=["su"], opens="09:00", closes="19:00")
    assert _open(slot, "2025-03-30T09:30")  # spring forward day
    assert _open(slot, "2025-10-26T18:30")  # fall back day
    assert not _open(slot, "2025-10-26T19:30")


def test_unknown_hours_are_unknown() -> None:
    assert weekly(Hours(known="unknown")).open_at(0) is None
    assert weekly(Hours(known="full", always_open=True)).open_at(500) is True


def test_danger_queries_put_emergency_numbers_first() -> None:
    for query in ("envie d'en finir", "je pense au suicde", "I want to kill myself"):
        assert ids(query)[:3] == ["prevention-suicide-3114", "samu-15", "urgence-112"]
    assert ids("burn-out")[0] != "prevention-suicide-3114"


def test_open_now_and_night_filters() -> None:
    night = ids("besoin de parler la nuit", "2025-01-16T02:00")
    assert "sos-amitie" in night and "croix-rouge-ecoute" not in night
    saturday = ids("ouvert maintenant", "2025-01-18T16:00")
    assert "croix-rouge-ecoute" in saturday and "cfcv-viol-femmes-informations" not in saturday


def test_channel_language_free_anonymous_and_place_filters() -> None:
    chat = ids("un chat pour parler", "2025-01-16T01:00")
    assert chat and all("chat" in INDEX.resources[INDEX.by_id[i]].channels for i in chat)
    english = ids("someone to talk to in english")
    assert "sos-amitie" in english and "croix-rouge-ecoute" not in english
    anonymous = ids("anonyme")
    assert all(INDEX.resources[INDEX.by_id[i]].anonymous is not False for i in anonymous)
    annecy = ids("psy à annecy")
    assert "psys-du-coeur" in annecy and "aphp-covid-psy" not in annecy
    always = ids("24h/24", "2025-01-16T02:00")
    assert "sos-amitie" in always and "croix-rouge-ecoute" not in always


def test_terminated_resources_are_never_shown_as_available() -> None:
    assert "fehap-psya" not in ids("psychologues fehap soignants")


def test_no_result_is_said_honestly_with_general_lines() -> None:
    text = Answers(INDEX).answer("xylophone quantique", "fr", paris("2025-01-15T11:00"))
    assert "rien trouvé" in text and "SOS Amitié" in text


def test_answer_format_has_tel_links_hours_and_more() -> None:
    answers, now = Answers(INDEX), paris("2025-01-15T11:00")
    text = answers.answer("soignants", "fr", now, asker="alice")
    assert "(tel:" in text and ("🟢" in text or "🔴" in text)
    assert text.count("**") // 2 <= 6 and "écris `plus`" in text
    assert "à vérifier" in text
    more = answers.answer("plus", "fr", now, asker="alice")
    assert more != text and "(tel:" in more
    assert "ne garde pas" in answers.answer("plus", "fr", now, asker="bob")
    # without a way to know the asker, no promise of a next page
    assert "précise ta recherche" in answers.answer("soignants", "fr", now)


def _cli(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", "directory", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
        env={**os.environ},
    )


def test_cli_check_and_schema(tmp_path: Path) -> None:
    assert _cli("check").returncode == 0
    bad = tmp_path / "bad.yaml"
    bad.write_text(TEXT.replace("categories: [vss, violences]", "categories: [nope]", 1))
    done = _cli("check", str(bad))
    assert done.returncode == 1 and f"{bad}:" in done.stdout and "nope" in done.stdout
    schema = json.loads(_cli("schema").stdout)
    assert "resources" in schema["properties"]


def test_cli_search_json_and_json_lines() -> None:
    one = json.loads(_cli("search", "burn-out", "--json", "--at", "2025-01-15T11:00+01:00").stdout)
    assert one["results"][0]["id"] and {"id", "name", "open_now"} <= set(one["results"][0])
    lines = "\n".join(
        json.dumps(q)
        for q in (
            {"query": "envie d'en finir", "at": "2025-01-16T02:00:00+01:00", "lang": "fr"},
            {"query": "mental health helpline", "lang": "en"},
            {"nope": 1},
        )
    )
    done = _cli("search", "-", stdin=lines + "\n")
    out = [json.loads(line) for line in done.stdout.splitlines()]
    assert out[0]["danger"] is True and out[0]["results"][0]["id"] == "prevention-suicide-3114"
    assert out[1]["danger"] is False and out[1]["results"]
    assert "error" in out[2] and done.returncode == 1


def test_json_lines_every_line_answered_and_checked_as_the_options_are() -> None:
    """An empty line gets its error line (a client pairing lines stays in step); "lang" is
    refused as `--lang` refuses it, null is the default; a bad date names its field."""
    lines = [
        '{"query": "3114"}',
        "",
        '{"query": "3114", "lang": "de"}',
        '{"query": "3114", "lang": null}',
        '{"query": "3114", "at": "demain"}',
        '{"query": "3114", "lang": "en"}',
    ]
    done = _cli("search", "-", stdin="\n".join(lines) + "\n")
    out = [json.loads(line) for line in done.stdout.splitlines()]
    assert len(out) == len(lines) and done.returncode == 1, done.stdout
    assert out[0]["lang"] == "fr" and "line 2: " in out[1]["error"] and "empty" in out[1]["error"]
    assert (
        "line 3: " in out[2]["error"] and "'de'" in out[2]["error"] and "fr, en" in out[2]["error"]
    )
    assert out[3]["lang"] == "fr" and out[3]["results"]
    assert out[4]["error"].endswith(""""at": not an ISO date-time: 'demain'""")
    assert out[5]["lang"] == "en"


@pytest.mark.parametrize(
    ("at", "said"),
    [
        ("demain", "--at: not an ISO date-time: 'demain'"),
        ("2026-13-01T10:00+01:00", "--at: not an ISO date-time: '2026-13-01T10:00+01:00' (month"),
        ("2026-01-01T10:00", "--at needs a time zone offset"),
    ],
)
def test_a_bad_at_names_the_option(at: str, said: str) -> None:
    done = _cli("search", "3114", "--at", at)
    assert done.returncode == 2 and done.stderr.startswith(f"soutien-bot: {said}"), done.stderr


def test_reload_keeps_last_good_version(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "directory.yaml"
    path.write_text(TEXT)
    answers = Answers(Index(load(path)))
    reloader = DirectoryReloader(path, answers)
    path.write_text(TEXT.replace("categories: [vss, violences]", "categories: [nope]", 1))
    with caplog.at_level(logging.WARNING):
        assert not reloader.reload()
    assert "keeping the last good version" in caplog.text and "nope" in caplog.text
    assert len(answers.index.resources) == len(INDEX.resources)
    path.write_text(TEXT.replace('Croix-Rouge Écoute"', 'Croix-Rouge Écoute (CRF)"', 1))
    assert reloader.reload()
    assert any("(CRF)" in r.name for r in answers.index.resources)
