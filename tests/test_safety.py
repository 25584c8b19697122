"""The safety reader: levels, situations, bad input, and the labelled corpus."""

from __future__ import annotations

import json
import time

import pytest

from bench.safety_corpus import load, training
from bot.neutral import neutralise
from bot.safety import Category, Level, Situation, is_danger, read
from bot.safety.model import WEIGHTS
from bot.safety.reader import reader


@pytest.mark.parametrize(
    "text",
    [
        "envie d'en finir",
        "faut que j en finisse",
        "je serai plus là lundi",
        "je veux me suicider",
        "idées suicidaires",
        "des idees noires",
        "je pense au suicde",
        "I want to kill myself",
        "ENVIE DE MOURIR",
        "jveux plus vivre",
        "kms fr",
        "il m'a frappée, j'ai peur",
        "je me scarifie depuis des semaines",
        "je ne veux plus vivre",
        "j'ai avalé toute la boîte de somnifères",
        "aide je veux mourir",
        "je me suis brulé avec la cigarette exprès",
        "tu crois que je devrais en finir ?",
        "je vais faire une bêtise",
        "j'ai peur de faire une connerie",
    ],
)
def test_danger(text: str) -> None:
    assert is_danger(text)


@pytest.mark.parametrize(
    "text",
    [
        "bonjour",
        "on se voit en fin de semaine ?",
        "On se passe un coup de fil en fin de journée ?",
        "je serai pas là lundi, RTT. ma boîte renvoie vers Sophie",
        "je te réponds en fin de journée",
        "en fin de compte ça va",
        "je suis épuisé par le travail",
        "burn-out",
        "",
        "😀",
        "prévenir les risques psychosociaux",
        "ce dossier me tue",
        "mon chef va me tuer si je rends en retard",
        "j'ai hâte d'en finir avec ce dossier",
        "mort de fatigue",
        "je ne suis pas suicidaire",
        "c'est quoi le 3114 ?",
        "comment on tue le process qui bloque le port 8080 ?",
        "en attente",
        "stats",
        "je ne me scarifie pas, je voulais juste parler de mon chef",
        "Est-ce que tu penses à mettre fin à tes jours ? Je te pose la question.",
        "what number do I call for domestic violence in France",
        "j'ai fait une bêtise dans le tableau Excel, je corrige",
        "les enfants vont faire des bêtises pendant les vacances",
    ],
)
def test_not_danger(text: str) -> None:
    assert not is_danger(text)


@pytest.mark.parametrize(
    ("text", "situation"),
    [
        ("je veux mourir", Situation.SELF),
        ("mon collègue parle de se foutre en l'air", Situation.OTHER),
        ("ma sœur m'a envoyé une lettre d'adieu et ne répond plus", Situation.OTHER),
        ("il me frappe, il a un couteau", Situation.VIOLENCE),
        ("my husband is threatening me with a knife", Situation.VIOLENCE),
    ],
)
def test_situation_decides_the_numbers(text: str, situation: Situation) -> None:
    reading = read(text)
    assert reading.level is Level.DANGER and reading.situation is situation


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("cant keep my eyes open, took everything in the cabinet", Category.OVERDOSE),
        ("je sais pas, je veux mourir", Category.EXPLICIT),
        ("rien ne va plus mais je veux en finir", Category.EXPLICIT),
        ("I'm not ok, I want to die", Category.EXPLICIT),
    ],
)
def test_a_negation_stops_at_a_comma_or_a_but(text: str, category: Category) -> None:
    """The pattern itself is kept (not only the model's guess): the denial was elsewhere."""
    reading = read(text)
    assert reading.level is Level.DANGER and category in reading.categories


@pytest.mark.parametrize(
    "text",
    ["je ne veux pas mourir", "je ne me scarifie pas", "I don't want to die"],
)
def test_a_negation_in_the_same_clause_still_denies(text: str) -> None:
    assert read(text).categories == frozenset()


@pytest.mark.parametrize(
    "text",
    [
        "il m'a griffée",
        "elle m'a brûlé avec sa cigarette",
        "mon copain m'a coupé avec un couteau",
        "he cut me",
        "she burned me with a lighter",
    ],
)
def test_someone_else_hurting_the_writer_is_violence_not_self_harm(text: str) -> None:
    reading = read(text)
    assert reading.level is Level.DANGER and reading.situation is Situation.VIOLENCE
    assert Category.SELF_HARM not in reading.categories


@pytest.mark.parametrize(
    "text", ["je me suis coupée", "ma mère m'a vue me couper", "I cut myself again"]
)
def test_hurting_oneself_stays_self_harm(text: str) -> None:
    reading = read(text)
    assert reading.situation is Situation.SELF and Category.SELF_HARM in reading.categories


@pytest.mark.parametrize(
    "text",
    [
        "une stagiaire m'a confié avoir été agressée après une soirée, comment l'aider ?",
        "un usager m'a menacé hier au guichet, je suis encore sous le choc",
        "my colleague told me her ex hit her last year",
    ],
)
def test_violence_told_by_someone_else_or_past_is_weighed_not_sure(text: str) -> None:
    """Someone else's story told to the writer, or violence of yesterday with no word of
    now: the patterns are not sure of it, the model decides."""
    seen = reader().evidence(text)
    assert Category.VIOLENCE not in seen.sure and Category.VIOLENCE in seen.doubtful


@pytest.mark.parametrize(
    "text", ["everything is fine", "I'm tired but I'm ok", "c'est pas le but, je voulais parler"]
)
def test_everyday_words_sharing_a_key_with_danger_words_are_not_danger(text: str) -> None:
    """ "fine" is not "fin", "but" is not "buter", "here" is not "her"."""
    seen = reader().evidence(text)
    assert not seen.sure and not seen.doubtful


def test_violence_now_stays_sure() -> None:
    assert Category.VIOLENCE in reader().evidence("il m'a frappée hier soir, il revient").sure
    assert Category.VIOLENCE in reader().evidence("mon mari me menace").sure
    assert Category.VIOLENCE in reader().evidence("il m'a buté mon chien").sure


@pytest.mark.parametrize(
    "text",
    [
        "Dans Phèdre, l'héroïne s'empoisonne à la fin, c'est pour mon exposé",
        "dans mon roman, le narrateur prépare sa lettre d'adieu",
        "Madame Bovary s'empoisonne à l'arsenic",
        "my sister just finished a novel where the hero jumps off a bridge",
        "en tant que bénévole, que dire si quelqu'un me parle de se tuer ?",
        "la personne que j'accompagne m'a dit qu'elle avait des idées noires, je la revois jeudi",
        "j'ai pris deux aspirines pour ma migraine",
        "j'ai envie de la jeter par la fenêtre, cette imprimante",
        "je tue ce dossier avant midi",
    ],
)
def test_stories_listeners_and_ordinary_life_are_not_danger(text: str) -> None:
    """A character, a volunteer listener speaking of someone they listen to, a dose for a
    headache, a thing thrown: nobody real is at risk."""
    assert not is_danger(text)


@pytest.mark.parametrize(
    "text",
    [
        "je vais me tuer 😂 non sérieux j'en peux plus",
        "mdr je rigole... non en vrai je veux crever",
        "lol jk... seriously I want to die",
        "il a essayé de se pendre cette nuit",
        "j'ai avalé 25 seroplex",
        "mon frère a vu un film et depuis il parle de se tuer",
        "un élève a vu un film et depuis il parle de se tuer",
        "ma fille a écrit une lettre d'adieu dans son cahier de dissertation",
        "je suis écoutante mais ce soir c'est moi qui ai envie de mourir",
    ],
)
def test_a_joke_taken_back_a_relative_or_the_listener_herself_stay_danger(text: str) -> None:
    """Laughing lowers nothing once the writer says they are serious; a story word does
    not hide a brother or a daughter; a listener can be in danger too."""
    assert is_danger(text)


@pytest.mark.parametrize(
    "text",
    [
        "au secours",
        "j'ai besoin d'aide",
        "je n'en peux plus",
        "I'm not ok, I can't cope",
        "jsais pas a qui parler",
        "I need to talk to someone",
    ],
)
def test_distress_is_concern(text: str) -> None:
    assert read(text).level is Level.CONCERN


@pytest.mark.parametrize(
    "text",
    [
        "",
        " \n\t ",
        "x" * 100_000,
        "je vais bien " * 8_000,
        "😀🙂🎉" * 50,
        "je veux mourir " + "blabla " * 20_000,
        "JE VEUX MOURIR TOUT DE SUITE",
        "jeveuxmourirtoutdesuite",
        "!!!!!!!??????......",
        "\ud800\udc00 broken surrogates \udfff",
        "\x00\x01\x02 contrôle \u202e inversé",
        "I want to die, je veux mourir, mixed",
    ],
)
def test_bad_input_always_gets_a_level_in_bounded_time(text: str) -> None:
    start = time.perf_counter()
    reading = read(text)
    assert reading.level in Level
    assert time.perf_counter() - start < 2.0  # a bound against hangs, not a benchmark


def test_danger_at_the_end_of_a_huge_message_is_still_read() -> None:
    assert is_danger("Bonjour, voici le compte rendu. " * 3_000 + "Je vais me tuer ce soir.")


def test_tuning_corpus_recall_and_false_alarms() -> None:
    items = load("tuning")
    danger = [x for x in items if x["level"] == "danger"]
    traps = [x for x in items if x["level"] == "none"]
    missed = [x["text"] for x in danger if not is_danger(x["text"])]
    alarms = [x["text"] for x in traps if is_danger(x["text"])]
    assert len(items) >= 400 and len(traps) >= 150
    assert missed == []
    assert len(alarms) / len(traps) <= 0.10, alarms


def test_corpus_split_keeps_a_third_apart() -> None:
    tuning, held_out = load("tuning"), load("held-out")
    assert 0.25 <= len(held_out) / (len(tuning) + len(held_out)) <= 0.40
    assert not {x["text"].lower() for x in tuning} & {x["text"].lower() for x in held_out}


def test_model_was_trained_on_the_current_tuning_corpus() -> None:
    """Editing the corpus without `make train-safety` would ship a stale model."""
    trained = json.loads(WEIGHTS.read_text(encoding="utf-8"))["trained_on"]
    assert trained == len(training())


def test_neutralise_mentions_html_and_size() -> None:
    shown, cut = neutralise("@channel <b>hi</b> @here @All " + "x" * 5000)
    assert cut and len(shown) < 4200
    assert "@channel" not in shown and "@here" not in shown and "@All" not in shown


def test_matrix_html_escapes_user_text_and_renders_markdown() -> None:
    from adapters.matrix.html import to_html

    rendered = to_html("**[K7Q2]** <script>alert(1)</script> & [3114](tel:3114)\n- un\n- deux")
    assert "<script>" not in rendered and "&lt;script&gt;" in rendered and "&amp;" in rendered
    assert "<strong>[K7Q2]</strong>" in rendered and '<a href="tel:3114">3114</a>' in rendered
    assert "<ul><li>un</li><li>deux</li></ul>" in rendered
