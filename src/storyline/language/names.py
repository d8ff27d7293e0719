"""Name strings: titles, comparison keys, acronyms, slugs, and in-document canonical names.

Everything here works on plain strings and :class:`EntityMention` lists, so it is
shared by the spaCy-facing extraction (per document) and by the corpus-wide pass.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence

from storyline.model import EntityMention

# Words that precede a person's name as a title or role ("U.S. President", "Prime
# Minister", "Secretary of State"); stripped from the front of PERSON mentions.
TITLE_WORDS = frozenset({
    "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "lord", "lady",
    "president", "vice", "prime", "minister", "premier", "chancellor", "king", "queen",
    "prince", "princess", "pope", "sheikh", "emir", "sultan", "crown", "duke", "duchess",
    "gen", "general", "sen", "senator", "rep", "representative", "gov", "governor", "mayor",
    "judge", "justice", "secretary", "ambassador", "deputy", "former", "late", "lt",
    "lieutenant", "col", "colonel", "sgt", "sergeant", "capt", "captain", "cmdr", "commander",
    "adm", "admiral", "maj", "rev", "reverend", "father", "bishop", "archbishop", "cardinal",
    "rabbi", "imam", "coach", "detective", "inspector", "sheriff", "chief", "speaker",
    "spokesman", "spokeswoman", "spokesperson", "chairman", "chairwoman", "chair", "ceo",
    "director", "leader", "first", "state", "foreign", "defense", "defence", "finance",
    "treasury", "interior", "attorney", "executive", "officer", "senior", "acting", "clerk",
    "councillor", "councilman", "councilwoman", "commissioner", "superintendent", "marshal",
})
# Small words that initials may skip ("Bank of Japan" is "BOJ" or "BJ").
_INITIALS_SKIP = frozenset({"of", "the", "and", "for", "&", "de", "du", "la", "le", "on", "in"})
PERSON_LABEL = "PERSON"
# Labels whose short forms may be acronyms of a longer name of the same group.
ACRONYM_GROUPS: dict[str, str] = {"ORG": "org", "GPE": "place", "LOC": "place", "FAC": "org",
                                  "NORP": "norp", "EVENT": "event"}


def name_key(name: str) -> str:
    """Return the comparison key of a name: case, apostrophes, dots and spacing do not matter."""
    text = unicodedata.normalize("NFKC", name).replace("’", "'").replace(".", "")
    return " ".join(text.casefold().split())


def words_of(name: str) -> list[str]:
    """Return the words of a name, as comparison keys."""
    return name_key(name).split()


def is_title_word(word: str) -> bool:
    """Whether ``word`` is a title or role word that can precede a name."""
    return word.casefold().strip(".").replace("’", "'") in TITLE_WORDS


def acronyms_of(name: str) -> set[str]:
    """Return the initials a multi-word name may be shortened to ("Bank of Japan" → BOJ, BJ)."""
    words = [w for w in re.split(r"[\s\-]+", name) if w and w[0].isalpha()]
    if len(words) < 2:
        return set()
    with_small = "".join(w[0] for w in words).upper()
    without_small = "".join(w[0] for w in words if w.casefold() not in _INITIALS_SKIP).upper()
    return {form for form in (with_small, without_small) if len(form) >= 2}


def as_acronym(name: str) -> str | None:
    """Return the letters of ``name`` when it is written as an acronym ("U.S." → "US")."""
    letters = name.replace(".", "").replace(" ", "")
    if 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper():
        return letters
    return None


def slug(name: str) -> str:
    """Return the ASCII slug of a name ("Fumio Kishida" → "fumio-kishida")."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower().replace("'", "")).strip("-") or "x"


def speaker_id(label: str, name: str) -> str:
    """Return the stable id of a speaker: label and slug ("person:fumio-kishida")."""
    return f"{label.lower()}:{slug(name)}"


def contains_words(longer: Sequence[str], shorter: Sequence[str]) -> bool:
    """Whether ``shorter`` occurs as a contiguous run of words inside ``longer``."""
    size = len(shorter)
    if not size or size >= len(longer):
        return False
    return any(list(longer[i : i + size]) == list(shorter) for i in range(len(longer) - size + 1))


def maximal(names: Sequence[str]) -> list[str]:
    """Drop names that are word runs of another name in ``names`` (keeps the longest)."""
    return [n for n in names if not any(contains_words(words_of(o), words_of(n)) for o in names)]


def relabel_person_parts(mentions: Sequence[EntityMention]) -> None:
    """Label PERSON the mentions that repeat part of a person's name in the same document.

    The model often tags a lone surname as ORG or GPE ("Kishida’s successor"). A
    mention becomes PERSON when the same string is tagged PERSON at least as often as
    with its own label elsewhere in the document, or when it is a non-place label
    repeating words of a full PERSON name.
    """
    labels_by_key: dict[str, Counter[str]] = {}
    for m in mentions:
        labels_by_key.setdefault(name_key(m.text), Counter())[m.label] += 1
    full_names = [words_of(m.text) for m in mentions
                  if m.label == PERSON_LABEL and len(words_of(m.text)) >= 2]
    for mention in mentions:
        if mention.label == PERSON_LABEL:
            continue
        key = name_key(mention.text)
        part_of_name = mention.label not in ("GPE", "LOC") and any(
            contains_words(full, key.split()) for full in full_names
        )
        votes = labels_by_key[key]
        if votes[PERSON_LABEL] >= votes[mention.label] or part_of_name:
            mention.label = PERSON_LABEL


def canonicalize_document(mentions: Sequence[EntityMention]) -> None:
    """Set ``canonical`` on each mention from the other mentions of the same document.

    A short person mention ("Kishida") takes the longest full name containing it
    ("Fumio Kishida"); when several full names contain it, the one mentioned last
    before it wins (news introduces a person in full, then uses the short form), else
    the first one after it. An acronym takes the one name of its group with those
    initials. Spelling variants of one name share the most frequent spelling.
    Mentions must be in text order.
    """
    spellings = preferred_spellings(m.text for m in mentions)
    person_names = maximal(sorted({spellings[name_key(m.text)] for m in mentions
                                   if m.label == PERSON_LABEL}))
    person_full = [n for n in person_names if len(words_of(n)) >= 2]
    for index, mention in enumerate(mentions):
        name = spellings[name_key(mention.text)]
        if mention.label == PERSON_LABEL:
            candidates = [f for f in person_full if contains_words(words_of(f), words_of(name))]
            if len(candidates) > 1:
                candidates = [_nearest(mentions, index, candidates)]
            mention.canonical = candidates[0] if candidates else name
        else:
            mention.canonical = _expand_acronym(name, mention.label, mentions, spellings) or name


def preferred_spellings(names: Iterable[str]) -> dict[str, str]:
    """Map each name key to its most frequent spelling (ties: the first in sorted order)."""
    counts: Counter[str] = Counter(" ".join(n.split()) for n in names)
    best: dict[str, str] = {}
    for spelling, _count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        best.setdefault(name_key(spelling), spelling)
    return best


def _nearest(mentions: Sequence[EntityMention], index: int, candidates: list[str]) -> str:
    """Pick the candidate mentioned last before ``index``, else the first one after it."""
    keys = {name_key(c): c for c in candidates}
    for other in reversed(mentions[:index]):
        if name_key(other.text) in keys:
            return keys[name_key(other.text)]
    for other in mentions[index + 1 :]:
        if name_key(other.text) in keys:
            return keys[name_key(other.text)]
    return sorted(candidates)[0]


def _expand_acronym(name: str, label: str, mentions: Sequence[EntityMention],
                    spellings: dict[str, str]) -> str | None:
    letters = as_acronym(name)
    group = ACRONYM_GROUPS.get(label)
    if letters is None or group is None:
        return None
    expansions = {spellings[name_key(m.text)] for m in mentions
                  if ACRONYM_GROUPS.get(m.label) == group and letters in acronyms_of(m.text)}
    return next(iter(expansions)) if len(expansions) == 1 else None
