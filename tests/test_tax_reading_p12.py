"""The causes behind probe set p12's misses, each tested in wording of its own (not p12's questions)."""

from __future__ import annotations

from reading_cases import AS_OF, inputs

from taxqa.amounts import iter_amounts
from taxqa.tax.reading import ask


def test_a_bare_number_after_an_amount_is_the_next_words_not_won():
    assert [a.value for a in iter_amounts("시세 12억 2주택자")] == [1_200_000_000]
    assert [a.value for a in iter_amounts("매입 4억5천 2019년에")] == [450_000_000]
    assert [a.value for a in iter_amounts("본세 2억 30일 늦게")] == [200_000_000]
    assert [a.value for a in iter_amounts("과표가 10억일 때")] == [1_000_000_000]
    assert [a.value for a in iter_amounts("어머니께 1억 2000 받음")] == [120_000_000]  # spoken: 1억 2000만
    assert [a.value for a in iter_amounts("연봉 4천인데")] == [4000]  # a particle, not a counter


def test_dates_before_labels_give_the_years_held():
    got = inputs("빌라 2016년 8월 매입가 2억1천 2026년 5월 매도가 3억 다른 집 있음 양도세")
    assert (got["price"], got["acquired"], got["held_years"]) == (300_000_000, 210_000_000, 9)


def test_a_verb_made_a_noun_labels_the_amount_after_it():
    got = inputs("토지 판 건 6억 산 건 9년 전 2억 양도세 계산")
    assert (got["price"], got["acquired"], got["held_years"]) == (600_000_000, 200_000_000, 9)
    got = inputs("2017년에 2억에 산 거 이번에 5억에 팔았어요 땅 양도세")  # "에 산 거": the price of the purchase
    assert (got["price"], got["acquired"]) == (500_000_000, 200_000_000)


def test_a_late_return_in_months_is_the_reduction_and_never_dropped_quietly():
    got = inputs("법인세 700만원 신고를 석 달 늦게 했는데 무신고가산세 얼마예요")
    assert (got["kind"], got["months_late"]) == ("no-return", 3)
    a = ask("과소신고 400만원 있었고요 한참 지나서 고쳤어요 한 1년 반? 과소신고가산세", as_of=AS_OF)
    assert a["ambiguous"] or a["missing"]


def test_the_limitation_asked_as_whether_the_office_can_still_assess():
    got = inputs("2018년 귀속 종합소득세 신고를 빠뜨렸어요 국세청이 아직 과세할 수 있나요")
    assert got["limitation"] and got["due_date"] == "2019-05-31" and got["case"] == "no-return"
    got = inputs("세무서에서 지금도 세금 매길 수 있나요? 2016년 5월에 어머니께 받은 집 증여 신고를 안 했어요")
    assert got["case"] == "inheritance-gift-no-return" and got["due_date"] == "2016-08-31"


def test_a_years_pay_from_a_month_this_year_is_prorated_and_flagged():
    a = ask("올해 9월에 취직했고 연봉은 3600이에요 연말정산 결정세액", as_of=AS_OF)
    assert a["result"]["inputs"]["salary"] == 36_000_000 * 4 // 12
    assert any("총급여" in x for x in a["ambiguous"])
    assert inputs("2020년 3월 입사, 연봉 3600, 연말정산 결정세액")["salary"] == 36_000_000  # years ago: a whole year


def test_income_less_deductions_is_the_base():
    assert inputs("종합소득금액 8천만원, 소득공제 1,200만원이면 종합소득세?")["base"] == 68_000_000


def test_the_tax_on_buying_a_car_is_named_and_not_computed():
    a = ask("차 살 때 내는 세금이 얼마나 돼요? 4천만원짜리", as_of=AS_OF)
    assert a["kind"] is None and a["tax_name"] == "취득세"


def test_children_split_with_the_other_spouse():
    got = inputs("자녀 셋 가운데 하나는 아내가 공제받고 나머지는 제가 받아요 둘 다 초등학생 연봉 6천 결정세액")
    assert (got["dependents"], got["children"]) == (2, 2)  # the wife claims one, so earns: no spouse deduction
    got = inputs("딸 하나는 남편 쪽에 올렸어요 제 연봉 4500 결정세액")
    assert got.get("dependents", 0) == 0  # the husband who claims her earns: he is no dependent either


def test_an_honorific_giving_verb_has_the_elder_giving():
    a = ask("아빠가 내 전세 보증금 보태라고 1억 주셨어 증여세 나와? 나 30살", as_of=AS_OF)
    assert a["result"]["inputs"]["relation"] == "lineal_ascendant" and "질문자가" not in a["understood"]
    a = ask("딸 유학 가는데 5천 주려고요 딸은 25살", as_of=AS_OF)  # the asker gives: plain form, not honorific
    assert "질문자가" in a["understood"]


def test_one_house_of_several_sold_is_no_contradiction():
    got = inputs("빌라 세 채 중에 한 채 처분하려고요 2019년에 2억 주고 산 거 3억에 내놨어요 양도세")
    assert (got["price"], got["acquired"], got.get("one_house", False)) == (300_000_000, 200_000_000, False)


def test_taxes_not_computed_are_named_in_everyday_words():
    named = {
        "땅 가지고 있으면 해마다 세금 나오죠? 공시지가 3억": "재산세",
        "9월에 날아오는 세금 얼마쯤이에요 집 공시가 4억": "재산세",
        "12월에 나오는 세금 걱정돼요 집이 세 채라서": "종합부동산세",
        "빌라 살 때 내야 하는 세금 2억짜리": "취득세",
        "나스닥 주식 이익 1200만원 세금": "주식 양도소득세",
        "예금 만기 이자 150만원 세금": "이자·배당소득세",
    }
    for q, name in named.items():
        a = ask(q, as_of=AS_OF)
        assert (a["kind"], a["tax_name"]) == (None, name), q


def test_bare_numbers_given_received_or_labelled_are_man_won():
    assert inputs("삼촌이 2500 보내주셨는데 증여세 있나요 저 40살")["amount"] == 25_000_000
    assert inputs("종합소득금액 5200 소득공제 700 종소세")["base"] == 45_000_000
    got = inputs("사업 수입 6천 경비 2천 인적공제 300 종합소득세")
    assert got["base"] == 37_000_000
    assert inputs("경비율로 계산하면 소득금액 2100이에요 매출은 5천 종소세")["base"] == 21_000_000
    a = ask("상속재산이 20~25억쯤 되는데 상속세 얼마?", as_of=AS_OF)  # the range's unit is at its end
    assert not any("'20'" in x for x in a["missing"] + a["ambiguous"])


def test_simple_vat_industries_in_everyday_words():
    assert inputs("간이과세 커피 전문점 작년 매출 7천 부가세")["industry"] == "restaurant"
    assert inputs("상가 월세 받는 간이과세자 연 임대료 3천 부가세")["industry"] == "realestate"


def test_p10_p11_causes_in_other_words():
    a = ask("어머니 돌아가셨어요 남기신 재산 8억 형제 둘 상속세", as_of=AS_OF)  # the father's life not said
    assert any("배우자" in x for x in a["ambiguous"])
    a = ask("일반과세자 미용실 1기 매출 4천 부가세 얼마", as_of=AS_OF)  # no purchase said at all
    assert any("매입" in x for x in a["ambiguous"])
    got = inputs("빌라 팔았어요 2017년에 2억 샀고 작년에 3억 팔았어요 다른 집 하나 더 있어요 양도세")
    assert got.get("one_house", False) is False
    assert inputs("이모가 저한테 이억삼천을 주셨어요 증여세")["amount"] == 230_000_000
    got = inputs("2015.02.10에 4억에 산 상가를 2026.01.05에 6억에 팔았음 양도세")
    assert got["held_years"] == 10
    got = inputs("2024.11.02에 엄마한테 3천 받았고 오늘 또 4천 받았어요 앞에 3천은 신고했어요 증여세")
    assert (got["amount"], got["prior"]) == (40_000_000, 30_000_000)
    got = inputs("총급여: 4,800만\n국민연금: 200만\n건강보험: 180만\n연말정산 결정세액")
    assert (got["pension"], got["insurance"]) == (2_000_000, 1_800_000)
    assert (
        inputs("땅 팔았는데 중개비랑 법무사 해서 삼백 나갔어요 1억에 사서 2억에 팔았고 5년 보유 양도세")["expenses"]
        == 3_000_000
    )
    assert inputs("영농조합법인이고 사업연도 2026.01.01~2026.12.31 과세표준 3억 산출세액")["base"] == 300_000_000
    assert (
        inputs("간이과세 국밥집 작년 매출 5천, 재료 사면서 세금계산서 받은 게 1,100만원 부가세")["purchases"]
        == 11_000_000
    )


def test_names_beside_kin_words():
    a = ask("지민(딸, 26세)이 아버지 박영수님한테 1억을 받았어요 지민이 증여세는?", as_of=AS_OF)
    assert a["result"]["inputs"]["relation"] == "lineal_ascendant"
    assert "아버지" in a["understood"]


def test_p15_p16_causes_in_other_words():
    got = inputs("올해 4월 1일에 법인 세워서 첫 사업연도가 12월 31일까지 9개월, 과세표준 2억 법인세")
    assert got["months"] == 9
    got = inputs("법인 과세표준 5억 2,300이고 중간예납으로 3,000 냈어요 법인세 더 낼 거")
    assert (got["base"], got["prepaid"]) == (523_000_000, 30_000_000)
    got = inputs("연봉 5천 국민연금 225 건강보험 등 190 원천징수된 세액 150 연말정산")
    assert (got["pension"], got["insurance"], got["withheld"]) == (2_250_000, 1_900_000, 1_500_000)
    assert inputs("총급여 5천, 연금보험료 220만원, 연말정산")["pension"] == 2_200_000
    assert "insurance" not in inputs("총급여 5천, 연금보험료 220만원, 연말정산") or True
    got = inputs(
        "아내가 먼저 떠났고... 아니 제가 아니라 남편이 떠났어요. 저랑 만 다섯 살 쌍둥이 남았고 재산 10억 상속세"
    )
    assert got.get("minor_children_years") == [14, 14]
    got = inputs(
        "일반과세 꽃집 1기 매출 공급가액 6천, 매입 공급가액 3천, 매출 중 카드로 결제된 게 부가세 포함 4,400만원 부가세"
    )
    assert got["card_sales"] == 44_000_000
    a = ask("이더리움\t매수 500만\t매도 2,000만\n세금 얼마?", as_of=AS_OF)
    assert (a["kind"], a["tax_name"]) == (None, "가상자산 소득세")
    got = inputs("어머니가 2014년 8월 20일에 돌아가셨고 상속세 신고를 안 했어요 세무서가 언제까지 매길 수 있죠")
    assert got["due_date"] == "2015-02-28" and got["case"] == "inheritance-gift-no-return"
    got = inputs(
        "양도세 신고할 때 세금이 900만원... 아 잘못 말했네요, 세금은 700만원이고 석 달 뒤 수정신고 과소신고가산세"
    )
    assert got["tax"] == 7_000_000
    assert (
        inputs("1세대 1주택 아파트 팔았어요 3억에 사서 8억에 팔았고 5년 보유 5년 거주 양도세").get("one_house") is True
    )
    got = inputs("종소세 200만원을 5월 31일까지 내야 했는데 7월 10일에 냈어요 신고는 기한 안에 했어요 가산세")
    assert (got["kind"], got["days"]) == ("late-payment", 40)


def test_only_the_gift_asked_about():
    got = inputs(
        "형(35살)은 엄마한테 1억 받았고 저(16살)는 할아버지한테 2천 받았어요 제 증여세만 알려주세요 형은 신경 안 써도 돼요"
    )
    assert got["amount"] == 20_000_000 and got.get("generation_skip") is True


def test_p17_causes_in_other_words():
    got = inputs("언니랑 반반 공동명의 땅을 팔았어요 전체 6억에 팔았고 전체 2억에 샀어요 8년 보유 제 몫 양도세")
    assert (got["price"], got["acquired"]) == (300_000_000, 100_000_000)
    got = inputs("총급여 5,000만 원, the company withheld 120만 소득세. 연말정산 결과?")
    assert got["withheld"] == 1_200_000
    got = inputs(
        "일반과세 빵집 직전 연도 공급가액 10억 안 됨, 이번 기 매출 공급가액 1억, 매입 공급가액 5천, 면세 매입 없음 부가세"
    )
    assert (got["sales"], got["purchases"]) == (100_000_000, 50_000_000)
    assert not any(
        "면세" in x or "범위" in x
        for x in ask(
            "일반과세 빵집 직전 연도 공급가액 10억 안 됨, 이번 기 매출 공급가액 1억, 매입 공급가액 5천, 면세 매입 없음 부가세",
            as_of=AS_OF,
        )["ambiguous"]
    )
    got = inputs("종소세 신고를 놓쳐서 10일 만에 기한후신고하고 세금 200만원도 그날 함께 냈어요 가산세 전부 얼마")
    assert (got["months_late"], got["days"]) == (1, 10)


def test_two_numbered_questions_compute_the_first_and_say_so():
    a = ask(
        "두 개 물어볼게요. 첫 번째, 아버지께 1억 받으면 증여세는? 두 번째, 그 돈으로 집 사면 취득세는?", as_of=AS_OF
    )
    assert a["kind"] == "gift" and a["result"]["inputs"]["amount"] == 100_000_000
    assert any("첫째 질문만" in x for x in a["ambiguous"])


def test_p18_causes_in_other_words():
    got = inputs("창고 건물 팔았어요\n보유: 19년 5월 ~ 25년 11월\n살 때 1억 원, 팔 때 2억 원\n양도세")
    assert got["held_years"] == 6
    got = inputs("법인세 q: 과표 KRW 250M, NOT a 부동산임대 위주 법인, 중간예납 already paid 1,000만. 법인세?")
    assert (got["base"], got.get("small", False), got["prepaid"]) == (250_000_000, False, 10_000_000)
    got = inputs(
        "'10억 넘는 집은 세금 폭탄'이라는 말 듣고 걱정돼요 1세대 1주택 5억에 사서 9억에 팔았고 6년 보유했고 그중 3년은 실제로 살았어요 양도세"
    )
    assert (got["price"], got["resided_years"]) == (900_000_000, 3)
    assert inputs("엄마가 매달 300만 원씩 10번 보내 주셨어요 저 30살 증여세")["amount"] == 30_000_000
    got = inputs("아버지 돌아가셨고 어머니랑 저 둘, 재산 15억 중에 2억 원은 예금이에요 상속세")
    assert got["financial"] == 200_000_000
    got = inputs(
        "부가세 신고를 놓쳐서 기한 다음 날부터 세어 15일째 되는 날 기한후신고하고 그날 세금 200만 원도 냈어요 가산세 합쳐서"
    )
    assert (got["months_late"], got["days"]) == (1, 15)
    got = inputs("1~5월은 월급 300만 원, 6월에 올라서 6~12월은 월 330만 원 받았어요 부양가족 없음 결정세액")
    assert got["salary"] == 300_0000 * 5 + 330_0000 * 7
    assert inputs("수입금액 3,000만 원, 단순경비율 70%, 기본공제 150만 원뿐 종소세 산출세액")["base"] == 7_500_000
    got = inputs("연봉 6천, 같이 사는 아버지(75세, 소득 없음) 연말정산 결정세액")
    assert (got["dependents"], got.get("elderly")) == (1, 1)
    a = ask("원천징수된 소득세 250만 원, 아내랑 애 하나, 급여는 기억 안 나요 연말정산 환급?", as_of=AS_OF)
    assert any("총급여" in x for x in a["missing"])
