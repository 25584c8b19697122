"""A danger word that names a subject of work or study, not the writer's state: "un
message qui parle de suicide" (a topic word inside the match), "la prévention du
suicide", "the overdose prevention unit" (a word of such work right next to it)."""

from __future__ import annotations

from collections.abc import Sequence

from bot.safety.matcher import Match

# as typed: words of work about danger, read next to a single danger word
_NEXT_TO = frozenset(
    "=prevention =formation =formations =training =sensibilisation =awareness =module "
    "=campagne =webinaire =unit =unite".split()
)


def about(match: Match, labelled: Sequence[frozenset[str]], topic: frozenset[str]) -> bool:
    """The match is the subject of a sentence about work, not the writer's state."""
    if any(topic & labelled[p] for p in range(match.start + 1, match.end)):
        return True
    near = (match.start - 2, match.start - 1, match.end + 1)
    return match.pattern.single and any(
        not _NEXT_TO.isdisjoint(labelled[p]) for p in near if 0 <= p < len(labelled)
    )


# "book a listener", "can I book a call": the verb, not a book to read
_BOOKING = frozenset("=to =can =could =i =we =please =pls =you =how =would =want".split())
_MINE = frozenset("=my =mes =all =tous =toutes".split())
_PLURAL = frozenset("=books =livres =bouquins =mangas =bd =albums =vinyles =dvd =dvds".split())


def tales(
    found: frozenset[str], labelled: Sequence[frozenset[str]], where: dict[str, list[int]]
) -> frozenset[str]:
    """The words of stories found (`found`), without "book" when every one is the verb."""
    if "book" in found and all(
        p > 0 and not _BOOKING.isdisjoint(labelled[p - 1]) for p in where.get("book", [])
    ):
        found = found - {"book"}
    # "my guitar, my books, the bike": things one owns (and gives away), not a story
    owned = {
        word
        for word in found
        if all(
            p > 0 and not _MINE.isdisjoint(labelled[p - 1]) and not _PLURAL.isdisjoint(labelled[p])
            for p in where.get(word, [])
        )
    }
    return frozenset(found - owned)
