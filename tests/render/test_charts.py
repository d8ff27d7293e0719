from __future__ import annotations

from storyline.render.charts import event_axis, outlet_bars


def test_event_axis_places_events_in_date_order() -> None:
    events = [{"event_id": "e2", "date": "2024-05", "article_count": 1, "title": "b"},
              {"event_id": "e1", "date": "2023-01-02", "article_count": 9, "title": "a",
               "date_precision": "day"},
              {"event_id": "e3", "date": None, "article_count": 2}]
    axis = event_axis(events)
    marks = {m["event_id"]: m for m in axis["marks"]}
    assert set(marks) == {"e1", "e2"} and marks["e1"]["x"] < marks["e2"]["x"]
    assert marks["e1"]["r"] > marks["e2"]["r"] and marks["e1"]["precise"]
    assert 0 <= min(m["x"] for m in axis["marks"]) <= max(m["x"] for m in axis["marks"]) <= 900


def test_outlet_bars_bucket_long_spans_and_fold_small_outlets() -> None:
    rows = [{"date": f"2020-{m:02d}-01", "outlet": f"o{m}", "articles": m} for m in range(1, 13)]
    bars = outlet_bars(rows)
    assert bars["unit"] == "week"
    assert bars["legend"][-1]["outlet"] == "others"
    assert sum(item["articles"] for item in bars["legend"]) == sum(range(1, 13))
    assert outlet_bars([])["bars"] == []
