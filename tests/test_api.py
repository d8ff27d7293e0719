"""The Python API on the bundled sample: the same data as the CLI, the web app and exports."""

from __future__ import annotations

from pathlib import Path

import storyline

SAMPLE = Path(__file__).resolve().parents[1] / "src" / "storyline" / "sample" / "articles"


def test_a_story_from_python(tmp_path: Path) -> None:
    with storyline.Story(tmp_path / "story.db") as story:
        summary = story.run([str(SAMPLE)])
        assert summary.stored == 9
        listed = story.storylines()
        assert listed["total"] == 1
        storyline_id = listed["items"][0]["storyline_id"]
        detail = story.storyline(storyline_id)
        event_id = detail["events"][0]["event_id"]
        event = story.event(event_id)
        assert event["articles"] and story.article(event["articles"][0])["text"]
        assert story.search("tram")["total"] >= 1
        assert story.timeline(storyline=storyline_id, dates=3)
        assert story.whatsnew(storyline_id, detail["start"])["dates"]
        assert isinstance(story.coverage(event_id), list)
        exported = list(story.records("events"))
        assert {e["event_id"] for e in exported} == {e["event_id"] for e in detail["events"]}
        story.report(tmp_path / "report.html")
    assert (tmp_path / "report.html").stat().st_size > 1000
