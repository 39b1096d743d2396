"""Reading a gift question (taxqa.tax.gift): the amount given this time and before (within 10 years), the donor's
relation as the donee sees it, the donee's age, the generation skipped and the marriage or birth relief."""

from __future__ import annotations

import re

from taxqa.amounts import format_won, iter_amounts
from taxqa.tax.family import SPOUSE, gift_parties, mentions
from taxqa.tax.gift_amounts import (
    EACH_RECEIVER,
    JOINED,
    asker_amount_unsaid,
    askers_own,
    each_from_parents,
    kin_couple_to_child,
    own_share,
    prior_from_same_group,
    split_amounts,
)
from taxqa.tax.gift_marriage import read_marriage_birth
from taxqa.tax.gift_relations import RELATION_OF
from taxqa.tax.gift_verbs import GIVE, RECEIVE
from taxqa.tax.rates import RELATION_LABELS, parse_as_of
from taxqa.tax.words import from_particle, part_of, quoted, window_before


def recognise(text: str) -> bool:
    return "증여" in text or bool(re.search(f"{RECEIVE}|{GIVE}", text) and gift_parties(text).relation)


# "그때 외삼촌도 5백 보태줬는데 그건 외삼촌 돈이니까 따로고", "남동생도 천만원 빌려줬다는데 그건 상관없는 얘기고요":
# a sentence the asker sets aside, with its giver and figure
SET_ASIDE = re.compile(r"(?:그건|그거는|그것은|그\s*돈은)\s*[^.?!\n]{0,20}?(?:따로|상관\s*없|별개|관계\s*없|관련\s*없)")


# "신랑 쪽 아버님, 김 사장님이 … 주신대요": a kin word and the same person's name after a comma; the particle that
# makes the giver is on the name
APPOSED = re.compile(
    r"(?P<kin>아버지|아버님|어머니|어머님|할아버지|할머니)\s*,\s*[가-힣]{1,4}\s*(?:사장|회장|선생|여사|씨)님?"
    r"(?P<p>이|가|께서)(?![가-힣])"
)


def set_aside(text: str) -> str:
    """The text without the sentences the asker sets aside, and with a giver named twice ("아버님, 김 사장님이") said
    once (positions kept)."""
    text = APPOSED.sub(lambda m: (m["kin"] + m["p"]).ljust(len(m[0])), text)
    for m in SET_ASIDE.finditer(text):
        start = max([x.end() for x in re.finditer(r"[.?!\n]\s", text[: m.start()])] or [0])
        end = m.end() + (re.search(r"[.?!\n](?!\d)|$", text[m.end() :]).start())
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def read(text: str, reading) -> None:
    """Fill `reading` (taxqa.tax.reading.Reading) from a gift question."""
    text = set_aside(text)
    year = parse_as_of(reading.as_of).year
    current, prior, notes = split_amounts(text, year)
    if UNDECIDED.search(text) and not any(re.match(IF_SAID, text[a.end : a.end + 16]) for a in current):
        # "얼마 주실지는 아직 안 정하셨대요": the amount asked about is not known, whatever other figure is said
        reading.lack("이번 증여재산가액 (얼마를 줄지 아직 정해지지 않음: 받을 금액을 알려 주세요)")
        return
    if mine := asker_amount_unsaid(text, current):  # "시어머니가 남편한테 1억 … 저한테도 좀 주신대요"
        others = ", ".join(a.text for a in current)
        reading.lack(f"이번 증여재산가액 ('{mine.group(0)}': 질문자가 받는 금액이 나오지 않음)")
        reading.assume(f"{quoted(others, '은는')} 다른 사람이 받은 금액이라 질문자의 증여세에 넣지 않음")
        return
    if not current and len(prior) == 1:  # "엄마가 작년에 4천만원을 주셨어요": the one gift asked about
        current, prior = prior, []
        reading.assume(f"{current[0].text}은 지난 증여지만 묻는 증여로 보고 계산 (10년 내 다른 증여 없음)")
    elif not current and len(prior) > 1 and re.search(r"이번\s*(?:건|증여|에\s*받은)", text):
        # "2025.10.27 … 120 이체 / 2019.5월에 30 받은 적 있음 … 이번 건": the latest dated gift is the one asked about
        years = [
            int(y[1]) if (y := re.search(r"((?:19|20)\d{2})\s*년", window_before(text, a.start, 40))) else 0
            for a in prior
        ]
        if years.count(max(years)) == 1 and max(years):
            latest = prior[years.index(max(years))]
            current, prior = [latest], [a for a in prior if a is not latest]
            reading.assume(f"가장 최근 날짜의 {latest.text}을 이번 증여로, 나머지는 10년 내 이전 증여로 봄")
    while len(current) > 1 and re.match(r"\s*(?:원)?\s*(?:중에?서?|가운데)\s", text[current[0].end : current[1].start]):
        reading.fact("whole", current[0].value, current[0].text, input=False)  # said as the whole, not given
        reading.assume(f"{current[0].text}은 전체 금액이고 그중 {current[1].text}을 증여받은 것으로 봄")
        current = current[1:]  # "보증금 1억 6천 중에 엄마가 1억을": the part given, not the whole
    asked = re.search(r"(?<![가-힣])([가-힣]{1,4}?)(?:의|이|가)?\s*증여세만", text)  # "동생 증여세만 계산해 주세요"
    whose = asked and (  # "제 증여세만": the asker's own part, "저는 …" / "나는 …", not "제 남편은 …"
        r"(?<![가-힣])(?:저|나|본인|제가|내가)(?![가-힣])"
        if asked[1] in ("제", "내", "저", "나", "본인")
        else re.escape(asked[1])
    )
    own = [a for a in current if whose and re.search(whose, part_of(text, a.start, a.end))] if len(current) > 1 else []
    if len(own) == 1:
        current = own
        reading.assume(f"'{asked.group(0)}': {asked[1]}의 증여({own[0].text})만 계산")
    parties = gift_parties(text, current[0].start if current else None)
    if parties.generation_skip and (gone := middle_parent_gone(text, reading, parties)):
        parties.generation_skip = False  # "아버지는 예전에 돌아가셨고 할아버지가 저한테": no 할증 (제57조① 단서)
        parties.notes.append(f"수증자의 부모({gone})가 사망해 세대생략 할증과세를 하지 않음 (제57조① 단서)")
    if parties.relation is None:
        reading.lack("증여자와의 관계 (배우자, 부모, 자녀, 친족, 타인 등)")
        return
    if not current:
        reading.lack("이번 증여재산가액")
        return
    total = re.search(r"(?:총|합계|모두|전부|합쳐서?)\s*$", text[max(0, current[-1].start - 6) : current[-1].start])
    if total:
        amount, words = current[-1].value, current[-1].text
    else:
        given = [
            a for a in current if re.match(rf"\s*(?:원)?\s*(?:을|를)\s*(?:\S+\s*){{0,2}}?(?:{GIVE})", text[a.end :])
        ]
        if len(current) > 1 and len(given) == 1:  # "대출이 2억 … 이 중 1억 5천을 아버지가 보태주셨어요"
            current = given + [a for a in current if a is not given[0]]
        current = askers_own(text, current, notes)
        joined = [current[0]]
        for a in current[1:]:
            if JOINED.match(text[joined[-1].end : a.start]):
                joined.append(a)
        amount, words = sum(a.value for a in joined), " + ".join(a.text for a in joined)
        restated = all(a.value == current[0].value for a in current)  # "3.5천만, 즉 35,000,000원": one amount
        if restated:
            amount, words = current[0].value, current[0].text
        elif len(current) > len(joined):
            reading.unclear(f"이번 증여 금액이 여럿이라 {format_won(amount)}으로 봄")
    each = not total and re.search(r"(?:각각|각자)\s*$", text[max(0, current[0].start - 8) : current[0].start])
    each = each and re.match(r"\s*(?:원)?\s*씩", text[current[0].end :])
    givers = [m for m in mentions(text[: current[0].start]) if m.category in RELATION_OF]
    if each and (parents := each_from_parents(text, current[0], givers)):
        amount, words = amount * parents, f"{words} × {parents}"
        reading.assume("부모(직계존속과 그 배우자)에게 받은 증여는 동일인 증여로 합산 (제47조②)")
        if kin_couple_to_child(text, current[0]):  # the couple give to their own child: 직계존속, no generation skipped
            parties.relation, parties.generation_skip, parties.notes = "lineal_ascendant", False, []
    elif each and not any(EACH_RECEIVER in n for n in notes):  # not "자녀 둘에게 각각 5천씩": one giver
        reading.unclear("여러 증여자에게 각각 받은 금액은 증여자별로 따로 과세됨: 한 사람 몫으로 계산")
    if times := re.match(r"\s*(?:원)?\s*[×xX*]\s*(\d{1,3})\s*(?:회|번|개월|달)", text[current[-1].end :]):
        amount, words = amount * int(times[1]), f"{words} × {times[1]}"  # "5,000,000원 × 12회": one giver, summed
        reading.assume(f"{times.group(0).strip()}: 같은 증여자에게 받은 금액을 합산 (제47조②)")
    amount, words = own_share(text, reading, amount, words, current[0])
    reading.fact("amount", amount, words)
    reading.fact("relation", parties.relation, parties.words)
    for note in parties.notes + notes:
        reading.assume(note)
    label = RELATION_LABELS[parties.relation]
    particle = from_particle(label)[len(label) :]  # 으로부터 / 로부터
    if parties.asker_gives:  # "딸한테 2억 주려고": the asker gives; the relation is the donor's, seen from the donee
        reading.say(f"질문자가 {parties.words}에게 {format_won(amount)} 증여 (수증자에게 증여자는 {label})")
    else:
        reading.say(f"{parties.words}({label}){particle} {format_won(amount)} 증여")
    age, age_words = minor_age(text, parse_as_of(reading.as_of).year)
    if parties.relation == "lineal_ascendant" or parties.generation_skip:
        if age is not None and not re.search(r"결혼|혼인|출산|낳", MARRIAGE_FIELD_OUT.sub("", text)):
            reading.fact("minor", True, age_words)
            reading.say("수증자 미성년")
        elif (fresh := re.search(FRESHMAN, text)) and not re.search(AGE_SAID, text):
            # a first-year student is 18 or 19 (만): a minor or not by the birthday, which the question does not say
            reading.lack(f"수증자의 만 나이('{fresh.group(0)}': 대학 신입생은 만 18세 미성년일 수 있어 공제가 달라짐)")
        elif not re.search(ADULT_WORDS, text):
            reading.assume("수증자는 성인으로 가정")
    if parties.generation_skip:
        reading.fact("generation_skip", True, parties.words)
        reading.say("세대생략 할증")
        if not any("증여자의 자녀가 아니라" in a for a in reading.assumptions):  # the parent between said alive
            reading.assume("수증자의 부모가 생존해 있어 세대생략 할증과세 적용으로 가정")
    read_marriage_birth(text, reading, parties.relation, parties.generation_skip)
    same = [a for a in prior if prior_from_same_group(text, a, parties.relation, parties.asker_gives and parties.words)]
    if len(same) < len(prior):
        others = ", ".join(format_won(a.value) for a in prior if a not in same)
        reading.assume(f"다른 관계의 증여자나 다른 사람이 받은 이전 증여({others})는 합산·공제에 영향이 없어 제외")
    if same:
        reading.fact("prior", sum(a.value for a in same), " + ".join(a.text for a in same))
        reading.say(f"10년 내 이전 증여 {format_won(sum(a.value for a in same))}")
        taxed = next((a for a in iter_amounts(text) if re.search(
            r"(?:증여세|세액|(?<![전월])세금)\s*(?:로|를|은|는|:)?\s*$", text[max(0, a.start - 10) : a.start])), None)  # fmt: skip
        if taxed is not None:  # "당시 증여세 500만원 납부": 제58조 credit of the tax on the earlier gift
            reading.fact("prior_tax", taxed.value, taxed.text)
        reading.assume(
            "10년 내 이전 증여는 같은 증여자(직계존속은 그 배우자 포함)에게 받았고, 그 세액은 "
            + ("질문에 나온 금액으로 공제" if taxed else "같은 관계로 계산한 산출세액으로 가정")
        )
    elif unknown := re.search(EARLIER_UNKNOWN, text):
        # "몇백씩, 몇천씩 보내주신 게 여러 번인데 … 기억이 안 나요": earlier gifts were made, their sums not known
        reading.lack(f"10년 내 같은 증여자에게 받은 이전 증여의 합계 ('{unknown.group(0)}': 합산하면 세액이 달라짐)")
    else:
        reading.assume("10년 내 동일인 증여 없음으로 가정")
    reading.assume("거주자로 가정")


def middle_parent_gone(text: str, reading, parties) -> str:
    """The words of the donee's parent who stands between the grandparent and the grandchild, said dead before
    the gift (제57조① 단서: then no 할증), seen from the asker: the asker's parent when the asker receives from a
    grandparent, the asker's child when the asker (or the asker's spouse) gives, the asker's spouse when the
    asker's parent-in-law gives to the asker's child; "" when none is said dead."""
    if parties.asker_gives or re.match(SPOUSE, parties.words):  # "아들이 세상을 떠서 제가 손자한테"
        between = "child"
    elif parties.category == "grandparent":  # "아버지는 돌아가셨고 할아버지가 저한테"
        between = "parent"
    elif parties.category == "inlaw":  # "남편이 먼저 갔고 시아버지가 제 아들한테"
        between = "spouse"
    else:  # "아버지가 제 아들에게": the asker is the parent between, alive
        return ""
    gone = [
        m for m in reading.mentions if m.type == "person" and m.value["relation"] == between and not m.value["alive"]
    ]
    said = re.search(r"(?:부모님?|아버지|어머니|아빠|엄마)\S{0,3}\s*(?:이미\s*|먼저\s*)?(?:돌아가|사망|별세)", text)
    words = gone[0].text if gone else said.group(0) if said and between == "parent" else ""
    other_side = {"외": r"아버지|아빠|부친", "친": r"어머니|엄마|모친"}.get(parties.words[:1])
    if between == "parent" and other_side and re.match(other_side, words):
        # "아버지는 돌아가셨고 외할아버지가": the mother, the donor's own child, is alive, so the 할증 stays
        reading.assume(f"돌아가신 {words}는 증여자의 자녀가 아니라 세대생략 할증과세가 그대로 적용됨 (제57조①)")
        return ""
    return words


# the amount of this gift said not yet decided: "얼마 주실지는 아직 안 정하셨대요", "금액은 미정"
UNDECIDED = re.compile(
    r"얼마(?:를|나)?\s*(?:주실|줄|받을|해\s*주실|보태\s*주실|드릴)\s*(?:지|건지|건지는|지는)\s*(?:\S+\s*){0,2}?"
    r"(?:아직\s*)?(?:안\s*정|못\s*정|미정|모르|정해지지|결정\s*(?:안|못))|금액은?\s*(?:아직\s*)?(?:미정|안\s*정해)"
)
IF_SAID = r"\s*(?:원)?\s*(?:을|를|이|가)?\s*(?:\S+\s*){0,2}?(?:이?면|이?라면|다면|주시면|받으면|경우)"
MINOR_WORDS = r"미성년\S*|(?:초등|중|고등)학교\s*[1-6]\s*학년|(?<![가-힣\d])(?:초|중|고)[1-6](?![\d억천만원년]|[,.]\s*\d)|초등학생|중학생|고등학생|고딩|중딩|유치원생?|갓난\s*아기|신생아|영아|유아|아기|10대|첫\s*돌|돌\s*(?:기념|잔치|선물|반지)|돌잔치|백일\s*(?:기념|잔치|선물)"
AGE_SAID = r"(?<![\d.])\d{1,2}\s*(?:세|살)|스무|스물|서른|마흔|성인|성년"  # an age that settles whether a minor
FRESHMAN = (
    r"대학\S{0,3}\s*(?:들어가|들어간|들어갔|입학|합격|붙었|붙은)|대학\S{0,2}\s*(?:1\s*학년|신입생|새내기)|새내기|신입생"
)
# a form's field of the marriage relief answered "N/A" or "N" (read as "혼인·출산공제 아님"): no marriage said
MARRIAGE_FIELD_OUT = re.compile(
    r"(?m)(?:결혼|혼인|출산)(?:\s*[·ㆍ/]\s*(?:혼인|출산))?\s*공제\s*(?:아님|해당\s*없음)\s*$"
)
# gifts made before, more than once, whose sums the asker does not know
EARLIER_UNKNOWN = (
    r"(?:여러\s*번|몇\s*번|몇백씩|몇천씩|수시로|틈틈이)[^.?!]{0,40}?"
    r"(?:기억(?:이|도|은)?\s*(?:안|없|나지)|모르|정확(?:히|하게)?\s*(?:는\s*)?(?:모르|기억))"
)
ADULT_WORDS = r"성인|성년|대학생|직장인|회사원|[2-9]0대|결혼|혼인|출산"


def minor_age(text: str, year: int | None = None) -> tuple[int | None, str]:
    """(the age of a minor mentioned, its words); age -1 = a minor of unknown age; None = no minor."""
    for m in re.finditer(r"(?:만\s*)?(\d{1,2})\s*(?:세|살)(?!\s*(?:이상|이후|부터|까지|때))", text):
        if int(m.group(1)) < 19:
            return int(m.group(1)), m.group(0)
    born = re.search(r"((?:19|20)\d{2})\s*년생", text) if year else None
    if born and 0 <= year - int(born.group(1)) < 19:  # "2010년생 아들": a minor in the year asked about
        return year - int(born.group(1)), born.group(0)
    m = re.search(MINOR_WORDS, text)
    return (-1, m.group(0)) if m else (None, "")
