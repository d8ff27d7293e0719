"""The bundled sample corpus reads cleanly and agrees with its expected.json."""

from __future__ import annotations

from storyline.sample import articles_path, expected


def test_sample_reads_without_skips_and_matches_expected_ids(read) -> None:
    articles, skips = read([articles_path()])
    assert skips == []
    truth = expected()
    assert sorted(a.id for a in articles) == sorted(truth["articles"])
    assert sorted(truth["order"]) == sorted(truth["articles"])
    for event in truth["events"].values():
        assert set(event["articles"]) <= set(truth["articles"])


def test_sample_metadata_dates_are_read_by_ingest(read) -> None:
    articles, _ = read([articles_path()])
    by_id = {a.id: a for a in articles}
    for article_id, date in expected()["published"].items():
        article = by_id[article_id]
        if article.raw_format == "text" and article.title is not None:
            # JSONL records carry their date; ingest must have read it.
            assert (article.published, article.published_basis) == (date["date"], "metadata")
        if article.id.startswith("entry:"):
            assert article.published == date["date"]


def test_sample_is_small() -> None:
    size = sum(p.stat().st_size for p in articles_path().iterdir())
    assert size < 60_000
