"""The language step as a whole: protocol, sentences, language guess, realism on real copy."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.config import default_config
from storyline.language.detect import detect_language
from storyline.language.step import LanguageStep
from storyline.model import Article, Paragraph
from storyline.pipeline.step import RecordStep, create_step

JAPAN_KOREA = Path(__file__).resolve().parents[2] / "../shared/data/japan-korea"


def article_from_lines(text: str, headings: tuple[str, ...] = ()) -> Article:
    """One paragraph per non-blank line; lines listed in ``headings`` are headings."""
    article = Article(id="t", text=text)
    offset = 0
    for line in text.split("\n"):
        if line.strip():
            start = text.index(line, offset)
            kind = "heading" if line.strip() in headings else "body"
            article.paragraphs.append(Paragraph(start, start + len(line), kind))
            offset = start + len(line)
    return article


def run(*articles: Article) -> list[Article]:
    results = list(LanguageStep(default_config()).run(articles))
    assert all(isinstance(item, Article) for item in results)
    return [item for item in results if isinstance(item, Article)]


def test_step_is_registered_and_follows_the_protocol() -> None:
    step = create_step("language", default_config())
    assert isinstance(step, LanguageStep) and isinstance(step, RecordStep)
    assert {"sentences", "entities", "quotes", "temporal"} <= set(step.sets)


def test_sentences_have_exact_offsets_and_skip_headings() -> None:
    text = ("Talks resume in Geneva\n"
            "The U.S. envoy, Mr. Smith, arrived on Monday. He met the No. 2 official at 9 a.m. "
            "and left.\n\n"
            "“We made progress,” he said. “More talks are needed.” Both sides agreed.")
    [article] = run(article_from_lines(text, headings=("Talks resume in Geneva",)))
    assert [s.text for s in article.sentences] == [
        "The U.S. envoy, Mr. Smith, arrived on Monday.",
        "He met the No. 2 official at 9 a.m. and left.",
        "“We made progress,” he said.",
        "“More talks are needed.”",
        "Both sides agreed.",
    ]
    assert [s.paragraph for s in article.sentences] == [1, 1, 2, 2, 2]
    for sentence in article.sentences:
        assert article.text[sentence.start : sentence.end] == sentence.text
    assert article.language == "en"


def test_text_that_is_not_english_gets_sentences_but_no_entities() -> None:
    text = ("Der Bundeskanzler hat am Montag gesagt, dass die Regierung nicht mit der Opposition "
            "sprechen wird. „Wir werden das nicht akzeptieren“, sagte er in Berlin.")
    [article] = run(article_from_lines(text))
    assert article.language == "de"
    assert len(article.sentences) == 2
    assert article.entities == [] and article.quotes == []


def test_language_already_set_is_kept() -> None:
    article = article_from_lines("Ceci est un court texte.")
    article.language = "fr"
    [result] = run(article)
    assert result.language == "fr" and result.entities == []


@pytest.mark.parametrize(
    ("text", "code"),
    [("The minister said on Monday that the talks would go on for at least another week.", "en"),
     ("대통령은 월요일에 일본 총리와 회담을 가졌다고 밝혔다", "ko"),
     ("Le président a déclaré lundi que les discussions avec le Japon se poursuivraient pour "
      "au moins une semaine de plus dans la capitale.", "fr"),
     ("Short.", "en")],
)
def test_language_guess(text: str, code: str) -> None:
    assert detect_language(text) == code


def _japan_korea(name_prefix: str) -> Article:
    if not JAPAN_KOREA.is_dir():
        pytest.skip("shared japan-korea data not present")
    [path] = sorted(JAPAN_KOREA.glob(f"{name_prefix}_*.txt"))
    article = article_from_lines(path.read_text(encoding="utf-8").strip())
    article.id = path.name
    return article


def speaker_of(article: Article, quote_start: str) -> str | None:
    [quote] = [q for q in article.quotes if q.text.startswith(quote_start)]
    return quote.speaker


def test_japan_korea_quote_speakers() -> None:
    first, last = run(_japan_korea("000"), _japan_korea("004"))
    assert speaker_of(first, "I would like to further strengthen") == "Fumio Kishida"
    # A paragraph that is only a quote continues the previous paragraph's speaker.
    assert speaker_of(last, "There are still difficult issues") == "Yoon Suk Yeol"
    assert speaker_of(last, "Both Prime Minister Kishida and President Yoon") == "Mira Rapp-Hooper"
    assert speaker_of(last, "I’ve also said here in Seoul") == "Fumio Kishida"
    canonical = {m.text: m.canonical for m in last.entities if m.label == "PERSON"}
    assert canonical["Kishida"] == "Fumio Kishida" and canonical["Yoon"] == "Yoon Suk Yeol"
