"""Nets against a confident misread: checks that compare what the question says about people with what
the reading counted, independent of the sentence rule that did the counting. Each one flags ("확인이
필요") rather than corrects, so a rule that reads a new way of saying a family wrongly does not give a
figure as final.

- 근로소득세: the family said (a spouse at home or without income, each child said) is more than the
  dependents counted — a spouse or a child was left out of 기본공제;
- 상속세: a surviving spouse counted while two different people are said to have died — one of them
  may be the spouse who died before, not a survivor;
- the other way round, a spouse counted who should not be: a job or an income said of the spouse in a
  근로소득세 question ("남편은 회사원"), a divorce, remarriage or separation said beside an inheritance's
  surviving spouse;
- 증여세: the asker said as a receiver ("저한테 5천") while the gift was read as someone else's ("장인어른 →
  와이프"): the relation is seen from the wrong receiver.
"""

from __future__ import annotations

import re

from taxqa.tax.credits import child_age_rule, child_counts, child_table
from taxqa.tax.family import DEATH, KIN, SPOUSE, nouns
from taxqa.tax.normalise import normalise
from taxqa.tax.words import COUNT_WORD, count_value, quoted

# a death said of someone: the death verbs, a funeral, "아버지마저…" (the ellipsis says the rest)
DIED = re.compile(DEATH + r"|장례|빈소|마저\s*(?:…|\.{2,})")
# who died: a kinship word, or the person the question is about ("어르신 본인이 돌아가실 경우")
PERSON = re.compile(KIN.pattern + r"|본인|어르신|고인|피상속인")
CHILD_FORMS = ("아들", "딸", "자녀", "자식", "아이", "아기", "애기", "애")
# a spouse the worker supports: at home, without work or income, or the worker the only earner
SPOUSE_AT_HOME = re.compile(
    r"전업|주부|무직|외벌이|홑벌이|(?:배우자|아내|남편|와이프|부인|집사람|신랑|(?<![가-힣])저|(?<![가-힣])제)\S{0,2}\s*\(?\s*(?:[^.,?!()]{0,12}?\s)?"
    r"(?:소득|수입|벌이)\S{0,2}\s*(?:이\s*)?(?:없|0원|0\s*원|X)(?!\S{0,3}\s*(?:는|은)?\s*아)"
)
# any other relative said without income ("할머니(66세)는 소득 없으세요", "어머니도 수입이 없고"): a dependent-shaped
# person, counted below beside the spouse and the children
KIN_NO_INCOME = re.compile(
    rf"(?<![가-힣])(?:{KIN.pattern})(?:\([^()]{{0,12}}\))?\s*(?:는|은|도)?\s*(?:[^.,?!\s]{{1,8}}\s+)?"
    r"(?:소득|수입|벌이)\S{0,2}\s*(?:이\s*)?(?:없|0원|X)(?!\S{0,3}\s*(?:는|은)?\s*아)"
)
EARNING = re.compile(r"맞벌이(?!\S{0,2}\s*아니|\S{0,2}\s*아님|\S{0,2}\s*아닌)")
# a child who is not a dependent: grown up, working, married, or not there
GROWN = re.compile(r"성인|직장|취업|결혼|독립|군대|군인|회사|소득\s*있|\d{2}\s*(?:살|세)")
OUTRIGHT = re.compile(
    r"부양\s*가족\s*(?:은|이|는)?\s*(?:없|0\s*명)|부양\s*가족\S{0,3}\s*\d\s*명|본인\s*포함|무자녀|"
    r"(?:자녀|아이|애|자식)들?\s*(?:은|는|이|가)?\s*없|"
    r"(?:남편|아내|배우자|와이프)\s*(?:쪽|앞|밑)|(?:남편|아내|배우자|와이프)(?:이|가)\s*(?:공제|올렸)"
)


def children_said(text: str) -> list[tuple[int, str]]:
    """(count, words) for each child the question names outside brackets: "아들 하나, 딸 하나" is two
    entries; one noun said again without a count ("아들이 … 아들 나이는") is not a second child."""
    out: list[tuple[int, str, bool]] = []
    seen: set[str] = set()
    for t in nouns(text):
        if t.form not in CHILD_FORMS or text.count("(", 0, t.start) > text.count(")", 0, t.start):
            continue
        rest = text[t.start + t.len : t.start + t.len + 24]
        if re.match(r"\s*(?:의\s*)?(?:아빠|엄마|아버지|어머니)", rest):
            continue  # "애 아빠가": the child's parent, the asker's spouse
        age = re.match(r"\s*\(?\s*(?:만\s*)?(\d{1,2})\s*(?:살|세)", rest)
        clause = re.split(r"[,.·/\n]", rest, maxsplit=1)[0]
        ages = re.match(r"\s*들\s*(?:은|는|이|가)?\s*\(?((?:\d{1,2}\s*(?:살|세)\s*[,·]\s*)+\d{1,2}\s*(?:살|세))", rest)
        if not ages and (
            (age and int(age[1]) > 20)
            or GROWN.search(text[max(0, t.start - 8) : t.start])
            or (GROWN.search(clause) and not age)
        ):
            continue
        count = re.match(
            rf"\s*(?:들)?\s*(?:은|는|이|가|도|:|：)?\s*({COUNT_WORD})(?!\d)(?!\s*(?:살|세|개월|년|학년|월|시))", rest
        )
        before = re.search(rf"(?<![가-힣\d])({COUNT_WORD})\s*(?:명의\s*)?$", text[max(0, t.start - 6) : t.start])
        n = count_value(count[1]) if count else count_value(before[1]) if before and not before[1].isdigit() else 1
        if ages and not count:  # "아이들은 12살, 9살": one child for each age under 21
            n, count = sum(int(a) <= 20 for a in re.findall(r"(\d{1,2})\s*(?:살|세)", ages[1])), ages
        if not (count or before) and t.form in seen:
            continue
        seen.add(t.form)
        out.append((n, text[t.start : t.start + t.len], bool(count or before)))
    # "혼자 애 키워요 … 딸 10살": a general word without a count is the child named elsewhere
    named = any(w in ("아들", "딸") for _, w, _ in out)
    return [(n, w) for n, w, c in out if c or not named or w in ("아들", "딸")]


def flag_family_uncounted(reading) -> None:
    """A spouse at home or a child said, not among the dependents counted ("와이프 전업주부, 아들 하나,
    딸 하나" read as one dependent child)."""
    if reading.kind != "salary" or "salary" not in reading.inputs or OUTRIGHT.search(reading.text):
        return
    text = reading.text
    kids = children_said(normalise(text))  # "딸 열네 살": an age in native numbers, not ten daughters
    spouse = SPOUSE_AT_HOME.search(text) if not EARNING.search(text) else None
    others = [  # not the spouse or a child said again, nor the worker ("아버지 연봉 …"), nor one living apart
        m
        for m in KIN_NO_INCOME.finditer(text)
        if not (spouse and m.start() < spouse.end() and spouse.start() < m.end())
        and not re.match(
            r"(?:배우자|아내|남편|와이프|부인|집사람|신랑|안사람|" + "|".join(CHILD_FORMS) + ")", m.group(0)
        )
        and not re.search(r"따로|별거|떨어져|연봉|월급|급여", m.group(0))
    ]
    expected = sum(n for n, _ in kids) + (1 if spouse else 0) + len(others)
    counted = reading.inputs.get("dependents", 0)
    if counted < expected:
        said = ", ".join(([spouse.group(0)] if spouse else []) + [w for _, w in kids] + [m.group(0) for m in others])
        reading.unclear(
            f"가족({said})을 말했는데 부양가족 {counted}명으로 계산함: 기본공제대상자(소득 없는 배우자·자녀) 수를 확인해 주세요"
        )


def flag_spouse_among_dead(reading) -> None:
    """A surviving spouse taken while two different people are said to have died ("어머니는 예전에
    돌아가셨고 … 아버지가 돌아가셨어요"): the spouse may be the one who died first."""
    if reading.kind != "inheritance" or not reading.inputs.get("spouse"):
        return
    if any(f.name == "deceased" and f.value == "spouse" for f in reading.facts):
        return  # "남편이 먼저 갔어요 … 시아버님은 5년 전에 돌아가셨고": the asker, alive, is the surviving spouse
    dead = set()
    for d in re.finditer(DIED, reading.text):
        before = reading.text[max(0, d.start() - 20) : d.start()]
        who = [k.group(0) for k in PERSON.finditer(before)]
        if who:
            # "친정아빠" … "아빠", "남동생" … "동생": one person
            dead.add(re.sub(r"^(?:친정|시댁|우리|저희|[남여](?=동생))|(?:님|들|께서)$", "", who[-1]))
    if len(dead) >= 2:
        reading.unclear(
            f"돌아가신 분이 둘({', '.join(sorted(dead))}) 언급되었는데 배우자공제를 적용함: 피상속인의 배우자가 살아 있는지 확인해 주세요"
        )


def flag_decedent_unread(reading) -> None:
    """No 배우자공제 while the reader found no one said to have died and a parent or spouse is said alive
    ("어머님께. … 아버님을 보내드리고 …"): the one who died, and so the surviving spouse, was not read."""
    if reading.kind != "inheritance" or reading.inputs.get("spouse") or reading.inputs.get("parents"):
        return
    from taxqa.tax.heirs import decedent  # heirs reads family words from this module's neighbours

    if decedent(reading.text) is not None:
        return
    text = reading.text
    kin = [m for m in reading.mentions if m.type == "person" and m.value.get("relation") == "parent"]
    fathers = [m for m in kin if re.search(r"아버|아빠|부친|父", m.text)]
    mothers = [m for m in kin if re.search(r"어머|엄마|모친|母", m.text)]
    gone = re.compile(r"\S{0,3}\s*(?:[^.,?!\n]{0,10}?)(?:" + DEATH + r"|안\s*계|없|이혼)")
    if fathers and mothers and not any(gone.match(text, m.end) for m in kin):
        reading.unclear(
            f"돌아가신 분(피상속인)을 읽지 못해 배우자공제 없이 계산함: {fathers[0].text}·{mothers[0].text} 중 "
            "누가 돌아가셨는지(피상속인과 살아 있는 배우자) 확인해 주세요"
        )


# a job or an income said of the spouse; the spouse's pay ("남편 연봉") makes the spouse the worker, not this
SPOUSE_WORD = rf"(?:{SPOUSE}|신랑|애\s*(?:아빠|엄마))"
SPOUSE_EARNS = re.compile(  # not "소득 없는 배우자를 부양하는 직장인": the spouse the object, the worker the asker
    SPOUSE_WORD
    + r"(?!\s*(?:을|를)\s)\S{0,3}\s*(?:[^.,?!\n]{0,8}?)(?:회사원|직장인|직장\s*다|회사\s*다|공무원|교사|간호사|자영업|사업\s*(?:해|하|을)|"
    r"프리랜서|알바|출근|맞벌이|소득\s*(?:이\s*)?있|돈\s*(?:을\s*)?벌|(?<![가-힣])벌(?:어|고|며|면서|었|음|긴)|근무\s*중|"
    r"일\s*(?:해|하고|함))"
)
SPLIT_UP = re.compile(r"이혼(?!\s*(?:안|않|하지|은\s*안|은\s*아니))|재혼|별거|갈라")
REGISTERED = re.compile(r"[^.?!]{0,8}?혼인\s*신고\s*(?:가|를|도|까지)?\s*(?:된|했|한|되어|돼|됐|마친|마쳤)")


def flag_spouse_overcounted(reading) -> None:
    """A spouse counted while the question says the spouse works ("남편은 회사원", a salary question) or the
    couple split (이혼, 재혼, 별거 beside an inheritance's surviving spouse)."""
    if reading.kind == "salary" and any(f.name == "spouse" for f in reading.facts):
        if hit := SPOUSE_EARNS.search(reading.text):
            reading.unclear(
                f"'{hit.group(0).strip()}'라고 했는데 배우자를 소득 없는 부양가족으로 넣어 계산함: 배우자 소득을 확인해 주세요"
            )
    elif reading.kind == "inheritance" and reading.inputs.get("spouse"):
        hit = SPLIT_UP.search(reading.text)
        if hit and hit.group(0) == "재혼" and REGISTERED.match(reading.text, hit.end()):
            hit = None  # "아버지랑 재혼해서 혼인신고 된 분": a remarriage to the deceased, a legal spouse
        if hit:
            reading.unclear(
                f"{quoted(hit.group(0), '이가')} 언급되었는데 배우자공제를 적용함: 피상속인의 법률상 배우자가 살아 있는지 확인해 주세요"
            )


# the asker said as one who receives: "저한테", "제게", "나한테"
ASKER_RECEIVES = re.compile(r"(?<![가-힣])(?:저|나|제|내)\s*(?:한테|에게|게|께)(?![가-힣])")


def flag_gift_to_someone_else(reading) -> None:
    """A gift read as given to another person ("장인어른 → 와이프") while the question says the asker receives
    ("저한테 5천, 와이프한테 5천"): the deduction and rates follow the receiver, so whose gift it is is asked."""
    if reading.kind != "gift":
        return
    words = next((f.words for f in reading.facts if f.name == "relation"), "")
    if "→" in words and (hit := ASKER_RECEIVES.search(reading.text)):
        reading.unclear(f"'{hit.group(0)}'라고 했는데 '{words}' 증여로 계산함: 누가 받는 증여의 세금인지 확인해 주세요")


# "(아버지는 10년 전에 먼저 가심)", "엄마는 일찍 떠났고": a going-away said of someone, in words a death rule may miss
GONE_EARLIER = re.compile(
    r"(?:먼저|일찍|이미|예전에|전에)\s*(?:\S{1,4}\s*)?(?:가|떠나|갔|떠났)(?![가-힣]*(?:보|봐|왔|와|서\s*(?:살|있)))"
)


def flag_spouse_gone_earlier(reading) -> None:
    """The 배우자공제 taken while someone is said to have gone before ("아버지는 10년 전에 먼저 가심") and no one is
    said alive: the surviving spouse may be the one who died first."""
    if reading.kind != "inheritance" or not reading.inputs.get("spouse"):
        return
    hit = GONE_EARLIER.search(reading.text)
    other_death = hit and any(  # two people gone: one who died and one said to have gone before
        d.end() <= hit.start() or d.start() >= hit.end() for d in re.finditer(DEATH, reading.text)
    )
    if other_death and not re.search(r"살아|생존|계시|계세|건강", reading.text):
        reading.unclear(
            f"'{hit.group(0)}'라고 했는데 배우자공제를 적용함: 피상속인의 배우자가 살아 있는지 확인해 주세요"
        )


def flag_someone_elses_pay(reading) -> None:
    """A pay said as a parent's ("우리 아빠 연봉이 7천") read without the child's view: the dependents were counted
    around the asker, not around the worker."""
    from taxqa.tax.child_view import PARENT_WORKER

    if reading.kind != "salary" or any("의 연말정산으로 보아" in a for a in reading.assumptions):
        return
    if hit := PARENT_WORKER.search(reading.text):
        reading.unclear(
            f"'{hit.group(0).strip()}': 질문한 분이 아닌 '{hit.group(1)}'의 급여로 보임 — 부양가족(배우자·자녀)을 "
            f"'{hit.group(1)}' 기준으로 확인해 주세요"
        )


# a child said as a baby by its months or its first days ("8개월 된 아들", "갓 태어난 딸", "돌 전"): too young
BABY = re.compile(
    r"\d{1,2}\s*개월\s*(?:된|짜리|차|아기|아이|아들|딸)|갓\s*태어|신생아|돌\s*(?:전|前|안\s*된|도\s*안)|백일|아기|애기"
)


def flag_baby_credited(reading) -> None:
    """The 자녀세액공제 given while a child is said as a baby and no child of its age (제59조의2) is said."""
    if reading.kind != "salary" or not reading.inputs.get("children") or not (hit := BABY.search(reading.text)):
        return
    table, year = child_table(reading.as_of, reading.text)
    ages = [m.value for m in reading.mentions if m.type == "age" and child_counts(table, year, m.value)]
    if not ages and not re.search(r"초등|중학|고등|[초중고]\s*\d", reading.text):
        reading.unclear(
            f"'{hit.group(0)}': 자녀세액공제 나이({child_age_rule(table, year)})가 안 된 자녀는 대상이 아님 — "
            "자녀 나이를 확인해 주세요"
        )


# ages said as bare numbers beside the children ("아이들(나이 14, 11, 6)", "애들 나이 12, 5"): the unit left out
BARE_AGES = re.compile(
    r"(?:자녀|자식|아이|애|아들|딸)들?[^.?!\n]{0,12}?(?:\(\s*|나이\s*(?:는|은|가|:|：)?\s*)"
    r"((?:\d{1,2}\s*(?:살|세)?\s*[,·/]\s*)+\d{1,2})(?!\d|\s*(?:만|천|억|명|년|월|%))"
)


def flag_young_child_credited(reading) -> None:
    """The 자녀세액공제 given to more children than the ages said beside them allow (제59조의2)."""
    if reading.kind != "salary" or not (credited := reading.inputs.get("children")):
        return
    table, year = child_table(reading.as_of, reading.text)
    for hit in BARE_AGES.finditer(reading.text):
        counts = [child_counts(table, year, int(a)) for a in re.findall(r"\d{1,2}", hit.group(1))]
        if not all(counts) and credited > sum(counts):
            reading.unclear(
                f"'{hit.group(0)}': 자녀세액공제 나이({child_age_rule(table, year)})가 안 된 자녀는 대상이 아님 — "
                "공제 받는 자녀 수를 확인해 주세요"
            )
            return


# another house said beside a sale read as the only one ("다른 집 한 채를 또한 소유", "딴 아파트도 하나")
OTHER_HOUSE = re.compile(r"(?:다른|딴|또\s*하나의?|별도의?)\s*(?:집|주택|아파트|빌라|오피스텔)")


def flag_other_house(reading) -> None:
    """1세대1주택 taken while another house is said and not said to be gone or absent."""
    if reading.kind != "transfer" or not reading.inputs.get("one_house"):
        return
    for hit in OTHER_HOUSE.finditer(reading.text):
        after = reading.text[hit.end() : hit.end() + 16]
        if re.match(r"\S{0,3}\s*(?:\S+\s*)?(?:없|팔|처분|정리|매도|아니|아님|안\s*(?:갖|가지|가졌))", after):
            continue  # "다른 집은 없어요", "다른 집은 작년에 팔았고"
        reading.unclear(f"'{hit.group(0)}': 다른 주택이 있으면 1세대1주택 비과세가 아님 — 주택 수를 확인해 주세요")
        return


def run(reading) -> None:
    flag_young_child_credited(reading)
    flag_other_house(reading)
    flag_baby_credited(reading)
    flag_spouse_gone_earlier(reading)
    flag_someone_elses_pay(reading)
    flag_family_uncounted(reading)
    flag_spouse_among_dead(reading)
    flag_decedent_unread(reading)
    flag_spouse_overcounted(reading)
    flag_gift_to_someone_else(reading)
