"""The taxes a question names: those computed here (`COVERED_TERMS`) and those that are not (`UNCOVERED`:
종합부동산세, 취득세, 재산세, 주식·가상자산 소득, 이자·배당 …), said by name or in everyday words ("12월에 나오는
세금", "차 살 때 내는 세금"). A question about a tax not computed gets its name and no other tax's figure."""

from __future__ import annotations

import re

from taxqa.tax.asked_only import ASKING
from taxqa.tax.limitation_reading import LIMITATION

# a coin, not "코인노래방", "코인세탁방" (a shop run on coins)
COIN = r"코인(?!\s*(?:노래|세탁|빨래|오락|게임|PC|피시|주차|락커|로커))"
UNCOVERED = [  # (tax name, words): taxes the calculators here do not compute
    # said by when it comes: 종부세 in December, 재산세 in July and September, for what one holds
    ("종합부동산세", r"종합부동산세|종부세|12\s*월\S{0,2}\s*(?:나오는|내는|고지되는|날아오는|오는)\s*세금"),
    # "자동차 살 때 내는 세금": the tax paid on buying is 취득세 (지방세법 제7조)
    (
        "취득세",
        r"취득세|취등록세|등록세|(?:자동차|차량|차|집|아파트|주택|빌라|오피스텔|부동산|땅|토지|상가|건물)\S{0,2}\s*(?:살|사는|구입할|구매할)\s*"
        r"(?:때|적에)\S{0,2}\s*(?:(?:내는|내야\s*하는|드는|붙는|나오는)\s*)?세금|"
        # "명의 옮길 때 내는 세금": the tax on taking a title over (지방세법 제7조: 무상취득 too)
        r"명의\S{0,2}\s*(?:이전|옮길|옮기는|넘길|넘기는|바꿀|바꾸는)\S{0,2}\s*(?:때|적에)\S{0,2}\s*(?:내는|내야\s*하는|드는|붙는|나오는)\s*세금",
    ),
    (
        "재산세",
        r"(?<!상속)재산세|(?:7\s*월|9\s*월)\S{0,2}\s*(?:나오는|내는|고지되는|날아오는|오는)\s*세금|"
        r"(?:집|주택|아파트|땅|토지|건물)\S{0,3}\s*(?:가지고|갖고|소유하고|보유하고)\s*있으면\s*(?:매년|해마다)",
    ),
    ("증권거래세", r"증권거래세"),
    ("자동차세", r"자동차세"),
    ("인지세", r"인지세"),
    ("등록면허세", r"등록면허세|면허세"),
    ("교육세", r"(?<![가-힣])교육세"),
    ("농어촌특별세", r"농어촌특별세|농특세"),
    (
        "주민세",
        r"(?<![가-힣])주민세(?!\S{0,2}\s*(?:포함|별도))",
    ),  # 균등분·사업소분; not "… 주민세 포함" beside a tax here
    # asked by itself: not "… 포함", not "소득세와 지방소득세를 계산" (asked beside a tax computed here)
    (
        "지방소득세",
        r"(?<!법인)(?<![와과및,랑]\s)(?<![와과및,랑])지방소득세\S{0,2}\s*(?:얼마|계산|따로|몇)(?![^.?!]{0,8}(?:빼고|제외|말고))",
    ),
    ("개별소비세", r"개별소비세|개소세"),
    ("담배소비세", r"담배소비세|레저세|지역자원시설세"),
    (
        "이자·배당소득세",
        r"이자소득세|배당소득세|금융소득\s*종합과세|(?:배당금|(?:예금|적금|은행|예적금)\s*(?:만기\s*)?이자|이자\s*(?:소득|수익))\S{0,3}\s*(?:\S+\s*){0,3}(?:세금|과세|소득세)",
    ),
    (  # "비트코인을 팔았고 2천만 원의 이익을 얻었다. 얼마의 세금을": the coin and the tax a clause or two apart
        "가상자산 소득세",
        rf"(?:가상자산|{COIN}|비트코인)\S{{0,6}}\s*(?:\S+\s*){{0,3}}(?:세금|과세|소득세|양도)|"
        rf"(?:가상자산|{COIN}|비트코인|이더리움|가상화폐|암호화폐)[^?!]{{0,60}}?(?:세금|과세|소득세)",
    ),
    # 권리금 received for handing a shop over: 기타소득 (소득세법 제21조①7호), not the 양도소득 of the building
    ("기타소득세", r"기타소득세|연금저축\s*(?:중도\s*)?해지"),  # 연금저축 해지: 기타소득 15% (제21조①18호)
    ("기타소득세(권리금)", r"권리금(?!\s*(?:말고|제외|빼고|없))[^.?!]{0,20}(?:세금|과세|소득세|얼마)"),
]
SAID_AS = {"종합부동산세": "종부세"}  # the short name people use, said beside the full one


def not_computed(name: str) -> str:
    """The plain sentence a question about an uncovered tax gets instead of another tax's figure."""
    named = f"{name}({SAID_AS[name]})" if name in SAID_AS else name
    return f"이 계산기는 {named}를 계산하지 않습니다 (다른 세금의 계산으로 답하지 않음)"


STOCK = re.compile(r"주식|상장주|비상장주|ETF|해외주식|증권")
STOCK_SALE = re.compile(r"양도|팔|판\s|매도|처분|차익|벌|수익|이익")
COVERED_TERMS = [("증여세", r"증여"), ("상속세", r"상속"), ("양도소득세", r"양도세|양도소득"),
                 ("종합소득세", r"종합소득|종소"), ("근로소득세", r"연말정산|근로소득|연봉|월급|총급여"),
                 ("부가가치세", r"부가가치세|부가세|간이과세"), ("법인세", r"법인세"), ("퇴직소득세", r"퇴직"),
                 ("가산세", r"가산세"), ("국세 부과제척기간", LIMITATION)]  # fmt: skip


# "궁금한 건", "알고 싶은 것은": what follows is the thing asked about
WANTED = r"(?:궁금한|알고\s*싶은)\s*(?:건|것은|거는?|게|부분은)"
COST_ITEM = r"수수료|중개비|복비|법무사\S{0,2}|등기비|인테리어"  # the costs of a sale or purchase said with 취득세


def uncovered_tax(text: str) -> str | None:
    """The name of a tax the question asks about that no calculator here computes, or None."""
    covered_subject = re.search(
        r"(?:증여세|상속세|양도세|양도소득|종합소득|종소|부가|법인세|퇴직|가산세|연말정산|근로소득)"
        r"(?!\S{0,2}\s*(?:말고|아니라|대신|알겠|됐고|빼고))",  # "증여세 말고 취득세요": the tax set aside is not the subject
        text,
    )
    realty = re.search(r"집|아파트|주택|토지|땅|건물|상가|빌라|오피스텔|부동산|분양권|입주권", text)
    gift_words = re.search(r"(?:증여|상속)세(?!\S{0,2}\s*(?:말고|아니|대신))", text)  # the tax asked is 증여세/상속세
    if STOCK.search(text) and STOCK_SALE.search(text) and not gift_words and not realty:
        return "주식 양도소득세"
    for name, words in UNCOVERED:
        asked = (
            re.search(  # "취득세가 얼마인지", not "취득세는 얼마 냈는지" (a cost told)
                rf"(?:{words})\S{{0,2}}\s*(?:가|는|이|은)?\s*(?:얼마|궁금|계산|나와|나오|내야|몇\s*(?:%|퍼센트|프로))(?![^.?!,]{{0,6}}(?:냈|들었|썼|줬|였|었))",
                text,
            )
            # "제가 궁금한 건 … 취득세예요": the tax named as what the asker wants to know
            or re.search(rf"{WANTED}[^.?!]{{0,30}}?(?:{words})", text)
        ) and not re.search(
            rf"세\S{{0,2}}\s*(?:랑|이랑|와|과|하고|및|,)\s*(?:{words})", text
        )  # "양도세랑 취득세 얼마?"
        if (
            re.search(words, text)
            # "증여세 신고는 끝냈어요 … 증여세 말고, 이제 취득세가 얼마인지": the tax asked by name, another one told
            and not (covered_subject and name in ("취득세", "재산세") and not asked)
            # "중개수수료랑 취득세 같은 경비가 2천만원": a cost of the sale told, not the tax asked
            and not (
                name == "취득세"
                and not asked
                and re.search(
                    rf"{COST_ITEM}\S{{0,3}}\s*(?:랑|이랑|와|과|하고|,|및)\s*(?:{words})|(?:{words})[^.?!]{{0,10}}?(?:경비|비용)",
                    text,
                )
            )
            and not (
                gift_words and name == "가상자산 소득세"  # "비트코인을 증여받았는데 증여세": the gift is computed
            )
        ):
            return name
    return None


NAMED_TAX = [("증여세", r"증여세"), ("상속세", r"상속세"), ("양도소득세", r"양도세|양도소득세"),
             ("종합소득세", r"종합소득세|종소세"), ("부가가치세", r"부가세|부가가치세"), ("법인세", r"법인세"),
             ("퇴직소득세", r"퇴직소득세"), ("근로소득세", r"근로소득세|연말정산")]  # fmt: skip
# "상속세만 먼저 알려주세요", "증여세만 계산해 주세요": one tax asked for alone, the others only told of
ONLY_ASKED = rf"만\s*{ASKING}"


def only_asked(text: str) -> str | None:
    """The one tax the question asks for alone ("양도세도 걱정이지만 그건 나중이고, 상속세만 먼저 알려주세요"), or None."""
    said = {name for name, words in NAMED_TAX if re.search(rf"(?:{words}){ONLY_ASKED}", text)}
    return next(iter(said)) if len(said) == 1 else None


KIND_TAXES = {"gift": "증여세", "inheritance": "상속세", "transfer": "양도소득세", "income": "종합소득세",
              "vat": "부가가치세", "vat-simple": "부가가치세", "corporate": "법인세", "retirement": "퇴직소득세",
              "salary": "근로소득세", "wage": "근로소득세"}  # fmt: skip


# a tax said as already filed or paid apart: "부가세는 따로 신고했어요", "양도세는 이미 냈고"
DONE_APART = re.compile(
    r"\S{0,2}\s*(?:는|은)?\s*(?:[^.?!,]{0,16}?)(?:따로|별도로|이미|벌써)\s*(?:다\s*)?(?:신고|납부|냈|처리)\S{0,3}\s*(?:했|끝|완료|하고|했고|냈)"
)


def said_done(text: str, m: re.Match) -> bool:
    """The tax word `m` is said as filed or paid apart, not the one asked about."""
    return bool(DONE_APART.match(text, m.end()))
