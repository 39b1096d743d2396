"""The general misread nets (taxqa/tax/agreement_nets.py): each flags a value whose own words name another
input, and leaves a right reading alone. The misreads are made by hand on the reading of a question in our
own wording (the current reader reads these right), the shape of misreads seen on the readers of earlier
rounds (bench/nets_catch.py)."""

from __future__ import annotations

from taxqa.tax import cue_nets
from taxqa.tax.cue_words import attached
from taxqa.tax.reading import read_question

AS_OF = "2026-06-01"


def stays_quiet(net, reading) -> bool:
    """Whether `net` leaves the reading's ambiguous lines as they were."""
    before = list(reading.ambiguous)
    net(reading, reading.mentions)
    return reading.ambiguous == before


def mention(reading, text):
    return next(m for m in reading.mentions if m.text == text)


def test_words_glued_to_a_value_name_its_input():
    assert set(attached("transfer", "amount", "작년 5월에 ", "에 산 상가")) == {"acquired"}
    assert attached("transfer", "amount", "그리고 판 건 ", "이었어요") == {"price": "판 건"}
    assert set(attached("transfer", "amount", "2016년에 ", " 주고 샀고")) == {"acquired"}
    # a verb-like word followed by its own value labels that value, not the one before it
    assert attached("transfer", "amount", "양도 ", " 취득 5억") == {}
    assert set(attached("vat", "amount", "이번 기 매입 공급가액은 ", "")) == {"purchases"}
    assert set(attached("transfer", "duration", "그 집에서 ", " 거주했고")) == {"resided_years"}
    assert attached("gift", "amount", "", "에 산") == {}  # a kind whose amounts no label tells apart


def test_value_cue_flags_a_purchase_read_as_the_sale():
    q = "작년에 상가를 넘겼는데요, 2014년에 6억에 산 걸 9억 5천에 팔았어요. 다른 집도 있어요. 양도세?"
    right = read_question(q, as_of=AS_OF)
    assert right.inputs["acquired"] == 600_000_000 and not right.ambiguous  # read right: the net is quiet
    wrong = read_question(q, as_of=AS_OF)
    wrong.ambiguous.clear()
    wrong.inputs.update(price=600_000_000, acquired=950_000_000)  # the misread of an older reader
    mention(wrong, "6억").used_as, mention(wrong, "9억 5천").used_as = "price", "acquired"
    cue_nets.flag_value_cue(wrong, wrong.mentions)
    assert any("'6억'을 양도가액으로" in x and "'산'" in x and "취득가액" in x for x in wrong.ambiguous)


def test_value_cue_leaves_two_inputs_of_the_same_value_alone():
    q = "1세대 1주택이고 양도가 16억, 취득가 9억, 보유 10년 거주 10년이에요. 양도세?"
    reading = read_question(q, as_of=AS_OF)
    assert stays_quiet(cue_nets.flag_value_cue, reading)  # 보유 10년 and 거주 10년: each input holds 10


def test_cue_elsewhere_flags_a_value_left_out_while_its_input_holds_another():
    q = "군대에서 7년 근무했고 지금 회사는 13년 다니다가 퇴직해요. 회사 퇴직금 1억 2천. 퇴직소득세 산출세액?"
    right = read_question(q, as_of=AS_OF)
    assert stays_quiet(cue_nets.flag_cue_elsewhere, right)
    wrong = read_question(q, as_of=AS_OF)
    wrong.inputs["years"] = 7  # the army years taken for the company's
    for m in wrong.mentions:
        m.used_as = "years" if m.text == "7년" else (None if m.text == "13년" else m.used_as)
    cue_nets.flag_cue_elsewhere(wrong, wrong.mentions)
    assert any("'13년'" in x and "근속연수" in x for x in wrong.ambiguous)


def test_cue_elsewhere_leaves_a_corrected_value_alone():
    reading = read_question("연봉 5천2백, 아 아니다 정정, 5천6백이요. 부양가족 없어요. 결정세액?", as_of=AS_OF)
    assert stays_quiet(cue_nets.flag_cue_elsewhere, reading)


def test_spouse_income_flags_an_earning_spouse_counted():
    q = "제 연봉 5,300이고 아내는 어린이집 교사로 일해요. 아들 하나(12살) 있어요. 제 결정세액?"
    right = read_question(q, as_of=AS_OF)
    assert stays_quiet(cue_nets.flag_spouse_income, right)  # the wife not counted: quiet
    wrong = read_question(q, as_of=AS_OF)
    wrong.fact("spouse", True, "아내", input=False)  # an older reader's misread: the earning wife counted
    wrong.inputs["dependents"] = int(wrong.inputs.get("dependents") or 0) + 1
    cue_nets.flag_spouse_income(wrong, wrong.mentions)
    assert any("아내는 어린이집 교사로 일해요" in x and "부양가족으로 넣었습니다" in x for x in wrong.ambiguous)


def test_spouse_income_leaves_the_working_spouse_alone():
    q = "남편이 혼자 벌어요. 남편 연봉 6,500, 저는 소득 없고 딸 9살. 남편 결정세액은?"
    reading = read_question(q, as_of=AS_OF)
    assert stays_quiet(cue_nets.flag_spouse_income, reading)  # the husband is the worker, not a dependent who earns


def test_relative_no_income_flags_no_dependent_counted():
    q = "제 연봉 4,700이고 장모님(64세)을 모시고 사는데 장모님은 소득이 전혀 없으세요. 결정세액?"
    right = read_question(q, as_of=AS_OF)
    wrong = read_question(q, as_of=AS_OF)
    wrong.inputs.pop("dependents", None)  # an older reader's misread: the mother-in-law not counted
    cue_nets.flag_relative_no_income(wrong, wrong.mentions)
    assert any("장모님은 소득이 전혀 없으세요" in x for x in wrong.ambiguous)
    assert stays_quiet(cue_nets.flag_relative_no_income, right)  # counted: quiet


def test_relative_no_income_leaves_an_earning_family_alone():
    q = "아빠 연봉 5,500이고 엄마도 회사 다니셔서 소득 있어요. 저는 대학생(22살). 아빠 결정세액?"
    reading = read_question(q, as_of=AS_OF)
    assert stays_quiet(cue_nets.flag_relative_no_income, reading)


def test_relative_no_income_on_the_current_reader():
    # the worker's husband retired with no income, not counted by today's reader: the net says so
    reading = read_question(
        "우리 엄마 연봉이 3,600이고 아빠는 작년에 은퇴해서 소득 없어요. 엄마 결정세액?", as_of=AS_OF
    )
    assert any("아빠는 작년에 은퇴해서 소득 없어요" in x for x in reading.ambiguous)


def test_named_value_flags_a_penalty_asked_by_name_read_as_another():
    q = "종소세 300만원을 기한보다 열흘 늦게 냈어요. 납부지연가산세 얼마예요?"
    right = read_question(q, as_of=AS_OF)
    assert right.inputs["kind"] == "late-payment"
    assert stays_quiet(cue_nets.flag_named_value, right)
    wrong = read_question(q, as_of=AS_OF)
    wrong.inputs["kind"] = "no-return"  # an older reader's misread: "늦게" taken as a late return
    cue_nets.flag_named_value(wrong, wrong.mentions)
    assert any("납부지연가산세" in x and "무신고가산세로 계산" in x for x in wrong.ambiguous)


def test_named_value_leaves_two_penalties_named_alone():
    q = "신고도 안 하고 납부도 안 했어요. 세액 500만원, 30일 지남. 무신고가산세랑 납부지연가산세 각각?"
    reading = read_question(q, as_of=AS_OF)
    assert stays_quiet(cue_nets.flag_named_value, reading)
