"""The provenance corpus step: duplicate groups, originals, versions and shared passages.

Incremental: only articles added or changed in this run (plus stored articles without
a usable signature) are sketched and looked up; the groups they touch are rebuilt
from exact shingle comparisons; passages are recomputed for the new articles only.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from typing import ClassVar

from scipy.cluster.hierarchy import DisjointSet

from storyline.config import Config
from storyline.model import Article
from storyline.pipeline.step import CorpusResult, register_step
from storyline.provenance.copies import (
    CopyClasses,
    expand_passages,
    representative_links,
    representative_pairs,
)
from storyline.provenance.minhash import (
    BandIndex,
    Nearest,
    decode,
    digest_key,
    encode,
    signatures,
)
from storyline.provenance.passages import (
    SENTENCES_PER_ARTICLE,
    Passage,
    SentenceRow,
    candidate_sentence_pairs,
    match_article_pair,
    merge_matches,
    query_shingles,
)
from storyline.provenance.relations import (
    Doc,
    Overlap,
    Pair,
    Settings,
    group_documents,
    is_wire_original,
    overlap,
    pair_key,
    shares_story,
)
from storyline.provenance.roles import assign_roles
from storyline.provenance.shingles import lede_shingles, shingle_sequence, shingles, text_key
from storyline.store.changes import Changes
from storyline.store.provenance import Provenance
from storyline.store.view import CorpusView

# New articles at least 1/_SCAN_SHARE of the store: scan all sentences instead of the index.
_SCAN_SHARE = 4


@register_step("provenance")
class ProvenanceStep:
    """Finds copies, versions and shared passages across the whole store."""

    name: ClassVar[str] = "provenance"
    version: ClassVar[str] = "4"
    requires: ClassVar[tuple[str, ...]] = ("text", "sentences")
    sets: ClassVar[tuple[str, ...]] = ()
    reads: ClassVar[tuple[str, ...]] = ("articles", "sentences", "signatures", "provenance")
    # 2: the LSH buckets and digest keys are stored (older stores are indexed again once).
    # 3: weak links need a shared lede (stored articles are run again once).
    # 4: groups by mutual overlap first, round-ups go with the headline they keep, versions
    #    by new passages in the lede (titles are read; stored articles are run again once).
    writes: ClassVar[tuple[str, ...]] = ("signatures", "provenance", "passages")

    def __init__(self, config: Config) -> None:
        """Read the ``[provenance]`` settings."""
        section = config["provenance"]
        self.num_perm = int(section["num_perm"])
        self.shingle_words = int(section["shingle_words"])
        self.lsh_threshold = float(section["lsh_threshold"])
        self.passage_min_chars = int(section["passage_min_chars"])
        self.passage_similarity = float(section["passage_similarity"])
        self.passage_max_articles = int(section["passage_max_articles"])
        self.lsh_bucket_max = int(section["lsh_bucket_max"])
        self.max_candidates = int(section["max_candidates"])
        self.fill_in_max = int(section["fill_in_max"])
        self.settings = Settings(
            containment=float(section["duplicate_containment"]),
            min_shared=int(section["min_shared_shingles"]),
            composite_max_overlap=float(section["composite_max_overlap"]),
            version_min_new_shingles=int(section["version_min_new_shingles"]),
            version_min_kept=float(section["version_min_kept"]),
            version_min_kept_own=float(section["version_min_kept_own"]),
            version_new_run=int(section["version_new_run"]),
            version_min_new_top=int(section["version_min_new_top"]),
            composite_max_links=int(section["composite_max_links"]),
            story_containment=float(section["story_containment"]),
            lede_min_share=float(section["lede_min_share"]),
            lede_shingles=max(int(section["lede_words"]) - int(section["shingle_words"]) + 1, 1),
        )
        self.lede_words = int(section["lede_words"])
        self._docs: dict[str, Doc] = {}
        self._texts: dict[str, str] = {}
        self._seq: dict[str, int] = {}

    def run(self, view: CorpusView, pending: Sequence[str]) -> CorpusResult:
        """Update signatures, groups and passages for the articles in ``pending``.

        Reads only what the new articles need: the stored articles sharing an LSH bucket,
        a digest or a sentence shingle with one of them, and the groups they touch.
        """
        self._docs, self._texts = {}, {}
        self._seq = {}
        seq = self._seq
        self._arrive(view, pending)
        fresh = sorted({i for i in pending if i in seq}, key=seq.__getitem__)
        if not fresh:
            return CorpusResult(stats={"provenance_articles": 0})
        self._load(view, fresh, seq)
        # Exact copies are sketched and aligned once, through their earliest copy.
        same_words = CopyClasses.build(fresh, lambda i: self._docs[i].text_key, seq)
        sketched = sorted(set(fresh) - set(same_words.rep_of), key=seq.__getitem__)
        computed = dict(zip(sketched, signatures([self._docs[i].shingles for i in sketched],
                                                 self.num_perm), strict=True))
        digests: dict[str, list[int] | None] = {i: computed[same_words.rep(i)] for i in fresh}

        same_text = CopyClasses.build(fresh, self._texts.__getitem__, seq)
        passages = expand_passages(self._passages(view, fresh, seq, same_text), same_text)
        # Pairs sharing passages are candidates too: LSH estimates Jaccard, and a short copy
        # of a long text can have a low Jaccard however much of it is shared.
        sharing = {pair_key(p.a, p.b) for p in passages}
        self._arrive(view, [i for pair in sharing for i in pair])
        links, indexed = self._verified_links(view, fresh, digests, seq, sharing)
        roles = self._regroup(view, fresh, links, seq)
        layout = BandIndex(self.lsh_threshold, self.num_perm)
        changes = Changes(
            signatures={i: encode(digest or []) for i, digest in digests.items()},
            lsh_buckets={i: layout.keys(digests[i] or []) for i in fresh if i in indexed},
            digest_keys={i: digest_key(digest) for i, digest in digests.items()
                         if digest is not None},
            provenance=roles,
            passages_for=list(fresh),
            passages=passages,
        )
        return CorpusResult(stats={
            "provenance_articles": len(fresh),
            "provenance_regrouped": len(roles),
            "passages": len(passages),
        }, changes=changes)

    def _arrive(self, view: CorpusView, ids: Iterable[str]) -> None:
        """Learn the arrival numbers of ``ids`` (only those of articles this run touches)."""
        wanted = [i for i in set(ids) if i not in self._seq]
        if wanted:
            self._seq.update(view.arrivals(wanted))

    def _load(self, view: CorpusView, ids: Iterable[str], seq: dict[str, int]) -> None:
        wanted = [i for i in ids if i not in self._docs]
        if not wanted:
            return
        self._arrive(view, wanted)
        for article in view.articles(wanted):
            self._docs[article.id] = self._doc(article, seq[article.id])
            self._texts[article.id] = article.text

    def _doc(self, article: Article, arrival: int) -> Doc:
        sequence = shingle_sequence(article.text, self.shingle_words)
        return Doc(
            id=article.id,
            seq=arrival,
            shingles=frozenset(sequence),
            sequence=tuple(sequence),
            text_key=text_key(article.text),
            source=article.source,
            wire=article.wire,
            published=article.published,
            published_precision=article.published_precision,
            lede=lede_shingles(article.text, self.shingle_words, self.lede_words),
            title=shingles(article.title or "", self.shingle_words),
        )

    def _verified_links(
        self,
        view: CorpusView,
        fresh: Sequence[str],
        fresh_digests: dict[str, list[int] | None],
        seq: dict[str, int],
        extra: set[Pair],
    ) -> tuple[dict[Pair, Overlap], set[str]]:
        """LSH candidates (and ``extra`` pairs), kept when the exact comparison agrees.

        Articles with one digest (copies) are indexed and looked up once, through the
        earliest; two copies of one non-empty text are always linked, however short.
        The stored side of the index is read from the store: the articles in the new
        digests' buckets (the ``lsh_bucket_max`` earliest of each) and those with a new
        digest. Returns the links and the new articles that enter the index.
        """
        layout = BandIndex(self.lsh_threshold, self.num_perm, self.lsh_bucket_max)
        wanted = [d for d in fresh_digests.values() if d is not None]
        stored_ids = (view.bucket_members({k for d in wanted for k in layout.keys(d)},
                                          self.lsh_bucket_max)
                      | view.same_digest({digest_key(d) for d in wanted})) - set(fresh)
        self._arrive(view, stored_ids)
        digests: dict[str, list[int] | None] = {}
        blobs = view.signatures_of(sorted(stored_ids))
        for article_id in sorted(blobs, key=seq.__getitem__):
            digests[article_id] = decode(blobs[article_id], self.num_perm)
        digests.update(fresh_digests)
        # Stored copies of a new text are loaded, so that a wire's own copy among them
        # is known as such (see _own_wire).
        new_digests = {tuple(digests[i] or ()) for i in fresh}
        self._load(view, [i for i, d in digests.items()
                           if d is not None and i in seq and tuple(d) in new_digests], seq)

        def digest_class(article_id: str) -> Hashable:
            return (tuple(digests[article_id] or ()), self._own_wire(article_id))

        same_digest = CopyClasses.build(
            [i for i, d in digests.items() if d is not None and i in seq], digest_class, seq
        )
        index = BandIndex(self.lsh_threshold, self.num_perm, self.lsh_bucket_max)
        indexed = [i for i, d in digests.items() if d is not None and i in seq
                   and i not in same_digest.rep_of and self._has_text(i)]
        for article_id in indexed:
            index.add(article_id, digests[article_id] or [])
        nearest = Nearest(indexed, digests, seq, self.max_candidates)
        candidates = representative_pairs(extra, same_digest)
        # The first new article of each digest looks up for all of them (the stored copy
        # leading its class is found as its own nearest neighbour).
        looked_up = CopyClasses.build([i for i in fresh if digests[i] is not None],
                                      digest_class, seq)
        for article_id in sorted(set(fresh) - set(looked_up.rep_of), key=seq.__getitem__):
            digest = digests[article_id]
            if digest is None or not self._has_text(article_id):
                continue
            closest = nearest.best(digest, index.query(digest) - {article_id})
            candidates.update(pair_key(article_id, other) for other in closest)
            for copy in same_digest.copies.get(article_id, ())[:1]:
                candidates.add(pair_key(article_id, copy))  # one copy brings in its group
        self._load(view, {i for pair in candidates for i in pair}, seq)
        links: dict[Pair, Overlap] = {}
        for a, b in sorted(candidates):
            first, second = self._docs[a], self._docs[b]
            found = overlap(first.shingles, second.shingles)
            if shares_story(first, second, found, self.settings) or (
                first.shingles and first.text_key == second.text_key
            ):
                links[(a, b)] = found
        return links, set(indexed)

    def _own_wire(self, article_id: str) -> str | None:
        """The id of a wire's own copy (never merged with another), else ``None``.

        Two agencies can send out the same text; each stays the original of its story,
        so a wire's own copy is never collapsed into another article's class. Stored
        articles not loaded were indexed by the run that stored them: none.
        """
        doc = self._docs.get(article_id)
        return article_id if doc is not None and is_wire_original(doc) else None

    def _has_text(self, article_id: str) -> bool:
        doc = self._docs.get(article_id)
        return doc is None or bool(doc.shingles)  # unloaded stored articles were sketched

    def _regroup(
        self, view: CorpusView, fresh: Sequence[str], links: dict[Pair, Overlap],
        seq: dict[str, int],
    ) -> dict[str, Provenance]:
        """Rebuild every group a new article joins or leaves; return the rows that change."""
        touched = set(fresh) | {i for pair in links for i in pair}
        before = view.current_groups(sorted(touched))
        members = touched | view.group_members({g for g in before.values() if g})
        self._load(view, members, seq)
        self._arrive(view, members)
        existing = view.current_groups(sorted(members))
        # Copies of one text are grouped as one: their earliest stands for them all.
        copies = CopyClasses.build(
            members,
            lambda i: (self._docs[i].text_key, self._own_wire(i)) if self._docs[i].shingles
            else None,
            seq,
        )
        all_links = representative_links(links, copies)
        reps = copies.reps(members)
        # Fill in links the LSH missed, but only inside clusters that can form one group.
        for cluster in _clusters(reps, all_links, {i: existing.get(i) for i in reps}):
            if len(cluster) > self.fill_in_max:
                continue  # thousands of near-copies: the LSH links already tie them together
            ordered = sorted(cluster, key=seq.__getitem__)
            for i, a in enumerate(ordered):
                for b in ordered[i + 1 :]:
                    key = pair_key(a, b)
                    if key in all_links:
                        continue
                    found = overlap(self._docs[a].shingles, self._docs[b].shingles)
                    if shares_story(self._docs[a], self._docs[b], found, self.settings):
                        all_links[key] = found
        docs = {i: self._docs[i] for i in members}
        grouping = group_documents(
            docs, all_links, self.settings, existing,
            taken=view.group_id_taken,
            copies=copies.copies,
        )
        roles = assign_roles(grouping, docs, all_links, self.settings)
        return {
            article_id: Provenance(r.duplicate_group, r.reprint_of, r.version_of,
                                   r.exact_duplicate_of)
            for article_id, r in roles.items()
        }

    def _passages(
        self, view: CorpusView, fresh: Sequence[str], seq: dict[str, int], copies: CopyClasses
    ) -> list[Passage]:
        """Shared passages between the new articles and every stored one.

        Only the first of several new copies of one text is aligned; the caller gives the
        others its passages (:func:`expand_passages`).
        """
        new_rows = list(view.sentences(sorted(copies.reps(fresh))))
        # Every stored sentence sharing a shingle with a new one: the new articles' own, and
        # the others' through the full-text index (not a scan of every stored sentence).
        # When the new articles are a large share of the store, one scan is cheaper.
        fresh_set = set(fresh)
        stored_rows: Iterable[SentenceRow]
        if len(fresh) * _SCAN_SHARE >= view.article_count():
            stored_rows = view.sentences()
        else:
            stored_rows = [
                *view.sentences(list(fresh)),
                *(row for row in view.sentences_sharing(
                    sorted({s for row in new_rows for s in query_shingles(row.text)}),
                    self.passage_max_articles,
                    self.passage_max_articles * SENTENCES_PER_ARTICLE)
                  if row.article_id not in fresh_set),
            ]
        pairs = candidate_sentence_pairs(new_rows, stored_rows, self.passage_max_articles)
        involved = sorted({i for pair in pairs for i in pair})
        by_article: dict[str, dict[int, SentenceRow]] = {i: {} for i in involved}
        for row in view.sentences(involved):
            by_article[row.article_id][row.idx] = row
        passages: list[Passage] = []
        for (a, b), candidates in sorted(pairs.items()):
            matches = match_article_pair(by_article[a], by_article[b], candidates,
                                         self.passage_similarity, self.passage_min_chars)
            if not matches:
                continue
            self._load(view, (a, b), seq)
            passages.extend(merge_matches(a, b, matches, self._texts[a], self._texts[b],
                                          self.passage_min_chars))
        return passages


def _clusters(
    members: Iterable[str], links: Iterable[Pair], existing: dict[str, str | None]
) -> list[set[str]]:
    """Connected components of links and current group membership."""
    sets = DisjointSet(members)
    first_in_group: dict[str, str] = {}
    for member in list(sets):
        group = existing.get(member)
        if group:
            sets.merge(member, first_in_group.setdefault(group, member))
    for a, b in links:
        sets.merge(a, b)
    return [set(subset) for subset in sets.subsets()]
