"""Causes found by the left misses of p53-p58 and the held-out sets p59-p62 (the integrator's share), each tested
in wording of its own rather than a set's question."""

from __future__ import annotations

from reading_cases import reading

from taxqa.tax.romanized_words import in_hangul, spellings


def test_korean_typed_in_latin_letters_is_read_in_hangul():
    text, changed = in_hangul("halmeoniga 손녀한테 jeungyeo 하신대요. jeungyeose 얼마? Sale price는 몰라요")
    assert text.startswith("할머니가 손녀한테 증여 하신대요. 증여세 얼마?")
    assert "Sale price" in text  # an English word is never guessed into Korean
    assert changed == ["halmeoniga → 할머니가", "jeungyeo → 증여", "jeungyeose → 증여세"]


def test_a_final_or_an_initial_said_two_ways_is_spelled_both_ways():
    assert {"beobin", "beopin"} <= set(spellings("법인"))
    assert {"harabeoji", "halabeoji"} <= set(spellings("할아버지"))


def test_a_romanized_tax_question_is_computed_as_if_typed_in_korean():
    r = reading("yangdose 계산 부탁해요. 상가를 2억에 사서 2억 6천에 팔았어요, 딱 5년 갖고 있었고 필요경비는 없어요.")
    assert r.kind == "transfer"
    assert r.inputs.get("price") == 260_000_000 and r.inputs.get("acquired") == 200_000_000
    assert any("로마자" in a for a in r.assumptions)


def test_a_town_named_like_a_hangul_numeral_is_not_an_amount():
    r = reading("오천 공장 부지 팔았던 거 양도세요. 8억에 사서 11억에 팔았고 7년 보유, 필요경비 없어요. 공장 땅이에요.")
    assert r.inputs.get("acquired") == 800_000_000 and r.inputs.get("price") == 1_100_000_000
    assert not any("오천" in a for a in r.ambiguous)


def test_the_party_of_a_judgment_is_not_intent():
    # "원고의", "피고의": 고의 inside a party's name is no 부정행위
    r = reading(
        "원고는 2024년 귀속 종합소득세를 기한까지 신고하지 아니하였다가 두 달 안에 기한후신고를 하였고, "
        "피고의 경정은 없었다. 원고의 신고 누락에 부정행위는 없었다. 납부할 세액 500만 원. 무신고가산세는?"
    )
    assert r.inputs.get("kind") == "no-return" and "fraud" not in r.inputs


def test_tax_paid_on_the_same_day_as_a_late_return_counts_its_days():
    r = reading(
        "종합소득세 신고기한 5월 31일을 넘겨서 7월 10일에 기한후신고를 했고 세금 300만 원도 같은 날 전부 납부했어요. "
        "부정행위 없음. 무신고가산세와 납부지연가산세 합계는?"
    )
    assert r.inputs.get("days") == 40 and r.inputs.get("months_late") == 2


def test_two_dates_count_the_days_late_not_a_rough_months_remark():
    r = reading(
        "부가세 납부기한이 7월 27일이었는데 9월 5일에 냈어요, 한 달 넘게 늦었네요. 세금은 210만 원. 납부지연가산세?"
    )
    assert r.inputs.get("days") == 40


def test_days_late_labelled_as_a_count_without_its_il():
    r = reading(
        "(가) 150만 (나) 33. (가)는 늦게 낸 부가세, (나)는 연체 일수예요. 신고는 제때 했고요. 납부지연가산세 얼마?"
    )
    assert r.inputs.get("days") == 33 and r.inputs.get("tax") == 1_500_000


def test_dangi_and_cycle_years_and_hangul_months_are_read_as_dates():
    from taxqa.tax.era_years import cycle_year, in_common_era

    assert cycle_year("갑", "진", 2026) == 2024 and cycle_year("병", "오", 2026) == 2026
    assert cycle_year("갑", "축", 2026) is None  # a pair the cycle never names
    text, assumed = in_common_era("단기 4350년 시월에 사서 임인년 섣달에 팔았고 이월결손금은 없어요", 2026)
    assert text == "2017년 10월에 사서 2022년 12월에 팔았고 이월결손금은 없어요"
    assert len(assumed) == 2 and "1962년" in assumed[1]


def test_a_sale_in_this_year_said_as_ol_counts_the_months_held():
    r = reading("2018년 11월에 3억에 산 상가를 올 2월에 4억에 팔았어요. 필요경비 없어요. 양도세?")
    assert r.inputs.get("held_years") == 7


def test_the_one_in_whose_name_an_account_is_opened_receives():
    r = reading(
        "고객님 할아버님이 손녀 명의로 적금을 하나 들어서 매달 넣으시다가 이번에 8천을 한꺼번에 넣어주신대요. "
        "손녀는 30살이고 부모님은 살아 계세요. 손녀가 낼 증여세는요?"
    )
    assert r.inputs.get("relation") == "lineal_ascendant" and r.inputs.get("generation_skip") is True


def test_a_month_and_some_days_late_is_within_the_next_month():
    r = reading(
        "증여세 신고를 놓쳐서 기한 지나고 두 달 하고 닷새 만에 기한후신고 했어요. 세액 600만 원, 부정행위 없음. 무신고가산세?"
    )
    assert r.inputs.get("months_late") == 3


def test_native_day_counts_with_a_ten_are_read_as_days():
    r = reading(
        "양도세 예정신고는 제때 했는데 세금 250만 원을 스무닷새 늦게 냈어요. 고지서 오기 전이에요. 납부지연가산세?"
    )
    assert r.inputs.get("days") == 25


def test_days_late_said_as_the_late_days_count():
    r = reading(
        "부가세 신고는 기한 내에 했고 세금 90만원은 늦게 냈어요. 홈택스에 늦은 날이 37일로 떠요. 납부지연가산세 얼마?"
    )
    assert r.inputs.get("days") == 37


def test_weeks_said_roughly_before_a_late_return_and_the_days_of_payment_said_apart():
    r = reading(
        "종합소득세 신고를 잊고 있다가 기한 지나고 2주쯤 있다가 기한후신고했고, 세금 400만 원도 그때 같이 냈어요. "
        "납부기한 다음 날부터 낸 날까지 16일이래요. 부정행위는 없고요. 가산세 전부 얼마?"
    )
    assert r.inputs.get("months_late") == 1 and r.inputs.get("days") == 16


def test_a_household_cost_by_the_month_said_in_passing_does_not_block_the_figure():
    r = reading(
        "딸 학원비는 월 55만원이라 빠듯해요. 작년 양도세를 기한 내에 신고는 했는데 세금 300만 원을 30일 늦게 냈어요. "
        "납부지연가산세 얼마예요?"
    )
    assert r.inputs.get("tax") == 3_000_000 and r.inputs.get("days") == 30
    assert not r.missing and any("생활비용" in a for a in r.ambiguous)


def test_a_word_typed_with_the_keyboard_in_english_mode_is_read_in_hangul():
    from taxqa.tax.romanized_words import typed_in_english_mode

    assert typed_in_english_mode("tkdthrtp") == "상속세" and typed_in_english_mode("dkvkxm") == "아파트"
    assert typed_in_english_mode("hello") is None
    text, changed = in_hangul("dusakfwjdtks 결과 궁금해요 tkdthrtp 얼마? Thanks")
    assert text == "연말정산 결과 궁금해요 상속세 얼마? Thanks" and len(changed) == 2


def test_slips_of_fast_typing_in_tax_words_are_set_right_and_said():
    from taxqa.tax.typos import without_slips

    text, changed = without_slips("양도새랑 취득 세 합쳐서 2억원원? 연말정선 말고요. 부가서비스, 증여 세 번")
    assert text == "양도세랑 취득세 합쳐서 2억원? 연말정산 말고요. 부가서비스, 증여 세 번"
    assert len(changed) == 4
    r = reading("상속셰 얼마예요? 아버지 재산 빚 빼고 12억원원이고 상속인은 저 혼자(성인)예요. 어머니는 안 계세요.")
    assert r.kind == "inheritance" and r.inputs.get("estate") == 1_200_000_000


def test_children_counted_with_who_they_are_said_between():
    r = reading("총급여 4,800만원, 아내는 전업주부예요. 애들은 중학생 둘이에요 (13살, 15살). 연말정산 결정세액?")
    assert r.inputs.get("children") == 2 and r.inputs.get("dependents") == 3


def test_the_part_the_spouse_inherits_alone_is_her_share():
    r = reading(
        "아버지가 돌아가셨어요. 상속재산: 주택 시가 9억 원, 예금 2억 원. 상속인: 어머니와 자녀 2명(성인). "
        "분할: 주택은 어머니가 단독 상속, 예금은 자녀들이 나눔. 상속세는?"
    )
    assert r.inputs.get("spouse_inherits") == 900_000_000


def test_debts_said_already_taken_off_the_total_are_not_taken_off_again():
    r = reading(
        "아버지 상속 건. 과세가액 15억인데 이건 채무 8천이랑 장례비 500만 이미 뺀 금액이에요. "
        "상속인은 어머니와 성인 자녀 둘, 금융재산 없음. 상속세?"
    )
    assert r.inputs.get("estate") == 1_500_000_000


def test_two_penalties_joined_by_a_plus_are_both_asked():
    r = reading(
        "메모: 25년 귀속 종소 무신고. 법정신고기한 26.5.31. 26.7.15에 기한후신고하며 같이 납부, 납부세액 500만. 부정행위 없음. "
        "감면은 1개월 초과 3개월 이내 구간. 무신고 + 납부지연 가산세 합계?"
    )
    assert r.inputs.get("kind") == "no-return" and r.inputs.get("months_late") in (2, 3) and r.inputs.get("days") == 45
    assert not any("범위" in a for a in r.missing)


def test_a_return_filed_on_time_said_with_words_between_is_no_no_return():
    r = reading(
        "양도세 신고는 세무사님이 기한 안에 해 줬어요. 제가 세금 400만 원을 납부기한 지나고 20일 만에 냈어요. "
        "신고 쪽 가산세는 없고요. 가산세 얼마예요?"
    )
    assert r.inputs.get("kind") == "late-payment" and r.inputs.get("days") == 20


def test_no_child_yet_is_no_child():
    r = reading(
        "총급여 6,500만, 어머니(71세, 소득 없음) 모시고 살아요. 남편은 따로 연말정산하고 아이는 아직 없어요. 결정세액?"
    )
    assert not r.inputs.get("children") and r.inputs.get("dependents") == 1


def test_professional_shorthand_and_phone_slips_are_written_out():
    from taxqa.tax.shorthand import plain_abbreviations
    from taxqa.tax.typos import without_slips

    assert plain_abbreviations("양소 얼마? 필경은 1,200, 혼공 1억") == "양도소득세 얼마? 필요경비은 1,200, 혼인공제 1억"
    assert without_slips("예그 1억 잇구요, 경비는 업써요")[0] == "예금 1억 있구요, 경비는 없어요"
    assert without_slips("길을 잇고 잘써요")[0] == "길을 잇고 잘써요"
