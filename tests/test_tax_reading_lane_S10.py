"""Reading causes fixed in lane S (증여세, 연말정산), each tested in wording of its own: a table aligned with spaces
(its age column, its contact column), "N/A" in an intake form, a checklist's boxes left blank, a correction typed in
brackets, a hashtag on a figure, a month span and a part-year total projected to the year, a bare numbered list
explained afterwards, and one going into a brother's dependents."""

from __future__ import annotations

from reading_cases import inputs

from taxqa.tax.layout import spaced_columns
from taxqa.tax.separators import plain_separators


def test_a_space_aligned_table_gives_the_age_of_its_age_column():
    got = inputs(
        "외할머니가 손녀에게 준 돈입니다.\n\n"
        "받는사람   나이   준사람        금액(원)       전화\n"
        "손녀       12     외할머니      60,000,000     010-2231-8876\n\n"
        "손녀 엄마 아빠 모두 생존. 증여세는요?"
    )
    assert got["amount"] == 60_000_000 and got["minor"] is True and got["generation_skip"] is True


def test_a_space_aligned_table_leaves_its_contact_column_out():
    out = spaced_columns("이름    나이   연락처\n김철수    40     010-1234-5678\n이영희    38     ")
    assert "010" not in out and "40세" in out and "38세" in out


def test_not_applicable_in_an_intake_form_is_no_marriage_said():
    got = inputs(
        "[접수]\n- 증여자: 외할아버지\n- 수증자: 손자, 만 13세\n- 혼인·출산공제: N/A\n- 증여액: 현금 9천만원\n"
        "- 부모 생존: Y\n→ 증여세?"
    )
    assert got["minor"] is True and "marriage_birth" not in got


def test_boxes_left_blank_in_a_checklist_are_not_claimed():
    got = inputs(
        "연말정산 점검\n- 총급여: 55,000,000원\n- 배우자: 소득 없음\n- [ ] 한부모  [ ] 부녀자  [ ] 장애인\n"
        "- 원천징수 세액: 1,800,000원\n→ 환급액?"
    )
    assert not got.get("single_parent") and not got.get("woman") and not got.get("disabled")


def test_a_correction_typed_in_brackets_replaces_the_figure_heard():
    got = inputs(
        "엄마 폰으로 대신 적어요. 외삼촌 말고 할아버지가 저(30살)한테 돈 주신대요, 할아버지는 5천이래요 "
        "(근데 통장 보니까 6천이에요 → 6천으로 해주세요). 부모님 다 살아계세요. 증여세 얼마예요?"
    )
    assert got["amount"] == 60_000_000


def test_a_hashtag_on_a_figure_keeps_it_with_its_word():
    got = inputs("신입 😊 #연봉 3600만 국민연금 #162만 건보+고용 #140만 연말정산 결정세액은? #사회초년생")
    assert got["pension"] == 1_620_000 and got["insurance"] == 1_400_000


def test_one_dot_group_is_a_figure_when_the_writer_groups_with_dots():
    assert plain_separators("월 3.500.000 / 누계 215.400") == "월 3,500,000 / 누계 215,400"
    assert plain_separators("세율 6.600 배") == "세율 6.600 배"


def test_a_part_year_total_projected_to_the_year_counts_the_year_alone():
    got = inputs(
        "연말정산 미리보기\n- 총급여 48.000.000\n- 원천징수 소득세 1~4월 누계 301.200 → 연간 예상 903.600\n"
        "→ 추가납부 얼마?"
    )
    assert got["salary"] == 48_000_000 and got["withheld"] == 903_600


def test_a_bare_numbered_list_is_read_where_its_items_are_named():
    got = inputs(
        "1) 5억 2) 2억 3) 2021년 4) 아내. 올해 아내가 보낸 돈이 1번이고, 2번은 같은 아내한테 3번 연도에 받은 "
        "돈이에요. 이번 증여세는?"
    )
    assert got["amount"] == 500_000_000 and got["relation"] == "spouse" and got["prior"] == 200_000_000


def test_one_going_into_a_brothers_dependents_is_not_the_workers_dependent():
    got = inputs(
        "아빠: 나는 너네 형 부양가족으로 들어가니?\n둘째: 아빠는 형이 올려요. 저는 총급여 5,000만원, 배우자(소득 없음)"
        " 있고 원천징수 200만원이에요. 연말정산 환급액은?"
    )
    assert got["dependents"] == 1
