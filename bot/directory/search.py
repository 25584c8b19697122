"""Directory search: topics and professions recognised from keywords, resources named
in the query, filters as boolean vectors, and the fitting emergency numbers first when
the safety reader finds danger."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import datetime

import numpy as np

from bot.directory import ranking as rank
from bot.directory import ruled_out
from bot.directory.danger import DangerWords
from bot.directory.emergency import Emergencies
from bot.directory.filters import Filters
from bot.directory.hours import quarter_of
from bot.directory.kinds import LineKinds
from bot.directory.model import DirectoryFile, Resource
from bot.directory.names import Names
from bot.directory.phrases import ACRONYM, PhraseBook, acronyms
from bot.directory.postings import Postings
from bot.directory.query import Query, at_home_only, at_work, from_the_public, spouse, understand
from bot.directory.ranking import Bools, Floats, hours_of, keep_in_view, quality, top
from bot.directory.vocabulary import topic_keywords
from bot.directory.ways import WAY, Ways
from bot.directory.words import known, plain, stem, without_once


@dataclass(frozen=True, slots=True)
class Hit:
    resource: Resource
    score: float
    open_now: bool | None


@dataclass(frozen=True, slots=True)
class _Relevance:
    scores: Floats
    matched: bool
    named: Bools
    roles: frozenset[str]
    sector: bool
    # what the query asks about beyond the person's sector, to be offered before it
    asked: tuple[str, ...] = ()
    # lines kept for a situation or an emergency the query does not speak of
    unasked: Bools | None = None
    reached: Bools | None = None  # reached the way the query names ("une appli")
    elsewhere: bool = False  # the job the query names is someone else's: not its lines


class Index:
    """Everything precomputed from one directory file."""

    def __init__(self, directory: DirectoryFile) -> None:
        self.directory = directory
        self.resources = directory.resources
        self.size = len(self.resources)
        self.by_id = {r.id: i for i, r in enumerate(self.resources)}
        self.hours = [hours_of(r) for r in self.resources]
        self.postings = Postings(directory)
        self.topics = PhraseBook(topic_keywords(directory))
        self.professions = PhraseBook(
            ((str(i), word) for i, p in enumerate(directory.professions) for word in p.words),
            strict=True,
        )
        self.members = self._members()
        self.quality = np.array([quality(r) for r in self.resources], dtype=np.float64)
        self.filters = Filters(self.resources, self.hours)
        self.names = Names(self.resources, self.topics.tokens)
        self.ways = Ways(self.resources)
        self.audiences = {
            a: np.array([a in r.audience for r in self.resources], dtype=np.bool_)
            for a in directory.audiences
        }
        kinds = LineKinds(self.resources)
        self.voiceless, self.listening = kinds.voiceless, kinds.listening
        self.dedicated = kinds.dedicated
        self.danger = DangerWords(directory.danger_words)
        # the lines for anyone who needs to talk, kept in view for someone not well
        talk = [i for i, r in enumerate(self.resources) if r.categories[0] == rank.GENERAL_CATEGORY]
        talk.sort(key=lambda i: (not self.filters.always[i], -self.quality[i]))  # 24/7 first
        self.talk = talk[: rank.TALK_KEPT]
        self.emergencies = Emergencies(directory, kinds)

    def _members(self) -> dict[str, Floats]:
        members: dict[str, Floats] = {c: np.zeros(self.size) for c in self.directory.categories}
        for i, r in enumerate(self.resources):
            for position, category in enumerate(r.categories):
                members[category][i] = rank.CATEGORY_POSITION[
                    min(position, len(rank.CATEGORY_POSITION) - 1)
                ]
        return members

    def search(self, raw: str, now: datetime, limit: int = 20) -> tuple[Query, list[Hit]]:
        """Resources for `raw` at `now`, best first; danger queries start with emergencies."""
        query = understand(raw)
        query = dataclasses.replace(
            query, terms=query.terms + acronyms(raw, query.terms, (self.professions, self.topics))
        )
        if query.situation is not None:  # the reader decides danger; the words, which numbers
            situation = self.danger.situation(raw, query.situation)
            query = dataclasses.replace(query, situation=situation)
        moment, now_quarter = query.when.moment(now), quarter_of(now)
        quarter = quarter_of(moment) if moment else None
        rel = self._relevance(query)
        # a line named is shown even when it has probably ended: the answer says so
        allowed = self.filters.allowed(query, quarter) | rel.named
        allowed &= ~ruled_out.lines(query.ruled_out, self.names)  # "pas SOS Amitié"
        filtered = query.flags or query.departements or query.when.asked
        if not rel.matched and query.terms and not filtered and not rel.roles and not query.worried:
            ranked: list[int] = []  # words we do not know, and nothing else: say so
        else:
            secondary: Bools | None = None
            if rel.matched:
                relevant = rel.scores > 0
                # the general listening lines come after the topic's own: for anyone
                # outside the sectors that have lines of their own, or not well, they fit
                # every topic, and they stand in for a sector's lines the filters leave out
                general = not rel.sector or query.worried or not (allowed & relevant).any()
                listening = self.members[rank.GENERAL_CATEGORY] > 0
                # for a sector's own trouble, after its lines ("assistante sociale au CCAS…")
                secondary = listening & ~relevant if query.terms and not general else None
                if query.terms:
                    relevant |= listening
                allowed &= relevant
            elif query.situation is None:  # no topic: lines to talk to, not emergencies
                # ... and, for a place alone ("dispo dans le 92 ?"), the lines there
                there = [self.filters.local(d) for d in query.departements]
                allowed &= np.logical_or.reduce([self.listening, rel.named, *there])
                query = dataclasses.replace(query, talk_only=True)
            if rel.roles or rel.elsewhere:
                allowed &= ~self.filters.specific | self._serves(rel.roles) | rel.named
            total = rel.scores + self.quality
            if secondary is not None:
                total -= rank.SECTOR_LAST * secondary
            if query.terms and not rel.sector:  # after every line for all, open or not
                wanted = rel.named if rel.reached is None else rel.named | rel.reached
                total -= rank.SECTOR_LAST * (self.filters.specific & ~wanted)
            if rel.unasked is not None:  # "une amie m'inquiète": 3919 later
                total -= rank.SITUATION_LAST * rel.unasked
            if quarter is not None:  # known open before unknown hours
                total += rank.OPEN_FIRST * self.filters.open_at(quarter)
            ranked = top(np.where(allowed, total, -np.inf), allowed, limit)
            if rel.sector and rel.asked:  # a nurse assaulted: the lines for that first
                # ... and for what happened before lines to talk to ("maltraiter des
                # résidents, j'ai peur d'en parler": the 3977)
                leading = [c for c in rel.asked if c in rank.SITUATIONS] or rel.asked
                asked = np.logical_or.reduce([self.members[c] > 0 for c in leading])
                ranked = rank.lead(ranked, asked & ~self.filters.specific, rel.named)
            local = "in_person" in query.flags or query.departements
            if not ranked and local and query.situation is None:  # "en vrai, à Marseille"
                found = self.members[rank.ORIENTATION_CATEGORY] > 0
                found &= ~self.filters.terminated & ~self.dedicated
                ranked = top(np.where(found, self.quality, -np.inf), found, limit)
                query = dataclasses.replace(query, widened=bool(ranked))
        if query.situation is not None:
            first = self.emergencies.first(query, query.situation)
            # no waiting in danger: after the emergencies, only what answers now
            wait = query.danger and moment is None
            after = [i for i in ranked if not (wait and self._open(i, now_quarter) is False)]
            ranked = (first + [i for i in after if i not in first])[:limit]
        if query.worried or query.situation is not None:
            # in danger the emergency numbers come first: only the 24/7 line is kept then
            ranked = keep_in_view(ranked, self.talk[:1] if query.situation else self.talk)
        hits = [
            Hit(self.resources[i], float(rel.scores[i]), self._open(i, now_quarter)) for i in ranked
        ]
        return query, hits

    def names_a_line(self, raw: str) -> bool:
        """Whether `raw` names a line of the directory ("SOS Amitié", "le 3114"); the short
        emergency numbers (15, 17, 112) are too common in other sentences to count alone."""
        query = understand(raw)
        numbers = [n for n in query.numbers if len(n) >= 4]
        return bool(self.names.named(list(query.terms), plain(query.text), numbers).any())

    def _open(self, i: int, quarter: int) -> bool | None:
        if self.resources[i].status == "probablement_termine":
            return False
        return self.hours[i].open_at(quarter)

    def _serves(self, roles: frozenset[str]) -> Bools:
        serves = np.zeros(self.size, dtype=np.bool_)
        for role in roles:
            serves |= self.audiences.get(role, serves)
        return serves

    def _relevance(self, query: Query) -> _Relevance:
        """Scores of the resources the query speaks of, and what it says of the person."""
        # "ma femme est décédée": the spouse is no topic ("femme" is not the 3919)
        spouses = spouse(query)
        terms = [stem(t) for t in query.terms if t not in spouses]
        # "son aide à domicile", "mon chef": someone else's job says nothing of the person
        mine = [t for t in query.terms if t not in query.others]
        people = self.professions.find(mine, query.accented)
        # "gendarme", "ehpad": who the person is says their sector, not a topic of its own
        said = {t for t in mine if stem(t) in people.consumed or ACRONYM + t in people.consumed}
        rest = without_once(query.terms, said)  # "France Travail … au boulot": work, once
        topics = self.topics.find([t for t in rest if t not in spouses], query.accented)
        roles = frozenset(
            a for key in people.narrowest() for a in self.directory.professions[int(key)].audiences
        )
        # a job with lines of its own (a nurse, a care-home director, not a teacher): the
        # person said who they are, so those lines belong among the answers, unless the
        # query is about a situation (abuse of a resident, assault), whose lines come first
        own = bool((self._serves(roles) & self.filters.specific).any())
        situation = any(c in rank.SITUATIONS for c in topics.strength)
        sector_said = rank.SECTOR_CATEGORY in self.topics.find(query.terms, query.accented).strength
        theirs = bool(said) and ((own and not situation) or sector_said)
        if theirs:
            topics.strength.setdefault(rank.SECTOR_CATEGORY, 1.0)
        # words that said who the person is ("France Travail") name no line
        named = self.names.named(rest, plain(query.text), query.numbers, said)
        categories = dict(topics.strength)
        for category in topics.only_inside(rank.WEIGHTY):  # "un coup de blues"
            del categories[category]
        if "figurative" in query.flags:  # "ce dossier va me tuer lol": a figure of speech
            categories.pop(rank.CRISIS_CATEGORY, None)
        if at_home_only(query) and rank.VIOLENCE_CATEGORY in categories:
            categories.pop(rank.WORK_CATEGORY, None)  # "mon ex me harcèle": the couple
        elif from_the_public(query) and rank.VIOLENCE_CATEGORY in categories:
            categories.setdefault(rank.WORK_CATEGORY, 1.0)  # "agressée par un patient"
        top_strength = max(categories.values(), default=0.0)
        for category in categories.keys() & rank.WEIGHTY:  # an assault, a suicide: as much
            categories[category] = top_strength
        if rank.PUBLIC_AGENTS in roles:  # a colleague of the public sector: the peer group too
            categories.setdefault(rank.PEERS_CATEGORY, 1.0)
        elif rank.GENERAL_CATEGORY in categories and not roles:  # someone to talk to
            categories.setdefault(rank.PEERS_CATEGORY, rank.SENSE)
        if rank.GENERAL_CATEGORY in categories and "always" in query.flags:  # "24h/24"
            categories.setdefault(rank.CRISIS_CATEGORY, rank.SENSE)  # the 3114 listens too
        if len(query.terms) == 1 and categories and not roles:  # a word alone: each sense
            for sense in self.topics.senses(query.terms[0]):
                categories.setdefault(sense, rank.SENSE)
        others_only = len(mine) < len(query.terms) and rank.SECTOR_CATEGORY in categories
        if (
            others_only
            and not theirs
            and rank.SECTOR_CATEGORY not in self.topics.find(mine, query.accented).strength
        ):
            del categories[rank.SECTOR_CATEGORY]
        # "ma mère en ehpad … une aide-soignante lui crie dessus": a job that is not theirs
        elsewhere = others_only and not people.strength and not theirs
        elsewhere &= bool(self.professions.find(query.others, query.accented).strength)
        for i in np.flatnonzero(named & self.filters.terminated):
            for category in self.resources[i].categories:  # offer the ones like it
                categories.setdefault(category, 1.0)
        exact = {stem(t) for t in query.terms if known(t)}
        consumed = topics.consumed | people.consumed
        scores = self.postings.score(terms, consumed, topics.phrased, exact)
        reached = self.ways.named(list(query.terms), self.size)
        scores += WAY * reached  # "sur Tchap"
        strong = bool(scores.max(initial=0.0) >= rank.ENOUGH)
        for category, strength in categories.items():
            scores += self.members[category] * strength
        for dept in query.departements:
            scores += 3.0 * self.filters.local(dept)
        if "silent" in query.flags:  # "je suis sourde", "je peux pas parler"
            scores += rank.CATEGORY_POSITION[0] * self.voiceless
            categories.setdefault(rank.EMERGENCY_CATEGORY, 0.0)  # its lines are asked for
            categories.setdefault(rank.GENERAL_CATEGORY, 0.5)  # and lines to write to
            scores += 0.5 * self.members[rank.GENERAL_CATEGORY]
            scores += 0.5 * self.filters.channel["written"]  # lines to write to
        if roles:
            scores += rank.ROLE * (self._serves(roles) & (scores > 0))
        if "prefer_english" in query.flags:  # "in English if possible": those first
            scores += rank.ENGLISH * (self.filters.satisfy["english"] & (scores > 0))
        scores += rank.NAMED * named
        matched = bool(categories) or strong or bool(named.any())
        # the person's job has lines of its own (a nurse, not a teacher)
        sector = rank.SECTOR_CATEGORY in categories or bool(
            (self._serves(roles) & self.filters.specific).any()
        )
        asked = tuple(c for c in categories if c in rank.LEADING)
        # its own topic is what the query speaks of, or two of its topics are (violence
        # and helping a relative: "ma sœur se fait battre")
        # ... and violence away from work speaks of the lines on sexist and sexual
        # violence too ("mon ex me harcèle", "numéros VIF": the government's site)
        home = rank.VIOLENCE_CATEGORY in categories
        home &= not (from_the_public(query) or at_work(query) or roles)
        spoken: Bools = np.array(
            [
                r.categories[0] in categories
                or len(categories.keys() & r.categories) >= 2
                or (home and r.categories[0] == rank.VSS)
                for r in self.resources
            ],
            dtype=np.bool_,
        )
        unasked: Bools = self.dedicated & ~spoken
        return _Relevance(scores, matched, named, roles, sector, asked, unasked, reached, elsewhere)
