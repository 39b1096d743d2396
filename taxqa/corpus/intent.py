"""What a question asks of its act: the rate, a deadline, the papers, an exemption, a refund, installments, timing.

Inside the act (or 지방세법 chapter) a question points at, sibling articles share its content words: "집 가지고
있으면 여름에 날아오는 세금 언제 내?" is about 재산세, and 재산세's 납기, 납부유예, 납세의무자 and 세율 all carry
주택. What separates them is what the question asks, said in words no article uses (언제, 몇 퍼, 안 내도, 돌려받)
but that their titles answer (납기, 세율, 비과세, 환급). Each intent pairs a pattern of the question with a pattern
of article titles; an article of the governing unit whose title answers an intent the question has gains WEIGHT
(taxqa.corpus.siblings), so the lexical score still chooses among the articles of that kind.
"""

from __future__ import annotations

import re

from taxqa.corpus.query import _RELIEF_RE as RELIEF

WEIGHT = 0.25  # 0.3, 0.4 and 0.6 each lost one to two @1 of plain5, plain9, plain4, plain10 (plain12 not looked at)

VOTED_WEIGHT = 0.6  # when the question's words only voted for the unit (no tax named), the intent is most of what it says; 1.0 lost one of plain6 @5

WEIGHTS = {
    "relief": 0.1
}  # an intent's own lift: "깎아 준다던데" is as often 조특법's 감면 as the act's 공제 (0.25: 8 lower)

# name -> (what the question says, what an answering article's title says)
INTENTS: dict[str, tuple[re.Pattern, re.Pattern]] = {
    "rate": (
        re.compile(
            r"(?<!중과)세율|몇\s?(퍼|프로|%)|퍼센트|비율|요율|세게|얼마나\s?(내|붙|나와|나오|떼)|계산\s?(방식|법|방법|어떻게)"
            r"|세(금)?(이|가|은|는)?\s?얼마(나\s?(돼|되)|야|예요|에요|인가|임)"
            r"|세금이?\s?(더\s?)?(세|센|많이\s?(나와|나오|붙))"
        ),
        re.compile(r"세율|세액\s?계산|산출세액|과세표준과\s?세액|과세표준\s?및\s?세율|과세표준과\s?세율"),
    ),
    "deadline": (
        re.compile(
            r"언제|기한|며칠|몇\s?(일|달|개월|월)|(?<!얼마)(?<![억만천원돈\d])까지(?!\s?(합|포함|더|쳐))|납기|마감|몇\s?번"
            r"|(신고|납부|신청)\S*\s?(기간|날짜|일정)|(한|두|석|세|넉|네)\s?달\s?(안|내|이내)|기간\s?(안에|내에|이\s?남)"
        ),
        re.compile(r"신고(?!\s?예외)|납부(?!의무|세액|유예)|납기|기한|징수방법|청구기간"),
    ),
    "papers": (
        re.compile(r"서류|증빙|뭘\s?(내|챙|준비)|뭐\s?(내|챙|준비)"),
        re.compile(r"제출|서류|증명"),
    ),
    "exemption": (
        re.compile(
            r"안\s?내도|안\s?내나|안\s?내는|세금\s?(없|안\s)|비과세|면제|면세|안\s?붙|안\s?걷|안\s?매기|안\s?해도"
            r"|(?<!비)과세\s?(돼|되나|될까|되는\s?(거|건))"
        ),
        re.compile(r"비과세|면세|면제|과세최저한|부징수|징수면제|예외|최저한"),
    ),
    "refund": (
        re.compile(r"돌려\s?받|돌려\s?주|돌려\s?줘|되돌려|환급"),
        re.compile(r"환급"),
    ),
    "allowance": (
        re.compile(
            r"(얼마|[억만천원\d])\s?까지(는|도)?\s?(세금\s?|증여세\s?|상속세\s?)?(안\s|없|괜찮|면제)|기본으로\s?빼|빼\s?주는\s?(금액|돈)"
        ),
        re.compile(r"공제$"),
    ),
    "taxable": (
        re.compile(
            r"(?<!비)과세\s?여부|(?<!비)과세되는지|(?<!비)과세\s?대상(인지|에\s?해당|이야|이에요|인가)|부가세\s?(붙|매기|매겨|내야\s?하)"
        ),
        re.compile(r"과세대상$|^재화의 공급$|^용역의 공급$|면세$"),
    ),
    "income_kind": (
        re.compile(r"소득\s?구분|(무슨|어떤|어느)\s?소득|소득으로\s?(봐|보|잡|쳐|분류|구분)"),
        re.compile(r"^(이자|배당|사업|근로|연금|기타|퇴직)소득$"),
    ),
    "installments": (
        re.compile(
            r"나눠\s?(서\s?)?(내|낼|납부)|나누어\s?(내|납부)|조금씩|분납|할부|여러\s?번에\s?(나눠|걸쳐)|해마다\s?나눠"
            r"|(몇|여러)\s?(달|해|년|번)에?\s?(걸쳐|쪼개)|쪼개\s?(서\s?)?(내|낼|납부)"
        ),
        re.compile(r"분할납부|연부연납"),
    ),
    "relief": (  # "깎아 준다던데", "세금에서 빼 주는 게", "혜택이 있어": a 공제 or 감면 article, not the rule it relieves
        re.compile(RELIEF.pattern + r"|덜어|할인|세금에서\s?빠"),
        re.compile(r"공제\s?(특례|액)?$|공제\s?등$|감면(\s?등)?$|세율\s?(의\s?)?특례$"),
    ),
    "payer": (  # "누가 내", "누구 앞으로 나와": who owes the tax, not how it is filed or collected
        re.compile(r"누가\s?(\S+\s)?(내|낼|부담|물|납부)|누구\s?(앞으로|한테|에게|이름으로|몫)"),
        re.compile(r"납세의무자$|납부의무$|납세의무$"),
    ),
    "timing": (
        re.compile(r"언제로\s?(봐|보|치|쳐)|기준\s?(날짜|날|일)|(날|날짜|시점)\s?(로|으로)\s?(봐|보|치|쳐)|시점"),
        re.compile(r"시기$|기준일$|성립시기"),
    ),
}


# the year's last filing said in everyday words: the 확정신고 sibling, not 예정신고 (taxqa.corpus.retrieve)
YEAR_END = re.compile(r"마지막|해\s?넘어|다음\s?해|이듬해|한\s?번\s?더|폐업|가게\s?정리|문\s?닫")
ZERO_RATE = re.compile(r"영세율|영\s?퍼센트|영\s?프로|(?<![\d.])0\s?(%|퍼)")
AFTER_SANCTION = {"rate", "deadline"}  # "기한 넘겨서 하면 얼마나 붙어": the 가산세 article says when and how much


def asked(question: str) -> list[str]:
    """The intents the question has, in INTENTS order; none of AFTER_SANCTION when it asks about a sanction."""
    from taxqa.corpus.rerank import asks_sanction

    found = [name for name, (says, _) in INTENTS.items() if says.search(question)]
    if ZERO_RATE.search(question):  # 영세율 is its own regime (수출, 국외 용역), not the act's 세율 article
        found = [name for name in found if name != "rate"]
    if "allowance" in found:  # "5억까지는 세금 없다": an allowance (공제), not an exemption (비과세)
        found = [name for name in found if name != "exemption"]
    if "timing" in found or "installments" in found:  # "기준 날짜가 언제", "나눠 내는 건 언제까지": the narrower ask
        found = [name for name in found if name != "deadline"]
    return [name for name in found if name not in AFTER_SANCTION] if asks_sanction(question) else found


def answers(index, name: str):
    """Per passage, whether its title answers intent ``name`` (a boolean array, once per index and intent)."""
    cache = index.__dict__.setdefault("_intent_titles", {})
    found = cache.get(name)
    if found is None:
        import numpy as np

        pattern = INTENTS[name][1]
        found = cache[name] = np.array([bool(pattern.search(p.title)) for p in index.passages])
    return found
