"""The safety reader, by kind of message that blind set I showed it misreading.

Each table holds wordings other than the corpus's: a kind is fixed, not a sentence.
"""

from __future__ import annotations

import pytest

from bot.safety import Level, Situation, read

DANGER_KINDS = {
    "told inside a question about the service": [
        "l'écoutant verra mon prénom ? je me suis demandé toute la nuit si je devais en finir",
        "est-ce que mon manager peut lire ça ? hier j'étais assis sur le rebord du balcon",
    ],
    "a lethal dose asked for oneself": [
        "il faut combien de cachets de xanax pour que ce soit mortel ? c'est pour moi",
        "quelle dose de doliprane pour mourir",
        "how many of my sleeping pills would be lethal",
    ],
    "going on is pointless": [
        "à quoi ça sert de vivre comme ça",
        "franchement à quoi cela sert de continuer",
        "je vois plus le bout du tunnel, et j'ai plus la force",
    ],
    "words quoted from someone real": [
        "ma sœur m'a écrit « je veux mourir » cette nuit, je fais quoi ?",
        'my friend texted me "I want to die" an hour ago',
    ],
    "a song's words the writer makes theirs": [
        "j'écoute la chanson « je veux mourir » en boucle, c'est exactement ce que je ressens",
        'the song goes "I want to end it all" and that\'s me right now',
    ],
    "a threat at home, not business": [
        "il menace de m'enlever les enfants et de me frapper",
        "mon mari menace de me tuer si je le quitte",
    ],
    "violence that may come back": [
        "il m'a frappée la semaine dernière, j'ai porté plainte mais il revient ce soir",
        "un collègue m'a agressée il y a deux jours, j'ai encore peur de le croiser",
    ],
    "a requester asks about the listeners, or would like to become one": [
        "les écoutants voient mon nom ? parce que là je pense à en finir",
        "comment on devient bénévole chez vous ? en ce moment j'ai envie de mourir",
    ],
    "a relative's recent attempt, even if they are fine now": [
        "mon frère a fait une TS hier, il va bien maintenant mais il dit qu'il recommencera",
    ],
    "erasing oneself": [
        "je veux m'effacer de ce monde",
    ],
    "drowning oneself, giving one's things away": [
        "je vais me noyer dans la Seine ce soir",
        "I've started giving away my stuff",
    ],
    "hurting oneself, not being hurt": [
        "I might hurt myself tonight",
        "je vais me blesser ce soir",
    ],
    "a goodbye that is more than the end of a chat": [
        "je dois partir pour toujours",
        "je dois partir, adieu à tous",
    ],
    "pictures of the means": [
        "💊💊💊 ce soir",
        "j'ai pris 💊💊💊💊💊",
    ],
    "a plan to jump": [
        "j'ai prévu de sauter du parking de la cité administrative vendredi",
    ],
    "at a high place, on a platform, letting the trains go": [
        "je suis en haut du parking de l'hôpital, dernier niveau, il n'y a personne",
        "assis sur le quai depuis deux heures, je laisse passer les métros",
    ],
    "grief, and the writer's own wish or a living person at risk": [
        "mon frère s'est suicidé l'an dernier et moi aussi je veux mourir",
        "depuis l'enterrement de papa, ma mère dit qu'elle veut se tuer",
        "un collègue s'est pendu en mars, et maintenant son binôme parle d'en finir",
        "j'ai déjà fait une TS en 2019, à l'hommage de lundi j'y repensais, je veux recommencer",
        "ma mère en fin de vie veut se tuer avant que la maladie gagne",
        "je veux tout arrêter",
    ],
    "someone attacked before the writer's eyes": [
        "a patient is attacking a nurse right now, what do we do",
        "un usager frappe une collègue là maintenant à l'accueil",
        "un patient agresse une aide-soignante aux urgences là maintenant",
    ],
    "a wish to die in chat spelling": [
        "chui a bou jveu mourir",
    ],
    "doing it, at night, nothing named": [
        "3h du mat je vais le faire",
        "tonight I'm gonna do it",
    ],
    "no way out but one": [
        "je vois plus de sortie. sauf une.",
    ],
    "a relative or colleague beaten at home": [
        "ma voisine a des bleus, son mari la frappe, elle a peur de rentrer",
    ],
}

NOT_DANGER_KINDS = {
    "a song, a quote, an actor's lines": [
        "Dans sa chanson il chante « je veux mourir ce soir », quel refrain triste",
        "la réplique de mon rôle c'est « je vais me tuer », on répète jeudi",
        'the singer sings "I want to die" in the chorus, such a sad song',
    ],
    "a machine or a program wants you dead": [
        "cette photocopieuse veut ma mort, encore un bourrage",
        "Excel va me tuer avec ses macros",
        "my laptop wants me dead, third crash today",
        "ce fichier pdf va me tuer",
    ],
    "a child, a client: hyperbole and business": [
        "mon fils va me tuer si j'oublie encore son maillot de bain",
        "le fournisseur menace de résilier le contrat si on paie en retard",
    ],
    "rather die than do a chore": [
        "je préfère mourir que de remplir ce tableau de bord",
        "je préférerais crever que de rédiger ce compte rendu",
    ],
    "a pet's death": [
        "mon chien est mort ce matin, il était très vieux",
        "our cat died last night, she was 19",
    ],
    "violence told as past and settled": [
        "il y a un mois un client m'a bousculé, il a été arrêté et je vais bien maintenant",
        "last week a patient hit me, he was charged and I'm safe now",
    ],
    "aggressive as a manner, and a joke said to be one": [
        "les usagers sont agressifs au guichet, je stresse avant chaque permanence",
        "si elle me redemande ce tableau je la tue 😤 jrigole",
    ],
    "a first-aid course, a trainer's example": [
        "did the mental health first aid course, good on asking about suicidal thoughts",
        "our trainer said to ask plainly 'are you thinking of suicide?', is that ok?",
    ],
    "abusive words, not blows": [
        "un parent d'élève m'envoie des mails injurieux",
        "I keep getting abusive messages from a customer",
    ],
    "someone already gone: a death by suicide told, a memorial": [
        "mon oncle s'est suicidé quand j'étais ado, j'y pense souvent à Noël",
        "encore un suicide de gendarme dans la presse ce matin, ça me révolte",
        "after one of our nurses took her own life, how do we support the ward?",
        "un agent s'était jeté sous le train en 2012, la cérémonie d'hommage est demain",
    ],
    "words that share a key with danger: a sick leave, the army, French 'son'": [
        "comment accueillir une collègue qui revient d'arrêt maladie ?",
        "je travaille au ministère des Armées, c'est quoi le numéro du service social ?",
        "dans ce roman le héros se jette du pont dans son costume du dimanche",
    ],
    "a side effect asked about": [
        "ce traitement peut provoquer des idées noires ? je préfère savoir avant de commencer",
        "can this antidepressant cause suicidal thoughts in the first weeks?",
    ],
    "a listener asks plainly, as first aid teaches": [
        "est-ce que tu as eu des pensées suicidaires ces derniers temps ?",
        "tu peux me répondre franchement : as-tu des idées de suicide en ce moment ?",
    ],
    "someone else's crisis long over": [
        "mon oncle a fait une TS dans les années 90, il va très bien aujourd'hui",
        "my cousin tried to kill herself in 2008, she's happy and married now",
    ],
    "erasing one's data is not erasing oneself": [
        "je veux que tu effaces mes données",
    ],
    "a listener's words, a day's theme, meaning something else": [
        "c'est violent ce que tu as vécu. Tu en as parlé à quelqu'un ?",
        "thème du jour : comment tu dors en ce moment ?",
        "attends, je voulais dire autre chose",
    ],
    "drowning in work, not caring, playing dead in a drill": [
        "j'ai l'impression de me noyer sous les mails",
        "la direction s'en fout complètement",
        "pour l'exercice incendie je joue la victime, je fais le mort au 2e",
        "cette réunion m'a achevée",
    ],
    "ending a chat, not a life": [
        "désolée je dois partir, on reprend jeudi ?",
        "c'était mon dernier message de la journée",
        "j'ai fini ce que j'avais à dire",
        "je préfère arrêter là pour aujourd'hui",
    ],
    "a jump for sport": [
        "on a prévu de sauter en parachute pour l'anniversaire de Julie",
        "my kids jump rope in the yard every evening",
    ],
    "a height, a platform, with nothing of danger": [
        "on est en haut de la tour Montparnasse avec ma classe, la vue est folle",
        "bloqués sur le quai depuis une heure, le RER B est encore en panne",
    ],
    "typing, a cold remedy, a cake": [
        "pardon j'ai tapé demande sans faire exprès",
        "j'ai pris deux cachets contre la migraine, ça va mieux",
        "who is cutting the birthday cake?",
        "je préfère rester sur le même écoutant finalement",
    ],
    "someone dying of an illness, ready to go": [
        "mon grand-père en soins palliatifs dit qu'il est prêt à partir, il est apaisé",
    ],
    "a danger phrase quoted as an example": [
        "que répond le bot si un usager écrit « je veux me suicider » ?",
        'when someone types "I want to die", what does the bot do?',
    ],
}

CONCERN_KINDS = {
    "a death wish laughed at": [
        "j'ai envie de mourir mdr j'ai appelé la directrice maman",
        "je veux mourir 🤣 j'ai répondu à tous au lieu de répondre à Paul",
    ],
    "a partner threatening to leave: distress, not violence (two blind writers agree)": [
        "ma femme me menace de partir avec les enfants, je dors plus",
        "il menace de me quitter, je sais plus où j'en suis",
    ],
    "violence over, the writer shaken": [
        "je suis à l'ouest depuis qu'un usager m'a agressée la semaine dernière, besoin de parler",
    ],
}


def _cases(table: dict[str, list[str]]) -> list[tuple[str, str]]:
    return [(kind, text) for kind, texts in table.items() for text in texts]


@pytest.mark.parametrize(("kind", "text"), _cases(DANGER_KINDS))
def test_danger_of_a_kind(kind: str, text: str) -> None:
    assert read(text).level is Level.DANGER, kind


@pytest.mark.parametrize(("kind", "text"), _cases(NOT_DANGER_KINDS))
def test_no_danger_of_a_kind(kind: str, text: str) -> None:
    assert read(text).level is not Level.DANGER, kind


@pytest.mark.parametrize(("kind", "text"), _cases(CONCERN_KINDS))
def test_concern_not_alarm(kind: str, text: str) -> None:
    assert read(text).level is Level.CONCERN, kind


@pytest.mark.parametrize("text", ["I might hurt myself tonight", "je vais me blesser ce soir"])
def test_hurting_oneself_is_no_violence_by_someone_else(text: str) -> None:
    """Self-harm gets 3114, 15, 112 first, not 17 and 3919."""
    assert read(text).situation is Situation.SELF


@pytest.mark.parametrize(
    "text",
    [
        "il me frappe",
        "je me suis fait frapper par un usager",
        "my roommate is threatening to stab me",
    ],
)
def test_being_hurt_by_someone_is_violence(text: str) -> None:
    assert read(text).situation is Situation.VIOLENCE


# Danger said in passing after an ordinary request is danger; words of danger denied, or
# "notes" (whose key was once the one of English "not"), raise no alarm.
PASSING_OR_DENIED = {
    "c'est où qu'on pose ses congés sur l'appli ? sinon toujours envie de sauter du pont lol": True,
    "le formulaire de temps partiel svp ? au fait j'ai commencé à donner mes affaires": True,
    "la façon dont je pourrais me tuer, j'y pense tous les soirs": True,
    "aucune idée noire, je vais très bien, je veux juste savoir si mes données partent": False,
    "j'ai noté dans mes notes qu'il faut rappeler le 3114 pour l'affiche": False,
    # a past attempt told as over is no alarm (the plain question at most)
    "j'ai fait une tentative de suicide il y a 8 ans, ça va vraiment bien depuis": False,
    "can I book a listener tomorrow? tonight i just want to sleep and not wake up honestly": True,
    "je peux avoir un écoutant ? deux détenus m'ont dit qu'on allait me planter ce soir": True,
    "j'ai envie d'arrêter. Tout. Pas seulement les séances.": True,
    # an absence the writer explains is a trip; one they do not is not
    "le formulaire de congés ? je serai plus là lundi, je pars 3 semaines en Bretagne": False,
    "le formulaire de congés ? de toute façon je serai plus là lundi": True,
    "Le pont de l'Ascension tombe bien, je vais enfin pouvoir partir quelques jours": False,
    "je voudrais savoir qui récupère mon casier quand je serai mort": True,
    "could someone check on my mum after I'm gone, she lives alone": True,
    "cmt on fait pr mourir sans douleur": True,
    # a joke with a petty condition, laughed at: the plain question at most
    "ptdr je vais me pendre si on me remet encore de garde a noel": False,
    # 🙃 is bitter, not laughing: what it closes is read as written
    "jeudi j'ai cherché la hauteur du pont et si ça suffisait, vendredi sprint review 🙃": True,
    "Franchement la nouvelle réforme va nous achever, tous autant qu'on est": False,
    "jai revu Titanic hier soir, chui encore en PLS": False,
    "une mère d'élève m'a agressée verbalement devant la classe, je suis choquée": False,
    "séance de tir au pistolet annulée jeudi, elle est reportée quand ?": False,
    "Un agent de la voirie a dit qu'il allait tous nous descendre au dépôt demain matin": True,
    "demande de mutation en cours mais bon jserai plus en vie pour la voir aboutir": True,
    "annuler mon rdv médecine du travail du 12, inutile, je compte pas être encore là": True,
    "Les horaires du service social ? Que mes enfants aient les infos pour après moi.": True,
    "I'd kill for a coffee right now, the morning briefing was endless": False,
    "j'ai cru mourir quand le procureur a demandé le jugement que j'avais pas encore tapé": False,
    "I need to renew my service weapon certification, when is the next range session?": False,
    # violence past, of someone else ("la nuit" is no "là"): the plain question at most
    "depuis l'agression d'un collègue le mois dernier je dors plus, j'ai des flashs la nuit": False,
    "une amie s'est fait violer samedi, elle veut pas porter plainte, comment l'aider": False,
    "jveux plus etre la": True,
    "j'ai plus envie d'être là": True,
    "un gars verbalisé vient de poster mon adresse sur snap, je suis seule avec ma fille": True,
    # violence told as past and settled: the plain question at most
    "Il y a deux ans un détenu m'a agressé. Il a été condamné. Aujourd'hui ça va bien.": False,
    "Il m'a frappée une fois, il y a quinze ans, je l'ai quitté le lendemain.": False,
    "One of my officers was assaulted last month. He's back at work and doing fine.": False,
    # "6 mois d'arrêt" is a sick leave, not an arrest that settles anything
    "J'ai fait une tentative en 2022, puis 6 mois d'arrêt. Les mêmes pensées reviennent.": True,
    "la mairie organise une journée contre les violences faites aux femmes, un stand ?": False,
    # violence as a bare topic is a search; a cry or a person in it is not
    "violences conjugales": False,
    "num violences sexuelles": False,
    "VIOLENCE AIDE": True,
    "idees suicidaires": True,
    "idees sombres ces temps ci": True,
    "overtime paid before the end of the month? I don't plan on seeing next month": True,
    "Rdv médecine du travail ? Inutile. J'ai mis le Famas chargé sous mon lit de camp.": True,
    "OMG this audit is going to be the death of me. Where are the templates?": False,
}


@pytest.mark.parametrize(("text", "danger"), PASSING_OR_DENIED.items())
def test_in_passing_is_danger_denied_is_not(text: str, danger: bool) -> None:
    assert (read(text).level is Level.DANGER) is danger
