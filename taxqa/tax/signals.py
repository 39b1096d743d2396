"""A fact signalled but not used: for each kind, the calculator inputs that have a default, and the words
that say a value other than the default. When such words are in the question, the reading left the input
at its default and no fact, assumption or note already speaks of them, the answer says which fact was not
taken into account ("…을(를) 반영하지 않았습니다: 확인이 필요합니다") instead of giving the figure as final.

This is a net, not a reader: it does not set any input. A rule that reads the fact sets the input (and
the net is quiet); a rule that decides the fact does not apply records a fact, an assumption or a note
with the words (and the net is quiet too). The table is data; `run` and the figure test are the logic.

The signals are word patterns on the question as written. Ages said in digits are already checked against
the readings by the typed mentions (`unread_cues.flag_unread_cues`: a minor's or a 70-year-old's age not
placed), so here only the ways of saying an age or a school year in words are listed.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from taxqa.tax.words import josa

# a young person said by school or age in words: 초3, 중학생, 고1, 5학년, 유치원, 여섯 살
SCHOOL = (
    r"초등\S{0,3}|중학\S{0,2}|고등학생|(?<![가-힣])[초중고][1-6](?![\d.,가-힣])|(?<!\d)[1-6]\s*학년|(?:유치원|어린이집)(?!\s*(?:교사|선생|원장|운영|보육))|"
    r"(?<![가-힣])(?:한|두|세|네|다섯|여섯|일곱|여덟|아홉|열|열한|열두)\s*살"
) + r"(?!\S{0,2}\s*졸업)"
SCHOOL_8 = (  # the 자녀세액공제 starts at 8: a grade from 초1, an age in words from 여덟
    r"초등\S{0,3}|중학\S{0,2}|고등학생|(?<![가-힣])[초중고][1-6](?![\d.,가-힣])|(?<!\d)[1-6]\s*학년|"
    r"(?<![가-힣])(?:여덟|아홉|열|열한|열두)\s*살"
)
# a very old person said by a decade or a named birthday: 70대, 팔순, 아흔
# a marriage or a birth dated by a year or a span ("2018년에 첫째를 낳았", "결혼 5년차"): a rule can tell whether
# it is within the two years, the net cannot
DATED = re.compile(r"(?:19|20)\d\d\s*년|'\d\d\s*년|\d+\s*년\s*(?:전|차|째|이\s*지|넘)")
ELDERLY = r"(?<!\d)[7-9]0\s*대|칠순|팔순|구순|고희|미수|일흔|여든|아흔"
GRANDPARENT = r"하르방|할망|할매|할배|외손|손지|증조"
BIRTH = r"(?:아기|아이|애|첫째|둘째|셋째)\S{0,2}\s*(?:를|을)?\s*낳|(?<![·ㆍ,/\s])(?<!혼인)출산|득남|득녀|입양"
MARRIAGE = r"(?<![가-힣])식\s*(?:을\s*)?올리|예식|결혼식|신혼|혼수|결혼\s*(?:하는|한다|하기|할|을\s*앞|날|자금|선물|준비|예정)|신랑|신부|축의금"
LONE_PARENT = r"혼자\s*(?:서\s*)?(?:애|아이|아들|딸|자녀|애들)\S{0,2}\s*(?:를|을)?\s*키(?:우|운|워)|홀로\s*\S{0,6}키(?:우|운|워)|싱글\s*(?:파더|마더)"
FRAUD = r"가짜|위장\s*(?:거래|사업|가맹)|거짓|조작|빼돌|숨기|숨겨|차명|은닉|고의로"
NOTICE = r"통지|조사\s*(?:나온|받|착수|통보|나와)|세무서에서\s*(?:연락|전화|안내|고지)|과세\s*예고"
ONE_HOUSE = (  # one house, not "다른 집도 한 채", "한 채 더", "한 채뿐인 건 아니에요"
    r"1\s*세대\s*1\s*주택|(?<!다른\s)(?:집|주택)(?:은|이)?\s*(?:그거|이거|그것|이것|딱)?\s*(?:하나|한\s*채)(?!\s*더|뿐인)|"
    r"유일한\s*(?:집|주택)"
)
# the 비과세 said not to apply ("집이 두 채라 1주택 비과세는 안 되고요", "저는 아니고 2주택이에요"): the reading
# computed it as an ordinary sale on purpose, so "주택 한 채" said of the house sold is no missed 1세대1주택
ONE_HOUSE_DENIED = (
    r"비과세\S{0,2}\s*(?:는|은|가|이|도)?\s*(?:안\s*(?:되|돼|된|됨)|못|아니|아님|해당\s*(?:안|없|하지))|"
    r"(?<![가-힣\d])(?<!일시적\s)(?:[2-9]\s*주택|두\s*채|세\s*채|다주택)(?![^.,?!\n]{0,8}?아(?:니|님|닌))"
)
# "이사하면서 일시적 2주택이 됐어요": the 1세대1주택 비과세 may still apply (소득세법 시행령 제155조①)
TEMPORARY_TWO = r"일시적\s*(?:1\s*세대\s*)?2\s*주택|일시적\s*(?:으로\s*)?(?:두\s*채|2채)"
PAID = r"원천\s*징수|이미\s*(?:냈|낸|떼|납부)|떼인|떼어\s*간|떼\s*갔|뗀\s*세금|기납부|미리\s*(?:뗀|낸|냈|떼)"
PURCHASES = r"매입|사입|재료비|원재료|물건\s*값"
CARD = r"(?:카카오|네이버|삼성|제로|간편)\s*페이|간편\s*결제"
COMPANY_START = (  # founded this year on a date, or a 사업연도 said by dates starting after January
    r"(?:올해|금년|작년|지난해)\s*\S{0,6}?\s*\d{1,2}\s*월\s*(?:\d{1,2}\s*일\s*)?(?:에\s*)?(?:법인\s*(?:을|를)?\s*)?(?:설립|개업|창업|세웠|세운|차렸|차린)|"
    r"(?:19|20)\d\d\s*[.\-/]\s*(?:0?[2-9]|1[0-2])\s*[.\-/]\s*\d{1,2}\.?\s*[~\-–]"
)


def off_the_default(reading, name: str) -> bool:
    """Whether the input was left at the calculator's default (absent, zero, false, empty; a house)."""
    value = reading.inputs.get(name)
    return value in (None, 0, False, "house") or value == [] or value == ()


def marriage_birth(r) -> dict | None:
    """Only from a lineal ascendant to an adult (a minor's marriage or birth is not what is said), and only undated (a rule reads whether a dated one is within two years)."""
    if r.inputs.get("relation") != "lineal_ascendant" or r.inputs.get("minor") or DATED.search(r.text):
        return None
    return {"marriage_birth": min(int(r.inputs.get("amount") or 0), 100_000_000)}


def more(name: str, also: str = "dependents") -> Callable:
    """One more of a count, the dependents kept at least as many (a child or an elderly parent is one)."""

    def value(r) -> dict:
        n = int(r.inputs.get(name) or 0) + 1
        return {name: n, also: max(int(r.inputs.get(also) or 0), n)}

    return value


# (kind, input, words, the fact in Korean, a value other than the default): the value is tried on the
# reading's inputs and the fact flagged only when it changes a figure (a 미성년 fact beside a gift under the
# deduction changes nothing; a value of None: the signal does not apply); no value at all: an amount the
# words do not give, always flagged.
SIGNALS: list[tuple[str, str, str, str, Callable | None]] = [
    ("gift", "generation_skip", GRANDPARENT, "세대생략(조부모→손자녀) 할증", lambda r: {"generation_skip": True}),
    ("gift", "minor", SCHOOL, "수증자가 미성년자인 사실(증여재산공제 2천만원)", lambda r: {"minor": True}),
    ("gift", "marriage_birth", BIRTH + "|" + MARRIAGE, "혼인·출산 증여재산공제",
     marriage_birth),
    ("inheritance", "minor_children_years", SCHOOL, "미성년 자녀 공제",
     lambda r: {"minor_children_years": [10] * max(int(r.inputs.get("children") or 0), 1)}),
    ("salary", "children", SCHOOL_8, "자녀(학생) 공제", more("children")),
    ("salary", "elderly", ELDERLY, "경로우대(70세 이상) 공제", more("elderly")),
    ("salary", "single_parent", LONE_PARENT, "한부모 공제", lambda r: {"single_parent": True}),
    ("salary", "withheld", PAID, "이미 낸(원천징수된) 세액", None),
    ("transfer", "one_house", ONE_HOUSE, "1세대1주택 비과세", lambda r: {"one_house": True}),
    ("transfer", "one_house", TEMPORARY_TWO, "일시적 2주택 비과세 특례", lambda r: {"one_house": True}),
    ("corporate", "months", COMPANY_START, "사업연도 개월 수(1년 미만)", lambda r: {"months": 6}),
    ("corporate", "prepaid", PAID + r"|예납", "이미 낸 세액(기납부세액)", None),
    ("vat", "purchases", PURCHASES, "매입세액", None),
    ("vat", "card_sales", CARD, "신용카드 등 발행세액공제", None),
    ("vat-simple", "card_sales", CARD, "신용카드 등 발행세액공제", None),
    ("penalty", "fraud", FRAUD, "부정행위 가산세율", lambda r: {"fraud": True}),
    ("penalty", "after_notice", NOTICE, "경정 통지를 받은 뒤의 신고(제48조② 감면 없음)", lambda r: {"months_late": None}),
]  # fmt: skip


def changes_figure(reading, other: dict) -> bool:
    """Whether the other value changes any figure of the reading's result (a value the calculator
    refuses counts as a change: the words say something the reading did not fit)."""
    from taxqa.errors import UserError
    from taxqa.tax.compute import compute
    from taxqa.tax.kinds import KINDS

    if reading.inputs.get("limitation"):
        return False
    kind = KINDS[reading.kind]
    try:
        before = kind.figure_values(compute(reading.kind, **reading.inputs, as_of=reading.as_of))
        after = kind.figure_values(compute(reading.kind, **{**reading.inputs, **other}, as_of=reading.as_of))
    except UserError:
        return True
    return before != after


# the words said not to hold, just after them in their clause: "장부 조작 같은 건 절대 🙅", "이미 낸 세금은 없어요"
NOT_AFTER = re.compile(  # "세무서에서 연락 오기 전에 한 거고요": the notice not yet come
    r"[^.,?!\n]{0,12}?(?:없|아니|아님|안\s|않|절대|🙅|❌|無|(?<![A-Za-z])(?:N|No)(?![A-Za-z])|X|0원|(?:오|받|나오)기\s*전)"
)


def already_said(reading, hit: str, name: str) -> bool:
    """A fact, assumption or note already speaks of the words or the input."""
    said = " ".join(reading.assumptions + reading.ambiguous + reading.missing + [f.words for f in reading.facts])
    from taxqa.tax.unread_cues import input_label

    return hit in said or f"({input_label(reading.kind, name)})" in said


def run(reading) -> None:
    """Flag each signalled fact whose input the reading left at its default."""
    if reading.kind is None or reading.missing:
        return
    for kind, name, words, label, other in SIGNALS:
        if kind != reading.kind or not off_the_default(reading, name):
            continue
        m = re.search(words, reading.text)
        if m is None or NOT_AFTER.match(reading.text, m.end()) or already_said(reading, m.group(0), name):
            continue
        if words == ONE_HOUSE and re.search(ONE_HOUSE_DENIED, reading.text):
            continue
        value = None if other is None else other(reading)
        if other is not None and (value is None or not changes_figure(reading, value)):
            continue
        reading.unclear(f"'{m.group(0).strip()}': {josa(label, '을를')} 반영하지 않았습니다: 확인이 필요합니다")
