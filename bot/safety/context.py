"""What lowers a match: idioms, negations, talk about a topic, jokes.

Each lowers only what it covers; a stronger sign elsewhere in the message keeps the
level (recall first: a false alarm costs far less than a miss).
"""

from __future__ import annotations

# Idioms: a danger word used as a figure of speech. A match lying inside one is dropped.
IDIOMS: tuple[str, ...] = (
    "@DIE|mort|crever|dying|dead + de|of|from + rire|fatigue|faim|soif|froid|chaud|ennui"
    "|honte|trouille|impatience|boredom|hunger|laughter|laughing|embarrassment|thirst|cold"
    "|heat|stress|curiosity|curiosité|envie|overdose",
    "!=je|=j|=i + me|moi + =tue|=tuent|=tuait|=tuera|=achever|=acheve|=achevent|=killing",
    "@REFL|@ME + @KILL + avec|with|lol|mdr",
    "@REFL|@ME + avoir|=a + @KILL",
    "ça|cela|this|that|it + @REFL|@ME .. @KILL",
    "is|are|was|were|be|am + killing + @ME|@REFL",
    "@KILL .. nous|vous|tous",
    "@CUT + le|les|la|my|the + doigt|cheveux|ongles|finger|hair|nails|frange|barbe|thumb",
    "@CUT .. en|while|opening|cooking + cuisinant|épluchant|bricolant|cooking|opening|ouvrant",
    "@CUT .. four|plat|casserole|oven|cuisine|fer|poêle|pan|stove",
    "@KILL + le|les|des|the|them|it|time|temps|moucherons|mouches|fourmis|ants|flies|boss",
    "en + finir + avec|with + =ce|=cette|=ces|=le|=la|=les|=mon|=ma|=mes|=this|=that|=the + !@LIFE",
    "@END + avec|with + ce|cette|ces|le|la|les|mon|ma|this|that|the + !@LIFE",
    "jeter|jeté|throw + à|in + le|the + eau|water|pool",
    "pendu|pendue|hung + au|à|on + téléphone|phone|fil|lèvres",
    "killed|kill|killing + it",
    "main + armée|armé|armed",
    "@ROLE .. @KILL .. si|if|quand|when",
    "me|moi + =tue|=tues + à|au .. tâche|travail|boulot",
    "@GONE + sous|under|derrière|behind",
    "@JUMP .. ordi|ordinateur|pc|téléphone|laptop|phone|écran|clavier|imprimante|computer|printer|keyboard",
    "@HIGH .. pour|to + changer|réparer|nettoyer|installer|poser|vérifier|fix|repair|clean|install|check|paint|peindre",
    "corde|rope .. escalade|grimper|climbing|sauter|linge|guitare|violon|bateau|voile|gym|gymnase",
    "frapper|frappe|knock|knocking + à|at|on + le|la|the + porte|door",
    "mal + au|à|aux + dos|genou|genoux|pied|pieds|tête|ventre|dent|dents|cheville|épaule|cou|gorge|crâne",
    "@KILL + =tout|=tous|=everyone|=everybody|=everything",
    "@DIE + @ME + ça|it|that|this + laugh|rire",
    "a|à + deux|2 + doigts + de + jeter|balancer + ordi|ordinateur|pc|téléphone",
    "@JUMP + @ME|mon + ordi|ordinateur|pc|téléphone|laptop|phone",
    "serial|série|séries|tueur|tueurs|killer|killers",
)

# Words that make a message ask *about* danger rather than express it: a lone topic
# word (`suicide`, `3919`) next to them is a question, not a cry for help.
TOPIC = frozenset(
    (
        "formation module sensibilisation prévention affiche livret fiche statistique "
        "statistiques chiffres DUERP sentinelle mémoire numéro numéros ligne hotline "
        "conférence webinaire campagne documentation procédure signalement cellule dispositif "
        "référent signes alerte warning signs combien quel quels quelle quelles note atelier "
        "PSSM slide stats study étude enquête "
        "training prevention poster leaflet statistics onboarding research hotline number "
        "numbers awareness campaign"
    ).split()
)

# Stories: what happens to someone in them is not happening to a real person now.
FICTION = frozenset(
    (
        "série film livre roman polar jeu personnage héros héroïne podcast documentaire "
        "docu article JT journal pièce spoiler épisode saison tome chapitre boss niveau "
        "théâtre acteur actrice scène fiction étudier bac thriller détective "
        "movie show series book novel game character hero podcast documentary article "
        "episode season chapter finale boss level actor play fiction scene thriller detective"
    ).split()
)

# Laughing: a lone topic word or idiom next to it is a joke, not a cry for help.
LAUGH = frozenset("mdr ptdr lol lmao xd haha hahaha jk rire".split())
LAUGH_EMOJI = frozenset("😂🤣💀😆😅🙃")

# Words that deny what follows them (not "plus": "je ne veux plus vivre" is danger).
NEGATORS = frozenset(
    "pas jamais aucun aucune aucunement ni personne nullement not never no nobody none neither".split()
)
NEGATION_REACH = 6
