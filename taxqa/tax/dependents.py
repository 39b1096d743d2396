"""The worker's family for the 연말정산 reader (taxqa.tax.salary): the dependents (기본공제대상자) and who among them
gives an extra deduction or credit — children (자녀세액공제), a spouse without income, parents and other relatives
cared for, 70 or older, disabled (the worker too), 한부모, 부녀자."""

from __future__ import annotations

import re

from taxqa.tax.child_view import age_of, askers_claimed, child_view, person_clause
from taxqa.tax.children_count import SCHOOL
from taxqa.tax.credits import born_ages, child_age_rule, child_counts, child_table, year_note
from taxqa.tax.negation import negated
from taxqa.tax.parent_view import asker_parents, parent_aged, parents_born, worker_view
from taxqa.tax.words import COUNT_WORD, count_value
from taxqa.tax.worker_self import (
    FORMER,
    PAY_YEAR,
    WOMAN_ALONE,
    partner_at_home,
    sibling_at_home,
    spouse_income_unknown,
    wife_at_work,
)

CHILD_WORDS = r"자녀|아기|아이|(?<!장)애(?!인)|아들|딸|자식"
NOT_COUNT = r"(?:살|세(?!대)|개월|년|학년|월)"  # "딸 10살", "아들 9세": an age, not how many


BORN = r"((?:19|20)\d{2})\s*년\s*(?:\d{1,2}\s*월\s*)?(?:에\s*)?[^.?!\d]{0,8}?(?:낳|출산|태어|출생)"
FOND = r"래미|내미|놈|녀석"  # "아들래미 둘", "딸내미 하나": a fond word for a child, the count after it


AGED_WORDS = r"일흔|여든|아흔|칠순|팔순|구순|(?<!\d)[7-9]0\s*대"
# "아버지 72세, 어머니 68세": an age said right after the parent it belongs to
PARENT_NAMED = r"(?<![가-힣])(?:친정)?(?:아버지|어머니|아버님|어머님|부친|모친|장인|장모|시아버지|시어머니|아빠|엄마)"


def count_people(text: str, words: str) -> tuple[int, str] | None:
    """'자녀 2명', '아이 둘', '자녀가 3명', '두 아이' -> (count, words); None when not mentioned."""
    m = re.search(
        rf"({words})(?:{FOND})?(?:들)?\s*(?:가|이|는|은|도|:|：)?\s*{SCHOOL}({COUNT_WORD})(?!\d)(?<!세(?=액))(?!\s*{NOT_COUNT})\s*(?:명|이|인)?",  # not the 세 of 세액
        text,
    )
    if (
        m
        and re.match(r"\s*(?:다|모두)(?![가-힣])", text[m.end() :])
        and re.search(r"(?:랑|와|과|하고)\s*$", text[: m.start()])
    ):
        # "엄마랑 딸 둘 다 올리면": both of the two said, not two daughters ("저랑 애들 둘 다": the plural counts)
        m = m if "들" in text[m.end(1) : m.start(2)] else None
    if m:
        return count_value(m.group(2)), m.group(0)
    m = re.search(rf"(?<![\d가-힣])({COUNT_WORD})\s*(?:명의\s*)?({words})", text)  # not the 세 of "26세 딸"
    if m and not m.group(1).isdigit():
        return count_value(m.group(1)), m.group(0)
    m = re.search(rf"({words})", text)
    return (1, m.group(0)) if m else None


# "손님 아드님(8살)이랑 따님(5살)": someone else's children said politely, with an age that makes them dependents;
# a grown 따님 is more often the worker ("고객님 따님(38세)이 … 총급여"), and is left as said
POLITE_CHILD = re.compile(r"(아드님|따님)(?=\s*\(?\s*(?:만\s*)?(?:1?\d|20)\s*(?:살|세))")


def polite_children(text: str) -> str:
    """The polite words for children under 21 said as 아들/딸, of the same length so positions still match."""
    return POLITE_CHILD.sub(lambda m: "아들 " if m[1] == "아드님" else "딸 ", text)


def own_pay(text: str) -> re.Match | None:
    """ "손님 본인 연봉 6,200": the worker's own pay said as such, unless the tax asked is the spouse's ("남편 연봉
    6천 5백, 제 연봉 4천. 남편 결정세액만요": the asker's own pay, beside the worker's)."""
    spouse_asked = re.search(rf"{WORKER_SPOUSE}\S{{0,2}}\s*(?:의\s*)?(?:연말정산|결정세액|근로소득세|환급)", text)
    return None if spouse_asked else re.search(OWN_PAY, text)


def sons_and_daughters(text: str) -> int:
    """The sons and daughters said each by their word ("아들 하나, 딸 하나"), 0 with a total or neither said."""
    sons, daughters = count_people(text, r"(?<![가-힣])아들"), count_people(text, r"(?<![가-힣])딸(?!기)")
    total = re.search(rf"(?:자녀|아이|애|자식)들?\s*(?:은|는|이|가|:)?\s*(?:{COUNT_WORD})(?!\s*{NOT_COUNT})", text)
    return sons[0] + daughters[0] if sons and daughters and not total else 0


ORDINAL = re.compile(  # "첫째 초3", "둘째 7살", "첫째는 중학생", "큰애 고2(17살)"; not a list's "첫째, 연봉은 …"
    r"(?<![가-힣])(첫째|둘째|셋째|넷째|큰애|작은애|막내|큰아이|작은아이)(?=\s*(?:는|은|가|이|도)?\s*(?:\(|[초중고]\s*\d|\d{1,2}\s*(?:살|세)|초등|중학|고등|유치원|대학|아들|딸))"
)


def ordinal_children(text: str) -> list[tuple[str, int | None]]:
    """Two or more children said by their order, each with the age its clause gives ("첫째 초3" 9, "둘째 7살")."""
    said = {m.group(1): m for m in ORDINAL.finditer(text)}
    return [(w, age_of(person_clause(text, m.start()))) for w, m in said.items()] if len(said) >= 2 else []


# a worker without a spouse now ("이혼하고 애 둘 키워요", "이혼 서류 정리하고"), not "부모님이 이혼하고" nor one married again
NO_SPOUSE_NOW = (
    r"(?<!부모님이\s)(?<!부모님\s)이혼(?:했|하고|한\s*지|해서|하여|녀|남|\s*후|"
    r"\s*(?:서류|절차|소송|조정|신고)\S{0,2}\s*(?:다\s*)?(?:정리|마무리|끝|마치|마쳤|완료|확정|처리))(?![^.?!]*재혼)|돌싱|사별"
)
WOMAN_PAY_MAX = 41_470_000  # about the 총급여 whose 근로소득금액 is 3천만원, the 부녀자공제 income limit
# the worker's own pay, said as such ("본인 연봉 6,200", "제 월급은")
OWN_PAY = r"(?<![가-힣])(?:본인|제|내|저의|나의)\s*(?:의\s*)?(?:연봉|총급여|급여|월급)"
# the worker said as the asker's spouse, or addressed ("여보, 당신 연봉이 6천이잖아. 나는 소득 없고")
WORKER_SPOUSE = r"(?:남편|아내|와이프|신랑|바깥양반|(?<![가-힣])집\s*양반|(?<![가-힣])당신|(?<![가-힣])여보)"


def read_dependents(text: str, reading, said: list[str]) -> int:
    """Fill the family facts of `reading` (a taxqa.tax.reading.Reading); returns the number of
    dependents besides the worker and adds the phrases for the understood line to `said`."""
    dependents = 0
    if (by_child := child_view(text, reading, said)) is not None:  # "우리 아빠 연봉이 … 저는 중3이고 동생은 …"
        return by_child
    dependents = asker_parents(text, reading, said)  # "저희 내외를 부양가족으로 올렸고": the worker's parents
    dependents += parents_born(text, reading, said)  # "아버지는 1953년생, 어머니는 … 두 분 다 같이 사시고"
    text = polite_children(worker_view(text)[0])
    # "다른 부양가족은 없고": none besides those already said, not none at all
    if re.search(
        r"(?<!다른\s)(?<!밖의\s)(?<!그\s외\s)(?<!그외\s)(?<!이외\s)(?<!나머지\s)(?<!추가\s)부양\s*가족\s*(?:은|이|는)?\s*(?:없|0\s*명)",
        text,
    ):
        return dependents  # said outright: a child word is someone asked about ("제 아들 ... 부양가족 없고"), not a dependent
    elsewhere = re.search(
        r"(?:남편|아내|배우자|와이프)\s*(?:쪽|앞|밑)\S{0,2}\s*(?:올렸|올림|올려|넣었|등록)|(?:남편|아내|배우자|와이프)(?:이|가)\s*(?:공제|올렸)"
        r"|(?:남편|아내|배우자|와이프)(?:이|가)\s*,(?=[^.?!]*(?:제가|저는|내가)\s*(?:공제|올리|올려|받))",  # "큰애는 남편이, 딸은 제가"
        text,
    )
    ordinal, spouse_claims = [], False
    if re.search(rf"(?:{CHILD_WORDS})들?\s*(?:은|는|이|가)?\s*(?:아직\s*|하나도\s*|전혀\s*)?(?:없|다\s*(?:출가|분가))|무자녀", text):  # fmt: skip
        children = None
    elif elsewhere and not re.search(  # "… 남편이 공제. 남편 결정세액?": the claimer is the worker asked about
        re.match(r"남편|아내|배우자|와이프", elsewhere.group(0)).group(0)
        + r"\S{0,2}\s*(?:의\s*)?(?:결정세액|연말정산|근로소득세)",
        text,
    ):  # "애 하나는 남편 쪽에 올렸어요": the other spouse claims the child
        spouse_claims = True  # and so earns: a spouse who claims deductions is no dependent (제50조①2호)
        split = re.search(rf"({COUNT_WORD})\s*명?\s*(?:중|가운데)\s*({COUNT_WORD})\s*명?\S{{0,2}}\s*(?:는|은|만)?\s*$",
                          text[: elsewhere.start()])  # fmt: skip
        left = count_value(split[1]) - count_value(split[2]) if split else 0
        mine = None if left > 0 else askers_claimed(text)  # "16살 아들은 남편이, 14살 딸은 제가 공제받기로"
        children = (left, split.group(0).strip()) if left > 0 else mine  # "애 둘 중 하나는 남편이 공제": the rest
        reading.assume(
            f"'{split.group(0).strip()} {elsewhere.group(0)}': 배우자가 공제받는 자녀를 빼고 {left}명을 본인 부양가족으로 봄"
            if left > 0 else f"'{mine[1]}': 질문자가 공제받는 자녀 {mine[0]}명만 부양가족으로 봄" if mine
            else f"'{elsewhere.group(0)}': 자녀는 배우자가 공제받아 본인의 부양가족에서 뺌"
        )  # fmt: skip
    else:
        children, grown_left = count_people(text, CHILD_WORDS), False
        ordinal = ordinal_children(text)  # "첫째 초3, 둘째 7살": the children said by their order
        if ordinal and (children is None or children[0] < len(ordinal)):
            kids = [age for _, age in ordinal if age is None or age <= 20]
            children = (len(kids), ", ".join(word for word, _ in ordinal)) if kids else None
        aged = re.findall(
            rf"\d{{1,2}}\s*(?:살|세)\s*(?:{CHILD_WORDS})|(?:{CHILD_WORDS})\s*\(?\s*\d{{1,2}}\s*(?:살|세)"
            rf"|(?:{CHILD_WORDS})\s*1\s*명?\s*\([^()\d]{{0,10}}\d{{1,2}}\s*(?:살|세)",  # "자녀 1(대학생 23세)"
            text,
        )
        aged = [re.sub(r"(?<=[가-힣])\s*1\s*명?\s*(?=\()", "", a) for a in aged]  # the count is no age
        if children and children[0] in (1, len(aged)) and len(aged) > 1:  # "10살 딸, 7살 아들": each with an age
            young = [a for a in aged if int(re.search(r"\d{1,2}", a)[0]) <= 20]  # "26세 딸": grown, not 기본공제
            children = (len(young), ", ".join(aged)) if young else None
            if len(young) < len(aged) and not re.search(r"장애", text):  # "대학생 아들(21세)과 고3 딸(18세)"
                grown = ", ".join(re.sub(r"\s*\(\s*", " ", a) for a in aged if a not in young)
                reading.assume(f"'{grown}': 20세를 넘은 자녀는 기본공제대상자가 아니라 부양가족에서 뺌 (장애인 제외)")
                grown_left = True  # the count is settled: a son and a daughter said are not two again
        elif (
            children
            and children[0] == 1
            and len(aged) == 1
            and int(re.search(r"\d{1,2}", aged[0])[0]) > 20
            and not re.search(r"장애", text)
        ):
            reading.assume(f"'{aged[0]}': 20세를 넘은 자녀는 기본공제대상자가 아니라 부양가족에서 뺌 (장애인 제외)")
            # "고3 아들이랑 대학생 딸(22살)": the grown one of a son and a daughter said, the other still counts
            rest = sons_and_daughters(text) - 1
            children, grown_left = ((rest, "아들·딸") if rest > 0 else None), True
        listed = re.search(  # "애들은 10살 7살 둘이에요", "아이들: 9살, 12살": the ages after the child word
            rf"(?:{CHILD_WORDS})들?\s*(?:은|는|이|가|:|：)?\s*((?:(?:[초중고]\d\s*)?\(?\d{{1,2}}\s*(?:살|세)\)?\s*이?[,·/와과랑]?\s*){{2,}})", text
        )  # fmt: skip
        if children and children[0] == 1 and listed:
            children = (len(re.findall(r"\d{1,2}\s*(?:살|세)", listed.group(1))), listed.group(0).strip())
        sons, daughters = count_people(text, r"(?<![가-힣])아들"), count_people(text, r"(?<![가-힣])딸(?!기)")
        total = re.search(rf"(?:자녀|아이|애|자식)들?\s*(?:은|는|이|가|:)?\s*(?:{COUNT_WORD})(?!\s*{NOT_COUNT})", text)
        if children and sons and daughters and not total and not grown_left and sons[0] + daughters[0] > children[0]:
            children = (sons[0] + daughters[0], f"{sons[1]}, {daughters[1]}")  # "아들 하나, 딸 하나": two children
        if re.search(r"쌍둥이", text) and (children is None or children[0] == 1):
            children = (2, "쌍둥이")
    if children:
        ages = [m.value for m in reading.mentions if m.type == "age" and m.value < 20]
        if not ages and reading.as_of:  # "2023년 8월에 첫애를 낳았습니다": the age from the year of birth
            ages = [int(reading.as_of[:4]) - int(y) for y in re.findall(BORN, text) if int(y) <= int(reading.as_of[:4])]
        listed_ages = re.search(  # "애 셋(14, 11, 6살)", "아이들을 부양한다(나이 14, 11, 6)": the ages in brackets
            rf"(?:{CHILD_WORDS})들?\s*\S{{0,3}}\s*(?:명)?\s*(?:[^\s()]{{1,6}}\s*)?\(\s*(나이\s*:?\s*)?"
            rf"((?:\d{{1,2}}\s*(?:살|세)?\s*[,·/]\s*)+\d{{1,2}})\s*(?:살|세)?\s*\)",
            text,
        )
        if listed_ages and not listed_ages.group(1) and not re.search(r"(?:살|세)\s*\)$", listed_ages.group(0)):
            listed_ages = None  # bare numbers in brackets are ages only when "나이" or a unit says so
        if listed_ages:
            ages = [int(a) for a in re.findall(r"\d{1,2}", listed_ages.group(2))]
        table, year = child_table(reading.as_of, text)
        if not listed_ages and len(born := born_ages(text, year)) == children[0]:
            ages = born  # "막내는 2020년 11월생 … 우리 나이로 일곱 살": the year of birth settles the age
        qualifying = children[0]  # 자녀세액공제: children of its age (제59조의2 and its 부칙)
        if (
            not ages
            and children[0] == 1
            and re.search(r"아기|애기|신생아|갓난|첫\s*돌|돌\s*(?:지났|지난|됐|잔치)|백일", text)
        ):
            qualifying = 0  # "아기 돌 지났어요": an infant, too young
        if ages and len(ages) in (1, children[0]):
            counts = [child_counts(table, year, a) for a in ages]
            qualifying = sum(counts) if len(ages) == children[0] else children[0] * counts[0]
            if note := year_note(reading.as_of, ages, text):
                reading.unclear(note)
        if ordinal and children[1] == ", ".join(word for word, _ in ordinal):
            qualifying = sum(age is None or child_counts(table, year, age) for _, age in ordinal)
            if note := year_note(reading.as_of, [age for _, age in ordinal if age is not None], text):
                reading.unclear(note)
        if qualifying:
            reading.fact("children", qualifying, children[1])
        dependents += children[0]
        said.append(f"자녀 {children[0]}명")
        if qualifying < children[0]:
            rule = child_age_rule(table, year)
            reading.assume(f"자녀세액공제 나이({year}년 과세기간: {rule})가 안 된 자녀는 기본공제만 적용 (제59조의2)")
        else:
            reading.assume("자녀는 모두 자녀세액공제 나이 이상이고 소득이 없는 기본공제대상자로 가정")
    spouse = next(  # "배우자 공제 아님": no spouse; "와이프 소득 없음": a spouse without income
        (m for m in re.finditer(r"배우자|아내|남편|(?<![가-힣])부인|와이프|신랑|집사람|안사람|마누라|안식구|사모님|외벌이|홑벌이", text)
         if (not negated(text, m.start(), m.end()) or re.match(r"\s*(?:의\s*)?(?:소득|수입|벌이|근로|일)|\S{0,2}\s*[^.,?!]{0,12}?(?:소득|수입|벌이)\S{0,2}\s*(?:이\s*)?없", text[m.end():]))
         # "남편 연봉 6천 …": the spouse whose wages are asked about is the worker, not a dependent
         and not re.match(rf"\s*(?:의\s*)?{PAY_YEAR}(?:연봉|월급|총급여|급여|결정세액|연말정산)", text[m.end():])
         and not re.search(FORMER, text[max(0, m.start() - 6):m.start()])),  # "전 남편": no spouse now
        None,
    )  # fmt: skip
    if spouse and re.search(NO_SPOUSE_NOW, text):
        spouse = None  # "이혼하고 애 둘 혼자 키워요(애들 아빠는 공제 안 받음)": the children's father is no spouse now
    if spouse is None and (
        partner := partner_at_home(text)
    ):  # "할아버지(68세)는 … 연봉 4천, 할머니(66세)는 소득 없으세요"
        spouse = partner
    if spouse is None and re.search(  # "저희 집 양반 연말정산 좀 봐 주세요": the spouse's return asked
        rf"{WORKER_SPOUSE}\S{{0,2}}\s*(?:의\s*)?(?:{PAY_YEAR}(?:연봉|월급|총급여|급여)|연말정산)", text
    ):
        # "남편 연봉 4,100, 저(소득 없음)랑 5살 딸 부양": the asker is the worker's spouse
        spouse = re.search(
            r"(?<![가-힣])(?:저|제|나|내)(?:\s*\(\s*(?:소득|수입|벌이)\s*(?:없|0|X)[^()]*\)|는?\s*(?:소득|수입|벌이)\S{0,2}\s*(?:없|0))"
            r"|(?<![가-힣])(?:저|나)(?:랑|와|하고)\s*[^.?!]{0,16}부양"
            # "애 아빠 연봉이 7,800이고 저는 전업", "저는 2020년부터 전업주부예요"
            r"|(?<![가-힣])(?:저|나)(?:는|은)?\s*(?:[^.,?!\s]{1,10}\s+){0,2}(?:전업|무직|살림|소득\S{0,2}\s*없)",
            text,
        )
    earning = re.finditer(
        r"맞벌이(?!\S{0,2}\s*아니|\S{0,2}\s*아님|\S{0,2}\s*아닌|였|이었)|"  # "재작년까진 맞벌이였는데": no more
        r"(?:배우자|아내|남편|(?<![가-힣])부인|와이프|집사람|안사람|사모님)\s*(?:도|가|는|은|이|의)?\s*(?:[^.,?!\n]{0,10}?(?:로|으로)\s)?(?P<w>소득|일[하해을]|근무|직장|회사\s*다|(?:자기|본인)\s*회사|돈\s*벌|벌(?:어|고|며|면서|었|음|긴)|회사원|직장인|공무원|자영업|사업\s*(?:해|하|을)|프리랜서|교사|맞벌|따로\s*연말\s*정산)",
        text,
    )  # "아내는 소득이 없습니다": the income word negated in its clause is no income
    # "남편 연봉 6천 5백, 제 연봉 4천": the worker is the asker's spouse, and the asker, that spouse, earns
    asker_earns = re.search(
        rf"{WORKER_SPOUSE}\S{{0,2}}\s*(?:의\s*)?{PAY_YEAR}(?:연봉|월급|총급여|급여)", text
    ) and re.search(
        r"(?<![가-힣])(?:제|내|저의|나의|저도|나도|저는|나는)\s*(?:연봉|월급|총급여|급여)\s*(?:은|는|이|가|도|:)?\s*(?:약\s*)?\d",
        text,
    )
    # "아내분은 연봉 3천 버신대요. 손님 본인 연봉 6,200": the worker's own pay said apart from the spouse's, who earns
    spouse_paid = own_pay(text) and re.search(
        r"(?:배우자|아내|남편|(?<![가-힣])부인|와이프|신랑|집사람)(?:분|님)?\s*(?:은|는|이|가|도|의)?\s*(?:연봉|월급|총급여|급여)\s*"
        r"(?:은|는|이|가|:)?\s*(?:약\s*)?\d[\d,.]*\s*(?:억|천만|천|백만|만|원|\s)*",
        text,
    )
    spouse_counted = False
    if spouse and spouse_paid:
        reading.assume(f"'{spouse_paid.group(0).strip()}': 배우자는 소득이 있어 기본공제 대상에서 뺌")
    elif spouse and asker_earns:
        reading.assume(f"'{asker_earns.group(0)}': 배우자(질문자)는 소득이 있어 기본공제 대상에서 뺌")
    elif spouse and spouse_claims:
        reading.assume(f"'{elsewhere.group(0)}': 자녀를 공제받는 배우자는 소득이 있어 기본공제 대상에서 뺌")
    elif spouse and (some := spouse_income_unknown(text)):  # "와이프는 프리랜서로 일을 조금 해요": earns how much?
        reading.lack(
            f"배우자의 연간 소득금액 ('{some[0]}': 100만원 이하(근로소득만이면 총급여 500만원 이하)면 기본공제 대상)"
        )
    elif spouse and not any(m["w"] is None or not negated(text, m.start("w"), m.start("w") + 1) for m in earning):
        spouse_counted = True
        dependents += 1
        said.append("소득 없는 배우자")
        reading.fact("spouse", True, spouse.group(0), input=False)
    parents = (
        re.search(
            r"(?<!할)(?<!애)(?<!애\s)(부모님|어머니|아버지|어머님|아버님|모친|부친|(?:친정|시)?엄마|장인(?:어른)?|장모님?|시부모님?|시어머니|시아버지|시어머님|시아버님|노모|노부모님?)\s*\)?\s*(?:\([^()]{0,30}\)\s*)?(?:\d{2}\s*(?:세|살)\s*,?\s*(?:소득\s*(?:은|이)?\s*없(?:고|이|으며)\s*,?\s*)?)?(?:을|를|도)?\s*"
            r"(?:(?:랑|이랑|와|과|하고)\s*(?:같이|함께)\s*(?:살면서|살며|살고)\s*)?\s*(?:(두|한)\s*분\s*(?:\([^()]{0,30}\)\s*)?(?:을|를|다)?\s*)?(?:(?:제가|저는|내가|저희가|우리가|제)\s*)?(?:[가-힣]{1,4}(?:로|으로|에서)\s*)?(?:(?:같이|함께)\s*)?(?:부양|모시|모셔|모심)",
            text,  # "어머니(72세, 소득 없음)도 같이 모시고": 같이 said before the caring
        )
        or re.search(  # "함께 사는 어머니(72세, 소득 없음)": a parent living with the worker, said without 부양
            r"(?:(?:함께|같이)\s*(?:사는|살고\s*있는|사시는)|동거\S{0,2}\s*(?:하며|하는|하고\s*있는|중인)|모시는|모시고\s*(?:있는|사는))\s*(?:[^.?!,]{0,12}?\s)?"
            r"(부모님|어머니|아버지|어머님|아버님|모친|부친|장인|장모님?|시부모님?)()",  # "본인과 동거하며 소득이 없는 모친"
            text,
        )
        or re.search(  # "> 엄마: 아빠 올해부터 같이 사니까 부양가족으로 올려라": a parent to be put on the list
            r"(?<![가-힣])(부모님|어머니|아버지|어머님|아버님|아빠|엄마)(?!\s*[:：])()\S{0,2}\s*(?:(?!내가|제가)[^.?!\n]){0,30}?"
            r"부양\s*가족\S{0,2}\s*(?:으로|에)?\s*(?:올려|넣어|등록해)(?:라|요|줘|주세요)?(?=[\s.?!,]|$)",  # told to, not "내가 넣을 테니"
            text,
        )
    )
    # "부모님 부양 안 함", "부모님 부양하지 않음": the parents are named as not supported
    # "엄마 부양가족으로는 안 들어가요": said not to be one
    if parents and re.match(
        r"[가-힣]{0,6}\s*(?:안\s*(?:함|해|합|하|들어|돼|됨)|하지\s*않|않|아님|못)", text[parents.end() :]
    ):
        parents = None
    if parents:
        n = 2 if re.search(r"부모님|시부모", parents.group(1)) and parents.group(2) != "한" else 1
        dependents += n
        said.append(f"부양하는 부모 {n}명")
        reading.assume("부양하는 부모는 60세 이상이고 소득이 없는 기본공제대상자로 가정")
    others = re.search(
        r"((?:장애인?\s*(?:등록된\s*|등록\s*)?)?(?:(?:친|외)?할머니|(?:친|외)?할아버지|조부모님?|남동생|여동생|동생|형|누나|오빠|언니|장인|장모))"
        r"\s*(?:\([^()]{0,12}\)\s*)?(?:(한|두)\s*(?:명|분)\s*)?(?:을|를)?\s*(?:(?:제가|저는|내가)\s*)?(?:부양|모시)"
        r"(?!\s*가족\S{0,2}\s*(?:으로|에)\s*들어)",  # "너네 형 부양가족으로 들어가니?": the brother claims, not claimed
        text,
    )
    others = others or re.search(  # "우리 할매가 아흔이신데 부양가족으로 올릴 수 있나요?"
        r"((?:친|외)?(?:할머니|할아버지|할매|할배))\S{0,2}\s*[^.?!]{0,14}?부양\s*가족\S{0,2}\s*(?:으로|에)?\s*(?:올리|올릴|넣|등록)()",
        text,
    )
    others = others or sibling_at_home(text, reading)  # "장애가 있는 남동생(41살)을 제가 데리고 같이 사는데"
    if others:
        n = 2 if others.group(2) == "두" else 1
        dependents += n
        said.append(f"부양가족 {others.group(1)} {n}명")
        reading.fact("relatives", n, others.group(0), input=False)  # the person said is placed
        reading.assume("부양하는 가족은 소득이 없고 나이 요건을 충족하는 기본공제대상자로 가정")
    cared = [g for g in (parents, others) if g]
    if spouse_counted:  # "집사람은 일흔둘인데 소득이 없어요": a spouse of 70 or more is 경로우대 too (제51조①1)
        cared.append(spouse)
    # "부양가족: 아내(무소득), 자녀 1명, 어머니(72세)", "부양가족 4명(배우자, 자녀 2, 모친 72세)"
    listed = re.search(r"부양가족\s*(?:\d\s*명\s*)?(?:[:：(]|(?:은|는)\s)\s*([^.?\n]*)", text)  # "부양가족은 … 아버지"
    if listed and not parents:
        words = re.compile(r"(?<![가-힣])(?:어머니|아버지|어머님|아버님|모친|부친|장인|장모|시어머니|시아버지)")
        for g in words.finditer(text, listed.start(1), listed.end(1)):
            dependents += 1
            said.append(f"부양하는 {g.group(0)}")
            cared.append(g)
            reading.assume(f"부양가족으로 든 {g.group(0)}는 60세 이상이고 소득이 없는 기본공제대상자로 가정")
    before = reading.inputs.get("elderly", 0)  # the asker's couple, counted as the worker's parents
    counted = " ".join(f.words for f in reading.facts if f.name == "elderly")
    old = [a for a in reading.mentions if a.type == "age" and a.value >= 70 and a.text not in counted and (any(
        abs(a.start - g.start()) <= 12 or abs(a.end - g.end()) <= 12 for g in cared) or (parents and re.search(
        rf"{PARENT_NAMED}\S{{0,2}}\s*(?:(?:한|두)\s*분\s*\(?)?(?:는|은|이|가)?\s*(?:올해\s*)?(?:만\s*)?$", reading.text[max(0, a.start - 10) : a.start])))]  # fmt: skip
    both = (
        old
        and len(old) == 1
        and (  # "부모님(두 분 다 70세 이상)", "70대 부모님 두 분": one age said of both
            re.search(r"두\s*분\s*(?:다|모두)", text[max(0, old[0].start - 12) : old[0].start])
            or re.match(r"\s*(?:의\s*)?(?:부모님|양친)\s*(?:두\s*분|둘)", reading.text[old[0].end :])
        )
    )
    aged = not old and next(
        (w for g in cared if (w := re.search(AGED_WORDS, text[max(0, g.start() - 10) : g.end() + 12]))), None
    )
    aged = aged or (not old and parent_aged(text, parents, reading.as_of))  # "어머니(72)", "엄마(1953년 9월생)"
    if aged:  # "팔순 넘은 아버지를 모시고", "할매가 아흔이신데": 70 or older said in words
        reading.fact("elderly", before + 1, aged.group(0))
        said.append("70세 이상 1명")
    if old:  # "부모님(두 분 다 70세 이상)": one age said of both
        reading.fact("elderly", before + (2 if both else len(old)), " ".join(a.text for a in old))
        said.append(f"70세 이상 {len(old)}명")
    disabled = re.search(r"장애", text[max(0, others.start() - 10) : others.end()] if others else "") or (
        parents and re.search(r"장애", text[max(0, parents.start() - 8) : parents.end()])) or re.search(
        r"장애\S{0,2}\s*(?:(?:있는|있으신)\s*)?(?:아들|딸|자녀|아이|배우자|아내|남편)|"  # "장애인 아들(25세)"
        r"(?:아들|딸|자녀|큰애|작은애|첫째|둘째|막내)\S{0,2}\s*장애\s*(?:판정|등록|진단|인)|"
        r"(?:아들|딸|자녀|아이)\s*(?:하나|한\s*명|1명)?\s*\([^()]{0,12}장애\s*(?:인|판정|등록|진단)|"
        r"(?<![가-힣])(?:(?:저|제가|나|내가)?\s*본인\S{0,2}|저는|제가|나는|내가)\s*(?:중증\s*)?장애\s*(?:인|판정|등록|[1-6]\s*급)(?!\S{0,3}\s*아니)", text)  # fmt: skip  # "저 본인이 장애인입니다": the worker
    if disabled:
        reading.fact("disabled", 1, disabled.group(0))
        said.append("장애인 1명")
    if (m := re.search(rf"부양가족\s*(?:이|은|는)?\s*({COUNT_WORD})\s*명", text)) and not (spouse or parents):
        dependents = max(dependents, count_value(m.group(1)))
    if m := re.search(rf"(?:부양가족|기본공제\S{{0,4}})\s*(?:은|는|이)?\s*본인\s*포함\s*({COUNT_WORD})\s*명", text):
        dependents = count_value(m.group(1)) - 1  # "부양가족 본인 포함 3명": said outright, the worker among them
    lone = re.search(NO_SPOUSE_NOW, text) or re.search(  # "애 둘 혼자 키우는 엄마": the child said before 혼자
        r"한부모|싱글\s*(?:맘|대디|파파)|홀로\s*(?:아이|자녀)|혼자\s*(?:서\s*)?(?:애|아이|아들|딸|자녀|애들)\S{0,2}\s*(?:를|을)?\s*키(?:우|운|워)"
        r"|(?:애|아이|아들|딸|자녀|애들|자식)\S{0,2}\s*(?:\S{1,3}\s+)?(?:혼자|홀로)\s*(?:서\s*)?키(?:우|운|워)",
        text,
    )
    if lone and children:
        reading.fact("single_parent", True, lone.group(0))
        said.append("한부모")
    elif woman := re.search(WOMAN_ALONE, text):
        reading.fact("woman", True, woman.group(0))
        said.append("부녀자")
    elif not lone and (wife := wife_at_work(text)) and reading.inputs.get("salary", 0) <= WOMAN_PAY_MAX:
        # the asker, the worker, speaks of her husband: a married woman (제51조①6나)
        reading.fact("woman", True, wife.group(0))  # her husband said makes her a woman with a spouse
        said.append("부녀자")
        reading.assume(
            f"'{wife.group(0)}': 남편이 있는 근로자 본인(여성)으로 보아 부녀자공제 50만원 적용 (제51조①6나, "
            "종합소득금액 3천만원 이하)"
        )
    return dependents
