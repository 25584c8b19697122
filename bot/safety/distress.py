"""Distress without a clear sign of danger: the bot asks, plainly, rather than alarms.

Same pattern language as `patterns.py`."""

from __future__ import annotations

import re

# Distress without a clear sign of danger: a question, not an alarm.
CONCERN: tuple[str, ...] = (
    "au + secours",
    "can + not .. take|cope|do|handle|stand|bear .. anymore|more|longer",
    "devenir|deviens|devient + fou|folle|dingue|cinglé|cinglée",
    "losing + my + mind",
    "going + crazy|insane",
    "aider|aidez|help .. @ME",
    "besoin .. aide|help",
    "ras + le + bol",
    "boule + au + ventre",
    "sers|servir + à + rien",
    "quelqu + un + peut|pourrait|pour .. =me|=m + parler|écouter|aider",
    "@NEG .. lever",
    "perdu|perdue|lost",
    "plaquer|lâcher .. tout",
    "sombrer|sombre|couler|coule|noyer|noie|noyé|noyée|drowning",
    "trembler|tremble|shaking",
    "@NEG .. ressentir|ressens|feel|feeling",
    "overwhelmed|submergé|submergée",
    "need .. help",
    "@NEG + en + peux + plus",
    "en + peux + plus",
    "craquer|craque|cracking",
    "à|au .. bout",
    "fond .. trou",
    "@NEG .. tenir",
    "marre .. tout",
    "pleurer|pleure|cry|crying",
    "@NEG .. bien|ok|okay|fine",
    "ça .. @NEG .. du + tout",
    "désespoir|désespéré|desperate|hopeless|despair",
    "angoisse|panique|panic|anxiety",
    "seul|seule|lonely|alone|invisible|vide|empty",
    "couler|drowning|sinking",
    "cope|coping",
    "awful|terrible|horrible|low|down",
    "burn|épuisé|épuisée|exhausted",
    "harcelé|harcelée|harcèlement|harassed|harassment|bullied",
    "écroule|effondre|écrouler|effondrer",
    "falling + apart",
    "tenir + @NEG",
    "@NEG .. dormir|sleep",
    "besoin|need .. parler|écouter|talk|vider",
    "qui + parler|talk",
    "tired .. everything|all",
    "=a + bout",
    "moral .. zéro|zero|bas|chaussettes",
    "broyer|broie|broies|broyé|broyais + =du + =noir",  # "je broie du noir"
    "sentir|sens|feel .. nul|nulle|inutile|worthless|useless",
    "part|partir + en + vrille|couille|morceaux",
    "tout + =est|=etait .. noir|sombre",
    "fleur + de + peau",
    "supporter + @NEG|=plus",
    "triste|sad|malheureux|malheureuse|unhappy|déprimé|déprimée|depressed|déprime|dépression",
    "mal + être",
    "souffrir|souffre|souffrance|suffering",
    "personne|nobody .. =me|=m + comprend|écoute|understands|cares|listens",
    "rien + =ne + va",
    "broken|brisé|brisée|détresse|distress",
    "fatigué|fatiguée|tired|crevé|vidé|vidée .. tout|everything|all|vivre|lutter|=life",
    "trop + dur|lourd|difficile",
    "=too + much|hard|heavy",
    "sentir|=suis|=sens + mal",
    "sentir|=suis|=sens + vraiment|tellement|trop|très|=super|=si|=hyper + mal",
    # "ça va pas", "ça va vraiment pas" - not "ça va pas être possible", "ça va pas la tête"
    "=ça|=ca|=sa|=ca + =va + =vraiment|=pas|=plus + =pas|=fort|=du|=bien|=très|=tres",
    "arriver|arrive + =plus .. rien|à|a",
    "struggling|struggle|=rough|=tough|=hard + time|times|week|patch",
    "=can + =not + do + this|it",
    "sous + =l|=le + eau",
    "tête + sous + =l|=le + eau",
    "péter|pète + =les + plombs|câble",
    "@NEG .. moral",
    "envie|goût + de|à + rien",
    "personne + à|=a + qui",
    "isolé|isolée|isolated",
    "peur .. tout|avenir|everything|future",
    # afraid of someone, or of going home: the plain question asks if they are in danger
    "@AFRAID + de|d|of + lui|elle|eux|him|her|them|@OTHER",
    "@AFRAID + de|d|of + =mon|=ma|=my|=son|=sa|=ce|=cet|=cette|=this|=that + @OTHER|@ROLE",
    "@AFRAID + de|d|to + rentrer|go + =chez|=home",
    "=je|=j|=i + =suis|=am|=me + =sens|=feel .. =nul|=nulle|=worthless|=useless|=hopeless",
    "faire|fais + semblant",
    "=bois|boire|drinking .. trop|much",
    "=bois|boire|drinking .. pour + dormir|oublier|tenir",
    "rabaisser|humilier|humiliating|humiliate|humilié|humiliée|mépriser|minable|honte|ashamed",
    "dur|difficile|hard .. en + ce + moment",
    "vraiment|trop|so|really + dur|difficile|hard",
    "parler|talk .. à|to + quelqu|someone|somebody",
    "personne + =ne + =me + parle",
    "remarques|blagues|moqueries|moque .. corps|poids|physique|body|weight",
    "au + placard",
    "pilote + automatique",
    "dormir|dors|sleep|manger|mange|eat + =plus|=pas|=not",
    "terrifié|terrifiée|terrified|terrorisé|terrorisée .. retourner|bureau|travail|work|aller",
    "=plus + où|=ou + =je|=j + =en + suis",
    "oser|ose .. @NEG|en + parler",
    "=help",
    "abusive|abusif|abusifs|injurieux|injurieuse|insultes|insults|insulté|insultée|insulted",
)


# A whole message that only says it is not going well ("ça va pas", "bof, ça va pas trop",
# "sa va pa du tout"): too few words for a pattern, yet distress (folded text)
LOW = re.compile(
    r"^\W*(?:(?:bof|bon|non|euh|bah|ben|franchement|honnetement|bonjour|salut|coucou)\W+)*"
    r"(?:ca|sa|ça) va (?:pas|pa|plus|vraiment pas|pas trop|pas fort|pas tres bien|pas bien|mal)"
    r"(?: (?:du tout|trop|fort|bien|en ce moment|aujourd ?hui|ces temps ci|ces jours ci))?"
    r"\W*$"
)

# Only tears and a broken heart ("😭😭😭"): said without words, yet distress
_SAD = "😭😢😿💔🥺😞😔😥😓😩😫🙁☹"
TEARS = re.compile(f"^[\\s.\ufe0f{_SAD}]*[{_SAD}][\\s.\ufe0f{_SAD}]*$")
