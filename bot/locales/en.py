"""English texts; same keys as the French catalog."""

EMERGENCY = (
    "🚨 **If you are in danger or thinking about suicide, call now:**\n"
    "- **3114** — suicide prevention, 24/7, free ([3114](tel:3114))\n"
    "- **15** — SAMU, medical emergency ([15](tel:15))\n"
    "- **112** — European emergency number ([112](tel:112))"
)

EMERGENCY_MEDICAL = (
    "🚨 **If you have swallowed pills or anything else, call now:**\n"
    "- **15** — SAMU, medical emergency ([15](tel:15))\n"
    "- **112** — European emergency number ([112](tel:112))\n"
    "- **3114** — suicide prevention, 24/7, free ([3114](tel:3114))\n"
    "Do not stay alone: unlock your door, tell someone near you."
)

EMERGENCY_MEDICAL_OTHER = (
    "🚨 **If this person has swallowed pills or anything else, call now:**\n"
    "- **15** — SAMU, medical emergency ([15](tel:15))\n"
    "- **112** — European emergency number ([112](tel:112))\n"
    "- **3114** — suicide prevention, 24/7, free ([3114](tel:3114))\n"
    "Stay with them if you can, or make sure someone joins them."
)

EMERGENCY_VIOLENCE = (
    "🚨 **If you are in danger right now:**\n"
    "- **17** — police or gendarmerie, 24/7, free ([17](tel:17))\n"
    "- **112** — European emergency number ([112](tel:112))\n"
    "- **114** — by text message, if you cannot speak safely or are deaf or hard of hearing "
    "([114](sms:114))\n"
    "- **3919** — Violences Femmes Info, 24/7, free and anonymous ([3919](tel:3919))"
)

HELP_SOMEONE = (
    "**To help this person:**\n"
    "- if the danger is immediate, do not leave them alone and call **15** or **112**;\n"
    "- ask them plainly whether they are thinking of suicide: asking does not give the idea, "
    "it relieves;\n"
    "- listen without judging or minimising, and do not promise to keep it secret;\n"
    "- **3114** also answers relatives and colleagues: you can call to ask how to help."
)

TEXTS: dict[str, str] = {
    "emergency": EMERGENCY,
    "welcome": (
        "Hello, and thank you for writing. 🌿\n\n"
        "Here you can ask to talk with someone from the **support group**: volunteer colleagues "
        "trained in mental-health first aid, **with no link to your team**. They are not "
        "therapists, doctors, lawyers or HR: they listen without judgement and help you find "
        "the right people.\n\n"
        "🔒 What you write stays confidential (within the legal duties of public servants). "
        "Nothing is passed on to anyone without your consent.\n\n" + EMERGENCY + "\n\n"
        "You can write:\n"
        "- `request` — talk with someone from the group\n"
        "- `numbers` — find a helpline (e.g. `numbers burn-out`)\n"
        "- `help` — everything I can do"
    ),
    "welcome_short": (
        "Hello 🌿 I'm the support group's bot: volunteer colleagues with no link to your team "
        "(not psychologists, doctors or HR). It is confidential, within the legal duties of "
        "public servants, and nothing is passed on without your consent. Emergency: **3114**, "
        "**15**, **112**. You can write `request`, `numbers` or `help`."
    ),
    "help_all": (
        "**What I can do**\n"
        "- `request` — talk with someone from the support group (directly or anonymously)\n"
        "- `numbers [topic]` — helplines and useful numbers (`numbers` alone: the topics)\n"
        "- `cancel` — withdraw your current request\n"
        "- `close` — end a conversation\n"
        "- `english` / `français` — switch language\n\n"
        "Emergency: **3114**, **15**, **112**."
    ),
    "help_listener": (
        "**For listeners**\n"
        "- `accept [REF]` / `decline [REF]` — answer an offer\n"
        "- `close REF` — end a case (`close REF heavy` if it was heavy to carry) · "
        "`transfer REF` — hand it over\n"
        "- `supervision REF` — ask the coordinators for a debrief\n"
        "- `theme REF travail` — a case's theme, for the statistics\n"
        "- `note REF text` — a note for the listeners of that case (`note REF` to read them)\n"
        "- `dispo on` / `dispo off [jusqu'au DD/MM]` — your availability\n"
        "- `my cases` — your open cases\n"
        "- `REF: message` — write to the person of a given case"
    ),
    "help_coordinator": (
        "**For coordinators**\n"
        "- `listeners` — the group and availability\n"
        "- `add listener @name teams A,B` · `remove listener @name` · "
        "`pause listener @name until DD/MM`\n"
        "- `stats [month|quarter|year]` — figures and chart (no identities)\n"
        "- `waiting` — requests with no listener yet\n"
        "- `relaunch REF` · `propose REF @name` — act on a waiting request"
    ),
    "want_to_talk": (
        "I can put you in touch with someone from the group: a volunteer colleague trained "
        "to listen, **with no link to your team**. Nothing is passed on without your "
        "consent. Write `request` to start."
    ),
    "did_you_mean": "Did you mean `{command}`?",
    "button_request": "Make a request",
    "thanks": "You're welcome. 🌿 I'm still here: `request` to talk to someone, `numbers` for helplines.",
    "unknown": (
        "I'm a bot and I don't understand everything, sorry. To talk with someone from the "
        "group, write `request`; `numbers` gives helplines, `help` everything I can do."
    ),
    "empty": "I received no text. Write `help` to see what I can do.",
    "ask_continuity": (
        "Last time, someone from the group listened to you. Would you like **the same person** "
        "again if they are available? Answer `yes` or `no`."
    ),
    "ask_team": (
        "Which **team / startup / department** do you work in? It is only used to avoid "
        "someone linked to it, and is never shown to the listener. You can answer `skip`."
    ),
    "ask_mode": (
        "How would you like to talk?\n"
        "- `anonymous` (default) — you keep writing to me here and I pass messages on; the "
        "listener only sees a reference\n"
        "- `direct` — the listener gets your handle and writes to you directly\n"
        "You can answer `skip`."
    ),
    "team_corrected": "Noted, I've corrected your team. 🙂",
    "ask_mode_again": "Answer `anonymous`, `direct` or `skip` 🙂",
    "ask_yes_no": "Answer `yes` or `no` 🙂",
    "request_exists": "You already have a request open (ref. **{ref}**). Write `cancel` to withdraw it.",
    "request_searching": (
        "Got it, thank you for trusting us. Your request's reference is **{ref}**. We're looking "
        "for someone available and I'll tell you as soon as someone accepts. You can `cancel` "
        "at any time."
    ),
    "still_searching": (
        "We're still looking for someone available for your request **{ref}**. Your message "
        "was not passed on to anyone."
    ),
    "nobody_available": (
        "Nobody from the group is available right now, sorry for the wait. 💛 Your request "
        "**{ref}** stays open: we'll contact you as soon as someone is free.\n"
        "Meanwhile, these lines can listen:\n{numbers}"
    ),
    "offer": (
        "📩 **New request {ref}** — {mode} mode.\n"
        "No link with your declared team.\n"
        "Answer `accept {ref}` or `decline {ref}` (no reason needed) within {minutes} min."
    ),
    "mode_anonymous": "anonymous (relayed by the bot)",
    "mode_direct": "direct",
    "button_accept": "Accept",
    "button_decline": "Decline",
    "forget_set_aside": (
        "Your erasure question is set aside: someone just accepted your request, and a plain "
        '"yes" here could be meant for them. Write `forget` again if you still want '
        "everything erased."
    ),
    "accepted_requester_anonymous": (
        "Someone from the group accepted your request **{ref}**. 💛 Write to me here: I pass "
        "your messages on, and their answers will arrive here. `close` to end."
    ),
    "accepted_requester_direct": (
        "**{name}** accepted your request **{ref}** and will write to you directly. 💛"
    ),
    "accepted_listener_anonymous": (
        "Thank you! You are listening on request **{ref}** (anonymous). Write here: each "
        "message is passed on. `close {ref}` to end."
    ),
    "accepted_listener_direct": (
        "Thank you! Request **{ref}** (direct): write to **{handle}** ({platform}). "
        "`close {ref}` when done."
    ),
    "not_offered_to_you": (
        "Request **{ref}** is no longer offered to you (taken, withdrawn or expired). "
        "Nothing changed."
    ),
    "no_offer": "No offer is waiting for you right now.",
    "which_case": "Please give the reference: {refs}. For example: `{example}`.",
    "which_case_relay": (
        "Who is this message for? It was passed on to nobody. Please give the reference: "
        "{refs}. For example: `{example}: your message`."
    ),
    "your_request": "{ref} (your request)",
    "pending_continuity": "My question is still open: would you like the same person again? `yes` or `no`.",
    "team_before_mode": (
        "The contact mode (`anonymous` or `direct`) comes right after 🙂 First: which "
        "**team / startup / department** do you work in? You can answer `skip`."
    ),
    "pending_team": "My question is still open: which team do you work in? (or `skip`)",
    "pending_mode": "My question is still open: `anonymous`, `direct` or `skip`?",
    "pending_checkin": "My question is still open: shall I check on you in 7 days? `yes` or `no`.",
    "pending_forget": "My question is still open: shall I erase everything? `yes` or `no`.",
    "pending_safety": "My question is still open: are you thinking about suicide, or in danger right now? `yes` or `no`.",
    "ref_nowhere": "I can't find the reference **{ref}** among your cases. Nothing was passed on.",
    "ref_closed_nowhere": "The conversation **{ref}** is closed: your message was passed on to no one.",
    "ref_offered_nowhere": (
        "You have not accepted **{ref}** yet: your message was passed on to no one. "
        "`accept {ref}` first, if you can listen."
    ),
    "unknown_ref_try": "I can't find reference **{ref}** among your cases. Did you mean `{example}`?",
    "unknown_ref": "I can't find reference **{ref}** among your cases.",
    "declined_ack": "Noted for **{ref}**, thank you. It goes to someone else.",
    "offer_expired": "The offer **{ref}** expired; it goes to someone else.",
    "offer_withdrawn": "Request **{ref}** was withdrawn. Nothing to do on your side.",
    "cancelled_requester": "Your request **{ref}** is withdrawn. Come back whenever you like. 💛",
    "cancelled_draft": "All right, we stop here. Come back whenever you like. 💛",
    "nothing_to_cancel": "You have no request open.",
    "closed_requester": (
        "Conversation **{ref}** is closed. Thank you for your trust. 💛\n"
        "Would you like me to check in on you in 7 days? Answer `yes` or `no`."
    ),
    "closed_listener": (
        "Conversation **{ref}** is closed. Thank you for listening. 💛\n"
        "For the statistics: `theme {ref} travail` (or relations, harcelement, sante, "
        "perso, deuil, autre)."
    ),
    "closed_by_other": "Conversation **{ref}** was closed by the other person.",
    "nothing_to_close": "You have no open conversation to close.",
    "checkin_yes": "Noted: I'll check in on you in 7 days. Take care.",
    "checkin_no": "Noted. Take care, and come back whenever you like.",
    "transferred_requester": (
        "Your request **{ref}** goes to another person of the group. I'll tell you as soon as "
        "someone accepts."
    ),
    "transferred_listener": "Request **{ref}** is transferred. Thank you.",
    "not_listener": "This command is for the group's listeners. Write `help` to see what you can do.",
    "not_coordinator": "This command is for coordinators.",
    "available_on": "You are **available**. Thank you! 💛",
    "available_off": "You are **unavailable**: no offer will be made to you.",
    "available_off_until": "You are **unavailable** until {date} (included); available again after that.",
    "available_bad_date": "I cannot use the date “{date}”: it does not exist or has passed. Nothing changed. Write for example `dispo off jusqu'au 30/11` (the 30th included) or `dispo off jusqu'au 30/11/2026`.",
    "available_usage": "Write `dispo on`, `dispo off` or `dispo off jusqu'au 24/12`.",
    "available_status": "You are currently {status}. {usage}",
    "status_on": "available",
    "status_off": "unavailable",
    "mine_none": "You have no open case.",
    "mine_header": "**Your open cases**",
    "mine_line": "- **{ref}** — {state}, {mode}, since {since}",
    "state_offered": "offered",
    "state_accepted": "ongoing",
    "relay_to_listener": "**[{ref}]** {text}",
    "relay_to_requester": "💬 {text}",
    "relay_truncated": "\n\n_(message shortened: it was too long)_",
    "not_relayed_requester": (
        "I only pass on text 🙂 Files, pictures, voice messages and reactions stay here: their "
        "names and details could make you recognisable. If you want to share more, a direct "
        "introduction exists: write `close`, then `request` and choose `direct` (you can get "
        "the same person again)."
    ),
    "not_relayed_listener": (
        "Only text is passed on for **{ref}** 🙂 Files, pictures, voice messages and reactions "
        "stay here: they could identify someone. If the person wants to share more, they can "
        "choose a direct introduction (`direct` mode)."
    ),
    "text_only": (
        "I only read text 🙂 Files, pictures and voice messages don't reach me. Write me a few "
        "words, or `help` to see what I can do."
    ),
    "sender_truncated": "Your message was very long: only its beginning was passed on.",
    "direct_mode_reminder": (
        "Your request **{ref}** is in direct mode: write directly to the person who contacted "
        "you. `close` to end."
    ),
    "safety": (
        EMERGENCY + "\n\n"
        "You are not alone. If you want to talk with someone from the support group, write "
        "`request`."
    ),
    "safety_other": (
        "Thank you for worrying about this person, you did well to write.\n\n"
        + EMERGENCY
        + "\n\n"
        + HELP_SOMEONE
        + "\n\n"
        "If you want to talk it over with someone from the support group, write `request`."
    ),
    "safety_overdose": (
        EMERGENCY_MEDICAL + "\n\n"
        "You are not alone. Once you have called, you can write `request` to talk to someone "
        "from the support group."
    ),
    "safety_violence": (
        EMERGENCY_VIOLENCE + "\n\n"
        "What is happening to you is not your fault, and you have the right to be safe. When "
        "you are safe, you can write `request` to talk to someone from the group."
    ),
    "safety_held": EMERGENCY + "\n\n{close}",
    "safety_held_other": EMERGENCY + "\n\n" + HELP_SOMEONE + "\n\n{close}",
    "safety_held_overdose": EMERGENCY_MEDICAL + "\n\n{close}",
    "safety_held_violence": EMERGENCY_VIOLENCE + "\n\n{close}",
    "held_open": "You are not alone. Your request **{ref}** is still open.",
    "held_drafting": "You are not alone. Your request goes on right after this.",
    "held_direct": (
        "This message stays between you and me: the person who is with you (request "
        "**{ref}**) does not see it. You can write to them directly."
    ),
    "safety_other_overdose": (
        "Thank you for worrying about this person, you did well to write.\n\n"
        + EMERGENCY_MEDICAL_OTHER
        + "\n\n"
        + HELP_SOMEONE
        + "\n\n"
        "If you want to talk about it with someone from the support group, write `request`."
    ),
    "safety_in_case_other_overdose": EMERGENCY_MEDICAL_OTHER
    + "\n\n"
    + HELP_SOMEONE
    + "\n\nYour message was passed on.",
    "safety_held_other_overdose": EMERGENCY_MEDICAL_OTHER + "\n\n" + HELP_SOMEONE + "\n\n{close}",
    "safety_in_case": EMERGENCY + "\n\nYour message was passed on.",
    "safety_in_case_other": EMERGENCY + "\n\n" + HELP_SOMEONE + "\n\nYour message was passed on.",
    "safety_in_case_overdose": EMERGENCY_MEDICAL + "\n\nYour message was passed on.",
    "safety_in_case_violence": EMERGENCY_VIOLENCE + "\n\nYour message was passed on.",
    "relay_marker": (
        "⚠️ **[{ref}]** This message may signal danger. The person was given the numbers: "
        "**3114** · **15** · **112**. You can remind them."
    ),
    "relay_marker_violence": (
        "⚠️ **[{ref}]** This message may signal violence happening now. The person was given "
        "the numbers: **17** · **112** · **114** (text) · **3919**."
    ),
    "concern": (
        "Thank you for telling me. It sounds really heavy right now, and you don't have to carry "
        "it alone. 🌿\n\n"
        "I'll ask you plainly, because it matters: **are you thinking about suicide, or are you "
        "in danger right now?** Answer `yes` or `no`.\n\n"
        "If you want to talk to someone from the support group, write `request`."
    ),
    "concern_again": (
        "I hear you, and I'm still here. 🌿 My question matters: **are you thinking about "
        "suicide, or are you in danger right now?** Answer `yes` or `no`.\n\n"
        "To talk to someone from the support group, write `request`; for helplines, `numbers`."
    ),
    "concern_no": (
        "Thank you for answering. What you are going through still matters: to talk to someone "
        "from the support group, write `request`. For a listening line, write `numbers`. And if "
        "things change, **3114** answers 24/7."
    ),
    "alert_danger": (
        "⚠️ **Safety alert** — ref. **{ref}**: a message expresses danger. Emergency numbers "
        "were given. No content is shared.\n{next}"
    ),
    "alert_dead_letter": (
        "⚠️ A message could not be handled after several tries — ref. **{ref}**. Nothing of "
        "its content is kept; the person may have to write it again."
    ),
    "one_moment": "One moment, I'll be right back with you: your message arrived.",
    "alert_waiting": (
        "⏳ Request **{ref}** is waiting: no eligible listener is available.\n"
        "→ `propose {ref} @name` to give it to someone, or `relaunch {ref}` once the "
        "group has changed."
    ),
    "listeners_header": "**Listeners** (open cases / new this week)",
    "listeners_line": "- {name} ({handle}) — {status}, {active} open / {week} of {cap}",
    "waiting_none": "No request is waiting.",
    "waiting_header": "**Waiting requests**",
    "waiting_line": "- **{ref}** — since {since}",
    "waiting_footer": "→ `relaunch REF` to offer it again, `propose REF @name` to give it to someone.",
    "language_set": "All right, I'll talk to you in English.",
    "skip_nothing": "There is nothing to skip right now. Write `help` if needed.",
    "yes_words": "yes y yeah ok sure oui",
    "no_words": "no n nope non",
    "my_data": (
        "**What I keep about you** (no messages: conversations are never recorded)\n"
        "- {platform} id: `{user_id}` (encrypted)\n"
        "- anonymous reference: {ref} (the only thing coordinators see in an alert)\n"
        "- language: {locale} · first contact: {since} · last message: {seen}\n"
        "{extra}{cases}{roles}{listener}\n"
        "Everything is erased {days} days after a conversation ends. `forget` erases it all now."
    ),
    "my_data_case": "- request **{ref}**: {state}, {mode} mode, created {created}{team}\n",
    "my_data_team": ", declared team “{team}” (encrypted, never shown)",
    "my_data_no_case": "- no request\n",
    "my_data_roles": "- role: {roles}\n",
    "my_data_handle": "- handle: `{handle}` (encrypted; given to the listener only in direct mode)\n",
    "my_data_alert": "- last safety alert: {date} (only the date, so as not to alert twice)\n",
    "my_data_draft": "- request being written: team “{team}” (encrypted)\n",
    "my_data_room": "- to answer you: the address of our private conversation on {platform} (encrypted)\n",
    "my_data_accepted": ", accepted {date}",
    "my_data_ended": ", ended {date}",
    "my_data_checkin": ", news in 7 days: asked for",
    "my_data_listener": (
        "**As a listener** (id in the group: {id})\n"
        "- availability: {status} · last offer received: {last}\n"
        "- offers received: {offers}\n"
        "- log of your listening actions (no content): {entries} entr(ies), kept {audit_days} days\n"
    ),
    "my_data_none": "none",
    "outcome_pending": "pending",
    "outcome_accepted": "accepted",
    "outcome_declined": "declined",
    "outcome_expired": "expired",
    "outcome_withdrawn": "withdrawn",
    "outcome_transferred": "transferred",
    "forget_done_member": (
        "Done: your id, your requests and the address of our conversation are erased. As a "
        "member of the group, your name stays on its list (the configuration), with your "
        "availability and the log of your listening actions (no content, {days} days): they "
        "protect the people helped. 💛"
    ),
    "role_listener": "listener",
    "role_coordinator": "coordinator",
    "state_waiting": "waiting",
    "state_closed": "closed",
    "state_cancelled": "withdrawn",
    "forget_still_listening": (
        "You are still listening to {refs}. Before your data is erased, hand each request "
        "to someone else in the group (`transfer {ref}`), close it (`close {ref}`) or decline "
        "the offer (`decline {ref}`); then write `forget` again. Nothing is erased for now."
    ),
    "forget_confirm": (
        "I will **erase everything**: your id and your requests (an open request will be "
        "withdrawn). This cannot be undone. Answer `yes` to confirm, `no` to keep."
    ),
    "forget_done": "Done: I keep nothing about you anymore. Come back whenever you like. 💛",
    "forget_kept": "All right, nothing changes.",
    "nudge": (
        "🔔 A gentle reminder: request **{ref}** has been open since {since}. If the "
        "conversation is over, write `close {ref}`; otherwise nothing to do. Thank you. 💛"
    ),
    "checkin": (
        "Hello 🌿 You asked me to check in on you: how are you? If you'd like to talk with "
        "someone from the group again, write `request`. Emergency: **3114**, **15**, **112**."
    ),
    "digest": (
        "📊 **The group's week** (no identities)\n"
        "- new requests: {created}\n- accepted: {accepted}\n- ended: {closed}\n"
        "- waiting now: {waiting}"
    ),
    "dispo_back": "You are **available** again. `dispo off` if that's not the case. 💛",
    "case_room_name": "Request {ref}",
    "case_thread_title": "**Request {ref}**",
    "console_intro": "Soutien console — `/as NAME` to switch person, `/who`, `/quit`.",
    "console_as": "(you now speak as {name})",
    "console_who": "(you are {name}; listeners and coordination: {others})",
    "unencrypted_room": (
        "🔒 A message is waiting for you, but this conversation is not end-to-end encrypted: "
        "I can't write it here. Please open a new (encrypted) private conversation with me."
    ),
    "undecryptable": (
        "I couldn't decrypt your last message (an encryption key problem). Could you send it again?"
    ),
    "private_only": "I only take part in private conversations. Write to me directly. 🙂",
    "button_refused": "This button is not meant for you, or it was altered: nothing was done.",
    "command_failed": (
        "Sorry, I couldn't handle your request just now. Try again in a moment, "
        "or write to me in a private message."
    ),
    "button_yes": "Yes",
    "button_no": "No",
    "button_skip": "Skip",
    "button_anonymous": "Anonymous",
    "button_direct": "Direct",
}

# The directory (`numbers`): every word of its answers.
DIRECTORY: dict[str, str] = {
    "dir_always": "🟢 open 24/7",
    "dir_open": "🟢 open",
    "dir_open_until": "🟢 open until {at}",
    "dir_closed": "🔴 closed",
    "dir_closed_opens": "🔴 closed — opens {when}",
    "dir_unknown": "hours not given",
    "dir_ended": "⛔ probably discontinued: don't count on it",
    "dir_days_only": "some days only: {days}",
    "dir_today_at": "at {at}",
    "dir_tomorrow_at": "tomorrow at {at}",
    "dir_day_at": "on {day} at {at}",
    "dir_clock": "{h12} {ampm}",
    "dir_clock_minutes": "{h12}:{m} {ampm}",
    "dir_tomorrow": "tomorrow",
    "dir_midnight": "midnight",
    "dir_day_short": "Mon Tue Wed Thu Fri Sat Sun",
    "dir_day_names": "Monday Tuesday Wednesday Thursday Friday Saturday Sunday",
    "dir_free": "free",
    "dir_anonymous": "anonymous",
    "dir_for": "for: {who}",
    "dir_email": "✉️ {email}",
    "dir_chat": "💬 chat: {url}",
    "dir_place": "📍 {place}",
    "dir_verify": "⚠️ to be checked before you rely on it",
    "dir_verify_covid": "⚠️ to be checked: set up during the Covid-19 crisis (2020)",
    "dir_more_plus": "… and {n} more: write `more` to see them.",
    "dir_more_refine": (
        "… and {n} more: narrow your search (a topic, “free”, “tonight”…) to find them."
    ),
    "dir_no_more": "That's all I have for this search.",
    "dir_more_forgotten": (
        "I don't keep your previous search: write `numbers` followed by what you are "
        "looking for, for example `numbers burn-out`."
    ),
    "dir_widened": (
        "I have no line that fits that place or that way. These sites help you find care near you:"
    ),
    "dir_none": (
        "I found nothing in the directory for “{q}”. I'd rather say so than make up a "
        "number. Here are the general listening lines:"
    ),
    "dir_themes": "**Topics** — write `numbers` followed by one of these words, or your own:",
    "dir_theme": "- `{word}` — {label}",
    "dir_at_moment": "Lines open {when}:",
    "dir_emergency_note": (
        "In an emergency: 3114 (suicide prevention, 24/7), 15 (ambulance), 112, "
        "17 (police); by text message: 114."
    ),
    "dir_danger_self": (
        "🚨 **If you are in danger or thinking about suicide, call 3114, 15 or 112 first.**"
    ),
    "dir_danger_other": (
        "🚨 **If this person is in danger, call 15 or 112. 3114 also answers relatives: "
        "you can call to ask how to help.**"
    ),
    "dir_danger_violence": (
        "🚨 **In danger now? Call 17 or 112. If you cannot speak, text 114. 3919 listens "
        "to women who face violence.**"
    ),
}
TEXTS |= DIRECTORY

# The group's own tools: roster in chat, acting on cases, well-being, notes, statistics.
TEXTS |= {
    "status_until": "paused until {date} included",
    "listeners_footer": (
        "_Change the group: `add listener @name teams A,B`, "
        "`remove listener @name`, `pause listener @name until DD/MM`._"
    ),
    "roster_no_team": "none",
    "roster_add_usage": (
        "Write for instance `add listener @camille teams DINUM, DGFiP` "
        "(the teams they will never get a request from)."
    ),
    "roster_remove_usage": "Write for instance `remove listener @camille`.",
    "roster_pause_usage": "Write for instance `pause listener @camille until 30/11`.",
    "roster_added": "✅ {handle} joins the listeners. Excluded teams: {teams}.",
    "roster_updated": "✅ {handle} is already in the group; excluded teams updated: {teams}.",
    "roster_welcome": (
        "Welcome to the listening group 💛 The coordinators added you: you will be offered "
        "requests. Write `help` to see your commands, `dispo off` to take a break."
    ),
    "roster_unknown": "I can't find {handle} among the listeners. Write `listeners` for the list.",
    "roster_remove_held": "{handle} still holds {count} case(s): close or transfer them first.",
    "roster_removed": "✅ {handle} gets no more requests.",
    "roster_goodbye": (
        "The coordinators removed you from the listening group: you will get no more "
        "offers. Thank you for all you gave 💛"
    ),
    "roster_paused": "✅ {handle} is paused until {date} included: no offers until then.",
    "roster_paused_you": (
        "The coordinators paused you until {date} included: no offers until then. Take care 💛"
    ),
}

TEXTS |= {
    "relaunch_usage": "Write for instance `relaunch K7Q2` (the reference of a waiting request).",
    "propose_usage": "Write for instance `propose K7Q2 @camille`.",
    "case_unknown": "I find no request **{ref}**.",
    "case_not_waiting_offered": (
        "Request **{ref}** is being offered to someone right now: wait for their answer "
        "(or the offer to expire) before relaunching it."
    ),
    "case_not_waiting_accepted": "Request **{ref}** already has a listener.",
    "case_not_waiting_closed": "Request **{ref}** is closed.",
    "case_not_waiting_cancelled": "Request **{ref}** was withdrawn by the person.",
    "case_not_waiting_waiting": "Request **{ref}** is waiting.",
    "relaunched": "✅ Request **{ref}** is offered again.",
    "relaunched_nobody": (
        "Nobody eligible is available for **{ref}** right now. "
        "→ `propose {ref} @name` to give it to someone, or `add listener @name`."
    ),
    "proposed": (
        "✅ Request **{ref}** is offered to {handle} ({minutes} min to answer; "
        "then it goes on to the others)."
    ),
    "propose_refused_not_listening": "{handle} is not an active listener.",
    "propose_refused_confidential": (
        "I can't offer **{ref}** to {handle}: a confidentiality rule forbids it "
        "(I won't say more, to protect the person)."
    ),
    "propose_refused_unavailable": "{handle} is unavailable right now.",
    "propose_refused_busy": "{handle} already holds the most cases at once.",
    "propose_refused_week_cap": "{handle} already got their most new cases this week.",
    "propose_refused_unreachable": "{handle} can't be reached on any platform of the bot.",
    "next_waiting": "→ `propose {ref} @name` to give it to someone now, or `relaunch {ref}`.",
    "next_offered": "→ It is being offered right now; `waiting` lists the waiting ones.",
    "next_accepted": "→ Someone in the group is already with them.",
    "next_closed": "→ The request is closed: nothing else to do here.",
    "next_cancelled": "→ The request was withdrawn: nothing else to do here.",
    "next_drafting": (
        "→ A request is being prepared (its questions are under way); it will be offered "
        "as soon as it is complete."
    ),
    "next_member": (
        "→ The message comes from one of the group's listeners: they were given the numbers. "
        "Think of offering the listeners a pause or a debrief."
    ),
    "next_none": "→ No open request: the numbers were given, nothing else to do here.",
}

TEXTS |= {
    "heavy_noted": (
        "Noted: this case was heavy. Take the time you need; "
        "`supervision {ref}` if a debrief would help."
    ),
    "heavy_rest": (
        "Noted: this case was heavy. You won't get a new offer before {until}, to catch "
        "your breath. (`dispo on` if you want to start again sooner.)"
    ),
    "heavy_run": (
        "That's {count} heavy cases in a row. How about a real break? "
        "`dispo off until DD/MM` — the group takes over. 💛"
    ),
    "supervision_usage": "Write for instance `supervision K7Q2` (a case you held).",
    "supervision_asked": (
        "Done: the coordinators know you would like a debrief for **{ref}** "
        "(only the reference is shared)."
    ),
    "supervision_alert": (
        "🫂 {name} would like a debrief for case **{ref}**. No content is shared. "
        "→ Offer them a moment to talk."
    ),
}

TEXTS |= {
    "note_usage": (
        "Write `note REF text` to leave a note on a case you hold "
        "(seen by that case's listeners, never by the person)."
    ),
    "note_too_long": "Your note is {length} characters long: {max} at most. Shorten it and send it again.",
    "note_added": (
        "📝 Note added to **{ref}**. Only this case's listeners will see it, never the person."
    ),
    "notes_none": "No note on **{ref}** yet.",
    "notes_header": "📝 **Notes on {ref}** (between listeners, never shown to the person)",
    "notes_line": "- {at} · {name}: {text}",
}

TEXTS |= {
    "continuity_elsewhere": (
        "The same person isn't available right now: your request is offered to someone "
        "else in the group, just as ready to listen. 💛"
    ),
    "continuity_same": "It's the same person as last time.",
    "continuity_other": "It's someone else from the group than last time.",
}

TEXTS |= {
    "stats_usage": "Write `stats`, `stats month`, `stats quarter` or `stats year`.",
    "stats_period_mois": "this month",
    "stats_period_trimestre": "the last 3 months",
    "stats_period_annee": "the last 12 months",
    "stats_header": "📊 **Statistics — {period}** (no identities; under 5 shows as “{hidden}”)",
    "stats_total": "- Requests: {total}",
    "stats_months": "- Per month: {months}",
    "stats_modes": "- Mode: {modes}",
    "stats_mode_anonymous": "anonymous",
    "stats_mode_direct": "direct",
    "stats_outcomes": "- Outcome: {outcomes}",
    "stats_outcome_accepted": "accepted",
    "stats_outcome_nobody": "nobody available",
    "stats_outcome_cancelled": "withdrawn",
    "stats_outcome_open": "ongoing",
    "stats_themes": "- Themes: {themes}",
    "stats_wait": "- Median wait before acceptance: {minutes} min",
    "stats_wait_hidden": "- Median wait before acceptance: fewer than 5 accepted requests, not shown",
    "stats_returning": "- Returning people: {returning}",
    "stats_purged": (
        "_Of which {purged} known only by their monthly count (past the retention period): "
        "they count per month and outcome only._"
    ),
    "stats_chart_title": "Requests per month — {period}",
    "stats_chart_caption": "📊 Requests per month (chart)",
}

TEXTS |= {
    "theme_usage": (
        "Write for instance `theme K7Q2 travail` (a case you held), for the statistics. "
        "Themes: `travail` (work) · `relations` · `harcelement` (harassment) · `sante` "
        "(health) · `perso` (personal) · `deuil` (grief) · `autre` (other)."
    ),
    "theme_set": "Noted: **{ref}** counts under “{theme}” in the statistics.",
    "theme_travail": "work and workload",
    "theme_relations": "relations and management",
    "theme_harcelement": "harassment and discrimination",
    "theme_sante": "health",
    "theme_perso": "personal life",
    "theme_deuil": "grief",
    "theme_autre": "other",
}
