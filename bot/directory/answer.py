"""Directory answers as chat Markdown: what to call, when, and what to expect."""

from __future__ import annotations

from datetime import datetime

from bot.directory.hours import PARIS
from bot.directory.model import Phone, Resource
from bot.directory.search import Hit, Index

SHOWN = 5
_TEXT = {
    "fr": {
        "open": "🟢 ouvert",
        "closed": "🔴 fermé",
        "unknown": "horaires non précisés",
        "free": "gratuit",
        "anonymous": "anonyme",
        "verify": "⚠️ à vérifier",
        "ended": "⛔ probablement terminé",
        "more": "… et {n} autre(s) : écris `numéros {q} plus`.",
        "none": (
            "Je n'ai rien trouvé dans l'annuaire pour « {q} ». Je préfère te le dire plutôt "
            "que d'inventer un numéro. Voici les lignes d'écoute générales :"
        ),
        "themes": "**Thèmes** — écris `numéros` suivi d'un thème ou de tes mots :",
        "danger": "🚨 **Si tu es en danger, appelle d'abord le 3114, le 15 ou le 112.**",
        "now": "(à {time})",
    },
    "en": {
        "open": "🟢 open",
        "closed": "🔴 closed",
        "unknown": "hours not given",
        "free": "free",
        "anonymous": "anonymous",
        "verify": "⚠️ to be checked",
        "ended": "⛔ probably discontinued",
        "more": "… and {n} more: write `numbers {q} plus`.",
        "none": (
            "I found nothing in the directory for “{q}”. I'd rather say so than make up a "
            "number. Here are the general listening lines:"
        ),
        "themes": "**Topics** — write `numbers` followed by a topic or your own words:",
        "danger": "🚨 **If you are in danger, call 3114, 15 or 112 first.**",
        "now": "(at {time})",
    },
}


def _t(lang: str, key: str) -> str:
    return _TEXT.get(lang, _TEXT["fr"])[key]


def format_hit(hit: Hit, lang: str) -> str:
    """One resource in a few lines: name, numbers, hours now, conditions, website."""
    r = hit.resource
    lines = [f"**{r.name}**"]
    numbers = " · ".join(_phone(p) for p in r.phones)
    status = {True: _t(lang, "open"), False: _t(lang, "closed"), None: _t(lang, "unknown")}
    hours = r.hours.text or ""
    if r.status == "probablement_termine":
        lines.append(_t(lang, "ended") + (f" — {r.status_note}" if r.status_note else ""))
    else:
        lines.append(
            " — ".join(x for x in (numbers, f"{status[hit.open_now]} {hours}".strip()) if x)
        )
    conditions = [_t(lang, k) for k in ("free", "anonymous") if getattr(r, k) is True]
    if r.audience_text or r.audience:
        conditions.append(r.audience_text or ", ".join(r.audience))
    if conditions:
        lines.append(" · ".join(conditions))
    contact = r.url or (r.chat.url if r.chat else None) or r.email or r.form
    if contact:
        lines.append(contact if "@" not in contact else f"✉️ {contact}")
    if r.status == "a_verifier":
        lines.append(_t(lang, "verify") + (f" ({r.status_note})" if r.status_note else ""))
    return "\n".join(lines)


def _phone(p: Phone) -> str:
    target = p.e164 or p.dial
    label = f" ({p.label})" if p.label and len(p.label) < 40 else ""
    return f"[{p.display}](tel:{target}){label}"


class Answers:
    """Builds chat answers from an Index (kept swappable for reloads)."""

    def __init__(self, index: Index) -> None:
        self.index = index

    def answer(self, query: str, lang: str, now: datetime) -> str:
        words = query.split()
        more = bool(words) and words[-1] in ("plus", "more")
        query = " ".join(words[:-1]) if more else query
        if not query.strip():
            return self.themes(lang)
        parsed, hits = self.index.search(query, now, limit=50)
        if not hits:
            return "\n\n".join([_t(lang, "none").format(q=query), self.listening_lines(lang, now)])
        shown = hits[SHOWN:] if more else hits[:SHOWN]
        blocks = [format_hit(h, lang) for h in shown[: SHOWN * (4 if more else 1)]]
        if parsed.danger:
            blocks.insert(0, _t(lang, "danger"))
        if not more and len(hits) > SHOWN:
            blocks.append(_t(lang, "more").format(n=len(hits) - SHOWN, q=query))
        return "\n\n".join(blocks)

    def listening_lines(self, lang: str, now: datetime) -> str:
        """General listening lines, open ones first (the fallback when nobody is free)."""
        _, hits = self.index.search("ligne d'écoute besoin de parler", now, limit=SHOWN)
        hits = sorted(hits, key=lambda h: h.open_now is not True)[:3]
        return "\n\n".join(format_hit(h, lang) for h in hits)

    def themes(self, lang: str) -> str:
        lines = [_t(lang, "themes")]
        for cid, category in self.index.directory.categories.items():
            label = category.label_en if lang == "en" and category.label_en else category.label
            lines.append(f"- `{cid}` — {label}")
        return "\n".join(lines)


def local_time(now: datetime) -> str:
    return now.astimezone(PARIS).strftime("%H:%M")


__all__ = ["Answers", "Resource", "format_hit"]
