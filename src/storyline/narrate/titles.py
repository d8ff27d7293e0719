"""Titles of events and storylines.

An event is titled by the cleaned headline of its most central original article
(another article's headline when that one has none), else by a short clause of that
article's lead. A storyline is titled by what runs through its events: the entity
most of them lead with and the topic phrase most of them share, weighed against how
common each word is in English at large ("Haiti earthquake"), or "A–B relations"
when two countries lead together and the events are about their dealings.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from storyline.model import Article, Sentence
from storyline.narrate.centrality import SentenceSpace
from storyline.narrate.headlines import (
    HEADLINE_MIN_WORDS,
    clean_headline,
    detokenise,
    lead_clause,
    remove_stamps,
    strip_lead,
)
from storyline.narrate.summary import PreferenceKey, trim_title

LEAD_SENTENCES = 2  # where news names its subject: the headline and the opening sentences
# A street or a building is where a story happens; among the names that run through a
# storyline, a country, city, organisation or person names it. (NORP, "Japanese", counts
# for its country when the storyline names that country too.)
SETTING_LABELS = frozenset({"LOC", "FAC"})
DOMINANT_SHARE = 0.5  # an entity or phrase running through at least half of the events
TOPIC_SHARE = 0.3  # a topic phrase shared by fewer events does not run through them
BIGRAM_KEEP = 0.6  # a two-word phrase replaces its word when it holds this share of its uses
COMMON_ZIPF = 7.0  # wordfreq's Zipf scale: ~7 is "the"; a word's weight is how far below
RARE_ZIPF = 2.0  # (a typo or a drug name: rare, but not rarer than this)
# Nouns for the dealings between two parties: with two countries leading most events
# these make the storyline "A–B relations" rather than one country's story.
RELATION_WORDS = frozenset({
    "relations", "relationship", "relationships", "ties", "bilateral", "summit", "summits",
    "talks", "diplomatic", "diplomacy", "rapprochement", "alliance", "reconciliation", "rift"})
_STOP = ENGLISH_STOP_WORDS | {"said", "says", "say", "told", "tells", "according", "mr", "mrs",
                              "ms", "dr", "just", "like", "new", "year", "years", "day",
                              "days", "week", "weeks", "time", "today", "yesterday",
                              "monday", "tuesday", "wednesday", "thursday", "friday",
                              "saturday", "sunday", "gmt", "bst", "utc"}
_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]")


def _article_document(article: Article) -> str:
    return " ".join(filter(None, [article.title or "", article.text]))


def ranked_articles(articles: Sequence[Article], preference: PreferenceKey) -> list[Article]:
    """Originals before copies, each class most central to the event first."""
    best = min((preference(article.id)[0] for article in articles), default=0)
    if sum(1 for article in articles if preference(article.id)[0] == best) <= 1:
        # One original: it leads; centrality would only reorder the copies behind it.
        return sorted(articles, key=lambda a: preference(a.id))
    space = SentenceSpace([_article_document(article) for article in articles])
    scores = space.centrality(list(range(len(articles))))
    central = {article.id: float(score) for article, score in zip(articles, scores, strict=True)}
    return sorted(articles, key=lambda a: (preference(a.id)[0], -central[a.id], preference(a.id)))


def headline(article: Article) -> str | None:
    """The article's headline, cleaned, or ``None`` when it has no usable one."""
    if not article.title:
        return None
    return clean_headline(detokenise(article.title),
                          (article.source, article.wire, article.byline))


def _lead_sentences(article: Article) -> list[Sentence]:
    sentences = article.sentences or (
        [Sentence(0, len(article.text), article.text)] if article.text.strip() else [])
    return sentences[:LEAD_SENTENCES]


def event_title(articles: Sequence[Article], preference: PreferenceKey) -> str | None:
    """Title an event by its most representative headline, else a clause of its lead.

    Args:
        articles: The event's articles.
        preference: Sort key per article id; originals sort first.

    Returns:
        The title, or ``None`` for an event with no text at all.
    """
    ranked = ranked_articles(articles, preference)
    for article in ranked:
        found = headline(article)
        if found:
            return trim_title(found)
    for article in ranked:
        for sentence in _lead_sentences(article):
            text = detokenise(sentence.text)
            # Mentions are placed by offsets: they only fit the text as stored.
            mentions = article.entities if text == sentence.text else []
            clause = lead_clause(Sentence(sentence.start, sentence.end, text,
                                          sentence.paragraph), mentions)
            # An all-capitals line is a label or a transcript's speaker, not news.
            if len(clause.split()) >= HEADLINE_MIN_WORDS and any(c.islower() for c in clause):
                return trim_title(clause)
    for article in ranked:
        if article.text.strip():
            return trim_title(article.text)
    return None


@lru_cache(maxsize=65536)
def _weight(word: str) -> float:
    """How telling a word is: rare words in English at large weigh more."""
    from wordfreq import zipf_frequency  # loads its word list on first use

    # The small list (words down to Zipf 3) loads in a hundredth of the large one's time;
    # a word it lacks is rare, and weighs as one at RARE_ZIPF.
    return max(0.5, COMMON_ZIPF - max(RARE_ZIPF, zipf_frequency(word, "en", wordlist="small")))


def _lead_text(article: Article) -> str:
    parts = [headline(article) or ""]
    parts += [remove_stamps(strip_lead(detokenise(sentence.text)))
              for sentence in _lead_sentences(article)]
    return " . ".join(part for part in parts if part)


def _names(articles: Sequence[Article]) -> dict[tuple[str, ...], str]:
    """Spelling (as tokens) → the name shared across documents.

    Countries absorb their adjectives: "Japanese" counts for Japan.
    """
    spellings: dict[tuple[str, ...], str] = {}
    places = {(m.canonical or m.text).strip() for a in articles for m in a.entities
              if m.label == "GPE"}
    countries: dict[str, str | None] = {}
    seen: set[tuple[str, str]] = set()
    for article in articles:
        for mention in article.entities:
            name = (mention.canonical or mention.text).strip()
            if mention.label == "NORP":
                # "Japanese" names Japan, "Haitian" Haiti; a group with no country stays out.
                if name not in countries:
                    found = [p for p in places if len(p) >= 4 and name.startswith(p)]
                    countries[name] = max(found, key=len) if found else None
                country = countries[name]
                if country is None:
                    continue
                name = country
            for spelling in (mention.text.strip(), name):
                if (spelling, name) in seen:
                    continue
                seen.add((spelling, name))
                key = _name_key(spelling)
                if len(spelling) >= 2 and 0 < len(key) <= MAX_NAME_TOKENS:
                    spellings.setdefault(key, name)
    return spellings


_NAME_TOKEN = re.compile(r"\w+(?:[.'’-]\w+)*\.?|\S")
MAX_NAME_TOKENS = 6


def _name_key(text: str) -> tuple[str, ...]:
    return tuple(_NAME_TOKEN.findall(text))


def _present(text: str, spellings: dict[tuple[str, ...], str]) -> set[str]:
    """Names with a spelling in ``text``: whole tokens, longest first, never overlapping.

    "South Korea" is one name, not also "Korea".
    """
    tokens = _name_key(text)
    found: set[str] = set()
    start = 0
    while start < len(tokens):
        step = 1
        for end in range(min(len(tokens), start + MAX_NAME_TOKENS), start, -1):
            name = spellings.get(tokens[start:end])
            if name is not None:
                found.add(name)
                step = end - start
                break
        start += step
    return found


def _phrases(text: str, name_words: set[str], common: set[str] | None = None) -> set[str]:
    """Content words and two-word runs of them ("oil spill"), lower case.

    ``common`` holds the words seen in lower case somewhere: a word only ever written
    with a capital is a name (of a person, a place, a programme), not a topic.
    """
    phrases: set[str] = set()
    previous: str | None = None
    for match in _TOKEN.finditer(text):
        word = match.group().lower().replace("’", "'")
        gap = text[match.start() - 1] if match.start() else " "
        content = (word not in _STOP and word not in name_words and len(word) >= 3
                   and (common is None or word in common)
                   and not word.endswith(("ed", "ly", "'s")))
        if not content:
            previous = None
            continue
        phrases.add(word)
        if previous is not None and gap == " ":
            phrases.add(f"{previous} {word}")
        previous = word
    return phrases


def _topic(units: Sequence[str], name_words: set[str]) -> tuple[str | None, int]:
    common = {match.group().replace("’", "'") for text in units for match in _TOKEN.finditer(text)
              if match.group().islower()}
    # A word of a name that is also written in lower case ("Haiti Earthquake Appeal",
    # "the earthquake") is a topic word too.
    name_words = name_words - common
    counts: Counter[str] = Counter()
    for text in units:
        counts.update(_phrases(text, name_words, common))
    words = [(phrase, count) for phrase, count in counts.items() if " " not in phrase]
    if not words:
        return None, 0
    best, count = max(words, key=lambda item: (item[1] * _weight(item[0]), item[0]))
    pairs = [(phrase, n) for phrase, n in counts.items()
             if best in phrase.split() and " " in phrase and n >= BIGRAM_KEEP * count]
    if pairs:
        return max(pairs, key=lambda item: (item[1], item[0]))[0], count
    return best, count


def storyline_title(
    events: Sequence[tuple[str | None, Sequence[Article]]],
) -> str | None:
    """Name a storyline by the entity and topic phrase running through its events.

    Args:
        events: For each event of the storyline, its title and its articles.

    Returns:
        A short noun phrase ("Haiti earthquake", "Japan–South Korea relations"); the
        biggest event's title when nothing runs through the events; ``None`` when
        nothing at all is known.
    """
    titled = [(title, len(articles)) for title, articles in events if title]
    biggest = max(titled, key=lambda item: item[1])[0] if titled else None
    articles = [article for _, group in events for article in group]
    if not articles:
        return biggest
    spellings = _names(articles)
    # Counted per event (per article in a one-event storyline), so that one big event
    # cannot name the whole storyline.
    groups = [list(group) for _, group in events if group]
    if len(groups) == 1:
        groups = [[article] for article in groups[0]]
    if len(groups) < 2:
        return biggest  # one article: nothing can be seen to run through anything
    units = [" . ".join(filter(None, [_lead_text(article) for article in group]))
             for group in groups]
    needed = max(2, DOMINANT_SHARE * len(units))
    present = [_present(text, spellings) for text in units]
    entities: Counter[str] = Counter(name for found in present for name in found)
    mentions: Counter[str] = Counter(
        (m.canonical or m.text).strip() for a in articles for m in a.entities)
    # Ties go to the name in more headlines: that is where news puts its subject.
    headlined: Counter[str] = Counter(
        name for group in groups
        for name in _present(" . ".join(filter(None, map(headline, group))), spellings))
    labels = _labels(articles)
    ranked = sorted(entities, key=lambda name: (labels.get(name) in SETTING_LABELS,
                                                -entities[name], -headlined[name],
                                                -mentions[name], name))
    leading = [name for name in ranked if entities[name] >= needed]
    # Words of names ("South", "Korea") are not topics; "earthquake" in a name such as
    # "the Haiti earthquake" still is.
    name_words = {word.lower() for key in spellings for word in key if word[:1].isupper()}
    topic, topic_count = _topic(units, name_words)
    if topic_count < max(2, TOPIC_SHARE * len(units)):
        topic = None
    countries = _countries(articles)
    pair = [name for name in leading if name in countries][:2]
    if len(pair) == 2:
        together = sum(1 for found in present if set(pair) <= found)
        relational = sum(1 for text in units if _phrases(text, name_words) & RELATION_WORDS)
        if together >= needed and relational >= needed:
            return trim_title(f"{pair[0]}–{pair[1]} relations")
    if topic:
        # With a topic running through, a name needs only as wide a reach as the topic:
        # the leading name of a long story is in many events, rarely in half of them.
        named = leading or [name for name in ranked
                            if entities[name] >= max(2, TOPIC_SHARE * len(units))]
        if named:
            return trim_title(f"{named[0]} {topic}")
    if topic and " " in topic:
        # A two-word topic names a story on its own ("swine flu"); one word or one name
        # alone ("Earthquake", "Haiti") says less than the biggest event's headline.
        return trim_title(topic[:1].upper() + topic[1:])
    return biggest


def _countries(articles: Sequence[Article]) -> set[str]:
    return {(m.canonical or m.text).strip() for a in articles for m in a.entities
            if m.label == "GPE"}


def _labels(articles: Sequence[Article]) -> dict[str, str]:
    """Name → its most frequent entity label."""
    counts: Counter[tuple[str, str]] = Counter(
        ((m.canonical or m.text).strip(), m.label) for a in articles for m in a.entities)
    labels: dict[str, str] = {}
    for (name, label), _ in counts.most_common():
        labels.setdefault(name, label)
    return labels
