"""At the place or with the means now: a height, a platform, a weapon, a rope, pills laid
out. Patterns in the language of `patterns.py`."""

from __future__ import annotations

MEANS_NOW: tuple[str, ...] = (
    "@WEAPON + chargé|chargée|chargés|chargées|loaded|armé",  # "le Famas chargé sous mon lit"
    "loaded + @WEAPON",
    "baignoire|bain|bath|bathtub .. sèche|séchoir|grille|radiateur|toaster|hairdryer|dryer",
    "@PLACE .. @JUMP|vide|bas|down",
    "@JUMP .. @PLACE|vide",
    "@ME|@HE|@OTHER .. sur|on|au|at|à|atop|top .. @HIGH",
    "bord|edge .. @PLACE|vide|rails|quai",
    "@MEANS .. .. =alone|=seul|=seule + =with|=avec",  # "the rifle … I'm alone with it"
    # "ça fait 20 min que je suis au bord": the edge itself, not "au bord des larmes"
    "=suis|=reste|=am|=standing + au|=on|=at + =bord|=edge + !=de|=du|=des|=d|=of",
    # "on the platform … I keep stepping closer to the edge"
    "@PLACE .. .. closer|nearer|rapproche|rapprocher|approche|approcher|avance .. bord|edge",
    "?closer|nearer|rapproche|rapprocher|approche|approcher .. bord|edge",
    "standing|sitting|debout|assis|assise|perché|perchée + sur|on|au|at .. @HIGH|@PLACE",
    "?@MEANS .. @HOLD|@NOW",
    "@HOLD .. @MEANS",
    "?@ME .. @MEANS",
    "moteur|engine .. tourne|allumé|running|on",
    "voiture|car .. garage .. fermé|closed",
    "garage .. voiture|car|moteur|engine .. tourne|running|allumé|on",
    "voiture|car|moteur|engine .. tourne|running|allumé .. garage",
    "@HIGH|@PLACE|étage|floor|parking|park .. .. facile|easy|simple",
    # "la fenêtre du 5e … ce serait rapide": would be quick
    "@HIGH|@PLACE|étage|floor .. =serait|=would .. rapide|quick|vite|fast",
    "train|tgv|métro|rer|metro|bus .. @NEG + arrête|arrêter|stop|stops|arrêtent",
    "@PLACE|vide + =me|=m + appelle|attire|calls|pulling",
    "gaz|gas .. ouvert|allumé|opened|turned|on",
    "corde|rope .. accroché|poutre|prête|ready|tied|hung",
    "arme|fusil|gun .. chargé|chargée|loaded",
    "?@MEANS .. @ME|@LOCKED",
    "@LOCKED .. @MEANS",
    "baignoire|bain|bath|bathtub .. sèche|séchoir|dryer|toaster|grille",
    "aligner|aligné|lined .. boîtes|@MED",
    # pills laid out: "toutes les boîtes sont devant moi sur le lit", "all my pills in front of me"
    "=toutes|=tous|=all + =les|=mes|=my + boîte|boite|plaquette|@MED .. devant|front + =moi|=me|=of",
    "boîte|boite|plaquette|@MED .. étalé|étalée|étalés|étalées|spread|laid + sur|out|on .. lit|table|bed|desk",
    # at the top of a car park, on a platform letting the trains go by
    "?en + haut|sommet .. parking|immeuble|tour|building|clocher|barrage|falaise|car",
    # up there, and nobody around: "en haut du parking, dernier niveau, il n'y a personne"
    "=suis|=am .. dernier|top + niveau|étage|floor|level .. personne|seul|seule|alone|nobody",
    "?=top + of .. car + park|parking|building|tower|garage",
    "laisser|laisse|laissé|regarde|regarder|watch|watching|let + passer|pass|go .. train"
    "|trains|métro|métros|rer|tgv|tram|trams",
)
