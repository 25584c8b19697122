"""Preparation: letters, goodbyes, things given away, a date, a place, a plan, the means
gathered. Patterns in the language of `patterns.py`."""

from __future__ import annotations

from bot.safety.overdose import DOSE_QUESTIONS

PREPARATION: tuple[str, ...] = (
    "@LETTER .. @GOODBYE",
    "@GOODBYE .. @LETTER",
    "?dire|say|said|faire .. @GOODBYE",
    "?@GOODBYE",
    "?@GIVE .. @BELONGINGS",
    # others sorting one's things afterwards: "quand ils trieront mes affaires, ce sera bientôt"
    "quand|when|après|after .. trier|trieront|trie|videront|vider|rangeront|sort|clear|go"
    " + =mes|=my|=through + =affaires|=things|=stuff|=bureau|=appart|=appartement",
    # "j'ai écrit mes lettres hier soir" (not "mes lettres de motivation"): the model weighs
    "?=ecrit|=redige|=wrote|=written|=finished|=fini + =mes|=my + =lettres|=letters"
    " + !=de|=d|=pour|=for|=of|=to",
    # "ce soir ce sera fait", "tonight it will be over": the model must agree
    "?soir|=tonight|=demain|=bientôt|=bientot .. =sera|=serai|=will + =fait|=fini|=finie"
    "|=termine|=terminé|=over|=done",
    "?@LETTER .. pour|for .. enfant|enfants|famille|family|kids|fils|fille|mari|femme|@OTHER",
    "@LETTER .. cas où|au|après|after",
    # nothing left behind for others to sort out: "rien laisser derrière moi", "mon bordel"
    "@NEG|rien|nothing + laisser|leave .. derrière|behind + =moi|=me",
    "ranger|trier|sort|clean .. =mon|=my + bordel|mess|affaires|stuff .. après|after",
    # goodbyes written and waiting: "goodbye emails in my drafts, just need to press send"
    "@GOODBYE + email|emails|mail|mails|texto|textos|sms|texts .. brouillon|brouillons|draft"
    "|drafts|programmé|programmés|scheduled|send|envoyer|appuyer",
    "?@EVERYTHING .. prévu|prêt|réglé|organisé|préparé|planned|ready|sorted|prepared",
    "?décider|décidé|décision|decided|decision .. @DAY",
    "?pris|prise|made|taken + =ma|=my|=la + décision|decision",
    "@NEG .. @REFL + rater|louper|manquer|miss",
    "chercher|cherché|google|googler|googling|googled|searched|searching|looked|looking .. hauteur|dose|pills|médicaments|method|fastest|painless|height",
    # "j'ai cherché comment…": how to do what? the rest of the sentence, or the model, says
    "?chercher|cherché|google|googler|googling|googled|searched|searching|looked|looking .. @HOW",
    "hauteur|height .. faut|need|enough|suffisant",
    "si + vous|tu|you + lisez|lis|read|reading .. ça|ceci|this|message",
    "acheter|acheté|bought|got|préparé|récupéré .. ce|what + qu|il|i .. fallait|faut|need|needed",
    "assurance|insurance .. décès|vie|life .. volontaire|suicide",
    "écrire|rédiger|written|wrote .. =mes|=my|=the + lettres|letters + !=de|=of|=motivation|=cover",
    "plan|prévoir|préparer|organiser|décider|choisir|planned|date .. @HOW|comment|où",
    "~@HOW .. @DIE|@KILL|@SUICIDE|@END|@JUMP|rater|go|overdose",
    "@HOW .. @REFL + @KILL|@DIE|@SUICIDE|@END|@JUMP|rater|pendre|noyer",
    "@HOW .. @KILL + @REFL",
    *DOSE_QUESTIONS,
    "?@WILL",
    "choisi|pick|picked|set .. date|jour|day",
    "date|jour|day .. choisi|décidé|fixé|set",
    "mon|my plan .. prêt|ready|fait|made",
    "@PLAN .. @ME .. @PLAN",
    # a plan to jump, to die, with a place or a day: "j'ai prévu de sauter du parking"
    "prévu|prévois|prévoit|planned|planning|plan + de|to + sauter|jump|mourir|die",
    "acheter|acheté|bought|buy .. corde|rope|arme|gun|lame|blade",
    "réserve|stock|stocker|amasser|hoard|stockpile .. @MED",
    "=mis|=mettre|=mets|=garde|=gardé|=gardée|=put|=kept|=saved .. =de|=aside|=away .. =côté|=cote|@MED .. @MED",
    "hauteur|height .. @NEG .. rater",
    "ranger|ranged|mis|mettre|rangé .. ordre|affaires .. @NEG .. @HERE",
    "@NEG .. besoin|need .. où|where .. @ME .. @GOING",
    "@NEG .. besoin|need .. @ME .. plus",
    "merci pour tout|everything .. @GOODBYE|revoir|soin|care",
    "@NEG + @WANT|need .. où|where",
    "?@NEG + =reviendrai|=reviendra|=revenir|=back",
    "?pour toujours|forever",
    "?@LETTER .. écrites|écrite|prêtes|prête|written|ready",
    "?=c|=ce|=it + est|=is + décidé|decided",
    "?@LETTER .. programmé|programmée|programmer|planifié|scheduled",
    "?personne|nobody .. =me|=m|=ne .. trouver|trouvera|find",
    "repérer|repéré|scouted|spotted .. @HIGH|@PLACE|endroit|spot|lieu|coin",
    "@GIVE .. @BELONGINGS .. =plus|@NEG .. besoin|need",
    "giving|gave|give + away .. =my|=stuff|=things|@BELONGINGS",
    "?@NEG .. besoin|need .. =après|=after",
    "?qui + prévenir|appeler .. après|after",
    "?codes|password|passwords .. enveloppe|@OTHER|laisser|donner",
    "?résilier|cancel|cancelled .. @EVERYTHING|abonnements|bail|lease",
)
