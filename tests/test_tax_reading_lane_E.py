"""Reading causes fixed in lane E, each tested in wording of its own: times anchored on well-known events ("서울
올림픽 하던 해", "외환위기 터진 이듬해", "코로나 터진 해"), holidays fixed in the calendar ("어린이날"), 설 and
추석 of a known year, "작년 연말", "올가을", "입사 N년차", a spouse settled by their own employer, and a year of
the asker's own life, which is asked, never guessed."""

from __future__ import annotations

from reading_cases import inputs, reading

from taxqa.tax.event_years import event_dates


def test_an_event_year_and_its_season_are_written_as_digits():
    text, assumed, doubts = event_dates("브라질 월드컵 하던 해 가을에 산 땅", 2026)
    assert "2014년 가을" in text and assumed and not doubts


def test_the_year_after_an_event_and_the_same_year_again():
    text, _, _ = event_dates("외환위기 터진 이듬해, 그해 겨울에 샀어요", 2026)
    assert text.count("1998년") == 2


def test_an_event_said_twice_for_one_year_writes_it_once():
    text, _, _ = event_dates("리우 올림픽 끝나고 이사했는데, 그해 여름 리우 올림픽 할 때 받았어요", 2026)
    assert text.count("2016년") == 1


def test_a_fixed_holiday_is_its_date():
    text, _, _ = event_dates("어린이날(5월 5일)에 수정신고 했어요", 2026)
    assert "5월 5일에 수정신고" in text


def test_a_lunar_holiday_of_a_known_year_is_its_month_said_as_assumed():
    text, assumed, _ = event_dates("작년 추석 지나고 팔았어요", 2026)
    assert "2025년 10월" in text and any("음력" in a for a in assumed)


def test_a_lunar_holiday_of_a_year_not_in_the_table_is_left_unread():
    text, assumed, _ = event_dates("2005년 설 지나고 샀어요", 2026)
    assert "설 지나고" in text and "2005년 " in text and not assumed


def test_an_event_of_the_askers_own_life_is_asked():
    _, _, doubts = event_dates("막내 백일잔치 하던 해에 받은 돈이 있어요", 2026)
    assert doubts and "알려" in doubts[0]


def test_years_since_an_olympics_are_held_years():
    got = inputs(
        "베이징 올림픽 하던 해 봄에 2억 5천에 산 상가 건물을 작년 연말에 9억에 팔았어요. 경비는 1천 들었고요. 양도세는?"
    )
    assert got["held_years"] == 17


def test_a_retiree_in_his_nth_year_has_n_years_of_service():
    got = inputs("입사 21년차에 올해 3월 말로 회사를 나왔어요. 퇴직금 2억 1천 받았는데 퇴직소득세는요?")
    assert got["years"] == 21


def test_a_spouse_settled_at_their_own_company_is_no_dependent():
    got = inputs(
        "작년 총급여 5,100만 원이에요. 초등학생 딸 둘 다 제가 공제받고 아내는 본인 회사에서 따로 해요. "
        "국민연금 230만, 건강·고용보험 210만 냈어요. 기납부세액 150만 원이면 환급인가요?"
    )
    assert got["dependents"] == 2


def test_a_gift_in_a_year_only_the_asker_knows_is_asked():
    r = reading("둘째 돌잔치 하던 해에 아버지가 3천을 주셨고, 이번에 또 7천을 주신대요. 증여세 얼마예요?")
    assert any("10년" in d for d in r.ambiguous + r.missing)


def test_a_correction_on_a_holiday_counts_from_the_corporate_due_date():
    got = inputs(
        "12월 결산 법인입니다. 3월 법인세 신고 뒤 비용 과다계상을 찾아 현충일에 수정신고하고 덜 낸 300만 원도 "
        "그날 냈습니다. 부정행위는 아니에요. 과소신고가산세와 납부지연가산세는요?"
    )
    assert got["days"] == 67 and got["months_late"] == 3


def test_a_company_founded_in_the_month_of_seollal_has_a_short_first_year():
    got = inputs("올해 설 연휴 끝나고 그달 중에 차린 법인이고 12월 결산이에요. 첫 사업연도 과세표준 1억 8천, 법인세는?")
    assert got["months"] == 11  # 설 2026 falls on 17 February: February to December


def test_a_tax_year_named_by_an_event_gives_the_limitation_date():
    r = reading("코로나 터진 해 귀속 종합소득세를 신고하지 않았어요. 부정행위는 없고요. 부과제척기간 만료일은?")
    assert r.inputs.get("due_date") == "2021-05-31"


def test_years_lived_since_a_date_said_before_the_living():
    got = inputs(
        "2005년 3월에 4억에 사 두고 세를 줬다가 2019년 6월에 들어가서 그때부터 그 집에 살다가 올해 2026년 4월에 "
        "16억에 팔았어요. 1세대 1주택입니다. 양도세는?"
    )
    assert got["held_years"] == 21 and got["resided_years"] == 6


def test_years_lived_that_the_asker_still_has_to_work_out_are_asked():
    r = reading(
        "2015년에 6억에 산 아파트를 올가을 15억에 팔 생각이에요. 1주택이고요. 출장이 잦아서 얼마나 살았는지 "
        "기억이 안 나요. 양도세는?"
    )
    assert any("거주" in m for m in r.missing)


def test_a_parent_in_law_cared_for_since_a_holiday_is_a_dependent():
    got = inputs(
        "총급여 5,800만이고 아내는 소득 없어요. 작년 설 쇠고부터 모시는 장인어른이 올해 일흔둘(소득 없음)입니다. "
        "국민연금 260만, 건강·고용보험 230만, 기납부세액 280만. 연말정산 결과는?"
    )
    assert got["dependents"] == 2 and got["elderly"] == 1


def test_the_year_end_settlement_is_no_date():
    text, _, _ = event_dates("올해 연말정산에서 환급 받을까요? 작년 연말에 이직했어요", 2026)
    assert "연말정산" in text and "2025년 12월" in text
