"""Reading causes fixed in lane S's seventh round (증여세, 연말정산), each tested in wording of its own: an amount
said as "N여 원" (a little more), the asker's own gift said without an amount beside another person's, a parent's
partner out of marriage (no 계부모), the grandchild's parent who died before the gift (제57조① 단서) seen from the
grandparent who gives, a first-year student's age, and the clause of "들어가서" ending before the giver."""

from __future__ import annotations

from reading_cases import AS_OF, inputs

from taxqa.tax.reading import read_question


def flags(q: str) -> str:
    r = read_question(q, as_of=AS_OF)
    return " ".join(r.missing + r.ambiguous)


def test_an_amount_said_with_yeo_is_a_little_more_and_is_flagged():
    r = read_question("고모한테서 2천여만 원을 받았는데요, 저는 서른둘이에요. 증여세 나오나요?", as_of=AS_OF)
    assert r.inputs["amount"] == 20_000_000
    assert any("어림한 금액" in a for a in r.ambiguous)


def test_the_askers_own_gift_without_an_amount_is_asked_for():
    r = read_question(
        "장인어른이 아내에게 8천만원을 보내셨고 저한테도 조금 주신답니다. 사위인 제 증여세는 얼마일까요?", as_of=AS_OF
    )
    assert r.result is None and any("증여재산가액" in m for m in r.missing)


def test_the_askers_own_gift_said_as_the_same_amount_is_no_lack():
    r = read_question(
        "아버지가 누나한테 3천만원을 주셨고 저한테도 똑같이 주셨어요. 저는 스물다섯이에요. 증여세?", as_of=AS_OF
    )
    assert r.inputs.get("amount") == 30_000_000


def test_a_mothers_partner_out_of_marriage_is_no_stepparent():
    got = inputs(
        "어머니랑 혼인신고 없이 십 년 넘게 사신 아주머니... 아니 아저씨가 저한테 4천만원을 준대요. 저는 33살. 증여세는?"
    )
    assert got["relation"] == "other"
    got = inputs("새아빠(엄마랑 사실혼)한테 결혼 자금 6천만원을 받아요. 저는 30살입니다. 증여세는 얼마죠?")
    assert got["relation"] == "other" and not got.get("marriage_birth")


def test_the_grandchilds_parent_dead_before_the_gift_seen_from_the_giving_grandparent():
    got = inputs(
        "딸이 몇 해 전 병으로 세상을 떠나서 외손녀(15살)를 제가 맡아 키웁니다. 외손녀 앞으로 5천만원 넣어 주면 증여세는?"
    )
    assert got["relation"] == "lineal_ascendant" and not got.get("generation_skip")


def test_the_grandchilds_parent_alive_keeps_the_surcharge_when_the_grandparent_gives():
    got = inputs("아들 내외는 잘 살고 있고, 제가 손자(12살) 통장에 5천만원을 넣어 주려 해요. 증여세는?")
    assert got["generation_skip"]


def test_a_first_year_student_without_an_age_is_asked_for_the_age():
    text = "외손자가 이번에 대학에 합격해서 외할머니가 축하금으로 2천만원을 보내 주셨어요. 사위 딸 다 건강해요. 증여세?"
    assert "미성년" in flags(text)
    got = inputs("외손자가 이번에 대학에 합격해서 외할머니가 2천만원을 보내 주셨어요. 외손자는 20살이에요. 증여세?")
    assert got["relation"] == "lineal_ascendant" and got["generation_skip"] and not got.get("minor")


def test_a_divorced_worker_raising_the_children_is_a_single_parent_not_a_wife():
    got = inputs(
        "남편이랑 이혼했고 아들 하나 혼자서 키워요. 아들은 10살, 애 아빠는 공제 안 받아요. 총급여 3,500만원, "
        "원천징수 50만원이에요. 환급 얼마 받아요?"
    )
    assert got["single_parent"] and not got.get("woman") and got["dependents"] == 1


def test_a_spouse_with_some_freelance_income_of_no_amount_is_asked_for():
    r = read_question(
        "신랑이 프리랜서로 번역 일을 조금 해요. 제 총급여 4,800만원, 원천징수 150만원인데 신랑을 부양가족으로 "
        "올리면 얼마 돌려받나요?",
        as_of=AS_OF,
    )
    assert any("배우자의 연간 소득금액" in m for m in r.missing)


def test_a_disabled_sibling_living_with_the_worker_is_a_dependent_with_the_extra_deduction():
    got = inputs(
        "총급여 5천만원이에요. 장애가 있는 누나(52살)를 제가 데리고 같이 살아요. 누나는 소득 없어요. 결정세액은?"
    )
    assert got["dependents"] == 1 and got["disabled"] == 1


def test_a_grown_sibling_living_with_the_worker_without_a_disability_is_flagged_not_counted():
    r = read_question("총급여 5천만원이고 오빠(35살)랑 같이 살아요. 오빠는 백수예요. 결정세액은?", as_of=AS_OF)
    assert not r.inputs.get("dependents") and any("형제자매" in a for a in r.ambiguous)


def test_a_parents_age_said_in_native_numerals_apart_from_the_caring():
    got = inputs(
        "총급여 5천5백이에요. 아버지를 모시고 살아요, 소득은 없으시고 아버지가 올해 일흔여덟이에요. 결정세액 얼마예요?"
    )
    assert got["dependents"] == 1 and got["elderly"] == 1


def test_a_hangul_amount_before_an_ellipsis_is_read():
    got = inputs("총급여가… 사천오백이고요, 국민연금이… 이백만… 원천징수된 게… 백구십만… 결정세액은요?")
    assert got["pension"] == 2_000_000


def test_pay_and_withheld_tax_of_two_workplaces_are_summed_after_a_job_change():
    got = inputs(
        "올해 이직했어요. 1~8월은 전 직장에서 2,800만원, 9월부터는 지금 회사에서 1,500만원 받았어요. "
        "원천징수는 전 직장 40만원, 지금 회사 25만원이에요. 연말정산 합산하면 얼마 더 내요?"
    )
    assert got["salary"] == 43_000_000 and got["withheld"] == 650_000


def test_a_tax_said_filed_apart_is_not_the_one_asked():
    r = read_question(
        "부업으로 쇼핑몰을 해서 부가세는 이미 따로 신고했어요. 회사 연말정산만 궁금해요. 총급여 4,200만원, "
        "원천징수 110만원, 혼자 살아요. 환급되나요?",
        as_of=AS_OF,
    )
    assert r.kind == "salary" and r.inputs["salary"] == 42_000_000


def test_the_askers_pay_said_beside_the_spouses_with_the_askers_tax_asked():
    got = inputs("아내 연봉 7,200이고 저는 4천6백이에요. 애는 없어요. 제 결정세액은 얼마나 나오나요?")
    assert got["salary"] == 46_000_000


def test_children_split_between_the_couple_count_only_the_askers_own():
    got = inputs(
        "맞벌이예요. 애가 셋인데 12살 큰딸은 아내가, 9살 아들은 제가 공제받기로 했고 막내는 아내 쪽이에요. "
        "제 총급여 6천만원이에요. 제 결정세액은요?"
    )
    assert got["dependents"] == 1 and got["children"] == 1


def test_a_dead_father_does_not_lift_the_surcharge_on_a_gift_from_the_mothers_father():
    got = inputs(
        "아빠는 재작년에 돌아가셨어요. 외할아버지가 저한테 2억을 주시기로 했어요. 저는 스물여덟이에요. 증여세는?"
    )
    assert got["relation"] == "lineal_ascendant" and got["generation_skip"]
    got = inputs(
        "아빠는 재작년에 돌아가셨어요. 친할아버지가 저한테 2억을 주시기로 했어요. 저는 스물여덟이에요. 증여세는?"
    )
    assert not got.get("generation_skip")


def test_the_amounts_of_a_tax_filed_apart_are_set_aside_without_a_flag():
    r = read_question(
        "양도세는 작년에 이미 신고했어요(양도가액 3억). 이번엔 회사 연말정산만 봐 주세요. 총급여 5천만원, "
        "원천징수 200만원, 부양가족 없어요. 환급 얼마예요?",
        as_of=AS_OF,
    )
    assert r.kind == "salary" and r.inputs["salary"] == 50_000_000
    assert not r.ambiguous and not r.missing


def test_a_parent_the_spouse_claims_is_not_the_workers_dependent():
    r = read_question(
        "총급여 4,700만원이에요. 함께 사는 장모님(77세, 소득 없음)은 아내 앞으로 등록했어요. 제 결정세액은?",
        as_of=AS_OF,
    )
    assert not r.inputs.get("dependents") and not r.inputs.get("elderly")
    assert not r.ambiguous
