"""Second stage: the candidates re-ordered by how much of each article's title the question says.

A question, plain or a ruling's issue, usually names its article's concept in words close to the title
("창업중소기업 세액감면 적용 시 창업의 의미" -> 「창업중소기업 등에 대한 세액감면」, "월세액 세액공제시 ..." ->
「월세액에 대한 세액공제」), while the body text and other articles' words can outweigh it in BM25. Each
candidate's title is cut into character bigrams (spaces and the connective 에 대한/및/등/의 ignored), weighted
by how rare they are among all titles; its cover is the weighted share the question contains, counted fully
only when at least MIN_GRAMS of them are found (a two-syllable title like 세율 says little). The score grows
by up to WEIGHT as the cover goes from FLOOR to 1 (the act priors stay: lifting the special-act demotion
for a title said whole lost more than it won on the public and plain sets). An article carrying a concept
the question says in everyday words (the term table's reviewed phrasings, ``Query.concepts``) gains
CONCEPT_WEIGHT: the question's issue outranks a context word ("연말정산 때 애들 몫으로 ..." -> 자녀세액공제,
not 연말정산); CONCEPT_WEIGHT_PLAIN when the question has few words of its own in the corpus, for then those
few are mostly its setting (연말정산, 종소세 신고) and the issue is said only in everyday words (수술비, 셋째). A
ruling's issue, written in the statute's words, keeps the smaller weight. A question saying no row of the
everyday-word table exactly but near to one in other words (taxqa.corpus.nearrow) lifts the articles carrying that
row's titles by up to NEAR_WEIGHT, when it has at most NEAR_OWN_WORDS words of its own in the corpus and says no
article's title nearly whole (SAID_WHOLE: "양도소득의 필요경비 계산 특례는" names 제97조의2, no guess needed). An article of a general act titled
...특례 (an exception: 「양도소득의 필요경비 계산 특례」, 「매입자발행세금계산서에 따른 매입세액 공제 특례」) loses 10 % unless the question asks for an exception or a
relief: a plain question asks for the rule. Likewise an article that sanctions a duty set elsewhere (titled
...가산세, ...과태료) loses 25 % unless the question asks about a sanction (가산세, 벌금, 안 하면, 늦게, ...): "현금영수증
발급 의무" is 「현금영수증가맹점 가입ㆍ발급의무 등」, not the 가산세 for breaking it; a question asking one (and not
its relief: 가산세 ... 줄여 주기도 해 is 가산세 감면) gains 25 % there ("세금계산서 늦게 끊어주면 벌금 있어" -> 제60조
가산세, not 제32조 세금계산서 등). One act's twin taxes (상속, 증여): a title naming the one the question does not
say loses 30 % ("형제가 셋인데 상속세는 누가 내" -> 상속세 납부의무, not 증여세 납부의무). Likewise 상증법's
articles titled ...양도 lose 30 % for a question saying no sale ("남편한테 받은 돈도 세금 내야 하나" -> 증여재산 공제,
not 배우자 등에게 양도한 재산의 증여 추정). An article for doing a duty online or by post (정보통신망을 이용한
불복청구, 전자신고, 전자세금계산서) loses 20 % for a question saying no such channel: "고지서가 억울하면 어디다
따져" is 불복, not its online form.
"""

from __future__ import annotations

import math
import re

WEIGHT = 0.3
CONCEPT_WEIGHT = 0.2  # an article carrying a concept the question says in everyday words (q.concepts)
NEAR_WEIGHT = 0.5  # an article carrying the titles of an everyday row the question is near to, times its weight
NEAR_OWN_WORDS = 7  # ... in a question with at most this many words of its own in the corpus (not a ruling's issue)
SAID_WHOLE = 0.9  # ... and naming no article's title (this much of it said): it names its concept, no guess needed
CONCEPT_WEIGHT_PLAIN = 0.4  # ... in a question with at most PLAIN_OWN_WORDS words of its own in the corpus
PLAIN_OWN_WORDS = (
    3  # "엄마 수술비를 내가 냈는데 연말정산에 넣어도 되나": its only corpus words are the context (연말정산)
)
FLOOR = 0.5  # a cover below this adds nothing: a word or two of a title is what BM25 already counts
MIN_GRAMS = 3
EXCEPTION_TITLE = "특례"  # an article titled ...특례 is an exception to another article's rule
EXCEPTION_FACTOR = 0.9
_ASKS_EXCEPTION = re.compile(r"특례|특별|예외|감면|혜택")
SANCTION_TITLE = re.compile(r"가산세$|과태료$|벌칙$|처벌$")  # an article that sanctions a duty set elsewhere
SANCTION_FACTOR = 0.75
SANCTION_LIFT = 1.25
_ASKS_SANCTION = re.compile(
    r"가산세|과태료|벌금|벌칙|처벌|불이익|페널티|패널티|안\s*하면|안\s*내면|않으면|어기|위반|늦게|늦으면|누락|빠뜨|불성실|미등록|미가입"
    r"|더\s?물(어|게|리|는)|가산(되|돼)|안\s?하고\s?넘어"
)


TWIN_TAXES = ("상속", "증여")  # one act's two taxes: a title naming the one the question does not say is its twin's
OTHER_TAX_FACTOR = 0.7  # 0.8 and 0.9 gained one @1, 0.7 also two @5; 0.6 nothing more


CHANNEL_TITLE = re.compile(
    r"정보통신망을\s?이용|전자\s?신고|우편\s?신고|전자세금계산서|전자계산서"
)  # the same duty done online or by post: a variant of the rule
CHANNEL_FACTOR = 0.8  # 0.7 gained no more
_SAYS_CHANNEL = re.compile(r"정보통신망|전자|우편|인터넷|온라인|홈택스|위택스|이메일|메일|앱|모바일|손택스|종이")
GIFT_ACT = "상속세 및 증여세법"  # its articles titled ...양도 (제35조, 제44조) are about a sale, not a gift
SALE_FACTOR = 0.7  # ... and lose this much for a question saying no sale (0.8 gained nothing @1, 0.6 no more)
_SELLS = re.compile(r"양도|팔|판(걸|거|것|뒤|후|돈|값|다)|매매|매도|싸게|시세보다|넘기|넘겨")  # on squashed text


def _one_of_twins(question: str) -> tuple[str, str]:
    """(the twin tax the question names, the other) when it names exactly one of them, else ("", "")."""
    said = [t for t in TWIN_TAXES if t in question]
    return (said[0], next(t for t in TWIN_TAXES if t != said[0])) if len(said) == 1 else ("", "")


def asks_sanction(question: str) -> bool:
    """The question asks about a sanction (가산세, 벌금, 안 하면, 늦게, ...)."""
    return bool(_ASKS_SANCTION.search(question))


def asks_exception(question: str) -> bool:
    """The question asks for an exception or relief (특례, 감면, 혜택, ...), not for the rule itself."""
    return bool(_ASKS_EXCEPTION.search(question))


_CONNECTIVES = re.compile(r"에\s*대한|에\s*관한|에\s*따른|[\s·ㆍ,]|및|등(?=[\s에의]|$)|의(?=\s)")


def grams(title: str) -> set[str]:
    text = _CONNECTIVES.sub(" ", title)
    out: set[str] = set()
    for run in re.findall(r"[가-힣A-Za-z0-9]+", text):
        out.update(run[i : i + 2] for i in range(len(run) - 1))
    return out


def title_weights(index) -> tuple[list[set[str]], dict[str, float]]:
    """Each passage's title bigrams and every bigram's idf over the distinct titles (kept on the index)."""
    cached = getattr(index, "_title_grams", None)
    if cached is None:
        per = [grams(p.title) for p in index.passages]
        seen: dict[str, set[str]] = {}
        for p, g in zip(index.passages, per):
            for x in g:
                seen.setdefault(x, set()).add(p.title)
        titles = len({p.title for p in index.passages}) or 1
        idf = {x: math.log(1 + titles / len(t)) for x, t in seen.items()}
        cached = index._title_grams = (per, idf)
    return cached


def cover(title_grams: set[str], question: str, idf: dict[str, float]) -> float:
    if not title_grams:
        return 0.0
    said = [x for x in title_grams if x in question]
    total = sum(idf.get(x, 0.0) for x in title_grams)
    share = sum(idf.get(x, 0.0) for x in said) / total if total else 0.0
    return share * min(1.0, len(said) / MIN_GRAMS)


def _near(index, near, primary: set[str], special: set[str]) -> dict[int, float]:
    """Passage row -> the weight of the nearest everyday row whose titles it carries (taxqa.corpus.nearrow), in
    the acts the question's own words point at as for a concept it says (a special act's relief anywhere)."""
    out: dict[int, float] = {}
    for c, w in near:
        rows = index.keys.get(c) or index.by_citation(c)
        laws = {index.passages[i].law for i in rows}
        for i in rows:
            law = index.passages[i].law
            if not primary or law in primary or (law in special and not laws & primary):
                out[i] = max(out.get(i, 0.0), w)
    return out


def by_title(
    hits: list,
    question: str,
    index,
    concepts=(),
    primary: set[str] = frozenset(),
    special: set[str] = frozenset(),
    own_words: int = 99,
    near=(),
) -> list:
    """Hits re-scored by their title's cover in the question (squashed) and the concepts it says in everyday
    words (the term table's reviewed phrasings: "애들 몫으로 세금 깎아" -> 자녀세액공제), best first (stable)."""
    from taxqa.corpus.query import _RELIEF_RE

    relief = bool(_RELIEF_RE.search(question))
    said_tax, other_tax = _one_of_twins(question)
    sells = bool(_SELLS.search(question))
    channel = bool(_SAYS_CHANNEL.search(question))
    per, idf = title_weights(index)
    carriers: set[int] = set()
    for c in concepts:
        rows = index.keys.get(c) or index.by_citation(c)  # a term, or an article named by its citation
        laws = {index.passages[i].law for i in rows}
        # an act the question's own words point at; a concept no such act carries (a relief of the special
        # act: 월세액, 자경농지) is the issue whatever act the context words name
        carriers.update(
            i
            for i in rows
            if not primary
            or index.passages[i].law in primary
            or (index.passages[i].law in special and not laws & primary)
        )
    guess = (
        near
        and own_words <= NEAR_OWN_WORDS
        and not any(cover(per[h.row], question, idf) >= SAID_WHOLE for h in hits if h.row >= 0)
    )
    nearby = _near(index, near, primary, special) if guess else {}
    for h in hits:
        if h.row < 0:
            continue
        h.score *= 1.0 + NEAR_WEIGHT * nearby.get(h.row, 0.0)
        if h.row in carriers:
            h.score *= 1.0 + (CONCEPT_WEIGHT_PLAIN if own_words <= PLAIN_OWN_WORDS else CONCEPT_WEIGHT)
            h.said = True
        if EXCEPTION_TITLE in h.passage.title and not asks_exception(question) and h.passage.law not in special:
            h.score *= EXCEPTION_FACTOR
        if SANCTION_TITLE.search(h.passage.title):
            h.score *= (1.0 if relief else SANCTION_LIFT) if asks_sanction(question) else SANCTION_FACTOR
        if other_tax and other_tax in h.passage.title and said_tax not in h.passage.title:
            h.score *= OTHER_TAX_FACTOR
        if not sells and "양도" in h.passage.title and h.passage.law == GIFT_ACT:
            h.score *= SALE_FACTOR
        if not channel and CHANNEL_TITLE.search(h.passage.title):
            h.score *= CHANNEL_FACTOR
        c = h.titled = cover(per[h.row], question, idf)
        if c <= FLOOR:
            continue
        h.score *= 1.0 + WEIGHT * (c - FLOOR) / (1.0 - FLOOR)
    return sorted(hits, key=lambda h: -h.score)
