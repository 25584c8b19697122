"""Every word a person reads lives in the catalogs (bot/locales/): no French sentence
is written anywhere else in bot/ or adapters/, except the words the bot *reads*."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# French letters or words that only French sentences have.
_FRENCH = re.compile(
    r"[àâçéèêëîïôûùœ]|\b(?:tu|te|toi|ton|ta|tes|je|nous|vous|le|la|les|une|des|du|pour|"
    r"pas|avec|est|sont|maintenant|bonjour|merci|demande|écris)\b",
    re.IGNORECASE,
)

# Modules whose French is what people type: vocabularies the bot matches, never shows.
READS = {
    "bot/language.py": "words that tell French from English",
    "bot/safety/chat.py": "how people type (SMS spellings, contractions)",
    "bot/safety/context.py": "topics, stories, jokes the safety reader recognises",
    "bot/safety/idioms.py": "idioms the safety reader recognises ('mort de rire')",
    "bot/safety/distress.py": "patterns of distress",
    "bot/safety/overdose.py": "patterns of overdose",
    "bot/safety/negation.py": "negations and their scope",
    "bot/safety/matcher.py": "the negations a pattern can hold ('je serai plus là')",
    "bot/safety/passing.py": "words that turn to something else in passing ('sinon', 'btw')",
    "bot/safety/weighing.py": "who a message is about, and cries ('aide', 'help')",
    "bot/safety/away.py": "trips and leaves that explain an absence ('je pars 3 semaines')",
    "bot/safety/lexicon.py": "concepts in French and English words",
    "bot/safety/patterns.py": "patterns of danger",
    "bot/safety/means.py": "patterns of being at the place, with the means, now",
    "bot/safety/preparation.py": "patterns of preparation",
    "bot/safety/violence.py": "patterns of violence now, and of violence over",
    "bot/safety/quotes.py": "words of singing, citing and telling around a quote",
    "bot/safety/loss.py": "words of a death by suicide told, and of mourning",
    "bot/safety/who.py": "verbs of telling ('m'a confié'): who a message is about",
    "bot/directory/asking.py": "how people ask for a number to call",
    "bot/conversation/fallback.py": "thanks and the wish to talk, as people type them",
    "bot/conversation/answers.py": "yes, no and a team told in a sentence, as people type them",
    "bot/directory/place_names.py": "French place names",
    "bot/directory/places.py": "'dans le 93', 'à Paris'",
    "bot/directory/query.py": "filters as people say them",
    "bot/directory/ruled_out.py": "how people rule a line out ('pas SOS Amitié')",
    "bot/directory/others.py": "whose words: possessives, relatives, 'je suis pas soignant'",
    "bot/directory/filter_words.py": "filters as people say them (free, anonymous, at night…)",
    "bot/directory/when.py": "times as people say them",
    "bot/directory/time_words.py": "parts of the day and now, as people say them",
    "bot/directory/not_when.py": "times as people tell what happened",
    "bot/directory/dates.py": "dates as people say them",
    "bot/directory/words.py": "stop words and job phrases",
}
# Single literals that are commands, i.e. what a person would type.
TYPED = {("adapters/mattermost/http.py", "numéros ")}


def _docstrings(tree: ast.AST) -> set[int]:
    kinds = (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)
    return {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, kinds)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }


def french_literals(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docs = _docstrings(tree)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            parts = [v.value for v in node.values if isinstance(v, ast.Constant)]
            text = "".join(str(p) for p in parts)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            if id(node) in docs or len(node.value.split()) < 2:
                continue
            text = node.value
        else:
            continue
        if _FRENCH.search(text):
            found.append((node.lineno, text))
    return found


def test_no_french_sentence_outside_the_catalogs() -> None:
    strays = []
    for folder in ("bot", "adapters"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            name = path.relative_to(ROOT).as_posix()
            if name.startswith("bot/locales/") or name in READS:
                continue
            for line, text in french_literals(path):
                if (name, text) not in TYPED:
                    strays.append(f"{name}:{line}: {text[:60]!r}")
    assert strays == [], "words people read belong in bot/locales/:\n" + "\n".join(strays)


def test_the_scan_finds_a_french_sentence(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text('"""Doc: écrire."""\nx = f"Demande {ref}"\ny = "tu es là"\nz = "ok go"\n')
    assert [line for line, _ in french_literals(sample)] == [2, 3]


def test_every_reading_module_exists() -> None:
    assert [name for name in READS if not (ROOT / name).is_file()] == []
