"""Idioms: a danger word used as a figure of speech ("mon chef va me tuer", "mort de rire",
"la réforme va nous achever"). A match lying inside one is dropped."""

from __future__ import annotations

from bot.safety.away import TRIPS

_MACHINE = (
    "imprimante|photocopieuse|photocopieur|copieur|scanner|ordi|ordinateur|pc|laptop|excel"
    "|outlook|logiciel|appli|printer|copier|computer|software|wifi|serveur|server|bug"
    "|tableur|spreadsheet|powerpoint|pdf|fichier|file|inbox|messagerie"
)
_PET = (
    "chat|chatte|chien|chienne|chaton|chiot|hamster|lapin|cochon|poisson|perruche|oiseau"
    "|cheval|furet|tortue|cat|dog|kitten|puppy|rabbit|bird|fish|horse|pet|guinea"
)
_WRITTEN = (
    "emails|email|mails|mail|messages|message|commentaires|comments|texts|sms|calls|appels"
    "|propos|language|langage|remarks|reviews|avis|posts|lettres|letters|courriers"
)

# Idioms: a danger word used as a figure of speech. A match lying inside one is dropped.
IDIOMS: tuple[str, ...] = (
    *TRIPS,
    "=killed + =me",  # "the finale killed me": the writer is alive to say it
    # a panic attack: "j'ai cru que j'allais crever", "I thought I was going to die"
    "=cru|=croyais|=croyait + =que|=qu .. =allais|=allait + crever|mourir|@DIE",
    "=thought + =i + =was + =going + =to + =die",
    "ennuie|ennuyer|ennuyé|ennuient|bored|boring + à|to + @DIE|mourir|crever|death",
    "@END + =up",  # "without it ending up in my file"
    "=aime|=adore|=love|=loves + =ma|=la|=my + =vie|=life",  # "j'aime ma vie"
    # "les gars se foutent de moi", "il se fout de ma gueule": mocking
    "foutre + de|d|du + =moi|=toi|=lui|=elle|=nous|=vous|=eux|=ma|=ta|=sa|=mon|=ton|=son|=gueule",
    # death as a subject to talk about with others ("parler de la mort à des enfants")
    "parler|expliquer|aborder + de|la .. mort + à|a|aux|avec|en",
    # a nurse's patients: "how to handle a suicidal patient"
    "a|un|une|des|les|nos|mes|our|the + @SUICIDE + patient|patients|patiente|patientes",
    "patient|patients|patiente|patientes + @SUICIDE",
    "@DIE|mort|crever|dying|dead + de|of|from + rire|fatigue|faim|soif|froid|chaud|ennui"
    "|honte|trouille|impatience|boredom|hunger|laughter|laughing|embarrassment|thirst|cold"
    "|heat|stress|curiosity|curiosité|envie|overdose",
    "!=je|=j|=i + me|moi + =tue|=tuent|=tuait|=tuera|=achever|=acheve|=achevent|=killing",
    "@REFL|@ME + @KILL + avec|with",
    "@REFL|@ME + avoir|=a + @KILL",
    "ça|cela|this|that|it + @REFL|@ME .. @KILL",
    "is|are|was|were|be|am + killing + @ME|@REFL",
    "is|are|was|were|am + literally|really|actually|slowly|honestly|seriously + killing + @ME",
    "saigner|saigne|saignent|saigné + aux|à + quatre + veines",
    "@KILL + nous|vous",
    # "il va tous nous tuer", not a time: "je pense à me pendre tous les soirs"
    "@KILL + =tous + !=les",
    "@KILL + =tous + =les + !=soirs|=soir|=jours|=jour|=nuits|=temps|=matins|=semaines|=mois|=ans|=week",
    "balle + dans + le|la|mon + pied|jambe|foot",
    "jour|day + et|and + nuit|night",
    "@CUT + le|les|la|my|the + doigt|cheveux|ongles|finger|hair|nails|frange|barbe|thumb",
    "@CUT .. en|while|opening|cooking + cuisinant|épluchant|bricolant|cooking|opening|ouvrant",
    "@CUT .. four|plat|casserole|oven|cuisine|fer|poêle|pan|stove",
    # "un coup de fil", "un coup de main": the noun shares the key of "couper"
    "@CUT + de|d + fil|main|pouce|téléphone|bol|chance|œil|oeil|gueule|cœur|coeur|tête|froid|"
    "soleil|barre|pression|stress|fatigue|blues|mou|speed|feu|balai|jeune|vieux|maître|génie",
    "@KILL + le|les|des|the|them|it|time|temps|moucherons|mouches|fourmis|ants|flies|boss",
    "en + finir + avec|with + =ce|=cette|=ces|=le|=la|=les|=mon|=ma|=mes|=this|=that|=the + !@LIFE",
    # "en finir une bonne fois pour toutes avec ce dossier", not "avec cette vie"
    "en + finir .. avec + =ce|=cette|=ces + !@LIFE",
    # a day against violence, not violence: "une journée contre les violences faites aux femmes"
    "journée|campagne|stand|sensibilisation|formation|colloque|conférence|affiche|affiches"
    "|exposition|semaine|day|campaign|awareness|training .. contre|against|sur|on .. @VIOLENT",
    # under the duvet, not gone: "je veux disparaître sous la couette jusqu'à lundi"
    "@GONE .. sous + la|les|ma|mes|=the|=my + couette|couverture|couvertures|draps|plaid|covers"
    "|duvet|blanket",
    # "this audit is going to be the death of me"
    "=be + =the + death + =of + =me|=us",
    # relief that an ordeal is over: "ça fait du bien que ce soit enfin fini"
    "fait|fais + du + bien .. fini|finie|terminé|terminée|fin|over",
    "@END + avec|with + ce|cette|ces|le|la|les|mon|ma|this|that|the + !@LIFE",
    "jeter|jeté|throw + à|in + le|the + eau|water|pool",
    "pendu|pendue|hung + au|à|on + téléphone|phone|fil|lèvres",
    "killed|kill|killing + it",
    "main + armée|armé|armed",
    "couper|coupe|coupent|cut + la|the .. parole|word|words",
    "jeter|jette|jeté|throw + sur|on + le|la|les|the|un|une",
    "peur + bleue",
    "pleuvoir|pleut|pleuvait + des + cordes",
    "overdose|surdose + de|of + !@MED",
    "sauter|saute|hop|jump + dans|into|on + le|un|une|the|a + train|bus|taxi|métro|avion|tram|rer|tgv|plane|cab",
    "c|ce|est|it|is + à|a + se|s + @KILL|pendre|flinguer|tirer",
    "@SUICIDE + collectif|commercial|politique|professionnel|social|collective|social",
    "@GONE|enterrer|enterre + sous|under|derrière|behind",
    "@ROLE .. @GOING .. =me|=m + @KILL",
    "@ROLE .. @GOING .. @KILL + =me",
    "kill + me + now",
    "achever|achevez|achève + moi|me",
    "rather + die + than",
    "plutôt + mourir|crever + que",
    "dose .. max|maximum|maximale|recommandée|autorisée|recommended",
    "@MED .. comme + prescrit|prévu|indiqué|conseillé|habitude|prescribed|usual|directed",
    "!@REFL + @KILL + =ce|=cet|=cette|=ces",  # "tuer cette tâche", not "se pendre cette nuit"
    "@KILL .. process|processus|processes|task|tâche|job|session|pid|port|script|programme|app|appli|server|serveur|container|conteneur|thread|tab|onglet",
    "@CUT .. oignon|oignons|légumes|carottes|pain|tomate|tomates|viande|cuisine|onion|onions|veggies|bread|émincer|émincant|éplucher|cooking",
    "@HIGH .. .. pour|to + !@JUMP|@DIE|@END|@KILL|en|it",
    "pot|carte|soirée|fête|drinks|party|card|lunch|apéro|cadeau|déjeuner .. @GOODBYE|départ|farewell",
    "@GOODBYE .. départ|retraite|mutation|poste|job|vacances|congés|holidays|leaving|collègue|team|équipe",
    "laisser|laissé|y + =ma|=sa|=my + peau",
    "couteau|couteaux|knife|knives .. cuisine|pain|aiguiser|aiguiseur|kitchen|bread|sharpen",
    "@ROLE .. @KILL .. si|if|quand|when",
    "me|moi + =tue|=tues + à|au .. tâche|travail|boulot",
    "me|moi + =tuer|=tue|=tues .. au|à|=at + le|la|=work|travail|boulot|taf|tâche|bureau",
    "@GONE + sous|under|derrière|behind",
    "@JUMP .. ordi|ordinateur|pc|téléphone|laptop|phone|écran|clavier|imprimante|computer|printer|keyboard",
    "@HIGH .. pour|to + changer|réparer|nettoyer|installer|poser|vérifier|fix|repair|clean|install|check|paint|peindre",
    "corde|rope .. escalade|grimper|climbing|sauter|linge|guitare|violon|bateau|voile|gym|gymnase",
    "frapper|frappe|knock|knocking + à|at|on + le|la|the + porte|door",
    "mal + au|à|aux + dos|genou|genoux|pied|pieds|tête|ventre|dent|dents|cheville|épaule|cou|gorge|crâne",
    "@ME|@REFL .. @KILL + =everyone|=everybody|=everything",  # not "he'll shoot everyone"
    "@ME|@REFL .. @KILL + =tout|=tous + !=le|=les",
    "@ME|@REFL .. @KILL + =tout|=tous + =le|=les + !=soirs|=soir|=jours|=jour|=nuits|=temps|=matins|=semaines|=mois|=ans|=week",  # not "tout le temps"
    "@DIE + @ME + ça|it|that|this + laugh|rire",
    "a|à + deux|2 + doigts + de + jeter|balancer + ordi|ordinateur|pc|téléphone",
    "@JUMP + @ME|mon + ordi|ordinateur|pc|téléphone|laptop|phone",
    "serial|série|séries|tueur|tueurs|killer|killers",
    "@CUT + out|outs|outé|outée",  # burnt out, burn-out: exhaustion
    "=le|=la|=les|=l + @JUMP",  # "le balancer par la fenêtre": a thing thrown, not oneself
    # machines and software: a process kills itself, a battery dies, a threat model
    "process|processus|script|programme|serveur|server|appli|app|conteneur|container|thread"
    "|daemon|job|pipeline|worker|pod|build + se|s|itself|commits + @SUICIDE|@KILL",
    "batterie|battery|téléphone|phone|portable|laptop|ordi|ordinateur|pc|serveur|server|disque"
    "|disk|écran|screen|imprimante|printer|wifi|routeur|router|clavier|keyboard|souris|mouse"
    "|voiture|car|plante|plant|basilic|basil|cactus + est|is|=s|was|vient|just|has|a .. @DIE",
    "batterie|battery|téléphone|phone|laptop|ordi|pc|serveur|server|disque|disk|écran|screen"
    "|imprimante|printer|wifi|routeur|router|plante|plant + @DIE",
    "threat|threats + model|models|modeling|modelling|actor|actors|intel|intelligence|detection"
    "|hunting|landscape|vector|vectors|surface|assessment",
    "modèle|modélisation|analyse|matrice + de|des + menace|menaces",
    "menace|menaces + cyber|informatique|informatiques|interne|persistante|ransomware",
    # a last day at a workplace or before the holidays; a pill forgotten
    "@LAST + jour|day|semaine|week|réunion|meeting + chez|at|au|in + !@HERE",
    "@LAST + jour|day|semaine|week|message|mail .. avant|before + =les|=the|=mes|=my"
    " + vacances|congés|congé|holidays|vacation|weekend|week-end|pont|rentrée|leave",
    "oublié|oublier|oublie|forgot|forget|missed|sauté + =ma|=mon|=mes|=my|=la|=le|=une|=un|=a"
    " + @MED|pilule|pill",
    # a machine or a program wants you dead: "l'imprimante veut ma mort", "Excel va me tuer"
    f"{_MACHINE} .. @WANT|@GOING|=va|=vont|=will .. @ME|=moi .. @DIE|@KILL|peau",
    f"{_MACHINE} .. =me|=m|=moi + @KILL",
    f"{_MACHINE} .. @KILL + =me|=moi",
    # words that abuse, not blows: "abusive emails", "des messages violents"
    f"abusive|abusif|abusifs|abusives|violent|violente|violents|violentes|injurieux + {_WRITTEN}",
    f"{_WRITTEN} + abusive|abusif|abusifs|abusives|violent|violente|violents|violentes|injurieux",
    # a client or a firm threatens to leave, to cancel, to sue: business, not violence
    "client|cliente|clients|prestataire|fournisseur|boîte|société|entreprise|syndicat|customer"
    "|customers|supplier|vendor|company|union|partenaire|partner .. @THREATEN + de|d|to"
    " .. partir|quitter|résilier|annuler|changer|leave|cancel|switch|sue|grève|strike|plainte"
    "|procès|boycotter|boycott",
    # a thing that threatens to fall: "le vieux chêne menaçait de tomber"
    "@THREATEN + de|d|to + tomber|effondrer|céder|lâcher|casser|rompre|déborder|fall|collapse",
    "maternity|paternity|sick|parental|medical|annual|study + leave",  # a leave of absence
    # "ma femme me menace de partir avec les enfants": distress, not violence
    "@THREATEN + de|d|to .. partir|quitter|divorcer|divorce|démissionner|démission|résilier"
    "|leave|quit|resign|muter|licencier|virer|sanctionner|signaler|rapport",
    # violence as the work's files: "les dossiers de violences intrafamiliales me rongent"
    "dossier|dossiers|affaire|affaires|audience|audiences|procédure|procédures|enquête"
    "|enquêtes|signalements|statistiques|formation|module|files|cases|hearings + de|d|of|sur"
    "|about|on .. @VIOLENT",
    # a pet dies: "mon chat est mort hier, il avait 18 ans"
    f"=mon|=ma|=my|=notre|=our|=le|=la|=the|=nos|=mes + {_PET} .. @DIE",
    f"@DIE .. =mon|=ma|=my|=notre|=our + {_PET}",
    # a side effect asked about: "est-ce que ça peut donner des idées noires ?"
    "peut|peuvent|pourrait|pourraient|risque|can|could|may donner|provoquer|causer|entraîner"
    "|augmenter|give|cause|trigger|increase .. idée|pensée|thoughts|thought|@SUICIDE",
    # "vouloir dire", to mean; "c'est violent ce que tu as vécu", a listener's words
    "vouloir|veux|voulais|voulait|voulez|voulu + dire + autre|quoi|par|=que|=qu",
    "c|ce|cela|ça|=it|=that + est|était|=is|=was + violent|violente|dur|dure|=harsh + ce|ça|=what"
    " + que|qu|tu|=you",
    # "je m'en fous", "il s'en fiche": not caring; "elle m'a achevé cette journée";
    # "je fais le mort" in an exercise
    "=s|=se|=m|=me|=t|=te|=nous|=vous + en + fout|fous|foutre|foutent|fiche|fichent|foutait",
    "=m|=me|=nous + =a|=as|=ont|=avait + =acheve|=achevee|=acheves|=achevees",
    # "la réforme va nous achever", "ce dossier va m'achever": a thing wears people out
    "=va|=vont|=vas|=allait|=allaient + =nous|=vous|=m|=me + =achever|=finir",
    # words, not blows: "une mère d'élève m'a agressée verbalement"
    "@BEAT + verbalement|verbally|oralement",
    # "I'd kill for a coffee", "j'ai cru mourir quand le procureur…": longing, a fright
    "=kill + =for",
    "=cru|=crus + mourir|crever",
    # a weapon's yearly qualification: "renew my service weapon certification"
    "@WEAPON .. certification|qualification|recertification|licence|license|permit|permis"
    "|habilitation|recyclage",
    "range|firing|tir + session|day|training|séance|entraînement",
    # a train late, not a platform to jump from: "bloqués sur le quai, le RER est en panne"
    "quai|platform|station|gare .. panne|retard|retardé|grève|bloqué|bloqués|bloquée|annulé"
    "|supprimé|delayed|cancelled|canceled|strike|stuck",
    "panne|retard|grève|bloqué|bloqués|bloquée|delayed|stuck .. quai|platform|station|gare",
    # a shooting range: "séance de tir au pistolet", "stand de tir"
    "séance|stand|club|entraînement|cours|moniteur|session + de + tir",
    "tir + au|à + pistolet|fusil|arc",
    # nervous, not at a height: "everyone's on edge"; a roof under repair or in a drill
    "=on + =edge",
    "drill|exercice|exercise|travaux|repairs|maintenance|réparation|repair|évacuation"
    "|evacuation .. roof|toit|toiture|terrasse",
    "roof|toit|toiture + leak|leaking|fuite|fuit|repair|réparer|travaux",
    "toit|roof|toiture .. vérifier|réparer|antenne|gouttière|gouttières|tuiles|panneaux"
    "|check|inspect|antenna|gutter|gutters|tiles|panels",
    # old work files handed over before a move: "gave away my old files to the archives"
    "giving|gave|give + away files|paperwork|archives|folders|documents|binders",
    "faire|fais|fait|font|faisait + le|la + mort|morte",
    # ending a chat, not a life: "désolée je dois partir", "on arrête là pour aujourd'hui"
    "désolé|désolée|dsl|sorry|bon|ok|allez|bref .. dois|doit|=must|=gotta|=have + partir|filer"
    "|=go|=leave|=run",
    "dernier|dernière|last + message|mail|mails|messages|email + de|of|for|=today + la|le|the"
    "|=today .. journée|jour|semaine|day|week|today|soirée",
    "fini|finis|terminé|=done|=finished + ce|=what + que|qu|=i",
    "arrêter|arrête|arrêtons|stop|finir|terminer + là|ici|=here|=there .. pour|for + aujourd|today"
    "|ce|=tonight|=now|maintenant",
    "réveiller|réveille|réveillé|réveillée|wake|waking|woke + à|at|vers|around + #num",
    # drowning in work: "j'ai l'impression de me noyer au bureau", "I feel like I'm drowning"
    "impression|sensation|like|comme .. noyer|noie|noyée|noyé|drowning|drown",
    "noyer|noie|noyé|noyée|drowning|drowned + sous|dans|in|under .. travail|boulot|dossiers"
    "|mails|taf|tâches|demandes|=work|=paperwork|=emails|=tasks",
    "faux|fausse|fausses|fake|mock + blessés|blessé|blessée|victime|victimes|victims|casualties",
    "jouer|joue|jouent|jouons|play|playing + les|le|la|a|the + blessés|blessé|blessée|victime"
    "|victimes|mort|morte|injured|victim|victims|dead|casualty|casualties",
    # a jump for sport: "sauter en parachute", "saut à l'élastique", "jump rope"
    "@JUMP .. parachute|élastique|trampoline|parapente|ski|haies|corde|rope|skydiving|bungee"
    "|tremplin|perche|longueur|hauteur|puzzle",
    # typing, not hitting: "j'ai tapé demande par erreur"
    "taper|tapé|tape|tapes|tapez + demande|mot|message|code|numéro|commande|texte|mail|adresse"
    "|=mdp|nom|réponse|lettre|phrase|touche",
    "taper|tapé|tape .. sur|au|à + le|la + clavier|ordi|ordinateur|téléphone|portable",
    # the meme: "the coffee machine is broken again, this is how I die"
    "this + is + how + =i + @DIE",
    # rather dead than a chore: "I'd rather be buried alive than call the helpdesk again"
    "rather + =be .. @DIE|buried|dead .. than",
    # a sports injury: "he hurt himself at the gym", "elle s'est blessée au foot"
    "hurt|injure|injured|blesser|blessé|blessée .. gym|football|foot|sport|match|training"
    "|running|ski|rugby|tennis|jogging|entraînement|muscu|hockey|basket",
    # a remedy for a cold: "j'ai avalé deux comprimés contre le rhume"
    "@MED .. contre|pour|for + le|la|les|un|une|my|a|the|mon|ma|mal .. rhume|toux|fièvre|gorge"
    "|tête|migraine|douleur|douleurs|allergie|allergies|dos|dents|ventre|cold|flu|headache"
    "|grippe|gastro|angine|otite|sinusite|covid|règles|crampes|tension|cholestérol"
    "|fever|cough|throat|pain|allergy|back|tooth|stomach",
    "cold|flu|headache|allergy|pain|sinus|cough + @MED",
    "@CUT .. cake|gâteau|gateau|tarte|pizza|ruban|ribbon|bûche|galette|fromage|cheese",
    # rather die than do a chore: "je préfère mourir que de refaire une note de synthèse"
    "préférer|prefer + @DIE|crever + que|qu|than .. refaire|faire|remplir|rédiger|écrire"
    "|présenter|préparer|assister|corriger|ranger|relire|saisir|redo|do|fill|write|present"
    "|prepare|attend|sit",
)
