"""Money said the way people talk, written in the units the amount parser reads: "4000장" (young people's 장 for
만원), "350k" (thousands), "삼점오억" (a decimal in Hangul), "억 단위로 1.75" (the unit said before the number) and
"칠억 팔에" (a single digit after 억 standing for its 천만). A 장 whose size cannot be known ("한 장", "다섯 장": 만원
or 백만원) is left as said and asked about, never guessed."""

from __future__ import annotations

import re

from taxqa.tax.spoken_numerals import well_formed
from taxqa.tax.words import sino_number

# the digits after 점 in "삼점오억", said one by one
DECIMALS = {
    "영": "0",
    "공": "0",
    "일": "1",
    "이": "2",
    "삼": "3",
    "사": "4",
    "오": "5",
    "육": "6",
    "칠": "7",
    "팔": "8",
    "구": "9",
}

# words that count sheets of paper, cards or bills, not money: "세금계산서 30장", "영수증 120장", "만 원짜리 몇 장"
SHEETS = r"짜리|지폐|수표|계산서|영수증|서류|사진|카드|전표|장부|용지|종이|페이지|티켓|(?<![가-힣])표|상품권|복권|증명서|등본|명함"
# "6800장", "총급여 4000장", "5,000장": three or more digits before 장 are 만원 (a sheet count that large is not said
# beside money words); not the 장 of 장부/장례/장기/장사/장인/장애 (a word that starts with 장)
JANG = re.compile(r"(?<![\d.,])([1-9]\d{2,4}|[1-9]\d?,\d{3})\s*장(?![가-힣])(?=[은는이가을를도만씩,.!?)\s]|$)")
# "한 장", "다섯 장", "두세 장": a count of 장 said in words, a sum whose unit (1만 or 100만) cannot be known
NATIVE_JANG = re.compile(r"(?<![가-힣])((?:한|두|세|네|다섯|여섯|일곱|여덟|아홉|열|두세|서너)\s*장)(?![가-힣])")
MONEY_WORDS = re.compile(
    r"원|만|억|돈|매출|매입|급여|연봉|월급|용돈|세금|부가세|소득|받았|받은|줬|보냈|벌었|썼|냈|긁|결제|입금|송금|증여"
)

# words between a sheet word and the number that make the number money: "세금계산서 받은 매입 2200장"
PAID = r"매출|매입|급여|연봉|월급|용돈|긁|결제|입금|송금|금액"


def sheets(text: str, start: int) -> bool:
    """The 장 at `start` counts paper: a sheet word before it in its clause with no money word after that word
    ("영수증 모은 게 1200장"; not "세금계산서 받은 매입 2200장", "카드로 긁힌 게 5000장")."""
    clause = re.split(r"[.?!\n]", text[:start])[-1][-30:]
    said = list(re.finditer(SHEETS, clause))
    return bool(said) and not re.search(PAID, clause[said[-1].end() :])


def _jang(m: re.Match) -> str:
    return m[0] if sheets(m.string, m.start()) else f"{m[1]}만원"


def in_won_units(text: str) -> tuple[str, list[str]]:
    """(the text with its slang units written out, what could not be read and is asked about)."""
    doubts = []
    if MONEY_WORDS.search(text):
        text = JANG.sub(_jang, text)
        for m in NATIVE_JANG.finditer(text):
            if sheets(text, m.start()):
                continue
            doubts.append(f"'{m[1]}'이 얼마인지 알 수 없음 (1장이 만원인지 백만원인지): 금액을 원 단위로 적어 주세요")
    # "삼점오억", "일점이억": a decimal said in Hangul numerals before 억 (3.5억)
    text = re.sub(
        r"(?<![가-힣])([일이삼사오육칠팔구십]+)\s*점\s*([영공일이삼사오육칠팔구]{1,3})\s*(?=억)",
        lambda m: f"{sino_number(m[1])}.{''.join(DECIMALS[c] for c in m[2])}" if well_formed(m[1]) else m[0],
        text,
    )
    # "350k씩", "1.2k": thousands of won in the English way
    text = re.sub(
        r"(?<![\d.,A-Za-z])(\d{1,6}(?:\.\d{1,3})?)\s*[kK](?![A-Za-z])",
        lambda m: _won(round(float(m[1]) * 1000)) if float(m[1]) * 1000 == round(float(m[1]) * 1000) else m[0],
        text,
    )
    # "과세표준 억 단위로 1.75", "만원 단위로 치면 8,700": the unit said before the number
    text = re.sub(
        r"(?<![천백십])(억|만)\s*원?\s*단위로\s*(?:치면|하면|말하면|보면|는)?\s*(\d[\d,]*(?:\.\d+)?)(?![\d,]|\.\d|\s*[억만천원])",
        r"\2\1",
        text,
    )
    # "칠억 팔에 사서", "3억 오에": one digit word after 억 is its 천만 (7억 8천만); not 이/일/사, which are also words
    text = re.sub(
        r"((?:\d|[일이삼사오육칠팔구십백천])억)\s*([삼오육칠팔구])(?=에(?!게|서)|쯤|정도|짜리)",
        r"\1 \2천만",
        text,
    )
    return text, doubts


def _won(value: int) -> str:
    return f"{value // 10_000}만원" if value % 10_000 == 0 and value >= 10_000 else f"{value:,}원"
