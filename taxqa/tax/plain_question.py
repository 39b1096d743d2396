"""A question made plain before any reader sees it: Hanja and spaced speech written as the readers read them,
and the shapes people paste (hashtags, telegraph units, checklists, space-aligned tables, numbered lists, comment
threads, e-mail replies, closing summaries, transcripts, plans given up, tickets, exam options, 갑/을 documents,
forms and tables, sums said in words) turned into sentences or left out. Each pass says what it assumed, so the
reading can show it."""

from __future__ import annotations

import re

from taxqa.tax.code_shapes import code_shapes
from taxqa.tax.columns import rows_as_sentences
from taxqa.tax.dictation import dictated
from taxqa.tax.documents import documents_read
from taxqa.tax.english_terms import in_korean
from taxqa.tax.era_years import in_common_era
from taxqa.tax.event_years import event_dates
from taxqa.tax.exam_options import without_options
from taxqa.tax.fields import answer_words, field_answers
from taxqa.tax.form_lines import form_lines
from taxqa.tax.fx import with_rate
from taxqa.tax.hanja_reading import hangul_reading
from taxqa.tax.layout import apply_unit_header, asked_scenario, asker_turns, author_replies, join_label_lines, untable
from taxqa.tax.letter_names import named_parties
from taxqa.tax.link_params import link_params
from taxqa.tax.mail_quotes import newest_message
from taxqa.tax.money_slang import in_won_units
from taxqa.tax.numbered_figures import explained_list, items_read
from taxqa.tax.ocr_slips import ocr_plain
from taxqa.tax.one_of_two import only_asked
from taxqa.tax.pasted_text import pasted_plain
from taxqa.tax.plans import dropped_plans
from taxqa.tax.post_updates import arrow_corrected
from taxqa.tax.romanized_words import in_hangul
from taxqa.tax.separators import plain_separators
from taxqa.tax.shorthand import plain_abbreviations, plain_hashtags, telegraph_units, without_unticked
from taxqa.tax.spoken_numerals import joined
from taxqa.tax.spoken_sums import worked_sums
from taxqa.tax.spreadsheet import sheet_cells
from taxqa.tax.summary import SUMMARY_ONLY, unsummarised
from taxqa.tax.tickets import title_taken_back
from taxqa.tax.typos import without_slips
from taxqa.tax.words import (
    COUNT_WORD,
    count_value,
    plain_digits,
    plain_forms,
)


def plain_question(text: str, year: int) -> tuple[str, list[str], list[str]]:
    """(the question made plain, what was assumed in doing so, what is left unclear); `year` is the law date's, the
    latest a year named by the sixty-year cycle can be."""
    text, pasted = pasted_plain(text)  # "150&#44;000&#44;000", "8\u200b2,000,000원", "18억 7천\n만원": as copied
    text, linked, unlinked = link_params(text)  # "…/calc?price=1350000000&buy=680000000": said where explained
    text, ocr, smudges = ocr_plain(text)  # "l2O,OOO,OOO 원", "예|금", "█?억": a scanner's misreadings
    # a register, a 가족관계증명서, an account's history, entries, a deed, a tax site's screen: said as their facts
    text, documented, undocumented = documents_read(text)
    text, updated = arrow_corrected(text)  # "수정: 금액 잘못 적었어요 2천만원 → 4천만원": read where 2천만원 was said
    text, hanja = hangul_reading(text)  # "長男에게 一億원을 贈與": read in Hangul by every reader below
    text, coded = code_shapes(text)  # "salary = 34_000_000  # 총급여", a JSON object: its keys and values as lines
    text, spoken, spoken_doubts = dictated(text)  # "마침표", "방금 거 취소": a text said to voice control, as typed
    text = joined(text)  # "일 억 이 천", "삼 백 사 십 만 원": a number speech-to-text wrote apart, as one
    text, sheet, sheet_doubts = sheet_cells(text)  # "A3 총급여 | B3 =B1*12+B2": a sheet's cells and formulas, read
    text, old_dates = in_common_era(text, year)  # "단기 4352년", "갑진년", "시월": in digits
    text, events, own_events = event_dates(text, year)  # "한일 월드컵 하던 해", "스승의 날", "올해 설 쇠고"
    text, romanized = in_hangul(text)  # "ganigwase 식당", "eomma가": Korean typed in Latin letters, in Hangul
    text, slips = without_slips(text)  # "증여새", "취득 세", "23억원원": slips of fast typing in tax words
    # "감면은 1개월 초과 3개월 이내 구간": the band of the 감면 a return falls in, its upper end the months late
    text = re.sub(r"(\d{1,2})\s*개월\s*초과\s*(\d{1,2})\s*개월\s*(이내|안|내)", r"\2개월 \3", text)
    # "한 달은 넘고 두 달은 안 돼서": the same band said in native counts
    text = re.sub(
        rf"(?<![가-힣])(?:{COUNT_WORD})\s*달\s*(?:은|이)?\s*(?:넘고|넘었고|지나고|지났고)\s*({COUNT_WORD})\s*달\s*(?:은|이)?"
        r"\s*(?:안\s*(?:돼|됐|되|된|지)|못\s*(?:돼|됐|되|미쳐))\S*",
        lambda m: f"{count_value(m[1])}개월 이내",
        text,
    )
    # "㉑ 총급여 61,000,000 / (9) 합계 …": a copied form's line numbers as labels, its worked-out lines left out
    text, form, unformed = form_lines(text)
    # "#퇴직금 #1억5천": a list; "17y 4m": years and months; "- [ ] 다주택 중과": a box not ticked
    text = plain_abbreviations(without_unticked(telegraph_units(plain_hashtags(in_korean(text)))))
    text, slang = in_won_units(text)  # "매출 6800장", "월 350k씩", "억 단위로 1.75", "칠억 팔에": in won units
    text, columned = rows_as_sentences(text)  # a table typed with spaces: "header value", a period's rows added up
    text, listed = explained_list(text)  # "1) 1억 2천 2) 7,800만. 1번은 매출, 2번은 매입": each figure with its words
    text = items_read(text)  # "1) 7억 2) 1억5천 … 이번에 받은 돈이 1번이고": the list's items where they are named
    # "1~5월 누계": the span of a running total, its first number a month too (not an amount with a range)
    text = re.sub(
        r"(?<![\d.,~])(1[0-2]|[1-9])\s*(~|-|–)\s*(?=(?:1[0-2]|[1-9])\s*월\s*(?:까지\s*)?(?:누계|누적|합계))",
        r"\1월\2",
        text,
    )
    text, others = author_replies(text)  # a comment thread: only the author's facts count
    text, quoted = newest_message(text)  # an e-mail reply: the older messages quoted under it are replaced
    text, summed = unsummarised(text)  # "TL;DR: … 빌라 5.5억": the story's figures said again, not added
    text, answerers = asker_turns(text)  # a talk's transcript: the answerer's examples are not facts
    text, gave_up = dropped_plans(text)  # "처음엔 5억을 주려다가 … 접었어요": a plan given up is not the case
    text, slip = title_taken_back(text)  # "제목에 148만이라고 했는데 … 231만원이네요": the title's figure taken back
    text, options = without_options(text)  # "① 0원  ② 4,850,000원": an exam's answer options, not facts
    text, parties = named_parties(text)  # "을(처) … 을이 12억 원을 상속": a document's letters as relations
    text = apply_unit_header(
        join_label_lines(field_answers(untable(plain_forms(answer_words(plain_separators(plain_digits(text)))))))
    )
    text, scenario = asked_scenario(with_rate(text))
    text, one = only_asked(text)  # "하나는 간이과세 분식집 … 다른 하나는 소품 매장 … 소품 매장 부가세만": that one
    text, worked, unread = worked_sums(text)  # "(350 − 20) × 12 + 600": the sum said, worked out
    assumed: list[str] = pasted + linked + ocr + documented + updated + spoken + sheet + old_dates + events + form
    doubts: list[str] = unlinked + smudges + undocumented + spoken_doubts + sheet_doubts + own_events + unformed + slang
    if coded:
        assumed.append("코드 형식으로 적은 값을 항목(키·변수 이름과 주석)별 금액·사실로 읽음")
    if summed:
        assumed.append(
            "긴 설명 끝의 요약에 적힌 사실로 계산함 (본문은 요약이 대신함)"
            if summed == [SUMMARY_ONLY]
            else f"요약에 다시 나온 금액({', '.join(summed)})은 본문 금액과 같은 것으로 보고 한 번만 계산함"
        )
    if listed:
        assumed.append("앞에 번호로 적은 금액은 뒤의 설명(번호·순서)에 맞춰 읽음")
    for said in columned:
        assumed.append(said)
    if quoted:
        assumed.append("메일 답장 아래 인용된 이전 메일의 내용은 새 메일 내용으로 바뀐 것으로 보고 계산에 넣지 않음")
    if romanized:
        assumed.append(f"로마자로 적은 말을 한글로 읽음 ({', '.join(romanized)})")
    if slips:
        assumed.append(f"잘못 친 것으로 보이는 말을 고쳐 읽음 ({', '.join(slips)})")
    if hanja:
        doubts.append(f"읽지 못한 한자({', '.join(hanja)})가 있음: 그 부분을 한글로 적어 주세요")
    if others:
        assumed.append(f"댓글 중 작성자가 아닌 사람({', '.join(others)})의 말은 계산에 넣지 않음")
    if slip:
        assumed.append(f"제목의 '{slip}'은 본문에서 바로잡았으므로 본문의 금액으로 계산함")
    if parties:
        assumed.append(f"문서의 당사자를 괄호 안 관계로 읽음 ({', '.join(parties)})")
    if options:
        assumed.append(f"보기({'; '.join(options)})의 금액은 답의 후보라 계산에 넣지 않음")
    if gave_up:
        assumed.append("처음에 생각했다가 접은 계획의 금액·사실은 계산에 넣지 않음")
    if answerers:
        assumed.append(f"대화 중 답하는 사람({', '.join(answerers)})의 예시·설명 금액은 계산에 넣지 않음")
    if scenario:
        assumed.append(f"질문이 묻는 {scenario}안만 계산함 (다른 안의 금액은 넣지 않음)")
    if one:
        assumed.append(f"질문이 묻는 '{one}'만 계산함 (다른 하나의 금액·사실은 넣지 않음)")
    for said in worked:
        assumed.append(said)
    for said in unread:
        doubts.append(said)
    return text, assumed, doubts
