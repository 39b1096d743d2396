"""A question put into the shapes the amount parser reads, before any reader sees it: Hangul numerals as
digits (이십억 -> 20억), spoken amounts with their 만 left out ("3억5천", "3천3백", "연봉 3500", "일억 오천"),
an aside moved after its amount, an arrow between relatives as words, native ages as digits."""

from __future__ import annotations

import re

from taxqa.tax.spoken_time import plain_spans, season_months
from taxqa.tax.words import NATIVE_AGE, NATIVE_ONES, NATIVE_ONES_AGE, SINO, josa, native_age, plain_words, sino_number

# words that follow a town's name, not an amount: "이천 토지 건", "오천 공장 부지"
PLACES = r"토지|땅|논|밭|임야|공장|창고|부지|상가|건물|아파트|빌라|주택|시내|시청|쪽|근처|부근|지역|IC|점포|매장|지점|사무실|현장|물류"
HANGUL_AMOUNT = re.compile(
    r"(?<![가-힣\d])((?:[일이삼사오육칠팔구십백천]+\s*[억만]\s*)+)"
    r"(?=원|\s*원|[을를이가은는의과와에인입,.?!\s…]|쯤|정도|가량|어치|짜리|$|[일이삼사오육칠팔구]?[천백])"  # "일억오천을"
)


def hangul_amount(m: re.Match) -> str:
    """'이십억' -> '20억', '삼억 오천만' -> '3억 5000만' (only sums with a unit 억/만)."""
    parts = re.findall(r"([일이삼사오육칠팔구십백천]+)\s*([억만])", m.group(1))
    # a sum with no 억 and no 원 is taken only when its 만 has a 천 or 백 in several syllables ("천이백만",
    # "사천오백만 보내줌"): a bare "이만"/"천만" is a word as often as an amount
    many = any(len(num) >= 2 and re.search("[천백]", num) for num, unit in parts if unit == "만")
    if not any(unit == "억" for _, unit in parts) and not re.match(r"\s*원", m.string[m.end() :]) and not many:
        return m.group(0)
    return " ".join(f"{sino_number(num)}{unit}" for num, unit in parts) + (" " if m.group(1).endswith(" ") else "")


# pay (or 필요경비, a tax) said in Hangul numerals with 만 left out: "월급이 사백오십이래", "연봉 오천오백", "세금이 오백이었는데"
PAY_IN_HANGUL = re.compile(
    r"(?P<key>월급|연봉|급여|세전|(?<![가-힣])월|필요경비|(?<![가-힣])세금|(?<![가-힣])세액)(?P<sep>\s*(?:은|는|이|가)?\s*)(?P<n>[일이삼사오육칠팔구십백천]{2,})(?=[가-힣\s,.?!]|$)"
)


def pay_in_digits(m: re.Match) -> str:
    n, rest = m["n"], m.string[m.end() : m.end() + 1]
    if not re.search("[백천]", n):
        return m[0]
    if (
        n.endswith("이") and rest and rest in "래야고라에예요면었다여"
    ):  # "사백오십이래", "사백이여": the 이 is the copula
        n = n[:-1]
    return f"{m['key']}{m['sep']}{sino_number(n)}" + m["n"][len(n) :]


# A bare number after a word that takes a won amount, with 만 left out: "월급 400", "연봉 3500이면",
# "공급가 합계 4200", "매출 총 4200", "카드로 긁은 게 부가세 포함 9,900", "월 평균 2,500씩".
IMPLIED_MAN = re.compile(
    r"(?P<key>월급|기본급|(?<![가-힣])[가-힣]{0,3}수당|연봉|총급여액?|급여|연\s*소득|매출액?|매입액?|공급대가|공급가액?|과세표준|과표|퇴직금\s*정산(?:액|금)?|퇴직금|퇴직급여|양도가액?|취득가액?|용돈|생활비|"
    r"상여금?|보너스|성과급|성과금|인센티브|인센|식대|비과세|자가운전보조금|보육수당|월세|임대료|매달|매월|달마다|매년|해마다|세전|"
    r"중간예납(?:세액|액)?|기납부(?:세액|액)?|원천징수(?:세액|액)?|(?<![가-힣])세액|국민연금|연금\s*보험료|"
    r"(?:건강|고용|4대)\s*보험료?(?:\s*등)?|건보(?:고용|료)?|원천징수\S{0,2}\s*(?:된|한)\s*(?:거|게|것|금액)|(?<![가-힣])보험료|"
    r"수입(?:금액)?|(?<!필요)경비|(?:종합)?소득\s*금액|(?:종합)?소득\s*공제|인적\s*공제|상속\s*재산|증여\s*재산|예금|적금|현금|"
    r"본세|(?<![가-힣])세금|(?<![가-힣])소득세|납부\s*세액|보증금|전세금|세금\s*계산서(?:로)?(?:\s*받은\s*(?:거|것|게))?|"
    r"필요경비|필경|부대\s*비용|중개비|중개보수|중개수수료|법무비|법무사\s*비용?|수리비|카드\s*(?:결제|매출)(?:액|분)?|카드\S{0,2}\s*(?:긁은|결제한|결제된|받은)\s*(?:게|거|것|금액)|(?:카드|현금\s*영수증)\S{0,3}\s*(?:나간|나온)\s*(?:게|거|건|것|금액)|(?:발행|발급)\s*금액|(?:발행|발급)(?=\s*[1-9][\d,]*(?![\d,])(?!\s*[건장회매번개]))|(?:카드|현금\s*영수증)(?=\s*[1-9][\d,]{2})|현금\s*(?:결제|매출)|"
    r"(?<![가-힣])[월연](?=\s)|(?<![가-힣\d])월(?=\d{3,4}(?:받|씩|인데|이고))|(?<![\d~∼-])\d{1,2}\s*월\s*부터(?:는|은)?)"
    r"(?P<sep>\s*(?:은|는|이|가|으로|로|:|=|,|\|)?\s*(?:평균\s*)?(?:(?:작년|전년|지난\s*해|올해|금년)\s*(?:에는|엔|에|은|는)?\s*)?(?:(?:부가세|부가가치세|VAT)\s*(?:포함|별도)(?:해서|하여|하면)?\s*|합계\s*|총\s*)?)(?P<n>[1-9]\d{0,2},\d{3}|[1-9]\d{0,4}|[1-9]\d{5,15})"
    # "월급 230, 12달": the comma ends a list item; "15~18억": the unit of a range is said at its end; "5500 세금계산서":
    # the 세 of 세금 starts the next word, it is no age; "매출은 작년 2기랑": a period (기 right after), not 2만원
    r"(?!\d|,\d|\.\d|기(?!준)|\s*(?:[천백십만억조%년월일살명개배]|세(?!금)|원(?!천))|\s*[~∼〜-]\s*\d[\d,.]*\s*[억천만조])"
)
# "소득세 작년엔 400만원이었는데 올해는 520": this year's figure said beside last year's, in its unit
YEAR_AFTER_YEAR = re.compile(
    r"(?P<first>\d[\d,]*\s*만\s*원?\s*(?:이었는데|였는데|이던데|인데|이었고|였고)\s*(?:올해|금년)\s*(?:에는|엔|은|는|에)?\s*)"
    r"(?P<n>[1-9]\d{0,4})(?!\d|,\d|\.\d|\s*[천백십만억조%년월일세살명개배원])"
)
# "3500 보내줬는데", "2400 받았어요": a bare number given or received, with 만 left out
IMPLIED_MAN_BEFORE_VERB = re.compile(
    r"(?<![\d,.제])(?P<n>[1-9]\d{2,4}|[1-9]\d?,\d{3})(?=\s*(?:을|를)?\s*(?:보내|줬|주셨|주심|주신|받았|받음|받아|받을|받는|송금|입금|"
    r"이체|벌었|썼|들었|냈|내었|납부했))"
)
HANGUL_BEFORE_VERB = re.compile(
    r"(?<![가-힣\d])(?=[가-힣]{2})(?P<n>[이삼사오육칠팔구]?천(?:[이삼사오육칠팔구]?백)?|[이삼사오육칠팔구]?백(?:[이삼사오육칠팔구]?십)?)"
    r"(?=\s*(?:을|를|이|가)?\s*(?:들었|들어|썼|냈|나갔|줬|주셨|받았|받음|보냈|보내))"
)
ASIDE_BEFORE_AMOUNT = re.compile(
    r"([가-힣])\s*(\((?![^()]*(?:공급가액|과세표준|과표))[^()\d]{1,24}\))\s*[:：]?\s*(\d[\d,.]*\s*(?:억|천만|백만|만|천|백|원)(?:\s*\d[\d,.]*\s*(?:천만|백만|만|천|백|원))*(?:\s*원)?)"
)


# words of a numeral run: apart by spaces or by a pause ("칠천… 칠천 있어요")
RUN_GAP = r"(?:\s*(?:…+|\.{2,})\s*|\s+)"
NUMERAL_RUN = re.compile(
    rf"(?<![가-힣\d])[일이삼사오육칠팔구십백천만억]+(?:{RUN_GAP}[일이삼사오육칠팔구십백천만억]+)*(?:\s*만)?"
)


def said_twice(text: str) -> str:
    """An amount in Hangul numerals said again at once, the way people say it on the phone ("이억 삼천 이억
    삼천이", "천이백 천이백만 원"): said once, the fuller saying kept."""

    def once(m: re.Match) -> str:
        words = re.split(RUN_GAP, m[0].strip())
        for k in range(1, len(words)):
            first, second = "".join(words[:k]), "".join(words[k:])
            if second.startswith(first) and re.search(r"[십백천만억]", first) and len(second) - len(first) <= 1:
                return " ".join(words[k:])
        return m[0]  # not said twice: as written, pauses and all

    return NUMERAL_RUN.sub(once, text)


def normalise(text: str) -> str:
    """The question in the shapes the amount parser reads: the act's own name removed (상속세 및
    증여세법 names both taxes), amounts in Hangul numerals as digits (이십억 -> 20억, 천만원 ->
    1천만원), the spoken '3억5천' as 3억 5천만, '3천3백' as 3천3백만 and '연봉 3500' as 3500만원."""
    text = re.sub(r"상속세\s*및\s*증여세법", "상증법", text)
    text = plain_words(text)
    text = said_twice(text)
    text = re.sub(r"Q\d*[.):]?\s*([^?\n]{1,20})\?\s*A\d*[.):]?\s*", r"\1: ", text)  # "Q. 근속연수? A. 22년"
    for _ in range(2):  # "3 천 만 원", "1 억 원": the units of one amount written apart
        text = re.sub(r"([\d억천백만])\s+(?=(?:억|천|백|만|원)+(?![가-힣]))", r"\1", text)
    text = re.sub(r"['‘’](\d{2})\s*년", r"20\1년", text)  # "'19년에 산": 2019
    # "사업연도 12M": the months of a company's year in tax offices' shorthand, not 12 million won
    text = re.sub(r"(사업\s*연도\S{0,3}\s*)(1[0-2]|[1-9])\s*M(?![A-Za-z])", r"\1\2개월", text)
    # "KRW 120M", "1.5M원", "18 mil": millions written the English way (before a bare number takes 만 as said)
    text = re.sub(
        r"(?:(?:KRW|₩)\s*)?(?<![\d.,])(\d+(?:\.\d+)?)\s*(?:M|mil)(?![A-Za-z])(?!\s*내)원?",
        lambda m: f"{round(float(m[1]) * 100)}만원" if float(m[1]) * 100 == round(float(m[1]) * 100) else m[0],
        text,
    )
    # tax-office shorthand: "기후신고" a 기한후신고, "1M내" within a month ("12M" for months stays with its reader)
    text = re.sub(r"기후\s*신고", "기한후신고", text)
    text = re.sub(r"(?<![\w.,])(\d{1,2})\s*M(?=\s*(?:내|이내|안|후|뒤|경과|지나|초과|만에))", r"\1개월", text)
    # "매입(공급대가) 2,200만", "상속재산(채무 차감 후) 20억": the aside after the amount, so the label is
    # nearest (an aside that is itself the label, "과세표준(공급가액) 2억", stays)
    # "매입(세금계산서 받은 거, 공급가액) 5,200": a comma inside a label's aside ends no clause
    text = re.sub(r"(?<=[가-힣])\(([^()\n\d]{1,30})\)(?=\s*[:：]?\s*\d)", lambda m: m[0].replace(",", " ·"), text)
    text = ASIDE_BEFORE_AMOUNT.sub(r"\1 \3\2", text)
    # "매출 2억(부가세 포함 2억 2천)": the bracket restates the amount with VAT, so the amount is the 공급가액
    text = re.sub(
        r"\(\s*(?:부가세|부가가치세|VAT)\s*포함(?:하면|시)?\s*[\d,.]+\s*[억천만원][\d,.\s억천만원]*\)",
        "(공급가액)",
        text,
    )
    # "외삼촌 → 나": the one before the arrow gives to the one after it
    # "증여자 정정합니다. 엄마 → 아버지예요": an arrow after a correction word replaces, as "엄마 아니고 아버지예요"
    text = re.sub(
        r"([가-힣]+)\s*(?:→|->|⇒)\s*([가-힣]+)",
        lambda m: (
            m[0]
            if re.search(r"신고|납부|공제|대상|세$", m[1] + " " + m[2])
            else f"{m[1]} 아니고 {m[2]}"
            if re.search(r"정정|수정|변경|바꿉니다|잘못", text[max(0, m.start() - 30) : m.start()])
            else f"{josa(m[1], '이가')} {m[2]}에게"
        ),
        text,
    )
    text = re.sub(r"(?<![\d가-힣])(천|백)(만\s*원|만원|만\s*(?=엔|달러|유로|위안))", r"1\1\2", text)
    # "3억여 원", "2천여만 원", "500여만원": a little more than the amount said, as "남짓" (an approximate amount)
    text = re.sub(r"(\d(?:[\d,.]*\d)?\s*[천백십]?\s*[억만]?)여\s*(만\s*원|만원|만|억\s*원|원)", r"\1\2 남짓", text)
    text = HANGUL_AMOUNT.sub(hangul_amount, text)
    text = season_months(text)
    text = re.sub(
        r"(?<![가-힣\d])([이삼사오육칠팔구])(천|백)(?=\s*\d)", lambda m: f"{SINO[m[1]]}{m[2]}", text
    )  # 삼천5백
    text = re.sub(  # "이천 사백 받어": 2천4백 (만 left out), read below as 2,400만; "사천사백오십": its 십 kept
        r"(?<![가-힣\d])([이삼사오육칠팔구]?)천\s*([이삼사오육칠팔구]?)백(?:\s*([이삼사오육칠팔구]?)십)?(?!\s*[만억원])",
        lambda m: (
            f"{SINO.get(m[1], 1)}천{SINO.get(m[2], 1)}백" + (f"{SINO.get(m[3], 1)}십" if m[3] is not None else "")
        ),
        text,
    )
    # "이천 토지", "오천 공장": a town's name (이천, 오천) before a place, not 2천 or 5천
    text = re.sub(
        rf"(?<![가-힣\d])([이삼사오육칠팔구])천(?=\s|[을를이가은는,.…]|$)(?!\s*(?:{PLACES}))",
        lambda m: f"{SINO[m[1]]}천",
        text,
    )
    text = re.sub(  # "일억 오천", "삼억 오천쯤" (spoken, 만 left out after 억): 1억 5000만
        r"(\d억)\s*([일이삼사오육칠팔구]?천(?:\s*[일이삼사오육칠팔구]?백)?)(?=\s|[을를이가은는에원,.…]|쯤|정도|가량|$)",  # "일억 오천… 그리고"
        lambda m: f"{m[1]} {sino_number(m[2].replace(' ', ''))}만",
        text,
    )
    # "1억 2천 5백": the 천 and 백 after 억 are of 만 (1억 2,500만); "1억2에 사서": a bare digit after 억 is its 천만
    text = re.sub(
        r"(\d)\s*억\s*(\d{1,4})\s*천(?:\s*(\d)\s*백)?(?:\s*만)?(?!\s*[만\d])",  # "9억 9천 9백만원" too
        lambda m: f"{m[1]}억 {m[2]}천{m[3] + '백' if m[3] else ''}만",
        text,
    )
    text = re.sub(r"(?<![\d,.])(\d{1,3})억(\d)(?![\d,.]|\s*[천백십만원억조년월일세살명개%])", r"\1억 \2천만", text)
    # 3천3백, 4천4백5십 (down to the 십: 만 left out as in 3천3백)
    text = re.sub(r"(?<![\d,.억])(\d)\s*천\s*(\d)\s*백(\s*\d\s*십)?(?!\s*[만억원\d])", r"\1천\2백\3만", text)
    text = re.sub(  # 6천만원; not the 천 of "247만 5천": a part of the 만 before it
        r"(?<![\d,.])(\d{1,4})\s*천(?!\s*[만원\d억]|\s*주(?:를|을|가|는|씩|\(|\s|$))",
        lambda m: m[0] if re.search(r"\d\s*만\s*$", m.string[: m.start()]) else f"{m[1]}천만",
        text,
    )
    text = PAY_IN_HANGUL.sub(pay_in_digits, text)
    text = IMPLIED_MAN.sub(
        lambda m: (
            f"{m['key']}{m['sep'].replace(',', ' ')}{m['n']}{'만원' if len(m['n'].replace(',', '')) <= 5 else '원'}"
        ),
        text,
    )
    text = YEAR_AFTER_YEAR.sub(r"\g<first>\g<n>만원", text)
    text = IMPLIED_MAN_BEFORE_VERB.sub(r"\g<n>만", text)
    text = HANGUL_BEFORE_VERB.sub(lambda m: f"{sino_number(m['n'])}만", text)  # "오백 들었소": 500만
    text = NATIVE_AGE.sub(native_age, text)
    text = NATIVE_ONES_AGE.sub(lambda m: f"{NATIVE_ONES[m[1]]}살", text)
    text = re.sub(r"\b(?:not|no)\s+(?:an?\s+|the\s+)?([가-힣\d]+)", r"\1 아님", text, flags=re.I)  # "Not 1세대1주택"
    text = plain_spans(text)
    return re.sub(r"(\d)\s*억\s*(\d)\s*천\s*원", r"\1억 \2천만원", text)
