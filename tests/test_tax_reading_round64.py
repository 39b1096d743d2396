"""Round 64 (set 81's misses at their rules, and a net on amounts said of someone else): a gift amount said of a
person addressed or a sibling as the topic, with a receiving verb; a relative's "내가" in a chat turn, a company
founded "올해 7월 1일", an officetel used as an office, a wedding toast, the 혼인공제 from a grandparent, 모친 and 어머니
as one person, a leaving day said "이번 달 15일이 마지막 근무일", "딱 8년 3개월이요", a disabled child in brackets, and a
Canadian-dollar rate."""

from __future__ import annotations

from taxqa.tax.people_nets import flag_said_of_another
from taxqa.tax.reading import ask, read_question

AS_OF = "2026-06-01"


def result(q: str) -> dict:
    return ask(q, as_of=AS_OF)["result"]


def test_the_net_flags_an_amount_said_of_someone_else_and_placed():
    q = "[우리집 단톡] 큰누나: 엄마가 나한테 1억 줬어 / 막내: 나는? / 큰누나: 너는 작년에 3천 받았잖아 / 나: 누나 증여세?"
    assert any("'너는'" in x for x in ask(q, as_of=AS_OF)["ambiguous"])


def test_the_net_is_silent_for_the_giver_named_as_subject():
    reading = read_question("친구가 2천만원을 그냥 줬어요(빌린 거 아님). 증여세 얼마?", as_of=AS_OF)
    before = list(reading.ambiguous)
    flag_said_of_another(reading)  # "친구가" gives: the asker received it
    assert reading.ambiguous == before


def test_a_relatives_i_in_a_chat_turn_is_that_relative():
    q = "[가족 단톡] 아빠: 내가 너희 엄마한테 5억 넘겨줄 생각이다 / 나: 아빠 그럼 엄마 세금은? / 아빠: 10년 내 준 건 없어"
    assert result(q)["inputs"]["relation"] == "spouse" and result(q)["payable"] == 0


def test_a_company_founded_this_year_by_its_day():
    r = result("올해 7월 1일에 법인 세웠고 12월 결산이에요. 첫 사업연도 과세표준 1억 2천 예상합니다. 법인세 산출세액?")
    assert r["inputs"]["months"] == 6 and r["computed_tax"] == 14_000_000


def test_an_officetel_used_as_an_office_is_no_house():
    r = result("작년 3월에 2억 9천에 산 오피스텔을 올해 2월에 3억 3천에 팔았어요. 주거용 아니고 업무용이에요")
    assert r["inputs"]["asset"] == "land" and r["payable"] == 18_750_000


def test_a_wedding_toast_and_a_grandparents_wedding_gift_take_the_marriage_deduction():
    r = result(
        "신랑 아버님께서 신혼집 마련에 보태라고 3억을 주신다고 하셨습니다! 신랑은 서른넷, 첫 증여랍니다. 증여세는?"
    )
    assert r["inputs"]["marriage_birth"] == 100_000_000 and r["payable"] == 19_400_000
    r = result(
        "오늘 결혼하는 신부에게 외할머니께서 2억을 주셨습니다. 신부 어머니는 살아 계시고요, 신부는 29살입니다. 증여세는?"
    )
    assert r["inputs"]["generation_skip"] is True and r["payable"] == 6_305_000  # 직계존속: grandparents too


def test_one_mother_in_two_words_is_no_surviving_spouse():
    q = "지난달 모친상 치렀습니다. 부친은 10년 전 작고하셨고 저희 남매 셋이 상속합니다. 어머니 명의 재산은 아파트 9억, 예금 2억입니다. 상속세?"
    r = result(q)
    assert not r["inputs"]["spouse"] and r["payable"] == 104_760_000


def test_service_said_in_an_interview():
    assert result("면담자: 근속 기간은요? 퇴사자: 딱 8년 3개월이요. 퇴직금 6,300만원. 세금?")["inputs"]["years"] == 9
    r = result("퇴사자: 2011.3.2 입사했고 이번 달 15일이 마지막 근무일입니다. 퇴직금 1억 800만원. 세금 알려주세요")
    assert r["inputs"]["years"] == 16


def test_a_disabled_child_in_brackets_and_a_canadian_dollar_rate():
    assert result("연봉 6천, 아내 소득 없음, 아들 하나(7살, 장애인 등록). 결정세액?")["inputs"]["disabled"] == 1
    r = result("캐나다 사는 삼촌이 10만 캐나다달러를 보내줬어요. 1캐나다달러 = 1,000원으로 계산해 주세요. 증여세?")
    assert r["inputs"]["amount"] == 100_000_000 and r["payable"] == 8_730_000
