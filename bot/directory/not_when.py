"""Time words that do not ask for a time to call: when the trouble comes back, how
long it lasted, when something happened ("tous les soirs", "toute la nuit", "hier soir").
`when.read_when` removes them before it reads the time a person wants to call."""

from __future__ import annotations

import re

# "tous les soirs", "chaque dimanche soir", "every night": when the trouble comes back,
# not when the person wants to call.
_TIME_WORD = (
    r"(?:jours?|matins?|matinees?|soirs?|soirees?|nuits?|week ends?|weekends?|"
    r"(?:lun|mar|mercre|jeu|vendre|same|diman)(?:di|che)s?|mornings?|evenings?|nights?|days?|"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)days?)"
)
_DAY = r"(?:(?:lun|mar|mercre|jeu|vendre|same|diman)(?:di|che))"
# ... unless it is how long a line is open: "ouvert toute la nuit", "open all night"
_NOT_OPEN = "".join(
    f"(?<!{w} )" for w in "ouvert ouverte dispo disponible joignable repond open available".split()
)
HABIT = re.compile(
    rf" (?:(?:tous les|toutes les|chaque|every|each)( {_TIME_WORD}){{1,2}}"
    # since when it weighs: "boule au ventre dès le dimanche soir", "depuis samedi"
    rf"|(?:des le|depuis le|depuis|since)( {_TIME_WORD}){{1,2}}"
    # a weekday said of the trouble: "le dimanche soir j'ai une boule au ventre", "rien qu'à
    # l'idée du lundi" (not "le lundi matin avant 9h", a time to call)
    rf"|le {_DAY}(?: soir| matin)?(?= (?:j|je|c|ca|on|tout|chaque) )"
    rf"|(?:idee|peur|angoisse|stress|pensee|perspective) (?:du|de) {_DAY}(?: soir| matin)?"
    # what comes back at night: "les images reviennent la nuit", "je me réveille la nuit"
    r"|(?:(?<=reviennent )|(?<=remontent )|(?<=recommence )|(?<=reveille )|(?<=tournent )"
    r"|(?<=hantent )|(?<=cauchemars ))(?:la nuit|le soir)"
    # all day long: "je rumine du matin au soir", "day and night"
    r"|du matin au soir|matin midi et soir|(?:de )?jour et nuit|nuit et jour"
    r"|day and night|night and day|from morning (?:to|till|until) night"
    # how long the trouble lasted: "j'ai pleuré toute la nuit", "pas dormi de la nuit"
    r"|(?:dormi|l oeil) de la nuit|" + _NOT_OPEN + r"(?:toute la (?:nuit|matinee|soiree|journee)"
    r"|all (?:night|day|morning|evening)(?: long)?|the whole (?:night|day)))(?= )"
)


_AGO = r"(?:ans?|annees?|mois|semaines?|jours?|heures?|minutes?|years?|months?|weeks?|days?|hours?)"
# When something happened, not when to call: "hier soir", "samedi dernier", "la nuit
# dernière", "il y a deux ans", "last night", "en soirée" (at a party).
PAST = re.compile(
    rf" (?:(?:avant )?hier(?: {_TIME_WORD})?|(?:le |la |l )?(?:{_TIME_WORD}) derni(?:er|ere)"
    rf"|l autre (?:{_TIME_WORD})"
    rf"|depuis (?:(?:le|la|l|ce|cette|des|plusieurs|quelques) )?(?:{_TIME_WORD}|hier|\w+ {_AGO})"
    rf"|since (?:{_TIME_WORD}|yesterday)"
    rf"|(?:il )?y a (?:\d+|un|une|deux|trois|quelques|plusieurs) {_AGO}"
    rf"|last (?:{_TIME_WORD})|yesterday(?: {_TIME_WORD})?|\w+ {_AGO} ago|en soiree"
    # a party: "après une soirée", "à la soirée du service", "pendant la soirée d'équipe"
    r"|(?:apres|lors d|pendant|a|d) une soirees?"
    r"|(?:apres|lors de|pendant|a) la soiree (?:du|de|d|des|chez)"
    rf"(?= \w)(?! {_TIME_WORD}| demain| ce))(?= )"
)

# What happened earlier today, told in the past tense: "un usager m'a giflée ce matin",
# "il m'a menacée de mort ce soir", "je me suis fait agresser cette nuit". The time words
# go, the words of what happened stay. A state or a wish ("j'ai envie de parler ce soir",
# "je suis seule ce soir") is no event: only avoir, or être after a reflexive, and a
# past participle right after it.
_NOT_DONE = (
    "envie besoin peur honte mal hate personne rien pas plus jamais encore toujours trop "
    "vraiment tellement du de des un une le la les l quelqu"
).split()
# between what happened and its time ("m'a mis un coup de poing au guichet ce matin"),
# no word that starts a wish or a new clause ("j'ai appelé mais je veux parler ce soir")
_WISH = "mais et je j veux voudrais aimerais besoin envie pour peux ou puis donc alors".split()
EVENT = re.compile(
    r"( (?:(?:m|j|je|tu|t|l|il|elle|on|ils|elles|nous|vous) (?:a|ai|as|avons|avez|ont"
    r"|me suis|t es|s est|nous sommes|se sont)(?: ete)?|\w+ (?:a|ont) ete) "
    rf"(?!(?:{'|'.join(_NOT_DONE)}) )\w+(?:e|es|i|is|it|u|us|t|te|tes|ert|erte)"
    rf"(?: (?!(?:{'|'.join(_WISH)}) )\w+){{0,10}}?)"
    r" (?:ce|cette|cet) (?:matin|soir|nuit|midi|apres midi)(?= )"
)

# The same told as a noun: "agression sexuelle dans le RER ce matin", "altercation avec
# un usager cette nuit". What happened earlier today, not a time to call.
_INCIDENT = (
    "agression agressions altercation accident attaque incident incidents bagarre viol "
    "attouchements insultes menaces gifle crachats"
).split()
INCIDENT = re.compile(
    rf"( (?:{'|'.join(_INCIDENT)})(?: (?!(?:{'|'.join(_WISH)}) )\w+){{0,6}}?)"
    r" (?:ce|cette|cet) (?:matin|soir|nuit|midi|apres midi)(?= )"
)

# What the person does at that time, a habit: "je bois trop le soir", "je pleure la nuit".
ACTIVITY = re.compile(
    r"( (?:bois|boit|pleure|pleures|pleurent|rumine|angoisse|craque|fume|mange|cogite"
    r"|gamberge|stresse|panique|effondre|dors|dort)"
    r"(?: (?:trop|beaucoup|encore|souvent|seul|seule|toujours|un peu|mal|plus)){0,2})"
    r" (?:le|la|l) (?:(?:lun|mar|mercre|jeu|vendre|same|diman)(?:di|che) )?"
    r"(?:soir|nuit|matin|week end|weekend|dimanche|samedi)(?= )"
)
# Parties, not evenings: "les soirées coke", "des soirées arrosées"
PARTIES = re.compile(r" (?:les|des|mes|ces|nos|vos) soirees(?= )")

# Going back to work on a day: "je reprends lundi", "retour au travail demain", "I go back
# on Monday". The day of the dreaded return, not a time to call; the words stay.
RETURN = re.compile(
    r"( (?:reprends|reprend|reprendre|reprise|retourne|retourner|retour|rentre|rentrer"
    r"|recommence|recommencer|go back|going back|back to work"
    r"|pensant|pense|penser|redoute|redouter|dread|dreading)(?: \w+){0,3}?)"
    r" (?:(?:le|ce|des|on|this|next) )?(?:(?:lun|mar|mercre|jeu|vendre|same|diman)(?:di|che)"
    r"|(?:mon|tues|wednes|thurs|fri|satur|sun)day|demain|apres demain|tomorrow)(?= )"
)

# "mon binôme de nuit", "infirmière de nuit", "je suis de nuit": a night job, not a time to
# call; "ouvert de nuit", "qui répond de nuit" still are.
_CALL_WORDS = (
    "ouvert ouverte ouverts ouvertes joignable joignables dispo disponible disponibles repond "
    "repondent appeler appelle appel ligne lignes numero numeros ecoute permanence qui parler"
).split()
NIGHT_JOB = re.compile(rf" (?!(?:{'|'.join(_CALL_WORDS)}) )(\w+) de nuit(?= )")
# What happened to someone, and when: "une amie s'est fait violer samedi" (the day goes,
# the words stay).
HAPPENED = re.compile(
    rf"( (?:s est|se sont|m a|m ont|l a|l ont) faite?s? \w+)"
    rf" (?:{_TIME_WORD})(?: {_TIME_WORD})?(?= )"
)
