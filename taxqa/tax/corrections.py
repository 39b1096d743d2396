"""Figures a question takes back: an amount corrected ("3억이 아니라 3억5천", "1억 정도인데 정확히는
9,870만원"), the same figure said before the correction, a duration or count taken back by a bare 아니
("근속 20년.. 아니 21년"), and the bands of a rate table ("8,800만원 초과 1억 5천만원 이하 구간"), none of which
is the case's own figure."""

from __future__ import annotations

import re

from taxqa.amounts import iter_amounts
from taxqa.tax.chat_corrections import drop_chat_taken_back
from taxqa.tax.words import quoted

BRACKET = re.compile(r"\s*(?:원)?\s*(?:초과|이하|이상|미만)(?=[^.?!]{0,24}(?:구간|세율|누진))")
# "20년.. 아니 21년", "3억, 아니 3억 5천": a figure taken back by a bare 아니 and said again at once
TAKEN_BACK = (  # "4천5백인데, 아 정정할게요 4천8백": a 정정 said at once, before the new figure
    # "근속 25년..? 아 아니다 22년": dots and a question mark before the 아니
    # "13억 8천에 팔았... 아 잘못 말했네요, 판 건 14억 3천", "세금이 600만원... 아 잘못 말했네요, 세금은 480만원"
    r"\s*(?:원)?\s*(?:인데|이고|에\s*[가-힣]{1,4})?\s*(?:\.{2,}|…+|,|:)?[?!]*\s*(?:아\s+)?"
    r"(?:아니(?:요|다)?(?:\s*,?\s*아니(?:요|다)?)*|잘못\s*(?:말|썼|적었)\S{0,3}|착각\S{0,4}|정정(?:할게요|합니다|이요|요)?)\s*[,.:]?\s+"
    # "5년, 아니 등기일로 따지면 6년": up to three words between the 아니 and the new figure
    r"(?:[가-힣]{1,5}\s*(?:은|는|이|가|건|게)?\s+){0,3}(?=\d)"
)
# "살 때 2억이라고 하시는데 계약서 보니 2억 3천": what someone says, then what a document shows
DOCUMENT_SHOWS = (
    r"|\s*(?:원)?\s*(?:이)?라고\s*(?:하시|하|말씀하시)(?:는데|던데|지만)\s*"
    r"(?:계약서|서류|등기부?(?:등본)?|영수증|통장)\S{0,2}\s*(?:보니|봤더니|확인하니|확인해\s*보니)\S{0,2}\s*(?=\d)"
)
CORRECTED = re.compile(  # "3억이 아니라", "1억 정도인데 정확히는 9,870만원": the amount the question corrects
    TAKEN_BACK
    + r"|\s*(?:원)?\s*(?:이|가|은|는)?\s*(?:아니라|아니고|(?:이)?라고\s*(?:했|말씀|적었|썼|(?:알려\s*)?드렸|보내\s*드렸))"
    + DOCUMENT_SHOWS
    + r"|\s*(?:원)?\s*(?:으로|로)\s*잡았(?:는데|다가)"  # "처음엔 3억 2천으로 잡았는데 … 3억 5천": a first estimate
    r"|\s*(?:원)?\s*(?:이|가|은|는)?\s*아니(?:에요|예요|었어요|거든요)(?!\s*[?？])"  # "월 20 아니에요, 월 10만원"
    r"|\s*(?:원)?\s*(?:정도|쯤|가량)\S{0,4}\s*(?:정확히|정확하게)"
    # "8억, 아 아니다 병원비 빚이랑 장례비 빼면 7억 4천": taken back with a few words before the new figure
    # "1,320만원. 아 아니다, 1,230만원", "3억 4천만원이래요. 아 아니다, 감가상각 다시 잡아서 3억 1천만원", "… 1억 2,100만원이고요.
    # 아 아니다, 다시 보니 카드·현금영수증은 1억 1,000만원": a sentence ending may close the figure taken back
    r"|\s*(?:원)?\s*(?:(?:이)?(?:래요|고요|에요|예요|요|래|고))?\s*[,.…]*\s*아\s+아니(?:다|야)\s*[,.]?\s+"
    r"(?:[가-힣·]+\s+){0,6}(?=\d)"
    # "한 10억 한다고 들었는데 감정평가서에는 11억 3천": a figure heard, then the one a document or fact gives
    r"|\s*(?:원)?\s*(?:이)?(?:라고|한다고|된다고|간다고)\s*(?:들었|하던|하더)[^\d.?!]{0,20}?"
    r"(?:감정|평가|실제로?는|정확히는|확인해\s*보니)[^\d.?!]{0,12}(?=\d)"
    # "거의 1억 가까이 보내주셨어요. 통장 보니까 정확히는 9,500만원", "5천, 아 이체내역 다시 보니까 정확히 5천5백"
    # "1억 좀 넘게(정확히 1억 2백)": a little over the round figure, then the exact one
    r"|\s*(?:원)?\s*(?:가까이|정도|쯤|가량|남짓|(?:좀|조금|살짝)?\s*(?:넘게|넘는|넘어|안\s*되게|못\s*되게))"
    r"[^?!\n]{0,30}?(?:정확히|정확하게)\S{0,2}\s*(?=\d)"
    r"|\s*(?:원)?\s*[,.]?\s*(?:아\s+)?[^?!\n.]{0,20}?다시\s*(?:보니|봤더니|확인해\s*보니|확인하니)\S{0,2}\s*(?:정확히\S{0,2}\s*)?(?=\d)"
    r"|\s*(?:원)?\s*(?:은|는|이|가)?\s*(?:얘기|이야기)?\s*말고(?:요)?(?![가-힣])"  # "관리비 23만원 얘기 말고": set aside
    # "1억이래요 (근데 이체 내역 보니까 1억 2천이에요)": the one typing corrects in brackets what they were told
    r"|\s*(?:원)?\s*(?:이)?(?:래요|라는데|라세요|라고\s*하시는데)?\s*[(\[]\s*(?:근데|그런데|아니|정정|실제로?는|정확히는)"
    r"[^)\]\d]{0,30}?(?=\d)"
)


# "1억 1천이라고 드렸는데 세금계산서 합계를 다시 보니 1억 2천 4백": a figure said before, then the words that
# lead to the figure found on a second look
BRIDGE = re.compile(
    r"\s*(?:원)?\s*(?:이)?라고\s*(?:했|말씀|적었|썼|(?:알려\s*)?드렸|보내\s*드렸)\S{0,3}[^\d.?!\n]{0,30}?"
    r"(?:다시\s*(?:보니|봤더니|확인해\s*보니|확인하니)|확인해\s*보니)\S{0,2}\s*(?=\d)" + DOCUMENT_SHOWS
)


# "공급대가로 1,320만원. 아 아니다, 1,230만원이래요": the new figure said bare in the next sentence (its label left
# behind in the one before) moves to where the old one was said, like a bridge
AT_ONCE = re.compile(
    r"\s*(?:원)?\s*(?:(?:이)?(?:래요|고요|에요|예요|요|래|고))?\s*[.…]+\s*아\s+아니(?:다|야)\s*,?\s+(?=\d)"
)


# "2억 8천, 아 최종 계약서엔 2억 7천5백으로", "3억, 아 세무사님이 다시 계산해보니 3억 4천": a figure, then an
# interjection 아 and a clause that ends in a new figure of its size (checked in revised); not one that adds
# ("아 그리고 매입 4천도")
REVISED = re.compile(r"\s*(?:원)?\s*(?:,|\.{2,}|…+)\s*아+\s+(?!니|그리고|또|추가)(?P<clause>[^.?!\n\d]{0,36}?)(?=\d)")


# "정정: 취득가 4억 2천", "다시 말하면 양도가 6억": a label said again with a new amount after a correction word
RELABELLED = re.compile(  # "정정할게요. 매출 공급가액 9천": a label of two words, after the word that corrects
    r"(?:정정|수정|다시\s*말하면|다시)(?:할게요|합니다|이요|요)?\s*[:：)\].,!]?\s*"
    r"(?P<label>[가-힣]{2,6}?(?:\s+[가-힣]{2,6}?)?)\s*(?:은|는|:|：)?\s*(?=\d)"
)
# "아까 총급여 잘못 말했어요 … 총급여는 4,870만원": the label's figure said before the correction is taken back
LABEL_TAKEN_BACK = re.compile(
    r"(?P<label>[가-힣]{2,6}?)\s*(?:을|를|은|는)?\s*(?:잘못\s*(?:말|썼|적었|알려|얘기)|착각|헷갈)"
)
COUNTED_TAKEN_BACK = re.compile(  # "할머니 73.. 아 아니다 75세": the unit said once, after the new figure; the
    r"(?<![\d,.])\d{1,3}\s*(?:(?P<unit>년|개월|명|살|세)(?=" + TAKEN_BACK + r"\d{1,3}\s*(?P=unit))"  # words that
    r"|" + TAKEN_BACK + r"(?=\d{1,3}\s*(?:년|개월|명|살|세)))"  # take it back go with it
)


# "[나] 2016년 아니고 2017년이야": a year corrected, by the asker or another speaker
YEAR_CORRECTED = re.compile(
    r"(?<!\d)((?:19|20)\d{2})\s*년\s*(?:이|가|은|는)?\s*(?:아니고|아니라|아니|말고)\s*[,.]?\s*((?:19|20)\d{2})\s*년"
)


def replace_corrected_years(clean: str, reading) -> str:
    """The corrected year stands wherever the wrong one was said before ("2016년에 4억에 샀고 … 2016년
    아니고 2017년"), so the verb beside it keeps its year; the correction itself is blanked."""
    for m in list(YEAR_CORRECTED.finditer(clean)):
        wrong, right = m[1], m[2]
        head = re.sub(rf"(?<!\d){wrong}(?=\s*년)", right, clean[: m.start()])
        end = m.end() if head != clean[: m.start()] else m.start(2)  # said before: the year now stands there
        clean = head + " " * (end - m.start()) + clean[end:]
        reading.assume(f"'{wrong}년'은 질문에서 '{right}년'으로 정정된 것으로 보고 계산함")
    for m in YEAR_CORRECTED.finditer(reading.text):
        for x in reading.mentions:
            if x.type == "date" and x.value and x.value.get("year") == int(m[1]):
                x.flags["corrected"] = True
    return clean


# "412 아니고 421 아니었어?", "1,200 말고 1,250": a bare figure corrected, its unit said with the figure before
BARE_CORRECTED = re.compile(
    r"(?<![\d,.])(\d[\d,.]*)\s*(?:이|가|은|는)?\s*(?:아니고|아니라|말고)\s*[,.]?\s*(\d[\d,.]*)(?![\d,.]|\s*[년월일개명살세%])"
)


def replace_corrected_bare(clean: str, reading) -> str:
    """The figure said before with its unit ("세금이 412만원이래") takes the corrected digits wherever it was said
    ("412 아니고 421 아니었어?" -> 421만원), so the reader sees one figure in its place; the correction is blanked.
    Only digits no longer than the wrong ones are put in, so every position stays."""
    for m in list(BARE_CORRECTED.finditer(clean)):
        wrong, right = m[1], m[2]
        said = re.compile(rf"(?<![\d,.]){re.escape(wrong)}(?=\s*(?:만|억|천|원))")
        head = clean[: m.start()]
        after = clean[m.end() :]
        asked = re.match(r"\S{0,6}\s*(?:[?？]|아니었|아니야|아냐|아닌가|맞지|맞죠)", after)
        if (
            len(right) > len(wrong)
            or not said.search(head)
            or re.search(rf"(?<![\d,.]){re.escape(wrong)}(?![\d,.])", after)  # "1기는 3,200 맞아": kept after all
            or (asked and not re.search(rf"(?<![\d,.]){re.escape(right)}(?![\d,.])", after))  # asked, not confirmed
        ):
            continue
        head = said.sub(right.ljust(len(wrong)), head)
        clean = head + " " * (m.end() - m.start()) + clean[m.end() :]
        reading.assume(f"'{wrong}'은 질문에서 '{right}'(으)로 정정된 것으로 보고 계산함")
        for x in reading.mentions:  # the wrong figure as said, with its unit and bare: no rival of the input
            if re.match(rf"{re.escape(wrong)}(?![\d,.])", x.text.replace(" ", "")):
                x.flags["corrected"] = True
    return clean


# "14억이래요 (할머니는 15억이라고 하시는데 … 1억을 빼야 한대요 → 14억으로 봐주세요)": an aside whose arrow gives
# back the figure said before it explains how that figure was reached; its figures are no facts of their own
ARROW_KEEPS = re.compile(r"(?:→|->|=>)\s*(?=\d)")
KEEP_IT = re.compile(
    r"\s*(?:원)?\s*(?:으로|로)\s*(?:봐|보시|계산해|해|잡아)\s*주세요|\s*(?:원)?\s*(?:이|가)\s*맞(?:아요|습니다)"
)


def drop_explained_aside(clean: str, reading) -> str:
    """An aside in brackets that ends by restating the figure just before it: blanked (positions kept)."""
    for m in re.finditer(r"\(([^()]{4,120})\)", clean):
        arrow = ARROW_KEEPS.search(m.group(1))
        kept = next(iter_amounts(m.group(1)[arrow.end() :]), None) if arrow else None
        before = list(iter_amounts(clean[: m.start()]))
        if kept is None or kept.start or not KEEP_IT.match(m.group(1)[arrow.end() + kept.end :]) or not before:
            continue
        if before[-1].value != kept.value or re.search(r"[.?!\n]", clean[before[-1].end : m.start()]):
            continue
        clean = clean[: m.start()] + " " * (m.end() - m.start()) + clean[m.end() :]
        reading.assume(
            f"괄호 안 설명({m.group(1).strip()})은 앞의 {before[-1].text}이 나온 과정으로 보고 그 금액만 계산함"
        )
        for x in reading.mentions:
            if x.type == "amount" and m.start() <= x.start < m.end():
                x.flags["corrected"] = True
    return clean


def drop_corrected(clean: str, reading) -> str:
    """'처음엔 3억이라고 했는데 정확히는 3억 2천만원': an amount the question corrects is left out
    of what the kind readers see (blanked, so positions stay), and the reading says so. The same
    figure said before the correction ("3억 줬... 3억이 아니라 3억5천") goes with it, and so does a
    duration or count taken back ("근속 20년.. 아니 21년")."""
    clean = drop_explained_aside(clean, reading)
    clean = replace_taken_back_aloud(clean, reading)
    clean = replace_corrected_years(clean, reading)
    clean = replace_corrected_bare(clean, reading)
    clean = drop_corrected_people(clean, reading)
    for m in COUNTED_TAKEN_BACK.finditer(clean):
        clean = clean[: m.start()] + " " * (m.end() - m.start()) + clean[m.end() :]
        reading.assume(f"'{m.group(0)}'은 질문에서 정정된 값으로 보고 계산에서 뺌")
    for m in COUNTED_TAKEN_BACK.finditer(reading.text):
        for x in reading.mentions:
            if x.type != "amount" and x.start < m.end() and m.start() < x.end:
                x.flags["corrected"] = True
    found = list(iter_amounts(clean))
    taken_back = [a for a in found if CORRECTED.match(clean[a.end :]) and not BRACKET.match(clean[a.end :])]
    again = [
        a for a in found if a not in taken_back and any(a.value == b.value and a.end <= b.start for b in taken_back)
    ]
    for label in RELABELLED.finditer(clean):  # "취득가 4억 … 정정: 취득가 4억 2천": the label's earlier amount
        said = re.sub(r"\s+", r"\\s*", label["label"]) + r"\s*(?:은|는|이|가|:|：)?\s*$"
        again += [a for a in found if a.end <= label.start() and re.search(said, clean[max(0, a.start - 16) : a.start])]
    again += label_taken_back(clean, found) + revised(clean, found) + restarted(clean, found)
    for a in again:
        clean = clean[: a.start] + " " * (a.end - a.start) + clean[a.end :]
        reading.assume(f"'{a.text}'은 질문에서 정정된 금액으로 보고 계산에서 뺌")
    for m in reading.mentions:
        if m.type == "amount" and any(
            m.value == a.value and a.text.replace(" ", "") in (m.text.replace(" ", ""), m.clean.replace(" ", ""))
            for a in again
        ):
            m.flags["corrected"] = True
    for a in found:
        if BRACKET.match(clean[a.end :]):  # "8,800만원 초과 1억 5천만원 이하 구간": the rate table, not the case
            clean = clean[: a.start] + " " * (a.end - a.start) + clean[a.end :]
            continue
        if CORRECTED.match(clean[a.end :]):
            clean = clean[: a.start] + " " * (a.end - a.start) + clean[a.end :]
            bridge = BRIDGE.match(clean[a.end :]) or AT_ONCE.match(clean[a.end :])
            new = next(iter_amounts(clean[a.end + bridge.end() :]), None) if bridge else None
            if new is not None and new.start == 0:  # the figure itself right after the bridge, not "1년 치 …"
                # "매출을 1억 1천이라고 드렸는데 합계를 다시 보니 1억 2천 4백": the new figure moves to where the old
                # one was said, beside its label (the text keeps its length)
                span = a.end + bridge.end() + new.end - a.start
                clean = clean[: a.start] + new.text.ljust(span) + clean[a.start + span :]
            reading.assume(f"'{a.text}'은 질문에서 정정된 금액으로 보고 계산에서 뺌")
    for m in reading.mentions:
        if m.type == "amount" and CORRECTED.match(reading.text[m.end :]):
            m.flags["corrected"] = True
    return drop_chat_taken_back(clean, reading)


OTHER_FACT = r"매출|매입|카드|현금|경비|비용|취득|양도|보증금|월세|대출|수수료|이자|연봉|월급|상여|중간예납|기납부"


def revised(clean: str, found) -> list:
    """ "7천, 아 배달앱 매출을 빼먹었다, 그거 합치면 7천6백": the figure before an interjection 아 whose clause ends
    in a figure of like size (within half to twice) is the one the asker revises; a figure of another size there is
    another fact, and stays. A clause that adds (…도, 추가) keeps both."""
    out = []
    for a in found:
        m = REVISED.match(clean[a.end :])
        if m is None or re.search(r"도\s|추가|그리고|따로|참고|그\s*중|중에", m["clause"]):
            continue
        # "취득가 3억, 아 양도가는 4억", "매출 8천, 아 카드는 6천": a label of another fact, not the first one's
        labels = set(re.findall(OTHER_FACT, m["clause"])) | set(re.findall(r"([가-힣]{2,6})(?:은|는)\s*$", m["clause"]))
        if any(label not in clean[max(0, a.start - 16) : a.start] for label in labels):
            continue
        b = next((x for x in found if x.start == a.end + m.end()), None)
        if b is not None and a.value and 0.5 <= b.value / a.value <= 2:
            out.append(a)
    return out


def restarted(clean: str, found) -> list:
    """ "1억 사천… 1억 4000만원": a figure that trails off and is said again in full at once (the full one begins
    with it) is a spoken restart, not a second figure."""
    out = []
    for a, b in zip(found, found[1:]):
        gap = clean[a.end : b.start]
        head, full = a.text.replace(" ", ""), b.text.replace(" ", "")
        # the full one begins with it as said ("1억 사천… 1억 4000만원") or in its digits ("9천만… 9500만")
        begins = full.startswith(head) or (b.value < 2 * a.value and str(b.value).startswith(str(a.value).rstrip("0")))
        if re.fullmatch(r"[\s가-힣]{0,6}?(?:…+|\.{2,})\s*", gap) and begins and b.value > a.value:
            out.append(a)
    return out


def drop_corrected_people(clean: str, reading) -> str:
    """ "삼촌한테 1억 받았어요 … 아 삼촌 아니고 아버지요": the person taken back is blanked wherever said up to
    the correction, so the readers see only the one named instead."""
    from taxqa.tax.family import WORDS  # the kin words; imported here, as family reads later than this

    kin = "|".join(f"(?:{p})" for _, p in WORDS)
    said = re.compile(
        rf"(?P<wrong>{kin})\s*(?:이|가|은|는)?\s*(?:아니고|아니라|아니에요|아니예요|아니요)\s*[,.]?\s*"
        rf"(?:[가-힣]{{1,2}}\s+)?(?P<right>{kin})"
    )
    for m in list(said.finditer(clean)):
        if m["wrong"] == m["right"] or re.search(re.escape(m["wrong"]), clean[m.end() :]):
            continue  # said again after the correction: not taken back
        head = re.sub(rf"(?<![가-힣]){re.escape(m['wrong'])}", lambda w: " " * len(w.group(0)), clean[: m.start()])
        clean = head + " " * (m.start("right") - m.start()) + clean[m.start("right") :]
        reading.assume(f"{quoted(m['wrong'], '은는')} 질문에서 '{m['right']}'(으)로 정정된 것으로 보고 계산함")
    return clean


def label_taken_back(clean: str, found) -> list:
    """The amounts a "총급여 잘못 말했어요" takes back: those said after the label before it, and the same
    number said again bare after it ("5,200은 계약 연봉이고"); the label's figure said after it stands."""
    out = []
    for said in LABEL_TAKEN_BACK.finditer(clean):
        label = re.escape(said["label"])
        before = [a for a in found if a.end <= said.start() and re.search(
            rf"{label}\s*(?:은|는|이|가|:|：)?\s*$", clean[max(0, a.start - 12) : a.start])]  # fmt: skip
        digits = {re.match(r"[\d,.]+", a.text)[0] for a in before if re.match(r"\d", a.text)}
        out += before + [
            a for a in found if a.start > said.end() and re.fullmatch(r"[\d,.]+", a.text) and a.text in digits
        ]
    return out


# words that take back something said: "잘못 말했네", "정정", "다시 말하면", "착각했어요" (not 정정하다, hale)
CORRECTION_WORDS = re.compile(
    r"잘못\s*(?:말|썼|적었|적어|보냈|입력|알았)|정정(?!\s*(?:하|한|해))|다시\s*말|착각|(?<![가-힣])아니\s+(?=\d)"
)


def flag_unresolved_correction(reading, found) -> None:
    """A correction word in a question with two different figures of one type, and no figure taken as
    corrected: which of them the question meant is not known, so the figure is not stated as final."""
    said = CORRECTION_WORDS.search(reading.text)
    if said is None or any("정정된" in a for a in reading.assumptions) or reading.kind is None:
        return
    for type_ in ("amount", "duration"):
        values = {str(m.value) for m in found if m.type == type_ and not m.flags.get("corrected")}
        if len(values) >= 2:
            reading.unclear(
                f"'{said.group(0)}'(정정하는 말)이 있는데 어느 값을 고친 것인지 알 수 없음: 계산에 쓴 값을 확인해 주세요"
            )
            return


# "2억을 보냈어요. 아 아니다, 보내려다가 2천은 … 남기고 1억 8천만 보냈지", "5,900... 아 아니다, 5,800만원":
# a figure, a few words (a sentence end allowed), then 아 아니다 that takes it back
TAKEN_BACK_ALOUD = re.compile(
    r"(?P<between>[^\d?!\n]{0,30}?)(?<![가-힣])(?:아+\s*,?\s*아니(?:다|야|지)|아니\s*아니)(?![가-힣])"
)
BARE = re.compile(r"[\d,]+")


def sized(a, b) -> tuple[int, int]:
    """The values of two figures to compare, a bare one ("5,900") taking the 만 of the other ("5,800만원")."""
    bare_a, bare_b = BARE.fullmatch(a.text.strip()), BARE.fullmatch(b.text.strip())
    if bare_a and not bare_b and "만" in b.text:
        return a.value * 10_000, b.value
    if bare_b and not bare_a and "만" in a.text:
        return a.value, b.value * 10_000
    return a.value, b.value


def replace_taken_back_aloud(clean: str, reading) -> str:
    """The figure said after 아 아니다 stands where the one taken back was said, beside its label and verb
    ("과세표준이 6,470만원이래요. 아 아니다, … 6,740만원이에요" -> 과세표준이 6,740만원), once; the words between
    (and any figure of another size there, "2천은 … 남기고") are blanked, so positions stay. The new figure is the
    first one of like size (half to twice) in the sentence that takes back; with none, nothing is replaced."""
    from taxqa.tax.alignment import aligner  # clean is normalised ("작년" -> "2025년"): map back to the text

    for a in list(iter_amounts(clean)):
        said = TAKEN_BACK_ALOUD.match(clean, a.end)
        if said is None or clean[a.start : a.end] != a.text:  # already replaced by an earlier correction
            continue
        rest = re.match(r"[^?!\n]*?(?:[.?!\n](?!\d)|$)", clean[said.end() :])[0]
        b = next((x for x in iter_amounts(rest) if 0.5 <= (lambda u, v: v / u if u else 0)(*sized(a, x)) <= 2), None)
        clause = rest[: b.start] if b else ""  # "취득가 3억이에요. 아 아니다, 양도가는 3억 5천": another fact's figure
        labels = set(re.findall(OTHER_FACT, clause)) | set(re.findall(r"([가-힣]{2,6})(?:은|는)\s*$", clause))
        first = clean[max([x.end() for x in re.finditer(r"[.?!\n]\s", clean[: a.start])] or [0]) : a.start]
        if b is None or any(label not in first for label in labels):  # its label said with the first figure
            continue
        new = b.text + ("만원" if BARE.fullmatch(b.text.strip()) and "만" in a.text else "")
        end = said.end() + b.end
        if len(new) > end - a.start:
            continue
        to_text = aligner(clean, reading.text)
        lo, hi = to_text(a.start), to_text(said.end() + b.start)
        clean = clean[: a.start] + new.ljust(end - a.start) + clean[end:]
        reading.assume(f"'{a.text}'은 질문에서 '{new}'(으)로 정정된 것으로 보고 계산함")
        for m in reading.mentions:
            if m.start < hi and lo < m.end:
                m.flags["corrected"] = True
    return clean
