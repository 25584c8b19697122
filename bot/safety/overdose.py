"""Overdose or ingestion: patterns in the language of `patterns.py`."""

from __future__ import annotations

OVERDOSE: tuple[str, ...] = (
    "@OVERDOSE",
    "@SWALLOW .. @LOTS .. @MED",
    "@SWALLOW .. @MED .. @LOTS_AFTER",
    "@LOTS .. @MED .. @SWALLOW",
    "@MED .. @ALCOHOL",
    "@ALCOHOL .. @MED",
    "avaler|swallow|swallowed|gober .. @MED",
    "?@SWALLOW + =des|=les|=mes|=ses|=tous|=toutes|=plein|=all|=my .. @MED",
    "@SWALLOW .. #many|@NUMBER .. @MED",
    "=en + avoir .. pris|avalé|took|taken|swallowed + #many|@NUMBER",
    "=tout|=all + avaler|avalé|swallowed",
    "avaler|avalé|swallowed + =tout|=toute|=tous|=toutes|=everything|=all",
    "@SWALLOW .. armoire|pharmacie|cabinet",
    "?vider|vidé|emptied .. armoire|pharmacie|boîte|plaquette|flacon|tube|cabinet|bottle",
    "connerie|bêtise|stupid .. @MED",
    "@MED .. @LOTS .. =coup|once",
    "@SWALLOW .. @MED .. exprès|purpose",
    "@SWALLOW .. @LOTS .. pharmacie",
    "prendre|avaler|took|swallowed =la|=une|=toute|=the|=a|=whole + boîte|boite|plaquette|flacon|tube|bottle|box|pack",
    "@SWALLOW .. dose .. exprès|purpose",
    "tripler|doubler|triple|double .. dose",
    "avaler|swallowed|boire|drank|drink .. javel|bleach|produit|poison|détergent",
    "@MED .. @NEG .. jambes|sentir|respirer|feel|breathe",
    "@SWALLOW .. dose|@MED|@LOTS .. en|d|in + une|un|1|one + fois|coup|go|shot",
)

# Asking what dose would kill: "combien de comprimés pour que ce soit fatal", "dose
# mortelle", "how many pills to die". For a course or a story, the reader lowers it.
DOSE_QUESTIONS: tuple[str, ...] = (
    "combien|quantité|nombre .. @MED .. @DIE|@KILL|mortel|fatal|létal|lethal|rater|réveiller",
    "combien|quantité|nombre .. @MED .. faut|falloir|suffire|suffit .. pour|to .. @DIE|@END|@KILL|fatal|mortel",
    "how + many|much .. @MED|it .. @DIE|@KILL|fatal|lethal|overdose",
    "how + many|much .. @MED .. too + much|many",
    "@MED .. dose|quantité|amount .. mortel|fatal|létal|lethal|@DIE|@KILL",
    "dose|quantité|amount .. mortel|fatal|létal|lethal",
    "quel|quelle|what + dose|quantité|amount .. pour|to .. @DIE|@KILL|@END|y|fatal|mortel|lethal",
)
