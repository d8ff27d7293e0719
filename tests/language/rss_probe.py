"""Peak memory of cleaning and annotating one huge single-paragraph article.

Run as a script (the memory test runs it in a subprocess so that the test process's
own allocations do not count)::

    PYTHONPATH=src python tests/language/rss_probe.py 2.0 [MAX_ARTICLE_CHARS]

prints one JSON line: input size, peak RSS before and after the pipeline, and whether
every sentence offset points at its text.
"""

from __future__ import annotations

import json
import random
import resource
import sys

FIRST_NAMES = ("Maria", "John", "Aiko", "Kwame", "Lena", "Rahul", "Sofia", "Tomas")
SURNAMES = ("Okafor", "Lindqvist", "Tanaka", "Moreau", "Haddad", "Silva", "Novak", "Reyes")
PLACES = ("Geneva", "the harbour district", "Lagos", "the city council", "Osaka", "Lyon")
VERBS = ("said", "told reporters", "added", "warned", "insisted")
CLAUSES = (
    "the tram line will reopen next Tuesday after three weeks of repairs",
    "the budget for the port rose by 12 percent on March 3, 2024",
    "officials met in {place} yesterday to discuss the plan",
    "the strike ended two days ago, but talks continue",
    "U.S. envoys and Mr. {surname} arrived on Monday for the No. 2 round",
    "the council approved the motion by 31 votes to 9 last year",
)


def make_text(size: int, seed: int = 7) -> str:
    """Return about ``size`` characters of news-like prose with no line break at all."""
    rng = random.Random(seed)
    parts: list[str] = []
    total = 0
    while total < size:
        name = f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}"
        clause = rng.choice(CLAUSES).format(place=rng.choice(PLACES),
                                            surname=rng.choice(SURNAMES))
        roll = rng.random()
        if roll < 0.2:
            sentence = f"“{clause[0].upper()}{clause[1:]},” {name} {rng.choice(VERBS)}."
        elif roll < 0.3:
            sentence = f'"{clause[0].upper()}{clause[1:]}," he said.'
        elif roll < 0.35:
            sentence = f"{rng.choice(SURNAMES)} said the {rng.choice(PLACES)} plan was late."
        else:
            sentence = f"{name} {rng.choice(VERBS)} that {clause}."
        parts.append(sentence)
        total += len(sentence) + 1
    return " ".join(parts)


def peak_rss_mb() -> float:
    """Peak resident set size of this process so far, in MB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(megabytes: float, max_article_chars: int | None = None) -> dict[str, object]:
    """Clean and annotate one article of ``megabytes`` MB; return the measurements."""
    from storyline.clean.step import CleanStep
    from storyline.config import default_config
    from storyline.language.nlp import load_pipeline
    from storyline.language.step import LanguageStep
    from storyline.model import Article

    config = default_config()
    if max_article_chars is not None:
        config["language"]["max_article_chars"] = max_article_chars
    load_pipeline(config["language"]["spacy_model"])  # the model's own size is not the text's
    text = make_text(int(megabytes * 1_000_000))
    article = Article(id="huge", origin="huge.txt", raw=text, published="2024-03-05",
                      published_precision="day")
    baseline = peak_rss_mb()
    cleaned = list(CleanStep(config).run([article]))
    done = list(LanguageStep(config).run([a for a in cleaned if isinstance(a, Article)]))
    [result] = [a for a in done if isinstance(a, Article)]
    offsets_ok = all(result.text[s.start:s.end] == s.text for s in result.sentences) and all(
        result.text[t.start:t.end] == t.text for t in result.temporal)
    return {
        "input_chars": len(text),
        "text_chars": len(result.text),
        "sentences": len(result.sentences),
        "entities": len(result.entities),
        "quotes": len(result.quotes),
        "note": result.metadata.get("language_note"),
        "baseline_mb": round(baseline, 1),
        "peak_mb": round(peak_rss_mb(), 1),
        "offsets_ok": offsets_ok,
    }


if __name__ == "__main__":
    size = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
    limit = int(sys.argv[2]) if len(sys.argv) > 2 else None
    print(json.dumps(main(size, limit)))
