from __future__ import annotations

from storyline.narrate.coverage import compare_coverage
from storyline.narrate.said import Said

SAID = {
    "vote": "The city council approved the new tram line to the harbour on Monday evening.",
    "cost": "The line will cost 240 million euros and open to passengers in September.",
    "protest": "Shop owners on Harbour Street protested against months of road works.",
    "mayor": "Mayor Ana Berg called the vote a turning point for the whole city.",
}


def said(outlet: str, *keys: str) -> list[Said]:
    return [Said(f"{outlet}-1", i, SAID[k], outlet, "2024-03-04", (0, i))
            for i, k in enumerate(keys)]


def test_common_only_and_left_out_per_outlet() -> None:
    items = (said("A", "vote", "cost", "mayor") + said("B", "vote", "cost")
             + said("C", "vote", "protest"))
    found = {entry["outlet"]: entry for entry in compare_coverage(items)}
    assert found["A"]["counts"] == {"common": 2, "only": 1, "left_out": 0}
    assert [x["text"] for x in found["A"]["only"]] == [SAID["mayor"]]
    assert found["C"]["counts"] == {"common": 1, "only": 1, "left_out": 1}
    assert found["C"]["left_out"][0]["text"] == SAID["cost"]
    assert found["C"]["left_out"][0]["outlets"] == 2


def test_one_outlet_has_nothing_to_compare() -> None:
    assert compare_coverage(said("A", "vote", "cost")) == []
