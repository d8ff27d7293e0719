"""Headlines and lead clauses cleaned for use as titles.

A scraped headline carries the page around it: a timestamp, breadcrumbs, a section
label, a wire's "UPDATE 2-", a byline, the site's name after a bar or a dash. A
lead sentence starts with a dateline or a timestamp and runs on for forty words.
These functions keep what names the news and nothing else; all rules are about the
shapes pages give text, never about particular sites or names.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from storyline.model import EntityMention, Sentence

HEADLINE_MIN_WORDS = 3  # fewer is a label ("World news", "Live"), not a headline
HEADLINE_MAX_WORDS = 20  # more is a lede the page put in the title slot
CLAUSE_MAX_WORDS = 12
CLAUSE_MIN_WORDS = 4  # a clause cut shorter than this says too little: cut later
SITE_MAX_WORDS = 4  # a trailing " - Name" longer than this is part of the headline

_MONTHS = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|"
           r"Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_WEEKDAY = r"(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?"
_DATE = (rf"(?:{_WEEKDAY},?\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTHS},?\s+\d{{4}}"
         rf"|{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}"
         rf"|\d{{1,2}}/\d{{1,2}}/\d{{2,4}})")
# A bare weekday is prose ("on Tuesday"), a stamp only with a date or a time after it.
_TIME = (rf"(?:{_WEEKDAY},?\s+)?\d{{1,2}}[.:]\d{{2}}(?::\d{{2}})?\s*(?:[ap]\.?m\.?)?"
         r"(?:\s*(?:GMT|UTC|BST|CET|CEST|[ECMP][SD]?T|Z))?")
_STAMP_LABEL = r"(?:(?:last\s+)?updated|published|posted|first\s+published)(?:\s+(?:on|at))?:?"
# One or more of: a label, a date, a time, joined by spaces, commas, dashes or "at".
_STAMP = (rf"(?:{_STAMP_LABEL}\s*)?(?:(?:{_DATE}|{_TIME})(?:\s*(?:,|-|–|—|\bat\b)?\s*)?)+")
_LEADING_STAMP = re.compile(rf"^\s*{_STAMP}(?=\s|$)[\s|:,-]*", re.IGNORECASE)
_TRAILING_STAMP = re.compile(rf"[\s|,(-]+{_STAMP}\)?\s*$", re.IGNORECASE)
# A page timestamp inside a sentence: a full date and a time (a bare weekday is prose).
_INNER_STAMP = re.compile(
    rf"\s(?:{_WEEKDAY},?\s+)?(?:\d{{1,2}}\s+{_MONTHS},?\s+\d{{4}}|{_MONTHS}\s+\d{{1,2}},?\s+\d{{4}})"
    rf"[\s,-]+{_TIME}\s")
# Text tokenised the Penn Treebank way ("Haiti 's", "-LRB-", "`` quoted ''"): rejoined.
_PTB = (("-LRB-", "("), ("-RRB-", ")"), ("-LSB-", "["), ("-RSB-", "]"), ("``", "“"), ("''", "”"))
_SPACE_BEFORE = re.compile(r"\s+(?=[,.;:!?%)\]”]|'s\b|'re\b|'ve\b|'ll\b|'d\b|'m\b|n't\b)")
_SPACE_AFTER = re.compile(r"(?<=[(\[“$])\s+")
# Labels pages and wires put before a headline ("UPDATE 2-", "EXCLUSIVE:", "Analysis |"):
# the kinds of item and alerts, not topics, so "Iraq: ..." or "BP: ..." keep their subject.
_LABEL_WORDS = (
    r"update[ds]?|exclusive|breaking(?:\s+news)?|analysis|opinion|comment(?:ary)?|"
    r"live(?:\s+updates?)?|watch|video|audio|explainer|review|interview|editorial|factbox|"
    r"timeline|podcast|photos?|gallery|letters?|obituary|corrected|correction|refile|"
    r"wrapup|urgent|flash|alert|feature|profile|special\s+report|in\s+pictures|fact\s*check")
_KICKER = re.compile(rf"^\s*(?:{_LABEL_WORDS})(?:\s*\d+)?\s*(?:[:|]|-|–|—)\s*", re.IGNORECASE)
_BYLINE = re.compile(r"^\s*by\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s*$", re.IGNORECASE)
_BREADCRUMB = re.compile(r"\s+[»›>]\s+")
_BAR = re.compile(r"\s+[|｜]\s+")
_DASH = re.compile(r"\s+[-–—]\s+")
_DOMAIN = re.compile(r"\b[\w-]+\.(?:com|co\.\w\w|org|net|news|\w\w)\b", re.IGNORECASE)
# "SEOUL, May 7 (Bloomberg):", "WASHINGTON (Reuters) -", "(AP) —", "LONDON —".
_DATELINE = re.compile(
    rf"^\s*(?:[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+)*(?:,\s*[A-Z][\w.]*)*"
    rf"(?:,?\s+{_MONTHS}\s+\d{{1,2}})?\s*(?:\([^)]{{1,40}}\))?"
    rf"|\([^)]{{1,40}}\))\s*[:—–-]+\s*")
# "By Jane Doe, CNN", "From John Roe and Ann Poe, Special to AP" before a lead.
_NAME = r"[A-Z][\w.'’-]+\s+[A-Z][\w'’-]+"
_LEADING_BYLINE = re.compile(
    rf"^\s*(?:By|From)\s+{_NAME}(?:\s+(?:and|&)\s+{_NAME})*"
    r"(?:\s*,\s*(?:Special\s+to\s+)?(?:[A-Z]{2,}|The\s+[A-Z]\w+)(?:\s+[A-Z]{2,})*)?"
    r"(?=\s|$)[\s,:|-]*")
_WORD = re.compile(r"\S+")
# Where a lead sentence is cut when its first clause is too long: before a word that
# opens a subordinate clause, else before a preposition (the words before stay a phrase).
_CLAUSE_OPENERS = frozenset({
    "as", "after", "although", "amid", "because", "before", "but", "despite", "following",
    "since", "though", "until", "unless", "when", "where", "whereas", "which", "while", "who",
    "whom", "whose"})
_PREPOSITIONS = frozenset({
    "about", "above", "across", "against", "along", "among", "around", "at", "behind", "below",
    "beside", "between", "beyond", "by", "during", "for", "from", "in", "inside", "into",
    "near", "of", "off", "on", "onto", "outside", "over", "through", "throughout", "toward",
    "towards", "under", "upon", "with", "within", "without"})
_CLAUSE_PUNCTUATION = re.compile(r"\s*(?:[;:](?=\s)|\s[-–—|]\s|,\s)")
# A headline run into its lede with no stop between them ("… to Haiti earthquake zone On
# the ground …"): a word that opens sentences, capitalised after a word that ends none.
_RUN_ON = re.compile(r"(?<=[\w”’)])\s+(?=(?:The|A|An|It|Its|This|These|He|She|They|We|"
                     r"There|On|In|At|Up)\s)")
# People's titles stand before their names ("Prime Minister", "President", "Mr").
_TITLE_WORD = re.compile(r"^[A-Z][\w.'’-]*$")


def detokenise(text: str) -> str:
    """Rejoin text tokenised Treebank-style ("Haiti 's quake ." → "Haiti's quake.")."""
    for token, char in _PTB:
        text = text.replace(token, char)
    text = _SPACE_BEFORE.sub("", text)
    text = _SPACE_AFTER.sub("", text)
    text = re.sub(r"\s'(?=\s|$)", "’", text)
    return re.sub(r"(?<!\w)`\s*", "‘", text)


def _words(text: str) -> int:
    return len(text.split())


def _strip_stamps(text: str) -> str:
    previous = None
    while previous != text:
        previous = text
        text = _LEADING_STAMP.sub("", text)
        text = _TRAILING_STAMP.sub("", text)
    return text.strip()


def _is_site(segment: str, names: Sequence[str]) -> bool:
    """Whether a headline's trailing segment is a site, section or byline, not news."""
    text = segment.strip()
    folded = text.casefold()
    if not text:
        return True
    if any(name and (folded == name.casefold() or name.casefold() in folded) for name in names):
        return True
    if _DOMAIN.search(text) or _BYLINE.match(text):
        return True
    words = text.split()
    # A site or section name: a few words, each capitalised or a joining word.
    return len(words) <= SITE_MAX_WORDS and all(
        word[:1].isupper() or word[:1].isdigit() or word.casefold() in {"the", "of", "and", "&"}
        for word in words) and not text.endswith(("?", "!"))


def clean_headline(text: str | None, names: Iterable[str | None] = ()) -> str | None:
    """Return the news part of a scraped headline, or ``None`` when none is left.

    Args:
        text: The headline as stored.
        names: Names of the page's outlet, wire or byline; a segment naming them is dropped.

    Returns:
        The headline without timestamps, breadcrumbs, kickers, bylines and site names,
        or ``None`` when what is left is too short or too long to be a headline.
    """
    if not text:
        return None
    known = [" ".join(name.split()) for name in names if name and name.strip()]
    text = " ".join(text.split())
    # Breadcrumbs ("Home » Blog » Headline"): the headline is the last crumb.
    text = _BREADCRUMB.split(text)[-1]
    text = _strip_stamps(text)
    # "Headline | Section | Site": the headline is the longest part.
    parts = [part for part in _BAR.split(text) if part.strip()]
    if len(parts) > 1:
        kept = [part for part in parts if not _is_site(part, known)] or parts
        text = max(kept, key=len)
    # "Headline - Site": drop trailing dashed segments that name a site or a byline.
    parts = _DASH.split(text)
    while len(parts) > 1 and _is_site(parts[-1], known):
        parts.pop()
    while len(parts) > 1 and _BYLINE.match(parts[0]):
        parts.pop(0)
    text = " - ".join(parts)
    previous = None
    while previous != text:
        previous = text
        text = _strip_stamps(text)
        kicker = _KICKER.match(text)
        if kicker and _words(text[kicker.end():]) >= HEADLINE_MIN_WORDS:
            text = text[kicker.end():]
    for name in known:
        if text.casefold().endswith(name.casefold()) and _words(text) > _words(name):
            text = text[: len(text) - len(name)].rstrip(" -–—|:,")
    text = text.strip(" -–—|:,;")
    if _BYLINE.match(text) or not HEADLINE_MIN_WORDS <= _words(text) <= HEADLINE_MAX_WORDS:
        return None
    return text


def remove_stamps(text: str) -> str:
    """Replace page timestamps inside ``text`` by a full stop (they are not prose)."""
    return _INNER_STAMP.sub(" . ", f" {text} ").strip()


def find_stamp(text: str) -> int | None:
    """Where the text after a page timestamp inside ``text`` starts, if it has one."""
    match = _INNER_STAMP.search(f" {text}")
    return None if match is None else max(0, match.end() - 1)


def strip_lead(text: str) -> str:
    """Remove a timestamp or dateline the page put before a lead sentence."""
    text = " ".join(text.split())
    previous = None
    while previous != text:
        previous = text
        text = _strip_stamps(text)
        text = _LEADING_BYLINE.sub("", text).lstrip(" |:;,.-–—")
        match = _DATELINE.match(text)
        # A dateline is short and followed by the sentence proper.
        if match and _words(text[match.end():]) >= CLAUSE_MIN_WORDS:
            text = text[match.end():]
    return text


def _drop_titles(text: str, start: int, sentence: Sentence,
                 mentions: Sequence[EntityMention]) -> str:
    """Drop the capitalised titles standing before people's names ("Prime Minister X").

    A title is a run of capitalised words ending right before the name, its last word
    no entity's ("US President" goes; in "rubble in Haiti Erik Parker" nothing does).
    """
    named = [(m.start - sentence.start - start, m.end - sentence.start - start, m.label)
             for m in mentions if sentence.start <= m.start < sentence.end]
    cuts: list[tuple[int, int]] = []
    for at, _, label in named:
        if label != "PERSON" or at <= 0 or at > len(text):
            continue
        begin = at
        words = 0
        while words < 4:
            previous = text[:begin].rstrip()
            word_start = previous.rfind(" ") + 1
            word = previous[word_start:]
            inside = [lab for first, last, lab in named if first <= word_start < last]
            if not word or not _TITLE_WORD.match(word) or (words == 0 and inside) \
                    or (inside and inside[0] not in {"NORP", "GPE"}):
                break
            begin = word_start
            words += 1
        if words:
            cuts.append((begin, at))
    for begin, end in sorted(cuts, reverse=True):
        text = (text[:begin].rstrip() + " " + text[end:].lstrip()).strip()
    return text


def lead_clause(sentence: Sentence, mentions: Sequence[EntityMention] = (),
                max_words: int = CLAUSE_MAX_WORDS) -> str:
    """A short clause from a lead sentence: no dateline, cut where a clause ends.

    Args:
        sentence: The sentence (its offsets place ``mentions`` in it).
        mentions: The article's entity mentions; people's titles before their names
            are dropped when the clause is too long.
        max_words: Longest clause wanted.

    Returns:
        At most ``max_words`` words (an ellipsis marks a cut inside a phrase).
    """
    raw = " ".join(sentence.text.split())
    text = strip_lead(raw)
    inner = _INNER_STAMP.search(text)
    if inner:
        # Headline or standfirst, timestamp, lede run together: the part before the
        # stamp names the story when it is long enough.
        before, after = text[: inner.start()], text[inner.end():]
        text = before if _words(before) >= HEADLINE_MIN_WORDS else after
    for run_on in _RUN_ON.finditer(text):
        before, after = text[: run_on.start()], text[run_on.end():]
        if _words(before) >= HEADLINE_MIN_WORDS and _words(after) >= CLAUSE_MIN_WORDS:
            text = before
            break
    prefix = raw.find(text)  # where the kept text starts in the sentence
    # The clause ends at the first clause punctuation that leaves enough words before it.
    for match in _CLAUSE_PUNCTUATION.finditer(text):
        if _words(text[: match.start()]) >= CLAUSE_MIN_WORDS:
            text = text[: match.start()]
            break
    if _words(text) > max_words and mentions and raw == sentence.text and prefix >= 0:
        text = _drop_titles(text, prefix, sentence, mentions)
    text = text.rstrip(" .,;:!?-–—\"'”’")
    words = text.split()
    if len(words) <= max_words:
        return text
    for stops in (_CLAUSE_OPENERS, _PREPOSITIONS):
        cut = [i for i in range(CLAUSE_MIN_WORDS, max_words + 1)
               if words[i].casefold().strip("\"'“‘(") in stops]
        if cut:
            return " ".join(words[: cut[-1]]).rstrip(" ,;:-–—")
    return " ".join(words[:max_words]).rstrip(" ,;:-–—") + "…"
