"""Passages: runs of near-identical sentences that two articles share.

Candidates come from an index of the new articles' sentence shingles, scanned once
against every stored sentence, so no article pair is compared sentence by sentence
unless the two share a rare word sequence. Sentence pairs are then scored with
rapidfuzz, matched one to one, and consecutive matches are merged into passages.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from storyline.provenance.shingles import words
from storyline.store.provenance import Passage, SentenceRow

SENTENCE_SHINGLE_WORDS = 4  # short enough to survive one edit in a 40-character sentence
MIN_SHARED_SHARE = 0.3  # of the smaller sentence's shingles, for a pair to be scored
SENTENCES_PER_ARTICLE = 4  # times a stock-phrase cap allows one shingle per article, on average


@dataclass(frozen=True)
class SentenceMatch:
    """Two sentences judged the same, with the matching spans (article offsets)."""

    a_idx: int
    b_idx: int
    a_start: int
    a_end: int
    b_start: int
    b_end: int
    score: float


def sentence_shingles(text: str) -> set[str]:
    """Word shingles of one sentence (a sentence shorter than that gives none)."""
    tokens = words(text)
    size = SENTENCE_SHINGLE_WORDS
    return {" ".join(tokens[i : i + size]) for i in range(len(tokens) - size + 1)}


def query_shingles(text: str) -> set[str]:
    """Shingles enough to find every stored sentence near-identical to this one.

    Windows side by side (not overlapping) and the last one: a word edit breaks at most
    the window holding it, so a sentence shares one with any other that differs by fewer
    edits than it has windows — every pair ``passage_similarity`` can accept. A fourth of
    the look-ups of all shingles (the stored side is shingled fully once found).
    """
    tokens = words(text)
    size = SENTENCE_SHINGLE_WORDS
    if len(tokens) < size:
        return set()
    starts = [*range(0, len(tokens) - size + 1, size), len(tokens) - size]
    return {" ".join(tokens[i : i + size]) for i in starts}


def candidate_sentence_pairs(
    new_sentences: Iterable[SentenceRow],
    stored_sentences: Iterable[SentenceRow],
    max_articles: int,
) -> dict[tuple[str, str], set[tuple[int, int]]]:
    """Find sentence pairs worth scoring between new articles and all stored ones.

    Args:
        new_sentences: Sentences of the articles this run added.
        stored_sentences: Every stored sentence (new ones included), scanned once.
        max_articles: Shingles found in more articles than this are boilerplate or
            stock phrases and are not used to propose candidates.

    Returns:
        (article a, article b) with a < b → set of (sentence idx in a, idx in b).
    """
    index: dict[str, list[tuple[str, int]]] = defaultdict(list)
    new_sizes: dict[tuple[str, int], int] = {}
    for row in new_sentences:
        own = sentence_shingles(row.text)
        new_sizes[(row.article_id, row.idx)] = len(own)
        for shingle in own:
            index[shingle].append((row.article_id, row.idx))
    seen_in: dict[str, set[str]] = defaultdict(set)
    found: list[tuple[SentenceRow, int, list[str]]] = []
    for row in stored_sentences:
        own = sentence_shingles(row.text)
        matching = [shingle for shingle in own if shingle in index]
        if not matching:
            continue
        for shingle in matching:
            seen_in[shingle].add(row.article_id)
        found.append((row, len(own), matching))
    pairs: dict[tuple[str, str], set[tuple[int, int]]] = defaultdict(set)
    for row, size, matching in found:
        shared: Counter[tuple[str, int]] = Counter()
        for shingle in matching:
            # A shingle in many articles, or in many sentences (one article repeating itself,
            # as a hostile or broken page may), is a stock phrase: following it would cost the
            # product of its sentence counts.
            if len(seen_in[shingle]) <= max_articles \
                    and len(index[shingle]) <= max_articles * SENTENCES_PER_ARTICLE:
                shared.update(key for key in index[shingle] if key[0] != row.article_id)
        for (new_id, new_idx), count in shared.items():
            # Near-identical sentences share most of their shingles; stock phrases do not.
            if count < MIN_SHARED_SHARE * min(size, new_sizes[(new_id, new_idx)]):
                continue
            if new_id < row.article_id:
                pairs[(new_id, row.article_id)].add((new_idx, row.idx))
            else:
                pairs[(row.article_id, new_id)].add((row.idx, new_idx))
    return pairs


def match_sentences(
    a: SentenceRow, b: SentenceRow, threshold: float, min_chars: int
) -> SentenceMatch | None:
    """Score two sentences; also accept one contained, near-identically, in the other.

    Args:
        a: Sentence of the first article.
        b: Sentence of the second article.
        threshold: Minimum rapidfuzz similarity, 0–1.
        min_chars: A partial (contained) match must cover at least this much text.

    Returns:
        The match with its spans, or ``None``.
    """
    score = fuzz.ratio(a.text, b.text) / 100
    if score >= threshold:
        return SentenceMatch(a.idx, b.idx, a.start, a.end, b.start, b.end, score)
    a_shorter = len(a.text) <= len(b.text)
    short, long = (a, b) if a_shorter else (b, a)
    found = fuzz.partial_ratio_alignment(short.text, long.text)
    if found is None or found.score / 100 < threshold:
        return None
    if found.src_end - found.src_start < min_chars:
        return None
    short_span = (short.start + found.src_start, short.start + found.src_end)
    long_span = (long.start + found.dest_start, long.start + found.dest_end)
    a_span, b_span = (short_span, long_span) if a_shorter else (long_span, short_span)
    return SentenceMatch(a.idx, b.idx, *a_span, *b_span, found.score / 100)


def match_article_pair(
    a_sentences: Mapping[int, SentenceRow],
    b_sentences: Mapping[int, SentenceRow],
    candidates: Iterable[tuple[int, int]],
    threshold: float,
    min_chars: int,
) -> list[SentenceMatch]:
    """Score candidate sentence pairs and keep the best one-to-one matches."""
    scored = []
    for a_idx, b_idx in candidates:
        if a_idx not in a_sentences or b_idx not in b_sentences:
            continue
        match = match_sentences(a_sentences[a_idx], b_sentences[b_idx], threshold, min_chars)
        if match is not None:
            scored.append(match)
    scored.sort(key=lambda m: (-m.score, abs(m.a_idx - m.b_idx), m.a_idx, m.b_idx))
    used_a: set[int] = set()
    used_b: set[int] = set()
    kept = []
    for match in scored:
        if match.a_idx in used_a or match.b_idx in used_b:
            continue
        used_a.add(match.a_idx)
        used_b.add(match.b_idx)
        kept.append(match)
    return sorted(kept, key=lambda m: m.a_idx)


def merge_matches(
    a: str,
    b: str,
    matches: Sequence[SentenceMatch],
    a_text: str,
    b_text: str,
    min_chars: int,
) -> list[Passage]:
    """Merge matches of consecutive sentences into passages of at least ``min_chars``."""
    runs: list[list[SentenceMatch]] = []
    for match in matches:
        last = runs[-1][-1] if runs else None
        if last and match.a_idx == last.a_idx + 1 and match.b_idx == last.b_idx + 1:
            runs[-1].append(match)
        else:
            runs.append([match])
    passages = []
    for run in runs:
        a_start, a_end = run[0].a_start, run[-1].a_end
        b_start, b_end = run[0].b_start, run[-1].b_end
        if min(a_end - a_start, b_end - b_start) < min_chars:
            continue
        weight = sum(m.a_end - m.a_start for m in run) or 1
        similarity = sum(m.score * (m.a_end - m.a_start) for m in run) / weight
        passages.append(
            Passage(a, b, a_start, a_end, b_start, b_end,
                    a_text[a_start:a_end], b_text[b_start:b_end], round(similarity, 4))
        )
    return passages
