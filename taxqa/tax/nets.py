"""Safety nets run after placing: generic checks that a figure is not stated as final when the
question says something the reading contradicts or leaves out, whatever sentence rule read it.

- an input counted from the question while the question negates that very concept
  ("아들 ... 부양가족 없고" read as a dependent child);
- an amount input made of several amounts said beside different people ("저한테 1억, 누나한테 2억")
  or a person said in an amount's clause who was not placed anywhere;
- an amount-shaped number (digits or Hangul numerals before 억/만/천/원, or a bare number of three
  or more digits) that no mention covers: something was said the reader did not take in;
- a refund (환급, 돌려받, 13월의 월급) or an amount still owed asked at the 연말정산 without the
  tax already withheld (기납부세액): the figure would be the 결정세액, not what is refunded;
- two amounts joined by an arithmetic sign ("1억 + 2천", "5억 - 1억", "300 × 12") whose result is not
  an input: the question computes something the reading did not;
- a word that multiplies or splits an amount (각각, 씩, 반반, 합쳐서, 나눠) beside a placed amount that
  the reading says nothing about;
- a count of people (3명, 두 분) not taken into any count input while the kind counts people;
- a value whose own words (a label just before it, a verb just after it) name another input than the one
  it became, a spouse or relative counted against what their own clause says of their income, a penalty asked
  for by name read as another (`agreement_nets`);
- a follow-up that points back at an earlier question ("아까 말씀드린 조건에서", "그럼 3억이면"):
  only what this question says is read, so the rest of the case is unknown.
"""

from __future__ import annotations

import re

from taxqa.tax import agreement_nets, context_nets, figure_nets, fx, misread_nets, relative_nets, signals, speaker_nets
from taxqa.tax.birth_ages import BORN
from taxqa.tax.corrections import flag_unresolved_correction
from taxqa.tax.family import KIN, nouns
from taxqa.tax.normalise import PLACES
from taxqa.tax.spoken_sums import worked_in
from taxqa.tax.spoken_time import slashed_date
from taxqa.tax.words import josa, quoted

LABELS = {
    "fraud": "부정행위",
    "one_house": "1세대1주택",
    "dependents": "부양가족",
    "children": "자녀",
    "elderly": "경로우대자",
    "disabled": "장애인",
    "spouse": "배우자",
    "amount": "증여재산",
    "estate": "상속재산",
    "prior": "10년 내 증여재산",
}
FOLLOW_UP = re.compile(
    r"아까|앞서|(?:직전|앞선|이전|지난|방금)의?\s*(?:답변|답|대답|결과|계산)|앞에서|방금\s*(?:그|전|말|얘기|이야기|물어|질문|계산)|그\s*(?:케이스|경우|건)에서|(?:좀|조금)\s*전에?\s*(?:말|계산|물어|얘기|이야기|질문|알려)|(?<![가-힣])위\s+\S{1,4}\s*(?:건|케이스|사례)\S{0,2}(?:에서|대로|기준)|그\s*계산에서|말씀드린|(?:위|이전|앞)의?\s*(?:조건|질문|내용|경우)|위에서\s*(?:말|얘기|이야기|쓴|적은|언급)|(?:조건|내용|상황)\S{0,2}\s*(?:다\s*|전부\s*|모두\s*)?그대로|(?:똑같은|동일한?)\s*(?:조건|상황)|(?:같은|똑같은|동일한)\s*질문\S{0,3}\s*(?:이번|근데|인데|에서)|^\s*(?:그럼|그러면|그렇다면)"
)
AMOUNT_SHAPED = re.compile(
    r"\d[\d,.]*\s*(?:억|천만|백만|십만|만\s*원|만|천|원)"
    rf"|(?<![가-힣])[일이삼사오육칠팔구십백천]+\s*(?:억|천만|백만|십만|만\s*원|만|천|원)(?!\s*(?:{PLACES}))"  # not "이천 토지"
    r"|(?<![\d.,])\d{3,}(?![\d,.]|-\d{1,2}-\d|\s*(?:년|동|호|번|월|일|%|주(?![가-힣])|주\s*\(|평|㎡|층|사업\s*연도|귀속|회계\s*연도))"  # "500주(주당 …)", "200평": a count
)
# "상담원: … / 고객: …": a turn of a pasted chat log
CHAT_TURN = re.compile(r"(?m)^\s*(?:상담원|상담사|고객|손님|직원|세무사|회계사|질문자|답변자)\s*[:：]")
SPEAKER = re.compile(r"(?m)^\s*([가-힣A-Za-z]{1,6})\s*[:：]")  # a line opened by who says it
NEW_QUESTION = re.compile(r"말고|새로|별개|따로\s*묻")
# what the 연말정산 refunds or still collects is the 결정세액 less the tax already withheld
REFUND = re.compile(r"환급|돌려\s*받|13\s*월의?\s*월급|토해|추가\s*(?:로\s*)?(?:납부|낼|내야|징수)|차감\s*징수|더\s*내")

# a concept a negation can name -> the inputs that count it
NEGATABLE = [
    (r"부양\s*가족|부양", ("dependents", "children", "elderly", "disabled")),
    (r"자녀|아이|애|자식", ("children",)),
    (r"배우자|아내|남편|와이프", ("spouse",)),
    (r"부정|사기|이중\s*장부|허위|장부\s*조작", ("fraud",)),
    (r"장애", ("disabled",)),
    (r"1\s*세대\s*1\s*주택|1\s*주택|비과세", ("one_house",)),
]


def counted(reading, name: str):
    """The input `name` as read; a 제척기간 case names fraud in its value ("fraud", "offshore-fraud")."""
    if name == "fraud" and "fraud" in str(reading.inputs.get("case", "")):
        return True
    return reading.inputs.get(name)


def flag_negated_inputs(reading, found) -> None:
    for m in found:
        if m.type != "negation" or not m.value:
            continue
        if re.search(
            r"(?:다른|그\s*밖의|그\s*외의?|이\s*외의?|나머지|추가|말고는?)\s*$",
            reading.text[max(0, m.start - 8) : m.start],
        ):
            continue  # "할머니는 소득 없고 … 다른 부양가족은 없어요": none besides those said, not none at all
        for words, names in NEGATABLE:
            if not re.search(words, m.value):
                continue
            # elderly/disabled with no dependent counted is the worker's own (본인 경로우대), not a dependent
            set_ = [
                n
                for n in names
                if counted(reading, n) and (n not in ("elderly", "disabled") or "dependents" in reading.inputs)
            ]
            if set_ == ["one_house"] and not signals.changes_figure(reading, {"one_house": False}):
                return  # "1년 5개월 만에 팔아 비과세가 안 된다": held too short, the 1주택 changes no figure
            if set_:
                reading.unclear(
                    f"'{m.text}'라고 했는데 {josa(', '.join(LABELS.get(n, n) for n in set_), '을를')} 넣어 계산함: 해당하는지 확인해 주세요"
                )
                return


def flag_split_amounts(reading, found) -> None:
    """Two or more amounts placed into one input, each said with its own person."""
    if reading.kind not in ("gift", "inheritance"):
        return
    amounts = [m for m in found if m.type == "amount" and m.used_as]
    people = [m for m in found if m.type == "person"]
    by_input: dict[str, list] = {}
    for m in amounts:
        by_input.setdefault(m.used_as, []).append(m)
    for name, group in by_input.items():
        between = [p for p in people if group[0].end <= p.start < group[-1].start and p.used_as is None]
        if len(group) < 2 or (
            len({m.value for m in group}) < 2 and not any(p.value["role"] == "donee" for p in between)
        ):
            continue  # equal amounts: flagged when another receiver is named between them ("큰아들한테 3천, 작은아들한테도 3천")
        if between and reading.inputs.get(name) == sum(m.value for m in group):
            texts = ", ".join(m.text for m in group)
            reading.unclear(
                f"금액 {josa(texts, '을를')} 합쳐 한 사람의 {LABELS.get(name, name)}으로 계산함 ('{between[0].text}' 몫이 섞였을 수 있음): "
                "누가 얼마를 받는지 확인해 주세요"
            )


def flag_follow_up(reading) -> None:
    hit = FOLLOW_UP.search(reading.text)
    if hit and len(CHAT_TURN.findall(reading.text[: hit.start()])) >= 2:
        return  # "상담원: … 고객: 아 아까 총급여 잘못 말했어요": a chat log pasted whole, 아까 is a turn in it
    speakers = SPEAKER.findall(reading.text)
    if hit and len(speakers) > len(set(speakers)) >= 2:
        return  # "작은형: … / 큰형: 아까 통화할 때 421이라며": a group chat, a speaker coming back to talk
    if hit and not NEW_QUESTION.search(reading.text[hit.end() : hit.end() + 12]):
        reading.unclear(
            f"{quoted(hit.group(0).strip(), '은는')} 앞의 질문을 가리키지만 이 질문에 적힌 것만으로 계산함: "
            "앞에서 말한 조건(금액·기간·관계 등)을 함께 적어 주세요"
        )


def flag_uncovered_numbers(reading, found) -> None:
    spans = [(m.start, m.end) for m in found]
    for t in AMOUNT_SHAPED.finditer(reading.text):
        if re.search(r"(?:연도|년도)\s*[:：]?\s*$", reading.text[: t.start()]) and re.fullmatch(
            r"(?:19|20)\d\d", t.group(0)
        ):
            continue  # "귀속연도: 2024" on a notice: a year, not an amount
        date = re.search(
            r"(?<![\d/])(\d{1,2})/(\d{1,2})/((?:19|20)\d{2})$", reading.text[max(0, t.start() - 6) : t.end()]
        )
        if date and slashed_date(date) != date.group(0):
            continue  # "11/20/2025": a date read as such (an order left unclear, "03/04/2025", is flagged)
        said = t.group(0).strip()
        if re.fullmatch(r"오?천\s*원", said) and re.match(r"\s*(?:짜리|권)", reading.text[t.end() :]):
            continue  # "천 원짜리로 내고 가요": the notes customers pay with, no figure of the case
        corrected = any(a.startswith(f"'{said}'은 질문에서") for a in reading.assumptions)  # "412 아니고 421"
        # "421이라며 … 421만원 맞아": the figure said bare and with its unit
        corrected = corrected or any(re.match(rf"{re.escape(said)}\s*(?:만|억|천|원)", m.text) for m in found)
        corrected = corrected or bool(re.match(r"\s*(?:M|mil)(?![A-Za-z])", reading.text[t.end() :]))  # "KRW 120M"
        if (
            not any(s <= t.start() < e for s, e in spans)
            and not worked_in(reading, t.group(0).strip())
            and not corrected
        ):
            reading.unclear(
                f"{quoted(t.group(0).strip(), '을를')} 금액으로 읽지 못해 계산에 넣지 않음: 무엇의 금액인지 확인해 주세요"
            )
            return


def flag_refund_without_paid(reading) -> None:
    """A refund or an amount still owed asked for while the tax already withheld is not given."""
    if reading.kind != "salary" or reading.inputs.get("withheld") is not None:
        return
    if hit := REFUND.search(reading.text):
        say = f"'{hit.group(0)}' 금액은 이미 원천징수된 소득세(기납부세액)를 알아야 계산됨: 기납부세액을 알려 주세요"
        # with the 결정세액 asked as well, that figure stands; the refund is still said to need the tax withheld
        reading.unclear(say) if re.search(r"결정\s*세액|산출\s*세액", reading.text) else reading.lack(say)


def flag_approx_durations(reading, found) -> None:
    """ "근속 한 10년 정도?", "약 5년 보유": a period said roughly, placed as if exact."""
    for m in found:
        if m.type != "duration" or m.value.get("ago") or m.flags.get("corrected"):
            continue
        after, before = reading.text[m.end : m.end + 6], reading.text[max(0, m.start - 6) : m.start]
        if re.match(r"\s*(?:정도|쯤|가량|남짓|즈음|안팎|전후)", after) or re.search(
            r"(?:(?<![가-힣])한|약|대략|대충|거의)\s*$", before
        ):
            reading.unclear(f"{quoted(m.text, '은는')} 어림한 기간: 정확한 기간(년·개월)을 알려 주세요")
            return


def flag_either(reading) -> None:
    """ "2억인가 3억인가", "5년인지 6년인지": the question offers two values for one fact."""
    if hit := re.search(r"(\S+?)(?:인가|인지)\s*,?\s*(\S+?)(?:인가|인지)", reading.text):
        if re.search(r"\d", hit.group(1) + hit.group(2)):
            reading.unclear(f"'{hit.group(0)}': 어느 값인지 정확히 알려 주세요")


SIGN = re.compile(r"^\s*(?:원)?\s*(?:\([^()]{0,20}\))?\s*([+\-−×xX*÷/]|더하기|빼기|곱하기)\s*(?:[가-힣]{1,8}\s*)?$")
MULTIPLIER_BEFORE = re.compile(
    r"각각|각자|반반|절반씩|나눠|나누어|둘이서|셋이서"
)  # not "합쳐서 2억": that is the total
MULTIPLIER_AFTER = re.compile(r"^\s*(?:원)?\s*(?:씩|\S{0,3}\s*(?:각각|반반|나눠|나누어)|[×xX*]\s*\d)")  # "× 12회"
COUNTED = ("children", "dependents", "elderly", "disabled", "parents")


def flag_arithmetic(reading, found) -> None:
    """ "매출 1억 + 현금매출 2천", "양도가 5억 - 경비 2천": two amounts with a sign between them."""
    amounts = [m for m in found if m.type == "amount" and not m.flags.get("context")]
    values = {v for v in reading.inputs.values() if isinstance(v, int) and not isinstance(v, bool)}
    for a, b in zip(amounts, amounts[1:]):
        sign = SIGN.match(reading.text[a.end : b.start])
        if sign is None or (sign.group(1) in "-−" and a.flags.get("range")):
            continue
        op = sign.group(1)
        result = (a.value + b.value if op in ("+", "더하기") else a.value - b.value if op in ("-", "−", "빼기")
                  else a.value * b.value if op in ("×", "x", "X", "*", "곱하기") else None)  # fmt: skip
        if result in values or (a.used_as and b.used_as and a.used_as != b.used_as):
            continue  # the sum was placed, or the two amounts are two inputs ("매출 1억 / 매입 5천")
        reading.unclear(
            f"'{reading.text[a.start : b.end]}'의 계산 결과를 그대로 넣지 않음: 계산에 넣을 금액을 확인해 주세요"
        )
        return


def flag_multipliers(reading, found) -> None:
    """ "각각 5천씩", "반반 나눠서", "합쳐서 3억": a placed amount whose clause multiplies or splits it, with
    no assumption or flag saying how the reading took it."""
    from taxqa.tax.mentions import clause_span

    if reading.kind == "inheritance":
        return  # the whole estate is taxed however the heirs split it
    said = " ".join(reading.assumptions + reading.ambiguous + reading.missing)
    for m in found:
        if m.type != "amount" or not m.used_as:
            continue
        left, right = clause_span(reading.text, m.start, m.end)
        hit = MULTIPLIER_BEFORE.search(reading.text[max(left, m.start - 10) : m.start]) or MULTIPLIER_AFTER.match(
            reading.text[m.end : min(right, m.end + 10)]
        )
        if (
            hit
            and hit.group(0).strip() not in said
            and m.text not in said
            and not any(m.text in f.words and re.search(r"[×+÷]", f.words) for f in reading.facts)
        ):
            reading.unclear(
                f"{quoted(hit.group(0).strip(), '이가')} '{m.text}' 옆에 있지만 그대로 계산함: 한 사람 몫·합계인지 확인해 주세요"
            )
            return


def flag_unplaced_counts(reading, found) -> None:
    """ "상속인은 배우자와 자녀 3명", "부양가족 2명": a count of people the reading took into no count input."""
    if reading.kind not in ("inheritance", "salary") or not reading.inputs:
        return
    counts = [v for n, v in reading.inputs.items() if n in COUNTED and isinstance(v, int)]
    kids = reading.inputs.get("minor_children_years") or []
    for m in found:
        if m.type != "count" or m.value["of"] in (None, "직원", "사람") and m.value["count"] > 20:
            continue
        n = m.value["count"]
        used = any(f.words and m.text in f.words for f in reading.facts)
        if used or n in counts or n == len(kids) or n - 1 in counts or n in {c + 1 for c in counts}:
            continue
        if re.search(r"명의|명단|분의|분할|분기", reading.text[m.start : m.end + 2]):
            continue
        reading.unclear(f"{quoted(m.text, '을를')} 인원 수로 넣지 않음: 몇 명인지(누구인지) 확인해 주세요")
        return


VAGUE_AMOUNT = re.compile(
    r"(?:\d+|[일이삼사오육칠팔구십])?\s*(?:억|천만|백만)\s*(?:원)?\s*대(?![가-힣])(?:\s*(?:초반|중반|후반))?|몇\s*(?:억|천만|백만)"
)


def flag_vague_amount(reading, found) -> None:
    """ "억대 초반으로", "몇 억": an amount said only as its order, which no amount mention covers."""
    hit = VAGUE_AMOUNT.search(reading.text)
    if hit and not any(m.start <= hit.start() < m.end for m in found if m.type == "amount"):
        reading.lack(f"금액이 범위로만 주어짐 ('{hit.group(0).strip()}'): 정확한 금액이 필요합니다")


KIN_PREFIX = ("시", "처", "외", "친", "새", "애", "양", "의붓", "큰", "작은", "친정")


def kin_words(text: str) -> list[tuple[int, int, str]]:
    """(start, end, word) of every kinship noun, by kiwipiepy's morpheme boundaries; the end leaves out a
    suffix such as 내미 or 님 ("딸내미": 딸 is the word to be covered)."""
    toks = nouns(text)
    out = []
    for i, t in enumerate(toks):
        kin = KIN.fullmatch(t.form)
        if not kin:
            continue
        start, word = t.start, t.form
        prev = toks[i - 1] if i else None
        if prev is not None and prev.start + prev.len == t.start and prev.form in KIN_PREFIX:
            start, word = prev.start, prev.form + t.form  # "시엄마": the in-law, not the parent
        aside = text.count("(", 0, start) > text.count(")", 0, start)  # "(외할머니 입장에선 증손녀)"
        named = re.match(r"\s*[一-龥]", text[t.start + t.len :])  # "처 乙": a name follows the word
        if not (aside or named):
            out.append((start, t.start + t.len - len(kin["suffix"] or ""), word))
    return out


def flag_unread_people(reading, found) -> None:
    """A kinship word no person mention covers whole ("신랑이", "시엄마가", "제부한테"): the reading of who
    gives, who inherits or who is a dependent may be missing or wrong while every number is placed."""
    if reading.kind not in ("gift", "inheritance", "salary"):
        return
    people = [m for m in found if m.type == "person"]
    for start, end, word in kin_words(reading.text):
        if not any(m.start <= start and end <= m.end for m in people):
            reading.unclear(
                f"{quoted(word, '이가')} 누구인지 읽지 못했습니다: 관계(누가 누구에게, 상속인·부양가족 여부)를 확인해 주세요"
            )
            return


def flag_korean_age(reading, found) -> None:
    """ "한국 나이로 9살": an age counted the Korean way is one or two years above the 만 나이 the law uses
    (자녀세액공제 from 8, 미성년 under 19); without the 만 age beside it, a deduction may rest on the wrong age."""
    said = re.search(r"한국\s*나이|세는\s*나이|우리\s*나이", reading.text)
    # "2010년 9월생": the inheritance reader counts 만 나이 from a birth date (taxqa.tax.birth_ages)
    born = reading.kind == "inheritance" and BORN.search(reading.text)
    dated = re.search(r"만\s*\d{1,2}\s*(?:세|살)", reading.text) or born
    if said and not dated and any(m.type == "age" for m in found):
        reading.unclear(f"'{said.group(0)}'로 말한 나이: 세법은 만 나이로 판단하므로 만 나이 확인이 필요")


def flag_held_none(reading, found) -> None:
    """보유기간 under a year while two different years are said ("2014년에 샀잖아 … 2014년이에요"): the
    reader took one year for both the purchase and the sale, so the holding rests on a misread."""
    years = {m.value.get("year") for m in found if m.type == "date" and m.value and m.value.get("year")}
    if reading.kind == "transfer" and reading.inputs.get("held_years") == 0 and len(years) >= 2:
        reading.unclear(
            f"연도 {josa(', '.join(map(str, sorted(years))), '이가')} 있는데 보유기간 1년 미만으로 계산함: 취득·양도 시기를 확인해 주세요"
        )


def flag_fraud_in_part(reading, found) -> None:
    """부정행위 said of a part of the tax ("그중에 부정행위로 줄인 게 있어요") with one amount: 40% on the part and 10-20%
    on the rest, so the part is asked instead of taking the whole as fraudulent or not."""
    if reading.kind != "penalty" or reading.inputs.get("limitation"):
        return
    part = re.search(r"(?:그\s*중|그중에|일부(?!러)|일부분)\S{0,3}\s*(?:[^.?!]{0,12}?)부정", reading.text)  # not 일부러
    if part and sum(m.type == "amount" for m in found) < 2:
        reading.unclear(f"'{part.group(0)}': 부정행위 부분의 세액과 나머지 세액을 나눠 알려 주세요 (가산세율이 다름)")


def run(reading, found) -> None:
    fx.note(reading)
    flag_fraud_in_part(reading, found)
    flag_follow_up(reading)
    flag_either(reading)
    flag_approx_durations(reading, found)
    flag_refund_without_paid(reading)
    flag_uncovered_numbers(reading, found)
    flag_negated_inputs(reading, found)
    flag_split_amounts(reading, found)
    flag_arithmetic(reading, found)
    flag_multipliers(reading, found)
    flag_unplaced_counts(reading, found)
    flag_vague_amount(reading, found)
    flag_unread_people(reading, found)
    flag_korean_age(reading, found)
    flag_unresolved_correction(reading, found)
    flag_held_none(reading, found)
    speaker_nets.flag_others_figures(reading)  # "오후 12:41 노차장: 저는 3억 넘겼는데": another's own figure
    relative_nets.flag_relative(reading)  # "산 값의 두 배" left uncomputed: the base is not the figure meant
    misread_nets.run(reading)
    signals.run(reading)
    context_nets.run(reading)
    figure_nets.run(reading)
    agreement_nets.run(reading, found)
