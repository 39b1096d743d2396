"""Cue agreement: does the wording right next to each value name the input the value became?

A misplaced value usually looks like a valid reading (a price in the other price's field, a giver read as
the receiver), so no rule of the reader sees it. These nets look at each placed value's own neighbourhood
only: the words glued to it (a label before it — "취득가 3억", "산 건 4억" —, a verb or a particle after it —
"3억에 산", "아버지로부터") are compared with the input the reading put it in. The words per input come
from `cue_words` (the kinds' own input labels and the readers' cue words), so the check is the same for
every voice and every kind; when the words glued to a value name a different input of the kind, the answer
says so ("…을 양도가액으로 읽었지만 '산'과 함께 쓰였습니다"). The same for people: what a spouse's or a
relative's own clause says of their income against whether the reading counted them; and for a value the question
asks for by its name ("지연가산세는?"). Nothing is set: a rule reads, a net flags.
"""

from __future__ import annotations

import re

from taxqa.tax.cue_words import READER_CUES, VALUE_NAMES, attached, label, named_values
from taxqa.tax.gift_relations import RELATION_OF
from taxqa.tax.mentions import clause_span
from taxqa.tax.signals import changes_figure
from taxqa.tax.words import from_particle, quoted

PLACED = ("amount", "duration")
# a value the question takes back right after it ("9천만원 아니고 정확히 8천 4백"): its words name nothing
TAKEN_BACK = re.compile(r"^\s*(?:원)?\s*(?:이|가|은|는)?\s*(?:아니|아닌|말고|아님|가\s*아니|이\s*아니|잘못|틀렸|정정)")


def cues_of(reading, m) -> dict[str, str]:
    """The inputs of the reading's kind named by the words glued to mention `m` in its own clause, with
    those words."""
    if TAKEN_BACK.match(reading.text[m.end :]):
        return {}
    left, right = clause_span(reading.text, m.start, m.end)
    return attached(reading.kind, m.type, reading.text[left : m.start], reading.text[m.end : right])


def said_value(m):
    """The value as an input would hold it: won for an amount, whole years for a duration."""
    return m.value if m.type == "amount" else (m.value or {}).get("years")


def flag_value_cue(reading, found) -> None:
    """A value placed in one input while the words glued to it name another input of the same kind."""
    if reading.kind is None or reading.missing:
        return
    for m in found:
        if m.type not in PLACED or not m.used_as or m.flags.get("context"):
            continue
        cues = cues_of(reading, m)
        if not cues or m.used_as in cues or any(reading.inputs.get(n) == said_value(m) for n in cues):
            continue  # the value is in the input its words name (two inputs may hold the same value)
        own = READER_CUES.get(reading.kind, {}).get(m.used_as, ("", ""))[0]
        if own and re.search(own, reading.text[max(0, m.start - 16) : m.start]):
            continue  # "카드로 받은 매출은 4천만": its own word stands in the label too
        other = sorted(cues)[0]
        got, said = label(reading.kind, m.used_as), label(reading.kind, other)
        reading.unclear(
            f"{quoted(m.text, '을를')} {from_particle(got)[:-2]} 읽었지만 {quoted(cues[other], '과와')} "
            f"함께 쓰여 {said}일 수 있습니다 — 확인이 필요합니다"
        )
        return


def flag_cue_elsewhere(reading, found) -> None:
    """A value left unplaced whose glued words name an input that holds another value: the two may have
    been swapped or the wrong one taken ("10년 전 10억에 산 걸 … 25억에" with 10억 unused)."""
    if reading.kind is None or reading.missing:
        return
    said = " ".join(reading.ambiguous + reading.missing)
    for m in found:
        if f"'{m.text}'" in said:
            continue  # already reported as not placed
        if (
            m.type not in PLACED
            or m.used_as
            or m.flags.get("context")
            or m.flags.get("corrected")  # "근속 25년..? 아 아니다 22년": taken back, so no rival of the input
            or (isinstance(m.value, dict) and m.value.get("ago"))
        ):
            continue
        cues = cues_of(reading, m)
        for name in sorted(cues):
            value = reading.inputs.get(name)
            mine = said_value(m)
            if value is None or value == mine or isinstance(value, bool):
                continue
            if any(o is not m and o.used_as == name and o.value == m.value for o in found):
                continue
            if any(o.start > m.start and o.type == m.type and said_value(o) == value for o in found):
                continue  # a later value in the input: said after, it corrects or makes this one exact
            reading.unclear(
                f"{quoted(m.text, '은는')} {quoted(cues[name], '과와')} 함께 쓰였는데 {label(reading.kind, name)}에는 다른 값"
                f"({value:,})을 넣었습니다 — 확인이 필요합니다"
            )
            return


def flag_named_value(reading, found) -> None:
    """The question asks for one value of an input by its name ("지연가산세는?") and the reading took another."""
    if reading.kind is None or reading.missing:
        return
    for name, named in named_values(reading.kind, reading.text).items():
        if len(named) != 1 or reading.inputs.get(name) in named:
            continue
        words, read = next(iter(named.values())), reading.inputs.get(name)
        reading.unclear(f"질문은 '{words}'를 묻는데 {VALUE_NAMES.get(read, read)}로 계산했습니다 — 확인이 필요합니다")
        return


# what a person's own clause says of their income, for the 기본공제 of a spouse (소득세법 제50조①2호)
EARNS = re.compile(
    r"연봉|월급|급여|벌(?:어|고|이|었|는|기)|맞벌이|회사원|직장\s*(?:인|다니|다녀)|공무원|사업\s*(?:해|하|자)|"
    r"소득\s*(?:이|은|도)?\s*있|(?<![가-힣])일\s*(?:해|하|다니)|근무\s*(?:해|하|중)"
)
NO_INCOME = re.compile(
    r"전업|집에\s*(?:있|계)|(?:소득|수입|벌이)\s*(?:이|은|는|도)?\s*(?:전혀\s*)?(?:없|X|0|무)|"
    r"일\s*(?:을|은)?\s*안\s*(?:해|함|하)|무직|백수|대학원생|육아\s*휴직|은퇴"
)


def spouse_said(reading, m) -> str:
    """'earns', 'none' or '' from the words after a spouse word up to the end of its clause."""
    _, right = clause_span(reading.text, m.start, m.end)
    own = reading.text[m.end : right]
    earns, none = EARNS.search(own), NO_INCOME.search(own)
    return "" if bool(earns) == bool(none) else ("earns" if earns else "none")


def flag_spouse_income(reading, found) -> None:
    """A spouse counted as a dependent while their own clause says they earn, or left out while it says they
    have no income ("남편은 회사원이에요" counted; "신랑은 대학원생이라 수입 없어요" not)."""
    if reading.kind != "salary" or reading.missing or "salary" not in reading.inputs:
        return
    pay = [m for m in found if m.type == "amount" and m.used_as == "salary"]
    counted = any(f.name == "spouse" and f.value for f in reading.facts)
    dependents = int(reading.inputs.get("dependents") or 0)
    spouses = [m for m in found if m.type == "person" and (m.value or {}).get("relation") == "spouse"]
    for m in spouses:
        _, right = clause_span(reading.text, m.start, m.end)
        if any(m.start < p.start < right for p in pay):
            return  # the spouse is the worker: the pay said after them ("남편 외벌이예요. 남편 연봉 7천")
    for m in spouses:
        _, right = clause_span(reading.text, m.start, m.end)
        said = spouse_said(reading, m)
        if said == "earns" and counted and changes_figure(reading, {"dependents": max(dependents - 1, 0)}):
            words = reading.text[m.start : right].strip()
            reading.unclear(f"'{words}'인데 배우자를 부양가족으로 넣었습니다 — 배우자 소득을 확인이 필요합니다")
            return
        if said == "none" and not counted and changes_figure(reading, {"dependents": dependents + 1}):
            words = reading.text[m.start : right].strip()
            reading.unclear(f"'{words}'인데 배우자를 부양가족에 넣지 않았습니다 — 확인이 필요합니다")
            return


KIN_DEPENDENT = ("parent", "grandparent", "child", "grandchild", "sibling", "blood", "inlaw", "stepparent", "stepchild")


def flag_relative_no_income(reading, found) -> None:
    """A relative whose own clause says they have no income ("어머니(68세, 소득 없음)", "할머니는 소득
    없으세요") while the reading counts no dependent at all."""
    if reading.kind != "salary" or reading.missing or "salary" not in reading.inputs:
        return
    if int(reading.inputs.get("dependents") or 0) or not changes_figure(reading, {"dependents": 1}):
        return
    pay = [m for m in found if m.type == "amount" and m.used_as == "salary"]
    for m in found:
        if m.type != "person" or (m.value or {}).get("relation") not in KIN_DEPENDENT:
            continue
        _, right = clause_span(reading.text, m.start, m.end)
        if any(m.start < p.start < right for p in pay):
            continue  # the worker ("아빠 연봉이 7천이고")
        own = reading.text[m.end : right]
        if NO_INCOME.search(own) and not EARNS.search(own):
            words = reading.text[m.start : right].strip()
            reading.unclear(f"'{words}'인데 부양가족을 한 명도 넣지 않았습니다 — 확인이 필요합니다")
            return


def flag_kin_relation(reading, found) -> None:
    """The gift's relation read from a kinship word whose kind of kin allows neither side of it ("장인어른이
    저한테" read as a 직계존속): the relation came from somewhere else than the word it is said to rest on."""
    if reading.kind != "gift" or reading.missing or reading.inputs.get("relation") is None:
        return
    relation = reading.inputs["relation"]
    for m in found:
        sides = RELATION_OF.get((m.value or {}).get("relation")) if m.type == "person" else None
        if m.used_as != "relation" or not sides or relation in sides[:2]:
            continue
        if any(changes_figure(reading, {"relation": r}) for r in set(sides[:2])):
            reading.unclear(
                f"'{m.text}'의 관계로는 {label_relation(sides[0])}인데 {from_particle(label_relation(relation))[:-2]} 계산했습니다"
                " — 누가 누구에게 주는지 확인이 필요합니다"
            )
            return


def label_relation(value: str) -> str:
    from taxqa.tax.kinds import KINDS

    return (getattr(KINDS["gift"], "value_labels", None) or {}).get("relation", {}).get(value, value)


# a person's particle: 로부터/한테서/에게서 = the one it comes from; 에게/한테/께 before a giving verb = the receiver
FROM = re.compile(r"\s*(?:님)?(?:\([^()]{0,12}\))?\s*(?:으로부터|로부터|에게서|한테서|께로부터)")
TO = re.compile(r"\s*(?:님)?(?:\([^()]{0,12}\))?\s*(?:에게|한테|께|에게로)(?!서)")
GIVE = re.compile(
    r"주(?:[고려면었셨시기는신]|어)|줬|줄\s*(?:거|려|까|생각|계획)|드리|드렸|증여\s*(?:하|해|했|할)|넘겨|넘기|보내|송금|이체|물려\s*주"
)
RECEIVE = re.compile(r"받")


def particle_role(text: str, m) -> str:
    """'donor' or 'donee' from the particle glued to a person word and the verb of its clause; '' if unclear."""
    _, right = clause_span(text, m.start, m.end)
    after, rest = text[m.end : m.end + 16], text[m.end : right]
    if FROM.match(after):
        return "donor"
    if TO.match(after):
        give, receive = GIVE.search(rest), RECEIVE.search(rest)
        if give and not receive:
            return "donee"
        if receive and not give:
            return "donor"
    return ""


def read_role(reading, m) -> str:
    """The role the reading gave person `m`: the gift's relation as seen from the donor or the donee."""
    sides = RELATION_OF.get((m.value or {}).get("relation"))
    relation = reading.inputs.get("relation")
    if not sides or relation is None or sides[0] == sides[1]:
        return ""
    return "donor" if sides[0] == relation else "donee" if sides[1] == relation else ""


def flag_person_particle(reading, found) -> None:
    """The person the gift's relation was read from, with a particle that says the other side
    ("딸한테 … 주려고" read as the daughter giving)."""
    if reading.kind != "gift" or reading.missing:
        return
    for m in found:
        if m.type != "person" or m.used_as != "relation":
            continue
        said, read = particle_role(reading.text, m), read_role(reading, m)
        sides = RELATION_OF[m.value["relation"]] if said and read and said != read else None
        if sides and changes_figure(reading, {"relation": sides[0] if said == "donor" else sides[1]}):
            who = {"donor": "주는 사람", "donee": "받는 사람"}
            reading.unclear(
                f"{quoted(m.text, '을를')} {who[read]}으로 읽었지만 '{reading.text[m.end : m.end + 4].strip()}' 쪽으로는 "
                f"{who[said]}입니다 — 누가 누구에게 주는지 확인이 필요합니다"
            )
            return


NETS = [
    ("value_cue", flag_value_cue),
    ("cue_elsewhere", flag_cue_elsewhere),
    ("spouse_income", flag_spouse_income),
    ("relative_no_income", flag_relative_no_income),
    ("named_value", flag_named_value),
]
TRIED = [
    ("person_particle", flag_person_particle),
    ("kin_relation", flag_kin_relation),
]  # measured, not run (bench/nets_catch.py)
