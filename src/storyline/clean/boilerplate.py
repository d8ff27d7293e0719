"""Line-level boilerplate: page chrome that web copies wrap around the article.

Every rule is a general form (a newsletter prompt, a share bar, a breadcrumb trail),
never one site's wording, and returns the reason recorded with the removed line.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

# Longer blocks are article prose even if they open with a trigger word.
_MAX_LINE_CHARS = 300

_RULES: tuple[tuple[str, str], ...] = (
    ("newsletter", r"(?:the\s+)?(?:[\w'’&.-]+\s+){0,6}newsletters?"),
    ("newsletter", r"keep up to date with .{0,200}"),
    ("newsletter", r".{0,100}\byou can unsubscribe (?:at any time|anytime)\b.{0,200}"),
    ("newsletter", r"by (?:signing up|subscribing),? you .{0,200}"),
    ("newsletter", r".{0,100}\bprotected by recaptcha\b.{0,200}"),
    ("newsletter", r".{0,100}privacy policy and terms of service apply\.?"),
    ("newsletter", r"(?:sign up|subscribe|register)(?: now| today| here| free)?(?: for| to)?"
                   r"(?: our| the| a)?(?: free)?(?: daily| weekly| morning| evening)?"
                   r"(?: \w+)?(?: newsletters?| briefings?| emails?| alerts?| updates?)\b.{0,150}"),
    ("newsletter", r"get (?:the latest|our|breaking|the best).{0,100}"
                   r"(?:inbox|email|newsletter)\b.{0,60}"),
    ("newsletter", r"enter your e-?mail(?: address)?.{0,100}"),
    ("newsletter", r"(?:thank you|thanks) for (?:signing up|subscribing).{0,150}"),
    ("newsletter", r"(?:subscribe|sign up)(?: now| today| here)?[.!]?"),
    ("newsletter", r"get (?:the|our) (?:[\w'’&.-]+\s+){0,5}(?:briefing|newsletter|digest"
                   r"|bulletin)s?[.!]?"),
    ("newsletter", r"subscribe (?:to us |to our channel )?on (?:youtube|telegram|whatsapp|"
                   r"google news|spotify|apple podcasts|instagram|facebook|x|twitter)\.?"),
    ("share-bar", r"(?:follow|join|like|find) us on .{2,80}"),
    ("share-bar", r"(?:share|share this|share this (?:article|story|post)|share on|tweet|email"
                  r"|copy link|print)[.:]?"),
    ("breadcrumb", r"you are here\s*:.{0,200}"),
    ("copyright", r"(?:copyright\s*)?(?:©|\(c\)\s*\d{4}|copyright\s+\d{4}|copyright\s+©).{0,160}"),
    ("copyright", r".{0,120}\ball rights reserved\b.{0,120}"),
    ("teaser", r"(?:read|read more|read also|also read|also see|see also|related"
               r"|related stor(?:y|ies)|related articles?|recommended|recommended reading"
               r"|more on this(?: story)?"
               r"|watch|watch now|listen|click here|must read)\s*(?::|\||»|–|—|-)\s*.{3,250}"),
    ("teaser", r"(?:read more|also read|read also|see also|related|related articles|related stories"
               r"|continue reading|click here to read more|read the full (?:story|article))[.:]?"),
    ("more-stories", r"more (?:stories|articles|news|reports|coverage|videos) (?:like this"
                     r"|on this|from|about)\b.{0,120}"),
    ("more-stories", r"more from (?:[\w'’&.-]+\s*){1,6}"),
    ("more-stories", r"(?:most (?:read|popular|viewed|shared)|trending(?: now| stories| news)?"
                     r"|you may (?:also )?like|you might (?:also )?like|recommended for you"
                     r"|top stories|latest (?:news|stories)|editor'?s picks|don'?t miss"
                     r"|popular (?:now|stories))[.:]?"),
    ("comment-form", r"leave a (?:reply|comment)(?: cancel reply)?\.?"),
    ("comment-form", r".{0,40}your email address will not be published\b.{0,200}"),
    ("comment-form", r"required fields are marked.{0,20}"),
    ("comment-form", r"(?:post|submit|add) (?:a |your )?comment\.?"),
    ("comment-form", r"cancel reply"),
    ("comment-form", r"save my name, email,? and website.{0,150}"),
    ("comment-form", r"(?:\d+\s+)?comments?(?: \(\d+\))?"),
    ("comment-form", r"(?:log|sign) in to (?:comment|reply|post).{0,100}"),
    ("comment-form", r"you must be logged in to post a comment\.?"),
    ("comment-form", r"join the (?:conversation|discussion)\.?"),
    ("comment-form", r"comments are closed\.?"),
    ("navigation", r"skip to (?:main )?(?:content|navigation|footer)"),
    ("navigation", r"(?:back|go) to top|main menu|menu|search|close|next article|previous article"),
    ("advertisement", r"advertisements?|sponsored(?: content)?|story continues below"
                      r"(?: advertisement)?|scroll to continue(?: with content)?|ad"),
)
_COMPILED = tuple((reason, re.compile(pattern, re.IGNORECASE)) for reason, pattern in _RULES)

_SOCIAL = (
    r"facebook|twitter|x|whatsapp|linkedin|pinterest|reddit|telegram|email|e-mail|mail|print"
    r"|messenger|tumblr|flipboard|copy link|copy|link|sms|threads|bluesky|mastodon|youtube"
    r"|instagram|tiktok|pocket|line|viber"
)
_SHARE_TOKEN = re.compile(
    rf"\s*(?:share(?: on| via| to)?|tweet|send|post)?\s*(?:{_SOCIAL})\s*[|•·,/]?", re.IGNORECASE
)
_CRUMB_SEPARATORS = re.compile(r"\s[»›>]\s|\s/\s|\s→\s")


def _is_share_bar(line: str) -> bool:
    """A run of "Share on <network>" / network names and nothing else."""
    if len(line) > 200 or not re.search(r"share|tweet|facebook|twitter|whatsapp", line, re.I):
        return False
    rest = line
    count = 0
    while rest:
        match = _SHARE_TOKEN.match(rest)
        if not match or not match.group(0).strip():
            return False
        rest = rest[match.end():]
        count += 1
    return count >= 2


def _is_share_button(line: str) -> bool:
    """One network button of a share bar laid out a line each ("Facebook", "X", "Email")."""
    text = " ".join(line.split())
    if not text or len(text) > 40:
        return False
    rest, count = text, 0
    while rest:
        match = _SHARE_TOKEN.match(rest)
        if not match or not match.group(0).strip():
            return False
        rest, count = rest[match.end():], count + 1
    return count >= 1


def share_bar_lines(lines: Sequence[str]) -> set[int]:
    """Find the lines of share bars laid out one button a line.

    A run of consecutive button lines is a share bar when a share prompt ("Share this
    article") or a one-line share bar touches it, or when it has at least three buttons
    (a single "X" or "Email" line alone may be anything).

    Args:
        lines: The blocks of a body, in order.

    Returns:
        Indexes of the lines that belong to such a bar, prompt included.
    """
    found: set[int] = set()
    index = 0
    while index < len(lines):
        if not _is_share_button(lines[index]):
            index += 1
            continue
        end = index
        while end < len(lines) and _is_share_button(lines[end]):
            end += 1
        run = set(range(index, end))
        for edge in (index - 1, end):
            if 0 <= edge < len(lines) and boilerplate_reason(lines[edge]) == "share-bar":
                run.add(edge)
        if len(run) > end - index or end - index >= 3:
            found |= run
        index = end
    return found


def _is_breadcrumb(line: str) -> bool:
    """A "Home » Section » Page" trail."""
    separators = len(_CRUMB_SEPARATORS.findall(line))
    if separators == 0:
        return False
    if re.match(r"(?:home|start|front page|homepage)\s*[»›>/→]", line, re.IGNORECASE):
        return len(line) <= 600
    return separators >= 2 and len(line) <= 200 and not line.rstrip().endswith((".", "!", "?"))


def boilerplate_reason(line: str) -> str | None:
    """Return why ``line`` is page boilerplate, or ``None`` when it may be article text.

    Args:
        line: One block of the body (a paragraph or a line).

    Returns:
        A reason such as ``"newsletter"``, ``"share-bar"`` or ``"copyright"``.
    """
    text = " ".join(line.split())
    # A trail may end in a long headline, so it is checked before the length limit.
    if text and _is_breadcrumb(text):
        return "breadcrumb"
    if not text or len(text) > _MAX_LINE_CHARS:
        return None
    if _is_share_bar(text):
        return "share-bar"
    for reason, pattern in _COMPILED:
        if pattern.fullmatch(text):
            return reason
    return None
