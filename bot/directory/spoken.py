"""Numbers said in words, the way a short number is read aloud: `le trente-neuf
soixante-dix-sept` is 3977, `cent douze` is 112, `thirty-one fourteen` is 3114.

A run of number words is read as groups (`trente-neuf` · `soixante-dix-sept`) whose digits
are put end to end. A run that gives three digits or more is a number someone dials; a
shorter one (`le quinze`, `dix-sept`) only when it is all the query says, since `quinze
jours` or `dix-sept ans` is no number to call.
"""

from __future__ import annotations

import re

_UNITS = {
    "zero": 0,
    "un": 1,
    "une": 1,
    "deux": 2,
    "trois": 3,
    "quatre": 4,
    "cinq": 5,
    "six": 6,
    "sept": 7,
    "huit": 8,
    "neuf": 9,
    "oh": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "seven": 7,
    "eight": 8,
    "nine": 9,
}
_TEENS = {
    "dix": 10,
    "onze": 11,
    "douze": 12,
    "treize": 13,
    "quatorze": 14,
    "quinze": 15,
    "seize": 16,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "vingt": 20,
    "vingts": 20,
    "trente": 30,
    "quarante": 40,
    "cinquante": 50,
    "soixante": 60,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_HUNDRED = frozenset(("cent", "cents", "hundred"))
_THOUSAND = frozenset(("mille", "thousand"))
_VALUES = {**_UNITS, **_TEENS, **_TENS}
_NUMBER_WORD = "|".join(sorted([*_VALUES, *_HUNDRED, *_THOUSAND], key=len, reverse=True))
# a run of number words, "et" / "and" allowed between two of them ("trente et un")
_RUN = re.compile(rf"(?<= )(?:{_NUMBER_WORD})(?: (?:(?:et|and) )?(?:{_NUMBER_WORD}))*(?= )")
_SHORT = 3  # digits: a shorter number counts only when it is all the query says


def _joins(small: int, big: int, word: str, value: int) -> bool:
    """Whether `word` goes on with the number said so far (`small` below a thousand,
    `big` its thousands) rather than starting the next group."""
    rest = small % 100
    return (
        (rest >= 20 and rest % 10 == 0 and value < 10)  # trente-neuf
        or (rest in (60, 80) and 10 <= value < 20)  # soixante-dix-sept
        or (rest == 10 and 7 <= value <= 9)  # dix-sept
        or (small >= 100 and rest == 0 and value < 100)  # cent douze
        or (big > 0 and small == 0)  # trois mille neuf…
    )


def _groups(words: list[str]) -> list[int]:
    """`trente neuf soixante dix sept` → [39, 77]; `cent douze` → [112]."""
    groups: list[int] = []
    big, small, started = 0, 0, False
    for word in words:
        if word in ("et", "and"):
            continue
        if word in _THOUSAND:
            big, small, started = (small or 1) * 1000, 0, True
            continue
        if word in _HUNDRED and small < 10:
            small, started = (small or 1) * 100, True
            continue
        if word in ("vingt", "vingts") and small % 100 == 4:  # quatre-vingt
            small += 76
            continue
        value = 100 if word in _HUNDRED else _VALUES[word]
        if started and not _joins(small, big, word, value):
            groups.append(big + small)
            big, small = 0, 0
        small, started = small + value, True
    if started:
        groups.append(big + small)
    return groups


def spoken_numbers(text: str, terms: int) -> tuple[str, tuple[str, ...]]:
    """`text` (plain, padded with spaces) without the numbers said in words, and those
    numbers as digits; `terms` is how many words the query says besides stop words."""
    found: list[str] = []
    for run in _RUN.findall(text):
        words = run.split()
        digits = "".join(str(g) for g in _groups(words))
        alone = len([w for w in words if w not in ("et", "and")]) >= terms
        if len(digits) >= _SHORT or (len(digits) >= 2 and alone):
            found.append(digits)
            text = text.replace(f" {run} ", " ", 1)
    return text, tuple(found)
