from __future__ import annotations

import shutil
from pathlib import Path


def test_rss_entries_become_articles(read, fixtures: Path) -> None:
    articles, skips = read([fixtures / "feeds" / "gazette.rss"])
    assert [a.title for a in articles] == [
        "Ferry crews vote to strike", "Harbour committee to review dredging"]
    vote, committee = articles
    assert vote.source == "Averly Gazette – Local news"
    assert vote.url == "https://gazette.example/2024/03/ferry-crews-vote"
    assert vote.raw_format == "html"
    # The full content wins over the one-line description.
    assert "Rosters have been changed" in vote.raw
    # The publisher's calendar day, not the UTC one (23:30 -05:00).
    assert (vote.published, vote.published_precision, vote.published_basis) == (
        "2024-03-01", "day", "metadata")
    assert vote.language == "en"
    assert vote.metadata["author"] == "Nina Holt"
    assert vote.metadata["tags"] == ["Transport"]
    assert vote.id.startswith("entry:") and vote.id != committee.id
    assert "harbour committee will meet" in committee.raw
    assert len(skips) == 1
    assert "'Photo gallery: storm over the islands' has no content" in skips[0].reason


def test_feed_entry_ids_do_not_depend_on_the_file(read, fixtures: Path, tmp_path: Path) -> None:
    shutil.copy(fixtures / "feeds" / "gazette.rss", tmp_path / "copy.xml")
    original, _ = read([fixtures / "feeds" / "gazette.rss"])
    copied, _ = read([tmp_path / "copy.xml"])
    assert [a.id for a in original] == [a.id for a in copied]


def test_atom_feed(read, fixtures: Path) -> None:
    articles, skips = read([fixtures / "feeds" / "skellan.atom"])
    assert skips == []
    (entry,) = articles
    assert entry.source == "Skellan Post"
    assert entry.url == "https://skellanpost.example/protest"
    assert entry.published == "2024-03-09"
    assert "two hundred islanders" in entry.raw


def test_xml_that_is_not_a_feed_is_skipped(read, tmp_path: Path) -> None:
    (tmp_path / "sitemap.xml").write_text(
        '<?xml version="1.0"?><urlset><url><loc>https://example.org/</loc></url></urlset>',
        "utf-8")
    articles, skips = read([tmp_path])
    assert articles == []
    assert "no RSS/Atom entries found" in skips[0].reason
