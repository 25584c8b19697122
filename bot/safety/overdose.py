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
