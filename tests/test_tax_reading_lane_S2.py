"""Reading causes fixed in lane S's second round (상속세, 연말정산), each tested in wording of its own: the asker's own
estate ahead with the spouse gone first, a death said with its month and age between the one who died and the verb, a
part of the estate said again to name who takes it, the spouse's share named by the part she or he takes, a year
said between the spouse and the pay, and a parent telling a son's or daughter's 연말정산 with the asker's couple claimed."""

from __future__ import annotations

from reading_cases import AS_OF, inputs

from taxqa.tax.reading import read_question


def test_the_askers_own_estate_ahead_with_the_spouse_sent_ahead_long_ago():
    got = inputs(
        "제 나이 일흔여덟입니다. 남편은 오래전에 먼저 보냈고요. 내가 죽은 뒤에 딸 둘이 물려받을 재산이 "
        "상가 6억 원, 적금 2억 원인데 상속세가 얼마나 될지요?"
    )
    assert got["children"] == 2 and got["estate"] == 800_000_000
    assert not got.get("spouse")


def test_a_spouse_sent_ahead_is_the_estates_own_death_when_the_asker_is_not_dying():
    got = inputs("작년에 아내를 먼저 보냈어요. 아이는 셋이고 집사람 재산이 9억입니다. 상속세 얼마예요?")
    assert got["spouse"] is True and got["children"] == 3


def test_the_month_and_age_between_the_one_who_died_and_the_verb():
    read = read_question(
        "집사람이 올해 2월에 향년 77세로 별세했습니다. 상속재산은 10억, 아들 하나 있습니다. 상속세는?", as_of=AS_OF
    )
    assert [f.value for f in read.facts if f.name == "deceased"] == ["spouse"]
    assert read.inputs["spouse"] is True and read.inputs["children"] == 1


def test_a_part_said_again_to_name_who_takes_it_is_counted_once():
    got = inputs(
        "어머니가 돌아가셨고 아버지는 먼저 가셨어요. 남은 건 빌라 3억 원, 정기예금 2억 원이에요. "
        "빌라는 형이 갖고 정기예금 2억은 저랑 동생이 나누기로 했어요. 상속세 얼마나 나와요?"
    )
    assert got["estate"] == 500_000_000 and got["financial"] == 200_000_000


def test_the_spouses_share_named_by_the_part_the_asker_takes():
    got = inputs(
        "집사람이 올해 2월에 향년 77세로 별세했습니다. 남은 재산은 주택 8억 원과 정기예금 3억 원이고 아들이 셋 "
        "있습니다. 주택은 제 명의로 돌리고 정기예금 3억은 아들들이 나눠 갖기로 했습니다. 상속세는 얼마입니까?"
    )
    assert got["estate"] == 1_100_000_000 and got["financial"] == 300_000_000
    assert got["spouse_inherits"] == 800_000_000 and got["children"] == 3


def test_a_year_between_the_husband_and_his_pay_makes_him_the_worker_not_a_dependent():
    got = inputs("신랑 작년 연봉 5200, 저는 프리랜서라 소득 있어요. 아이 하나(9살). 신랑 연말정산 결정세액 얼마예요?")
    assert got["dependents"] == 1 and got["children"] == 1


def test_a_mother_telling_her_daughters_연말정산_with_the_couple_claimed():
    got = inputs(
        "나는 일흔둘, 남편은 예순여덟이오. 큰딸이 직장에 다니는데 올해 연봉이 5천5백이라오. 딸이 우리 부부를 "
        "부양가족으로 넣었고 사위는 소득이 없고 손녀 하나(12살)도 딸 앞으로 했소. 딸 결정세액이 얼마요?"
    )
    assert got["salary"] == 55_000_000
    assert got["dependents"] == 4 and got["elderly"] == 1 and got["children"] == 1


def test_the_askers_age_and_spouse_are_not_the_workers_when_a_widower_is_claimed_alone():
    got = inputs(
        "저는 일흔다섯이고 안사람은 작년에 세상을 떴습니다. 막내딸이 직장 다니는데 연봉이 4천8백입니다. "
        "딸이 저를 부양가족으로 올렸고 사위는 회사원입니다. 딸 결정세액은?"
    )
    assert got["dependents"] == 1 and got["elderly"] == 1 and "children" not in got


def test_the_askers_son_said_again_is_the_worker_not_a_child_of_his():
    got = inputs("아들이 연봉 7천이에요. 우리 내외를 부양가족으로 넣었고 며느리는 소득 없어요. 아들 결정세액은요?")
    assert got["dependents"] == 3 and "children" not in got


def test_two_deposits_of_one_amount_with_two_banks_named_are_two_parts():
    got = inputs(
        "아버지가 돌아가셨어요. 어머니는 안 계시고 자녀는 둘. 국민은행 예금 2억, 신한 예금 2억은 딸이 받기로 "
        "했어요. 상속세?"
    )
    assert got["estate"] == 400_000_000
