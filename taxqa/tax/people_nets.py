"""Nets on people: a person the question names whom the reading left out of every input, tried on the figure.

A sentence rule counts dependents or a surviving spouse from the words it knows; a person said in a way it does
not know ("어머니(72)도 모시고 산다", "권사님(부인)과 자녀 넷") is then read as a mention and placed nowhere, and the
figure comes out confident and wrong. Whatever the wording, the person is there: each one a kind counts, alive, not
said to earn and placed in no input, is added to the count it would go to, and when that changes the figure the
reading says so. A person whose counting changes nothing (a parent who gives, a child already in a count) says nothing.
"""

from __future__ import annotations

import re

from taxqa.tax.mentions import clause_span
from taxqa.tax.signals import changes_figure
from taxqa.tax.words import quoted

# the person's own clause says why they are no dependent, or that they are the earner asked about
NOT_DEPENDENT = re.compile(
    r"소득|벌|버는|번다|일하|일해|근무|직장|맞벌이|월급|연봉|급여|사업|장사|회사|프리랜서|연금|없|안\s*계|아니|않|따로\s*신고|"
    r"돌아가|사망|별세|작고|공제\s*(?:받|해)|올렸|올려|넣었"
)
SPOUSE_ASIDE = re.compile(r"\(\s*(?:부인|아내|남편|배우자|와이프|처|집사람|안사람)\s*\)")


# an age said with a parent or grandparent: "어머니(72)", "아버지 74세", "78세 어머니", "어머니가 일흔둘"
ELDER = r"(?:할)?(?:아버지|어머니|아버님|어머님|아빠|엄마|부친|모친|할머니|할아버지|할머님|할아버님|장인|장모|시아버지|시어머니)"
AGE_BESIDE = re.compile(
    rf"(?P<w1>{ELDER})\s*(?:님)?\s*(?:\(\s*(?:만\s*)?(?P<a1>\d{{2,3}})\s*(?:세|살)?\s*[,)]|(?:은|는|이|가|도)?\s*(?:만\s*)?(?P<a2>\d{{2,3}})\s*(?:세|살))"
    rf"|(?:만\s*)?(?P<a3>\d{{2,3}})\s*(?:세|살)\s*(?:이신|인|된|되신|드신)?\s*(?P<w2>{ELDER})"
)


def elders_not_counted(reading) -> list[str]:
    """Parents and grandparents said with an age of 70 or more, alive, not said to earn or not to be supported."""
    said = []
    for m in AGE_BESIDE.finditer(reading.text):
        age = int(m["a1"] or m["a2"] or m["a3"])
        left, right = clause_span(reading.text, m.start(), m.end())
        if 70 <= age < 130 and not NOT_DEPENDENT.search(reading.text[left:right]):
            said.append(m.group(0).strip())
    return said


def flag_unused_people(reading) -> None:
    """A person a salary or an inheritance question names, left out of every input, whose counting changes the figure."""
    if reading.kind not in ("salary", "inheritance") or reading.missing or not reading.inputs:
        return
    if reading.kind == "inheritance":
        if not reading.inputs.get("spouse") and (hit := SPOUSE_ASIDE.search(reading.text)):
            _, right = clause_span(reading.text, hit.start(), hit.end())  # what is said of the spouse: after the word
            if not NOT_DEPENDENT.search(reading.text[hit.end() : right]) and changes_figure(reading, {"spouse": True}):
                reading.unclear(
                    f"{quoted(hit.group(0), '이가')} 있는데 배우자 없이 계산함: 배우자가 상속인인지 확인해 주세요"
                )
        return
    elders = elders_not_counted(reading)
    if len(elders) > (reading.inputs.get("elderly") or 0) and reading.inputs.get("dependents") is not None:
        more = {"elderly": len(elders), "dependents": max(reading.inputs["dependents"], len(elders))}
        if changes_figure(reading, more):
            reading.unclear(
                f"'{', '.join(elders)}': 70세 이상 부양가족(경로우대)을 {reading.inputs.get('elderly') or 0}명으로 계산함: "
                "기본공제대상자인지 확인해 주세요"
            )


# the one an amount is said of, when it is not the asker: the person addressed ("너는 작년에 3천 받았잖아") or a
# sibling or a friend as the topic ("형은 아버지한테 2억 받았고")
ANOTHER = re.compile(
    r"(?<![가-힣])(?:너|넌|니|네|느그)(?:는|도)\s|"
    r"(?<![가-힣])(?:친?형|누나|언니|오빠|(?:남|여)?동생|친구|사촌|형님|막내|큰애|작은애)\s*(?:은|는|도)\s"
)  # a topic (은/는/도), not a subject (이/가): "친구가 2천만원 줬어요" names the giver
RECEIVED = re.compile(r"\s*(?:원)?\s*(?:을|를|이나|씩)?\s*(?:\S+\s*)?받")
ASKER = re.compile(r"(?<![가-힣])(?:저|나|전|난|제가|내가|본인)(?:는|도|은)?\s|(?:저|나|제|내)\s*(?:한테|에게)")


def flag_said_of_another(reading) -> None:
    """A gift amount placed as this gift or an earlier one, said in a clause whose person is someone else: the
    figure may add another receiver's gift to the asker's (or take it for the asker's)."""
    if reading.kind != "gift" or reading.missing:
        return
    said = " ".join(reading.assumptions)
    for m in reading.mentions:
        if m.type != "amount" or m.used_as not in ("amount", "prior") or m.text in said:
            continue
        left, _ = clause_span(reading.text, m.start, m.end)
        zone = reading.text[left : m.start]
        other = [h for h in ANOTHER.finditer(zone)]
        if other and not ASKER.search(zone, other[-1].end()) and RECEIVED.match(reading.text, m.end):
            reading.unclear(
                f"{quoted(m.text, '은는')} '{other[-1].group(0).strip()}' 쪽에 대해 말한 금액인데 계산에 넣음: 누가 받은 금액인지 확인해 주세요"
            )
            return


# a spouse said to live elsewhere ("아내 카자흐스탄에 있어요, 한국에 없어요", "남편은 해외 근무"): whether they
# are a 기본공제대상자 (income under the limit) is then not what the question's silence on income suggests
AWAY = re.compile(
    r"한국에\s*(?:없|안\s*(?:살|있))|해외|외국|본국|[가-힣]{2,6}(?:에서|에)\s*(?:살|있)[^.?!]{0,12}한국|따로\s*살|별거"
)
SPOUSE_WORD = re.compile(r"배우자|아내|남편|와이프|집사람|안사람|부인")


def flag_spouse_away(reading) -> None:
    """A spouse counted as a dependent whose sentence says they live elsewhere, their income unsaid."""
    if reading.kind != "salary" or reading.missing:
        return
    spouse = next((f for f in reading.facts if f.name == "spouse" and f.value is True), None)
    if spouse is None:
        return
    for m in SPOUSE_WORD.finditer(reading.text):
        end = re.search(r"[.?!\n]", reading.text[m.end() :])
        sentence = reading.text[m.start() : m.end() + (end.start() if end else len(reading.text))]
        if (away := AWAY.search(sentence)) and not re.search(
            r"소득\s*(?:이|은|도)?\s*없|무소득|일\s*안\s*해", sentence
        ):
            reading.unclear(
                f"'{sentence.strip()}': 떨어져 사는 배우자를 소득 없는 기본공제대상자로 계산함 ('{away.group(0)}'): 배우자의 소득을 확인해 주세요"
            )
            return


GRAND_OLD = re.compile(r"할아버지|할머니|할아버님|할머님|조부모|조부|조모|할매|할배|할미")
GRAND_YOUNG = re.compile(r"손녀|손자|손주|손녀딸|손자녀|외손")


def flag_generation_unread(reading) -> None:
    """A gift between a grandparent and a grandchild, both named, read with no generation skipped and no note saying
    why (the grandchild's parent dead, 제57조① 단서): the 할증 (30%, 40%) may be missing."""
    if reading.kind != "gift" or reading.missing or reading.inputs.get("generation_skip"):
        return
    if reading.inputs.get("relation") not in ("lineal_ascendant", "lineal_descendant"):
        return
    old, young = GRAND_OLD.search(reading.text), GRAND_YOUNG.search(reading.text)
    said = " ".join(reading.assumptions + reading.ambiguous)
    if old and young and "세대생략" not in said and changes_figure(reading, {"generation_skip": True}):
        reading.unclear(
            f"{quoted(old.group(0), '과와')} '{young.group(0)}' 사이의 증여인데 세대생략 할증 없이 계산함: 누가 누구에게 주는지 확인해 주세요"
        )


# a child's spouse named as the one receiving ("사위한테", "며느리 앞으로"), or the other side of a wedding ("신부
# 아버님이 … 신랑한테"; "신부 아버님이 … 신부에게" is her own father)
TO = r"\S{0,2}\s*(?:에게|한테|께|앞으로)"
IN_LAW_RECEIVER = re.compile(
    rf"(?<![가-힣])(?:사위|며느리){TO}|신부\s*(?:측\s*|쪽\s*)?(?:아버|어머|부모|아빠|엄마)[^.?!]{{0,20}}(?<![가-힣])신랑{TO}"
    rf"|신랑\s*(?:측\s*|쪽\s*)?(?:아버|어머|부모|아빠|엄마)[^.?!]{{0,20}}(?<![가-힣])신부{TO}"
)


def flag_in_law_as_own_child(reading) -> None:
    """A gift read from a 직계존속 while the one named as receiving is a 사위, a 며느리 or a bride or groom of the other
    side: a parent-in-law's gift is an 인척's (기타친족, 제53조), with no 혼인공제 — whatever words led the reading."""
    receiver = IN_LAW_RECEIVER.search(reading.text)
    if reading.kind != "gift" or reading.inputs.get("relation") != "lineal_ascendant" or receiver is None:
        return
    if re.search(r"(?<![가-힣])(?:저|제|나|내)\S{0,2}\s*(?:에게|한테|께)", reading.text):
        return  # the asker receives too: the asker's own parent may be the giver
    reading.unclear(
        f"'{receiver.group(0).strip()[-12:]}': 자녀의 배우자(사위·며느리)가 받는 증여는 인척 증여일 수 있는데 직계존속 증여로 계산함: "
        "주는 사람과 받는 사람의 관계를 확인해 주세요"
    )
