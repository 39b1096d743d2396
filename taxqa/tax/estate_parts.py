"""What each amount of an inheritance question is (taxqa.tax.inheritance): the estate, a part of it (financial
assets, an item), a debt or funeral cost, or the share the spouse actually takes."""

from __future__ import annotations

import re

from taxqa.tax.family import SPOUSE
from taxqa.tax.words import iter_amounts, window_before

TOTAL = r"상속재산|유산|재산|과세가액|총|합계|합쳐|전\s*재산|남기|남긴|물려|상속"
FINANCIAL = r"금융재산|금융자산|금융|예금|적금|주식|펀드|현금|채권|보험금|통장|예적금"
# "논 열 마지기가 4억": farmland said in the old unit (마지기) or as 논·밭, with its won value
ITEM = (
    r"집|아파트|주택|토지|땅|건물|상가|부동산|빌라|오피스텔|자동차|차량|임야|농지|전답|회원권|마지기|"
    r"(?<![가-힣])(?:논|밭|논밭)(?=[\s은는이을도과랑,])"
)
DEBT = r"채무|빚|부채|대출금?|차입금|공과금|보증금|빌리신|빌린|빌려\s*쓴|미납|미지급|체납"  # "작은아버지한테 빌리신 8천만원"
ASKER = r"(?<![가-힣])(?:제가|저는|본인이|본인은|내가|나는)"  # the asker, when the deceased is the asker's spouse
FUNERAL = r"장례\s*비용?|장례식장?\s*비용?|장례비"


# what is left once the debts are taken off, said plainly or in dialect: "빼고", "빼믄" (전라), "빼모" (경상)
TAKEN_OFF = (
    r"(?:빼고|뺀|빼면|빼믄|빼문|빼모|빼몬|빼니(?:까|께)?|차감\s*후|차감하면|제외하고|제외하면|제하고|제하면|"
    r"정리하고|갚고|청산하고|공제하고|공제한|공제하면|공제\s*후)"  # "채무를 공제하고 25억": taken off, no deduction rule
)
ALREADY_OFF = r"[^.?!\n]{0,24}?이미\s*(?:다\s*)?(?:뺀|빼|차감|제외|공제|반영)"
# "빼고 남은 게 딱 21억", "다 빼고 남는 게 24억": the words for the remainder between the verb and the amount
LEFT = r"(?:남은|남는|남을)\s*(?:게|것이?|거|건|재산은?|금액은?|돈은?)"


def classify(text: str, a, spouse_words: str, asker_is_spouse: bool = False) -> str:
    """What an amount in an inheritance question is: estate, financial, item, spouse, debt, funeral, skip."""
    window = window_before(text, a.start, 30)
    opened = text.rfind("(", 0, a.start - len(window))
    if window.count(")") > window.count("(") and opened > text.rfind("\n", 0, a.start):
        window = window_before(text, opened, 20) + text[opened : a.start]  # "주택(거주, 시가) 15억": the aside's comma
    if key := listed_as(text, a):  # "- 예금: ○○은행 외 2곳 합계 620,000,000원": a notice's line names its amount
        return key
    if re.search(r"\)\s*(?:은|는|이|가|:)?\s*$", window):  # "순금융재산(예금에서 금융채무 뺀 것)이 8억": the aside
        window = re.sub(r"\([^()]*\)", "", window)  # describes the word before it; that word names the amount
    after = text[a.end : a.end + 10]
    spouse_words = re.sub(r"^(?:친정|시댁|우리|저희)\s*", "", spouse_words)  # "친정엄마 … 엄마 몫은": one
    if (
        re.search(r"(?:공제|한도|면제|이하|이상|초과|미만)\S{0,2}\s*(?:최소|최대|최고)?\s*$", window)
        and not re.search(rf"{TAKEN_OFF}\s*$", window)
        or re.match(
            r"\s*(?:원)?\s*(?:이하|이상|초과|미만|까지|(?:이)?라(?:는|고)\s*(?:건|거|것|걸)\s*(?:알|들었))", after
        )
    ):  # "배우자상속공제가 최소 5억이라는 건 알아요": a rule known, not this estate
        return "skip"
    if re.search(
        r"(?<![가-힣])(?:제|내)\s*(?:집|아파트|차|명의)?\s*(?:\S+\s*)?(?:대출|빚|채무)(?:금)?\S{0,2}\s*$", window
    ):
        return "skip"  # "저도 제 집 대출 3억 갚느라": the asker's own debt, not the deceased's
    if gone_since(text, a, window):
        return "past"  # "2022년쯤엔 재산이 20억 가까이 됐는데 … 거의 다 쓰셨어요": wealth spent before the death
    if re.match(SOLD_LATER, text[a.end : a.end + 24]):
        return "sale"  # "나중에 16억쯤 받고 팔 거라": a price hoped for later, not the value at the death
    if re.match(rf"\s*(?:원)?\s*(?:은|는|이|가)\s*(?:은행|농협|우체국)?\s*(?:{FINANCIAL})", text[a.end : a.end + 16]):
        return "financial"  # "20억 중에 1억 원은 예금이고", "그 중 1억이 은행 예금": the part said to be deposits
    if re.search(rf"(?:{FINANCIAL})\S{{0,3}}\s*(?:{DEBT})\S{{0,2}}\s*{TAKEN_OFF}\s*$", window):
        return "financial"  # "그중 예금은 대출 빼고 1억": the deposits net of the loans, a part of the estate
    if re.search(rf"{TAKEN_OFF}\s*(?:나(?:니까?|서|면)\s*)?(?:{LEFT}\s*)?(?:\S+\s*)?$", window):  # "빼고 나니 모두 8억"
        return "estate"  # "부채를 빼고 16억", "장례비까지 다 빼면 14억", "빚 다 정리하고 14억": what is left after the debts
    if re.search(
        r"(?:갚고|치르고|정리하고)\s*(?:\S+\s*){0,3}?남은\s*(?:게|것이?|거|건|재산은?|금액은?|돈은?)\s*$"
        # "빚 갚고 장례 치르고 나니까 딱 12억": what is left once they are paid
        r"|(?:갚고|치르고|정리하고)\s*나(?:니까?|서|면)\s*(?:딱|총|모두|전부|한)?\s*$",
        window,
    ):
        return "estate"  # "대출 갚고 장례 치르고 나니 순수하게 남은 게 18억": what is left after the debts
    if re.search(r"[△▲]\s*$", window) and not re.search(FUNERAL, window):
        return "debt"  # "병원비 미납 △23,000,000": a row taken off the estate in a form's list
    if re.search(rf"(?:{FUNERAL})\S{{0,2}}\s*(?:\S+\s*)?(?:합쳐|합산|모아)\S{{0,3}}\s*$", window):
        return "funeral"  # "장례비는 영수증 합쳐보니 800만원": the funeral bills summed, not the estate's total
    if re.search(rf"(?:{DEBT}|{FUNERAL})\S{{0,3}}\s*$", window) and re.match(ALREADY_OFF, text[a.end :]):
        return "skip"  # "과세가액 28억, 이건 채무 1억2천이랑 장례비 1천 이미 뺀 숫자": taken off the total already
    if re.search(r"(?:조의금|부의금|조위금)\S{0,2}\s*(?:\S+\s*)?$", window):
        return "skip"  # "조의금은 1,870만 들어왔는데": money the mourners gave, neither a funeral cost nor the estate
    keys = [("financial", FINANCIAL), ("item", ITEM), ("debt", DEBT), ("funeral", FUNERAL), ("estate", TOTAL)]
    hits = [(m.end(), -i, key) for i, (key, pattern) in enumerate(keys) for m in re.finditer(pattern, window)]
    spouse = re.compile(
        rf"(?:{ASKER if asker_is_spouse else SPOUSE + ('|' + re.escape(spouse_words) if spouse_words else '')})(?:님)?(?:이|가|께서|은|는|의\s*몫은?|몫은?|에게|한테|께)?\s*(?:\S+\s*){{0,{3 if asker_is_spouse else 2}}}$|{SPOUSE_TAKES}"
        # "모친께서 실제로 상속받으시는 재산은 12억원", "아버지가 실제로 받으시는 건 12억": the spouse named by
        # the word said for them, honorific
        + (
            rf"|{re.escape(spouse_words)}(?:님)?(?:께서|이|가|은|는)\s*(?:실제(?:로)?\s*)?(?:상속\s*)?받(?:으시|으실)?(?:는|을|은|게\s*될)\s*(?:금액|돈|몫|재산|건|것은?)(?:은|는|이)?\s*$"
            if spouse_words
            else ""
        )
    )
    # "모친이 주택 지분 중 7억원 상당을 실제로 상속받기로": the spouse the subject, the amount what is received
    said_by = (  # no other subject between ("어머니가 계시고 저희 남매는 각각 3억을 받기로": the children's)
        rf"(?:{who_said(spouse_words, asker_is_spouse)})(?:님)?(?:이|가|께서|은|는)\s"
        r"(?![^.?!\n]*[가-힣](?:은|는|이|가|께서)\s)[^.?!\n]*$"
    )
    if re.match(SPOUSE_RECEIVES, text[a.end : a.end + 24]) and re.search(said_by, window):
        return "spouse"
    if re.match(rf"\s*(?:원)?\s*(?:은|는)\s*(?:{who_said(spouse_words, asker_is_spouse)})(?:님)?\s*(?:이|가|께서)(?:" + TAKER_AFTER + ")",
                text[a.end : a.end + 40]):  # fmt: skip
        return "spouse"  # "그중 6억은 제가, 나머지 12억은 딸이 받기로": the amount said first, then its taker
    m = spouse.search(window)
    if m is None and asker_is_spouse:  # "분할협의안: 배우자 13억 실제 상속": the legal word for the one left, the asker
        m = re.search(r"(?<![가-힣])배우자(?:님)?\s*(?:몫|상속분)?\s*[:：]?\s*$", window)
    if m and not re.match(
        rf"(?:{SPOUSE}|{re.escape(spouse_words) if spouse_words else SPOUSE})(?:님)?\s*(?:와|과|랑|하고|및|,)",
        m.group(0),
    ):
        if not hits or max(hits)[0] <= m.end() - len(m.group(0)) + 6 or re.search(r"받|몫|상속", after + window[-14:]):
            return "spouse"
    summed = re.search(rf"(?:{FINANCIAL})\S{{0,2}}\s*(?:합쳐서?|합해서?|합하면|더해서?)\s*$", window)
    if (
        summed
        and not re.search(ITEM, re.split(r"[,.;]", window)[-1])
        and not re.search(TOTAL, window[: -len(summed[0])].split(",")[-1])
    ):
        return "financial"  # "예금·적금 합쳐 2억 3천": the deposits summed, one part of the estate, not its total
    if hits:
        return max(hits)[2]
    if re.match(rf"\s*(?:원)?\s*(?:의|어치|상당의|짜리)?\s*(?:{FINANCIAL})", after):
        return "financial"
    if re.match(rf"\s*(?:원)?\s*(?:의|어치|상당의|짜리)?\s*(?:{DEBT})", after):
        return "debt"
    return "estate"


# a time before the death the wealth is told of, and what became of it since: spent, lost, given away
THEN = r"(?:\d{4}\s*년\S{0,2}|한때|예전|옛날|전성기|젊었을\s*때)\s*(?:쯤|경)?(?:엔|에는|에|때는?|만\s*해도)"
SPENT = r"(?:다|거의|많이|대부분|절반)\s*(?:\S+\s*)?(?:쓰셨|쓰시|썼|날리|날렸|탕진|까먹|줄었|줄어)"
SPENT_AFTER = r"\s*(?:원)?\s*(?:은|는)\s*(?:그동안|그간|이미|벌써)?\s*(?:다|거의|전부|대부분)\s*(?:쓰셔|쓰셨|썼|써서|날리|날렸|탕진)"


def gone_since(text: str, a, window: str) -> bool:
    """An amount of the wealth at an earlier time that the same sentence says was spent since."""
    if re.match(SPENT_AFTER, text[a.end : a.end + 30]):
        return True  # "땅 팔고 받으신 5억은 그동안 다 쓰셔서 남은 게 없어요": the amount itself said spent
    return bool(re.search(THEN, window)) and bool(re.search(SPENT, sentence_of(text, a)[-80:]))


# a price the heirs mean to sell at later: "16억쯤 받고 팔 거라", "10억에 팔려고", "12억 정도에 내놓을 생각"
SOLD_LATER = (
    r"\s*(?:원)?\s*(?:쯤|정도|가량)?\s*(?:에|은|을|는)?\s*(?:받고\s*|받아서\s*)?"
    r"(?:팔|매도하|처분하|내놓)(?:\s*(?:거|것|예정|생각|계획)|려|까)"
)


# what the spouse is said to take, after the amount: "7억원 상당을 실제로 상속받기로", "6억은 가져가시고"
SPOUSE_RECEIVES = (
    r"\s*(?:원)?\s*(?:상당|어치|정도)?\s*(?:을|를|은|는|만)?\s*(?:실제(?:로)?\s*)?(?:상속\s*)?"
    r"(?:받(?:기로|으시기로|을|는|게)|가져가|갖기로|가지기로)"
)


# the verb after "6억은 제가": at once ("제가 받기로"), or after the rest's taker ("제가, 나머지 12억은 딸이 받기로")
TAKER_AFTER = (
    r"\s*(?:(?:다|실제로|실제)\s*)?(?:상속\s*)?(?:받|가져가|갖|가지|물려받)"
    r"|\s*,\s*(?:그\s*)?나머지[^.?!\n]{0,25}?(?:받|가져가|갖|가지|상속)"
)


def who_said(spouse_words: str, asker_is_spouse: bool) -> str:
    """The words for the deceased's spouse: the asker's "제가" when the asker is the spouse."""
    if asker_is_spouse:
        return r"(?<![가-힣])(?:제|저|본인|내|나)"
    return SPOUSE + ("|" + re.escape(spouse_words) if spouse_words else "")


# who lends as a 금융회사: a debt named with one of these is a 금융채무 (상증법 제22조①)
BANK_DEBT = r"은행|농협|신협|금고|금융|대출|담보|카드|캐피탈"


def owed_to_bank(text: str, a) -> bool:
    """A debt owed to a bank ("주택담보대출 잔액 1.2억", "농협 대출 5천"): a 금융채무, which the net financial assets
    are counted after (제22조①); a loan from a relative ("작은아버지한테 빌린") is not."""
    near = window_before(text, a.start, 16) + text[a.end : a.end + 8]
    return bool(re.search(BANK_DEBT, near)) and not re.search(r"빌리|빌린|빌려", near)


def listed_as(text: str, a) -> str:
    """The part a notice's line names by its label ("- 토지·건물: … 9억", "대출 채무: …"), or "": only the line's first
    amount, with no sentence or other part's word between ("재산: 부동산 18억, 현금 2억" names each by its own word)."""
    start = text.rfind("\n", 0, a.start) + 1
    label = re.match(r"\s*[-·•*]?\s*([^:：\d\n.?!]{1,15})[:：]([^.?!]*)$", text[start : a.start])
    if label is None or any(start <= b.start < a.start for b in iter_amounts(text)):
        return ""
    keys = [("financial", FINANCIAL), ("item", ITEM), ("debt", DEBT), ("funeral", FUNERAL)]
    said = re.sub(r"\([^()]*\)", "", label.group(1))  # "상속재산(빚 뺀 금액):": the aside is no label
    named = [key for key, pattern in keys if re.search(pattern, said)]
    between = {key for key, pattern in keys if re.search(pattern, label.group(2))}
    return named[0] if len(named) == 1 and between <= set(named) else ""


# "배우자가 실제 상속받는 금액 15억", "아내 몫으로 받을 돈은": the spouse's own share named by what is received
SPOUSE_TAKES = (
    rf"(?:{SPOUSE})(?:님)?(?:이|가|께서|은|는)?\s*(?:실제(?:로)?\s*)?(?:상속\s*)?받(?:는|을|은|게\s*될)\s*"
    r"(?:금액|돈|몫|재산|액수|상속액)(?:은|는|이|:)?\s*$"
    # "배우자의 실제 상속액 15억", a form's "배우자 실제 상속 예정액 : 7억원"
    rf"|(?:{SPOUSE})(?:님)?의?\s*(?:실제(?:로)?\s*)?(?:상속\s*(?:예정\s*)?액|상속분|상속\s*(?:예정\s*)?금액)\s*(?:은|는|이|[:：])?\s*$"
)


def named_by(text: str, a) -> str:
    """The word of the item or deposit an amount is said right after ("아파트 14억", "농협 예금 4억"), or ""."""
    hits = list(re.finditer(rf"{ITEM}|{FINANCIAL}", window_before(text, a.start, 12)))
    return hits[-1].group(0) if hits else ""


def qualifier(text: str, a) -> str:
    """The word said before that part's word ("농협" of "농협 예금 4억"), or "" (the part said plainly)."""
    hits = list(re.finditer(rf"([가-힣A-Za-z]+)\s+(?:{ITEM}|{FINANCIAL})", window_before(text, a.start, 16)))
    # "앞으로 하고 예금 4억은": a verb's ending or a particle before the word names no other part
    return (
        hits[-1][1]
        if hits and not re.search(r"(?:고|며|서|데|요|다|면|은|는|을|를|이|가|도|와|과)$", hits[-1][1])
        else ""
    )


# who takes a part, said after the part: "예금 4억은 자식 둘이 나누기로", "아파트는 제 앞으로"
TAKEN = r"\s*(?:원)?\s*(?:은|는|을|를)\s*[^.?!]{0,20}?(?:나누|나눠|받|가지|갖|앞으로|명의|몫)"


def restated(text: str, amounts: list) -> list:
    """Amounts said again of a part named before, to say who takes it ("아파트 14억, 예금 4억 … 예금 4억은 자식
    둘이 나누기로"): the same part once, not added to the estate twice."""
    again = []
    for i, a in enumerate(amounts):
        word = named_by(text, a)
        if (
            word
            and re.match(TAKEN, text[a.end :])
            and any(  # "신한 예금 2억은" after "국민은행 예금 2억": another deposit, said with another name
                b.value == a.value and named_by(text, b) == word and qualifier(text, a) in ("", qualifier(text, b))
                for b in amounts[:i]
            )
        ):
            again.append(a)
        elif taken_off_again(text, a, amounts[:i]):
            again.append(a)
    return again


def taken_off_again(text: str, a, earlier: list) -> bool:
    """A debt or funeral cost said again as the one taken off a total ("빚 6천이랑 장례비 천만원 빼면 12억 9천"
    after "빌린 돈 6천", "장례비는 딱 천만원"): the same cost once, not taken off twice."""
    owed = rf"(?:{DEBT}|{FUNERAL}|빌린\s*돈)"
    return (
        bool(re.search(owed + r"\S{0,3}\s*$", window_before(text, a.start, 12)))
        and bool(re.match(rf"[^.?!\n]{{0,24}}?{TAKEN_OFF}", text[a.end :]))
        and any(b.value == a.value and re.search(owed, window_before(text, b.start, 16)) for b in earlier)
    )


# an amount said right after a part's word, before its particle: "아파트 7억은", "예금 1억 5천만원을"
PRICE = r"(?:[\d,.]+\s*(?:억|천만|천|백만|만)?(?:\s*[\d,.]+\s*(?:천만|천|백만|만))?\s*원?\s*)?"


def spouse_item(text: str, amounts: list, spouse_words: str, asker_is_spouse: bool):
    """The amount of the part said to go to the spouse by its name, or None: "아파트는 제(아내) 앞으로 하고"
    (the asker the spouse), "집은 어머니가 받기로", "아파트(시가 9억원)는 어머니 몫으로" — the amount said with that part's word before."""
    who = (
        r"(?<![가-힣])(?:제|저|내|나)"
        if asker_is_spouse
        else SPOUSE + ("|" + re.escape(spouse_words) if spouse_words else "")
    )
    taker = (
        re.search(
            rf"({ITEM}|{FINANCIAL})\s*(?:\([^()]{{0,12}}\)\s*)?{PRICE}(?:은|는|을|를)\s*(?:{who})(?:님)?\s*(?:\([^()]{{0,8}}\))?\s*"
            r"(?:앞으로|명의로|이름으로|몫으로|(?:이|가|께서)\s*(?:다\s*|단독\s*(?:으로\s*)?|혼자\s*|전부\s*)?(?:받|갖|가지|상속))",
            text,
        )
        or re.search(  # "할머니는 아파트만 받기로 했는데 그게 6억이고요": the part's value said after it, as 그게
            rf"(?<![가-힣])(?:{who})(?:님)?\s*(?:이|가|께서|은|는)\s*({ITEM}|{FINANCIAL})\s*(?:만|을|를)?\s*(?:다\s*)?"
            r"(?:가져가|가지|갖|받|상속|물려받)[^.?!\n\d]{0,12}?(?:그게|그건|그것이|그것은|이게)\s*[\d,.]+\s*(?:억|천만|천|만)?",
            text,
        )
        or re.search(  # "엄마가 아파트(6억) 가져가시고", "시어머니는 살던 빌라 2억짜리만 받으시기로": the taker said first
            rf"(?<![가-힣])(?:{who})(?:님)?\s*(?:\([^()]{{0,8}}\))?\s*(?:이|가|께서|은|는)\s*(?:[가-힣]{{1,4}}\s+){{0,2}}?"
            rf"({ITEM}|{FINANCIAL})\s*(?:\(\s*{PRICE}\)\s*|{PRICE})(?:짜리|상당)?\s*(?:은|는|을|를|만)?\s*(?:다\s*)?"
            r"(?:가져가|가지|갖|받|상속|물려받|차지)",
            text,
        )
        or re.search(  # "칠억짜리 집은 내 앞으로", "그중 8억어치는 제가 받기로": the value said before the part
            rf"(?:그\s*중\s*)?[\d,.]+\s*(?:억|천만|천|만)?(?:\s*[\d,.]+\s*(?:천만|천|백만|만))?\s*원?\s*"
            rf"(?:짜리\s*(?:{ITEM}|{FINANCIAL})|어치)\s*(?:은|는|을|를)\s*(?:{who})(?:님)?\s*"
            r"(?:앞으로|명의로|이름으로|몫으로|(?:이|가|께서)\s*(?:다\s*|단독\s*(?:으로\s*)?|혼자\s*|전부\s*)?(?:받|갖|가지|상속))",
            text,
        )
    )
    if taker is None:
        return None
    inside = [a for a in amounts if taker.start() <= a.start < taker.end()]
    if inside:  # "아파트 7억은 어머니 앞으로": the amount said between the part's word and whose it is
        return inside[0]
    priced = [  # "7억짜리 아파트는 제 앞으로": the amount said right before the part's word
        a for a in amounts if re.fullmatch(r"\s*(?:원)?\s*(?:짜리|상당의?|어치)\s*", text[a.end : taker.start()])
    ]
    if priced:
        return priced[-1]
    said = [a for a in amounts if a.end <= taker.start() and named_by(text, a) == taker.group(1)]
    if not said:  # "아파트는 … 평당 3천에 거래되고 34평이에요": the one amount of a sentence naming the part
        said = [a for a in amounts if a.end <= taker.start() and taker.group(1) in sentence_of(text, a)]
    return said[-1] if len(said) == 1 or len({a.value for a in said}) == 1 else None


def sentence_of(text: str, a) -> str:
    """The sentence an amount is said in."""
    start = max(text.rfind(c, 0, a.start) for c in ".?!\n") + 1
    ends = [i for i in (text.find(c, a.end) for c in ".?!\n") if i >= 0]
    return text[start : min(ends, default=len(text))]


def nets_deposits_only(text: str, a) -> bool:
    """A bank debt said as the step from the deposits to their net ("금융채무 2천 뺀 순액 3억") where the estate is
    said already net of the debts ("이미 뺀 숫자"): taking it off the estate again would count it twice."""
    return bool(
        re.search(ALREADY_OFF, text) and re.match(r"\s*(?:원)?\s*(?:을|를)?\s*뺀\s*순(?:액|금융)", text[a.end :])
    )
