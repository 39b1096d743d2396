"""The causes behind the misses of probe sets p20-p24 (and set 90's), each tested in wording of its own (not
the sets' questions)."""

from __future__ import annotations

from reading_cases import AS_OF, inputs

from taxqa.tax.reading import ask
from taxqa.tax.words import PHONE


def test_an_amount_said_twice_on_the_phone_is_one_amount():
    assert inputs("퇴직금이 일억 칠천 일억 칠천이래요 근속 20년 퇴직소득세")["pay"] == 170_000_000
    assert inputs("어머니가 삼천 삼천만 원 주셨어요 저는 40살 증여세")["amount"] == 30_000_000
    assert inputs("딸한테 이억 아니 아니 삼억을 줄 거예요 딸은 35살 증여세")["amount"] == 300_000_000


def test_an_age_said_with_a_copula_and_the_workers_own_age_both_count():
    got = inputs("연봉 3천이고 제 나이는 일흔하나예요 아내는 일흔셋인데 소득 없어요 결정세액")
    assert (got["dependents"], got["elderly"]) == (1, 2)
    got = inputs("남편 연봉 7천, 저는 소득 없고 큰애 스물세 살이랑 작은애 열두 살이에요 결정세액")
    assert got["dependents"] == 2  # the spouse and the 12-year-old; 23 is over 20


def test_a_void_phrase_after_a_verb_negates_the_noun_before_it():
    assert not inputs("양도세 신고를 안 했어요 세금 500만 원, 조작한 거 그런 건 없어요 무신고가산세").get("fraud")
    assert not inputs("종소세 무신고, 세금 300만, 사기 친 거 그런 건 없고 그냥 몰라서. 무신고가산세").get("fraud")


def test_a_minor_receivers_gift_takes_no_marriage_deduction_from_a_parents_word():
    got = inputs("외할머니가 손녀(9살)한테 4천만 원 주신대요. 신랑이 외동이라 처가에서 챙겨주시는 거예요. 증여세")
    assert (got["minor"], got["generation_skip"], got.get("marriage_birth", 0)) == (True, True, 0)


def test_vat_words_of_purchase_and_of_vat_left_out():
    got = inputs("일반과세자 꽃집, 매출 부가세 빼고 8천, 꽃 산 거 세금계산서 받은 게 3천 부가세 얼마")
    assert (got["sales"], got["purchases"]) == (80_000_000, 30_000_000)


def test_inheritance_deposits_named_after_the_amount_and_the_spouse_by_a_shorter_word():
    got = inputs(
        "시아버지가 돌아가셨어요. 빚 빼고 10억이고 그 중 2억이 농협 예금이에요. 상속인은 시어머니랑 남편, 시누이. "
        "어머니 몫은 4억으로 정했어요. 상속세"
    )
    assert (got["estate"], got["financial"]) == (1_000_000_000, 200_000_000)
    got = inputs("친정아빠 돌아가심. 재산 8억. 상속인 친정엄마, 저, 남동생. 엄마 몫은 3억. 동생이랑 저 성인. 상속세")
    assert (got["spouse_inherits"], got["children"]) == (300_000_000, 2)


def test_english_words_among_korean_ones_take_their_korean_particle():
    got = inputs("Mom이 작년에 passed away 하셨어요. estate가 total 9억, loan이 1억. heirs는 dad랑 저 둘. 상속세?")
    assert (got["estate"], got["spouse"], got["children"]) == (800_000_000, True, 1)


def test_a_tax_said_bare_and_paid_with_the_late_return():
    got = inputs("부가세 신고 놓쳤어요 내야 될 세금은 180, 기한 지나고 25일째 기한후신고랑 납부 같이 할 거예요 가산세")
    assert (got["tax"], got["days"], got["months_late"]) == (1_800_000, 25, 1)


def test_months_of_pay_before_leaving_a_job():
    assert inputs("3월부터 8월까지 월급 250 받고 그만뒀어요 부양가족 없음 결정세액")["salary"] == 15_000_000


def test_a_masked_phone_number_is_no_amount():
    assert PHONE.sub("#", "연락 010-4471-93xx, 매장 031-555-12** 끝") == "연락 #, 매장 # 끝"
    a = ask(
        "메모 (단위: 만원)\n고객 연락처 010-4471-93xx\n- 아버지께 현금 5,000 증여받음, 고객 31세\n증여세?", as_of=AS_OF
    )
    assert a["result"]["inputs"]["amount"] == 50_000_000 and not a["ambiguous"]


def test_the_amount_asked_for_is_named_in_everyday_words():
    a = ask("아버지 돌아가셨는데 상속세 얼마나 나와요?", as_of=AS_OF)
    assert any("빚·장례비" in x for x in a["missing"])
    a = ask("연말정산 환급 얼마 받을 수 있나요? 아이 둘 있어요", as_of=AS_OF)
    assert any("연봉" in x for x in a["missing"])


def test_a_unit_header_in_other_words_leaves_counts_floors_and_dates_alone():
    got = inputs(
        "상담 기록 2026.3.4 (금액 단위: 백만원)\n고객 45세, 아파트 12층, 자녀 2\n- 부친께 현금 90 받음\n"
        "- 2020.5월 같은 부친께 40 받은 적 있음\n증여세?"
    )
    assert (got["amount"], got["prior"]) == (90_000_000, 40_000_000)
    got = inputs("부가세 메모 (단위: 천원 / 공급가액 기준)\n2기(7.1~12.31)\n매출 52,000\n매입 31,000\n납부세액?")
    assert (got["sales"], got["purchases"]) == (52_000_000, 31_000_000)


def test_penalty_days_counted_to_the_day_paid_and_a_late_return_paid_with_a_plus():
    got = inputs(
        "수정신고 했습니다. 기한에서 5개월 지나서, 덜 낸 세금 400만원, 기한 다음 날부터 납부한 날까지 150일. 가산세?"
    )
    assert (got["kind"], got["months_late"], got["days"]) == ("under-report", 5, 150)
    got = inputs("메모\n- 무신고 → 기한후신고 + 세금 납부 (기한 다음 날부터 9일째)\n- 본세 300만원\n가산세 합계")
    assert (got["days"], got["months_late"]) == (9, 1)
    got = inputs(
        "법정신고기한: 2025. 5. 31.\n2025. 9. 10.에 기한후신고와 함께 납부. 본세 500만원, 납부지연 102일. 가산세 합계?"
    )
    assert got["months_late"] == 4


def test_limitation_due_date_said_as_such_or_after_the_gifts_words():
    got = inputs(
        "2015.6.3 모친에게 건물 증여받음. 신고기한은 2015.9.30이었고 신고 안 함. 부정행위 없음. 제척기간 끝나는 날?"
    )
    assert (got["due_date"], got["case"]) == ("2015-09-30", "inheritance-gift-no-return")
    got = inputs(
        "2017년 5월 2일에 아버지가 저.. 아니 제 동생한테 돈을 증여했는데 신고를 안 했어요. 세무서가 언제까지 부과할 수 있나요?"
    )
    assert got["due_date"] == "2017-08-31"


def test_gift_roles_said_by_label_and_a_deduction_set_aside():
    got = inputs(
        "PB입니다. 고객님 아드님이 내년 봄 결혼 예정인데, 부친인 고객님이 1억 8천을 주십니다. 수증자인 아드님은 31세, 증여세?"
    )
    assert (got["relation"], got["marriage_birth"]) == ("lineal_ascendant", 100_000_000)
    got = inputs(
        "1. 2026. 2. 1. 모친으로부터 1억 증여받음\n2. 2021. 3. 5. 모친으로부터 4,000만원 증여받음\n단, 혼인·출산 증여재산공제는 적용하지 않는다. 증여세?"
    )
    assert (got["amount"], got["prior"], got.get("marriage_birth", 0)) == (100_000_000, 40_000_000, 0)
    a = ask("거주자 병은 을로부터 시가 2억원의 건물을 증여받았다. 증여세를 계산하시오.", as_of=AS_OF)
    assert a["result"] is None and any("관계" in x for x in a["missing"])


def test_an_earlier_gift_to_another_named_person_is_not_added():
    got = inputs(
        "동네 언니 얘기예요. 언니 남편이 딸 수아(만 12살)한테 4천만 원 줬대요. 아들 준호(20)는 재작년에 따로 2천 받았고요. 수아 증여세?"
    )
    assert (got["amount"], got.get("prior", 0), got["minor"]) == (40_000_000, 0, True)


def test_an_earlier_gift_said_by_its_receiver_is_the_same_givers():
    got = inputs(
        "이번에 아들 계좌로 1억을 넣으려 합니다. 4년 전에도 제가 아들에게 2천만 원을 준 적 있습니다. 아들은 40세. 증여세?"
    )
    assert (got["amount"], got["prior"], got["relation"]) == (100_000_000, 20_000_000, "lineal_ascendant")


def test_the_asker_as_giver_beside_a_deduction_received():
    got = inputs(
        "아들이 내년 봄에 장가갑니다. 제가 1억 5천을 주려고 하는데 결혼할 때 받는 공제도 1억까지 받는다지요? 증여세"
    )
    assert (got["relation"], got["marriage_birth"]) == ("lineal_ascendant", 100_000_000)


def test_a_storys_duration_does_not_stop_a_gift_and_a_memos_time_is_no_amount():
    a = ask(
        "사위가 이십 년 넘게 장인 장모를 모셨습니다. 제가 사위에게 2천만 원을 주려 합니다. 증여세는요?", as_of=AS_OF
    )
    assert a["result"] is not None and not a["missing"]
    got = inputs(
        "상담 2026.4.2 09:40 (금액 단위: 백만원)\n- 2026.3.30 부친 → 고객 80 이체\n- 2020.2월 같은 부친께 20 받은 적 있음\n이번 건 증여세?"
    )
    assert (got["amount"], got["prior"]) == (80_000_000, 20_000_000)


def test_the_giver_the_question_asks_about_and_land_priced_per_pyeong():
    a = ask("삼촌한테서 300만원, 아빠한테서 5천 받았어요(저 27살). 아빠한테 받은 것 증여세만 알려주세요", as_of=AS_OF)
    assert a["result"]["inputs"]["amount"] == 50_000_000 and not a["missing"]
    a = ask("어머니가 밭 150평 중 절반 지분을 저(35세)에게 주셨어요. 시가는 평당 200만원이에요. 증여세?", as_of=AS_OF)
    assert a["result"]["inputs"]["amount"] == 150_000_000 and not a["missing"]


def test_a_line_typed_without_spaces_keeps_its_numbers_apart():
    from taxqa.tax.words import glued_numbers

    assert glued_numbers("고등학생딸한테2천만원주면증여세") == "고등학생딸한테 2천만원 주면증여세"
    assert glued_numbers("1세대1주택이고제59조는요") == "1세대 1주택이고제59조는요"  # a household and an article stay
    assert inputs("어머니한테이번에1억받으면증여세얼마예요저35살")["amount"] == 100_000_000


def test_what_is_said_as_a_known_rule_or_a_part_already_taken_out_is_no_figure():
    a = ask(
        "일괄공제가 5억이라는 건 알아요. 어머니가 돌아가셨고 형이랑 저 둘이에요. 재산은 아직 정리 못 했어요. 상속세?",
        as_of=AS_OF,
    )
    assert a["result"] is None and any("상속재산" in x for x in a["missing"])
    a = ask("근로소득공제만요. 총급여 5,200만원 (비과세 자가운전보조금 월 20만원은 이미 뺀 금액)", as_of=AS_OF)
    assert not any("기간마다" in x for x in a["missing"] + a["ambiguous"])
    got = inputs("소규모 특례 대상인 부동산임대업 위주 법인은 아닙니다. 과세표준 5억. 법인세 산출세액?")
    assert not got.get("small")


def test_a_past_return_told_beside_a_gift_asked_is_no_penalty_question():
    a = ask(
        "딸 대신 여쭤요. 제가 딸(30)에게 1억을 주려 해요. ※ 참고로 3년 전에 제가 2천 준 적 있는데 그땐 신고 안 했어요. 증여세?",
        as_of=AS_OF,
    )
    assert a["kind"] == "gift" and a["result"]["inputs"]["prior"] == 20_000_000


def test_the_askers_husband_giving_their_grandchild():
    got = inputs(
        "할머니인 제가 대신 씁니다. 저희 남편이 손자(외손자, 9살) 계좌에 3천만원을 넣어줬어요. 손자 부모는 살아 있어요. 증여세?"
    )
    assert (got["relation"], got["generation_skip"], got["minor"]) == ("lineal_ascendant", True, True)


def test_terse_insurance_and_withheld_words_and_a_parent_cared_for_as_head_of_household():
    got = inputs("연말정산 결정세액 총급여 5200 국민연금 230 건보고용 200 원천징수된거 150 부양 없음")
    assert (got["insurance"], got["withheld"]) == (2_000_000, 1_500_000)
    got = inputs("총급여 3,300만 원, 소득 없는 만 75세 아버지를 제가 세대주로 모시고 살아요. 결정세액?")
    assert (got["dependents"], got["elderly"]) == (1, 1)
    got = inputs(
        "아빠 대신 물어봐요. 아빠(56세) 총급여 4천. 엄마는 돌아가셨고 저는 따로 살아서 아빠 부양가족으로는 안 들어가요. 결정세액"
    )
    assert got.get("dependents", 0) == 0


def test_scenarios_laid_out_and_one_asked():
    got = inputs(
        "방법이 두 가지예요.\nA안: 엄마가 8천 증여\nB안: 엄마가 1억 2천 증여\n저는 40살이고 받은 적 없어요. B안으로 하면 증여세?"
    )
    assert got["amount"] == 120_000_000
    got = inputs(
        "덜 낸 세금 400만원, 단순 실수.\nA안: 한 달 안에 수정신고\nB안: 한 달 넘기고 석 달 안에 수정신고\nB안이면 과소신고가산세?"
    )
    assert got["months_late"] == 3


def test_formal_wording_of_dates_deaths_parents_and_taxes_beside_the_point():
    got = inputs(
        "본인은 2017. 3.경 동일한 모친으로부터 금 3,000만원을 증여받았고, 2026. 5. 1. 모친으로부터 금 1억원을 증여받았습니다. 증여세?"
    )
    assert got["prior"] == 30_000_000
    got = inputs("본인과 동거하며 소득이 없는 부친(만 78세)을 부양합니다. 총급여액 45,000,000원. 결정세액?")
    assert (got["dependents"], got["elderly"]) == (1, 1)
    got = inputs(
        "2019년 귀속 종합소득 확정신고를 하지 아니하였습니다. 법정신고기한은 2020년 6월 1일. 역외거래는 없었고 상속세·증여세와는 무관합니다. 부과제척기간 만료일?"
    )
    assert got["case"] == "no-return"


def test_insurance_said_apart_and_days_from_the_day_after():
    got = inputs("총급여 3천만원, 부양 없음. 건강보험 90만원, 고용보험 20만원 냈어요. 결정세액")
    assert got["insurance"] == 1_100_000
    got = inputs(
        "상속세 수정신고, 덜 낸 세금 1,000만원, 기한 지나고 4개월째에 수정신고하며 바로 냄(기한 다음 날부터 120일). 가산세?"
    )
    assert got["days"] == 120


def test_a_comma_inside_a_givers_aside_keeps_the_giver_beside_the_amount():
    got = inputs(
        "엄마가 저(31살)한테 주시려다가\n외할머니(엄마의 엄마, 80세)가 저한테 바로 1억 증여\n엄마는 살아 계세요. 증여세?"
    )
    assert (got["relation"], got["generation_skip"]) == ("lineal_ascendant", True)


def test_a_notice_of_returns_is_no_unfiled_return_and_a_limitation_asked_in_dialect():
    a = ask("종합소득세 신고안내문에 '과세표준 3,200만원'이라고 나와 있어요. 산출세액만 알려주세요", as_of=AS_OF)
    assert a["kind"] == "income" and a["result"]["inputs"]["base"] == 32_000_000
    got = inputs("2017년 5월에 엄마한테 8천 받고 증여세 신고를 안 했어예. 세무서가 이거 언제까지 매길 수 있능교?")
    assert got["limitation"] is True and got["due_date"] == "2017-08-31"
    a = ask("아버지가 땅 절반 지분(1/2)을 저(40세)에게 증여, 땅 시가 2억. 증여세", as_of=AS_OF)
    assert not any("계산식" in x for x in a["ambiguous"] + a["missing"])  # a share is no sum to work out


def test_a_first_business_year_from_the_founding_month_and_years_said_after_joining():
    got = inputs("작년 8월 1일에 법인 세웠고 첫 사업연도가 올해 3월 말에 끝났어요. 과세표준 9천만원. 법인세 산출세액?")
    assert got["months"] == 8
    got = inputs("> 엄마: 2001년 3월 2일 입사했으니 딱 25년이다\n> 엄마: 퇴직금 1억 9천\n엄마 퇴직소득세 얼마예요?")
    assert (got["pay"], got["years"]) == (190_000_000, 25)


def test_penalty_days_said_as_a_count_of_days_and_just_so_many_days_after():
    got = inputs(
        "수정신고 했어요. 덜 낸 세금 200만원, 기한 지나고 4개월 만에 수정신고하며 같이 냄, 납부가 늦은 날수는 120일. 일부러 그런 건 아님. 가산세?"
    )
    assert (got["days"], got.get("fraud", False)) == (120, False)
    a = ask(
        "신고기한 지나고 딱 20일째 되는 날 기한후신고하면서 세금 100만원도 같이 냈어요. 세무서 연락 오기 전에요. 가산세?",
        as_of=AS_OF,
    )
    assert a["result"]["inputs"]["days"] == 20 and not a["missing"] and not a["ambiguous"]


def test_a_spouse_supported_by_the_worker_is_not_said_to_earn():
    a = ask("소득 없는 아내를 부양하는 회사원이고 연봉이 6천만원이면 결정세액은?", as_of=AS_OF)
    assert a["result"]["inputs"]["dependents"] == 1 and not a["missing"] and not a["ambiguous"]
