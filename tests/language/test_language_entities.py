"""Entity mentions and canonical names, within a document and across a corpus."""

from __future__ import annotations

from storyline.config import default_config
from storyline.language.entities import canonicalize_across
from storyline.language.names import canonicalize_document, speaker_id
from storyline.language.step import LanguageStep
from storyline.model import Article, EntityMention, Paragraph, Quote


def annotate(text: str) -> Article:
    article = Article(id="t", text=text, paragraphs=[Paragraph(0, len(text))])
    [result] = list(LanguageStep(default_config()).run([article]))
    assert isinstance(result, Article)
    return result


def canonical_of(article: Article) -> dict[str, str]:
    return {m.text: m.canonical for m in article.entities if m.label == "PERSON"}


def test_titles_and_possessives_are_stripped_and_short_names_expanded() -> None:
    article = annotate(
        "Prime Minister Maria Lopez met U.S. President John Carter in Madrid on Sunday. "
        "Lopez’s aides said Carter’s team had asked for the talks."
    )
    assert canonical_of(article) == {"Maria Lopez": "Maria Lopez", "Lopez": "Maria Lopez",
                                     "John Carter": "John Carter", "Carter": "John Carter"}
    for mention in article.entities:
        assert article.text[mention.start : mention.end] == mention.text


def mentions(*names: tuple[str, str]) -> list[EntityMention]:
    result, position = [], 0
    for text, label in names:
        result.append(EntityMention(text, label, position, position + len(text)))
        position += len(text) + 10
    return result


def test_ambiguous_short_name_takes_the_full_name_mentioned_last_before_it() -> None:
    found = mentions(("Kim Tae-hyo", "PERSON"), ("Kim", "PERSON"), ("Kim Min-jun", "PERSON"),
                     ("Kim", "PERSON"))
    canonicalize_document(found)
    assert [m.canonical for m in found] == ["Kim Tae-hyo", "Kim Tae-hyo", "Kim Min-jun",
                                            "Kim Min-jun"]


def test_a_short_name_after_mrs_takes_no_full_name_with_a_mans_first_name() -> None:
    text = "Katherine Jackson sued. Michael Jackson died. Mrs Jackson said so."
    found = [EntityMention("Katherine Jackson", "PERSON", 0, 17),
             EntityMention("Michael Jackson", "PERSON", 24, 39),
             EntityMention("Jackson", "PERSON", 50, 57)]
    assert text[50:57] == "Jackson"
    canonicalize_document(found, text)
    assert found[2].canonical == "Katherine Jackson"
    canonicalize_document(found)  # without the text, the name mentioned last
    assert found[2].canonical == "Michael Jackson"


def test_acronym_takes_the_one_name_with_its_initials() -> None:
    found = mentions(("World Trade Organization", "ORG"), ("WTO", "ORG"), ("Bank of Japan", "ORG"),
                     ("BOJ", "ORG"))
    canonicalize_document(found)
    assert [m.canonical for m in found][1::2] == ["World Trade Organization", "Bank of Japan"]


def corpus_article(article_id: str, *names: tuple[str, str]) -> Article:
    article = Article(id=article_id, entities=mentions(*names))
    canonicalize_document(article.entities)
    return article


def test_short_name_takes_the_one_full_name_seen_elsewhere() -> None:
    full = corpus_article("a", ("Maria Lopez", "PERSON"), ("Lopez", "PERSON"))
    short = corpus_article("b", ("Lopez", "PERSON"), ("Madrid", "GPE"))
    short.quotes = [Quote("We will win this vote", 0, 21, "Lopez", speaker_id("PERSON", "Lopez"))]
    changed = canonicalize_across([full, short])
    assert changed == [short]
    assert [m.canonical for m in short.entities] == ["Maria Lopez", "Madrid"]
    assert (short.quotes[0].speaker, short.quotes[0].speaker_id) == (
        "Maria Lopez", "person:maria-lopez")


def test_ambiguous_short_name_is_left_alone() -> None:
    first = corpus_article("a", ("Kim Tae-hyo", "PERSON"))
    second = corpus_article("b", ("Kim Min-jun", "PERSON"))
    short = corpus_article("c", ("Kim", "PERSON"))
    canonicalize_across([first, second, short])
    assert short.entities[0].canonical == "Kim"


def test_acronyms_and_spellings_across_documents() -> None:
    full = corpus_article("a", ("United States", "GPE"), ("SEOUL", "GPE"))
    short = corpus_article("b", ("U.S.", "GPE"), ("Seoul", "GPE"), ("Seoul", "GPE"))
    canonicalize_across([full, short])
    assert [m.canonical for m in full.entities] == ["United States", "Seoul"]
    assert [m.canonical for m in short.entities] == ["United States", "Seoul", "Seoul"]


def test_corpus_pass_is_order_independent_and_idempotent() -> None:
    def build() -> list[Article]:
        return [corpus_article("a", ("Maria Lopez", "PERSON")),
                corpus_article("b", ("Lopez", "PERSON")),
                corpus_article("c", ("Lopez", "PERSON"), ("John Carter", "PERSON"))]

    forward, backward = build(), build()
    canonicalize_across(forward)
    canonicalize_across(list(reversed(backward)))
    assert [a.entities for a in forward] == [a.entities for a in backward]
    assert canonicalize_across(forward) == []


def test_corpus_pass_reverts_when_a_name_becomes_ambiguous() -> None:
    corpus = [corpus_article("a", ("Maria Lopez", "PERSON")),
              corpus_article("b", ("Lopez", "PERSON"))]
    canonicalize_across(corpus)
    assert corpus[1].entities[0].canonical == "Maria Lopez"
    corpus.append(corpus_article("c", ("Carlos Lopez", "PERSON")))
    assert canonicalize_across(corpus) == [corpus[1]]
    assert corpus[1].entities[0].canonical == "Lopez"

