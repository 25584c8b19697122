"""Directory answers as chat Markdown, written for the person who asked: what to call,
whether it is open now, what to expect. Every word comes from the catalogs."""

from __future__ import annotations

import re
from collections import OrderedDict
from datetime import datetime

from bot import metrics
from bot.directory.asking import asks_for_a_line
from bot.directory.opening import status, week, when
from bot.directory.query import LISTENING_QUERY
from bot.directory.search import Hit, Index
from bot.locales import t
from bot.safety import Situation
from bot.text import normalize

SHOWN = 5
MORE_WORDS = frozenset(("plus", "more"))
_REMEMBERED = 1000  # last searches kept in memory for `plus`, never written anywhere
# Curation notes (source ids, "(externe)") are for the people who keep the directory.
_CURATION = re.compile(r"\bS\d{3}\b|\bexterne\b|\bsource\b", re.IGNORECASE)
_HIDDEN_AUDIENCES = frozenset(("non-precise",))
_DANGER = {
    Situation.SELF: "dir_danger_self",
    Situation.OTHER: "dir_danger_other",
    Situation.VIOLENCE: "dir_danger_violence",
}


class Answers:
    """Builds chat answers from an Index (kept swappable for reloads)."""

    def __init__(self, index: Index) -> None:
        self.index = index
        self._last: OrderedDict[str, tuple[str, int]] = OrderedDict()

    def answer(self, query: str, lang: str, now: datetime, asker: str | None = None) -> str:
        """The answer to `numéros QUERY`; `plus` alone shows the asker's next page.

        `asker` is an opaque key for the person (their address); without it there are
        no next pages, and the answer says how to narrow the search instead.
        """
        if normalize(query) in MORE_WORDS:
            return self._next_page(lang, now, asker)
        if not query.strip():
            return self.themes(lang)
        return self._page(query, 0, lang, now, asker)

    def asked(self, text: str) -> bool:
        """Whether free words (not a command) ask about a line, or name one."""
        return asks_for_a_line(text) or self.index.names_a_line(text)

    def _next_page(self, lang: str, now: datetime, asker: str | None) -> str:
        last = self._last.get(asker) if asker is not None else None
        if last is None:
            return t(lang, "dir_more_forgotten")
        return self._page(last[0], last[1] + 1, lang, now, asker)

    def _page(self, query: str, page: int, lang: str, now: datetime, asker: str | None) -> str:
        parsed, hits = self.index.search(query, now, limit=50)
        metrics.DIRECTORY_SEARCHES.inc()
        if not hits:
            return "\n\n".join([t(lang, "dir_none", q=query), self.listening_lines(lang, now)])
        shown = hits[page * SHOWN : (page + 1) * SHOWN]
        if not shown:
            return t(lang, "dir_no_more")
        self._remember(asker, query, page)
        blocks = [self.format_hit(h, lang, now) for h in shown]
        moment = parsed.when.moment(now)
        if moment is not None and moment != now:
            blocks.insert(0, t(lang, "dir_at_moment", when=when(moment, now, lang)))
        if parsed.widened and page == 0:
            blocks.insert(0, t(lang, "dir_widened"))
        if parsed.situation is not None and page == 0:
            blocks.insert(0, t(lang, _DANGER[parsed.situation]))
        if parsed.talk_only and page == 0:  # the emergency numbers, apart from the lines
            blocks.append(t(lang, "dir_emergency_note"))
        left = len(hits) - (page + 1) * SHOWN
        if left > 0:
            key = "dir_more_plus" if asker is not None else "dir_more_refine"
            blocks.append(t(lang, key, n=left))
        return "\n\n".join(blocks)

    def _remember(self, asker: str | None, query: str, page: int) -> None:
        if asker is None:
            return
        self._last[asker] = (query, page)
        self._last.move_to_end(asker)
        while len(self._last) > _REMEMBERED:
            self._last.popitem(last=False)

    def format_hit(self, hit: Hit, lang: str, now: datetime) -> str:
        """One resource in a few lines: name, numbers, open now, conditions, contact."""
        r = hit.resource
        hours = self.index.hours[self.index.by_id[r.id]]
        ended = r.status == "probablement_termine"
        lines = [f"**{r.name}**"]
        numbers = " · ".join(_phone(p.display, p.e164 or p.dial, p.label) for p in r.phones)
        if numbers and not ended:
            lines.append(numbers)
        state = (status(hours, now, lang, ended), week(hours, lang))
        lines.append(" · ".join(x for x in state if x))
        conditions = [t(lang, f"dir_{k}") for k in ("free", "anonymous") if getattr(r, k) is True]
        who = [
            self.index.directory.audiences.get(a, "")
            for a in r.audience
            if a not in _HIDDEN_AUDIENCES
        ]
        if any(who):
            conditions.append(t(lang, "dir_for", who=", ".join(w for w in who if w)))
        if conditions:
            lines.append(" · ".join(conditions))
        lines += _contacts(hit, lang)
        if r.status == "a_verifier":
            lines.append(t(lang, "dir_verify_covid" if r.context else "dir_verify"))
        return "\n".join(lines)

    def listening_lines(self, lang: str, now: datetime) -> str:
        """General listening lines, open ones first (the fallback when nobody is free)."""
        _, hits = self.index.search(LISTENING_QUERY, now, limit=SHOWN)
        hits = sorted(hits, key=lambda h: h.open_now is not True)[:3]
        return "\n\n".join(self.format_hit(h, lang, now) for h in hits)

    def themes(self, lang: str) -> str:
        """The topics, each with a word to type (never a raw category id)."""
        lines = [t(lang, "dir_themes")]
        for category in self.index.directory.categories.values():
            label = category.label_en if lang == "en" and category.label_en else category.label
            word = category.keywords[0] if category.keywords else label
            lines.append(t(lang, "dir_theme", word=word, label=label))
        return "\n".join(lines)


def _contacts(hit: Hit, lang: str) -> list[str]:
    """Website, chat, email or form, and the places with an address."""
    r = hit.resource
    out = [r.url] if r.url else []
    if r.chat is not None and r.chat.url and r.chat.url != r.url:
        out.append(t(lang, "dir_chat", url=r.chat.url))
    if r.email:
        out.append(t(lang, "dir_email", email=r.email))
    if r.form and not out:
        out.append(r.form)
    places = [p for p in r.locations if p.address][:2]
    out += [t(lang, "dir_place", place=f"{p.name} — {p.address}") for p in places]
    return out


def _phone(display: str, target: str, label: str | None) -> str:
    shown = f" ({label})" if label and len(label) < 40 and not _CURATION.search(label) else ""
    return f"[{display}](tel:{target}){shown}"


__all__ = ["Answers"]
