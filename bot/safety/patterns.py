"""What danger and distress look like, as patterns over concepts and words.

A pattern is a sequence of slots; a slot is `word`, `@CONCEPT` or alternatives joined
by `|`. Between two slots up to three other words may stand; `..` allows eight, `+`
none. Words are looked up by key, so `mourir` also finds `meurs` and `mourrir`.
"""

from __future__ import annotations

from bot.safety.levels import Category as C
from bot.safety.means import MEANS_NOW
from bot.safety.overdose import OVERDOSE
from bot.safety.preparation import PREPARATION
from bot.safety.violence import VIOLENCE

DANGER: dict[C, tuple[str, ...]] = {
    C.EXPLICIT: (
        "@SUICIDE",
        "@REFL + @KILL",
        "=je|=j + =me|=m + @KILL",
        "donner + la + mort",
        "@NEG .. force|courage|énergie|strength|energy .. @LIFE|continuer|=go|lutter|battre",
        "@WEAPON|@MEANS .. contre|against|on + =moi|=me|=myself|=mes|=my",
        "@REFL + mettre|tirer|loger .. balle|balles|bullet",
        "=attenter|=attente|=attentee + =à|=a",
        "passer|passé|passée + à + le + acte",
        "@KILL + @REFL",
        "@WANT|@THINK|@GOING @DIE",
        "@NEG @WANT|@THINK|@GOING .. @LIFE",
        "@NEG .. @WANT @LIFE",
        "marre|fatigué|tired|sick|lassé @LIFE",
        "en + peux|peut|pouvoir + plus + de + la + @LIFE",
        "@WANT|@THINK|@GOING .. @END + @LIFE|@ME",
        "en + =finir|=finis|=finisse|=finit|=finirai|=finira|=fini|=finire|terminer|achever",
        "@END .. @LIFE|jours",
        "mettre .. fin .. @ME|mes|jours|@LIFE",
        "foutre + en + le + air",
        "@REFL foutre",
        "@WANT|@THINK|@GOING .. @REFL + @KILL",
        "@WANT|@THINK|@GOING .. @KILL + @REFL",
        "~parler|parle|dire|dit|talk|talks|talking|say|says .. de|about|of .. @DIE|@SUICIDE|@END",
        "@WANT|@THINK|@GOING .. @REFL .. @JUMP",
        "@THINK + à|about|of + sauter|jump|jumping",
        # "jpp, ce soir je saute": the time, then the jump, and nothing after it
        "soir|nuit|demain|tonight|tomorrow + =je|=j|=i + @JUMP + !=le|=la|=les|=un|=une|=ce|=cette|=the|=a|=my|=mon|=ma|=mes|=dans|=into|=in|=en|=sur|=on|=à|=a|=au|=pas|=plus|=off|=at|=de|=du|=des",
        "@WANT|@GOING .. @JUMP + !=le|=la|=les|=un|=une|=ce|=cette|=the|=a|=my|=mon|=ma|=mes|=ton|=ta|=dans|=into|=in|=sur|=on",
        "idée|pensée|thought|thoughts noir|noire|noires|dark|suicidal|sombre|sombres|morbide|morbides",
        "take|taking @ME own life",
        "@END @ME|it all",
        "@LIFE + @NEG + worth",
        "@NEG .. reason|raison .. @LIFE",
        "@WANT|@GOING .. @END .. @EVERYTHING",
        "@THINK|@WANT|@GOING .. @END + =things + !=with",  # not "end things with him"
        # a death without pain, asked for: "cmt on fait pr mourir sans douleur"
        "@DIE|@SUICIDE|@KILL + sans|without + douleur|souffrir|souffrance|pain|suffering|hurting",
        "painless|painlessly + @DIE|@SUICIDE|death|way|method|=to",
    ),
    C.VEILED: (
        "@SLEEP .. @NEG .. @WAKE",
        "@NEG .. @WAKE",
        "@NEG .. @WAKE .. @NEG",
        "@WANT|@GOING @GONE",
        "@WANT|@GOING .. =me|=m + effacer|efface|effacerai",  # not "effacer mes données"
        "@WANT|@GOING .. @GONE .. bon|toujours|good|forever",
        "after|when|once + =i + =am|=m + =gone|=dead",  # "check on my mum after I'm gone"
        "=je|=j + =serai + mort|morte|décédé|décédée",  # "je serai mort d'ici là"
        # "I don't plan on seeing next month", "je compte pas voir Noël"
        "@NEG + plan|planning|expect|intend + on|to + =see|=seeing|=make|=making|=live|=living",
        "compte|pense|prévois + pas|plus + voir|passer .. prochain|prochaine|noël|printemps|été|anniversaire",
        "=am + ending + =things|=it|=everything + !=with",  # "I'm ending things on Sunday"
        "=serai|=serais|=sera + =plus|=pas + en + vie",  # "jserai plus en vie pour la voir"
        "pour + après + =moi",  # "que mes enfants aient les infos pour après moi"
        # "jveux plus être là", "j'ai plus envie d'être là" (not "là-bas", "là le lundi")
        "@WANT + plus|jamais + être|etre + =là|=la|=ici + !=bas|=pour|=quand|=au|=à|=a|=dans|=avec|=le|=les|=en|=demain|=ce|=cette|=lundi",
        "@NEG + @WANT + de|d + être|etre + =là|=la|=ici + !=bas|=pour|=quand|=au|=à|=a|=dans|=avec|=le|=les|=en|=demain|=ce|=cette|=lundi",
        # "je compte pas être encore là"
        "compte|compter|prévois|pense + pas|plus + être|etre + encore|toujours + =là|=la|=ici|=around",
        "compte|compter|prévois + pas|plus + être|etre + =là|=ici|vivant|vivante",
        "@EVERYTHING @END",
        "@END + it|all|everything",
        "@END .. avec|with + @EVERYTHING",
        "@WANT .. @EVERYTHING|ça|it .. @END",
        "@BETTER .. sans|without + @ME|@SE|@HE|=eux|=them",
        "servir|sert .. rien .. continuer|vivre|@LIFE|rester|lutter|battre",
        "=suis|=serai|=serais|=sois|=être|=etre|=serait|=étais|=etais|=était|=etait + =plus + =là|=la|=ici"
        " + !=meme|=même",  # not "je suis plus la même"
        # the future said in passing, inside an ordinary question: the model must agree
        "?=aurai + =plus + =besoin",
        "=aurai + =plus + =besoin + =de + =rien",  # "après j'aurai plus besoin de rien"
        # "de toute façon j'aurai plus besoin de congés après le 15"
        "=aurai + =plus + =besoin + =de|=d .. congé|congés|vacances|salaire|retraite|mutation .. après|=after",
        "=won + =t|=not + =need .. leave|holidays|holiday|vacation|salary|pension|retirement .. after",
        "?=servira|=serviront + =plus + =à|=a|=de + =rien",
        "?=serai + =plus + =concerné|=concernée|=concerne",
        "?=won + =t|=not + =need .. =anymore|=after|=soon",
        "@NEG .. =me|=m + supporter|subir|voir|revoir",
        # "un rappel pour lundi ? si je suis encore vivant d'ici là"
        "si|=s .. =encore|=toujours =vivant|=vivante|vie",
        "si|=s .. =encore|=toujours .. =ce + =monde",  # "si je suis encore de ce monde"
        # "deux suicides dans notre commissariat … je serai peut-être le troisième"
        "=serai|=serais|=will .. =le|=la|=the + =prochain|=prochaine|=troisieme|=suivant|=next",
        "if .. =still + =alive|=breathing",
        "?if .. =still + =here|=around",
        "@NEG + voir .. matin|lendemain|demain|morning|tomorrow",
        "espérer|espère|hope|hoping|prier|prie|pray .. accident|voiture|bus|train|camion|car|truck|@DIE",
        "@REFL + enterrer|bury",
        "=mon|=mes|=ma|=my|=own + enterrement|obsèques|funérailles|funeral|tombe|cercueil|grave",
        "=dernière|=derniere + nuit",
        "=my + =last + =night",  # "last night" alone is yesterday evening
        "dernier|last + jour|day + sur|on|en .. terre|earth|vie|alive",
        "@BETTER .. @NEG .. @HERE",
        "@BETTER .. si .. @ME .. @NEG",
        "=suis|=sens|=am|=feel|=being|=serais|=été + un|une|a|=like .. @BURDEN",
        "@BURDEN .. pour|for .. @EVERYTHING|monde|everyone|everybody|anyone",
        "quoi + bon",
        # the pointlessness of going on: "à quoi ça sert de continuer", "why carry on"
        "quoi + ça|cela|=ca + sert|servir .. continuer|vivre|@LIFE|lutter|tenir|battre",
        "?pourquoi + continuer|lutter|tenir|vivre",
        "?pourquoi + =me|=se + battre",
        "?why + keep|carry|go|bother + on|going|trying|living",
        "?@NEG + le + bout .. tunnel",
        "what + is + the + point",
        "no + point",
        "@NEG .. @POINT .. @LIFE|continuer|rester|=going",
        "@NEG .. @HERE .. longtemps|longer|much",  # "pas là longtemps": any negation
        # "plus là demain", not "pas là lundi, RTT": an absence is not a farewell
        "plus|jamais|anymore .. @HERE .. bientôt|demain|soon|semaine|lundi",
        "bientôt|soon .. @NEG .. @HERE",
        "@ME .. @NEG .. @HERE .. @BETTER",
        "@NEG @LIFE .. @EVERYTHING|@NEG",
        "@NEG + exister|exist",
        "@WANT @NEG + exister|exist|@LIFE",
        "@NEG .. envie .. @HERE",
        "@NEG @POINT .. @ME|@LIFE",
        "@NEG + @POINT",
        "seul|only + @POINT|issue",
        # "there's no way out of this", "je vois aucune issue", "y a pas d'issue"
        "@NEG + =way + =out",
        "@NEG + =d|=de + =issue",
        # "3h du mat je vais le faire", "tonight I'm gonna do it": nothing named, at night
        "?@NOW|=nuit|=night|=mat|=matin .. @GOING + =le|=l + faire",
        "?@NOW|=night .. @GOING + =to + =do + =it",
        "?@GOING + =le|=l + faire .. @NOW|=nuit",
        "?@GOING + =to + =do + =it .. @NOW|=night",
        # "je vois plus de sortie. sauf une.", "no way out but one": the one is death
        "sortie|issue|solution|=way|=option|=options .. =sauf|=except|=but + =une|=one",
        "@NEG .. autre .. @POINT",
        "@NEG .. @HERE .. problème|problem|personne|anyone|one",
        "?won|@NEG .. @BURDEN",
        # the end of the road, no future after a date
        "?bout + de|du + =chemin|=route|=road",
        "@NEG + =vois|=voit|=see|=voir .. avenir|future|après|after|lendemain|issue",
        # "vous n'aurez plus à me supporter": no more burden to anyone
        "?@NEG .. à + =me|=m + supporter|supporte|subir",
        "?=wont|=won|=not + have + to + put + up + with|deal + me|with",
        "rejoindre|join .. papa|maman|père|mère|parent|parents|grand|dad|mom|mum",
        "@NEG .. tenir|tiens .. longtemps|encore|longer",
        "passer sous .. bus|train|voiture|camion",
        "@NEG + exist|existais|existait",
        "@GONE .. bon|toujours|good|forever",
        "@NEG .. @WANT .. @LIFE",
        "@NEG .. @GOING .. @LIFE",
        "can + not .. @LIFE|continue|=go + on|going",
        "?@NEG .. fêter|celebrate .. noël|anniversaire|christmas|birthday|an|year",
        "@NEG .. goût|envie .. @LIFE",
        "partir|leave .. pour + de + bon",  # not "je vais craquer pour de bon"
        "=m|=me + en + =aller|=vais|=irai .. pour + de + bon",
        "tirer .. révérence",
        "grand + saut|voyage",
        "sommeil|dormir|sleep .. éternel|toujours|forever|eternal",
        "?faire|fasse|fait .. bêtise|connerie",
        # "je vais faire une bêtise", "peur de faire une connerie": what is about to be done
        "@GOING|peur|risque faire + une|des + bêtise|connerie|bêtises|conneries",
        "?=de + trop",
        "?@NEG .. regretter|regrettera|manquer|manquera|miss|notice",
        # "personne ne me regretterait": would, not "nobody notices"
        "personne|nobody .. =regretterait|=regrettera|=manquerait|=manquera|=remarquerait"
        "|=remarquera|=pleurerait|=pleurera|=verrait|=rendrait",
        "nobody|no + one .. =would|=will|=wouldnt|=wont .. miss|notice|care",
        "no + one .. miss|notice|care",
        "?want + out",
        "?done + with + @LIFE|everything|it",
        "mettre|put + un|an + terme|end",
        "?@NEG .. avenir|future|tomorrow|lendemain",
        "?prêt|prête|ready + à|to + partir|go|leave|mourir|die",
        "?@NEG + plus|more .. souffrir|suffer|mal|pain",
        "@END .. souffrir|souffrance|suffering|pain",
        "?plus + à + =vous|=te|=nous .. soucier|inquiéter|occuper|préoccuper .. de + =moi",
        "?no + longer|more .. worry|care .. about|for + =me",
        "?tourner|tournera|continuer|continuera|go|goes .. sans|without + =moi|=me",
        "?=ma|=my + place .. @NEG .. ici|@HERE|monde|part|nulle",
        "dites|tell + à|=to .. que|that .. @NEG .. faute|fault",
        "?trouver|trouvé|found + la|=ma|=the|=my + sortie|issue|=way + !de|du|des|of",
        "?@THINK .. en + boucle .. @DIE|@END|partir",
        "?mourir|crever|die .. @THINK .. boucle|tout|sans|constamment|constantly",
        "?@DIE .. @THINK .. en + boucle",
        "?réglé|fini|terminé|sorted|over + pour + de + bon",
        "?plus + de + douleur|souffrance",
        "?made|make|making + peace",
        "=plus + de + ce + monde|terre",
        "de + trop .. @HERE|terre|monde|ici|vie",
        "tenir|tiendrai + @NEG .. jusque|longtemps|until|longer|encore",
        "bientôt|soon .. @ME|=vous|=you .. embêter|déranger|bother|gêner|ennuyer|encombrer",
        "?@NEG .. embêter|déranger|bother|gêner|encombrer .. longtemps|bientôt|jamais|longer|soon",
        "=plus + à|a .. soucier|inquiéter|occuper .. de + =moi",
        "=have|=need + to + worry + about + =me",
        "tourner|continuer|spin|=go .. sans|without + =moi|=me",
        "finally|enfin .. =rest|reposer|repos|paix|peace",  # not "rester", to stay
        "=hurt + =anymore",
        "?trouver|found .. sortie|issue|=way + =out",
        "?@ME + dernier|dernière|last + message|semaine|week|jour|day",
        "?made|fait + peace|paix",
        "dites|dis|dire|tell .. @OTHER|=lui|=her|=him .. @NEG .. faute|fault",
        "?place .. @NEG .. ici|@HERE",
        "personne|nobody|no + one .. =me|=m + trouver|trouvera|find",
    ),
    C.PREPARATION: PREPARATION,
    C.MEANS_NOW: MEANS_NOW,
    C.OVERDOSE: OVERDOSE,
    C.SELF_HARM: (
        "@REFL .. @CUT",
        "@CUT .. @REFL",
        "@REFL + faire|fais|fait .. mal",
        "manches|sleeves .. marques|cicatrices|traces|marks|scars|coupures|cuts",
        "plaie|plaies|blessure|wound|croûte|croûtes|scab .. exprès|purpose|rouvert|gratté|reopened|again|encore",
        "rouvrir|rouvert|reopened .. plaie|plaies|blessure|wound|croûte|cicatrice",
        "fer|briquet|cigarette|lighter|iron .. .. @BODY",
        "been + cutting|burning|hurting|harming",
        "@HE|@OTHER .. se|s + scarifie|scarifier|couper|coupe|mutiler|brûler",
        "@REFL .. @HURT .. @ON_PURPOSE|sang|bleus|blood|bruise|bruises",
        "@REFL .. blesser|frapper|taper|cogner|mordre|griffer|battre",
        "hurt|harm|hurting|harming|hit|hitting|punch|punching + @REFL|@ME",
        "~self + harm",
        "auto + mutilation|mutiler",
        "coupure|coupures|cicatrice|cicatrices|cuts|scars|marks .. @BODY",
        "?marque|marques|traces .. @BODY",
        "@CUT .. @BODY",
        "@REFL .. ouvrir|ouvert|ouverte|ouverts .. veine|veines|@BODY",
        "lame|rasoir|blade|razor .. @CUT|@REFL",
        "relapse|relapsed|replonger|recommencer .. @CUT",
        "@CUT .. @ON_PURPOSE",
        "clean .. months|mois|weeks|semaines",
        "?manches|sleeves + longues|long|longs .. été|juillet|août|july|august|summer|chaleur|heat|again|encore",
        "?long + sleeves .. été|juillet|août|july|august|summer|heat|again|hide|cacher",
        "@CUT + again|encore",
        "@ME .. @CUT .. again|encore|recommence",
        "sang|blood|saigne|bleeding .. @BODY",
        "cicatrices|cuts|scars|coupures .. fraîches|fresh|refaire|refais|again",
        "marque|marques .. @BODY",
    ),
    C.PAST_ATTEMPT: (
        "tentative|tentatives + !=de|=d",
        "~tentative|tentatives + de + @SUICIDE|me|mettre|=m",
        "attempt|attempts + !=to|=at",
        "attempted",
        "si + =je|=j + recommence|refais|retente|rechute",
        "depuis|après|avant|since|after|before + =mon|=ma|=my + geste|tentative|hospitalisation|hospitalization|acte",
        "?déjà|already|once .. essayé|tenté|tried",
        "failli|presque|almost|nearly + @JUMP|@KILL|@END|passer|=did|=went",
        "@REFL .. recommencer .. comme",
        "@THINK .. .. reviennent|revenir|revient|revenues|revenus|back|return|returning",
        "tried|essayé|tenté + once|déjà|before|already|une",
        "déjà|already .. essayé|tenté|tried|fait|done|did .. @END|@DIE|@KILL|bêtise|connerie|it",
        "réanimer|réanimé|réanimée|resuscitated|revived|lavage|pumped",
        "?hospitalisé|hospitalisée|hospitalized|hospitalised|interné|internée .. après|after|for",
        "ended|fini|finir|retrouvé .. er|urgences|réa|réanimation|hosto|hôpital|hospital|psychiatrie",
        "?comme|like .. dernière|last .. fois|time",
        "réa|réanimation|urgences|psychiatrie|er|hospitalised|hospitalized .. @THINK",
    ),
    C.THIRD_PARTY: (
        "soin|care .. .. @NEG .. répond|répondre|answer|answering|reply|replying|responding",
        "@GOODBYE .. .. @NEG .. répond|répondre|answer|answering|reply|replying|responding",
    ),
    C.VIOLENCE: VIOLENCE,
}
