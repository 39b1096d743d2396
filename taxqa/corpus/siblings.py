"""Sibling articles by what the question asks: lifted, and pooled when the lexical score never reaches them.

Inside the unit that governs a question (the act its own words point at, or the 지방세법 chapter of the tax it
names or its everyday words voted for), sibling articles share its content words; what separates them is what it
asks (taxqa.corpus.intent: 언제 -> 신고/납부/납기, 몇 퍼 -> 세율, 안 내도 -> 비과세). Those whose title answers get
intent.WEIGHT over the others (``lift``). But the lexical score can only order what it scores: "부가세 반년마다 내는
거 며칠까지야" says nothing the VAT act's 예정신고와 납부 does not share with every article of the act (the tax name
is not a content word), and "법인세 몇 퍼 내?" has no word of 법인세법 제55조 세율 at all. ``pool`` brings the
unit's core siblings for the intent (``CORE``: the titles that state the rule, 「세율」, 「신고와 납부」, 「납기」,
「분할납부」, 「과세기준일」, 「과세대상」, 「용역의 공급」, 「이자소득」 ...) into the candidates with at least POOL_SHARE of the best
score, the earlier articles first, and the first of them FIRST_BONUS more (a statute states its general rule before
the special cases: 제55조 세율 before 제83조 청산소득의 세율 and 제95조 외국법인의 세율; 제11조 부동산 취득의 세율 before
제16조 세율 적용), so that the rank among them and the lexical candidates is decided by what they share. A unit with
more than POOL_MAX core titles for the intent (소득세법's many 신고 articles) pools none: order says nothing there.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from taxqa.corpus import acts, intent
from taxqa.corpus.cite import squash
from taxqa.corpus.indexing import SEVERAL_TAXES

POOL_SHARE = 0.6  # a core sibling starts from this share of the best lexical score ... (0.35: no change, 0.7
POOL_DECAY = 0.95  # lost plain2 @1) ... less this factor per core sibling before it in the unit (article order)
FEW_OWN_WORDS = 1  # a question with at most this many words of its own in the corpus: the intent is most of it
POOL_MAX = 7  # at most this many siblings pooled per question: a unit with many answering titles says little
NAMING_MAX = 10  # a word held by at most this many of a unit's titles names what the question asks about
FIRST_BONUS = 0.2  # the first of them states the general rule (제11조 부동산 취득의 세율 before 제16조 세율 적용)


def scope(index, q, general: set[str]) -> list[int]:
    """The governing units' numbers (taxqa.corpus.acts.units): the voted unit, or the acts the question's own
    words (else its expansion) point at, a 지방세법 chapter for each tax it names, 국세기본법 only when no tax act
    governs (a named tax's own article answers before the general rule)."""
    _, names, _ = acts.units(index)
    found: list[str] = []
    if q.voted:
        found.append(q.voted)
    else:
        governing = q.primary or q.acts
        for act in sorted(governing - general if governing - general else governing):
            taxes = SEVERAL_TAXES.get(act)
            found += [f"{act}:{t}" for t in taxes if t in q.text] if taxes else [act]
    return [names.index(u) for u in found if u in names]


def answering(index, wanted: list[str]):
    """Per passage, whether its title answers one of the intents ``wanted``."""
    import numpy as np

    out = np.zeros(len(index.passages), dtype=bool)
    for name in wanted:
        out |= intent.answers(index, name)
    return out


def lift(prior, index, q, units: list[int], wanted: list[str], own_words: int = 99):
    """The prior of the governing units' articles answering the question's intents, times 1 + intent.WEIGHT
    (VOTED_WEIGHT in a unit only the everyday words voted for: there the intent is most of what it says)."""
    import numpy as np

    if not wanted or not units:
        return prior
    unit_of, _, _ = acts.units(index)
    in_units = np.isin(unit_of, units)
    weight = intent.VOTED_WEIGHT if q.voted else intent.WEIGHT
    out = prior
    for w in sorted({intent.WEIGHTS.get(name, weight) for name in wanted}):  # the strongest lift wins
        names = [name for name in wanted if intent.WEIGHTS.get(name, weight) == w]
        scope = (unit_of >= 0) if names == ["relief"] else in_units  # a relief may be another act's (조특법's)
        out = np.where(scope & answering(index, names), prior * (1.0 + w), out)
    pooled = [w for w in wanted if w in CORE]
    if own_words <= FEW_OWN_WORDS and pooled and not q.voted:  # the intent is most of what the question says
        out = np.where(in_units & answering(index, pooled), prior * (1.0 + intent.VOTED_WEIGHT), out)
    return out


# the title of the article that states a unit's general rule for each intent (a narrower pattern than the intent's
# own: 「과세표준과 세액의 통지」 answers how much, but the rate is in 「세율」)
CORE = {
    "rate": r"세율$",
    "deadline": r"신고(와|및)?\s?납부|납기|확정신고$|과세표준\s?(등의\s?)?신고$|예정신고$|^청구기간$",
    "installments": r"분할납부$|연부연납$",
    "taxable": r"과세대상$|^재화의 공급$|^용역의 공급$|면세$",
    "income_kind": r"^(이자|배당|사업|근로|연금|기타|퇴직)소득$",
    "timing": r"시기$|기준일$",
    "exemption": r"^비과세|비과세$|비과세되는|비과세소득$|면세$",
}
APPEAL_DEADLINE = "청구기간"  # the deadline of an appeal (국세기본법 제61조, 제68조), pooled only for one
APPEAL = re.compile(r"불복|억울|따지|따져|다투|다툴|다퉈|심사\s?청구|심판|이의")
UNRANKED = {"income_kind"}  # the kinds of income are peers: 이자소득 is not the rule the others except
POOL_ONLY = {  # the exemption of a tax, not of a duty ("신고 안 해도 되는 사람": 과세표준확정신고의 예외)
    "exemption": re.compile(r"안\s?내|세금\s?(이\s?)?(없|안\s)|비과세|면제|면세|안\s?붙|안\s?걷|안\s?매기")
}
BLOCKING = {"refund"}  # a question asking these too is about them ("환급은 언제", "얼마까지 세금 안 내")


def core(index, name: str):
    """Per passage, whether it is a statute article whose title states its unit's general rule for intent ``name``."""
    cache = index.__dict__.setdefault("_core_titles", {})
    found = cache.get(name)
    if found is None:
        import numpy as np

        pattern = re.compile(CORE[name]) if name in CORE else None
        found = cache[name] = np.array(
            [bool(pattern and p.kind == "statute" and pattern.search(p.title)) for p in index.passages]
        )
    return found


DEFINITIONS = ("정의", "목적", "용어의 뜻")  # an act's definitions and purpose: they state no rule
DEFINITIONS_FACTOR = 0.8  # 0.6 gained the same two @1 of the older sets, no more


def definitions_aside(prior, index, wanted: list[str]):
    """The prior with the definitions articles set aside for a question asking what a rule says (its rate,
    deadline, exemption ...): "물건값에 얹어 받는 부가가치세 비율이 몇이야" is 제30조 세율, not 제2조 정의, which
    defines every word of it."""
    if not wanted:
        return prior
    import numpy as np

    mask = np.zeros(len(index.passages), dtype=bool)
    for title in DEFINITIONS:
        mask |= _titled(index, title)
    return prior * np.where(mask, DEFINITIONS_FACTOR, 1.0)


def _titled(index, title: str):
    """Per passage, whether its title is ``title`` (cached on the index)."""
    cache = index.__dict__.setdefault("_titled", {})
    found = cache.get(title)
    if found is None:
        import numpy as np

        found = cache[title] = np.array([p.title == title for p in index.passages])
    return found


def pool(scores, index, units: list[int], wanted: list[str], question: str = "", words: Sequence[str] = ()):
    """Lexical scores with the governing units' core siblings (``core``) raised to a floor: POOL_SHARE of the best
    score, times POOL_DECAY per such article before it (passages are in article order); none when the units hold
    more than POOL_MAX of them (a unit with many says little about which) unless few of the unit's articles answering
    the intent have a title naming what the question names (``_naming``: 소득세법's 33 신고/납부 titles, of which
    양도 names five)."""
    import numpy as np

    if BLOCKING & set(wanted):
        return scores
    wanted = [w for w in wanted if w in CORE and (w not in POOL_ONLY or POOL_ONLY[w].search(question))]
    if len(wanted) != 1 or not units:
        return scores  # "부가세 환급은 언제": the refund is the issue, not the filing deadline
    best = float(scores.max()) if len(scores) else 0.0
    if best <= 0:
        return scores
    unit_of, _, _ = acts.units(index)
    mask = np.zeros(len(index.passages), dtype=bool)
    for name in wanted:
        mask |= core(index, name)
    if not APPEAL.search(question):  # an appeal's 청구기간 is no deadline of a filing or a payment
        mask &= ~_titled(index, APPEAL_DEADLINE)
    rows = np.flatnonzero(np.isin(unit_of, units) & mask)
    order: dict[str, int] = {}
    for i in rows:
        order.setdefault(index.passages[i].citation, len(order))
    if len(order) > POOL_MAX:  # order says nothing among many: those whose titles name what the question names
        rows, order = _naming(index, np.flatnonzero(np.isin(unit_of, units)), words, wanted)
    if not order or len(order) > max(POOL_MAX, NAMING_MAX):
        return scores
    ranked = wanted[0] not in UNRANKED
    out = scores.copy()
    for i in rows:
        n = order[index.passages[i].citation]
        out[i] = max(out[i], POOL_SHARE * best * POOL_DECAY**n) * (1.0 + FIRST_BONUS * (n == 0 and ranked))
    return out


def _naming(index, rows, words: Sequence[str], wanted: list[str]):
    """Of the statute articles ``rows`` (one unit's), those whose title names what the question names: a word it
    says (its own or its everyday words' statute words, not the intent's: 신고, 납부) held by at most NAMING_MAX of
    the unit's titles (연말정산: 제137조 ... 제145조의3), or else by at most POOL_MAX of those answering the intent
    (양도: 제105조, 제110조, 제112조 of the 33 신고/납부 titles), and their order (citation -> article position)."""
    asks = [intent.INTENTS[name][1] for name in wanted]
    said = {w for w in (squash(w) for w in words) if len(w) >= 2 and not any(a.search(w) for a in asks)}
    titles = {}
    for i in rows:
        p = index.passages[i]
        if p.kind == "statute":
            titles.setdefault(p.citation, squash(p.title))
    naming: set[str] = set()
    for w in said:
        holding = {c for c, t in titles.items() if w in t}
        answering = {c for c in holding if any(a.search(titles[c]) for a in asks)}
        naming |= holding if len(holding) <= NAMING_MAX else answering if len(answering) <= POOL_MAX else set()
    if len(naming) > NAMING_MAX:
        naming = set()
    kept = [i for i in rows if index.passages[i].citation in naming]
    order: dict[str, int] = {}
    for i in kept:
        order.setdefault(index.passages[i].citation, len(order))
    return kept, order


SAID_TAX_SHARE = 0.8  # 0.9 and 0.0 changed the same questions
LOCAL_ACT = "지방세법"
SAID_TAX_TOP = 5


def said_tax_first(hits: list, question: str, general: set[str]) -> list:
    """A question that says one tax by name (부가세, 상속세, 법인세 ...): when another tax's act holds the first hit,
    the named tax's best article within the first SAID_TAX_TOP and with at least SAID_TAX_SHARE of its score goes
    first ("손님 접대하느라 쓴 밥값에 붙은 부가세도 매입세액으로 빼 주나": 부가가치세법 제39조, not 소득세법's
    기업업무추진비). The general and special acts (국세기본법, 조세특례제한법) are no other tax's act."""
    from taxqa.corpus.query import table

    if not hits:
        return hits
    said = squash(question)
    t = table()
    named = {act for name in t["tax_names"] if name in said for act, cues in t["acts"].items() if name in cues}
    if "지방소득세" in said:  # 지방세법's, beside 소득세법's 소득세 it contains
        named.add(LOCAL_ACT)
    top = hits[0].passage
    if len(named) != 1 or top.kind != "statute" or top.law in named or top.law in general:
        return hits
    best = next((h for h in hits[:SAID_TAX_TOP] if h.passage.kind == "statute" and h.passage.law in named), None)
    if best is None or best.score < SAID_TAX_SHARE * hits[0].score:
        return hits
    return [best, *[h for h in hits if h is not best]]
