"""Which act a question naming no tax is about, from who asks and what happens.

A question often names no tax and its words fit two acts: "성인 자녀가 부모한테 받을 때 공제되는 금액" says 자녀 and
공제 (소득세법's 자녀세액공제 as much as 상증법's 증여재산 공제); "작년에 회사 손해 본 걸 올해 이익에서 까줘?" says
손해 ... 이익 (소득세법's 결손금 as much as 법인세법's). What decides is the event and the person: something received
from a parent or left by the dead is 상속세 및 증여세법's; a company's own costs and losses are 법인세법's; wages,
interest, dividends, a pension and a sold house are 소득세법's. The chosen act becomes the question's governing
and primary act among these three (taxqa.corpus.query), the other two count as other statutes (OTHER_STATUTE in
taxqa.corpus.retrieve): a soft prior on the ranking, not a filter. It stays silent when the question names a tax
or an act, or says a general act's word (its own words decide then), or when its events point at more than one
act. Measured on the older sets (BENCHMARKS 9o): 18 questions higher (with the relief rule of
taxqa.corpus.query), none lower.

For 지방세법, 부가가치세법 and 국세기본법 the events only hint (``hint``): buying or keeping a car, a house or land; closing
a shop or a tax invoice; reopening a past year, correcting a return, filing late, an appeal. The hinted act
governs only when nothing else read an act, the corpus's act vote included (BENCHMARKS 9q).
"""

from __future__ import annotations

import re

from taxqa.corpus.cite import squash

GIFT_ACT = "상속세 및 증여세법"
INCOME_ACT = "소득세법"
CORPORATE_ACT = "법인세법"
RELIEF_ACT = "조세특례제한법"
CHOOSABLE = frozenset({GIFT_ACT, INCOME_ACT, CORPORATE_ACT})
LOCAL_ACT = "지방세법"
VAT_ACT = "부가가치세법"
BASIC_ACT = "국세기본법"

_KIN = r"(부모|아버지|어머니|엄마|아빠|할머니|할아버지|시부모|시아버지|장인|장모|친정|자녀|아들|딸|손주|손자|손녀|자식|남편|아내|와이프|배우자|형|동생|조카)"
# something received from or given to family without paying for it, or left by the dead
_GIFT = re.compile(
    rf"돌아가|사망|별세|물려|유산|{_KIN}\s?님?\s?(이|가|께서)?\s?(떠나|떠난|떠났|가시|가신|가셨)|{_KIN}\s?님?\s?(한테|께|에게|으로부터|로부터)\s?(서\s?)?받|"
    rf"{_KIN}\s?님?\s?(한테|에게|께|앞으로)\s?(\S+\s){{0,2}}(주|줬|준|줄|드리|드렸|넘겨|보태|빌려)"
)
_LEGAL_PERSON = r"법인(?![세가-힣]*(세법|령))"  # a company, not the tax (법인세) nor its act or decree
_WORKS_THERE = r"월급|연봉|급여|연말정산|입사|퇴사|다니|직장|알바|월급쟁이"  # 회사 as where one works
# a company's own accounts: its costs, losses, profits, books, or the name it buys in
_COMPANY = re.compile(rf"(?<![가-힣])({_LEGAL_PERSON}|주식회사|회사|회삿돈)")
_ACCOUNTS = re.compile(r"결산|비용|경비|손금|손해|이익|적자|결손|장부|명의|외상|감가|적립|회사\s?(의\s?)?돈|회삿돈")
_EMPLOYEE = re.compile(rf"{_WORKS_THERE}|취직")
_CORPORATION = re.compile(_LEGAL_PERSON)  # 내국법인이 ... 배당받은: a company's income
# the asker is a company (company_asks): "우리 법인", "법인 차", "주식회사 세워서", or the company's own costs,
# money or name; 회사 alone is where one works (월급, 연말정산: 소득세법). Not 공익법인, 비영리법인 (상증법's)
_NAMED_COMPANY = re.compile(rf"(?<![가-힣])({_LEGAL_PERSON}|주식회사)")
_COMPANY_OWN = re.compile(r"회삿돈|회사\s?(의\s?)?(비용|경비|손금|돈|명의|이름으로|세금)")
_WORKER = re.compile(_WORKS_THERE)
# a person's income received: wages, interest, dividends, pensions, prizes, fees. Not who the asker is (직장인,
# 알바생): a worker asks as often about the special act's reliefs for workers (근로장려금, 월세액)
_EARNING = re.compile(r"월급|연봉|급여|연말정산|퇴직금|은퇴|배당|이자|로또|당첨|연금|사례비|강연료|원고료")

# a person selling an asset (양도소득): a house, land, shares, a right to a new flat
_ASSET = r"(집|주택|아파트|땅|토지|건물|상가|주식|분양권|입주권|오피스텔|빌라|농지|회원권)"
_SELLS_ASSET = re.compile(rf"{_ASSET}\S*\s?(\S+\s)?(팔|처분|매도|전매)|전매|차익")

# the acts a hint may name (see hint): buying or registering a car, a house or land, or keeping one year after
# year (지방세법's 취득세, 재산세, 자동차세); closing a shop, a tax invoice (부가가치세법); reopening a past year,
# correcting a return, filing late, an appeal, keeping the books (국세기본법's procedures)
_VEHICLE = r"(차|승용차|자동차|오토바이|자가용|트럭)"
_HINTS = (
    (
        LOCAL_ACT,
        re.compile(
            rf"{_VEHICLE}\s?(를|을|한\s?대)?\s?(새로\s)?(뽑|사면|샀|산\s|구입|구매|등록)|낙찰|분양받|"
            rf"{_ASSET}\S*\s?(\S+\s)?(사면|샀|매수|구입)|"
            rf"(매년|해마다|칠월|구월|7월|9월)\s?(\S+\s){{0,3}}\S*({_VEHICLE}|{_ASSET}|집)"
        ),
    ),
    (VAT_ACT, re.compile(r"(가게|매장|점포|장사)\S*\s?(\S+\s)?(닫|접|폐업)|문\s?(을\s)?닫|계산서\S*\s?(끊|떼|발행)")),
    (
        BASIC_ACT,
        re.compile(
            r"몇\s?(해|년)\s?전|거슬러|(바로잡|고쳐|정정)\S*\s?(\S+\s){0,3}(기한|언제|몇\s?년)|억울|따지|불복|"
            r"늦게\s?신고|마감\S*\s?넘|기한\S*\s?넘|(장부|영수증)\S*\s?(\S+\s){0,3}(보관|버리|간직)"
        ),
    ),
)


def company_asks(text: str) -> bool:
    """Does a company ask (taxqa.corpus.query: 법인세법 governs a question whose own words read no act)?"""
    return bool(_NAMED_COMPANY.search(text) or (_COMPANY_OWN.search(text) and not _WORKER.search(text)))


def events(text: str) -> set[str]:
    """The acts the question's events and its asker point at."""
    found = set()
    if _GIFT.search(text):
        found.add(GIFT_ACT)
    company = _COMPANY.search(text) and _ACCOUNTS.search(text) and not _EMPLOYEE.search(text)
    if company:
        found.add(CORPORATE_ACT)
    elif (_EARNING.search(text) or _SELLS_ASSET.search(text)) and not _CORPORATION.search(text):
        found.add(INCOME_ACT)
    return found


def choose(text: str, named: set[str], tax_names: set[str], general: bool = False) -> str:
    """The one act the question's events point at, "" when it names an act or one of ``tax_names`` (the act
    cues of the lay-term table that name a tax: 증여세, 양도세, 취득세 ...), when a general act's word governs it
    (``general``: 환급금에 이자 is 국세환급가산금, not interest income), or when none or several fit."""
    said = squash(text)
    if named or general or any(t in said for t in tax_names):
        return ""
    found = events(text)
    return next(iter(found)) if len(found) == 1 else ""


def hint(text: str) -> str:
    """The one act among 지방세법, 부가가치세법 and 국세기본법 the question's events point at ("" when none or
    several). Weaker than choose: taxqa.corpus.retrieve takes it only when nothing else read an act, the corpus's
    vote (taxqa.corpus.acts) included - that vote already finds 지방세법's 취득세 chapter for "집 사면", and a
    chosen act would switch it off (BENCHMARKS 9o: 2 higher, 2 lower)."""
    found = {act for act, pattern in _HINTS if pattern.search(text)}
    return next(iter(found)) if len(found) == 1 else ""
