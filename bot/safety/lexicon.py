"""Concepts: words that mean the same thing for the reader, French and English.

Each concept is a set of ordinary words in their dictionary form; the reader looks
them up by key (lemma stem), so every inflection and accent-less spelling matches.
Patterns (`patterns.py`) are written over these concepts as `@NAME`.
"""

from __future__ import annotations

CONCEPTS: dict[str, str] = {
    # people
    "ME": "=je =j =moi =me =m =mon =ma =mes =myself =i =my =mine =perso",
    "REFL": "=me =m =se =s =te =t =myself =himself =herself =themselves =yourself",
    "SE": "=se =s =lui =himself =herself =themselves =him",
    "OTHER": (
        "collègue collegue ami amie pote copain copine frère soeur sœur fils fille mère "
        "père maman papa mari femme épouse époux conjoint conjointe compagnon compagne coloc "
        "colocataire voisin voisine agent agente stagiaire élève eleve étudiant patient "
        "patiente usager usagère cheffe chef binôme binome cousin cousine neveu nièce "
        "enfant ado adolescent friend colleague coworker co-worker teammate sister brother "
        "=son daughter mother mum mom dad father husband wife partner boyfriend girlfriend "
        "roommate flatmate neighbour neighbor student kid teenager cousin niece nephew "
        "villain narrateur narrator personnage character héros hero "
        "manager boss intern homme mec gars type quelqu'un man woman guy girl boy someone "
        "person garçon gamin gamine oncle tante grand-père grand-mère papi papy mamie "
        "beau-frère belle-sœur belle-soeur parrain marraine uncle aunt grandfather "
        "grandmother grandpa grandma granddad granny détenu détenue prisonnier prisonnière "
        "inmate prisoner =ex agresseur agresseuse attacker "
        "infirmier infirmière nurse soignant soignante aide-soignant aide-soignante médecin "
        "doctor docteur interne urgentiste"
    ),
    "ROLE": (
        "chef cheffe boss manager patron patronne directeur directrice prof professeur mère "
        "père maman papa mom mum dad mother father daughter fille client cliente =n+1 n1 "
        "supérieur hiérarchie dg collègue colleague coworker teacher fils =son gamin gamine "
        "banquier banquière comptable proprio propriétaire dentiste coach kiné"
    ),
    "DAY": (
        "lundi mardi mercredi jeudi vendredi samedi dimanche demain soir week-end weekend "
        "monday tuesday wednesday thursday friday saturday sunday tomorrow tonight"
    ),
    "NUMBER": (
        "dix onze douze quinze vingt trente quarante cinquante cent ten twelve fifteen "
        "twenty thirty forty fifty hundred dozen dozens dizaine dizaines"
    ),
    "HE": "=il =elle =ils =elles =he =she =they =him =her",
    # wanting, thinking
    "WANT": (
        "vouloir envie souhaiter désirer rêver préférer aimer tenter tentation besoin "
        "want wish like would need tempt desire long urge"
    ),
    "THINK": (
        "penser pensée idée songer imaginer obsession obséder hanter tourner envisager "
        "think thought idea imagine consider considering plan planning obsess fantasize"
    ),
    "GOING": "aller compter devoir décider prêt going gonna will about ready decided",
    "NEG": "=ne =n pas plus jamais aucun aucune rien ni sans =not no never nothing without anymore",
    # dying, killing, ending
    "DIE": ("mourir mort morte crever décéder décès trépas die dead death dying"),
    "SUICIDE": ("suicide suicider suicidaire suicidal suicidé autolyse"),
    "KILL": (
        "tuer flinguer supprimer zigouiller foutre pendre noyer empoisonner "
        "kill shoot hang drown poison off"
    ),
    # `!word`: a form that shares the key but not the sense (a sick leave, the army)
    "END": "finir terminer achever fin arrêter stopper end stop over quit !arrêt !arrêts",
    "LIFE": "vie vivre jour existence exister respirer life live living alive exist breathe",
    "EVERYTHING": "tout tous toute everything all it",
    "GONE": (
        "disparaître partir évaporer volatiliser quitter absent gone disappear vanish leave fade"
    ),
    "SLEEP": "dormir endormir sommeil sleep asleep",
    "WAKE": "réveiller réveil wake awake =woke =waking",
    "HERE": "là ici présent monde terre around =here there world",
    # what veiled ideation speaks of: a last time, soon, beyond, under a vehicle
    "LAST": "dernier dernière ultime final last",
    "SOON": "bientôt demain prochain prochaine bientot soon tomorrow next",
    "BEYOND": "ciel paradis heaven afterlife",
    "VEHICLE": "bus camion voiture platane arbre mur métro truck tree wall lorry",
    "BURDEN": "poids fardeau boulet burden weight nuisance problem problème",
    "BETTER": "mieux soulager soulagé tranquille simple facile better relieved easier simpler",
    "POINT": (
        "sens raison intérêt espoir avenir futur issue solution sortie lumière "
        "point reason hope future meaning purpose"
    ),
    # preparation
    "LETTER": "lettre mail courrier carnet vidéo letter letters message video",
    "GOODBYE": "adieu adieux revoir !revu !revue !revus !revues goodbye goodbyes farewell bye",
    "GIVE": "donner léguer confier offrir distribuer give giving gave leave",
    "BELONGINGS": (
        "affaire affaires chat chien plante livre objet bijou badge clé clef codes "
        "things stuff belongings cat dog plant book keys"
    ),
    "PLAN": "plan prévoir préparer organiser décider date jour choisir planned plan date day",
    "HOW": "comment moyen méthode façon manière how way ways method methods painless",
    "WILL": "=testament =testaments",
    # means
    "HIGH": (
        "pont viaduc passerelle toit rebord falaise parapet rambarde précipice pylône "
        "bridge roof ledge cliff railing"
    ),
    "PLACE": (
        "pont viaduc passerelle toit terrasse rebord fenêtre balcon falaise rail rails voie "
        "quai vide parapet rambarde précipice pylône étage canal rivière fleuve seine loire lac mer "
        "bridge roof ledge edge cliff tracks rails platform railing window balcony river lake sea canal"
    ),
    "MEANS": (
        "corde lame rasoir couteau arme fusil flingue pistolet revolver cutter scalpel "
        "cachet cachets médicament comprimé pilule gélule somnifère anxiolytique "
        "rope blade razor knife gun rifle pistol weapon pills pill tablets meds !armée !armées"
    ),
    "JUMP": "sauter jeter lancer balancer plonger jump throw leap",
    "NOW": ("maintenant =là actuellement instant soir soirée now =right tonight currently"),
    "HOLD": "main tenir devant côté poche hand holding front beside",
    # overdose
    "MED": (
        "médicament cachet comprimé pilule gélule somnifère anxiolytique antidépresseur "
        "traitement doliprane paracétamol dafalgan efferalgan xanax lexomil tramadol "
        "lysanxia stilnox zolpidem seresta valium lithium insuline morphine codéine "
        "neuroleptique benzodiazépine benzo benzos médoc médocs cacheton cachetons javel détergent produit poison pesticide "
        "ibuprofène aspirine tercian théralène atarax hydroxyzine seroplex deroxat prozac effexor "
        "laroxyl anafranil zoloft sertraline fluoxétine paroxétine escitalopram venlafaxine "
        "mirtazapine norset quétiapine xeroquel olanzapine zyprexa risperdal abilify loxapac "
        "haldol tégrétol dépakine depakote lamictal témesta lorazépam alprazolam diazépam "
        "oxazépam bromazépam clonazépam rivotril imovane zopiclone noctamide tranxène "
        "lamaline izalgi ixprim oxycodone fentanyl méthadone subutex antalgique somnifères "
        "medication meds pill pills tablet tablets painkiller painkillers "
        "paracetamol tylenol ibuprofen antidepressant antidepressants insulin bleach "
        "ambien advil aspirin oxy percocet vicodin opioids "
        "kcl potassium curare propofol midazolam kétamine ketamine"  # what a ward holds
    ),
    "SWALLOW": "avaler ingérer boire gober prendre take took swallow swallowed drink drank",
    "LOTS_AFTER": "entier entière =coup trop beaucoup whole =lot bunch",
    "LOTS": (
        "tout toute tous toutes boîte boite plaquette flacon tube paquet plein trop "
        "beaucoup dose entier entière stock réserve surdose overdose ensemble totalité "
        "intégralité "
        "all whole bottle box pack lot bunch many too handful entire"
    ),
    "ALCOHOL": "alcool vin whisky vodka bière rhum alcohol wine =beer =beers",
    "OVERDOSE": "overdose surdose intoxication intoxiquer overdosed",
    # self-harm
    # keys shared with everyday words are written as typed (`=`): "here" is not "her",
    # "beer" not "be", "buter" not the English "but"
    "CUT": (
        "couper recouper scarifier mutiler taillader entailler lacérer brûler griffer "
        "cut cutting slash burn scratch"
    ),
    "HURT": "mal blesser frapper taper cogner mordre hurt harm hit punch injure",
    "BODY": (
        "bras poignet poignets cuisse cuisses veine veines peau main jambe ventre tête "
        "arm arms wrist wrists thigh thighs skin vein veins leg legs"
    ),
    "ON_PURPOSE": "exprès volontairement délibérément purpose deliberately",
    # violence
    "BEAT": (
        "frapper battre cogner taper gifler étrangler tabasser bousculer plaquer pousser "
        "violer agresser attaquer blesser saigner poignarder égorger "
        "défoncer démolir caillasser =buter =bute =butee =butes =butent "
        "hit beat punch slap strangle choke attack rape stab hurt assault "
        "!agressif !agressive !agressifs !agressives"  # a manner ("le public est agressif")
    ),
    "THREATEN": "menacer menace threat threaten threatening",
    "WEAPON": (
        "couteau arme fusil pistolet batte hache marteau knife gun weapon bat axe hammer "
        "famas =hk416 glock revolver révolver carabine rifle pistol shotgun "
        "!armée !armées"
    ),
    "AFRAID": "peur terrifier terrorisé paniquer afraid scared terrified frightened",
    "SAFE": "sécurité safe safety",
    "DANGER": "danger dangereux danger",
    "LOCKED": "enfermer enfermé cacher caché séquestrer bloquer locked hiding hide trapped",
    "VIOLENT": "violent violente violence violences abuse abusive",
}

# The model speaks only when a message holds at least one of these: words that can
# carry danger, not merely people, time or wanting.
SIGNALS = frozenset(
    "@" + name
    for name in CONCEPTS
    if name
    not in {
        "ME",
        "REFL",
        "SE",
        "OTHER",
        "ROLE",
        "HE",
        "WANT",
        "THINK",
        "GOING",
        "NEG",
        "EVERYTHING",
        "NOW",
        "DAY",
        "NUMBER",
        "LOTS",
        "LOTS_AFTER",
        "HOLD",
        "HERE",
        "BETTER",
        "ON_PURPOSE",
        "HOW",
        "SAFE",
        "GIVE",
        "BELONGINGS",
        "PLAN",
        "BODY",
        "LAST",
        "SOON",
        "BEYOND",
        "VEHICLE",
    }
)
