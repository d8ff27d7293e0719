"""Name strings: titles, comparison keys, acronyms, slugs, and in-document canonical names.

Everything here works on plain strings and :class:`EntityMention` lists, so it is
shared by the spaCy-facing extraction (per document) and by the corpus-wide pass.
"""

from __future__ import annotations

import bisect
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
    # Distinct names only, and one answer per key: a long article repeats both thousands of times.
    full_names = {tuple(words_of(m.text)) for m in mentions
                  if m.label == PERSON_LABEL and len(words_of(m.text)) >= 2}
    part_of_name: dict[str, bool] = {}
    for mention in mentions:
        if mention.label == PERSON_LABEL:
            continue
        key = name_key(mention.text)
        if key not in part_of_name:
            part_of_name[key] = any(contains_words(full, key.split()) for full in full_names)
        is_part = mention.label not in ("GPE", "LOC") and part_of_name[key]
        votes = labels_by_key[key]
        if votes[PERSON_LABEL] >= votes[mention.label] or is_part:
            mention.label = PERSON_LABEL


def canonicalize_document(mentions: Sequence[EntityMention], text: str | None = None) -> None:
    """Set ``canonical`` on each mention from the other mentions of the same document.

    A short person mention ("Kishida") takes the longest full name containing it
    ("Fumio Kishida"); when several full names contain it, the one mentioned last
    before it wins (news introduces a person in full, then uses the short form), else
    the first one after it. With the document's ``text``, a short mention after "Mr",
    "Mrs", "Ms" or "Miss" takes, of several full names, none whose first name is of
    the other gender ("Mrs Jackson" is not the Michael Jackson named last). An acronym takes the one
    name of its group with those initials. Spelling variants of one name share the
    most frequent spelling. Mentions must be in text order.
    """
    spellings = preferred_spellings(m.text for m in mentions)
    person_names = maximal(sorted({spellings[name_key(m.text)] for m in mentions
                                   if m.label == PERSON_LABEL}))
    person_full = [n for n in person_names if len(words_of(n)) >= 2]
    # Work per distinct name, not per mention, so a long article stays linear in its mentions.
    containing: dict[str, list[str]] = {}
    positions = _positions_by_key(mentions)
    expansions = _acronym_expansions(mentions, spellings)
    for index, mention in enumerate(mentions):
        name = spellings[name_key(mention.text)]
        if mention.label == PERSON_LABEL:
            if name not in containing:
                containing[name] = [f for f in person_full
                                    if contains_words(words_of(f), words_of(name))]
            candidates = containing[name]
            title = _title_gender(text, mention.start) if text is not None else None
            if title is not None:
                # Only to choose between full names: first names are no proof alone
                # ("Ms Gareth Peirce"), so a lone candidate stays.
                candidates = [c for c in candidates
                              if _first_name_gender(c) in (None, title)] or candidates
            if len(candidates) > 1:
                candidates = [_nearest(positions, index, candidates)]
            mention.canonical = candidates[0] if candidates else name
        else:
            mention.canonical = _expand_acronym(name, mention.label, expansions) or name


def _title_gender(text: str, start: int) -> str | None:
    """The gender a title of address right before an offset says ("Mrs Jackson": female)."""
    before = text[max(0, start - 6):start].split()
    word = before[-1].rstrip(".").lower() if before else ""
    return {"mr": "male", "mrs": "female", "ms": "female", "miss": "female"}.get(word)


def _first_name_gender(name: str) -> str | None:
    # Imported here: first_names reads this module's titles.
    from storyline.language.first_names import first_name_gender

    return first_name_gender(name)


def preferred_spellings(names: Iterable[str]) -> dict[str, str]:
    """Map each name key to its most frequent spelling (ties: the first in sorted order)."""
    counts: Counter[str] = Counter(" ".join(n.split()) for n in names)
    best: dict[str, str] = {}
    for spelling, _count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        best.setdefault(name_key(spelling), spelling)
    return best


def _positions_by_key(mentions: Sequence[EntityMention]) -> dict[str, list[int]]:
    """Indices of the mentions of each name key, in order."""
    positions: dict[str, list[int]] = {}
    for index, mention in enumerate(mentions):
        positions.setdefault(name_key(mention.text), []).append(index)
    return positions


def _nearest(positions: dict[str, list[int]], index: int, candidates: list[str]) -> str:
    """Pick the candidate mentioned last before ``index``, else the first one after it."""
    before: tuple[int, str] | None = None
    after: tuple[int, str] | None = None
    for candidate in candidates:
        found = positions.get(name_key(candidate), [])
        cut = bisect.bisect_left(found, index)
        if cut > 0 and (before is None or found[cut - 1] > before[0]):
            before = (found[cut - 1], candidate)
        later = cut + 1 if cut < len(found) and found[cut] == index else cut
        if later < len(found) and (after is None or found[later] < after[0]):
            after = (found[later], candidate)
    if before is not None:
        return before[1]
    if after is not None:
        return after[1]
    return sorted(candidates)[0]


def _acronym_expansions(mentions: Sequence[EntityMention],
                        spellings: dict[str, str]) -> dict[tuple[str, str], set[str]]:
    """The names of each (label group, initials) pair among the document's mentions."""
    table: dict[tuple[str, str], set[str]] = {}
    for text, label in {(m.text, m.label) for m in mentions}:
        group = ACRONYM_GROUPS.get(label)
        if group is None:
            continue
        for letters in acronyms_of(text):
            table.setdefault((group, letters), set()).add(spellings[name_key(text)])
    return table


def _expand_acronym(name: str, label: str,
                    expansions: dict[tuple[str, str], set[str]]) -> str | None:
    letters = as_acronym(name)
    group = ACRONYM_GROUPS.get(label)
    if letters is None or group is None:
        return None
    found = expansions.get((group, letters), set())
    return next(iter(found)) if len(found) == 1 else None
