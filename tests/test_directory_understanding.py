"""The directory understands people: chat spelling, professions, someone else, time words."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

import bot.directory.query as query_module
from bot.clock import ZONE
from bot.directory import Index, load
from bot.directory.query import understand
from bot.directory.when import read_when
from bot.directory.words import plain
from bot.safety import Level, Reading, Situation

ROOT = Path(__file__).resolve().parent.parent
INDEX = Index(load(ROOT / "directory.yaml"))
WEDNESDAY = "2025-01-15T11:00"


def paris(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=ZONE)


def ids(query: str, at: str = WEDNESDAY) -> list[str]:
    return [h.resource.id for h in INDEX.search(query, paris(at))[1]]


@pytest.fixture
def reader(monkeypatch: pytest.MonkeyPatch) -> type[Situation]:
    """The safety reader, answering danger with the situation a test names."""

    def read(text: str) -> Reading:
        for situation in Situation:
            if f"[{situation.value}]" in text:
                return Reading(Level.DANGER, situation)
        return Reading(Level.NONE)

    monkeypatch.setattr(query_module, "read", read)
    return Situation


def test_each_situation_puts_its_own_emergency_numbers_first(reader: type[Situation]) -> None:
    suicide = ["prevention-suicide-3114", "samu-15", "urgence-112"]
    assert ids("[self] je veux mourir")[:3] == suicide
    assert ids("[other] une amie m'inquiète")[:3] == suicide
    violence = ids("[violence] il me frappe")
    assert violence[:4] == ["police-17", "urgence-112", "violences-femmes-3919", "sms-114"]
    silent = ids("[violence] il est à côté, je peux pas parler")
    assert silent[0] == "sms-114"
    deaf = ids("[self] je suis sourde et j'ai envie de mourir")
    assert deaf[0] == "sms-114" and set(suicide) <= set(deaf[:4])


def test_the_real_reader_marks_danger() -> None:
    query, hits = INDEX.search("je veux me suicider", paris(WEDNESDAY))
    assert query.danger and hits[0].resource.id == "prevention-suicide-3114"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("chui a bout", "croix-rouge-ecoute"),
        ("jpp du taf", "groupe-soutien-beta-gouv"),
        ("mon n+1 me harcèle", "groupe-soutien-beta-gouv"),
        ("VSS", "cfcv-viol-femmes-informations"),
        ("il me frappe", "police-17"),
        ("violences conjugales", "violences-femmes-3919"),
        ("une amie m'inquiète", "prevention-suicide-3114"),
        ("pour ma sœur qui va mal", "sos-amitie"),
        ("IDE épuisée au CHU", "sps-soins-aux-professionnels-de-sante"),
        ("RPS dans mon service", "groupe-soutien-beta-gouv"),
        ("directrice d'EHPAD", "cng-soutien-directeurs"),
        ("0800 19 00 00", "sos-crise"),
        ("psys du coeur", "psys-du-coeur"),
    ],
)
def test_chat_spelling_abbreviations_and_someone_else(query: str, expected: str) -> None:
    assert expected in ids(query)[:8]


def test_idees_is_not_the_nurse_abbreviation() -> None:
    assert "admr-pro-consult" not in ids("idées noires")
    assert "cnom-entraide-medecins" not in ids("idées noires")[:5]


def test_lines_for_one_profession_come_after_lines_for_everyone() -> None:
    general = ids("burn-out")
    assert general.index("groupe-soutien-beta-gouv") < general.index(
        "sps-soins-aux-professionnels-de-sante"
    )
    agent = ids("agent des impôts en burn-out")
    assert "sps-soins-aux-professionnels-de-sante" not in agent
    nurse = ids("infirmière en burn-out")
    assert nurse[0] in {"sps-soins-aux-professionnels-de-sante", "cnom-entraide-medecins"}
    assert "admr-pro-consult" not in nurse


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("samedi soir", "2025-01-18T21:00"),
        ("vers minuit", "2025-01-16T00:00"),
        ("dimanche matin", "2025-01-19T10:00"),
        ("ce soir", "2025-01-15T21:00"),
        ("la nuit", "2025-01-16T02:00"),
        ("ouvert maintenant", WEDNESDAY),
        ("demain à 9h", "2025-01-16T09:00"),
        ("un jour férié", "2025-04-21T14:00"),
        ("ce week-end", "2025-01-18T14:00"),
        ("le 25 décembre", "2025-12-25T14:00"),
        ("le 1er janvier au soir", "2026-01-01T21:00"),
        ("à Noël", "2025-12-25T14:00"),
        ("le soir du réveillon", "2025-12-31T21:00"),
        ("on Christmas Eve", "2025-12-24T14:00"),
    ],
)
def test_time_words_at_the_query_time_in_paris(words: str, expected: str) -> None:
    _, when = read_when(f" {plain(words)} ")
    assert when.moment(paris(WEDNESDAY)) == paris(expected)


def test_tonight_said_in_the_small_hours_means_now() -> None:
    small_hours = paris("2025-01-16T03:15")
    _, when = read_when(" tonight ")
    assert when.moment(small_hours) == small_hours


def test_time_words_already_true_mean_now() -> None:
    saturday_night = paris("2025-01-18T22:30")
    _, when = read_when(" samedi soir ")
    assert when.moment(saturday_night) == saturday_night
    _, weekend = read_when(" ce week end ")
    sunday = paris("2025-02-09T15:00")
    assert weekend.moment(sunday) == sunday


def test_time_filters_keep_what_is_open_then() -> None:
    saturday_night = ids("besoin de parler samedi soir")
    assert "sos-amitie" in saturday_night and "croix-rouge-ecoute" not in saturday_night
    sunday_morning = ids("dimanche matin une ligne ouverte ?")
    assert "sos-crise" not in sunday_morning
    assert "sos-crise" in ids("SOS crise ouvert le dimanche ?")  # named: shown, with its hours


@pytest.mark.parametrize(
    "words",
    [
        "je rumine du matin au soir",
        "j'y pense jour et nuit",
        "I think about it day and night",
        "j'ai pleuré toute la nuit",
        "j'ai pas dormi de la nuit",
        "I cried all night",
        "elle a été agressée après une soirée",
        "ça s'est passé lors d'une soirée d'équipe",
        "on m'a touchée à la soirée du service",
        "un usager m'a giflée ce matin",
        "je me suis fait agresser cette nuit",
        "ma collègue a été agressée ce soir",
        "un usager m'a mis un coup de poing au guichet de la CAF ce matin",
        "je reprends lundi et j'ai la boule au ventre",
        "retour au travail demain, j'angoisse",
        "mon binôme de nuit boit avant son poste",
        "humiliée h24 par ma cheffe",
        "je suis en open space",
        "au RSA depuis ma dispo",
        "agression sexuelle dans le RER ce matin",
        "altercation avec un usager cette nuit, je suis secouée",
        "je bois trop le soir pour tenir",
        "je pleure la nuit",
    ],
)
def test_all_day_long_and_a_party_are_not_times_to_call(words: str) -> None:
    _, when = read_when(f" {plain(words)} ")
    assert not when.asked


@pytest.mark.parametrize(
    "words",
    [
        "qui répond le soir ?",
        "une ligne ouverte demain soir",
        "dispo pendant la soirée de samedi",
        "j'ai envie de parler ce soir",
        "je suis seule ce soir",
        "il m'a dit que je pouvais appeler ce soir",
    ],
)
def test_evening_asked_for_is_still_a_time_to_call(words: str) -> None:
    _, when = read_when(f" {plain(words)} ")
    assert when.asked and when.part == "evening"


@pytest.mark.parametrize("words", ["ouvert toute la nuit ?", "open all night?"])
def test_how_long_a_line_is_open_is_a_time_to_call(words: str) -> None:
    _, when = read_when(f" {plain(words)} ")
    assert when.asked and when.part == "night"


@pytest.mark.parametrize(
    ("words", "digits"),
    [
        ("le trente-neuf soixante-dix-sept", "3977"),
        ("trente et un quatorze", "3114"),
        ("appeler le cent douze", "112"),
        ("trois neuf un neuf", "3919"),
        ("thirty-one fourteen", "3114"),
        ("le quinze", "15"),
    ],
)
def test_numbers_said_in_words_are_dialled(words: str, digits: str) -> None:
    assert understand(words).numbers == (digits,)


@pytest.mark.parametrize("words", ["dix-sept ans et perdue", "deux trois jours sans dormir"])
def test_small_numbers_in_a_sentence_are_no_number_to_call(words: str) -> None:
    assert understand(words).numbers == ()


def test_channels_wanted_and_refused() -> None:
    assert understand("je préfère écrire plutôt qu'appeler").flags == {"written"}
    assert understand("en face à face, pas au téléphone").flags == {"in_person"}
    assert understand("je me permets de vous écrire").flags == set()
    written = ids("je préfère écrire")
    assert "sos-amitie" in written and "croix-rouge-ecoute" not in written
    assert ids("en personne, pas par téléphone")[0] == "psys-du-coeur"
    assert understand("je peux pas me déplacer, par tel c'est mieux").flags == {"phone"}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("numéros deuil", "sos-amitie"),
        ("my mum passed away", "croix-rouge-ecoute"),
        ("mon ex me harcèle", "violences-femmes-3919"),
    ],
)
def test_grief_and_a_partner_harassing(query: str, expected: str) -> None:
    assert expected in ids(query)[:8]


def test_a_word_that_never_changes_is_no_typo() -> None:
    assert "maltraitance-3977" not in ids("par tel c'est mieux")


def test_a_sector_without_lines_through_that_channel_gets_the_general_ones() -> None:
    assert "sos-amitie" in ids("tchat pour soignants")


def test_a_line_is_named_by_two_uncommon_words_of_its_whole_name() -> None:
    at_night = ids("la cellule du ministère répond la nuit ?")
    assert "cellule-ecoute-ministere-sante" in at_night


@pytest.mark.parametrize(
    ("query", "line"),
    [
        ("est-ce qu'il existe un formulaire", "groupe-soutien-beta-gouv"),
        ("joindre quelqu'un sur Mattermost", "groupe-soutien-beta-gouv"),
        ("un psy qui me rappelle", "inicea-cellule-ecoute"),
    ],
)
def test_a_way_of_reaching_a_line_raises_the_lines_reached_that_way(query: str, line: str) -> None:
    assert line in ids(query)[:8]


def test_a_word_alone_covers_each_kind_it_may_mean() -> None:
    """ "harcèlement" alone: at work and sexual; with "moral", work only."""
    found = ids("harcèlement")[:8]
    assert {"groupe-soutien-beta-gouv", "cfcv-viol-femmes-informations"} <= set(found)
    assert "cfcv-viol-femmes-informations" not in ids("harcèlement moral")[:8]


def test_a_line_for_two_topics_of_the_query_is_not_set_aside() -> None:
    """Violence and helping a relative: the line on how to help a victim is offered."""
    assert "arretons-les-violences" in ids("mon frère se fait frapper par sa copine, que faire")[:8]


def test_someone_who_would_hear_puts_the_sms_line_right_after_17_and_112(
    reader: type[Situation],
) -> None:
    assert ids("[violence] il me frappe, il est à côté")[:3] == [
        "police-17",
        "urgence-112",
        "sms-114",
    ]
    assert ids("[violence] il me frappe et j'ose pas appeler")[0] == "sms-114"


def test_h24_after_a_state_says_how_long_not_a_lines_hours() -> None:
    assert "always" not in understand("cheffe toxique, humiliée h24").flags
    assert "always" in understand("une ligne h24 ?").flags


def test_a_public_agent_also_finds_the_peer_group_and_a_region_covers_its_departements() -> None:
    assert (
        "groupe-soutien-beta-gouv"
        in ids("pompier volontaire, intervention dure, besoin d'en parler")[:8]
    )
    assert "dispositif-psy-ile-de-france" in ids("psy gratuit 93")[:8]
    assert "groupe-soutien-beta-gouv" in ids(
        "je peux pas téléphoner, je suis en open space, écrire ?"
    )


def test_someone_not_well_always_sees_a_line_to_talk_to_in_view() -> None:
    found = ids("infirmière de réa, agressée par un patient, je craque complètement")[:8]
    assert "sos-amitie" in found


@pytest.mark.parametrize(
    ("words", "departement"),
    [("75019", "75"), ("je bosse à 13008", "13"), ("CHU 97400", "974"), ("20000 ajaccio", "2a")],
)
def test_a_postal_code_says_its_departement(words: str, departement: str) -> None:
    assert departement in understand(words).departements


def test_the_writers_own_team_says_their_sector() -> None:
    """ "mon équipe soignante": the writer's team, so lines for carers; "ma sœur
    infirmière" stays someone else's job."""
    assert not understand("protéger mon équipe soignante").others
    assert "soignante" in understand("son équipe soignante").others


def test_a_name_whose_last_word_is_cut_short_still_names_its_line() -> None:
    """ "viol femmes info" on a Saturday: named, so shown with its hours though closed."""
    assert "cfcv-viol-femmes-informations" in ids("viol femmes info ça ouvre le samedi ?")[:8]


def test_violence_asked_about_puts_the_violence_numbers_first() -> None:
    """A question about violence in a couple: 17, 112, 3919, 114 first (not 3114), then
    the lines on violence before the lines to talk to."""
    found = ids("!numéros violence dans le couple")
    assert found[:4] == ["police-17", "urgence-112", "violences-femmes-3919", "sms-114"]
    assert "arretons-les-violences" in found[:8]


def test_going_mad_finds_lines_to_talk_to() -> None:
    found = ids("j'ai l'impression de devenir fou")[:8]
    assert "sos-amitie" in found and "croix-rouge-ecoute" in found


@pytest.mark.parametrize("words", ["numéro vert svp", "j'ai plus de forfait", "toll free line"])
def test_a_free_number_said_another_way(words: str) -> None:
    assert "free" in understand(words).flags


@pytest.mark.parametrize(
    ("query", "ruled_out"),
    [
        ("pas SOS Amitié, j'ai déjà appelé, autre chose ?", "sos-amitie"),
        ("j'ai déjà appelé sos amitié, t'as autre chose ?", "sos-amitie"),
        ("autre que le 3114 stp", "prevention-suicide-3114"),
        ("pas le numéro de sos amitié, autre chose", "sos-amitie"),
    ],
)
def test_a_line_ruled_out_by_name_is_left_out(query: str, ruled_out: str) -> None:
    found = ids(query)
    assert found and ruled_out not in found


@pytest.mark.parametrize(
    "query", ["j'ai pas le numéro de sos amitié", "je sais pas si sos amitié est ouvert"]
)
def test_a_line_named_after_a_negation_is_still_wanted(query: str) -> None:
    assert ids(query)[0] == "sos-amitie"


def test_whom_one_would_consult_is_not_who_one_is() -> None:
    sister = ids("my sister is really depressed, she won't see a doctor, anything free?")
    assert "cnom-entraide-medecins" not in sister[:3]
    assert ids("je suis médecin et je n'ose pas voir un médecin")[0] == "cnom-entraide-medecins"


@pytest.mark.parametrize(
    ("query", "always"),
    [
        ("mon père boit h24 depuis sa retraite", False),
        ("je suis seule h24", False),
        ("un numéro h24", True),
        ("num soignants 24/24", True),
        ("psy gratuit h24", True),
    ],
)
def test_h24_of_a_line_is_a_filter_of_a_life_is_not(query: str, always: bool) -> None:
    assert ("always" in understand(query).flags) is always


def test_nothing_in_person_there_offers_sites_to_find_care_nearby() -> None:
    found = ids("Marseille, j'ai besoin de voir quelqu'un en vrai")
    assert "retab" in found and "arretons-les-violences" not in found
    query, _ = INDEX.search("Marseille, j'ai besoin de voir quelqu'un en vrai", paris(WEDNESDAY))
    assert query.widened


@pytest.mark.parametrize("query", ["j'ai pas un rond pour un psy", "je suis fauchée", "I'm broke"])
def test_being_broke_asks_for_free_lines(query: str) -> None:
    assert "free" in understand(query).flags


def test_a_spouse_named_is_not_the_line_for_women() -> None:
    found = ids("ma femme est décédée le mois dernier, je tiens pas")
    assert "violences-femmes-3919" not in found
    assert ids("comment trouver un hôpital de jour dans mon coin")[0] in ("psycom", "retab")


def test_the_education_nationale_is_a_public_employer_not_the_medico_social_sector() -> None:
    found = ids("instit en REP jsui cramé, pas le numero de l education nationale")
    assert "sps-soins-aux-professionnels-de-sante" not in found
    assert "croix-rouge-ecoute" in found


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("jpeu pa parlé il est la il va me taper", "sms-114"),  # cannot speak: 114 first
        ("mon mari me frappe, là il est dans la pièce à côté", "police-17"),
    ],
)
def test_he_would_hear_a_call_so_the_sms_line_comes_early(query: str, first: str) -> None:
    found = ids(query)
    assert found[0] == first and found.index("sms-114") < found.index("violences-femmes-3919")


def test_an_age_or_a_clock_is_no_place() -> None:
    assert understand("j'ai 15 ans, je peux voir un psy sans mes parents ?").departements == ()
    assert understand("j'ai 15 ans, je peux voir un psy").numbers == ()
    assert understand("je suis à la Réunion, c'est l'heure de Paris ?").departements == ("974",)
    assert understand("psy dans le 15").departements == ("15",)


def test_when_it_happened_is_not_when_to_call() -> None:
    found = ids("une amie s'est fait violer samedi, elle veut pas porter plainte, comment l'aider")
    assert {"cfcv-viol-femmes-informations", "arretons-les-violences"} <= set(found[:8])
    assert not read_when(" il s est fait agresser dimanche soir ")[1].asked
    assert read_when(" ouvert samedi ")[1].asked


@pytest.mark.parametrize(
    ("query", "now"),
    [
        ("agression sexuelle, y a quelqu'un là ?", True),
        ("jpp là g besoin de parler", True),
        ("praticien hospitalier, l'observatoire des syndicats là", False),  # that one
        ("crise de panique dans le métro là, je freak out", True),
        ("et là je rumine du matin au soir", False),
    ],
)
def test_there_said_of_now_asks_for_lines_open_now(query: str, now: bool) -> None:
    assert understand(query).when.asked is now


@pytest.mark.parametrize(
    "query", ["i'm not french and my french is bad", "anyone who speaks englsh?"]
)
def test_not_speaking_french_asks_for_lines_in_english(query: str) -> None:
    assert "english" in understand(query).flags


def test_an_overdose_gets_the_medical_emergency_numbers_first() -> None:
    found = ids("my roommate swallowed a whole box of pills and I can't wake him up")
    assert found[:2] == ["samu-15", "urgence-112"] and "prevention-suicide-3114" in found[:3]


@pytest.mark.parametrize(
    "query", ["dettes partout, je m'en sors plus", "can't pay rent, freaking out"]
)
def test_money_trouble_finds_someone_to_talk_to(query: str) -> None:
    assert {"sos-amitie", "croix-rouge-ecoute"} <= set(ids(query))


def test_a_24_7_line_asked_for_after_the_hours_is_a_filter() -> None:
    assert "always" in understand("need a 24/7 line for hospital staff").flags
    assert "always" not in understand("il boit h24").flags


@pytest.mark.parametrize(
    ("query", "asked"),
    [
        ("je bois un peu trop le soir pour décompresser", False),  # a habit
        ("les soirées coke ça devient n'importe quoi", False),  # parties
        ("je pleure le dimanche soir en pensant au lundi", False),  # the dread of Monday
        ("ouvert le dimanche soir ?", True),
    ],
)
def test_a_time_in_a_life_is_not_a_time_to_call(query: str, asked: bool) -> None:
    assert understand(query).when.asked is asked


def test_the_way_set_aside_is_no_filter() -> None:
    flags = understand("je préfère écrire plutôt que parler au téléphone").flags
    assert "written" in flags and "phone" not in flags
    assert "phone" not in understand("instead of talking on the phone, can I text?").flags


def test_aggressive_people_are_trouble_at_work_not_an_assault() -> None:
    found = ids("agent des impôts, l'accueil du public est agressif, je stresse")
    assert found[0] == "groupe-soutien-beta-gouv"
    assert not {"police-17", "violences-femmes-3919", "cfcv-viol-femmes-informations"} & set(found)


def test_a_job_misspelt_by_one_letter_is_still_that_job() -> None:
    assert "cnom-entraide-medecins" in ids("numero ecoute soigant")[:8]


def test_a_relatives_carer_is_not_the_writer() -> None:
    found = ids("ma mère est en ehpad et une aide-soignante lui crie dessus, je fais quoi")
    assert found[0] == "maltraitance-3977"
    assert "sps-soins-aux-professionnels-de-sante" not in found
    # ... but a relative's own job says which lines fit them
    assert "sps-soins-aux-professionnels-de-sante" in ids("ma mère est une aide-soignante épuisée")


def test_violence_from_the_public_is_trouble_at_work_too() -> None:
    found = ids("agression sexuelle par un patient pendant ma garde")
    assert "sps-soins-aux-professionnels-de-sante" in found[:8]


def test_violence_away_from_work_shows_the_lines_on_sexist_violence() -> None:
    assert "arretons-les-violences" in ids("mon ex me harcèle par messages depuis des mois")[:8]
    assert "arretons-les-violences" in ids("numéros VIF")[:8]
    # ... at work, a line to talk to stays in view before them
    assert "croix-rouge-ecoute" in ids("violences au travail, un usager m'a giflée ce matin")[:8]


def test_a_weapon_brings_the_police_after_the_numbers_for_a_life() -> None:
    found = ids("collègue enfermé dans son bureau, il dit qu'il a une arme et qu'il va en finir")
    assert found[:3] == ["prevention-suicide-3114", "samu-15", "urgence-112"]
    assert "police-17" in found[:4]


def test_a_psy_lacked_is_neither_ruled_out_nor_asked_for_now() -> None:
    query = understand("depresion sevère, je trouve pas de psy dispo")
    assert not query.ruled_out and "no_psy" not in query.flags and not query.when.asked
    assert "psys-du-coeur" in ids("depresion sevère, je trouve pas de psy dispo")[:8]
    assert "no_psy" in understand("pas de psy, juste parler").flags


def test_the_weekend_asked_on_a_sunday_morning_is_the_day_ahead() -> None:
    assert "croix-rouge-ecoute" in ids("/numéros week-end", "2025-03-16T10:00")[:8]


def test_a_university_lecturer_is_a_public_agent() -> None:
    assert "sps-soins-aux-professionnels-de-sante" not in ids("MCF à la fac, anxiété permanente")


def test_every_day_is_not_every_hour() -> None:
    assert "every_day" in understand("écoute psy 7j/7").flags
    assert "always" not in understand("écoute psy 7j/7").flags
    assert ids("écoute psy 7j/7 en Île-de-France")[0] == "dispositif-psy-ile-de-france"


def test_intensive_care_is_a_hospital() -> None:
    assert "aphp-covid-psy" in ids("mental health support for ICU doctors in Paris")[:8]


def test_english_if_possible_is_a_wish_not_a_filter() -> None:
    assert "prefer_english" in understand("a line for civil servants, English if possible").flags
    assert "english" in understand("english speaking line").flags
    found = ids("burnout at my ministry, any line for civil servants? English if possible")
    assert found[0] == "groupe-soutien-beta-gouv"


def test_someone_to_talk_to_includes_the_peer_group() -> None:
    assert "groupe-soutien-beta-gouv" in ids("parler à qqn par écrit, pas au tel")


def test_a_figure_of_speech_is_no_topic_of_suicide() -> None:
    query = understand("ce dossier va me tuer lol, besoin de souffler")
    assert "figurative" in query.flags and query.situation is None
    found = ids("ce dossier va me tuer lol, besoin de souffler")
    assert "samu-15" not in found and "groupe-soutien-beta-gouv" in found[:8]


def test_a_home_carer_of_the_town_is_not_an_admr_employee() -> None:
    assert "admr-pro-consult" not in ids("aide à domicile au CCAS de ma commune, je craque")
    assert "admr-pro-consult" in ids("aide à domicile à l'ADMR, je craque")[:8]


def test_no_wish_to_talk_on_the_phone_sets_the_phone_aside() -> None:
    assert "phone" not in understand("pas envie de parler au tel, je préfère écrire").flags


def test_a_job_the_writer_says_is_not_theirs_brings_no_sector_lines() -> None:
    found = ids("besoin de parler un lundi à 20h, je suis pas soignant", "2025-01-13T20:00")
    assert "sps-soins-aux-professionnels-de-sante" not in found and "sos-amitie" in found


def test_low_spirits_in_an_idiom_get_lines_to_talk_to() -> None:
    assert {"sos-amitie", "croix-rouge-ecoute"} <= set(ids("je broie du noir depuis des semaines"))


@pytest.mark.parametrize(
    "text", ["un coup de blues", "un coup de fatigue", "gros coup de stress, psy gratuit ?"]
)
def test_a_coup_of_speech_is_no_blow(text: str) -> None:
    found = ids(text)
    assert not {"police-17", "violences-femmes-3919", "arretons-les-violences"} & set(found[:8])
    assert "police-17" in ids("il m'a mis un coup de poing")


def test_someone_there_to_answer_is_asked_for_now() -> None:
    assert understand("ya quelqu'un qui répond là ?").when.asked
    assert {"sos-amitie", "croix-rouge-ecoute"} <= set(ids("ya quelqu'un qui répond là ?"))


def test_cannot_really_talk_puts_the_sms_line_first() -> None:
    text = "my boyfriend hit me again, he's in the next room, I can't really talk"
    assert ids(text)[0] == "sms-114"


def test_what_happened_comes_before_lines_to_talk_to() -> None:
    text = "aide-soignante en ehpad, je vois des collègues maltraiter des résidents, j'ai peur"
    assert "maltraitance-3977" in ids(text + " de parler")[:3]


def test_someone_to_see_face_to_face_is_asked_in_person() -> None:
    assert "in_person" in understand("j'aimerais voir quelqu'un en face, pas au tel").flags
    assert "psys-du-coeur" in ids("en vrai j'aimerais voir quelqu'un en face, pas au tel")


def test_a_line_to_listen_round_the_clock_includes_the_3114() -> None:
    assert {"sos-amitie", "prevention-suicide-3114"} <= set(ids("numero vert d'ecoute 24/24"))


def test_a_carer_who_roughs_up_a_father_is_mistreatment() -> None:
    text = "je crois que l'auxiliaire de vie de mon père en fauteuil le rudoie"
    assert "maltraitance-3977" in ids(text)[:3]


def test_a_psychiatric_emergency_brings_the_3114_and_the_15() -> None:
    assert {"prevention-suicide-3114", "samu-15"} <= set(ids("num urgence psy")[:8])


def test_round_the_clock_after_a_job_is_a_filter_and_no_departement() -> None:
    query = understand("numero pr les soignants 24/24")
    assert "always" in query.flags and query.departements == ()
    assert understand("humiliée h24 par mon chef").departements == ()


def test_in_house_is_no_medical_intern() -> None:
    found = ids("agent territorial, y a un soutien psy interne ?")
    assert "cnom-entraide-medecins" not in found and "sos-amitie" in found
    assert "cnom-entraide-medecins" in ids("je suis interne, je craque")


def test_a_state_startup_is_the_beta_gouv_community() -> None:
    assert ids("je bosse dans une startup d'état, burn out")[0] == "groupe-soutien-beta-gouv"


def test_lines_named_by_their_short_names() -> None:
    assert "aphp-covid-psy" in ids("je bosse à l'AP-HP, y a une ligne d'écoute pour le perso ?")[:3]
    assert ids("my husband hurts me and i cant talk on the phone")[0] == "sms-114"
