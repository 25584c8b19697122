"""French texts (reference catalog). Tutoiement, warm and short."""

EMERGENCY = (
    "🚨 **En cas de danger ou d'idées suicidaires, appelle tout de suite :**\n"
    "- **3114** — prévention du suicide, 24h/24, gratuit ([3114](tel:3114))\n"
    "- **15** — SAMU, urgence médicale ([15](tel:15))\n"
    "- **112** — numéro d'urgence européen ([112](tel:112))"
)

EMERGENCY_MEDICAL = (
    "🚨 **Si tu as avalé des médicaments ou un produit, appelle tout de suite :**\n"
    "- **15** — SAMU, urgence médicale ([15](tel:15))\n"
    "- **112** — numéro d'urgence européen ([112](tel:112))\n"
    "- **3114** — prévention du suicide, 24h/24, gratuit ([3114](tel:3114))\n"
    "Ne reste pas seul·e : ouvre ta porte, préviens quelqu'un près de toi."
)

EMERGENCY_MEDICAL_OTHER = (
    "🚨 **Si cette personne a avalé des médicaments ou un produit, appelle tout de suite :**\n"
    "- **15** — SAMU, urgence médicale ([15](tel:15))\n"
    "- **112** — numéro d'urgence européen ([112](tel:112))\n"
    "- **3114** — prévention du suicide, 24h/24, gratuit ([3114](tel:3114))\n"
    "Reste avec elle si tu peux, ou fais en sorte que quelqu'un la rejoigne."
)

EMERGENCY_VIOLENCE = (
    "🚨 **Si tu es en danger maintenant :**\n"
    "- **17** — police ou gendarmerie, 24h/24, gratuit ([17](tel:17))\n"
    "- **112** — numéro d'urgence européen ([112](tel:112))\n"
    "- **114** — par SMS, si tu ne peux pas parler sans danger ou si tu es sourd·e ou "
    "malentendant·e ([114](sms:114))\n"
    "- **3919** — Violences Femmes Info, 24h/24, gratuit et anonyme ([3919](tel:3919))"
)

HELP_SOMEONE = (
    "**Pour aider cette personne :**\n"
    "- si le danger est immédiat, ne la laisse pas seule et appelle le **15** ou le **112** ;\n"
    "- demande-lui simplement si elle pense au suicide : en parler ne donne pas l'idée, "
    "ça soulage ;\n"
    "- écoute sans juger ni minimiser, et ne promets pas de garder le secret ;\n"
    "- le **3114** répond aussi aux proches et aux collègues : tu peux l'appeler pour savoir "
    "comment faire."
)

TEXTS: dict[str, str] = {
    "emergency": EMERGENCY,
    "welcome": (
        "Bonjour, et merci d'avoir écrit. 🌿\n\n"
        "Ici, tu peux demander à parler à une personne du **groupe de soutien** : des collègues "
        "bénévoles formé·es aux premiers secours en santé mentale, **sans lien avec ton équipe**. "
        "Ce ne sont ni des psys, ni des médecins, ni des juristes, ni les RH : une écoute sans "
        "jugement, et de l'aide pour trouver le bon interlocuteur.\n\n"
        "🔒 Ce que tu écris reste confidentiel (dans la limite des obligations des agent·es "
        "publics). Rien n'est transmis à personne sans ton accord.\n\n" + EMERGENCY + "\n\n"
        "Tu peux écrire :\n"
        "- `demande` — parler à quelqu'un du groupe\n"
        "- `numéros` — trouver une ligne d'écoute (ex. `numéros burn-out`)\n"
        "- `aide` — tout ce que je sais faire"
    ),
    "welcome_short": (
        "Bonjour 🌿 Je suis le bot du groupe de soutien : des collègues bénévoles, sans lien "
        "avec ton équipe (ni psys, ni médecins, ni RH). C'est confidentiel, dans la limite des "
        "obligations des agent·es publics, et rien n'est transmis sans ton accord. Urgence : "
        "**3114**, **15**, **112**. Tu peux écrire `demande`, `numéros` ou `aide`."
    ),
    "help_all": (
        "**Ce que je peux faire**\n"
        "- `demande` — parler à une personne du groupe de soutien (en direct ou anonymement)\n"
        "- `numéros [thème]` — lignes d'écoute et numéros utiles (`numéros` seul : les thèmes)\n"
        "- `annuler` — retirer ta demande en cours\n"
        "- `clore` — terminer un échange\n"
        "- `english` / `français` — changer de langue\n\n"
        "Urgence : **3114**, **15**, **112**."
    ),
    "help_listener": (
        "**Pour les écoutant·es**\n"
        "- `accepter [RÉF]` / `refuser [RÉF]` — répondre à une proposition\n"
        "- `clore RÉF` — terminer un échange (`clore RÉF lourd` s'il a été lourd à porter) · "
        "`transférer RÉF` — passer la main\n"
        "- `supervision RÉF` — demander un débrief à la coordination\n"
        "- `thème RÉF travail` — le thème d'un cas, pour les statistiques\n"
        "- `note RÉF texte` — une note pour les écoutant·es de ce cas (`note RÉF` pour les lire)\n"
        "- `dispo on` / `dispo off [jusqu'au JJ/MM]` — ta disponibilité\n"
        "- `mes cas` — tes cas ouverts\n"
        "- `RÉF: message` — écrire à la personne d'un cas précis"
    ),
    "help_coordinator": (
        "**Pour la coordination**\n"
        "- `écoutants` — le groupe et les disponibilités\n"
        "- `ajouter écoutant @pseudo équipes A,B` · `retirer écoutant @pseudo` · "
        "`pause écoutant @pseudo jusqu'au JJ/MM`\n"
        "- `stats [mois|trimestre|année]` — les chiffres et le graphique (aucune identité)\n"
        "- `en attente` — les demandes sans écoutant·e\n"
        "- `relancer RÉF` · `proposer RÉF @pseudo` — agir sur une demande qui attend"
    ),
    "want_to_talk": (
        "Je peux te mettre en lien avec une personne du groupe : un·e collègue bénévole, "
        "formé·e à l'écoute, **sans lien avec ton équipe**. Rien n'est transmis sans ton "
        "accord. Écris `demande` pour commencer."
    ),
    "did_you_mean": "Tu voulais dire `{command}` ?",
    "button_request": "Faire une demande",
    "thanks": "Avec plaisir. 🌿 Je reste là : `demande` pour parler à quelqu'un, `numéros` pour des lignes d'écoute.",
    "unknown": (
        "Je suis un bot : je ne comprends pas tout ce qu'on m'écrit, pardon. Pour en parler "
        "à une personne du groupe, écris `demande` ; `numéros` donne des lignes d'écoute, "
        "`aide` tout ce que je sais faire."
    ),
    "empty": "Je n'ai reçu aucun texte. Écris `aide` pour voir ce que je sais faire.",
    "ask_continuity": (
        "La dernière fois, une personne du groupe t'a écouté·e. Veux-tu retrouver **la même "
        "personne** si elle est disponible ? Réponds `oui` ou `non`."
    ),
    "ask_team": (
        "Dans quelle **équipe / startup / direction** travailles-tu ? Cela sert seulement à "
        "éviter quelqu'un qui y est lié ; ce ne sera jamais montré à l'écoutant·e. "
        "Tu peux répondre `passer`."
    ),
    "ask_mode": (
        "Comment préfères-tu échanger ?\n"
        "- `anonyme` (par défaut) — tu continues à m'écrire ici, je transmets ; la personne ne "
        "voit qu'une référence\n"
        "- `direct` — la personne reçoit ton identifiant et t'écrit directement\n"
        "Tu peux répondre `passer`."
    ),
    "team_corrected": "C'est noté, je corrige ton équipe. 🙂",
    "ask_mode_again": "Réponds `anonyme`, `direct` ou `passer` 🙂",
    "ask_yes_no": "Réponds `oui` ou `non` 🙂",
    "request_exists": (
        "Tu as déjà une demande en cours (réf. **{ref}**). Écris `annuler` pour la retirer."
    ),
    "request_searching": (
        "C'est noté, merci pour ta confiance. Ta demande a la référence **{ref}**. "
        "On cherche une personne disponible, je te préviens dès que quelqu'un a accepté. "
        "Tu peux `annuler` à tout moment."
    ),
    "still_searching": (
        "On cherche toujours une personne disponible pour ta demande **{ref}**. "
        "Ton message n'a été transmis à personne."
    ),
    "nobody_available": (
        "Personne du groupe n'est disponible tout de suite, pardon pour l'attente. 💛 "
        "Ta demande **{ref}** reste ouverte : on te contacte dès que quelqu'un se libère.\n"
        "En attendant, ces lignes peuvent t'écouter :\n{numbers}"
    ),
    "offer": (
        "📩 **Nouvelle demande {ref}** — mode {mode}.\n"
        "Aucun lien avec ton équipe déclarée.\n"
        "Réponds `accepter {ref}` ou `refuser {ref}` (sans justification) dans les {minutes} min."
    ),
    "mode_anonymous": "anonyme (relais par le bot)",
    "mode_direct": "direct",
    "button_accept": "Accepter",
    "button_decline": "Refuser",
    "forget_set_aside": (
        "Ta question d'effacement est mise de côté : quelqu'un vient d'accepter ta demande, "
        "et un simple « oui » ici pourrait être pour cette personne. Écris `oubli` à nouveau "
        "si tu veux toujours tout effacer."
    ),
    "accepted_requester_anonymous": (
        "Une personne du groupe a accepté ta demande **{ref}**. 💛 Écris-moi ici : je lui "
        "transmets tes messages, et ses réponses arriveront ici. `clore` pour terminer."
    ),
    "accepted_requester_direct": (
        "**{name}** a accepté ta demande **{ref}** et va t'écrire directement. 💛"
    ),
    "accepted_listener_anonymous": (
        "Merci ! Tu écoutes la demande **{ref}** (anonyme). Écris ici : chaque message est "
        "transmis. `clore {ref}` pour terminer."
    ),
    "accepted_listener_direct": (
        "Merci ! Demande **{ref}** (direct) : écris à **{handle}** ({platform}). "
        "`clore {ref}` quand c'est terminé."
    ),
    "not_offered_to_you": (
        "La demande **{ref}** ne t'est plus proposée (déjà prise, retirée ou expirée). "
        "Rien n'a changé."
    ),
    "no_offer": "Aucune proposition ne t'attend en ce moment.",
    "which_case": "Précise la référence : {refs}. Par exemple : `{example}`.",
    "which_case_relay": (
        "À qui est destiné ce message ? Il n'a été transmis à personne. Précise la "
        "référence : {refs}. Par exemple : `{example}: ton message`."
    ),
    "your_request": "{ref} (ta demande)",
    "pending_continuity": "Ma question reste ouverte : veux-tu retrouver la même personne ? `oui` ou `non`.",
    "team_before_mode": (
        "Le mode (`anonyme` ou `direct`) vient juste après 🙂 D'abord : dans quelle "
        "**équipe / startup / direction** travailles-tu ? Tu peux répondre `passer`."
    ),
    "pending_team": "Ma question reste ouverte : dans quelle équipe travailles-tu ? (ou `passer`)",
    "pending_mode": "Ma question reste ouverte : `anonyme`, `direct` ou `passer` ?",
    "pending_checkin": "Ma question reste ouverte : veux-tu que je prenne de tes nouvelles dans 7 jours ? `oui` ou `non`.",
    "pending_forget": "Ma question reste ouverte : veux-tu que j'efface tout ? `oui` ou `non`.",
    "pending_safety": "Ma question reste ouverte : penses-tu au suicide, ou es-tu en danger en ce moment ? `oui` ou `non`.",
    "ref_nowhere": (
        "Je ne trouve pas la référence **{ref}** parmi tes cas. Rien n'a été transmis."
    ),
    "ref_closed_nowhere": (
        "L'échange **{ref}** est clos : ton message n'a été transmis à personne."
    ),
    "ref_offered_nowhere": (
        "Tu n'as pas encore accepté **{ref}** : ton message n'a été transmis à personne. "
        "`accepter {ref}` d'abord, si tu peux l'écouter."
    ),
    "unknown_ref_try": (
        "Je ne trouve pas la référence **{ref}** parmi tes cas. Tu voulais dire `{example}` ?"
    ),
    "unknown_ref": "Je ne trouve pas la référence **{ref}** parmi tes cas.",
    "declined_ack": "C'est noté pour **{ref}**, merci. Elle passe à quelqu'un d'autre.",
    "offer_expired": "La proposition **{ref}** a expiré ; elle passe à quelqu'un d'autre.",
    "offer_withdrawn": "La demande **{ref}** a été retirée. Rien à faire de ton côté.",
    "cancelled_requester": "Ta demande **{ref}** est retirée. Tu peux revenir quand tu veux. 💛",
    "cancelled_draft": "D'accord, on s'arrête là. Tu peux revenir quand tu veux. 💛",
    "nothing_to_cancel": "Tu n'as pas de demande en cours.",
    "closed_requester": (
        "L'échange **{ref}** est clos. Merci pour ta confiance. 💛\n"
        "Veux-tu que je prenne de tes nouvelles dans 7 jours ? Réponds `oui` ou `non`."
    ),
    "closed_listener": (
        "L'échange **{ref}** est clos. Merci pour ton écoute. 💛\n"
        "Pour les statistiques : `thème {ref} travail` (ou relations, harcelement, sante, "
        "perso, deuil, autre)."
    ),
    "closed_by_other": "L'échange **{ref}** a été clos par l'autre personne.",
    "nothing_to_close": "Tu n'as pas d'échange en cours à clore.",
    "checkin_yes": "C'est noté : je prendrai de tes nouvelles dans 7 jours. Prends soin de toi.",
    "checkin_no": "C'est noté. Prends soin de toi, et reviens quand tu veux.",
    "transferred_requester": (
        "Ta demande **{ref}** passe à une autre personne du groupe. Je te préviens dès que "
        "quelqu'un a accepté."
    ),
    "transferred_listener": "La demande **{ref}** est transférée. Merci.",
    "not_listener": (
        "Cette commande est réservée aux écoutant·es du groupe. Écris `aide` pour voir ce "
        "que tu peux faire."
    ),
    "not_coordinator": "Cette commande est réservée à la coordination.",
    "available_on": "Tu es **disponible**. Merci ! 💛",
    "available_off": "Tu es **indisponible** : aucune proposition ne te sera faite.",
    "available_off_until": "Tu es **indisponible** jusqu'au {date} inclus ; ensuite, de nouveau disponible.",
    "available_bad_date": "Je ne peux pas utiliser la date « {date} » : elle n'existe pas ou elle est passée. Rien n'a changé. Écris par exemple `dispo off jusqu'au 30/11` (le 30 inclus) ou `dispo off jusqu'au 30/11/2026`.",
    "available_usage": "Écris `dispo on`, `dispo off` ou `dispo off jusqu'au 24/12`.",
    "available_status": "Tu es actuellement {status}. {usage}",
    "status_on": "disponible",
    "status_off": "indisponible",
    "mine_none": "Tu n'as aucun cas ouvert.",
    "mine_header": "**Tes cas ouverts**",
    "mine_line": "- **{ref}** — {state}, {mode}, depuis le {since}",
    "state_offered": "proposé",
    "state_accepted": "en cours",
    "relay_to_listener": "**[{ref}]** {text}",
    "relay_to_requester": "💬 {text}",
    "relay_truncated": "\n\n_(message tronqué : il était trop long)_",
    "not_relayed_requester": (
        "Je transmets seulement le texte 🙂 Les fichiers, images, messages vocaux et réactions "
        "restent ici : leurs noms et leurs détails pourraient te faire reconnaître. Si tu "
        "veux en partager davantage, la mise en relation directe existe : écris `clore`, puis "
        "`demande` en choisissant `direct` (tu pourras retrouver la même personne)."
    ),
    "not_relayed_listener": (
        "Seul le texte est transmis pour **{ref}** 🙂 Les fichiers, images, messages vocaux et "
        "réactions restent ici : ils pourraient identifier quelqu'un. Si la personne veut en "
        "partager davantage, elle peut choisir la mise en relation directe (mode `direct`)."
    ),
    "text_only": (
        "Je ne lis que le texte 🙂 Les fichiers, images et messages vocaux ne me parviennent "
        "pas. Écris-moi en quelques mots, ou `aide` pour voir ce que je sais faire."
    ),
    "sender_truncated": "Ton message était très long : seul le début a été transmis.",
    "direct_mode_reminder": (
        "Ta demande **{ref}** est en mode direct : écris directement à la personne qui t'a "
        "contacté·e. `clore` pour terminer."
    ),
    "safety": (
        EMERGENCY + "\n\n"
        "Tu n'es pas seul·e. Si tu veux parler à une personne du groupe de soutien, écris "
        "`demande`."
    ),
    "safety_other": (
        "Merci de t'inquiéter pour cette personne, tu as bien fait d'écrire.\n\n"
        + EMERGENCY
        + "\n\n"
        + HELP_SOMEONE
        + "\n\n"
        "Si tu veux en parler avec une personne du groupe de soutien, écris `demande`."
    ),
    "safety_overdose": (
        EMERGENCY_MEDICAL + "\n\n"
        "Tu n'es pas seul·e. Quand tu auras appelé, tu peux écrire `demande` pour parler à une "
        "personne du groupe de soutien."
    ),
    "safety_violence": (
        EMERGENCY_VIOLENCE + "\n\n"
        "Ce qui t'arrive n'est pas de ta faute, et tu as le droit d'être protégé·e. Quand tu "
        "seras en sécurité, tu peux écrire `demande` pour parler à une personne du groupe."
    ),
    "safety_held": EMERGENCY + "\n\n{close}",
    "safety_held_other": EMERGENCY + "\n\n" + HELP_SOMEONE + "\n\n{close}",
    "safety_held_overdose": EMERGENCY_MEDICAL + "\n\n{close}",
    "safety_held_violence": EMERGENCY_VIOLENCE + "\n\n{close}",
    "held_open": "Tu n'es pas seul·e. Ta demande **{ref}** reste ouverte.",
    "held_drafting": "Tu n'es pas seul·e. Ta demande continue juste après.",
    "held_direct": (
        "Ce message reste entre toi et moi : la personne qui t'accompagne (demande **{ref}**) "
        "ne le voit pas. Tu peux lui écrire directement."
    ),
    "safety_other_overdose": (
        "Merci de t'inquiéter pour cette personne, tu as bien fait d'écrire.\n\n"
        + EMERGENCY_MEDICAL_OTHER
        + "\n\n"
        + HELP_SOMEONE
        + "\n\n"
        "Si tu veux en parler avec une personne du groupe de soutien, écris `demande`."
    ),
    "safety_in_case_other_overdose": EMERGENCY_MEDICAL_OTHER
    + "\n\n"
    + HELP_SOMEONE
    + "\n\nTon message a bien été transmis.",
    "safety_held_other_overdose": EMERGENCY_MEDICAL_OTHER + "\n\n" + HELP_SOMEONE + "\n\n{close}",
    "safety_in_case": EMERGENCY + "\n\nTon message a bien été transmis.",
    "safety_in_case_other": EMERGENCY
    + "\n\n"
    + HELP_SOMEONE
    + "\n\nTon message a bien été transmis.",
    "safety_in_case_overdose": EMERGENCY_MEDICAL + "\n\nTon message a bien été transmis.",
    "safety_in_case_violence": EMERGENCY_VIOLENCE + "\n\nTon message a bien été transmis.",
    "relay_marker": (
        "⚠️ **[{ref}]** Ce message peut signaler un danger. Les numéros ont été donnés à la "
        "personne : **3114** · **15** · **112**. Tu peux les lui rappeler."
    ),
    "relay_marker_violence": (
        "⚠️ **[{ref}]** Ce message peut signaler des violences en cours. Les numéros ont été "
        "donnés à la personne : **17** · **112** · **114** (SMS) · **3919**."
    ),
    "concern": (
        "Merci de me l'écrire. Ça a l'air vraiment lourd en ce moment, et tu n'as pas à porter "
        "ça seul·e. 🌿\n\n"
        "Je te pose la question simplement, parce qu'elle compte : **est-ce que tu penses au "
        "suicide, ou est-ce que tu es en danger en ce moment ?** Réponds `oui` ou `non`.\n\n"
        "Si tu veux parler à une personne du groupe de soutien, écris `demande`."
    ),
    "concern_again": (
        "Je t'entends, et je reste là. 🌿 Ma question compte : **est-ce que tu penses au "
        "suicide, ou est-ce que tu es en danger en ce moment ?** Réponds `oui` ou `non`.\n\n"
        "Pour parler à une personne du groupe de soutien, écris `demande` ; pour des lignes "
        "d'écoute, `numéros`."
    ),
    "concern_no": (
        "Merci de m'avoir répondu. Ce que tu vis compte quand même : si tu veux en parler à une "
        "personne du groupe de soutien, écris `demande`. Pour une ligne d'écoute, écris "
        "`numéros`. Et si ça change, le **3114** répond 24h/24."
    ),
    "alert_danger": (
        "⚠️ **Alerte sécurité** — réf. **{ref}** : un message exprime un danger. "
        "Les numéros d'urgence ont été donnés. Aucun contenu n'est partagé.\n{next}"
    ),
    "alert_dead_letter": (
        "⚠️ Un message n'a pas pu être traité après plusieurs essais — réf. **{ref}**. "
        "Rien de son contenu n'est gardé ; la personne peut avoir à le réécrire."
    ),
    "one_moment": "Un instant, je reviens vers toi très vite : ton message est bien arrivé.",
    "alert_waiting": (
        "⏳ La demande **{ref}** attend : aucune personne éligible n'est disponible.\n"
        "→ `proposer {ref} @pseudo` pour la confier à quelqu'un, ou `relancer {ref}` "
        "quand le groupe a changé."
    ),
    "listeners_header": "**Écoutant·es** (cas en cours / nouveaux cette semaine)",
    "listeners_line": "- {name} ({handle}) — {status}, {active} en cours / {week} sur {cap}",
    "waiting_none": "Aucune demande en attente.",
    "waiting_header": "**Demandes en attente**",
    "waiting_line": "- **{ref}** — depuis le {since}",
    "waiting_footer": "→ `relancer RÉF` pour la reproposer, `proposer RÉF @pseudo` pour la confier.",
    "language_set": "D'accord, je te parle en français.",
    "skip_nothing": "Il n'y a rien à passer pour l'instant. Écris `aide` si besoin.",
    "yes_words": "oui o ouais yes y ok d'accord",
    "no_words": "non n no nope",
    "my_data": (
        "**Ce que je garde sur toi** (aucun message : les échanges ne sont jamais enregistrés)\n"
        "- identifiant {platform} : `{user_id}` (chiffré)\n"
        "- référence anonyme : {ref} (seule chose vue par la coordination en cas d'alerte)\n"
        "- langue : {locale} · premier contact : {since} · dernier message : {seen}\n"
        "{extra}{cases}{roles}{listener}\n"
        "Tout est effacé {days} jours après la fin d'un échange. `oubli` efface tout maintenant."
    ),
    "my_data_case": "- demande **{ref}** : {state}, mode {mode}, créée le {created}{team}\n",
    "my_data_team": ", équipe déclarée « {team} » (chiffrée, jamais montrée)",
    "my_data_no_case": "- aucune demande\n",
    "my_data_roles": "- rôle : {roles}\n",
    "my_data_handle": "- pseudo : `{handle}` (chiffré ; donné à l'écoutant·e seulement en mode direct)\n",
    "my_data_alert": "- dernière alerte de sécurité : le {date} (seulement la date, pour ne pas alerter deux fois)\n",
    "my_data_draft": "- demande en préparation : équipe « {team} » (chiffrée)\n",
    "my_data_room": "- pour te répondre : l'adresse de notre conversation privée sur {platform} (chiffrée)\n",
    "my_data_accepted": ", acceptée le {date}",
    "my_data_ended": ", terminée le {date}",
    "my_data_checkin": ", nouvelles dans 7 jours : demandées",
    "my_data_listener": (
        "**Comme écoutant·e** (identifiant dans le groupe : {id})\n"
        "- disponibilité : {status} · dernière proposition reçue : {last}\n"
        "- propositions reçues : {offers}\n"
        "- journal de tes actions d'écoute (sans contenu) : {entries} entrée(s), gardées {audit_days} jours\n"
    ),
    "my_data_none": "aucune",
    "outcome_pending": "en attente",
    "outcome_accepted": "acceptée",
    "outcome_declined": "refusée",
    "outcome_expired": "expirée",
    "outcome_withdrawn": "retirée",
    "outcome_transferred": "transférée",
    "forget_done_member": (
        "C'est fait : ton identifiant, tes demandes et l'adresse de notre conversation sont "
        "effacés. Comme tu fais partie du groupe, ton nom reste dans sa liste (la "
        "configuration), avec ta disponibilité et le journal de tes actions d'écoute (sans "
        "contenu, {days} jours) : ils protègent les personnes aidées. 💛"
    ),
    "role_listener": "écoutant·e",
    "role_coordinator": "coordination",
    "state_waiting": "en attente",
    "state_closed": "close",
    "state_cancelled": "retirée",
    "forget_still_listening": (
        "Tu écoutes encore {refs}. Avant d'effacer tes données, confie chaque demande à "
        "quelqu'un d'autre du groupe (`transférer {ref}`), clos-la (`clore {ref}`) ou "
        "refuse la proposition (`refuser {ref}`) ; puis écris `oubli` à nouveau. Rien n'est "
        "effacé pour l'instant."
    ),
    "forget_confirm": (
        "Je vais **tout effacer** : ton identifiant, tes demandes (une demande en cours sera "
        "retirée). C'est définitif. Réponds `oui` pour confirmer, `non` pour garder."
    ),
    "forget_done": "C'est fait : je ne garde plus rien sur toi. Tu peux revenir quand tu veux. 💛",
    "forget_kept": "D'accord, je ne change rien.",
    "nudge": (
        "🔔 Petit rappel : la demande **{ref}** est ouverte depuis le {since}. Si l'échange est "
        "terminé, écris `clore {ref}` ; sinon, rien à faire. Merci pour ton écoute. 💛"
    ),
    "checkin": (
        "Bonjour 🌿 Tu m'avais demandé de prendre de tes nouvelles : comment vas-tu ? Si tu veux "
        "reparler à quelqu'un du groupe, écris `demande`. En cas d'urgence : **3114**, **15**, "
        "**112**."
    ),
    "digest": (
        "📊 **La semaine du groupe** (aucune identité)\n"
        "- nouvelles demandes : {created}\n- acceptées : {accepted}\n- terminées : {closed}\n"
        "- en attente maintenant : {waiting}"
    ),
    "dispo_back": "Tu es de nouveau **disponible**. `dispo off` si ce n'est pas le cas. 💛",
    # Names of places on the platforms and the console's own words.
    "case_room_name": "Demande {ref}",
    "case_thread_title": "**Demande {ref}**",
    "console_intro": "Console Soutien — `/as NOM` pour changer de personne, `/who`, `/quit`.",
    "console_as": "(tu parles maintenant en tant que {name})",
    "console_who": "(tu es {name} ; écoutant·es et coordination : {others})",
    "unencrypted_room": (
        "🔒 Un message t'attend, mais cette conversation n'est pas chiffrée de bout en bout : "
        "je ne peux pas l'y écrire. Ouvre une nouvelle conversation privée avec moi (chiffrée)."
    ),
    "undecryptable": (
        "Je n'ai pas réussi à déchiffrer ton dernier message (souci de clés de chiffrement). "
        "Peux-tu le renvoyer ?"
    ),
    "private_only": "Je ne participe qu'aux conversations privées. Écris-moi en message direct. 🙂",
    "button_refused": "Ce bouton ne t'est pas destiné, ou il a été modifié : rien n'a été fait.",
    "command_failed": (
        "Désolé, je n'ai pas pu traiter ta demande à l'instant. Réessaie dans un moment, "
        "ou écris-moi en message privé."
    ),
    "button_yes": "Oui",
    "button_no": "Non",
    "button_skip": "Passer",
    "button_anonymous": "Anonyme",
    "button_direct": "Direct",
}

# The directory (`numéros`): every word of its answers.
DIRECTORY: dict[str, str] = {
    "dir_always": "🟢 ouvert 24h/24, 7j/7",
    "dir_open": "🟢 ouvert",
    "dir_open_until": "🟢 ouvert jusqu'à {at}",
    "dir_closed": "🔴 fermé",
    "dir_closed_opens": "🔴 fermé — ouvre {when}",
    "dir_unknown": "horaires non précisés",
    "dir_ended": "⛔ probablement terminé : ne compte pas dessus",
    "dir_days_only": "certains jours : {days}",
    "dir_today_at": "à {at}",
    "dir_tomorrow_at": "demain à {at}",
    "dir_day_at": "{day} à {at}",
    "dir_clock": "{h}h",
    "dir_clock_minutes": "{h}h{m}",
    "dir_tomorrow": "demain",
    "dir_midnight": "minuit",
    "dir_day_short": "lun mar mer jeu ven sam dim",
    "dir_day_names": "lundi mardi mercredi jeudi vendredi samedi dimanche",
    "dir_free": "gratuit",
    "dir_anonymous": "anonyme",
    "dir_for": "pour : {who}",
    "dir_email": "✉️ {email}",
    "dir_chat": "💬 tchat : {url}",
    "dir_place": "📍 {place}",
    "dir_verify": "⚠️ à vérifier avant de compter dessus",
    "dir_verify_covid": "⚠️ à vérifier : dispositif de la crise Covid-19 (2020)",
    "dir_more_plus": "… et {n} autre(s) : écris `plus` pour les voir.",
    "dir_more_refine": (
        "… et {n} autre(s) : précise ta recherche (un thème, « gratuit », « ce soir »…) "
        "pour les trouver."
    ),
    "dir_no_more": "C'est tout ce que j'ai pour cette recherche.",
    "dir_more_forgotten": (
        "Je ne garde pas ta recherche précédente : écris `numéros` suivi de ce que tu "
        "cherches, par exemple `numéros burn-out`."
    ),
    "dir_widened": (
        "Je n'ai pas de ligne qui réponde à ça dans ce coin ou de cette façon. Ces sites "
        "t'aident à trouver une structure près de chez toi :"
    ),
    "dir_none": (
        "Je n'ai rien trouvé dans l'annuaire pour « {q} ». Je préfère te le dire plutôt "
        "que d'inventer un numéro. Voici les lignes d'écoute générales :"
    ),
    "dir_themes": "**Thèmes** — écris `numéros` suivi d'un de ces mots, ou de tes propres mots :",
    "dir_theme": "- `{word}` — {label}",
    "dir_at_moment": "Lignes ouvertes {when} :",
    "dir_emergency_note": (
        "En cas d'urgence : 3114 (prévention du suicide, 24h/24), 15 (SAMU), 112, "
        "17 (police) ; par SMS : 114."
    ),
    "dir_danger_self": (
        "🚨 **Si tu es en danger ou que tu penses au suicide, appelle d'abord le 3114, "
        "le 15 ou le 112.**"
    ),
    "dir_danger_other": (
        "🚨 **Si cette personne est en danger, appelle le 15 ou le 112. Le 3114 répond "
        "aussi aux proches : tu peux l'appeler pour savoir comment l'aider.**"
    ),
    "dir_danger_violence": (
        "🚨 **En danger maintenant ? Appelle le 17 ou le 112. Si tu ne peux pas parler, "
        "envoie un SMS au 114. Le 3919 écoute les femmes victimes de violences.**"
    ),
}
TEXTS |= DIRECTORY

# The group's own tools: roster in chat, acting on cases, well-being, notes, statistics.
TEXTS |= {
    "status_until": "en pause jusqu'au {date} inclus",
    "listeners_footer": (
        "_Changer le groupe : `ajouter écoutant @pseudo équipes A,B`, "
        "`retirer écoutant @pseudo`, `pause écoutant @pseudo jusqu'au JJ/MM`._"
    ),
    "roster_no_team": "aucune",
    "roster_add_usage": (
        "Écris par exemple `ajouter écoutant @camille équipes DINUM, DGFiP` "
        "(les équipes dont elle ne recevra jamais de demande)."
    ),
    "roster_remove_usage": "Écris par exemple `retirer écoutant @camille`.",
    "roster_pause_usage": "Écris par exemple `pause écoutant @camille jusqu'au 30/11`.",
    "roster_added": "✅ {handle} rejoint l'écoute. Équipes exclues : {teams}.",
    "roster_updated": "✅ {handle} est déjà dans le groupe ; équipes exclues mises à jour : {teams}.",
    "roster_welcome": (
        "Bienvenue dans le groupe d'écoute 💛 La coordination t'a ajouté·e : "
        "tu recevras des propositions de demandes. Écris `aide` pour voir tes commandes, "
        "`dispo off` pour faire une pause."
    ),
    "roster_unknown": "Je ne trouve pas {handle} parmi les écoutant·es. Écris `écoutants` pour la liste.",
    "roster_remove_held": (
        "{handle} accompagne encore {count} cas : il faut d'abord les clore ou les transférer."
    ),
    "roster_removed": "✅ {handle} ne reçoit plus de demandes.",
    "roster_goodbye": (
        "La coordination t'a retiré·e du groupe d'écoute : tu ne recevras plus de "
        "propositions. Merci pour tout ce que tu as donné 💛"
    ),
    "roster_paused": "✅ {handle} est en pause jusqu'au {date} inclus : aucune proposition d'ici là.",
    "roster_paused_you": (
        "La coordination t'a mis·e en pause jusqu'au {date} inclus : aucune proposition "
        "d'ici là. Prends soin de toi 💛"
    ),
}

TEXTS |= {
    "relaunch_usage": "Écris par exemple `relancer K7Q2` (la référence d'une demande en attente).",
    "propose_usage": "Écris par exemple `proposer K7Q2 @camille`.",
    "case_unknown": "Je ne trouve aucune demande **{ref}**.",
    "case_not_waiting_offered": (
        "La demande **{ref}** est proposée en ce moment à une personne du groupe : "
        "attends sa réponse (ou l'expiration) avant de la relancer."
    ),
    "case_not_waiting_accepted": "La demande **{ref}** est déjà accompagnée.",
    "case_not_waiting_closed": "La demande **{ref}** est close.",
    "case_not_waiting_cancelled": "La demande **{ref}** a été retirée par la personne.",
    "case_not_waiting_waiting": "La demande **{ref}** attend.",
    "relaunched": "✅ La demande **{ref}** est de nouveau proposée.",
    "relaunched_nobody": (
        "Personne d'éligible n'est disponible pour **{ref}** en ce moment. "
        "→ `proposer {ref} @pseudo` pour la confier à quelqu'un, ou `ajouter écoutant @pseudo`."
    ),
    "proposed": (
        "✅ La demande **{ref}** est proposée à {handle} ({minutes} min pour répondre ; "
        "sinon elle repart vers les autres)."
    ),
    "propose_refused_not_listening": "{handle} ne fait pas partie des écoutant·es actif·ves.",
    "propose_refused_confidential": (
        "Je ne peux pas proposer **{ref}** à {handle} : une règle de confidentialité "
        "l'interdit (je n'en dis pas plus, pour protéger la personne)."
    ),
    "propose_refused_unavailable": "{handle} est indisponible en ce moment.",
    "propose_refused_busy": "{handle} accompagne déjà le maximum de cas en même temps.",
    "propose_refused_week_cap": "{handle} a déjà reçu son maximum de nouveaux cas cette semaine.",
    "propose_refused_unreachable": "{handle} n'est joignable sur aucune plateforme du bot.",
    "next_waiting": "→ `proposer {ref} @pseudo` pour la confier tout de suite, ou `relancer {ref}`.",
    "next_offered": "→ Elle est proposée en ce moment ; `en attente` montre celles qui attendent.",
    "next_accepted": "→ Une personne du groupe l'accompagne déjà.",
    "next_closed": "→ La demande est close : rien d'autre à faire ici.",
    "next_cancelled": "→ La demande est retirée : rien d'autre à faire ici.",
    "next_drafting": (
        "→ Une demande est en préparation (ses questions sont en cours) ; elle sera "
        "proposée dès qu'elle est complète."
    ),
    "next_member": (
        "→ Le message vient d'une personne de l'équipe d'écoute : les numéros lui ont été "
        "donnés. Pense à proposer aux écoutant·es un temps pour souffler ou un débrief."
    ),
    "next_none": "→ Pas de demande ouverte : les numéros ont été donnés, rien d'autre à faire ici.",
}

TEXTS |= {
    "heavy_noted": (
        "C'est noté : ce cas a été lourd. Prends le temps qu'il te faut ; "
        "`supervision {ref}` si un débrief t'aiderait."
    ),
    "heavy_rest": (
        "C'est noté : ce cas a été lourd. Tu ne recevras pas de nouvelle proposition "
        "avant le {until}, pour souffler. (`dispo on` si tu veux reprendre plus tôt.)"
    ),
    "heavy_run": (
        "Ça fait {count} cas lourds d'affilée. Et si tu faisais une vraie pause ? "
        "`dispo off jusqu'au JJ/MM` — le groupe prend le relais. 💛"
    ),
    "supervision_usage": "Écris par exemple `supervision K7Q2` (un cas que tu as accompagné).",
    "supervision_asked": (
        "C'est transmis : la coordination sait que tu souhaites un débrief pour **{ref}** "
        "(seule la référence est partagée)."
    ),
    "supervision_alert": (
        "🫂 {name} souhaite un débrief pour le cas **{ref}**. Aucun contenu n'est partagé. "
        "→ Propose-lui un moment pour en parler."
    ),
}

TEXTS |= {
    "note_usage": (
        "Écris `note RÉF texte` pour laisser une note sur un cas que tu accompagnes "
        "(visible des écoutant·es du cas, jamais de la personne)."
    ),
    "note_too_long": (
        "Ta note fait {length} caractères : {max} au plus. Raccourcis-la et renvoie-la."
    ),
    "note_added": (
        "📝 Note ajoutée à **{ref}**. Seul·es les écoutant·es de ce cas la verront, "
        "jamais la personne."
    ),
    "notes_none": "Pas encore de note sur **{ref}**.",
    "notes_header": "📝 **Notes sur {ref}** (entre écoutant·es, jamais montrées à la personne)",
    "notes_line": "- {at} · {name} : {text}",
}

TEXTS |= {
    "continuity_elsewhere": (
        "La même personne n'est pas disponible en ce moment : ta demande est proposée à "
        "une autre personne du groupe, tout aussi à l'écoute. 💛"
    ),
    "continuity_same": "C'est la même personne que la dernière fois.",
    "continuity_other": "C'est une autre personne du groupe que la dernière fois.",
}

TEXTS |= {
    "stats_usage": "Écris `stats`, `stats mois`, `stats trimestre` ou `stats année`.",
    "stats_period_mois": "ce mois-ci",
    "stats_period_trimestre": "les 3 derniers mois",
    "stats_period_annee": "les 12 derniers mois",
    "stats_header": "📊 **Statistiques — {period}** (aucune identité ; moins de 5 s'affiche « {hidden} »)",
    "stats_total": "- Demandes : {total}",
    "stats_months": "- Par mois : {months}",
    "stats_modes": "- Mode : {modes}",
    "stats_mode_anonymous": "anonyme",
    "stats_mode_direct": "direct",
    "stats_outcomes": "- Issue : {outcomes}",
    "stats_outcome_accepted": "acceptées",
    "stats_outcome_nobody": "personne de disponible",
    "stats_outcome_cancelled": "retirées",
    "stats_outcome_open": "en cours",
    "stats_themes": "- Thèmes : {themes}",
    "stats_wait": "- Délai médian avant acceptation : {minutes} min",
    "stats_wait_hidden": "- Délai médian avant acceptation : moins de 5 demandes acceptées, non affiché",
    "stats_returning": "- Personnes revenues : {returning}",
    "stats_purged": (
        "_Dont {purged} connues seulement par leur compte mensuel (au-delà de la durée de "
        "conservation) : elles comptent par mois et par issue seulement._"
    ),
    "stats_chart_title": "Demandes par mois — {period}",
    "stats_chart_caption": "📊 Demandes par mois (graphique)",
}

TEXTS |= {
    "theme_usage": (
        "Écris par exemple `thème K7Q2 travail` (un cas que tu as accompagné), pour les "
        "statistiques. Thèmes : `travail` · `relations` · `harcelement` · `sante` · `perso` · "
        "`deuil` · `autre`."
    ),
    "theme_set": "C'est noté : **{ref}** compte dans le thème « {theme} » des statistiques.",
    "theme_travail": "travail et charge",
    "theme_relations": "relations et management",
    "theme_harcelement": "harcèlement et discriminations",
    "theme_sante": "santé",
    "theme_perso": "vie personnelle",
    "theme_deuil": "deuil",
    "theme_autre": "autre",
}
