"""Ranking passages for a question: lexical scores, the governing act, cited articles, optional dense fusion.

1. Articles the question cites ("상증법 53조", "부가세법 제49조", "제53조" with the act inferred) come first.
2. Every other passage gets its lexical score (taxqa.corpus.bm25) times a prior for its act: an article of
   an act that governs the question (taxqa.corpus.query) counts fully (0.85 when only the lay-term expansion
   points at it and the question's own words point at another); other statutes 0.7; special-case
   acts (조세특례제한법) and decrees the question does not name 0.5; precedents and rulings 0.8. A question
   naming no tax, with no lay phrase pointing at an act but with everyday words, gets the act its statute
   words point at (taxqa.corpus.acts); other statutes then count 0.85.
3. With an embedding model (`embed_model=` or TAXQA_EMBED_MODEL) the lexical and dense rankings are fused by
   reciprocal rank: 1/(60 + lexical rank) + 1/(60 + dense rank).
4. Two rules hold whatever the scores: the best article of a governing act ranks above any special-case act
   or decree the question does not name (nor says the concept of, in the term table's everyday words), and
   precedents and rulings never push it out of the top 3.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from taxqa.corpus import acts, intent, siblings
from taxqa.corpus.bm25 import LEXICON_WEIGHT
from taxqa.corpus.cite import squash
from taxqa.corpus.clause import best_clause
from taxqa.corpus.query import Query, read_query, table
from taxqa.corpus.rerank import by_title, grams

if TYPE_CHECKING:
    from taxqa.records import PassageRecord

OTHER_STATUTE = 0.7
SECONDARY_ACT = 0.85  # a governing act only the expansion points at, when the question's words name another
SPECIAL_OR_DECREE = 0.5
VOTED_OTHER = 0.85  # another statute, when only the question's statute words voted for the act (taxqa.corpus.acts)
SPECIAL_RELIEF = 0.8  # a special act, for a question asking for a relief (감면, 특례, 깎아 주는 ...)
DECISION = 0.8
RRF_K = 60
POOL = 100  # passages per ranking taken into the fusion
EMBED_ENV = "TAXQA_EMBED_MODEL"
FEW_OWN_WORDS = 1  # a question with at most this many words of its own in the corpus ...
LEXICON_ALONE = 1.0  # ... weighs its everyday words' statute words like its own
CALCULATOR_BOOST = 1.3  # an article the question's calculation applied
NAMES_CONCEPT = 5.0  # summed idf of the terms of an article the question contains: it names its concept


@dataclass
class Hit:
    passage: PassageRecord
    score: float
    matched: list[str] = field(default_factory=list)
    via: str = "lexical"  # "citation", "lexical", "fused" or "calculator"
    clause: tuple[str, str] = ("", "")  # the 항/호 the query matched: label and opening
    titled: float = 0.0  # how much of the article's title the question says (taxqa.corpus.rerank)
    row: int = -1  # the passage's position in the index
    said: bool = False  # it carries a concept the question says in everyday words (taxqa.corpus.rerank)


def _is_decree(p: PassageRecord) -> bool:
    return p.kind == "decree" or p.law.endswith(("시행령", "시행규칙"))


def _prior(p: PassageRecord, q: Query, special: set[str], named: float = 0.0) -> float:
    if p.kind in ("precedent", "ruling"):
        return DECISION
    if p.law in q.named:
        return 1.0
    if p.law in table()["mirror"] and p.law not in q.acts:
        return SPECIAL_OR_DECREE  # e.g. 지방세법's 지방소득세 articles, for a question about 소득세
    if named >= NAMES_CONCEPT and (not q.acts or p.law in q.acts or p.law in special or _is_decree(p)):
        return 1.0  # the question names the article's concept (a title phrase or a defined term)
    if _is_decree(p):
        return 1.0 if q.wants_decree and p.law.rsplit(" ", 1)[0] in q.acts else SPECIAL_OR_DECREE
    if p.law in special:
        return SPECIAL_RELIEF if q.wants_relief else SPECIAL_OR_DECREE
    if q.acts and p.law not in q.acts:
        return VOTED_OTHER if q.voted else OTHER_STATUTE
    if q.primary and p.law not in q.primary:
        return SECONDARY_ACT
    return 1.0


def rank(
    query: str,
    k: int = 5,
    passages: Sequence[PassageRecord] | None = None,
    *,
    cache_key: str | None = None,
    embed_model: str | None = None,
    reading: dict | None = None,
) -> list[Hit]:
    """The top-k hits for a question, best first, one per citation (the best chunk of a long article).

    ``reading`` is what the question reader made of it (`taxqa tax ask --json`): when it computed a result,
    the acts of the articles the calculator applied govern the question, and the best of those articles
    (by the question's words, at most half of k) come first; retrieval ranks within and around them. Without
    a result, ``kind_articles`` (the articles the calculator of the question's tax kind cites) govern a
    question asking how much or at what rate (taxqa.corpus.intent) and gain CALCULATOR_BOOST, without being
    put first (the kind's articles need not hold the rate: 상속세's are its 공제s).
    """
    import numpy as np

    from taxqa.corpus.bm25 import index_for

    q = read_query(query)
    applied = _applied(reading)
    cited = applied or (_kind_articles(reading) if "rate" in intent.asked(query) else set())
    if cited:
        acts = {c.rsplit(" ", 1)[0] for c in cited}
        q.acts |= acts
        q.primary |= acts
    if not passages or k < 1 or not (q.terms or q.expansion or q.lexicon or q.citations or q.bare_articles):
        return []
    index = index_for(passages, cache_key)
    special = table()["special"]
    if not q.acts:
        _voted_act(q, index, special)
    taxes = {squash(t) for t in table()["tax_names"]}
    named = index.named(squash(q.text), [squash(a) for a in q.added], taxes, q.concepts)
    prior = _priors(index, q, special, named, cited)
    wanted = intent.asked(q.text)
    units = siblings.scope(index, q, table()["general"]) if wanted else []
    own = len(_own_words(q, index))  # the question's own words the corpus has: weighs its everyday words
    prior = siblings.lift(prior, index, q, units, wanted, own)
    prior = _kind_aside(prior, index, wanted, q.text)
    prior = siblings.definitions_aside(prior, index, wanted)
    weight = _lexicon_weight(q, own)
    untitled = VAT_NAME if q.acts else frozenset()  # the act known, its tax's name says no article
    lexical = index.scores(q.terms, q.expansion, " ".join([q.phrase, *q.added]), named, q.lexicon, weight, untitled)
    said = [*q.terms, *q.lexicon]
    scores = siblings.pool(lexical, index, units, wanted, q.text, said) * prior
    order = [int(i) for i in np.argsort(-scores, kind="stable") if scores[i] > 0]
    via = "lexical"
    model = embed_model or os.environ.get(EMBED_ENV) or None
    if model:
        from taxqa.corpus.dense import dense_for

        dense = dense_for(model, passages, cache_key).scores(query)  # the act rules below apply to the fusion
        order, scores = _fuse(order[:POOL], [int(i) for i in np.argsort(-dense, kind="stable")[:POOL]])
        via = "fused"
    words = [*q.terms, *q.added, *q.lexicon]
    hits: list[Hit] = []
    seen: set[str] = set()
    for i in order:
        p = index.passages[i]
        if p.citation in seen:
            continue
        seen.add(p.citation)
        hits.append(Hit(p, float(scores[i]), index.matched(i, words), via, row=i))
        if len(hits) >= max(k, 10) * 3:
            break
    hits = by_title(hits, squash(q.text), index, q.concepts, q.primary, special, own, q.near)
    if not q.wants_relief:  # "기한 안에 신고하면 깎아주나": the relief is the ask, not the filing
        hits = _general_rule_first(hits, [w for w in wanted if w in GENERAL_FOR], q.text)
    hits = _governing_first(hits, q, special)
    hits = _named_tax_first(hits, q, index)
    hits = siblings.said_tax_first(hits, q.text, special | table()["general"])
    if applied:  # the calculation's articles first, the best of them by the question's words, then the rest
        first = [h for h in hits if h.passage.citation in applied][: max(2, k // 2)]
        hits = first + [h for h in hits if h not in first]
    hits = _cited_first(hits, q, passages, index)
    hits = _monotone(hits[:k])
    for h in hits:
        h.clause = best_clause(h.passage.text, [*q.terms, *q.added])
    return hits


KIND_ASIDE = 0.8  # an income kind's article (이자소득 ... 퇴직소득), for a question asking what to do about that income
# "퇴직금 받은 것도 따로 신고하러 가야 하나": the filing article, not 퇴직소득's definition; "점심값 ... 이것도 과세돼?":
# 비과세소득, not 근로소득 (0.7 changed nothing more @1 or @5)
ASIDE_FOR = {"deadline", "exemption"}
FILING = re.compile(r"신고")


def _kind_aside(prior, index, wanted: list[str], text: str):
    """The prior with the income kinds' articles set aside for a deadline, filing or exemption question, not the kind."""
    if "income_kind" in wanted or not (ASIDE_FOR & set(wanted) or FILING.search(text)):
        return prior
    import numpy as np

    return prior * np.where(intent.answers(index, "income_kind"), KIND_ASIDE, 1.0)


VAT_NAME = frozenset({"부가", "가치", "가치세"})  # the morphemes 부가세 and 부가가치세 expand to


def _lexicon_weight(q: Query, own: int) -> float:
    """The everyday words' weight: a guess beside the question's own statute words (LEXICON_WEIGHT), but all
    the question says when at most one of its own words is in the corpus ("집 사면 내는 세금은 몇 퍼센트야")."""
    return LEXICON_ALONE if own <= FEW_OWN_WORDS and q.lexicon else LEXICON_WEIGHT


def _own_words(q: Query, index) -> set[str]:
    """The question's own words the corpus has (not its expansion)."""
    return {t for t in q.terms if index.fields["text"].ids([t])}


def _voted_act(q: Query, index, special: set[str]) -> None:
    """No act read, but everyday words (taxqa.corpus.lexicon): the act (in 지방세법 the chapter's tax) its statute
    words point at (taxqa.corpus.acts) governs, a special act only for a relief; else the events' hint does."""
    act, tax, _ = acts.vote(index, [*q.terms, *q.lexicon]) if q.lexicon else ("", "", 0.0)
    if not act or (act in special and not q.wants_relief):
        q.acts |= {q.hinted} - {""}  # taxqa.corpus.chooser.hint: 지방세법, 부가가치세법 or 국세기본법
        return
    q.acts.add(act)
    q.voted = f"{act}:{tax}" if tax else act
    if tax and tax not in q.lexicon:
        q.lexicon.append(tax)


def _priors(index, q: Query, special: set[str], named, applied: set[str]):
    """_prior of every passage, computed once per (act, kind) group and spread with numpy."""
    import numpy as np

    groups, ids = index.groups()
    base = np.array([_prior(p, q, special) for p in groups])[ids]
    lifted = np.array([_prior(p, q, special, NAMES_CONCEPT) for p in groups])[ids]
    prior = np.where(named >= NAMES_CONCEPT, lifted, base)
    if ":" in q.voted:  # the voted chapter's tax: the act's other chapters count like another statute's
        unit_of, names, _ = acts.units(index)
        act = q.voted.partition(":")[0] + ":"
        others = [n for n, name in enumerate(names) if name.startswith(act) and name != q.voted]
        prior[np.isin(unit_of, others)] *= VOTED_OTHER
    for c in applied:
        prior[index.by_citation(c)] *= CALCULATOR_BOOST
    return prior


def _applied(reading: dict | None) -> set[str]:
    """The citations a reading's computed result applied (its steps' laws and its citations)."""
    result = (reading or {}).get("result") or {}
    laws = [step.get("law") for step in result.get("steps") or () if isinstance(step, dict)]
    return {c for c in [*laws, *(result.get("citations") or ())] if isinstance(c, str) and c}


def _kind_articles(reading: dict | None) -> set[str]:
    """The articles the calculator of the question's tax kind cites (``kind_articles``: the reader knew the
    kind but not every figure), used by rank() for a question asking how much or at what rate."""
    found = (reading or {}).get("kind_articles") or ()
    return {c for c in found if isinstance(c, str) and c}


def _fuse(lexical: list[int], dense: list[int]) -> tuple[list[int], dict[int, float]]:
    fused: dict[int, float] = {}
    for ranking in (lexical, dense):
        for r, i in enumerate(ranking, 1):
            fused[i] = fused.get(i, 0.0) + 1.0 / (RRF_K + r)
    order = sorted(fused, key=lambda i: -fused[i])
    return order, fused


GENERAL_RULE = 0.2  # 0.1 gained 2 @1 on the older sets, 0.2 six; 0.3 lost three (증여세 신고 -> 상속세's 제67조)
GENERAL_TOP = 2  # the best two hits: 3 lost 땅 판 다음 두 달 안에 신고 (제69조 before 제105조)
GENERAL_FOR = {"deadline"}  # all intents lost 부가세 붙어? (제4조 과세대상 first, the 면세 article asked)
_ARTICLE_NO = re.compile(r"제(\d+)조(?:의(\d+))?")


def _article_no(article: str) -> tuple[int, int]:
    m = _ARTICLE_NO.search(article)
    return (int(m.group(1)), int(m.group(2) or 0)) if m else (10**6, 0)


def _general_rule_first(hits: list[Hit], wanted: list[str], question: str) -> list[Hit]:
    """Between the first GENERAL_TOP hits, siblings of one act whose titles both answer the deadline asked
    (양도소득과세표준 예정신고 and 확정신고, 법인세법's 과세표준 등의 신고 and 청산소득's 확정신고): the first in article
    order states the general rule and gains GENERAL_RULE, unless the question says a word of the other's title
    it lacks (증여 -> 증여세 과세표준신고, 확정 -> 확정신고). A question asking the year's last filing in everyday
    words (마지막, 해 넘어서, 폐업: intent.YEAR_END) says 확정: the 확정신고 sibling gains instead."""
    if not wanted or not hits:
        return hits
    law = hits[0].passage.law
    patterns = [intent.INTENTS[w][1] for w in wanted]
    answering = [
        h
        for h in hits[:GENERAL_TOP]
        if h.passage.kind == "statute" and h.passage.law == law and any(p.search(h.passage.title) for p in patterns)
    ]
    if len(answering) < 2:
        return hits
    first = min(answering, key=lambda h: _article_no(h.passage.article or h.passage.citation))
    said = squash(question)
    final = next((h for h in answering if "확정" in h.passage.title), None)  # the year's last filing
    if final is not None and intent.YEAR_END.search(question):
        first, said = final, said + "확정"
    own = {g for g in grams(first.passage.title) if g in said} | grams(law)  # the act's own name names no sibling
    if any({g for g in grams(h.passage.title) if g in said} - own for h in answering if h is not first):
        return hits  # the question names a later sibling (증여 -> 증여세 과세표준신고, 확정 -> 확정신고)
    first.score *= 1.0 + GENERAL_RULE
    return sorted(hits, key=lambda h: -h.score)


def _governing_first(hits: list[Hit], q: Query, special: set[str]) -> list[Hit]:
    """The best governing article above unnamed special acts and decrees, and in the top 3 whatever precedes it."""
    g = next((n for n, h in enumerate(hits) if h.passage.kind == "statute" and h.passage.law in q.acts), None)
    if g is None or g == 0:
        return hits
    governing = hits[g]

    def outranked(h: Hit) -> bool:
        p = h.passage
        named = p.law in q.named or (q.wants_relief and p.law in special) or h.said
        mirror = p.law in table()["mirror"] and p.law not in q.acts
        return not named and (_is_decree(p) or p.law in special or mirror)

    above = [h for h in hits[:g] if not outranked(h)]
    below = [h for h in hits[:g] if outranked(h)]
    while len(above) > 2 and any(h.passage.kind in ("precedent", "ruling") for h in above):
        n = max(n for n, h in enumerate(above) if h.passage.kind in ("precedent", "ruling"))
        below.insert(0, above.pop(n))
    return [*above, governing, *below, *hits[g + 1 :]]


def _named_tax_first(hits: list[Hit], q: Query, index) -> list[Hit]:
    """A question naming a tax whose general-act words come only from the expansion (부가세 환급 -> 국세환급금):
    the named act's best article answering what it asks (its refund, exemption, rate or papers; taxqa.corpus.
    intent) above the general act's. Not deadlines (국세기본법 holds 기한의 특례) nor sanctions."""
    general = table()["general"]
    if not (q.primary - general) or not (q.acts & general) - q.primary:
        return hits
    wanted = [w for w in intent.asked(q.text) if w != "deadline"]
    if not wanted:
        return hits
    answering = [intent.answers(index, w) for w in wanted]
    g = next(
        (
            n
            for n, h in enumerate(hits)
            if h.passage.kind == "statute" and h.passage.law in q.primary and any(a[h.row] for a in answering)
        ),
        None,
    )
    if not g:
        return hits
    moved = [h for h in hits[:g] if h.passage.law in general]
    return [*[h for h in hits[:g] if h not in moved], hits[g], *moved, *hits[g + 1 :]]


def _cited_first(hits: list[Hit], q: Query, passages: Sequence[PassageRecord], index) -> list[Hit]:
    """Articles the question cites, in the order cited, ahead of the ranking."""
    from taxqa.corpus.embedded import resolve_citation

    cited: list[PassageRecord] = []
    for c in q.citations:
        p = resolve_citation(c, passages)
        if p is not None:
            cited.append(p)
    if q.bare_articles:
        acts = q.acts or {h.passage.law for h in hits if h.passage.kind == "statute"}
        ranked_laws = [h.passage.law for h in hits if h.passage.law in acts]
        for article in q.bare_articles:
            for law in dict.fromkeys([*ranked_laws, *sorted(acts)]):
                p = resolve_citation(f"{law} {article}", passages)
                if p is not None:
                    cited.append(p)
                    break
    if not cited:
        return hits
    cited = list({p.citation: p for p in reversed(cited)}.values())[::-1]
    top = max([h.score for h in hits], default=1.0)
    words = [*q.terms, *q.added]
    position = {p.id: n for n, p in enumerate(index.passages)}
    first = [
        Hit(p, top + len(cited) - n, index.matched(position[p.id], words) if p.id in position else [], "citation")
        for n, p in enumerate(cited)
    ]
    names = {h.passage.citation for h in first}
    return first + [h for h in hits if h.passage.citation not in names]


def _monotone(hits: list[Hit]) -> list[Hit]:
    """Scores that never rise down the list (an article moved down keeps at most the score above it)."""
    for a, b in zip(hits, hits[1:]):
        b.score = min(b.score, a.score)
    return hits


def hit_dict(rank_no: int, hit: Hit) -> dict:
    """A hit as the JSON object `taxqa corpus search --json` prints and search_hits returns; `clause` is the
    항/호 the question matched ("제3항 제1호", "" when none) and `clause_text` its opening."""
    p = hit.passage
    return {
        "rank": rank_no,
        "citation": p.citation,
        "title": p.title,
        "score": round(hit.score, 4),
        "kind": p.kind,
        "effective_date": p.effective_date,
        "law": p.law,
        "article": p.article,
        "id": p.id,
        "text": p.text,
        "matched": hit.matched,
        "via": hit.via,
        "clause": hit.clause[0],
        "clause_text": hit.clause[1],
    }
