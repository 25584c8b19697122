"""Directory answers are written for a person, and every number is checked."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from bot.clock import ZONE
from bot.directory import Answers, DirectoryError, Index, load, parse

ROOT = Path(__file__).resolve().parent.parent
FILE = ROOT / "directory.yaml"
TEXT = FILE.read_text(encoding="utf-8")
INDEX = Index(load(FILE))
QUERIES = ("soignants", "burn-out", "psy", "VSS", "3977", "besoin de parler", "urgence")


def paris(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=ZONE)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_no_source_ids_curation_notes_or_raw_category_ids(lang: str) -> None:
    answers = Answers(INDEX)
    texts = [answers.answer(q, lang, paris("2025-01-15T11:00")) for q in QUERIES]
    texts.append(answers.themes(lang))
    raw_ids = {*INDEX.directory.categories, *INDEX.directory.audiences}
    for text in texts:
        assert not re.search(r"\bS\d{3}\b|\bEXT\b|externe|FAIT EXTERNE", text)
        words = set(re.findall(r"[a-z]+(?:-[a-z]+)+", text))
        assert not words & raw_ids, words & raw_ids


def test_hours_read_naturally() -> None:
    answers = Answers(INDEX)
    morning = answers.answer("SOS Amitié tchat", "fr", paris("2025-01-15T11:00"))
    assert "🟢 ouvert 24h/24, 7j/7" in morning
    closed = answers.answer("viol femmes informations", "fr", paris("2025-01-15T08:00"))
    assert "🔴 fermé — ouvre à 10h" in closed and "lun–ven 10h–19h" in closed
    evening = answers.answer("viol femmes informations", "fr", paris("2025-01-15T15:00"))
    assert "🟢 ouvert jusqu'à 19h" in evening
    friday = answers.answer("viol femmes informations", "fr", paris("2025-01-17T20:00"))
    assert "ouvre lundi à 10h" in friday
    english = answers.answer("viol femmes informations", "en", paris("2025-01-15T08:00"))
    assert "closed — opens at 10 am" in english


def test_lines_for_everyone_first_unless_the_sector_is_named() -> None:
    answers = Answers(INDEX)
    text = answers.answer("burn-out", "fr", paris("2025-01-15T11:00"))
    assert "beta.gouv.fr" in text and "Soins aux Professionnels" not in text
    nurse = answers.answer("burn-out infirmière", "fr", paris("2025-01-15T11:00"))
    assert "Soins aux Professionnels" in nurse


def test_plus_is_a_next_page_only_alone() -> None:
    answers, now = Answers(INDEX), paris("2025-01-15T11:00")
    text = answers.answer("je n'en peux plus", "fr", now, asker="a")
    assert "Croix-Rouge" in text or "SOS Amitié" in text
    assert "rien trouvé" not in text


def test_danger_answer_says_what_fits_the_situation() -> None:
    text = Answers(INDEX).answer("je veux me suicider", "fr", paris("2025-01-15T11:00"))
    assert text.startswith("🚨") and "3114" in text.split("\n")[0]


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('dial: "0800059595"', 'dial: "0800059596"', "disagree"),
        ('display: "0 800 05 95 95"', 'display: "0 800 05 95 59"', "does not show"),
        ('dial: "0972394050"', 'dial: "097239405"', "neither a French short number"),
        ('e164: null, display: "3114"', 'e164: "+333114", display: "3114"', "no E.164 form"),
        ('display: "3919", dial: "3919"', 'display: "3", dial: "3"', "bad phone"),
        ('dial: "0800190000", toll_free: true', 'dial: "0800190000", toll_free: false', "free"),
    ],
)
def test_numbers_follow_the_french_numbering_plan(old: str, new: str, message: str) -> None:
    assert old in TEXT
    with pytest.raises(DirectoryError) as caught:
        parse(TEXT.replace(old, new, 1))
    error = next(e for e in caught.value.errors if message in e)
    assert re.match(r"directory\.yaml:\d+:\d+: ", error)


def test_cli_json_lines_give_the_danger_flag_and_emergencies_first() -> None:
    lines = "\n".join(
        json.dumps({"query": q, "at": "2025-01-15T11:00:00+01:00", "lang": "fr"})
        for q in ("je veux me suicider", "numéros je n'en peux plus")
    )
    done = subprocess.run(
        [sys.executable, "-m", "bot", "directory", "search", "-"],
        input=lines + "\n",
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    danger, query = (json.loads(line) for line in done.stdout.splitlines())
    assert danger["danger"] is True and danger["situation"] == "self"
    assert [r["id"] for r in danger["results"][:3]] == [
        "prevention-suicide-3114",
        "samu-15",
        "urgence-112",
    ]
    assert query["results"] and query["results"][0]["id"] != "prevention-suicide-3114"


@pytest.mark.parametrize("query", ["samedi soir qui répond", "qui est joignable là", "gratuit"])
def test_who_is_open_lists_lines_to_talk_to_and_keeps_emergencies_apart(query: str) -> None:
    """Without danger, "who answers" lists lines to talk to (3114 listens, 24/7); the
    emergency services are not mixed in after them, they are given apart in one note."""
    now = paris("2025-03-15T21:30")
    _, hits = INDEX.search(query, now, limit=20)
    emergencies = {"samu-15", "urgence-112", "police-17", "sms-114"}
    assert "sos-amitie" in [h.resource.id for h in hits[:3]]
    assert not emergencies & {h.resource.id for h in hits}
    assert not {"violences-femmes-3919", "maltraitance-3977"} & {h.resource.id for h in hits}
    text = Answers(INDEX).answer(query, "fr", now)
    assert "En cas d'urgence" in text and "3114" in text


def test_danger_still_puts_emergencies_first() -> None:
    _, hits = INDEX.search("samedi soir je veux en finir", paris("2025-03-15T21:30"))
    assert [h.resource.id for h in hits[:3]] == [
        "prevention-suicide-3114",
        "samu-15",
        "urgence-112",
    ]
    text = Answers(INDEX).answer("samedi soir je veux en finir", "fr", paris("2025-03-15T21:30"))
    assert "En cas d'urgence" not in text
