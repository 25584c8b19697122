"""`stats [mois|trimestre|année]` for coordinators: the figures as text (small counts
hidden) and the bar chart of cases per month as an image. Never an identity."""

from __future__ import annotations

import asyncio
from datetime import datetime

from bot import say
from bot.audit import audit
from bot.casenotes import held_case
from bot.chart import month_bars
from bot.context import Context
from bot.locales import t
from bot.messages import Image, OutgoingMessage
from bot.people import Listener
from bot.ports import Statistics
from bot.privacy import coordinator_actor, listener_actor
from bot.statistics import (
    HIDDEN,
    PERIOD_WORDS,
    THEME_WORDS,
    THEMES,
    Outcome,
    Period,
    Report,
    report,
    shown,
    start_of,
)
from bot.text import fold

Out = list[OutgoingMessage]


async def figures(store: Statistics, period: Period, now: datetime) -> Report:
    since = start_of(period, now)
    facts = await store.case_facts(since)
    purged = await store.monthly_counts()
    returning = await store.returning_requesters(since)
    return report(facts, purged, returning, period, now)


def _joined(lang: str, prefix: str, counts: dict[str, int], keys: list[str]) -> str:
    return " · ".join(f"{t(lang, prefix + k)} {shown(counts.get(k, 0))}" for k in keys)


def text_of(r: Report, lang: str) -> str:
    months = " · ".join(f"{m[5:]}/{m[2:4]} {shown(n)}" for m, n in r.per_month.items())
    wait = (
        t(lang, "stats_wait_hidden")
        if r.median_wait is None
        else t(lang, "stats_wait", minutes=round(r.median_wait.total_seconds() / 60))
    )
    lines = [
        t(lang, "stats_header", period=t(lang, f"stats_period_{r.period.value}"), hidden=HIDDEN),
        t(lang, "stats_total", total=shown(r.total)),
        t(lang, "stats_months", months=months),
        t(
            lang,
            "stats_modes",
            modes=_joined(lang, "stats_mode_", r.modes, ["anonymous", "direct"]),
        ),
        t(
            lang,
            "stats_outcomes",
            outcomes=_joined(lang, "stats_outcome_", r.outcomes, [o.value for o in Outcome]),
        ),
    ]
    themes = _joined(lang, "theme_", r.themes, list(THEMES))
    lines += [
        t(lang, "stats_themes", themes=themes),
        wait,
        t(lang, "stats_returning", returning=shown(r.returning)),
    ]
    if r.purged:
        lines.append(t(lang, "stats_purged", purged=shown(r.purged)))
    return "\n".join(lines)


async def chart(r: Report, lang: str, now: datetime) -> Image:
    title = t(lang, "stats_chart_title", period=t(lang, f"stats_period_{r.period.value}"))
    png = await asyncio.to_thread(month_bars, r.per_month, title, HIDDEN)
    return Image(f"soutien-stats-{r.period.value}-{now:%Y%m%d}.png", png)


async def theme(ctx: Context, me: Listener, raw: str, place: str | None, now: datetime) -> Out:
    """`thème K7Q2 travail`: what the case was about, from the fixed list, for `stats`."""
    lang = ctx.policy.default_locale
    found = await held_case(
        ctx, me, fold(raw), place, "thème", "theme_usage", frozenset(THEME_WORDS)
    )
    if isinstance(found, list):
        return found
    case, rest = found
    code = THEME_WORDS.get(rest.strip().split()[0]) if rest.strip() else None
    if code is None:
        return say.to_member(ctx, me, "theme_usage")
    await ctx.store.set_theme(case.id, code)
    await audit(ctx, listener_actor(me.id), "themed", case.ref, say.where_is(ctx, me))
    return say.to_member(ctx, me, "theme_set", ref=case.ref, theme=t(lang, f"theme_{code}"))


async def stats(ctx: Context, me: Listener, raw: str, now: datetime) -> Out:
    words = fold(raw).split()
    period = PERIOD_WORDS.get(words[0]) if words else Period.YEAR
    address = say.address_of(ctx, me)
    if address is None:
        return []
    if period is None:
        return say.to_member(ctx, me, "stats_usage")
    await audit(ctx, coordinator_actor(me.id), "stats", None, say.where_is(ctx, me))
    lang = ctx.policy.default_locale
    r = await figures(ctx.store, period, now)
    image = await chart(r, lang, now)
    return [
        OutgoingMessage(address, text_of(r, lang)),
        OutgoingMessage(address, t(lang, "stats_chart_caption"), image=image),
    ]
