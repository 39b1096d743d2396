"""The asset sold and the houses owned in a 양도소득세 question (taxqa.tax.transfer_reading): 토지·건물 or
주택, and 1세대1주택 said, denied, contradicted or said of a home that is not the asset sold."""

from __future__ import annotations

import re

from taxqa.tax.negation import negated as neg


def asset_words(text: str) -> tuple[re.Match | None, list[re.Match]]:
    """The first word of land or a building, and the house words not said to be no house."""
    land = re.search(  # an officetel used as an office is a building, not a house (소득세법 제88조: 사실상 용도)
        r"땅|토지|상가|건물|임야|농지|빌딩|오피스텔(?=[^?!]{0,40}(?:업무용|사무실|주거용\S{0,2}\s*(?:이\s*)?아니))",
        text,
    )
    house = [
        h
        for h in re.finditer(r"집|아파트|주택|빌라", text)
        # "주택인 줄 알았는데 (업무용이래요)": what the asker thought it was, not what it is
        if not re.match(r"\s*(?:은|는|이|가)?\s*(?:아니|아님)|\s*인\s*줄\s*알았", text[h.end() :])
    ]
    return land, house


def sentence_of(text: str, a) -> str:
    """The sentence an amount is said in."""
    ends = r"[?!\n]|\.(?!\d)"
    left = max((m.end() for m in re.finditer(ends, text[: a.start])), default=0)
    right = re.search(ends, text[a.end :])
    return text[left : a.end + right.start() if right else len(text)]


def apart(text: str, i: int, j: int) -> bool:
    """Whether a sentence ends between two places of the question."""
    return bool(re.search(r"[?!\n]|\.(?!\d)", text[min(i, j) : max(i, j)]))


MANY = (
    r"다주택|[2-9]\s*주택|두\s*채|세\s*채|집이\s*(?:두|세|여러)|2채|3채|(?:한\s*채|1채|(?:집|주택)\S{0,2}\s*하나)\s*더|"
    r"다른\s*(?:집|주택|아파트)\S{0,2}\s*(?:도\s*)?(?:(?:한|1)\s*채\S{0,2}\s*)?(?:(?:또한|역시|더|따로)\s*)?(?:있|보유|소유|가지)"
)
# not "집이 하나 더 있어요": one more house
ONE = r"1\s*세대\s*1\s*주택|1\s*주택|한\s*채|1채|유일한\s*집|집(?:은|이)?\s*(?:그거|이거|이것|그것|딱)?\s*하나(?!\s*더)"
NOT_SO = r"[^.?!,]{0,8}?아(?:니|님|닌|닙)"


def sold_one(text: str, m: re.Match) -> bool:
    """'한 채를 팔고': the house sold, said as one, not the houses owned."""
    return bool(
        re.fullmatch(r"한\s*채|1채", m.group(0))
        and re.match(r"\S{0,2}\s*(?:를|을)\s*(?:팔|판|팜|매도|양도|처분|정리|내놓)", text[m.end() :])
    )


def read_houses(text: str, reading, said: list[str], lived, bought, sold) -> None:
    """토지·건물 or 주택, and the houses owned; `lived` is the years lived said, `bought`/`sold` the prices."""
    land, house = asset_words(text)
    if land and house:  # "사는 집은 상관없고 … 상가 하나를 3억에 샀어요": the asset said beside its prices
        priced = " ".join(sentence_of(text, a) for a in (bought, sold))
        if (said_land := asset_words(priced))[0] and not said_land[1]:
            land, house = said_land
    if land and not house:  # "땅을 팔아요. 집은 아니에요": the house word said not to be the asset
        reading.fact("asset", "land", land.group(0))
        said.append("토지·건물")
    # not "일시적 2주택 그런 거 아니고": houses said not to be so
    many = next((m for m in re.finditer(MANY, text) if not re.match(NOT_SO, text[m.end() :])), None)
    # not "아파트 한 채를 팔고 … 집은 이것 하나뿐": the one sold, when no other house is said (with one: below)
    one = next((m for m in re.finditer(ONE, text) if many is not None or not sold_one(text, m)), None)
    if one and re.search(r"중\s*$", text[: one.start()]):  # "2주택 중 1채": one of the houses, not one house
        one = None
    if one and re.match(
        r"\S{0,2}\s*(?:자가\s*되|이|이라)?면\s*[^.?!]{0,12}?(?:라던데|다던데|던데|라는데|래서|라고)", text[one.end() :]
    ):
        one = None  # "만약 1세대 1주택이면 비과세라던데 저는 아니고": a condition, not a claim
    if (
        one
        and re.fullmatch(r"한\s*채|1채", one.group(0))
        and re.match(r"\S{0,2}\s*(?:를|을|만)?\s*(?:팔|판|팜|매도|양도|처분|정리|내놓)", text[one.end() :])
    ):
        one = None  # "두 채 있는데 한 채 팔아요": the one sold, not the houses owned
    if one and many and many.start() <= one.start() < many.end():  # "다른 집도 한 채 있어요": part of the other
        one = None
    negated = re.search(
        r"1\s*주택\S{0,4}\s*(?:(?:해당|대상)\S{0,2}\s*)?아(?:닌|님|니|닙)|비과세\s*(?:대상이|요건에|요건을)?\s*(?:아닌|해당하지|안\s*되|못)",
        text,
    )
    said_not = (
        one
        and (  # "1주택 아님", not "1세대 1주택 아파트"
            re.match(r"\S{0,3}\s*아(?:니|닌|님|닙|녀|냐)", text[one.end() : one.end() + 7]) or neg(text, *one.span())
        )
    )
    if one and many and (negated or said_not):
        one = None  # "한 채뿐인 건 아니에요, 두 채예요": the one house is negated, so no contradiction
    # "혼인한 날부터 10년 안에 먼저 파는 집은 1세대1주택으로 봐 준다": two houses counted as one by a rule the
    # question names (혼인·동거봉양 합가, 일시적 2주택, 상속주택) and says is met
    counted_one = re.search(
        r"(?:혼인|결혼|재혼|합가|봉양|일시적|상속)[^.?!\n]{0,50}?1\s*세대\s*1\s*주택\S{0,2}\s*(?:으로|로)\s*"
        r"(?:봐|보|본|봅|인정|간주|쳐|친)(?![^.?!\n]{0,12}(?:아니|않|안\s*되|못))",
        text,
    )
    if many and counted_one and not negated:
        reading.fact("one_house", True, counted_one.group(0))
        said.append("1세대1주택 (특례)")
        reading.assume(
            f"'{many.group(0)}'이지만 질문이 말한 특례('{counted_one.group(0)}')로 1세대1주택 비과세 요건을 갖췄다고 보고 계산"
        )
        reading.say(", ".join(said))
        return
    if one and many:
        reading.lack(
            f"'{one.group(0)}'이라면서 '{many.group(0)}'이라고 해 맞지 않음: 주택 수(1세대1주택 여부)를 확인해 주세요"
        )
    if negated:
        reading.assume("1세대1주택 비과세가 아닌 일반 양도로 계산 (다주택 중과세율 없음)")
    elif many:
        reading.assume("다주택자이지만 중과세율 없이 기본세율로 계산 (조정대상지역 중과 유예 가정)")
    elif said_not:  # "1세대1주택 해당 아님", "1주택 요건은 아니고": the one house said to be no
        reading.assume("1세대1주택 비과세가 아닌 일반 양도로 계산")
    elif (
        one and reading.inputs.get("asset") == "land" and all(apart(text, one.start(), a.start) for a in (bought, sold))
    ):
        # "상가를 팔아요 … 저희 집은 따로 한 채": the asker's home beside the sale; the 비과세 is for a house sold
        reading.assume(f"'{one.group(0)}'은 판 자산이 아닌 사는 집: 주택이 아닌 자산이라 1세대1주택 비과세 없이 계산")
    elif one:
        reading.fact("one_house", True, one.group(0))
        said.append("1세대1주택")
    elif (none_else := re.search(r"(?:다른|딴)\s*(?:집|주택)\S{0,2}\s*(?:은|는|이|도)?\s*없", text)) and not land:
        reading.fact("one_house", True, none_else.group(0))  # "세대 내 다른 집은 없으시고요": the house sold is the one
        said.append("1세대1주택")
    elif lived and not land:
        reading.fact("one_house", True, lived.group(0))
        said.append("1세대1주택 (가정)")
        reading.assume("살던 집이라 1세대1주택(비과세 요건 충족)으로 가정; 다른 주택이 있으면 결과가 달라짐")
    else:
        reading.assume("1세대1주택 비과세가 아닌 일반 양도로 계산")
    reading.say(", ".join(said))
