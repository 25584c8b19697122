"""What lowers a match: idioms, negations, talk about a topic, jokes.

Each lowers only what it covers; a stronger sign elsewhere in the message keeps the
level (recall first: a false alarm costs far less than a miss).
"""

from __future__ import annotations

from bot.safety.matcher import as_typed

# Machines, software and pets, as the subject of a death in an idiom.

# Words that make a message ask *about* danger rather than express it: a lone topic
# word (`suicide`, `3919`) next to them is a question, not a cry for help.
TOPIC = frozenset(
    (
        "formation module sensibilisation prévention affiche livret fiche statistique "
        "statistiques chiffres DUERP sentinelle mémoire numéro numéros ligne hotline "
        "conférence webinaire campagne documentation procédure signalement cellule dispositif "
        "référent signes alerte warning signs combien quel quels quelle quelles atelier "
        "PSSM slide stats study étude enquête supervision intervention interventions "
        "anonymisé anonymisée prérequis débriefing debriefing retex repérer repérage "
        "training prevention poster leaflet statistics onboarding research hotline number "
        "numbers awareness campaign course secourisme trainer instructor désescalade "
        "de-escalation "
        # the service itself: how the bot, a coordinator or a trainer handles such messages
        "bot chatbot protocole protocol coordinateur coordinatrice coordination formateur "
        "formatrice modération modérateur modératrice moderator moderation"
    ).split()
)

# Stories: what happens to someone in them is not happening to a real person now.
FICTION = frozenset(
    (
        "série film =livre roman polar =jeu =jeux personnage héros héroïne podcast "
        "documentaire docu article JT =journaux =presse spoiler épisode saison tome chapitre théâtre "
        "acteur actrice fiction étudier thriller détective scénario bd =manga =mangas "
        "drama =anime =animes chanson chansons dissertation poème poésie tragédie auteur "
        "autrice écrivain romancier romancière chanteur chanteuse rappeur album clip sitcom "
        "cinéma lecture narrateur narratrice bouquin bouquins "
        "movie series book novel game character hero documentary episode season chapter "
        "=finale actor fiction thriller detective song songs lyrics poem poetry tragedy "
        "author novelist singer rapper sitcom cinema narrator villain "
        "netflix protagoniste protagonist antagoniste antagonist intrigue plot scene troupe "
        "comédien comédienne dramaturge opéra opera conte fable fanfic fanfiction webtoon "
        "=role-play =roleplay =jeu-de-role simulation "
        "comics réalisateur réalisatrice casting bande-annonce trailer screenplay scénariste "
        "playwright gameplay quête quest campaign =jdr =rpg donjon donjons =dnd"
    ).split()
)

# Reading, studying: a real person may be in what one reads (a sister's message), so a
# match not about the writer is weighed by the model rather than dropped.
STORY = frozenset("lire relire exposé read reading essay".split())

# A volunteer listener of the service speaking of someone they listen to, or asking how
# to react: every match is weighed by the model (written as typed: `écoute` is not one).
LISTENER = as_typed(
    "ecoutant ecoutante ecoutants ecoutantes benevole benevoles demandeur demandeuse "
    "demandeurs listener listeners volunteer volunteers requester"
)
# ... or as what they do: "la personne que j'écoute", "the man I support".
LISTENING: tuple[str, ...] = (
    "=que|=qui + =j|=je + =ecoute|=accompagne|=ecoutais|=accompagnais|=ecoutons",
    # the roles of first aid in mental health, at work
    "=first + =aider|=aiders",
    "=secouriste|=secouristes .. =sante + =mentale",
    "=sentinelle|=sentinelles",
    "@OTHER + =i + =listen|=support|=supported",
)

# Idioms that laugh: dropped unless the writer says they are serious.
JOKES: tuple[str, ...] = ("@REFL|@ME + @KILL + lol|mdr|ptdr|lmao|jk",)

# The writer takes the joke back ("je vais me tuer 😂 non sérieux j'en peux plus"):
# laughing then lowers nothing.
SERIOUS: tuple[str, ...] = (
    "sérieux|sérieusement|seriously|serious|sincèrement|honnêtement|honestly",
    "en + =vrai",
    "for + =real",
    "@NEG .. =rigole|=blague|=plaisante|=joking|=kidding|=joke",
    "=rigole|=blague|=plaisante + =pas",
    "blague|joke|joking + à|a|aside + part|aside",
    "no + joke",
)

# Laughing: a lone topic word or idiom next to it is a joke, not a cry for help.
LAUGH = frozenset(
    "mdr ptdr lol lmao xd haha hahaha jk rire rigoler plaisanter déconner blague joke kidding".split()
)

# Work objects, IT and leaving parties: a danger word in their sentence is most often a
# figure of speech, so the model must agree before it counts.
DOUBT = frozenset(
    (
        "excel tableau tableur réunion réunions mail mails bug bugs build imprimante visio "
        "planning logiciel intranet maj update powerpoint ticket tickets process processus script code serveur "
        "appli application wifi vpn pot départ retraite mutation vacances congés notaire "
        "rez chaussée théâtre rôle répétition zoom =teams "  # Teams, not "my team"
        "spreadsheet meeting meetings printer deploy server app holidays vacation farewell "
        "drinks party card retirement rapport compte-rendu ménage report homework "
        # what a medicine is taken for: a dose for a headache, not an overdose
        "migraine rhume grippe fièvre toux allergie cholestérol headache "
        "flu fever cough allergy "
        "dent dents tension hypertension contraception otite angine sinusite gastro règles "
        "toothache cramps prescription"
    ).split()
)
