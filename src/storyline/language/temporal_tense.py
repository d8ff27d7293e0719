"""The tense of the clause a date expression sits in: what is to come, what happened.

"March" in a sentence about what will happen is the coming March, in one about what
happened the past one; :mod:`storyline.language.temporal_resolve` asks these tests which.
They read the words only (no parse): modals and "due to" point ahead, past-tense verbs
back, a present-tense verb of a scheduled event ("opens Monday") ahead.
"""

from __future__ import annotations

import re
from datetime import date

from storyline.language.temporal_words import years_named

_FUTURE_CUE = re.compile(
    r"\b(?:will|would|shall|is due|are due|due to|plans? to|expected to|expects? to|"
    r"intends? to|hopes? to|aims? to|(?:is|are) to|(?:is|are|was|were) likely to|ahead of|"
    r"slated|(?:is|are) (?:expected|planned)|"
    r"planned for|scheduled|set to|going to|upcoming|later this|"
    r"(?<!\bthe )next|next(?!\s+(?:day|morning)))\b|"  # not "The next day, Jan. 28, he left"
    r"['’]ll\b|\bwon['’]t\b",  # "we'll meet", "won't open"
    re.I,
)
# A finite verb in the past tense: the sentence tells what happened.
_PAST_CUE = re.compile(
    r"\b(?:was|were|had|did|said|told|rose|fell|began|came|went|took|made|won(?!['’]t)|lost|"
    r"held|met|left|sold|bought|paid|became|led|saw|gave|got|ago)\b|"
    r"(?<!\b[Tt]he )(?<!\b[Aa] )(?<!\b[Aa]n )(?<!\bbe )(?<!\bbeen )(?<!\bis )(?<!\bare )"
    r"\b(?:[a-z]{3,}(?<!ne)ed|"
    # Short or irregular past forms the "-ed" ending misses ("died", "fled", "wrote"), none
    # of them a present form or a common noun; as a participle after "be" not a past.
    r"died|fled|tied|lied|owed|fought|struck|spoke|wrote|knew|brought|sent|spent|built|kept|"
    r"heard|stood|flew|drove|chose|broke|grew|drew|threw|caught|taught|sought|meant|ran|sat|"
    r"hid|stole|woke|froze|swore|rode|shook|wept|slept|dealt|arose|forgot|forgave|sang|rang|"
    r"sank|swam|found)\b"
)


# A verb of a scheduled event in the present tense just before the date: "opens Monday",
# "meet separately Monday", "reports earnings Wednesday", "opens to the public on Friday"
# tell of what is to come.
_SCHEDULED_VERB = (
    r"(?<!\bthe )(?<!\ba )(?<!\bits )(?<!\btheir )"  # "the close of business Thursday": a noun
    r"\b(?:begins?|opens?|starts|resumes?|meet|meets|arrives?|leaves|visits|travels|ends|"
    r"closes|expires?|takes? effect|returns|convenes?|reconvenes?|goes|flies|heads|votes|"
    r"testifies|hosts|faces|plays|debuts|premieres|launches|"
    r"reports\s+(?:its\s+|their\s+)?(?:\w+\s+)?(?:earnings|results))\b"  # not "First reports"
)
_SCHEDULED = re.compile(_SCHEDULED_VERB + r"(?:\s+\S+){0,4}?\s*$", re.I)
_SCHEDULED_ANYWHERE = re.compile(_SCHEDULED_VERB, re.I)

# A verb in the present progressive a few words before the date: an arrangement ("we're
# meeting on Saturday", "is flying to Paris Monday"), said in the past or now. Not "being"
# nor "going" ("is going to": a future cue already).
_PROGRESSIVE = re.compile(
    r"(?:\b(?:is|are|am)|\s?['’](?:re|m))\s+(?:not\s+)?(?:\w+ly\s+)?(?!being\b|going\b)"
    r"[a-z]{2,}ing\b(?:\s+\S+){0,4}?\s*$", re.I)
# What follows a date that keeps a scheduled verb from pointing ahead: a possessive ("opens
# its doors after Monday's vote"), a reported "that" ("Reuters reports Monday that") or a past
# verb within three words ("News reports Monday said"; not "begin anew Saturday as protesters
# said", another clause's).
_NOT_SCHEDULED_AFTER = re.compile(
    r"\s?['’]s\b|,?\s*that\b|(?:\s+[^\s,;:]+){0,2}?\s+(?:" + _PAST_CUE.pattern + ")")


# A word that makes a phrase a clause of its own, with its own tense: a finite verb or modal.
_FINITE = re.compile(
    r"\b(?:is|are|am|was|were|has|have|had|do|does|did|can|could|may|might|must|should)\b", re.I
)


_CONJUNCTION = re.compile(
    r"\s*(?:and|but|or|nor|yet|so|then|while|when|whereas|because|although|though|if|"
    r"unless|since|after|before|until)\b", re.I)


def _tail(text: str, size: int) -> str:
    """The last ``size`` characters, without a word cut in two ("ran" of "Iran")."""
    if len(text) <= size or text[-size - 1].isspace():
        return text[-size:]
    return re.sub(r"^\S*", "", text[-size:], count=1)


def _has_verb(text: str) -> bool:
    """Whether the words have a tense cue.

    A finite verb, a modal, a past form, or a present verb of a scheduled event ("when
    his term ends in").
    """
    return bool(_FINITE.search(text) or _FUTURE_CUE.search(text) or _PAST_CUE.search(text)
                or _SCHEDULED_ANYWHERE.search(text))


def _clause_before(preceding: str) -> str:
    """The clause an expression at the end of ``preceding`` belongs to.

    The last comma-separated piece, unless it has no verb of its own: "it said the flights
    would leave from March 30, with the third departing from August 6" takes its tense
    from "would leave". Never across the reporting verb ("analysts said Monday").
    """
    reported = re.split(r"\bsaid\b|\bsays\b", preceding)[-1]
    pieces = re.split(r"[,;:]", reported)
    whole = pieces.pop()
    clause = _tail(whole, 80)  # a cue far back in a long clause governs something else
    if not _has_verb(clause):
        # …unless nothing nearer does: "The panel will resume considering the charge
        # against Dr X on Monday" has its one finite verb far back.
        clause = _tail(whole, 200)
    # "…, but on July 7 I raced in": a conjunction opens a clause whose verb comes after.
    while pieces and not (_FINITE.search(clause) or _FUTURE_CUE.search(clause)
                          or _PAST_CUE.search(clause) or _CONJUNCTION.match(clause)):
        clause = _tail(pieces.pop(), 80) + "," + clause
    return clause


# The verb a date in a clause's subject or opening phrase waits for: "Sales in Q1 will rise",
# "In March, prices are expected to climb" (not past a sentence's or a clause's end).
_FUTURE_AFTER = re.compile(
    r"[^;:.!?\"“”]{0,60}?(?:\b(?:will|shall|(?:is|are)\s+(?:expected|likely|due|set|"
    r"scheduled|slated)\s+to|(?:plans?|intends?|aims?)\s+to)\b|['’]ll\b)", re.I)


# A word that opens another clause between a date and a "will" after it: "Mubarak's
# announcement Tuesday that he will step down", "his brothers, who will be taking part".
_CLAUSE_OPENER = re.compile(
    r"\b(?:that|who|whom|which|when|where|because|if|after|before|while|whether)\b", re.I)
# A reporting verb makes the date the time of speaking ("said Tuesday he will").
_REPORTING = re.compile(r"\b(?:said|says|told|tells|announced|announces)\b", re.I)


def _verbless(piece: str) -> bool:
    """True when ``piece``, the words before a date since the last comma, has no verb.

    The date is then in a clause's subject or opening phrase ("Sales in Q1 will rise"), not
    after "since" (a time gone by: "talks since November attack ... are scheduled to").
    """
    return not (_FINITE.search(piece) or _PAST_CUE.search(piece) or _SCHEDULED.search(piece)
                or _PROGRESSIVE.search(piece) or _REPORTING.search(piece)
                or re.search(r"\bsince\s+$", piece, re.I))


def is_future(preceding: str, after: str = "") -> bool:
    """True when the clause of an expression speaks of what is to come ("will", "is due to").

    The clause before it tells, or, when it has no verb of its own, the verb after it.
    ``after``, the rest of the sentence, when given, can deny a scheduled verb's future
    (see :data:`_NOT_SCHEDULED_AFTER`).
    """
    clause = _clause_before(preceding)
    if _FUTURE_CUE.search(clause):
        return True
    if _verbless(re.split(r"[,;:]", preceding)[-1]):
        ahead = _FUTURE_AFTER.match(after)
        if ahead and not (_PAST_CUE.search(ahead.group()) or _CLAUSE_OPENER.search(ahead.group())):
            return True
    scheduled = _SCHEDULED.search(clause) or _PROGRESSIVE.search(clause)
    return bool(scheduled) and not _PAST_CUE.search(clause) and not (
        _NOT_SCHEDULED_AFTER.match(after))


# The future seen from the past: a plan or expectation told in the past tense ("would leave
# the EU on Oct. 31", "was due to be released in September", "once expected to be done").
# Its date may have passed by the time of writing.
_FUTURE_IN_PAST = re.compile(
    r"\bwould\b|\b(?:was|were|had\s+been|once|originally|initially)\s+(?:(?:due|expected|set|"
    r"scheduled|slated|supposed|planned|going|likely)\s+)?to\b|\b(?:was|were|had\s+been)\s+"
    r"(?:scheduled|planned|slated|set|due)\s+(?:for|on|in)\b", re.I)
_PRESENT_FUTURE = re.compile(r"\b(?:will|shall|is|are|am)\b|['’]ll\b", re.I)


def is_future_in_past(preceding: str) -> bool:
    """True when the clause before an expression tells of a plan from the past ("would")."""
    clause = _clause_before(preceding)
    return bool(_FUTURE_IN_PAST.search(clause)) and not _PRESENT_FUTURE.search(clause)


def is_past(sentence: str) -> bool:
    """True when ``sentence`` has a verb in the past tense ("was", "said", "rose", "signed")."""
    return bool(_PAST_CUE.search(sentence))


# Times far from the writing that make a "today" beside them mean "nowadays": spans of
# centuries or more, or a year at least FAR_YEARS away ("$0.23/W today to $0.10 by 2030").
_FAR_SPAN = re.compile(
    r"\b(?:(?:hundreds|thousands|millions|billions)\s+of|[\d.,]+\s+(?:hundred|thousand|million|"
    r"billion))\s+years\b|\b(?:centuries|decades)\b", re.I)
FAR_YEARS = 5
# "(founded in 1985,) today announced", "said today": the day of a report, whatever years
# the sentence names.
_REPORTED = (r"(?:says|said|announces|announced|reports|reported|unveils|unveiled|launched|"
             r"launches|died|dies)")
# Within three words, not across a comma: "died today in prison", "announced on Twitter
# today", "today it was announced".
_BESIDE_VERB = re.compile(
    rf"(?:\b{_REPORTED}\b|(?:{_PAST_CUE.pattern}))(?:\s+[^\s,;:]+){{0,2}}\s+$")
_BESIDE_VERB_AFTER = re.compile(  # not across "than"/"as": "freer today than it was in 1985"
    rf"(?:\s+(?!than\b|as\b)[^\s,;:]+){{0,2}}?\s+(?:{_REPORTED}\b|(?:{_PAST_CUE.pattern}))")
# "will today take back", "Today, two decades later, he was charged", "his guest today is":
# an event of the day, told with a modal, opening the sentence or before a copula.
_MODAL_BEFORE = re.compile(r"\b(?:will|would|can|could|may|might|must|should|shall)\s+$", re.I)
_COPULA_AFTER = re.compile(r"\s+(?:is|are|was|were)\b")


def _today_is_a_day(sentence: str, after: str) -> bool:
    """True when a "today" beside a far time still tells of the day (see above)."""
    opening = not sentence.strip(" \"'`“‘(") and not re.match(r"\s?['’]s\b", after)
    return bool(opening or _BESIDE_VERB.search(sentence) or _BESIDE_VERB_AFTER.match(after)
                or _MODAL_BEFORE.search(sentence) or _COPULA_AFTER.match(after))


def _far_time(sentence: str, anchor: date) -> bool:
    """True when ``sentence`` names a time far from ``anchor`` (see :data:`_FAR_SPAN`)."""
    return bool(_FAR_SPAN.search(sentence)) or any(
        abs(year - anchor.year) >= FAR_YEARS for year in years_named(sentence))


def today_means_nowadays(sentence: str, after: str, anchor: date) -> bool:
    """True when a "today" between ``sentence`` and ``after`` means "nowadays", not the day.

    "as it is today 13.8 billion years after the Big Bang": beside a far time, unless the
    words still tell of the day's news (see :func:`_today_is_a_day`).
    """
    return _far_time(sentence + " " + after, anchor) and not _today_is_a_day(sentence, after)


# A day after a determiner or a possessive names an event ("Trump's July 25 phone call", "the
# Nov. 3 vote"): the tense of the clause is the telling's, not the event's.
_EVENT_NAME = re.compile(r"(?:\b(?:the|a|an|this|that)|['’]s)\s+$", re.I)


def names_an_event(before: str) -> bool:
    """True when a date after ``before`` is part of an event's name (see above)."""
    return bool(_EVENT_NAME.search(before))
