"""EXPERIMENT: a learned ranker over candidate speakers versus the rule-based speaker sieve.

    python bench/quote_ranker.py --data ../shared/data [--cache /tmp/ranker.json]

Question (storyline issue 8): does a small learned ranker over candidate speakers
generalise better than the hand-ordered sieves of ``storyline.language.speakers``?

Method
------
Storyline's clean and language steps run on the gold articles (bench/quotes.py's
``run_storyline``, default configuration); ``attribute_quotes`` is wrapped (not changed)
to keep each article's parsed pieces and quote spans. Each gold quote (every set but
fresh8, which is never read) is matched to the found quote overlapping it most, as
bench/quotes.py does; a missed gold quote counts as wrong for both systems.

Candidates for a found quote: the canonical names of PERSON/ORG mentions in the quote's
paragraph and the three before, the rules' own pick (added if outside that window), and
"no speaker". Label: bench/quotes.py's ``same_speaker`` against the gold speaker and its
``also`` answers. Features per candidate (aggregated over its mentions in the window):
the rules picked it; the rules picked no one; sentence distance (0 = a quote sentence);
character distance before/after the quote (log); in a quote sentence; subject (or
"according to" object) of a speech verb in a quote sentence / in the adjacent one;
subject of any verb in a quote sentence; all its window mentions inside quotes; mentions
in the window and in the article (log); previous found quote's rules speaker; first
person mentioned in the article; PERSON or ORG; for "no speaker", quote-level features (a
speech verb in the quote's sentences; its subject a pronoun; an unnamed noun subject;
number of candidates). A pointwise classifier (logistic regression, scaled; or sklearn
gradient boosting) scores candidates; the top score is the ranker's answer. The
"confident" variant keeps the rules' answer unless the model's top candidate beats the
rules' candidate's probability by a margin (0.3, 0.5; fixed before looking).

Evaluation: 5-fold GroupKFold by article over all non-fresh8 sets (per set and pooled),
and a block trained on tune..fresh5 and tested on fresh6+fresh7 (the closest to a
blind test: those sets' errors never shaped the rules, but their figures were known).

``--no-rules`` drops the rules' pick (and, to avoid leaking it, any candidate outside the
window): a ranker on its own. Run time: about 20 s (the parse is cached).

Results (2026-12-07, language step version 10, 382 gold quotes in 114 articles)
-------------------------------------------------------------------------------
Right speaker, share of gold quotes (missed spans count wrong: 3 quotes):

=================  ======  =====  ======  ======  ======  ======  ======
block              oracle  rules  LR+r    GB+r    LR-r    GB-r    LR-r c0.5
=================  ======  =====  ======  ======  ======  ======  ======
CV pooled (382)    0.969   0.924  0.921   0.916   0.717   0.728   0.901
CV fresh6 (47)     0.979   0.894  0.894   0.894   0.574   0.596   0.894
CV fresh7 (50)     0.900   0.820  0.820   0.840   0.740   0.800   0.840
old->f6+f7 (97)    0.938   0.856  0.856   0.866   0.670   0.701   0.866
=================  ======  =====  ======  ======  ======  ======  ======

(+r: with the rules' pick as a feature; -r: without it, where the oracle falls to 0.887
pooled, 0.856 on fresh6+fresh7, because the rules' he/she chains reach beyond the window;
c0.5: keep the rules unless the model's top candidate beats theirs by 0.5. "old->f6+f7":
trained on tune..fresh5, tested on fresh6+fresh7.) Per set in CV, logistic regression with
the rules' pick reproduces the rules everywhere but one tune quote (lost); gradient
boosting with it gains 1 fresh7 quote and loses 4 elsewhere. The confident variants with
the rules' pick change nothing (margin 0.5) or equal the plain ranker. Without the rules,
every model loses 80+ quotes and gains at most 7 (pooled CV); its best confident variant
stays under the rules in CV (0.901 vs 0.924) and ties or passes them by one quote on the
fresh6+fresh7 block, inside noise. The rules' pick dominates (LR coefficient +2.4 scaled;
GB importance 0.83); without it the useful features are: last person who was a subject
before the quote, subject of a speech verb in the quote's sentence, distance before/after
(a name after the quote is rarely its speaker), previous quote's speaker, mention count.
Of the rules' 29 pooled errors, 17 have the gold speaker among the candidates (17 are
rules' abstentions, "no speaker"); 8 of fresh6+fresh7's 14. No ranker recovers them
reliably with these features.

Conclusion: no evidence that a learned ranker over these cheap features generalises
better than the sieves; not integrated.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from quotes import BLIND, GOLD, load_records, offset_map, run_storyline, same_speaker  # noqa: E402

PRONOUNS = frozenset({"he", "she", "they", "we", "i", "it"})
SUBJECTS = ("nsubj", "nsubjpass")
FEATURES = (
    "is_none", "rules_pick", "rules_none", "sent_dist", "log_before", "log_after", "has_before",
    "has_after", "same_sentence", "speech_subj_same", "speech_subj_adjacent", "subj_same",
    "only_in_quote", "log_window_count", "log_article_count", "prev_speaker", "first_person",
    "is_person", "is_org", "in_window", "q_speech_verb", "q_pronoun_subj", "q_unnamed_subj",
    "q_candidates", "last_person", "last_subject", "pronoun_last_person", "pronoun_last_subject",
)


def _capture() -> list[tuple[Any, Any, Any]]:
    """Wrap the language step's ``attribute_quotes`` to keep its inputs (outputs unchanged)."""
    import storyline.language.step as step

    seen: list[tuple[Any, Any, Any]] = []
    original = step.attribute_quotes

    def wrapped(article: Any, pieces: Any, spans: Any) -> Any:
        seen.append((article, list(pieces), list(spans)))
        return original(article, pieces, spans)

    step.attribute_quotes = wrapped  # type: ignore[assignment]
    return seen


def _root(index: Any, mention: Any) -> Any:
    """The mention's syntactic head token (its head lies outside the mention)."""
    tokens = index.tokens_between(mention.start, mention.end)
    for item in tokens:
        head = item.token.head
        if head is item.token or not mention.start <= index.start_of(head) < mention.end:
            return item.token
    return tokens[0].token if tokens else None


def _speech_role(token: Any) -> bool:
    """Whether a head token is the subject of a speech verb, or "according to"'s object."""
    from storyline.language.speaker_words import is_speech_verb

    if token is None:
        return False
    if token.dep_ in SUBJECTS and is_speech_verb(token.head):
        return True
    return bool(token.dep_ == "pobj" and token.head.lower_ == "to"
                and token.head.head.lower_ == "according")


def article_rows(article: Any, pieces: Sequence[Any], spans: Sequence[Any]) -> list[dict[str, Any]]:
    """Candidate rows for each found quote of one article (keyed by the quote's position)."""
    from storyline.language.speaker_index import ArticleIndex
    from storyline.language.speaker_words import is_speech_verb

    index = ArticleIndex(article, pieces, spans)
    mentions = [m for m in index.mentions if m.label in ("PERSON", "ORG")]
    counts: dict[str, int] = {}
    for m in mentions:
        key = m.canonical or m.text
        counts[key] = counts.get(key, 0) + 1
    first_person = next((m.canonical or m.text for m in mentions if m.label == "PERSON"), None)
    rows: list[dict[str, Any]] = []
    previous: str | None = None
    for position, (span, quote) in enumerate(zip(spans, article.quotes, strict=True)):
        first = index.sentence_of(span.outer_start)
        last = index.sentence_of(max(span.outer_start, span.outer_end - 1))
        paragraph = article.sentences[first].paragraph if article.sentences else 0
        low = min((s.start for s in article.sentences if paragraph - 3 <= s.paragraph <= paragraph),
                  default=0)
        high = max((s.end for s in article.sentences if s.paragraph == paragraph), default=0)
        narrative = [t for s in range(first, last + 1) for t in index.sentence_tokens(s)]
        verbs = [t.token for t in narrative if is_speech_verb(t.token)]
        subjects = [c for v in verbs for c in v.children if c.dep_ in SUBJECTS]
        q_pronoun = any(c.lower_ in PRONOUNS for c in subjects)
        q_unnamed = any(c.ent_type_ == "" and c.tag_.startswith("NN") and c.lower_ not in PRONOUNS
                        for c in subjects)
        # What a "he said" would cheaply stand for: the last person mentioned before the
        # quote (outside quotes), and the last person who was a verb's subject.
        before_quote = [m for m in mentions if m.end <= span.outer_start and m.label == "PERSON"
                        and not index.in_quote(m.start)]
        last_person = (before_quote[-1].canonical or before_quote[-1].text) \
            if before_quote else None
        subjects_before = [m for m in before_quote
                           if (r := _root(index, m)) is not None and r.dep_ in SUBJECTS]
        last_subject = (subjects_before[-1].canonical or subjects_before[-1].text) \
            if subjects_before else None
        groups: dict[str, dict[str, Any]] = {}
        for m in mentions:
            if not low <= m.start < high:
                continue
            key = m.canonical or m.text
            g = groups.setdefault(key, {"mentions": [], "label": m.label})
            g["mentions"].append(m)
        rules = quote.speaker
        if rules is not None and rules not in groups:
            groups[rules] = {"mentions": [m for m in index.mentions
                                          if (m.canonical or m.text) == rules],
                             "label": next((m.label for m in index.mentions
                                            if (m.canonical or m.text) == rules), "PERSON"),
                             "outside": True}
        candidates = []
        for key, g in groups.items():
            near = [m for m in g["mentions"] if low <= m.start < high]
            sent_dists, before, after = [], [], []
            same = speech_same = speech_adjacent = subj_same = False
            for m in near:
                s = index.sentence_of(m.start)
                distance = 0 if first <= s <= last else (first - s if s < first else s - last)
                sent_dists.append(distance)
                if m.end <= span.outer_start:
                    before.append(span.outer_start - m.end)
                elif m.start >= span.outer_end:
                    after.append(m.start - span.outer_end)
                root = _root(index, m)
                in_quote = index.in_quote(m.start)
                if distance == 0 and not in_quote:
                    same = True
                    speech_same |= _speech_role(root)
                    subj_same |= root is not None and root.dep_ in SUBJECTS
                if distance == 1 and not in_quote:
                    speech_adjacent |= _speech_role(root)
            candidates.append({
                "name": key, "is_none": 0, "rules_pick": int(key == rules),
                "rules_none": int(rules is None),
                "sent_dist": min(sent_dists, default=10),
                "log_before": math.log1p(min(before)) if before else 10.0,
                "log_after": math.log1p(min(after)) if after else 10.0,
                "has_before": int(bool(before)), "has_after": int(bool(after)),
                "same_sentence": int(same), "speech_subj_same": int(speech_same),
                "speech_subj_adjacent": int(speech_adjacent), "subj_same": int(subj_same),
                "only_in_quote": int(bool(near) and all(index.in_quote(m.start) for m in near)),
                "log_window_count": math.log1p(len(near)),
                "log_article_count": math.log1p(counts.get(key, 0)),
                "prev_speaker": int(previous is not None and key == previous),
                "first_person": int(key == first_person),
                "is_person": int(g["label"] == "PERSON"), "is_org": int(g["label"] == "ORG"),
                "in_window": int(bool(near)),
                "last_person": int(key == last_person), "last_subject": int(key == last_subject),
                "pronoun_last_person": int(q_pronoun and key == last_person),
                "pronoun_last_subject": int(q_pronoun and key == last_subject),
            })
        candidates.append({"name": None, "is_none": 1, "rules_pick": int(rules is None),
                           "rules_none": int(rules is None)})
        for c in candidates:
            for f in FEATURES:
                c.setdefault(f, 0)
            c["q_speech_verb"] = int(bool(verbs)) if c["is_none"] else 0
            c["q_pronoun_subj"] = int(q_pronoun) if c["is_none"] else 0
            c["q_unnamed_subj"] = int(q_unnamed) if c["is_none"] else 0
            c["q_candidates"] = len(candidates) - 1 if c["is_none"] else 0
        rows.append({"position": position, "start": quote.start, "end": quote.end,
                     "rules": rules, "candidates": candidates})
        previous = rules
    return rows


def extract(data: Path) -> list[dict[str, Any]]:
    """One item per gold quote (blind sets excluded): set, article, rules' answer, candidates."""
    gold = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines()]
    gold = [g for g in gold if g["half"] not in BLIND]  # kept blind for the next pass: never read
    records = load_records(data, {(g["dataset"], str(g["id"])) for g in gold})
    ordered = [records[(g["dataset"], str(g["id"]))] for g in gold]
    seen = _capture()
    articles = run_storyline(ordered)
    by_identity = {id(a): (a, p, s) for a, p, s in seen}
    items: list[dict[str, Any]] = []
    for labels, record, article in zip(gold, ordered, articles, strict=True):
        if article is None:
            continue
        _, pieces, spans = by_identity[id(article)]
        rows = article_rows(article, pieces, spans)
        mapping = offset_map(record["text"], article.text)
        for item in labels["quotes"]:
            start, end = mapping[item["start"]], mapping[item["end"]]
            person = item.get("speaker_type") == "PERSON"
            also = item.get("also", [])
            overlapping = [r for r in rows if r["start"] < end and start < r["end"]]
            entry: dict[str, Any] = {"set": labels["half"],
                                     "article": f"{labels['dataset']}/{labels['id']}",
                                     "gold": item["speaker"], "found": bool(overlapping)}
            if overlapping:
                row = max(overlapping, key=lambda r: min(r["end"], end) - max(r["start"], start))
                entry["rules_right"] = same_speaker(row["rules"], item["speaker"], also, person)
                entry["candidates"] = [
                    {**c, "label": int(same_speaker(c["name"], item["speaker"], also, person))}
                    for c in row["candidates"]]
            else:
                entry["rules_right"] = False
                entry["candidates"] = []
            items.append(entry)
    return items


def _model(kind: str) -> Any:
    from sklearn.ensemble import GradientBoostingClassifier
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    if kind == "logreg":
        return make_pipeline(StandardScaler(), LogisticRegression(C=1.0, max_iter=2000))
    return GradientBoostingClassifier(n_estimators=150, max_depth=3, learning_rate=0.05,
                                      subsample=0.8, random_state=0)


USED: list[str] = list(FEATURES)


def _matrix(items: Sequence[dict[str, Any]]) -> tuple[Any, Any]:
    import numpy as np

    rows = [c for it in items for c in it["candidates"]]
    x = np.array([[c[f] for f in USED] for c in rows], dtype=float)
    y = np.array([c["label"] for c in rows], dtype=int)
    return x, y


def predict(model: Any, train: Sequence[dict[str, Any]], test: Sequence[dict[str, Any]],
            margins: Sequence[float]) -> list[dict[str, bool]]:
    """Per test item: whether the ranker (and each confident variant) is right."""
    x, y = _matrix(train)
    model.fit(x, y)
    out = []
    for it in test:
        result = {"rules": bool(it["rules_right"]), "ranker": False}
        for m in margins:
            result[f"conf{m}"] = bool(it["rules_right"])
        if it["candidates"]:
            cx, _ = _matrix([it])
            p = model.predict_proba(cx)[:, 1]
            top = int(p.argmax())
            result["ranker"] = bool(it["candidates"][top]["label"])
            rules_at = next((i for i, c in enumerate(it["candidates"]) if c["rules_pick"]), None)
            p_rules = p[rules_at] if rules_at is not None else 0.0
            for m in margins:
                if p[top] - p_rules >= m:
                    result[f"conf{m}"] = bool(it["candidates"][top]["label"])
        out.append(result)
    return out


def _table(title: str, items: Sequence[dict[str, Any]], results: Sequence[dict[str, bool]]) -> None:
    print(title)
    sets = list(dict.fromkeys(it["set"] for it in items))
    keys = list(results[0])
    print(f"  {'set':8s} {'n':>4s} {'oracle':>7s} " + " ".join(f"{k:>8s}" for k in keys))
    for name in (*sets, "pooled"):
        chosen = [i for i, it in enumerate(items) if name in (it["set"], "pooled")]
        n = len(chosen)
        oracle = sum(any(c["label"] for c in items[i]["candidates"]) for i in chosen) / n
        figures = " ".join(f"{sum(results[i][k] for i in chosen) / n:8.3f}" for k in keys)
        # Quotes the ranker got right and the rules wrong, and the reverse.
        gained = sum(results[i]["ranker"] and not results[i]["rules"] for i in chosen)
        lost = sum(results[i]["rules"] and not results[i]["ranker"] for i in chosen)
        print(f"  {name:8s} {n:4d} {oracle:7.3f} {figures}   ranker +{gained}/-{lost}")


def main() -> None:
    """Extract candidates (or read the cache), then cross-validate and test on fresh6+7."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--cache", type=Path, default=None,
                        help="JSON file of extracted candidates (written if missing)")
    parser.add_argument("--model", choices=("logreg", "gbm"), default="logreg")
    parser.add_argument("--no-rules", action="store_true",
                        help="drop the rules' pick from the features (a ranker on its own)")
    args = parser.parse_args()
    if args.no_rules:
        # Without the rules, a name is a candidate only from the window (the rules' pick
        # outside it would leak their answer through in_window).
        USED[:] = [f for f in FEATURES if f not in ("rules_pick", "rules_none", "in_window")]
    if args.cache is not None and args.cache.exists():
        items = json.loads(args.cache.read_text(encoding="utf-8"))
    else:
        items = extract(args.data)
        if args.cache is not None:
            args.cache.write_text(json.dumps(items), encoding="utf-8")
    if args.no_rules:
        for it in items:
            it["candidates"] = [c for c in it["candidates"] if c["in_window"] or c["is_none"]]

    from sklearn.model_selection import GroupKFold

    margins = (0.3, 0.5)
    articles = sorted({it["article"] for it in items})
    groups = [articles.index(it["article"]) for it in items]
    results: list[dict[str, bool] | None] = [None] * len(items)
    for train_at, test_at in GroupKFold(n_splits=5).split(items, groups=groups):
        train = [items[i] for i in train_at]
        test = [items[i] for i in test_at]
        for i, r in zip(test_at, predict(_model(args.model), train, test, margins), strict=True):
            results[i] = r
    done = [r for r in results if r is not None]
    variant = f"{args.model}{', no rules feature' if args.no_rules else ''}"
    _table(f"5-fold CV by article ({variant}): right speaker", items, done)

    fresh = {"fresh6", "fresh7"}
    train = [it for it in items if it["set"] not in fresh]
    test = [it for it in items if it["set"] in fresh]
    model = _model(args.model)
    block = predict(model, train, test, margins)
    _table(f"train tune..fresh5, test fresh6+fresh7 ({variant})", test, block)
    if args.model == "logreg":
        coefs = model[-1].coef_[0]
        ranked = sorted(zip(USED, coefs, strict=True), key=lambda p: -abs(p[1]))
        print("  coefficients (scaled):", ", ".join(f"{f} {c:+.2f}" for f, c in ranked))
    else:
        ranked = sorted(zip(USED, model.feature_importances_, strict=True),
                        key=lambda p: -p[1])
        print("  importances:", ", ".join(f"{f} {c:.3f}" for f, c in ranked[:12]))


if __name__ == "__main__":
    main()
