"""Reading questions in wording the reader was not written against (tests/data/reading_unseen*.json,
scored by bench/bench_unseen.py): the figure right for >= 95% of the computable questions, no figure
given unflagged where it is wrong or a fact is lacking, the lacking fact asked for in >= 90%."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from taxqa.tax.reading import ask, read_question

ROOT = Path(__file__).resolve().parents[1]
SETS = sorted((ROOT / "tests" / "data").glob("reading_unseen*.json"))


def load_scorer():
    spec = importlib.util.spec_from_file_location("bench_unseen", ROOT / "bench" / "bench_unseen.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_sets_are_well_formed():
    assert SETS
    cases = [c for path in SETS for c in json.loads(path.read_text(encoding="utf-8"))["cases"]]
    assert len(cases) >= 100
    for c in cases:
        assert c["q"] and "tax_name" in c and ("flag" in c) != ("expected" in c), c["q"]
    kinds = {c["kind"] for c in cases}
    assert {"gift", "inheritance", "income", "wage", "salary", "vat", "vat-simple", "transfer", "corporate",
            "penalty", "retirement", None} <= kinds  # fmt: skip


@pytest.mark.parametrize("path", SETS, ids=[p.name for p in SETS])
def test_goals_on_unseen_wording(path):
    if json.loads(path.read_text(encoding="utf-8")).get("scored_once"):
        pytest.skip("a set kept as written and scored once before any fix (BENCHMARKS.md section 13)")
    s = load_scorer().score(path)
    misses = [r for r in s["rows"] if r["wrong_unflagged"] or r.get("right") is False or r.get("asked") is False]
    assert s["wrong_unflagged"] == 0, misses
    assert s["right"] >= 0.95 * s["computable"], misses
    assert s["asked"] >= 0.90 * s["lacking"], misses


def test_nets_flag_what_a_sentence_rule_got_wrong():
    from taxqa.tax.nets import flag_uncovered_numbers

    a = ask("아버지가 저한테 1억, 누나한테 2억 줬어요. 증여세 각각 얼마예요?", as_of="2026-06-01")
    assert any("누가 얼마를" in x for x in a["ambiguous"])
    a = ask("아까 말씀드린 조건에서 매출만 2억으로 바꾸면 부가세는?", as_of="2026-06-01")
    assert any("앞의 질문" in x for x in a["ambiguous"])
    a = ask("아까 질문 말고요, 새로: 아버지께 7천만원 증여받음. 증여세?", as_of="2026-06-01")
    assert not a["ambiguous"] and not a["missing"]
    reading = read_question("배우자한테 팔억 증여하면 세금 나오나요?", as_of="2026-06-01")
    assert not reading.ambiguous
    flag_uncovered_numbers(reading, [])  # as if no mention had covered '팔억'
    assert any("팔억" in x for x in reading.ambiguous)


def test_nets_for_signs_multipliers_and_counts():
    from taxqa.tax.nets import flag_arithmetic, flag_multipliers, flag_unplaced_counts

    reading = read_question("매출 1억 + 현금매출 2천, 매입 7천. 부가세?", as_of="2026-06-01")
    assert reading.inputs["sales"] == 120_000_000 and not reading.ambiguous
    reading.inputs["sales"] = 100_000_000  # as if the "+" had not been read
    flag_arithmetic(reading, reading.mentions)
    assert any("1억 + 현금매출 2천" in x for x in reading.ambiguous)
    reading = read_question("매출 2억 반반 나눠서 동업, 매입 1억. 부가세?", as_of="2026-06-01")
    assert any("반반" in x for x in reading.ambiguous)  # a partner's half or the whole business: asked
    reading.ambiguous.clear()
    flag_multipliers(reading, reading.mentions)
    assert any("반반" in x for x in reading.ambiguous)
    reading = read_question(
        "아버지 돌아가심, 상속재산 20억, 상속인은 어머니와 3남매 그리고 할머니 1명. 상속세?", as_of="2026-06-01"
    )
    flag_unplaced_counts(reading, reading.mentions)
    assert any("1명" in x for x in reading.ambiguous)
    for q in (
        "엄마 아빠가 합쳐서 1억 주시면 증여세?",
        "자녀 3명이 아버지 유산 40억원을 나눠 받습니다. 어머니는 먼저 돌아가셨어요. 상속세는?",
    ):
        assert not read_question(q, as_of="2026-06-01").ambiguous, q


def test_said_outright_wins_over_a_relation_word():
    r = read_question("제 아들이 연봉 3,600이래요. 부양가족 없고요. 아들 연말정산 결정세액", as_of="2026-06-01")
    assert "children" not in r.inputs and not r.ambiguous
    r = read_question("피상속인 배우자 없음, 자녀 1명, 상속재산 4억. 상속세?", as_of="2026-06-01")
    assert "spouse" not in r.inputs and not r.ambiguous


def test_net_for_kin_words_no_person_covers():
    from taxqa.tax.nets import flag_unread_people, kin_words

    # kiwipiepy's morpheme boundaries: 장인 inside 직장인 and 법인 is no kinship word, a split-off prefix joins back
    assert kin_words("직장인 A씨, 법인 대표") == []
    assert [w for _, _, w in kin_words("시엄마가 5천 주셨어요")] == ["시엄마"]
    from taxqa.tax.family import mentions

    assert [m.words for m in mentions("학부모입니다. 고2 아들 이름으로")] == ["아들"]  # not 부모 inside 학부모
    reading = read_question("큰엄마가 2천 주심 증여세", as_of="2026-06-01")
    assert reading.inputs["relation"] == "other_relative" and not reading.ambiguous
    people = [m for m in reading.mentions if m.type != "person"]  # as if no person mention had covered 큰엄마
    flag_unread_people(reading, people)
    assert any("'큰엄마'" in x for x in reading.ambiguous)
    reading = read_question("남편 사망. 남은 가족: 저(처), 아들, 딸. 유산 12억. 상속세?", as_of="2026-06-01")
    assert not reading.ambiguous  # "(처)": an aside restating the asker, not a person left unread


def test_negated_fact_words_are_read_as_negated():
    """A fact word whose clause negates it (없다/아니다/안/못/않다, "해당 없음", "×") is no fact,
    and a negated word whose input came out as present is flagged."""
    from taxqa.tax.nets import flag_negated_inputs

    as_of = "2026-06-01"
    assert read_question("연봉 5,000만원, 남편은 소득이 전혀 없어요. 결정세액?", as_of).inputs.get("dependents") == 1
    assert not read_question("연봉 5,000만원, 남편은 소득이 있어요. 결정세액?", as_of).inputs.get("dependents")
    for q in ("무신고 세액 500만원, 부정행위는 해당 없음. 가산세?", "과소신고 세액 300만원, 사기나 이중장부 같은 건 없었어요. 가산세?",
              "무신고 세액 500만원, 부정행위: ×. 가산세?"):  # fmt: skip
        assert not read_question(q, as_of).inputs.get("fraud"), q
    assert read_question("과소신고 세액 300만원, 이중장부로 숨겼어요. 가산세?", as_of).inputs.get("fraud")
    limitation = read_question("2020년 귀속 종합소득세 신고 안 함, 부정행위는 아님. 제척기간?", as_of)
    assert limitation.inputs["case"] == "no-return"
    reading = read_question("무신고 세액 500만원, 부정행위 ×. 가산세?", as_of)
    assert not reading.ambiguous
    reading.inputs["fraud"] = True  # as if a sentence rule had taken the word as said
    flag_negated_inputs(reading, reading.mentions)
    assert any("부정행위 ×" in x for x in reading.ambiguous)


def test_field_answers_adverbs_and_double_negations():
    """A field or a question answered no ("장애인 여부: N", "Q. … 있나요?\\nA. 아니요", "✗", "🙅") is a
    negated clause; an adverb between a noun and 안 leaves it negated; a negation said to be no negation
    ("없는 건 아니고") cancels; "이전 답변" refers back."""
    from taxqa.tax.fields import field_answers
    from taxqa.tax.mentions import tokens
    from taxqa.tax.negation import negated_match, negation_mentions, present

    as_of = "2026-06-01"
    assert field_answers("장애인 여부: N\n보유: 3년") == "장애인 없음\n보유: 3년"
    assert field_answers("거주자: O\n비과세 대상: 아니오") == "거주자: O\n비과세 대상 아님"
    assert field_answers("Q. 남편 수입 있나요?\nA. 아니요") == "남편 수입 없음"
    assert field_answers("신고는 하셨나요? A. 아뇨") == "신고 안 함"
    assert field_answers("허위 기재 같은 건 전혀 ❌") == "허위 기재 같은 건 전혀 없음"
    wage = "연봉 6,000만원\n배우자 기본공제: N\n결정세액?"
    assert not read_question(wage, as_of).inputs.get("dependents")
    penalty = "무신고 세액 400만원\n차명계좌 사용: X\n가산세?"
    assert not read_question(penalty, as_of).inputs.get("fraud")
    text = "세금 신고를 그냥 전혀 안 했습니다"
    assert negated_match("신고", text)
    text = "사기가 없었던 건 아니고 장부도 고쳤어요"
    assert present("사기", text, negation_mentions(text, tokens(text)))
    text = "남편이 벌이가 없는 건 아니에요"
    assert not negated_match("벌이", text)
    ask_again = ask("이전 답변에서 양도가액만 9억으로 하면 양도세는?", as_of=as_of)
    assert any("앞의 질문" in x for x in ask_again["ambiguous"])


def test_form_answers_wherever_written():
    from taxqa.tax.fields import answer_words

    assert ": 없음" in answer_words("부양가족 (있음 / 없음✓)")
    assert ": 예" in answer_words("배우자 생존 (✔예 | 아니오)")
    assert "택" not in answer_words("자녀 있나요? (예/아니오 중 택1) 예")
    assert answer_words("3. 보유기간 ➡ 4년").startswith("보유기간: 4년")
    assert "25년" in answer_words("근속 스물다섯 해 동안")
    assert "자녀 2명" in answer_words("Children: 2") and "자녀 4명" in answer_words("four of us siblings")
    assert "배우자 생존" in answer_words("Wife alive? yes") and "자녀 3명" in answer_words("아버지랑 우리 셋")
    a = ask("아버지 떠나시고 남은 재산 12억. 어머니와 우리 둘. 상속세?", as_of="2026-06-01")
    assert a["result"]["inputs"]["spouse"] and a["result"]["inputs"]["children"] == 2


def test_a_question_mark_ends_a_clause_before_a_field_answer():
    """A no right after an earlier question ("… 얼마예요? 혼인 공제 대상? No") answers that field."""
    from taxqa.tax.fields import field_answers

    assert field_answers("세금 얼마예요? 장애인 여부? 아니요") == "세금 얼마예요? 장애인 없음"
    gift = ask("아들한테 1억 5천 주면 증여세 얼마예요? 혼인·출산 2년 이내? No", as_of="2026-06-01")
    assert not gift["result"]["inputs"]["marriage_birth"]


def test_misread_nets_flag_a_family_the_rule_read_wrong():
    from taxqa.tax.misread_nets import flag_family_uncounted, flag_spouse_among_dead

    q = "연봉 7천, 와이프 전업주부, 중학생 아들 하나, 초등학생 딸 하나. 결정세액 얼마 나오나요"
    reading = read_question(q, as_of="2026-06-01")
    assert reading.inputs["dependents"] == 3 and reading.inputs["children"] == 2 and not reading.ambiguous
    reading.inputs["dependents"] = 2  # as a rule that took the two children for one would read it
    flag_family_uncounted(reading)
    assert any("부양가족 2명" in x for x in reading.ambiguous)
    q = "어머니는 3년 전에 돌아가셨고 올해 아버지마저… 저희 남매 셋이 상속받습니다. 재산은 16억. 상속세?"
    reading = read_question(q, as_of="2026-06-01")
    assert not reading.inputs.get("spouse")
    reading.inputs["spouse"] = True  # as a rule that took the mother who died first as the survivor
    flag_spouse_among_dead(reading)
    assert any("배우자" in x for x in reading.ambiguous)
    # one death, the asker the survivor: nothing to flag
    a = ask("남편이 작년에 갑자기 하늘나라 갔어요. 재산은 12억이고 애들 셋(다 성인)이에요. 상속세?", as_of="2026-06-01")
    assert not any("돌아가신 분이 둘" in x for x in a["ambiguous"])


def test_misread_nets_flag_a_spouse_counted_who_should_not_be():
    from taxqa.tax.misread_nets import flag_spouse_overcounted
    from taxqa.tax.reading import Fact

    q = "빵집 직원인데요 연봉 2,800이고 남편은 회사원이에요. 애 둘(10살, 6살)은 제가 공제 받아요. 제 결정세액?"
    reading = read_question(q, as_of="2026-06-01")
    assert reading.inputs["dependents"] == 2 and not reading.ambiguous
    reading.facts.append(Fact("spouse", True, "남편"))  # as a rule that missed the husband's job would read it
    flag_spouse_overcounted(reading)
    assert any("배우자 소득" in x for x in reading.ambiguous)
    q = "어머니가 혼자 계시다가 돌아가셨습니다. 아버지는 제가 어릴 때 이혼하셨고요. 상속인은 저랑 누나. 재산 11억. 상속세?"
    reading = read_question(q, as_of="2026-06-01")
    assert not reading.inputs.get("spouse") and not reading.ambiguous
    reading.inputs["spouse"] = True  # as a rule that took the divorced father for the surviving spouse
    flag_spouse_overcounted(reading)
    assert any("이혼" in x for x in reading.ambiguous)


def test_net_for_a_gift_read_as_someone_elses():
    from taxqa.tax.misread_nets import flag_gift_to_someone_else

    reading = read_question("장인어른이 저한테 5천, 와이프한테 5천 따로 주셨어요. 제 몫 증여세만요", as_of="2026-06-01")
    assert reading.inputs["relation"] == "other_relative" and not reading.ambiguous
    fact = next(f for f in reading.facts if f.name == "relation")
    fact.words = "장인어른 → 와이프"  # as if the wife had been taken for the receiver
    flag_gift_to_someone_else(reading)
    assert any("저한테" in x and "와이프" in x for x in reading.ambiguous)
    reading = read_question("시어머니께서 제 남편에게 1억 주셨어요. 증여세?", as_of="2026-06-01")
    assert "→" in next(f.words for f in reading.facts if f.name == "relation")
    assert not reading.ambiguous  # the husband receives, the asker does not: nothing to ask


def test_family_net_counts_children_said_by_their_ages():
    from taxqa.tax.misread_nets import flag_family_uncounted

    q = "아이들은 11살, 7살이고 아내는 전업이에요. 제 연봉 6,000만원. 결정세액?"
    reading = read_question(q, as_of="2026-06-01")
    assert reading.inputs["dependents"] == 3 and not reading.ambiguous
    reading.inputs["dependents"] = 2  # as a rule that missed one of the children or the spouse would read it
    flag_family_uncounted(reading)
    assert any("부양가족 2명" in x for x in reading.ambiguous)


def test_net_for_an_inheritance_whose_decedent_was_not_read():
    q = "아버지가 하늘의 별이 되셨어요. 재산 15억, 어머니랑 저희 형제 둘. 상속세?"  # a death no rule knows
    a = ask(q, as_of="2026-06-01")
    assert any("피상속인" in x and "아버지·어머니" in x for x in a["ambiguous"])
    a = ask("어머니 상속 건이에요. 아버지는 이미 안 계세요. 딸 둘, 재산 9억. 상속세?", as_of="2026-06-01")
    assert not any("피상속인을 읽지" in x or "읽지 못해 배우자공제" in x for x in a["ambiguous"])


def test_net_for_a_holding_under_a_year_with_two_years_said():
    from taxqa.tax.nets import flag_held_none

    reading = read_question("2014년에 3억에 산 빌라를 2026년에 5억에 팔았어요. 2주택. 양도세?", as_of="2026-06-01")
    assert reading.inputs["held_years"] == 12 and not reading.ambiguous
    reading.inputs["held_years"] = 0  # as a rule that took one year for both would read it
    flag_held_none(reading, reading.mentions)
    assert any("보유기간 1년 미만" in x for x in reading.ambiguous)
