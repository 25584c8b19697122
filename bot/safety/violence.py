"""Violence or threats now, at home or at work: patterns in the language of `patterns.py`."""

from __future__ import annotations

from collections.abc import Sequence

from bot.safety import who
from bot.safety.chat import BOUNDARY, CLAUSE
from bot.safety.matcher import Match, Pattern, compile_pattern, find

VIOLENCE: tuple[str, ...] = (
    "@HE|@OTHER .. @REFL|@ME .. @BEAT",
    "@BEAT .. @REFL|@ME",
    "@REFL @BEAT",
    "@THREATEN",
    # told in the passive, the writer the one harmed: "agressé par un usager au guichet"
    "?=agresse|=agressee|=frappe|=frappee|=gifle|=giflee|=menace|=menacee|=attacked|=assaulted"
    "|=threatened|=punched + par|by + =un|=une|=mon|=ma|=a|=an|=my|@OTHER|@ROLE",
    # doxxing: "il a posté mon adresse sur snap"
    "poster|posté|publier|publié|diffuser|diffusé|balancer|balancé|post|posted|leak|leaked|share|shared"
    " .. =mon|=ma|=my + adresse|address|=numéro|=numero",
    "@HE|@OTHER .. @KILL + =tout|=tous|=everyone|=everybody|=us|=nous",  # "shoot everyone"
    # "on allait me planter à la sortie": stabbed, in slang (not "je me suis planté")
    "@HE|@OTHER|=on .. =me|=m + =planter|=plante|=plantent|=buter|=bute|=butent|=saigner",
    # "il a dit qu'il allait tous nous descendre": shot, in slang
    "@HE|@OTHER .. =nous|=vous|=me|=m|=te|=t|=les + =descendre|=descendra|=descendrait",
    # "ils avancent vers nous": coming at the writer; the model must agree
    "?avancer|avancent|avance|foncer|fonce|foncent|charger|chargent|coming|charging|advancing"
    " + vers|sur|towards|toward|at + =nous|=moi|=us|=me",
    "@HE|@OTHER + =la|=le|=les|=l + @BEAT",  # "son conjoint la frappe"
    # someone attacked before the writer's eyes: "a patient is attacking a nurse right now"
    "@BEAT + =un|=une|=a|=an|=the|=le|=la|=ma|=mon|=my|=our|=notre|=des + @OTHER .. @NOW",
    "@BEAT + =un|=une|=le|=la|=l|=des + =aide|=auxiliaire + @OTHER .. @NOW",  # aide-soignante
    "@AFRAID + pour|for .. petits|enfants|kids|children|bébé|baby|petit",
    "attraper|attrapé|saisir|saisi|secouer|grabbed|choked .. col|gorge|cou|bras|cheveux|collar|throat|neck|hair",
    "porte|door .. enfoncer|défoncer|break|kick|casser|down",
    "banging|tambouriner|tambourine .. porte|door",
    # someone at the door, trying to get in, or following the writer now
    "@HE|@OTHER + =est|=is|=s|=attend|=waits|=waiting .. devant|outside|derrière|behind|=at"
    " + =ma|=my|=la|=the|=chez + porte|door|fenêtre|window|=moi|=home",
    "@HE|@OTHER .. veut|essaie|essaye|force|forcer + =d|=de .. entrer|rentrer|ouvrir",
    "@HE|@OTHER .. tries|trying|try + =to + get + =in|=inside",
    "@HE|@OTHER .. veut|essaie|tries|trying + entrer|rentrer",
    "@HE|@OTHER .. =me|=m + suit|suivi|suivie|follows|following|followed"
    " .. rue|street|=chez|=home|maison|jusqu|voiture|car|métro|metro|parking",
    "@HE|@OTHER .. =attend|=waits|=waiting + en|=outside|=downstairs + bas|=bas|=dehors",
    "casser|casse|smash|smashing|breaking + =tout|=everything",
    "@HE|@OTHER .. =me|=m|=moi + @KILL",
    "@HE|@OTHER .. @KILL + =me|=moi",
    "@WEAPON .. @HE|@OTHER|crie|hurle|énervé|menace",
    "@HE|@OTHER .. @WEAPON",
    "@AFRAID + pour|for + =ma|=my|=mon + @LIFE|peau|sécurité|safety",
    "@NEG .. @SAFE",
    "@ME .. @DANGER",
    "@LOCKED .. @HE|@OTHER|tape|porte|door",
    "empêcher .. sortir",
    "@VIOLENT",
    "@BEAT + un|une|=son|=sa|=ses|=leur|=his|=her|=their|=a .. enfant|enfants|gamin|gamine|bébé|petit|petite|femme|copine|fille|fils|kid|kids|child|children|baby|wife|girlfriend|girl|boy",
    "hurler|crier|cris|hurlements|screaming|shouting|yelling .. coups|=coup|@BEAT",
    "coups|=coup|@BEAT .. hurler|crier|cris|hurlements|screaming|shouting|yelling",
    "suivre|suit|follow|following .. @ME .. @NOW|chez|home|devant",
    "=me|=m + suivre .. .. chez|devant|sortie|parking|maison|home|house|voiture|car",
    "faire .. la + peau",
    "saigner",
    "=armed",
    "attendre|attend|guetter|guette|waiting|lurking .. .. @WEAPON",
    "?can + not + talk|speak",
    "?pouvoir|peux|peut + pas + parler",
    "can + not + talk|speak .. @HE|=hes",
    "pouvoir|peux|peut + pas + parler .. @HE",
    "suivre|suit|follow|following .. @ME .. depuis|since|@LOCKED|réfugier|réfugié|réfugiée",
    "coups|cris|hurle|hurler|screaming|yelling|breaking .. enfant|kid|child|bébé|baby"
    " .. pleure|pleurer|crying|cries|hurle|screaming",
)

# Violence told as over: a time past ("la semaine dernière", "il y a deux mois"), the
# aftermath settled ("j'ai porté plainte", "il a été interpellé", "je vais bien") and
# nothing of a threat now ("il revient", "j'ai encore peur", "ce soir").
PAST_TIMES: tuple[str, ...] = (
    "semaine|mois|année|an|week|month|year|nuit|été|weekend|week-end + dernier|dernière"
    "|passé|passée",
    "last + week|month|year|night|summer|weekend|friday|monday",
    "il + y + a .. jour|jours|mois|an|ans|semaine|semaines|heures|temps",
    "hier|avant-hier|yesterday|ago|autrefois|enfance|childhood",
    "=se + =est|=etait + =fait|=faite",
    "=en|=in + #num",  # "en 2019", "back in 2015" (a year; what comes next is what happened)  # "une amie s'est fait violer samedi": it happened
    "=depuis + =qu|=que|=l",
    "=quand|=when + =j|=je|=i + =etais|=avais|=was",  # "quand j'étais ado", "when I was at school"  # "depuis qu'il s'est fait agresser", "depuis l'agression"
)
SETTLED: tuple[str, ...] = (
    "porté|porter|déposé|déposer + plainte",
    "=plainte|=plaint|=pressed + =charges",
    "interpellé|interpellée|=arrete|=arretee|condamné|condamnée|licencié|muté|exclu|arrested"
    "|charged|convicted|fired|suspended|sanctionné",
    "=vais|=va|=am|=feel|=sens|=suis + bien|mieux|fine|ok|okay|better|safe|sécurité",
    "=va|=vais|=suis|=doing|=am + =vraiment|=très|=tres|=beaucoup|=really|=much|=a + =bien|=mieux"
    "|=better|=well|=lot",
    "=c|=ce|=it + =est|=is + fini|terminé|derrière|over|behind",
    "=safe + =now",
    "=est|=suis|=is|=am + remis|remise|rétabli|rétablie|guéri|guérie|recovered|=fine|serein"
    "|sereine|apaisé|apaisée",
    "=doing|=feel|=feels + =fine|=well|=good|=better|=ok|=okay",
    "=back + =at + =work",
    # left him, and it is sorted: "je l'ai quitté le lendemain", "c'est réglé"
    "=ai|=l + quitté|quittée",
    "=suis + partie|parti .. il|y|=a",
    "divorcé|divorcée|séparé|séparée|divorced|separated",
    "=left + =him|=her",
    "=c|=ce|=it + =est|=is|=was + réglé|résolu|=sorted|=solved|=settled",
)
# The threat itself still there: it comes back, it is feared, it waits
LASTING: tuple[str, ...] = (
    "revient|revenir|reviendra|recommence|recommencer|recommencera|rechute",
    "come|comes|coming|came + back",
    "peur|afraid|scared|terrifié|terrifiée|terrified|guette",
    "attend|waits|waiting .. dehors|devant|sortie|outside",
)
STILL: tuple[str, ...] = (
    *LASTING,
    "menace|menacer|threat|threatens",
    "encore|toujours|again|still|tonight",
    "=ce + soir",
    # "il revient ce soir", "il dit qu'il recommencera": LASTING (one slot: the verb alone)
)


class Aftermath:
    """Whether violence in a message is told as past, and as over and settled."""

    def __init__(self) -> None:
        self.times = [compile_pattern(p) for p in PAST_TIMES]
        self.settled = [compile_pattern(p) for p in SETTLED]
        self.still = [compile_pattern(p) for p in STILL]
        self.lasts = [compile_pattern(p) for p in LASTING]

    def read(
        self, labelled: Sequence[frozenset[str]], where: dict[str, list[int]]
    ) -> tuple[frozenset[int], bool]:
        """The positions of words of past time, and whether the violence is over."""
        past = frozenset(
            i for p in self.times for m in find(p, labelled, where) for i in m.positions
        )
        over = bool(past) and _any(self.settled, labelled, where)
        return past, over and not _any(self.still, labelled, where)

    def lasting(self, labelled: Sequence[frozenset[str]], where: dict[str, list[int]]) -> bool:
        """Something of the threat is still there: "j'ai encore peur", "il revient"."""
        return _any(self.lasts, labelled, where)

    @staticmethod
    def past(match: Match, labelled: Sequence[frozenset[str]], times: frozenset[int]) -> bool:
        """The sentence of `match` tells of a past time and says nothing of now."""
        sentence = who.sentence(match, labelled)
        # "la semaine dernière", "des flashs la nuit": the article is not "là", now
        return not times.isdisjoint(sentence) and not any(
            "@NOW" in labelled[p] and not _article(labelled, p)
            for p in sentence
            if p not in times and p + 1 not in times
        )


# "là" said of now ends a clause or comes before who is there: "il est là", "là il crie"
_AFTER_THERE = frozenset("=il =elle =ils =elles =je =j =on =he =she =maintenant =tout".split())


def _article(labelled: Sequence[frozenset[str]], at: int) -> bool:
    """`la` before a noun ("la nuit"): the article, which folds like "là"."""
    if "=la" not in labelled[at] or at + 1 >= len(labelled):
        return False
    after = labelled[at + 1]
    return _AFTER_THERE.isdisjoint(after) and not ({BOUNDARY, CLAUSE} & after)


def _any(
    patterns: list[Pattern], labelled: Sequence[frozenset[str]], where: dict[str, list[int]]
) -> bool:
    return any(next(iter(find(p, labelled, where)), None) for p in patterns)


# "on se fait insulter, parfois menacer": what keeps happening, not what happens now
HABITUAL = frozenset("=parfois =souvent =regulierement =frequemment =sometimes =often".split())


def habitual(match: Match, labelled: Sequence[frozenset[str]]) -> bool:
    """The sentence of `match` says how often it happens ("plusieurs fois ce trimestre")."""
    return any(
        HABITUAL & labelled[p]
        or ("=fois" in labelled[p] and not _TIMES.isdisjoint(labelled[p - 1]))
        for p in who.sentence(match, labelled)
        if p > 0
    )


_TIMES = frozenset({"=plusieurs", "#num", "=deux", "=trois", "=quatre", "=cinq", "=dix"})


def self_inflicted(match: Match, labelled: Sequence[frozenset[str]]) -> bool:
    """True when the harm in a violence match is the writer's own hand: "je vais me
    blesser", "I might hurt myself" (reflexive, and nobody else acts in or before it);
    "she wants to hurt herself": the one who acts is the one harmed."""
    if any(_THEIR_OWN & labelled[p] for p in match.positions):
        around = range(match.start, min(len(labelled), match.end + 5))
        return not any(_DONE_BY & labelled[p] for p in around)
    if not any(_REFLEXIVE & labelled[p] for p in match.positions):
        return False
    # someone up to five words before ("my roommate is threatening to stab me"), in the
    # same sentence
    start = match.start
    while start > max(0, match.start - 5) and BOUNDARY not in labelled[start - 1]:
        start -= 1
    around = range(start, min(len(labelled), match.end + 5))
    return not any((_SOMEONE | _DONE_BY) & labelled[p] for p in around)


# "je me suis fait frapper par un usager", "I got hurt by": someone else's hand
_DONE_BY = frozenset({"=fait", "=faite", "=faire", "=fais", "=par", "=by", "=got", "=get"})
_REFLEXIVE = frozenset({"=me", "=m", "=myself", "=moi-meme"})
_THEIR_OWN = frozenset({"=himself", "=herself", "=themselves", "=themself"})
_SOMEONE = frozenset({"@HE", "@OTHER", "@ROLE", "=on", "=quelqu", "=someone", "=somebody"})
