"""Event and storyline titles on invented articles shaped like real scraped news.

Names are invented on purpose: the rules must hold for any country, person or site.
"""

from __future__ import annotations

import re

from storyline.model import Article, EntityMention, Sentence
from storyline.narrate.titles import event_title, storyline_title


def make(article_id: str, sentences: list[str], title: str | None = None,
         names: tuple[tuple[str, str], ...] = (), source: str | None = None) -> Article:
    """An article whose entity mentions sit where their names occur in the text."""
    text, spans = "", []
    for sentence in sentences:
        start = len(text) + (1 if text else 0)
        text = f"{text} {sentence}" if text else sentence
        spans.append(Sentence(start, start + len(sentence), sentence))
    mentions = [EntityMention(match.group(), label, match.start(), match.end(), name)
                for name, label in names
                for match in re.finditer(rf"\b{re.escape(name)}\b", text)]
    return Article(id=article_id, title=title, text=text, sentences=spans,
                   entities=mentions, source=source)


def originals_first(copies: set[str]):
    order = {}

    def preference(article_id: str) -> tuple[int, int]:
        return (1 if article_id in copies else 0, order.setdefault(article_id, len(order)))
    return preference


QUAKE = ("A powerful earthquake struck the island nation of Valdora, flattening homes in the "
         "capital Morant and leaving thousands feared dead.")


def test_event_title_is_the_cleaned_headline_of_the_central_original() -> None:
    articles = [
        make("copy", [QUAKE, "Rescuers dug through the rubble overnight."],
             title="Valdora quake: thousands feared dead - Daily Echo", source="Daily Echo"),
        make("orig", [QUAKE, "Rescuers dug through the rubble of the earthquake overnight."],
             title="Monday 12 January 2010 22.05 GMT Earthquake flattens Valdora capital | "
                   "World news | The Sentinel", source="The Sentinel"),
        make("aside", ["Markets in the region were calm on Tuesday as traders waited."],
             title="UPDATE 1-Regional markets calm"),
    ]
    title = event_title(articles, originals_first({"copy"}))
    assert title == "Earthquake flattens Valdora capital"


def test_event_title_skips_a_headline_that_is_only_a_label() -> None:
    articles = [make("a", [QUAKE], title="World news"),
                make("b", [QUAKE], title="Quake flattens Valdora capital - Example News")]
    assert event_title(articles, originals_first(set())) == "Quake flattens Valdora capital"


def test_event_without_headline_gets_a_short_clause_without_timestamp() -> None:
    lead = ("Monday 24 January 2005 02.16 GMT Plagued by mission fatigue, casualties and a "
            "public starting to ask how long they will stay, the allies began to leave.")
    title = event_title([make("a", [lead, "More followed in March."])], originals_first(set()))
    assert title == "Plagued by mission fatigue"


def test_event_without_headline_tokenised_text() -> None:
    lead = ("A huge earthquake has devastated the Caribbean country of Valdora , with "
            "thousands of people feared dead .")
    title = event_title([make("a", [lead])], originals_first(set()))
    assert title == "A huge earthquake has devastated the Caribbean country of Valdora"


# A storyline of three events on two countries' dealings (invented countries).
RELATIONS = [
    [make("r1", ["Norland and Sudmark hit the reset button on bilateral ties as Norlandic "
                 "President Ada Berg met her Sudmarkian counterpart Oskar Lind in Ostra.",
                 "The two leaders promised to turn the page on years of animosity."],
          title="Sudmark, Norland hit reset button on bilateral ties at Ostra summit",
          names=(("Norland", "GPE"), ("Sudmark", "GPE"), ("Ada Berg", "PERSON"),
                 ("Oskar Lind", "PERSON"), ("Ostra", "GPE"), ("Norlandic", "NORP")))],
    [make("r2", ["The leaders of Sudmark and Norland said they planned to discuss "
                 "cooperation on security concerns raised by Westland.",
                 "Ada Berg told Oskar Lind that cooperation with Westland was vital."],
          title="Norland, Sudmark Seek to Mend Ties at Rare Summit in Vell",
          names=(("Norland", "GPE"), ("Sudmark", "GPE"), ("Westland", "GPE"),
                 ("Ada Berg", "PERSON"), ("Oskar Lind", "PERSON"), ("Vell", "GPE"))),
     make("r3", ["Norlandic leader Ada Berg finished a landmark visit to Vell with pledges to "
                 "seek cooperation with Sudmark on chips."],
          names=(("Norlandic", "NORP"), ("Ada Berg", "PERSON"), ("Vell", "GPE"),
                 ("Sudmark", "GPE")))],
    [make("r4", ["Norlandic President Ada Berg and Sudmarkian President Oskar Lind called to "
                 "keep up the momentum behind an improvement in relations."],
          names=(("Norlandic", "NORP"), ("Ada Berg", "PERSON"), ("Oskar Lind", "PERSON"),
                 ("Sudmark", "GPE"), ("Norland", "GPE")))],
]


def test_two_countries_dealing_with_each_other_make_a_relations_title() -> None:
    title = storyline_title([("t", group) for group in RELATIONS])
    assert title in {"Norland–Sudmark relations", "Sudmark–Norland relations"}


QUAKE_EVENTS = [
    ("Quake flattens Valdora capital",
     [make("q1", [QUAKE], title="Quake flattens Valdora capital",
           names=(("Valdora", "GPE"), ("Morant", "GPE")))]),
    ("Aid arrives in Valdora",
     [make("q2", ["Aid flights landed in Valdora on Friday, days after the earthquake left "
                  "the capital in ruins."], title="Aid arrives in Valdora after earthquake",
           names=(("Valdora", "GPE"),))]),
    ("Valdora survivors",
     [make("q3", ["Survivors of the Valdora earthquake said they had been sleeping in the "
                  "streets of Morant."], title="Valdora earthquake survivors sleep outdoors",
           names=(("Valdora", "GPE"), ("Morant", "GPE")))]),
    ("Donors pledge",
     [make("q4", ["Donors pledged two billion dollars to rebuild Valdora and Westland after "
                  "the earthquake."], title="Donors pledge billions to rebuild Valdora",
           names=(("Valdora", "GPE"), ("Westland", "GPE")))]),
]


def test_one_place_and_its_topic_make_the_title() -> None:
    assert storyline_title(QUAKE_EVENTS) == "Valdora earthquake"


def test_countries_named_together_but_not_dealing_are_not_relations() -> None:
    extra = ["Westland sent rescuers.", "A Westland navy ship brought water.",
             "Teams from Westland joined the search.", "Westland pledged more."]
    events = [(title, [make(a.id, [a.text + " " + more], a.title,
                            (("Valdora", "GPE"), ("Westland", "GPE")))])
              for (title, group), more in zip(QUAKE_EVENTS, extra, strict=True) for a in group]
    assert storyline_title(events) == "Valdora earthquake"


def test_a_two_word_topic_stands_alone_without_a_leading_name() -> None:
    events = [
        (None, [make("f1", ["Swine flu cases rose again in the north this week."])]),
        (None, [make("f2", ["Schools closed as swine flu spread through the region."])]),
        (None, [make("f3", ["A vaccine against swine flu is expected by the autumn."])]),
    ]
    assert storyline_title(events) == "Swine flu"


def test_nothing_shared_falls_back_to_the_biggest_event_title() -> None:
    events = [
        ("Ferry cuts announced", [make("x1", ["The ferry company cut two routes."]),
                                  make("x2", ["Two ferry routes will close."])]),
        ("Museum reopens", [make("x3", ["The museum reopened after repairs."])]),
    ]
    assert storyline_title(events) == "Ferry cuts announced"


def test_a_single_article_storyline_keeps_its_event_title() -> None:
    assert storyline_title([("Only event", [make("s", [QUAKE])])]) == "Only event"
    assert storyline_title([]) is None


def test_storyline_title_is_never_an_entity_list() -> None:
    title = storyline_title([("t", group) for group in RELATIONS]) or ""
    assert ", " not in title


def test_a_name_inside_a_longer_name_is_not_counted() -> None:
    names = (("Norland", "GPE"), ("South Sudmark", "GPE"), ("Sudmark", "GPE"))
    events = [
        (None, [make("n1", ["Norland and South Sudmark held bilateral talks in the capital.",
                            "Sudmark was not invited."], names=names)]),
        (None, [make("n2", ["Leaders of South Sudmark and Norland met for summit talks."],
                     names=names)]),
        (None, [make("n3", ["Norland and South Sudmark sealed their ties with a summit."],
                     names=names)]),
    ]
    assert storyline_title(events) in {"Norland–South Sudmark relations",
                                       "South Sudmark–Norland relations"}
