"""How the speaker search reads an article's mentions: things the entity model calls people."""

from __future__ import annotations

from quoted_text import speakers


def test_a_person_the_text_calls_a_magazine_is_no_speaker() -> None:
    # "magazine Billboard": the entity model tags it a person, the text says what it is.
    assert speakers(
        "La Toya Jackson spoke to GMTV on Thursday about her brother .",
        "Earlier this week music trade magazine Billboard reported that the estate had "
        "earned $ 1 billion .",
        "In an interview she said : `` It is a slap in the face to the family . ''",
    ) == ["La Toya Jackson"]


def test_a_place_named_like_a_person_s_last_name_in_the_article_is_that_person() -> None:
    import spacy

    from storyline.language.nlp import ParsedPiece
    from storyline.language.speaker_index import ArticleIndex
    from storyline.model import Article, EntityMention, Sentence

    text = "Sean Payton spoke . Payton said no . Paris is far ."
    article = Article(id="a", raw=text)
    article.text = text
    article.sentences = [Sentence(0, len(text), text)]
    article.entities = [EntityMention("Sean Payton", "PERSON", 0, 11, canonical="Sean Payton"),
                        EntityMention("Payton", "GPE", 19, 25, canonical="Payton"),
                        EntityMention("Paris", "GPE", 37, 42, canonical="Paris")]
    index = ArticleIndex(article, [ParsedPiece(0, 0, spacy.blank("en")(text))], [])
    assert [(m.label, m.canonical) for m in index.mentions] == [
        ("PERSON", "Sean Payton"), ("PERSON", "Sean Payton"), ("GPE", "Paris")]


def test_a_person_s_full_name_tagged_an_organisation_elsewhere_is_the_person() -> None:
    import spacy

    from storyline.language.nlp import ParsedPiece
    from storyline.language.speaker_index import ArticleIndex
    from storyline.model import Article, EntityMention, Sentence

    text = "Will I. Am spoke . Will I. Am added that ."
    article = Article(id="a", raw=text)
    article.text = text
    article.sentences = [Sentence(0, len(text), text)]
    article.entities = [EntityMention("Will I. Am", "PERSON", 0, 10, canonical="Will I. Am"),
                        EntityMention("Will I. Am", "ORG", 18, 28, canonical="Will I. Am")]
    index = ArticleIndex(article, [ParsedPiece(0, 0, spacy.blank("en")(text))], [])
    assert [m.label for m in index.mentions] == ["PERSON", "PERSON"]
