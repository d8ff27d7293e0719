"""What the speaker search remembers while it goes through one article's quotes."""

from __future__ import annotations

from dataclasses import dataclass, field

from storyline.language.quotes import QuoteSpan
from storyline.language.speaker_index import ArticleIndex
from storyline.model import EntityMention

MAX_SENTENCE_DISTANCE = 3
PRONOUN_LOOKBACK_SENTENCES = 5


@dataclass
class ResolverState:
    """The article's index and the quotes attributed so far, for pronouns and later quotes."""

    index: ArticleIndex
    attributed: list[tuple[int, int, EntityMention]] = field(
        default_factory=list)  # (sentence, end, speaker)
    # Lookups by position and by sentence, so a long article stays linear in its quotes.
    attributed_ends: list[int] = field(default_factory=list)
    by_sentence: dict[int, EntityMention] = field(default_factory=dict)
    turns: list[tuple[QuoteSpan, EntityMention | None, bool]] = field(default_factory=list)
    genders: dict[str, str | None] = field(default_factory=dict)
    owners: dict[int, EntityMention | None] = field(default_factory=dict)  # documents, by offset

    def record(self, span: QuoteSpan, speaker: EntityMention | None, said: bool) -> None:
        """Remember a quote's speaker; ``said``: whether the speaker is known (or known unnamed)."""
        self.turns.append((span, speaker, said))
        if speaker is not None:
            sentence = self.index.sentence_of(span.end)
            self.attributed.append((sentence, span.end, speaker))
            self.attributed_ends.append(span.end)  # quotes come in text order
            self.by_sentence[sentence] = speaker

    def record_sentence(self, span: QuoteSpan, speaker: EntityMention | None) -> None:
        """Remember a speaker read from earlier sentences for the quote's (not for pronouns)."""
        if speaker is not None:
            for sentence in self.quote_sentences(span):
                self.by_sentence.setdefault(sentence, speaker)

    def quote_sentences(self, span: QuoteSpan) -> range:
        """The indexes of the sentences the quote (with its marks) spans."""
        first = self.index.sentence_of(span.outer_start)
        last = self.index.sentence_of(max(span.outer_start, span.outer_end - 1))
        return range(first, last + 1)
