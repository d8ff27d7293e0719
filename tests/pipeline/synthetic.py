"""An invented news corpus of any size, for crash and load tests (no real text, no network).

Topics × events × outlets, with the things that exercise every corpus step: wire stories
republished by several outlets (copies), updated versions, outlet footers that recur
(boilerplate), named people who are quoted, and dates in the text.
"""

from __future__ import annotations

import json
import random
from datetime import date, timedelta
from pathlib import Path

PLACES = ["Ostbury", "Kellan Bay", "Marrow Vale", "Fennick", "Dunmore Ridge", "Calder Point",
          "Havers Ford", "Lintmouth", "Brackwater", "Selby Cross", "Tarn Hollow", "Wick Harbour"]
SUBJECTS = [
    ("flood", "floodwater", "residents were moved to shelters as the river rose"),
    ("strike", "walkout", "union members stopped work over pay and hours"),
    ("election", "vote", "counting continued late into the night at the town hall"),
    ("bridge", "crossing", "engineers closed the span after cracks were found"),
    ("festival", "fair", "thousands of visitors filled the streets for the opening"),
    ("fire", "blaze", "crews fought the flames for most of the afternoon"),
    ("trial", "hearing", "the court heard evidence from three witnesses"),
    ("merger", "takeover", "shareholders were asked to approve the deal"),
    ("drought", "dry spell", "farmers reported the lowest rainfall in decades"),
    ("vaccine", "jab", "clinics extended their hours to meet demand"),
]
FIRST = ["Maria", "Tomas", "Ilse", "Jonah", "Priya", "Olek", "Agnes", "Rafael", "Nadia", "Corin"]
LAST = ["Halloran", "Petrakis", "Voss", "Adeyemi", "Lindqvist", "Moreau", "Okafor", "Brandt"]
OUTLETS = ["Ostbury Courier", "Harbour Herald", "Vale Gazette", "Riverside Radio",
           "County Chronicle", "Morning Ledger"]
FILLER = [
    "Officials said more details would be released in the coming days.",
    "The council has called an emergency meeting for later in the week.",
    "Local businesses said the disruption had already cost them customers.",
    "Police asked people to avoid the area while the work continued.",
    "A spokesperson declined to comment on the timing of the decision.",
    "Critics said the response had been too slow and poorly organised.",
    "Schools in the district stayed open, although some classes were moved.",
    "The regional authority promised an independent review of what happened.",
    "Neighbours gathered outside to watch as the crews arrived.",
    "Traffic was diverted along the coast road for several hours.",
]


def _person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def _story(rng: random.Random, topic: int, event: int, day: date) -> tuple[str, list[str]]:
    noun, synonym, detail = SUBJECTS[topic % len(SUBJECTS)]
    place = PLACES[(topic * 3 + event) % len(PLACES)]
    speaker = _person(rng)
    role = rng.choice(["the mayor", "a council official", "the regional director", "a local MP"])
    words = detail.split(" ")
    title = f"{place} {noun}: {words[0].capitalize()} {' '.join(words[1:4])}"
    paragraphs = [
        f"{place.upper()}, {day.strftime('%B')} {day.day} - The {noun} in {place} entered a new "
        f"phase on {day.strftime('%A')}, and {detail}.",
        f'"We are doing everything we can," said {speaker}, {role}, on {day.strftime("%B")} '
        f"{day.day}, {day.year}.",
        f"The {synonym} began on {(day - timedelta(days=rng.randint(1, 5))).strftime('%B %d')}, "
        f"according to {_person(rng)}, who has followed the {noun} in {place} for years.",
        *rng.sample(FILLER, 3),
        f"{speaker.split(' ')[1]} added that a further update was expected next week.",
    ]
    return title, paragraphs


def write_corpus(folder: Path, articles: int, seed: int = 7) -> list[Path]:
    """Write about ``articles`` invented articles into ``folder`` as JSONL files and texts.

    Returns:
        The files written (inputs for ``storyline run``).
    """
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    records: list[dict[str, str]] = []
    start = date(2023, 1, 9)
    topic = 0
    while len(records) < articles:
        for event in range(rng.randint(2, 4)):
            day = start + timedelta(days=topic * 11 + event * rng.randint(6, 30))
            title, paragraphs = _story(rng, topic, event, day)
            wire_id = f"wire-{topic}-{event}"
            records.append({"id": wire_id, "title": title, "text": "\n\n".join(paragraphs),
                            "published": day.isoformat(), "source": "Associated Press",
                            "url": f"https://wire.example/{wire_id}"})
            for copy in range(rng.randint(0, 3)):  # outlets republish the wire story
                outlet = OUTLETS[(topic + event + copy) % len(OUTLETS)]
                body = paragraphs[: rng.randint(4, len(paragraphs))]
                footer = f"© {day.year} {outlet}. All rights reserved. Sign up for our newsletter."
                records.append({
                    "id": f"{wire_id}-copy{copy}", "title": f"{title} ({outlet})",
                    "text": "\n\n".join([*body, footer]), "published": day.isoformat(),
                    "source": outlet, "url": f"https://{outlet.split()[0].lower()}.example/{wire_id}",
                })
            for own in range(rng.randint(1, 3)):  # outlets' own reports of the same event
                outlet = OUTLETS[(topic * 2 + own) % len(OUTLETS)]
                _, mine = _story(rng, topic, event, day)
                later = day + timedelta(days=rng.randint(0, 2))
                records.append({
                    "id": f"own-{topic}-{event}-{own}", "title": f"{title} - {outlet} report",
                    "text": "\n\n".join([*mine, f"© {later.year} {outlet}. All rights reserved."]),
                    "published": later.isoformat(), "source": outlet,
                    "url": f"https://{outlet.split()[0].lower()}.example/own-{topic}-{event}-{own}",
                })
            if rng.random() < 0.3:  # an updated version of the wire story
                update = [f"UPDATE: {_person(rng)} confirmed the figures on {day.strftime('%A')}.",
                          *paragraphs]
                records.append({"id": f"{wire_id}-v2", "title": title, "text": "\n\n".join(update),
                                "published": day.isoformat(), "source": "Associated Press",
                                "url": f"https://wire.example/{wire_id}?v=2"})
        topic += 1
    records = records[:articles]
    files: list[Path] = []
    per_file = 50
    for number, begin in enumerate(range(0, len(records), per_file)):
        path = folder / f"batch-{number:03d}.jsonl"
        with path.open("w", encoding="utf-8") as handle:
            for record in records[begin:begin + per_file]:
                handle.write(json.dumps(record) + "\n")
        files.append(path)
    return files
