"""Lane D: official and financial documents pasted before a one-line question — a land register's 갑구, a
가족관계증명서, a bank account's history, bookkeeping entries, a 상속재산분할협의서, a tax site's screen, a
원천징수영수증 — read as the facts of the case, their filing marks (순위번호, 접수번호, 주민등록번호, 잔액) never
taken for amounts; and the readers' causes the documents brought out."""

from __future__ import annotations

from taxqa.tax.plain_question import plain_question
from taxqa.tax.reading import read_question

AS_OF = "2026-06-01"


def read(q: str):
    return read_question(q, as_of=AS_OF)


# --- a land register's 갑구 --------------------------------------------------------------------------------

REGISTER = (
    "【 갑 구 】 ( 소유권에 관한 사항 )\n"
    "순위번호 | 등기목적 | 접수 | 등기원인 | 권리자 및 기타사항\n"
    "1 | 소유권보존 | 2003년3월2일 제11111호 | | 소유자 한빛건설주식회사 110111-0******\n"
    "2 | 소유권이전 | 2010년5월6일 제22222호 | 2010년4월1일 매매 | 소유자 박철수 600101-1****** / 거래가액 금210,000,000원\n"
    "3 | 소유권이전 | 2017년9월8일 제33333호 | 2017년8월1일 매매 | 소유자 이영희 700202-2****** / 거래가액 금330,000,000원\n"
)


def test_register_row_the_asker_names_is_the_purchase():
    q = REGISTER + "\n3번이 제 명의예요. 상가라서 비과세는 없고 올해 5억에 팔았어요, 필요경비 1천만 원. 양도세 얼마?"
    reading = read(q)
    assert reading.kind == "transfer"
    assert reading.inputs["acquired"] == 330_000_000
    assert reading.inputs["price"] == 500_000_000
    assert reading.inputs["held_years"] == 8
    text, assumed, _ = plain_question(q, 2026)
    assert "110111" not in text and "22222" not in text and "210,000,000" not in text
    assert any("3번" in a for a in assumed)


def test_register_gift_row_gives_no_earlier_owners_price():
    q = (
        "순위번호 | 등기목적 | 접수 | 등기원인 | 권리자 및 기타사항\n"
        "5 | 소유권이전 | 2012년1월3일 제1234호 | 2011년12월1일 매매 | 소유자 김철 550505-1****** / 거래가액 금300,000,000원\n"
        "6 | 소유권이전 | 2026년3월3일 제5678호 | 2026년2월27일 증여 | 소유자 김하나 900909-2******\n"
        "\n6번 하나가 제 딸이고 아파트 시가 5억으로 신고해요. 딸한테 그냥 넘겼고 전에 준 건 없어요. 딸이 낼 증여세는?"
    )
    reading = read(q)
    assert reading.kind == "gift"
    assert reading.inputs["amount"] == 500_000_000
    assert reading.inputs["relation"] == "lineal_ascendant"


def test_acquisition_tax_rate_asked_is_not_computed_as_gift_tax():
    q = "아버지가 땅을 저한테 넘기셨고 증여세는 이미 신고했어요. 증여로 받으면 취득세율이 몇 %인가요?"
    reading = read(q)
    assert reading.kind is None
    assert any("취득세" in m for m in reading.missing)


# --- a 가족관계증명서 ------------------------------------------------------------------------------------------

CERTIFICATE = (
    "가족관계증명서(일반)\n"
    "구분 | 성명 | 출생연월일 | 주민등록번호 | 성별\n"
    "본인 | 최동훈(사망) | 1965년 03월 04일 | 650304-1****** | 남\n"
    "가족사항\n"
    "배우자 | 문지영 | 1967년 08월 09일 | 670809-2****** | 여\n"
    "자녀 | 최가람 | 1995년 01월 20일 | 950120-2****** | 여\n"
    "자녀 | 최나래 | 2012년 12월 01일 | 121201-4****** | 여\n"
)


def test_certificate_children_and_their_birth_months_are_read():
    q = CERTIFICATE + "\n남편이 올해 2월에 세상을 떠났고 재산은 아파트 9억이 전부예요. 상속세 얼마인가요?"
    reading = read(q)
    assert reading.kind == "inheritance"
    assert reading.inputs["children"] == 2
    assert reading.inputs["minor_children_years"] == [6]
    text, _, _ = plain_question(q, 2026)
    assert "650304" not in text and "121201" not in text


def test_certificate_person_named_by_given_name_is_a_minor():
    q = (
        "구분 | 성명 | 출생연월일 | 주민등록번호 | 성별 | 본\n"
        "본인 | 한서준 | 2014년 05월 05일 | 140505-3****** | 남 | 金海\n"
        "부 | 한민호 | 1982년 02월 02일 | 820202-1****** | 남 | 金海\n"
        "\n서준이 외할머니께서 서준이 통장에 3천만 원을 넣어 주셨어요. 전에 받은 건 없어요. 서준이 증여세는?"
    )
    reading = read(q)
    assert reading.inputs.get("minor") is True
    assert not any("한자" in u for u in reading.ambiguous)


# --- a bank account's history ---------------------------------------------------------------------------------


def test_account_history_balance_is_never_the_gift():
    q = (
        "거래일시 | 적요 | 출금 | 입금 | 잔액 | 메모\n"
        "2026.03.02 | 급여 | | 2,800,000 | 5,100,000 |\n"
        "2026.03.09 | 홍길자 | | 60,000,000 | 65,100,000 | 엄마\n"
        "2026.03.10 | 카드대금 | 900,000 | | 64,200,000 |\n"
        "\n서른다섯 직장인이고 엄마가 보내 준 6천만 원 말고는 10년 동안 받은 게 없어요. 증여세 얼마예요?"
    )
    reading = read(q)
    assert reading.kind == "gift"
    assert reading.inputs["amount"] == 60_000_000
    text, _, _ = plain_question(q, 2026)
    assert "65,100,000" not in text


def test_living_money_named_after_a_monthly_amount_is_set_aside():
    q = "딸이 이사 비용 보태라고 제 통장으로 5천만 원을 보냈어요(매달 30만 원은 생활비로 받는 용돈이고). 증여세는?"
    reading = read(q)
    assert reading.inputs["amount"] == 50_000_000
    assert not any("기간마다의 금액" in m for m in reading.missing)


def test_earlier_gifts_of_unknown_sums_are_asked_for():
    q = "스물일곱이고 아버지가 몇천씩 보내주신 게 여러 번인데 언제 얼마였는지 기억이 안 나요. 이번 5천만 원 증여세는?"
    reading = read(q)
    assert any("10년" in m for m in reading.missing)


def test_earlier_gift_before_a_dash_stays_earlier():
    q = "아들한테 아파트를 넘겼고 시가 4억이에요, 아들한테는 2020년에 제가 3천만 원 준 적 있어요 — 이번에 아들이 낼 증여세는?"
    reading = read(q)
    assert reading.inputs["amount"] == 400_000_000
    assert reading.inputs["prior"] == 30_000_000


# --- bookkeeping entries ---------------------------------------------------------------------------------------

ENTRIES = (
    "구분 | 차변 계정과목 | 금액 | 대변 계정과목 | 금액 | 적요\n"
    "1 | 외상매출금 | 110,000,000 | 제품매출 | 100,000,000 | 세금계산서 발행\n"
    "  |           |             | 부가세예수금 | 10,000,000 |\n"
    "2 | 카드미수금 | 22,000,000 | 제품매출 | 20,000,000 | 카드결제분\n"
    "  |           |            | 부가세예수금 | 2,000,000 |\n"
    "3 | 원재료 | 40,000,000 | 외상매입금 | 44,000,000 | 세금계산서 수취\n"
    "  | 부가세대급금 | 4,000,000 | | |\n"
    "4 | 급여 | 9,000,000 | 보통예금 | 9,000,000 | 직원\n"
)


def test_entries_read_as_a_vat_return():
    reading = read(ENTRIES + "\n개인 일반과세자인데 이번 기 부가세 얼마예요?")
    assert reading.kind == "vat"
    assert reading.inputs["sales"] == 120_000_000
    assert reading.inputs["purchases"] == 40_000_000
    assert reading.inputs["card_sales"] == 22_000_000


def test_entries_beside_a_stated_base_are_left_out():
    q = (
        "2026-02-01 | (차) 보통예금 30,000,000 | (대) 자본금 30,000,000 | 설립\n"
        "2026-03-31 | (차) 손익 90,000,000 | (대) 이월이익잉여금 90,000,000 | 순이익 대체\n"
        "\n과세표준이 8천만 원 나왔어요, 중소기업 아니고 12개월 사업연도예요. 법인세 산출세액은?"
    )
    reading = read(q)
    assert reading.kind == "corporate"
    assert reading.inputs["base"] == 80_000_000


# --- a 상속재산분할협의서 --------------------------------------------------------------------------------------


def test_partition_deed_estate_debts_and_spouse_share():
    q = (
        "상속재산분할협의서\n"
        "상속인 : 배우자 김순자, 장녀 이수민, 차남 이도현\n"
        "제1조 상속인 김순자는 ○○아파트 (시가 8억원)를 취득한다.\n"
        "제2조 상속인 이수민은 ○○은행 예금 2억원을 취득한다.\n"
        "제3조 상속인 이도현은 토지 (감정가액 3억원)를 취득한다.\n"
        "제4조 상속인 김순자는 피상속인의 은행 대출 채무 1억원을 승계한다.\n"
        "2026년 4월 1일\n"
        "\n장례비는 500만 원 들었고 다른 재산은 없어요. 상속세 얼마예요?"
    )
    reading = read(q)
    assert reading.kind == "inheritance"
    assert reading.inputs["estate"] == 1_195_000_000
    assert reading.inputs["spouse_inherits"] == 700_000_000
    assert reading.inputs["children"] == 2


# --- a tax site's screen ---------------------------------------------------------------------------------------


def test_screen_day_looked_at_dates_a_payment_made_today():
    q = (
        "홈택스 > 신고내역 조회\n"
        "조회일시 : 2026-04-10 09:00:00\n"
        "세목 : 부가가치세\n"
        "접수번호 : 111-2026-1-2222****\n"
        "납부기한 : 2026-03-31\n"
        "납부할 세액 : 2,000,000\n"
        "\n신고는 했는데 납부를 못 했어요. 오늘 바로 납부하면 가산세는?"
    )
    reading = read(q)
    assert reading.kind == "penalty"
    assert reading.inputs["days"] == 10
    assert reading.inputs["tax"] == 2_000_000


def test_screen_corrected_return_takes_the_added_tax():
    q = (
        "홈택스 > 신고내역 조회\n"
        "조회일시 : 2026-02-15 10:00:00\n"
        "신고구분 : 수정신고\n"
        "법정신고기한 : 2025-06-02\n"
        "당초 신고 납부세액 : 3,000,000\n"
        "수정신고 납부세액 : 3,500,000\n"
        "추가 납부할 세액 : 500,000\n"
        "\n오늘 수정신고하면서 추가세액도 오늘 냈어요, 부정행위 아님. 과소신고가산세랑 납부지연가산세 합계는?"
    )
    reading = read(q)
    assert reading.inputs["tax"] == 500_000
    assert reading.inputs["months_late"] == 9
    assert reading.inputs["days"] == 258


# --- a 원천징수영수증 and the 연말정산 reader -------------------------------------------------------------------


def test_withholding_receipt_is_a_form_and_its_bracketed_line_is_a_reference():
    q = (
        "[근로소득 원천징수영수증]\n"
        "⑯ 계 50,000,000\n"
        "㉑ 총급여(⑯) 50,000,000\n"
        "(73) 결정세액 2,000,000\n"
        "(77) 차감징수세액 -150,000\n"
        "\n미혼이고 부양가족 없어요. 결정세액 다시 계산하면?"
    )
    reading = read(q)
    assert reading.inputs["salary"] == 50_000_000
    assert not any("음수" in m for m in reading.missing)


def test_single_woman_head_of_household_with_an_old_parent():
    q = (
        "총급여 3,600만 원이고 저는 미혼 여성이고 세대주예요, 아버지(1950년 3월생, 소득 없음)를 모시고 살아요. "
        "다른 공제는 없다 치면 결정세액은?"
    )
    reading = read(q)
    assert reading.inputs["woman"] is True
    assert reading.inputs["elderly"] == 1


def test_pay_changed_this_year_without_a_figure_is_asked():
    q = "작년 총급여는 5천만 원이었는데 올해 연봉이 많이 올랐어요. 올해 결정세액은 얼마쯤?"
    reading = read(q)
    assert any("총급여" in m for m in reading.missing)


# --- the transfer and inheritance readers --------------------------------------------------------------------


def test_lived_from_a_move_in_not_from_the_purchase():
    q = (
        "2014년 3월에 집을 6억에 샀고 2019년 2월에 전입해서 지금까지 쭉 살고 있어요, 1주택이고 이번에 "
        "15억에 팔아요. 필요경비 2천만 원. 양도세는?"
    )
    reading = read(q)
    assert reading.inputs["held_years"] == 12
    assert reading.inputs["resided_years"] == 7


def test_costs_summed_by_the_asker_are_the_expenses():
    q = "2018년에 땅을 2억에 샀고 올해 3억에 팔아요. 취득세 900만 원이랑 중개수수료 합쳐 필요경비 1,200만 원이에요. 양도세?"
    reading = read(q)
    assert reading.inputs["expenses"] == 12_000_000


def test_deposits_summed_are_a_part_of_the_estate():
    q = "아버지가 돌아가셨고 재산은 아파트 7억, 예금·적금 합쳐 1억 5천이 전부예요. 어머니 계시고 자녀는 저 하나. 상속세?"
    reading = read(q)
    assert reading.inputs["estate"] == 850_000_000
    assert reading.inputs["financial"] == 150_000_000


def test_account_rows_pointed_at_are_the_gift():
    q = (
        "거래일시 | 적요 | 출금 | 입금 | 잔액 | 메모\n"
        "2026.01.05 | 관리비 | 120,000 | | 3,000,000 |\n"
        "2026.01.12 | 정미숙 | | 50,000,000 | 53,000,000 | 엄마 보탬\n"
        "2026.01.13 | 김태수 | | 30,000,000 | 83,000,000 | 아빠 보탬\n"
        "\n서른셋이고 위에 엄마 아빠 보낸 거 말고 10년 동안 받은 건 없어요. 증여세 얼마예요?"
    )
    reading = read(q)
    assert reading.kind == "gift"
    assert reading.inputs["amount"] == 80_000_000
    text, _, _ = plain_question(q, 2026)
    assert "83,000,000" not in text and "120,000" not in text
