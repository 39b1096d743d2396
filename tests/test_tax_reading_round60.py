"""Round 60 (set 77's misses at their rules): a month said relative to the question's date, a winter by its
year, a half year said apart, a period answered to a question for it, a spouse who earns, ages in words from
열, and a Jeju kin word at a sentence's start."""

from __future__ import annotations

from taxqa.tax.fields import field_answers
from taxqa.tax.reading import ask
from taxqa.tax.spoken_time import dated_months, plain_spans, season_months

AS_OF = "2026-06-01"


def test_month_said_relative_to_the_question_date():
    assert dated_months("지난달 4억에 팔림", AS_OF) == "2026년 5월 4억에 팔림"
    assert dated_months("지지난달에 양도", "2026-01-15") == "2025년 11월에 양도"
    assert dated_months("지난달 월급 400", AS_OF) == "지난달 월급 400"  # no sale or leaving: not a date
    a = ask("2018년 12월에 3억4천에 산 빌라, 지난달 4억에 팔림. 다른 집 있음. 양도세?", as_of=AS_OF)
    assert a["result"]["inputs"]["held_years"] == 7


def test_winter_of_a_year_is_its_december():
    assert season_months("2018년 겨울에 산 빌라") == "2018년 12월에 산 빌라"
    a = ask("2018년 겨울에 3억4천에 산 빌라, 2026년 5월 4억에 팔림. 다른 집 있음. 양도세?", as_of=AS_OF)
    assert a["result"]["inputs"]["held_years"] == 7


def test_half_year_said_apart_and_years_with_months_held():
    assert plain_spans("7년 하고 반년 보유") == "7년 6개월 보유"
    a = ask("7년 하고 반년 보유한 아파트 매수가 2억 9천, 매도가 4억 1천. 다주택. 양도세?", as_of=AS_OF)
    assert a["result"]["inputs"]["held_years"] == 7  # the months are no whole year, and not 0 years


def test_a_span_answering_a_question_for_a_period():
    assert "보유 7년" in field_answers("챗봇: 보유 기간을 알려주세요 / 사용자: 7년 정도요")
    assert field_answers("근속연수 10.5년, 퇴직금 7천만원") == "근속연수 10.5년, 퇴직금 7천만원"
    a = ask("상담원: 근속 기간이 어떻게 되세요? 고객: 12년이요. 퇴직금 8천", as_of=AS_OF)
    assert a["result"]["inputs"]["years"] == 12


def test_a_spouse_who_earns_is_no_dependent():
    q = "저는 교사 월급이 세전 420씩 나오고 남편이랑 애 둘(11살, 8살) 있어요. 남편도 벌어요. 결정세액?"
    assert ask(q, as_of=AS_OF)["result"]["inputs"]["dependents"] == 2
    q = "월급 420, 남편이랑 애 둘(11살, 8살) 있어요. 남편은 벌이가 없어요. 결정세액?"
    assert ask(q, as_of=AS_OF)["result"]["inputs"]["dependents"] == 3


def test_children_ages_in_words_from_ten():
    a = ask("연봉 5천, 와이프 소득 없고 애들은 열 살, 일곱 살이에요. 결정세액?", as_of=AS_OF)
    assert a["result"]["inputs"]["dependents"] == 3 and a["result"]["inputs"]["children"] == 1
    assert not a["ambiguous"]


def test_jeju_mother_at_a_sentence_start():
    a = ask("어멍이 나신디 오천만원 줘수다. 증여세 얼마우꽈?", as_of=AS_OF)
    assert a["kind"] == "gift" and a["result"]["inputs"]["relation"] == "lineal_ascendant"
