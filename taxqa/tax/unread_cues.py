"""Facts the question speaks of that no input took: a word bearing on an input of the kind left unread ("한부모",
"카드매출", a minor's age), or a clause saying a fact is not known ("매입은 잘 모르겠어요"). Either way the answer
asks rather than presents the figure as final."""

from __future__ import annotations

import re

from taxqa.tax.chat_corrections import said_again
from taxqa.tax.mentions import Mention
from taxqa.tax.words import quoted

# Words that bear on an input of the kind: said in the question but not read (the input unset, and no
# assumption or note naming it), the result may be off, so the answer asks. (kind, input, words, label)
CUES = [
    ("salary", "single_parent", r"한부모|싱글\s*(?:맘|대디)", "한부모"), ("salary", "woman", r"부녀자|여성\s*세대주", "부녀자"),
    ("salary", "disabled", r"장애", "장애"), ("salary", "elderly", r"경로우대|(?<!\d)[7-9]\d\s*(?:세|살)", "70세"),
    ("salary", "pension", r"국민연금|연금보험료", "연금"), ("salary", "insurance", r"건강보험|고용보험", "보험료"),
    ("gift", "generation_skip", r"할아버지|할머니|조부|손자|손녀|손주", "세대생략"),
    ("inheritance", "financial", r"예금|적금|주식|펀드|금융|통장", "금융"),
    ("transfer", "expenses", r"경비|수수료|수리비|인테리어", "경비"),
    ("corporate", "small", r"성실신고|부동산\s*임대업", "제60조의2"), ("corporate", "prepaid", r"중간예납|기납부", "기납부"),
    ("penalty", "fraud", r"부정행위|허위|이중\s*장부|장부\s*조작", "부정"),
    ("penalty", "months_late", r"기한\s*후(?:\s*신고)?|수정\s*신고", "개월"),
    ("retirement", "withheld", r"원천징수|이미\s*(?:냈|낸|떼)", "원천징수"),
    ("vat", "card_sales", r"카드|현금\s*영수증", "카드"), ("vat-simple", "card_sales", r"카드|현금\s*영수증", "카드"),
]  # fmt: skip
MINOR_INPUT = {"gift": "minor", "inheritance": "minor_children_years"}


UNKNOWN = re.compile(
    r"부양(?:할\s*)?가족\s*(?:이|은|는)?\s*(?:많|여럿|몇)|(?:정리|파악|확인|계산)\S{0,2}\s*(?:아직\s*)?(?:하나도\s*|전혀\s*|다\s*)?못\s*(?:했|해|함|한)|"
    r"모르(?:겠|는데|고|니|며)|모름|몰라|모릅니다|알아보지\s*(?:못|않)|기억(?:이)?\s*안|말\s*안\s*할|확실(?:하지|하진|치)\s*않|알\s*수\s*없|미정|미확정|확정\s*(?:전|되지|이\s*안|안\s*(?:됐|돼))|(?:안|덜)\s*끝나|"
    r"비밀|말\s*(?:못|안)\s*(?:해|하|할|드리)|곤란|밝히기\s*(?:어렵|싫)|확인\s*(?:중|못|이\s*안|안\s*(?:됐|돼))|"
    r"정리\s*(?:가\s*)?안\s*(?:됐|돼|되)|잃어버|안\s*정했|안\s*정해|정해지지\s*않|정하지\s*않|미확인|나중에\s*(?:알려|말씀)|"
    r"(?:좀|조금|많이|너무)\s*복잡|헷갈|(?:얘기|이야기|논의|상의|협의|조율|협상|흥정)\s*(?:하는\s*)?중"
)


def flag_unknown(reading) -> None:
    """A clause that says a fact is not known ("몇 채인지는 말 안 할게요", "매입은 잘 모르겠어요")."""
    for m in (x for x in UNKNOWN.finditer(reading.text) if not said_again(reading, x)):  # "제가 헷갈렸네요"
        if reading.kind == "penalty" and re.match(r"몰라서|모르고", reading.text[m.start() :]):
            continue  # "그냥 몰라서 (신고를 못 했어요)": why the return was late, no fact unknown
        left = max([x.end() for x in re.finditer(r"[?!\n]|[.,](?!\d)", reading.text[: m.start()])] or [0])
        clause = reading.text[left : m.end()].strip()
        if not any(clause in x for x in reading.missing + reading.ambiguous):
            reading.unclear(f"'{clause}…': 모르는 사실이 있어 가정으로 계산함 — 확인되면 결과가 달라질 수 있음")


def flag_unread_cues(reading, found: list[Mention]) -> None:
    negated = " ".join(m.text for m in found if m.type == "negation")
    said = " ".join(reading.assumptions + reading.ambiguous + reading.missing + [f.words for f in reading.facts])
    for kind, name, words, label in CUES:
        if kind != reading.kind or name in reading.inputs or reading.inputs.get("limitation"):
            continue
        m = re.search(words, reading.text)
        if m and m.group(0) not in negated and m.group(0) not in said and label not in said:
            if re.match(
                r"[^.,?!\n\d]{0,12}?(?:없|아니|아님|안\s|않|X|x|0원|0(?![\d,.]*\d)|빼고|제외하고|말고)",
                reading.text[m.end() : m.end() + 18],
            ):
                continue  # "카드매출: 없음", "부정행위 없이", "카드매출은 0", "카드매출 공제 같은 건 빼고요"
            reading.unclear(
                f"{quoted(m.group(0), '이가')} 있지만 계산({input_label(reading.kind, name)})에 넣지 않음: 해당하는지 확인해 주세요"
            )
    name = MINOR_INPUT.get(reading.kind)
    young = [m for m in found if m.type == "age" and m.value < 19 and m.used_as is None]
    if name and name not in reading.inputs and young:
        reading.unclear(
            f"'{young[0].text}'이 있지만 미성년 관련 공제({input_label(reading.kind, name)})에 넣지 않음: 누구의 나이인지 확인해 주세요"
        )


def input_label(kind: str | None, name: str | None) -> str:
    """An input's Korean name for a flag ('card_sales' -> '신용카드·현금영수증 매출'); with none, the kind's main fact."""
    from taxqa.tax.kinds import KINDS, fact_named  # the kinds import the readers that import this module

    return fact_named(kind, name) if kind in KINDS else name or "금액"
