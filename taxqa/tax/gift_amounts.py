"""Which amounts of a gift question are this gift and which are earlier gifts (10년 합산, 제47조②),
by the time words around each amount, for the gift reader (taxqa.tax.gift)."""

from __future__ import annotations

import re

from taxqa.amounts import AmountMention, format_won, iter_amounts
from taxqa.tax.asked_only import PEOPLE, THEIRS
from taxqa.tax.family import WORDS, mentions
from taxqa.tax.fractions import share_after
from taxqa.tax.gift_relations import RELATION_OF
from taxqa.tax.words import PART_MARKS, josa, part_of, window_before

PRIOR_CUE = re.compile(
    r"(\d+)\s*년\s*(?:전|前)|\d+\s*년\s*(?:내|이내|안)에?(?!\s*(?:받은\s*(?:건|것|적)|증여\s*(?:없|無)))|재작년|작년|지난\s*해|지난해|예전에|과거에|이전에|전에|이미|앞서|먼저|그\s*전|기존에|"
    r"(\d{4})\s*(?:년에|년\s*(?:봄|여름|가을|겨울|초|말|연말|연초|상반기|하반기)|년\s*\d{1,2}\s*월|[.\-/]\s*\d{1,2}\s*(?:월|[.\-/]\s*\d{1,2}\.?(?:\s*에)?))"  # "2019년에", "2019.5월", "2025.03.15에"
)
# "엄마한테 3천 받은 거 있음", "30 받은 적 있음": a gift said as one had before
HAD_BEFORE = re.compile(r"()()\s*(?:원)?\s*(?:을|를)?\s*(?:받은|받았던)\s*(?:적|거|것|게)\s*(?:이|도|은)?\s*있")
# not "장남(올해 마흔다섯)에게 5년 전 1억": this year said of an age, not of a gift
AGE_THIS_YEAR = r"(?!\s*(?:만\s*)?(?:\d{1,3}\s*(?:살|세)|스물|서른|마흔|쉰|예순|일흔|여든|아흔|열|[고중초]\s*\d))"
NOW_CUE = re.compile(
    rf"이번|올해{AGE_THIS_YEAR}|금년|지금|현재|오늘|추가로|또\s|다시|새로|내년|다음\s*(?:달|해)|앞으로"
)
# "앞에 7천은 그때 신고했어요": an earlier gift said again, not another one
SAID_AGAIN = re.compile(r"(?:앞에|앞의|앞선|처음|첫\s*번째|그때|그\s*전)\S{0,2}\s*(?:받은\s*)?$")
NOT_GIFT = re.compile(  # "월세 60 나오는", "차 할부가 매달 60씩": the asker's own payments
    r"(?:공제|한도|면제|기준|이하|이상|초과|미만|월세|임대료|관리비)\S{0,3}\s*$|할부(?:금|값)?\S{0,2}\s*(?:매달|매월|월)?\s*$"
)
MEMO_FIELD = re.compile(r"(?<!\d)/|/(?!\d)")  # "3천 이체/7년전 5천 받음": a memo's fields, not a date's
IN_LAW_GIVER = re.compile(r"시어머니|시아버지|시어머님|시아버님|시부모|장모|장인")
JOINED = re.compile(r"^\s*(?:원)?\s*(?:과|와|이랑|랑|하고|및|,|에\s*더해|\+|그리고)\s*(?:\S{1,8}\s*)?$")


WORD_PATTERNS = [(c, p) for c, p in WORDS if c != "other"]  # kin words: a receiver named as the asker's relative
SHARE_COUNT = re.compile(r"(\d[\d,]*)\s*(만|천)?\s*주(?=\s*(?:를|을|가|는|씩|\(|,|$)|\s)")
PER_SHARE = re.compile(r"주당\s*(?:평가액|평가\s*금액|가격|시가|시세)?\S{0,2}\s*(?:은|는|이|가|:)?\s*$")


AREA_COUNT = re.compile(r"(\d[\d,]*)\s*(만|천)?\s*평(?!당)")
PER_AREA = re.compile(r"평당\s*(?:평가액|가격|시가|시세)?\S{0,2}\s*(?:은|는|이|가|:)?\s*(?:약\s*)?$")


def priced_shares(text: str, notes: list[str]) -> list:
    """The amounts of a gift question, a price per share or per 평 said with the count ("비상장주식 1만 주 … 주당
    2만원", "500주(주당 30만원)", "토지 200평 … 평당 300만원") made the gift's value, count × price; the count itself
    is no amount."""
    amounts = list(iter_amounts(text))
    unit, count, per_unit = "주", SHARE_COUNT.search(text) if "주당" in text else None, PER_SHARE
    if count is None and "평당" in text:
        unit, count, per_unit = "평", AREA_COUNT.search(text), PER_AREA
    per = [a for a in amounts if per_unit.search(window_before(text, a.start, 14))]
    if count is None or len(per) != 1:
        return amounts
    n = int(count[1].replace(",", "")) * {"만": 10_000, "천": 1_000}.get(count[2] or "", 1)
    price = per[0]
    total = AmountMention(price.start, price.end, f"{count.group(0).strip()} × {price.text}", price.value * n)
    notes.append(f"{unit}당 {format_won(price.value)} × {n:,}{unit} = {format_won(total.value)}을 증여재산가액으로 봄")
    return [total if a is price else a for a in amounts if not count.start() <= a.start < count.end()]


def split_amounts(text: str, year: int) -> tuple[list, list, list[str]]:
    """(this gift's amounts, earlier gifts' amounts, notes) by the time words around each amount."""
    current, prior, notes = [], [], []
    for a in priced_shares(text, notes):
        before = text[max(0, a.start - 30) : a.start]
        if NOT_GIFT.search(before) or re.match(
            r"\s*(?:원)?\s*(?:을|를|까지는?)?\s*(?:공제|한도)", text[a.end : a.end + 10]
        ):
            continue
        if re.match(r"\s*(?:원)?\s*중(?:에서?)?\s*\d", text[a.end : a.end + 8]):
            continue  # "보증금 3억 중 1억을": the whole, of which the next amount is the gift
        if re.search(r"(?:증여세|세액|(?<![전월])세금)\s*(?:로|를|은|는|:)?\s*$", before[-10:]):
            continue  # "당시 증여세 500만원 납부": the tax on an earlier gift, read as prior_tax
        left = max([m.end() for m in MEMO_FIELD.finditer(text, 0, a.start)] or [0])  # "3천 이체/7년전 5천 받음"
        right = next((m.start() for m in MEMO_FIELD.finditer(text, a.end)), len(text))
        clause = part_of(text[left:right], a.start - left, a.end - left)
        near = re.split(MEMO_FIELD, re.split(PART_MARKS, before)[-1])[-1]
        cue = PRIOR_CUE.search(near) or (PRIOR_CUE.search(clause) if not NOW_CUE.search(near) else None)
        cue = cue or (HAD_BEFORE.match(text, a.end) if not NOW_CUE.search(near) else None)
        if cue and cue.group(2) and int(cue.group(2)) >= year:
            cue = None  # a date of this year is no earlier gift
        if any(p.value == a.value for p in prior) and (
            SAID_AGAIN.search(near) or re.match(r"\s*(?:원)?\s*(?:은|는)\s", text[a.end :])
        ):  # "보태준 3천도 있잖아 … 받은 3천만원은 2024년 봄에": the earlier gift said again, as the topic
            continue
        # "… 5천만 원 준 적 있어요 — 이번에 아들이 낼": the words after a dash are another sentence
        own = next((p for p in re.split(r"\s[—–]\s", clause) if a.text in p), clause)
        if cue and not NOW_CUE.search(near) and not re.search(r"이번", own):
            ago = int(cue.group(1)) if cue.group(1) else (year - int(cue.group(2)) if cue.group(2) else None)
            if ago is not None and ago > 10:
                giver = [m.words for m in mentions(clause) if m.category in RELATION_OF]  # named, so not asked about
                who = f"{giver[-1]}의 " if giver else ""
                notes.append(f"{ago}년 전 {who}증여 {format_won(a.value)}은 10년이 지나 합산하지 않음 (제47조②)")
                continue
            prior.append(a)
        else:
            current.append(a)
    return asked_for(text, per_receiver(text, asked_share(text, current, notes), notes), notes), prior, notes


def prior_from_same_group(text: str, a, relation: str, receiver: str | None = None) -> bool:
    """An earlier gift counts when its clause names no donor or one of the same 제53조 group, or names only the one
    the asker gives to now (`receiver`: "작은아들놈 집 장만하는 데 보태라고 재작년에 3천만원을 줬고")."""
    clause_start = max(text.rfind(c, 0, a.start) for c in ",.?!\n") + 1
    # "민수(24)는 작년에 따로 3천 받았고요": another person, by name, received it (not this gift's receiver)
    other = re.match(r"\s*([가-힣]{2,3})(?:이)?\s*\([^()]{0,12}\)\s*(?:는|은|도)\s", text[clause_start : a.start])
    if (
        other
        and not re.fullmatch(r"저|제|나|본인|우리|저희|이번|작년|그때|전에|예전", other[1])
        and not mentions(other[1])
    ):
        if not re.search(rf"{other[1]}\S{{0,2}}\s*(?:\([^()]*\)\s*)?(?:한테|에게|께)", text):
            return False
    clause = text[clause_start : a.start]
    if re.search(r"(?<![가-힣])(?:제가|내가|저희가)\s*(?:\S+\s*){0,1}$", clause) and re.search(
        r"(?<![가-힣])(?:제가|내가|저희가)[^.?!]{0,30}?(?:주려|줄|보태|드리|넣어)", text
    ):  # "※ 참고로 5년 전 아들 … 제가 3천만원 준 적이 있고": the asker gave before and gives now
        return True
    given_to = (  # "장남(마흔다섯)에게 … 증여했고", not "아버지한테 5천 받았고 … 증여세는"
        r"\S{0,2}(?:\s*\([^()]{0,16}\))?\s*(?:한테|에게|께)(?!서)(?:(?!받)[^.?!]){0,24}?"
        r"(?:줬|준|주었|주셨|드렸|보냈|넣|증여(?:했|한|하였))"
    )
    kin = [m for m in mentions(clause) if m.category in RELATION_OF]
    # the giver's word, not the receiver's ("5년 전에 제가 딸한테 1,500만 원을": the asker gave)
    receivers = [m for m in kin if re.match(given_to, text[clause_start + m.end :])]
    named = [m for m in kin if m not in receivers]
    if not named and receivers:  # "큰아들에게 4년 전 6천을 증여했어요. 이번에 작은아들에게": another receives now
        said = {clause[r.start : r.end] for r in receivers}
        later = [m for m in mentions(text[a.end :]) if m.category in RELATION_OF]
        return not any(
            text[a.end + m.start : a.end + m.end] not in said
            and re.match(r"\S{0,2}\s*(?:한테|에게|께)(?!서)", text[a.end + m.end :])
            for m in later
        )
    if not named or (receiver and all(m.words == receiver for m in named)):
        return True
    if relation == "other_relative" and IN_LAW_GIVER.search(text) and named[-1].words in ("어머님", "아버님"):
        return True  # a 며느리's "어머님": the mother-in-law who gives now, addressed as her own
    return RELATION_OF[named[-1].category][0] == relation


WHOLE_VALUE = r"(?:값|가격|시가|시세|가치|감정가)\S{0,2}\s*(?:은|는|이|가|:)?\s*(?:약\s*)?(?:평당\s*)?$"
# "지분 시가 7억", "그 지분의 평가액은 3억": the value said of the share itself, not of the whole thing
SHARE_VALUE = (
    r"지분\S{0,2}\s*(?:의\s*)?(?:값|가격|시가|시세|가치|감정가|평가액|가액)\S{0,2}\s*(?:은|는|이|가|:)?\s*(?:약\s*)?$"
)


def share_said_before(text: str, first) -> tuple[float, str] | None:
    """A share of a thing said before its value ("지분 절반", "지분 30%", the asker's "저 60%") or after it."""
    before = text[: first.start]
    half = re.search(r"지분\s*(?:의\s*)?(?:(절반|반|1\s*/\s*2)|(\d{1,2}(?:\.\d+)?)\s*%)", before) or re.search(
        r"(?<![가-힣])(절반|반)()\s*(?:의\s*)?지분", before
    )  # "200평 중 절반 지분(1/2)을"
    if half:
        return (50.0 if half.group(1) else float(half.group(2))), half.group(0)
    mine = re.findall(r"(?<![가-힣])(?:저|제|나|본인)\S{0,2}\s*(\d{1,2}(?:\.\d+)?)\s*%", before)
    if len(mine) == 1:
        return float(mine[0]), re.search(rf"(?:저|제|나|본인)\S{{0,2}}\s*{re.escape(mine[0])}\s*%", before).group(0)
    # "건물이 시가로 이십사억 … 지분 절반을 제 앞으로", "지분 삼분지일": the whole's value said first, the share after
    after = share_after(text[first.end :], r"지분")
    return (float(after[0] * 100), after[1]) if after else None


def own_share(text: str, reading, amount: int, words: str, first) -> tuple[int, str]:
    """The donee's own share when the question gives the whole: "지분 30%만큼 … 전체가 10억", "반반"."""
    pct = re.search(r"(?:지분|몫)\S{0,3}\s*(\d{1,2}(?:\.\d+)?)\s*%|(\d{1,2}(?:\.\d+)?)\s*%\s*(?:지분|몫)", text)
    if pct and re.search(r"전체|총|전부", window_before(text, first.start, 15)):
        share = float(pct.group(1) or pct.group(2))  # "지분 30%만큼 … 땅 전체가 10억": the share received
        amount, words = int(amount * share / 100), f"{words} × {share:g}%"
        reading.assume(f"전체 {format_won(first.value)} 중 지분 {share:g}%를 받은 금액으로 계산")
    after = (
        re.match(  # "아파트(시세 16억)의 지분 절반", "(시가 16억) 지분의 절반": the share of the whole said after it
            r"\s*(?:원)?\s*(?:\)\s*(?:의|중(?:에서?)?)?|(?:의|중(?:에서?)?))\s*지분\s*(?:의\s*)?(?:(절반|반|1\s*/\s*2)|(\d{1,2}(?:\.\d+)?)\s*%)",
            text[first.end :],
        )
        or re.match(r"\s*(?:원)?\s*\)?\s*(?:의|중(?:에서?)?)\s*(절반|반|1\s*/\s*2)()\s*지분", text[first.end :])
    )
    if after and not (pct and re.search(r"전체|총|전부", window_before(text, first.start, 15))):
        share = 50.0 if after.group(1) else float(after.group(2))
        amount, words = int(amount * share / 100), f"{words} × {share:g}%"
        said = re.search(r"\S+\s*지분$|지분.*", after.group(0)).group(0)  # quoted, so the share is known to be read
        reading.assume(f"'{said}': 전체 {format_won(first.value)} 중 지분 {share:g}%를 받은 금액으로 계산")
        return amount, words
    if re.match(
        r"\s*(?:원)?\s*(?:의|중(?:에서?)?)\s*(?:절반|반)(?=[을를은는이가만의\s,.)]|$)", text[first.end :]
    ):  # "4억 중에 절반"  # "3억의 절반을 아빠가 저한테"
        amount, words = amount // 2, f"{words}의 절반"
        reading.assume(f"'{words}': {format_won(amount)}을 받는 것으로 계산")
        return amount, words
    whole = re.search(WHOLE_VALUE, window_before(text, first.start, 12))
    of_share = re.search(SHARE_VALUE, window_before(text, first.start, 16))
    share = share_said_before(text, first) if whole or of_share else None
    if share and of_share:
        reading.assume(f"'{share[1]}': {format_won(first.value)}은 그 지분의 값으로 봄")  # "지분 절반 … 지분 시가 7억"
        return amount, words
    if share:
        # "집지분 절반 넘기려는데 집값이 12억", "저 60%, 동생 40%로 … 상가 가격은 10억": the whole's value, the share said
        amount, words = int(amount * share[0] / 100), f"{words} × {share[0]:g}%"
        reading.assume(
            f"'{share[1]}': 전체 {format_won(first.value)} 중 {share[0]:g}%를 본인 몫으로 받은 금액으로 계산"
        )
        return amount, words
    halves = re.search(r"반반|절반씩", text)
    if halves and not re.search(r"씩|몫\S{0,3}\s*\d", text.replace(halves.group(0), "")):
        # "저랑 동생한테 반반 나눠서 4억": each donee is taxed on the half received (제4조의2)
        amount, words = amount // 2, f"{words} ÷ 2"
        reading.unclear(
            f"'{halves.group(0)}': 두 사람이 나눠 받은 것으로 보고 본인 몫 {format_won(amount)}에 과세함 — 몫이 다르면 알려 주세요"
        )
    return amount, words


KIN_COUPLE = re.compile(r"(?:(형|누나|오빠|언니|동생)|(아들|딸))(?:네)?\s*부부")
COUPLE = re.compile(
    r"(?:우리|저희)\s*부부|(?:형|누나|오빠|언니|동생|아들|딸)(?:네)?\s*부부|부모님|(?:엄마|어머니|아빠|아버지)\s*(?:랑|이랑|와|과|하고)\s*(?:엄마|어머니|아빠|아버지)"
)


def each_from_parents(text: str, first, givers: list) -> int:
    """How many parents each give the amount ('부모님이 각각 5천씩', '우리 부부가 아들에게 각각 5천씩': 2),
    0 when the givers are not the donee's parents (a parent and the parent's spouse are one donor, 제47조②)."""
    if len(givers) > 1 and all(m.category == "parent" for m in givers):
        return len(givers)
    return 2 if COUPLE.search(text[: first.start]) else 0


def kin_couple_to_child(text: str, first) -> bool:
    """ "형 부부가 조카한테", "딸네 부부가 손주에게": the couple are the donee's own parents (직계존속)."""
    couple = KIN_COUPLE.search(text[: first.start])
    child = r"조카" if couple and couple.group(1) else r"손주|손자|손녀"
    return bool(couple and re.search(child, text[couple.end() : first.start]))


def asked_share(text: str, current: list, notes: list[str]) -> list:
    """'큰아들한테 3천, 작은아들한테도 3천 줬어요. 작은아들 증여세는요?': amounts said each beside its own person,
    and the question asks about one of them: that person's amount alone is the gift (증여세 is per donee)."""
    if len(current) < 2:
        return current
    owners, prev = [], 0
    for a in current:
        named = [m for m in mentions(text[prev : a.start]) if m.category in RELATION_OF]
        me = re.search(r"(?<![가-힣])(?:저|나|본인)\s*(?:한테|에게|께)\s*$", text[prev : a.start])
        owners.append("본인" if me else named[-1].words if named else None)  # "동생한테 5천, 저한테 7천"
        prev = a.end
    if None in owners or len(set(owners)) < len(owners):
        return current
    tail = text[current[-1].end :]
    asked = [w for w in owners if re.search(re.escape(w) + r"(?:님)?\s*(?:의\s*)?(?:증여세|세금|몫)", tail)]
    if not asked and re.search(
        r"(?:제|저의|내|나의|본인)\s*(?:증여세|세금|몫)", tail
    ):  # "… 저한테 5천. 제 증여세는요?"
        prev, me = 0, []
        for w, a in zip(owners, current):
            if re.search(r"(?<![가-힣])(?:저|나|본인)\s*(?:한테|에게|께)", text[prev : a.start]):
                me.append(w)
            prev = a.end
        asked = me
    if len(asked) != 1:
        return current
    pick = current[owners.index(asked[0])]
    others = ", ".join(f"{w} {a.text}" for w, a in zip(owners, current) if a is not pick)
    notes.append(
        f"증여세는 받는 사람마다 따로 계산: {asked[0]}의 {format_won(pick.value)}만 계산 ({others}은 다른 사람 몫)"
    )
    return [pick]


EACH_RECEIVER = "증여세는 받는 사람마다 따로 계산"
# several receivers named before an amount given to each: "자녀 2명에게 각 5천씩", "두 아들한테 1억씩"
RECEIVERS = (
    r"(?:(?<![\d.])\d\s*(?:명|분)\S{0,2}|(?<![가-힣])(?:두|세|네|다섯)\s*(?:명|분)\S{0,2}|(?<![가-힣])(?:두|세|네)\s+[가-힣]{1,4}|"
    r"(?<![가-힣])(?:둘|셋|넷)|(?:자녀|자식|아이|애|손주|손자|손녀|조카|딸|아들)들)\s*(?:에게|한테|께)(?!서)"
)


def per_receiver(text: str, current: list, notes: list[str]) -> list:
    """'자녀 2명에게 각 5천씩, 총 1억': one giver to several receivers, each receiving the amount said with 각/씩;
    the 증여세 is per receiver, so that amount is the gift, not the total said beside it."""
    for a in current:
        each = re.search(r"(?:각|각각|1인당|인당|명당)\s*$", text[max(0, a.start - 6) : a.start])
        each = each or re.match(r"\s*(?:원)?\s*씩", text[a.end :])
        if each and re.search(RECEIVERS + r"\s*(?:각각?\s*)?$", text[max(0, a.start - 24) : a.start]):
            total = "".join(f", {b.text}은 합계" for b in current if b is not a)
            notes.append(f"{EACH_RECEIVER}: 한 사람이 받는 '{a.text}'({format_won(a.value)})으로 계산{total}")
            return [a]
    return current


ASKER_TOPIC = re.compile(r"(?<![가-힣])(?:저|나|전|난|제가|내가)(?:는|도)?\s")
OTHER_TOPIC = re.compile(
    r"(?<![가-힣])(?:친?형|누나|언니|오빠|(?:남|여)?동생|친구|사촌|형님|언니네|오빠네)\s*(?:은|는|이|가|도)\s"
)


def askers_own(text: str, current: list, notes: list[str]) -> list:
    """ "형은 아버지한테 2억 받았고 저는 8천만원 받았어요": of several amounts, the one said in the asker's own
    clause, when every other is said of another person (a sibling's gift is their own 증여세, not the asker's)."""
    if len(current) < 2:
        return current
    ends = [0] + [a.end for a in current[:-1]]
    mine = [a for a, e in zip(current, ends) if ASKER_TOPIC.search(text[e : a.start])]
    theirs = [a for a, e in zip(current, ends) if OTHER_TOPIC.search(text[e : a.start]) and a not in mine]
    if len(mine) != 1 or len(theirs) != len(current) - 1:
        return current
    notes.append(
        f"{josa(', '.join(a.text for a in theirs), '은는')} 다른 사람이 받은 금액으로 보고 질문자 몫 {mine[0].text}만 계산"
    )
    return mine


# whose gift the question asks about, when it names them: "남편이 받은 것 증여세만", "동생 거만 알려주세요"
GIVER_WORDS = r"엄마|아빠|어머니|아버지|어머님|아버님|할머니|할아버지|삼촌|이모|고모|외삼촌|형|오빠|누나|언니|동생"
ASKED_FOR = re.compile(
    rf"(?<![가-힣])({PEOPLE})(?:이|가)?\s*(?:받은|받는|받을)\s*(?:것|거|돈|금액|부분)|"
    rf"(?<![가-힣])({PEOPLE})\s*{THEIRS}\s*만|(?<![가-힣])({PEOPLE})(?:의)?\s*증여세\s*만"
)

# a receiver named by a given name whose share alone is asked: "서연이 몫 증여세만", "지우 몫만 계산해"
NAMED_SHARE = re.compile(r"(?<![가-힣])([가-힣]{2,3}?)이?\s*(?:의\s*)?몫\s*(?:증여세|세금)?\s*만")


def asked_for(text: str, current: list, notes: list[str]) -> list:
    """ "저는 엄마한테 3천 받았고, 남편은 시아버지한테 1억 받았대요. 남편이 받은 것 증여세만": of several amounts, the
    one said in the clause of the person the question names as the one asked about, put first."""
    giver = re.search(
        rf"(?<![가-힣])({GIVER_WORDS})\s*(?:한테|에게|께)서?\s*받은\s*(?:것|거|돈|금액)[^.?!]{{0,12}}만", text
    )
    if len(current) >= 2 and giver:  # "동생한테서 500만원, 엄마한테서 1억 … 엄마한테 받은 것 증여세만"
        from_them = [
            a
            for a in current
            if re.search(rf"{giver[1]}\s*(?:한테|에게|께)서?\s*$", text[max(0, a.start - 12) : a.start])
        ]
        if len(from_them) == 1:
            others = ", ".join(f"'{a.text}'" for a in current if a is not from_them[0])
            notes.append(f"질문이 묻는 {giver[1]}의 증여 {from_them[0].text}만 계산 ({others}은 다른 사람이 준 것)")
            return from_them
    asked = ASKED_FOR.search(text) or NAMED_SHARE.search(text)
    if len(current) < 2 or asked is None:
        return current
    person = next(g for g in asked.groups() if g)
    ends = [0] + [a.end for a in current[:-1]]
    # "작은애 서연이(만 17세, 고2)는 8천만": a name's 이 and an aside in brackets may come before the particle
    said = rf"(?<![가-힣]){person}(?:이)?(?:\s*\([^()]{{0,20}}\))?\s*(?:은|는|이|가|도)\s"
    theirs = [
        a for a, e in zip(current, ends, strict=True) if a.end <= asked.start() and re.search(said, text[e : a.start])
    ]
    if len(theirs) != 1:
        return current
    others = ", ".join(f"'{a.text}'" for a in current if a is not theirs[0])
    notes.append(
        f"질문이 묻는 {person}의 증여(몫) {theirs[0].text}만 계산 ({josa(others, '은는')} 다른 사람이 받은 것으로 봄)"
    )
    return theirs


# the asker said to receive too, in a clause with no amount: "저한테도 따로 좀 주신대요", "나도 조금 받을 거예요"
ASKER_TOO = re.compile(
    r"(?<![가-힣])(?:저|나|본인)(?:한테|에게|께)?도\s*(?:따로\s*|별도로\s*)?(?:좀|조금|얼마|약간|일부|얼마간)?\s*"
    r"(?:\S+\s*){0,2}?(?:주(?:[시셨신실려고])|줬|준대|받(?:았|을|는|기로)|보태|넣어)"
)
SAME_AMOUNT = r"똑같이|같은\s*(?:금액|액수|돈)|만큼|마찬가지|동일(?:한|하게)"


def asker_amount_unsaid(text: str, current: list) -> re.Match | None:
    """ "시어머니가 남편한테 1억을 주셨고 저한테도 따로 좀 주신대요": every amount said is given to another person
    named as its receiver, and the asker, who receives too, says no amount of their own (the gift asked about)."""
    mine = ASKER_TOO.search(text)
    if not current or mine is None or re.search(SAME_AMOUNT, text):
        return None
    if any(mine.start() <= a.start < mine.end() + 12 for a in iter_amounts(text)) or re.search(
        r"\d", part_of(text, mine.start(), mine.end())
    ):
        return None  # "저한테도 5천": the asker's amount is said
    to_other = rf"(?:{'|'.join(p for _, p in WORD_PATTERNS)})\S{{0,1}}\s*(?:한테|에게|께)(?!서)\s*(?:\S+\s*)?$"
    if all(re.search(to_other, window_before(text, a.start, 16)) for a in current):
        return mine
    return None
