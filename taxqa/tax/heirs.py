"""Who inherits, for the inheritance reader: the deceased (the relation word that is the subject of
a death verb), the spouse from either side, the children (the asker among them when the asker is a
child), and without children the deceased's parents. Relation words come from taxqa.tax.family.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from taxqa.tax.children_count import KID_NOUNS, count_children, counted_in
from taxqa.tax.family import DEATH, PARENT_IN_LAW, Mention, mentions
from taxqa.tax.heirs_in_place import BROTHERS_WIFE, SISTERS_HUSBAND, grand_sex, headcount, in_place

NEGATED = r"(?:는|은|이|가|도|\s*[:：])?\s*(?:없|안\s*계|모두\s*돌아가|이미\s*돌아가|먼저\s*돌아가|사망|돌아가)"
PARENT_WORD = r"아버지|어머니|아버님|어머님|아빠|엄마"
# a grandparent speaking to a grandchild ("너희 아버지", "네 아비"): the speaker's spouse is "할머니" to them
GRANDCHILD_ADDRESSED = (
    r"너희\s*(?:아버지|어머니|아빠|엄마|아비|어미)|(?<![가-힣])네\s*(?:아비|애비|어미|에미|아버지|어머니)"
)
# the spouse of the asker's sibling-in-law: "처남댁", "올케", "형수", "시누이 남편"
SIBLING_IN_LAW_SPOUSE = r"처남댁|올케|형수님?|제수씨?|매형|매부|매제|제부|형부|동서|(?:처남|처제|처형|시누이|시동생)\S{0,2}\s*(?:남편|아내|부인|와이프)"
CHILDREN_IN_LAW = ("시누이", "시동생", "시아주버니", "아주버님", "처남", "처제", "처형")  # the spouse's siblings


# a death said as earlier than the one asked about: "이미", "먼저", "3년 전에", "예전에", "오래전에"
EARLIER = (
    r"이미\s*|먼저\s*|일찍\s*|벌써\s*|예전에\s*|오래\s*전에?\s*|\d{1,2}\s*년\s*전에?\s*"
    r"|(?:[이삼사오육칠팔구]?십|열|[한두세네]|다섯|여섯|일곱|여덟|아홉)\s*년\s*전에?\s*"  # "십 년 전에", "두 해 전"
)
# the year of that earlier death, said before it: "집사람은 재작년에 먼저 보냈습니다"
WHEN = r"(?:재작년|작년|지난\s*해|몇\s*년\s*전|\d{1,2}\s*년\s*전|오래\s*전)에?\s*"
# a spouse the asker saw die first, said as sending them ahead: "먼저 보냈습니다", "일찍 하늘나라로 보냈고"
SENT_AHEAD = r"(?:먼저|일찍|앞서)\s*(?:[가-힣]{2,5}(?:로|으로)\s*)?(?:떠나\s*)?보(?:내|냈)"
# the asker's own death ahead, the estate asked about being the asker's: "제가 죽고 나면", "내가 죽으면"
OWN_DEATH = (
    r"(?:본인|제가|내가|어르신)\S{0,4}\s*(?:돌아가실|돌아가시면|사망하면|사망할|죽으면|죽을|사망\s*시|"
    r"죽고\s*나(?:면|서)|죽은\s*(?:뒤|후|다음)|세상을\s*(?:뜨면|떠나면|뜬\s*(?:뒤|후)))"
)


# when and at what age, said between the one who died and the verb: "남편이 지난 3월에 향년 84세로 세상을 떴습니다"
SAID_WHEN = (
    r"(?:(?:지난|올해|작년|금년|\d{4}\s*년)\s*){0,2}\d{1,2}\s*월\s*(?:\d{1,2}\s*일)?\s*에?\s+|(?:지난달|지난주|얼마\s*전)에?\s+"
    r"|(?:향년\s*)?\d{2,3}\s*세(?:로|의\s*나이로|에|를\s*일기로)\s+"
    # "작년 추석 연휴에 일흔여덟으로": a holiday named for the time, an age said in native numerals
    r"|(?:(?:지난|올해|작년|금년|재작년|지난해)\s*)?(?:설|설날|추석|명절|연말|연초)\s*(?:연휴|무렵|즈음|때|직후|전)?\s*에?\s+"
    r"|(?:향년\s*)?(?:쉰|예순|일흔|여든|아흔)(?:하나|둘|셋|넷|다섯|여섯|일곱|여덟|아홉)?\s*(?:살)?(?:으로|로|의\s*나이로|에)\s+"
)


# what took the one who died, said before a plain 갔/떠났 (a trip has no such cause)
CAUSE = r"(?:(?:교통\s*)?사고로\s*|(?:지병|암|병환?|심장마비|뇌출혈|코로나)\s*으?로\s*)"
# the spouse of the asker's sibling ("형부", "매형"): their spouse is the asker's sibling, their children 조카
SIBLINGS_SPOUSE = ("매형", "매부", "매제", "제부", "형부", "올케", "형수", "형수님", "제수", "제수씨")
ASKERS_SIBLING = r"(?:큰|작은|막내|둘째)?(?:누나|언니|오빠|여동생|남동생|동생|형님?)"


# a pause in speech ("엄마가… 지난 2월에", "아버지는… 음 벌써"): the trail and the filler words, not words of the case;
# "아버지마저…" keeps its trail (the later of two deaths, left unsaid)
PAUSE = r"(?<!마저)(?<!까지)(?:…+|\.{2,})|(?<![가-힣])(?:음+|어+|그러니까|저기|뭐랄까)(?=[\s,…])"


def unpaused(text: str) -> str:
    """`text` with its pauses blanked (positions kept), so a subject reaches its verb across them."""
    return re.sub(PAUSE, lambda m: " " * len(m[0]), text)


def decedent(text: str) -> Mention | None:
    """The person who died: the relation word that is the subject of a death verb (or of 상속재산/유산)."""
    text = unpaused(text)
    # "어머니(배우자 없음) 별세": an aside that says no death is blanked (positions kept), so the word
    # before it is the subject of the verb after it
    text = re.sub(r"\([^()]{0,30}\)", lambda m: m[0] if re.search(DEATH, m[0]) else " " * len(m[0]), text)
    # "남편이 아이 없이 먼저 갔어요": a kin word said as lacking is no one, and not the subject of the verb after
    found = [m for m in mentions(text) if not re.match(r"\s*(?:도\s*|하나\s*)?없이", text[m.end :])]
    named = re.search(r"(?:피상속인|사망자|고인)(?:은|는|이|:|\s)*\s*", text)  # "사망자: 남편"
    for m in found:  # "피상속인 아버지", "피상속인: 남편"
        if named and m.start == named.end() and not re.match(r"\s*(?:은|는|이|가)?\s*(?:없|X\b|x\b)", text[m.end :]):
            return m  # "피상속인 배우자 없음" is the decedent's spouse, not the decedent
    # "아버지 상속세만 여쭤볼게요" after two deaths, "부친 상속 건으로" with no death verb: the one whose
    # inheritance is asked about (with a single death said, its subject is read below)
    asked = [m for m in found if re.match(r"(?:님)?(?:의)?\s*상속\s*(?:세|건)", text[m.end :])]
    if len(asked) == 1 and len(re.findall(DEATH, text)) != 1:
        return asked[0]
    for i, m in enumerate(found):
        rest = text[m.end : found[i + 1].start if i + 1 < len(found) else len(text)]
        if re.match(r"(?:님)?\s*(?:을|를)\s*(?:\S+\s*)?(?:남기|남겨|두고)", rest):
            continue  # "아내와 세 자녀를 남기고 떠나셨습니다": those left behind, not the one who died
        if re.match(
            r"(?:님)?\s*(?:께서|이|가|은|는|도)?\s*(?:" + SAID_WHEN + r")*(?:\S+\s*){0,2}?(?:" + DEATH + ")", rest
        ) and not re.match(  # "엄마는 2019년에 먼저 가심": a death before, its year said, is no decedent's
            r"(?:님)?(?:은|는|도)\s*(?:(?:\d{4}\s*년|"
            + WHEN
            + r")\S{0,2}\s*(?=이미|먼저))?(?:이미\s*|먼저\s*)?(?:"
            + DEATH
            + ")",
            rest,
        ):
            earlier = re.match(r"(?:님)?(?:은|는)\s*(?:" + EARLIER + ")", rest)
            if not (earlier and len(re.findall(DEATH + r"|장례|마저", text)) > 1):
                return m  # "어머니는 3년 전에 돌아가셨고 올해 아버지가": the earlier death is not this estate's
        if re.match(
            r"(?:님)?\s*(?:을|를)?\s*(?:하늘나라로\s*|먼저\s*)?(?:떠나\s*)?보내\s*드(?:린|렸|리고|린\s*지)", rest
        ):
            return m  # "아빠 보내드린 지 석 달": the particle left out of "아빠를 보내드린"
        if re.match(r"(?:님)?(?:의)?\s*장례", rest):
            return m  # "엄마 장례 잘 끝났고": the one whose funeral it was
        if re.match(r"(?:님)?(?:마저|까지)\s*(?:…|\.{2,}|(?:\S+\s*){0,2}?(?:" + DEATH + "))", rest):
            return m  # "올해 아버지마저…": the later of two deaths
        if re.match(r"(?:님)?(?:께서|이|가|와|과)\s*사별", rest):
            return m
        if re.match(r"(?:님)?(?:께서|이|가)\s*(?:" + SAID_WHEN + r")+떠났", rest):
            return m  # "남편이 지난 3월에 떠났어요": a plain 떠났 (not in DEATH: a trip too) with the month it happened
        if re.match(r"(?:님)?(?:께서|이|가)\s*(?:" + SAID_WHEN + r")*" + CAUSE + r"(?:갔|떠났)", rest):
            return m  # "매형이 올해 3월에 교통사고로 갔는데": a plain 갔 with what took them
        if re.match(r"(?:님)?(?:의|께서|가|이)?\s*(?:남기신|남긴|남기셨|명의의?|의\s*상속|상속재산|유산|재산)", rest):
            return m
        if re.match(r"(?:님)?\s*상속\s*(?:정리|건|문제|관련)", rest):
            return m  # "아버지 상속 정리한 표예요": the estate named by whose it is
    # "어머니는 사망했습니다. 상속인은 …": with no other death said and no word of it being earlier, the
    # one "X는 사망" is the decedent ("어머니는 예전에 돌아가셨고" stays a parent who died before)
    said = [
        m
        for m in found
        if re.match(r"(?:님)?(?:은|는|도)\s*(?:" + DEATH + ")", text[m.end :])
        and not re.match(r"\S{0,3}\s*(?:먼저|일찍|이미|예전|오래|전에)", text[m.end :])
    ]
    if len(said) == 1 and len(re.findall(DEATH, text)) == 1:
        return said[0]
    # "남편 카드값이랑 장례비까지 정리해서 … 저까지 세 명이 상속인입니다": no death verb (said in an earlier
    # message), the asker an heir beside their spouse: the spouse is the one who died
    spouses = [m for m in found if m.category == "spouse"]
    if len(spouses) == 1 and re.search(r"(?<![가-힣])(?:저|제|본인)(?:까지|도|가|는)?\s*[^.?!\n]{0,12}상속인", text):
        return spouses[0]
    return None


@dataclass
class Heirs:
    decedent: str = ""  # category of the deceased as seen from the speaker ("" = not named)
    decedent_words: str = ""
    spouse: bool = False
    spouse_words: str = ""
    children: int | None = None
    children_words: str = ""
    parents: int = 0
    parents_words: str = ""
    notes: list[str] = field(default_factory=list)
    ambiguous: list[str] = field(default_factory=list)


def side(word: str) -> str:
    """Which parent a word names (모친, 어머니, 엄마 are one person), the word itself when it says neither."""
    return (
        "m"
        if re.search(r"모친|어머|엄마|어미|계모", word)
        else "f"
        if re.search(r"부친|아버|아빠|아비|계부", word)
        else word
    )


# a marriage never registered, said of a partner: "혼인신고는 안 했어요", "(사실혼)"
UNREGISTERED = r"(?:님)?\S{0,3}\s*[^.?!]{0,14}?(?:혼인\s*신고\s*(?:는|를|도|가)?\s*(?:안|않|못|없|하지)|사실혼)"


def parted(text: str, m: Mention, divorced: str, found: Mention | None) -> bool:
    """A divorce or remarriage said of `m` ("어머니는 재혼하셔서"), not a remarriage to the deceased ("새어머니(아버지랑
    재혼해서 혼인신고 된 분)": the deceased's own spouse)."""
    if re.match(UNREGISTERED, text[m.end :]):
        return True  # "새어머니는 혼인신고는 안 했어요": a partner in fact only, no heir (민법 제1003조)
    said = re.match(divorced, text[m.end :])
    if said is None:
        return False
    return not (
        found and "재혼" in said.group(0) and re.search(rf"{re.escape(found.words)}\S{{0,2}}\s*재혼", said.group(0))
    )


def heirs(text: str) -> Heirs:
    """Who inherits: the deceased's spouse (from either side), children (the speaker included when
    the speaker is a child of the deceased) and, without children, the deceased's parents."""
    text = unpaused(text)
    found = decedent(text)
    h = Heirs()
    category = found.category if found else ""
    h.decedent, h.decedent_words = category, found.words if found else ""
    others = [m for m in mentions(text) if found is None or m.start != found.start]
    own_death = re.search(OWN_DEATH, text)
    gone = (  # dead, or not an heir: "아버지는 이혼해서 상속인 아님"
        # "남편분은 6년 전에 먼저": 분 is the honorific of a third person's relation, as 님
        r"(?:님|분)?(?:은|는|도|께서|이|가)?\s*(?:(?:두\s*분|둘)\s*)?(?:다|모두)?\s*(?:"  # "시부모님은 두 분 다 예전에"
        + EARLIER
        + r"|\d{4}\s*년(?:도)?에?\s*|(?:재작년|작년|지난\s*해)에?\s*)*(?:"  # "아빠는 2019년에 먼저 가셨고요", "엄마도 작년에"
        + DEATH
        + r"|안\s*계|없|계시지\s*않|이혼|상속인\s*(?:이\s*)?아)"
    )
    if own_death:  # "집사람은 재작년에 먼저 보냈습니다. 제가 죽고 나면": sent ahead of the asker, whose estate it is
        gone += r"|(?:은|는|도|을|를)?\s*(?:" + WHEN + r")?(?:" + SENT_AHEAD + ")"
    divorced = r"(?:님)?(?:은|는|도|께서|이|가)?\s*[^.,?!]{0,14}?(?:이혼|재혼)(?:하|했|한|해)"
    alive = [m for m in others if not re.match(gone, text[m.end : m.end + 30]) and not parted(text, m, divorced, found)]
    if category == "spouse" and own_death and re.search(r"사별|먼저\s*(?:가|떠나|돌아가)", text):
        h.decedent, h.decedent_words = "self", own_death.group(0)  # "배우자 사별 후 … 본인이 돌아가실 경우"
        h.notes.append("배우자와 먼저 사별해 피상속인의 배우자 없음")
    elif category == "spouse":
        h.spouse, h.spouse_words = True, found.words + " (질문자가 배우자)"
    elif category in ("parent", "stepparent"):
        partner = [  # "모친상 … 어머니 명의 재산": one mother in two words, no partner
            m
            for m in alive  # "새어머니(아버지랑 재혼해서 혼인신고 된 분)": the father's wife, his spouse
            if m.category in ("parent", "stepparent") and "부모" not in m.words and side(m.words) != side(found.words)
        ]
        if partner:
            h.spouse, h.spouse_words = True, partner[0].words
        elif re.search(r"부모님?\s*(?:두\s*분\s*)?(?:이|가|께서)?\s*(?:모두|다)\s*(?:" + DEATH + ")", text):
            h.spouse = False
        elif any(m.category == "parent" and side(m.words) != side(found.words) for m in others):
            h.notes.append("피상속인의 배우자(다른 부모)는 돌아가셨거나 상속인이 아닌 것으로 보아 배우자 없음으로 계산")
        else:
            # the spouse's deduction (at least 5억, 제19조) turns on it: asked, not assumed
            h.ambiguous.append(
                "피상속인의 배우자(다른 부모)가 살아 계신지 언급이 없어 배우자 없음으로 계산함: 배우자 생존 여부 확인이 필요"
            )
    elif category == "grandparent":
        # "고모(할머니 딸)": the deceased named again is no partner; a partner is the grandparent of the other sex
        partner = [m for m in alive if m.category == "grandparent" and grand_sex(m.words) != grand_sex(found.words)]
        if partner:
            h.spouse, h.spouse_words = True, partner[0].words
    elif category == "inlaw" and re.search(PARENT_IN_LAW, found.words):
        partner = [m for m in alive if m.category == "inlaw" and re.search(PARENT_IN_LAW, m.words)]
        if partner:
            h.spouse, h.spouse_words = True, partner[0].words
    elif category == "inlaw" and found.words in CHILDREN_IN_LAW:  # "처남이 … 세상을 떴어요. 처남댁은 살아 있어요"
        partner = re.search(SIBLING_IN_LAW_SPOUSE, text)
        if partner and not re.match(gone, text[partner.end() : partner.end() + 20]):
            h.spouse, h.spouse_words = True, partner.group(0)
    elif category == "inlaw" and found.words in SIBLINGS_SPOUSE:  # "형부가 돌아가셨어요 … 상속인은 언니랑"
        partner = [m for m in alive if m.category == "blood" and re.fullmatch(ASKERS_SIBLING, m.words)]
        if partner:
            h.spouse, h.spouse_words = True, partner[0].words
    elif category == "child":
        partner = [m for m in alive if m.words in ("며느리", "사위")]
        if partner:
            h.spouse, h.spouse_words = True, partner[0].words
    elif category == "other" and (whose := re.match(rf"(.+?)\s*(?:의\s*)?(?:{PARENT_WORD})$", found.words)):
        # "친구 아버지가 돌아가셨는데 ... 친구 어머니 살아계시고": the other parent of the same person
        partner = [
            m for m in alive if m.words.startswith(whose.group(1)) and re.search(rf"(?:{PARENT_WORD})$", m.words)
        ]
        if partner:
            h.spouse, h.spouse_words = True, partner[0].words
    elif category == "blood" and re.fullmatch(ASKERS_SIBLING, found.words):
        # "남동생이 갔어 … 올케랑 우리 엄마 아빠가 상속인": the sibling's spouse is the asker's 올케 (매형 for a sister)
        words = SISTERS_HUSBAND if re.search(r"누나|언니|여동생", found.words) else BROTHERS_WIFE
        partner = re.search(words, text)
        if partner and not re.match(gone, text[partner.end() : partner.end() + 30]):
            h.spouse, h.spouse_words = True, partner.group(0)
    elif own_death and not category and re.search(GRANDCHILD_ADDRESSED, text):
        partner = [m for m in alive if m.category == "grandparent"]  # the speaker's spouse, named for the grandchild
        if partner:  # the last one: the first is often the speaker naming themself ("할아버지가 말하는 거")
            h.spouse, h.spouse_words = True, partner[-1].words
    else:
        if own_death and not category:  # "제가 죽고 나면 자식 셋이": the asker's own estate, ahead
            h.decedent, h.decedent_words = "self", own_death.group(0)
        spouse = [m for m in alive if m.category == "spouse"]
        if spouse and not re.match(NEGATED, text[spouse[0].end : spouse[0].end + 8]):
            h.spouse, h.spouse_words = True, spouse[0].words
        elif h.decedent == "self" and any(m.category == "spouse" for m in others):
            h.notes.append("배우자와 먼저 사별해 피상속인의 배우자 없음")  # "집사람은 재작년에 먼저 보냈습니다"
    # "권사님(부인)과 자녀 넷": a title with the spouse word in brackets is the deceased's spouse
    aside = re.search(r"(?<=\()(?:부인|아내|남편|와이프)(?=\))", text)
    neutral = re.search(r"(?:피상속인의\s*)?배우자(?!의)", text) or aside
    lost = neutral and re.match(
        r"\)?\s*(?:와|과|랑|은|는|도|이|가)?\s*(?:" + DEATH + ")", text[neutral.end() : neutral.end() + 12]
    )
    if (
        (category or aside)
        and not h.spouse
        and neutral
        and not lost
        and not re.match(NEGATED, text[neutral.end() : neutral.end() + 8])
    ):
        h.spouse, h.spouse_words = True, neutral.group(0)  # "배우자" is the deceased's spouse from any side
        h.notes = [n for n in h.notes if "배우자 없음" not in n]
    if category in ("parent", "stepparent"):
        h.children, h.children_words = count_children(text, speaker_is_child=True)
    elif category == "grandparent":
        uncles = [
            m
            for m in alive
            if m.category in ("parent",) or m.words in ("삼촌", "외삼촌", "고모", "이모", "큰아버지", "작은아버지")
        ]
        counted = counted_in(text, KID_NOUNS)
        uncles, lines = in_place(text, found.words, [m for m in others if m not in alive], uncles, h)
        if counted:
            h.children, h.children_words = max(c for _, _, c in counted), counted[0][1]
        elif uncles:  # "이모 둘이랑 삼촌": each word with the count said after it
            h.children, h.children_words = headcount(text, uncles) + lines, ", ".join(m.words for m in uncles)
    elif category == "inlaw" and re.search(PARENT_IN_LAW, found.words):
        counted = counted_in(text, KID_NOUNS)
        kids = [m for m in alive if m.category == "spouse" or m.words in CHILDREN_IN_LAW]
        if counted:
            h.children, h.children_words = max(c for _, _, c in counted), counted[0][1]
        elif kids:
            h.children, h.children_words = len(kids), ", ".join(m.words for m in kids)
    elif category == "inlaw" and found.words in SIBLINGS_SPOUSE and (nephews := counted_in(text, "조카")):
        h.children, h.children_words = max(c for _, _, c in nephews), nephews[0][1]  # the asker's nephews
    elif category == "child":
        grand = [m for m in alive if m.category == "grandchild"]
        counted = counted_in(text, r"손자녀|손자|손녀|손주")
        if counted:
            h.children, h.children_words = sum(c for _, _, c in counted), counted[0][1]
        elif grand:
            h.children, h.children_words = len(grand), grand[0].words
        else:
            h.children = 0
            if not h.spouse:
                h.notes.append("자녀·배우자가 없는 자녀의 상속인은 부모(직계존속)")
    else:
        h.children, h.children_words = count_children(text, speaker_is_child=False)
    if not h.children:
        inlaws = re.search(
            r"시부모님?|시아버(?:지|님)|시어머(?:니|님)|장인|장모|(?:남편|아내|배우자)의\s*(?:부모님?|아버지|어머니)",
            text,
        )
        if (
            category == "inlaw" and found.words in CHILDREN_IN_LAW
        ):  # the asker's parents-in-law are the deceased's parents
            sides = {
                "m" if re.search(r"장모|어머|엄마", m.words) else "f"
                for m in alive
                if re.search(PARENT_IN_LAW, m.words)
            }
            sides |= {"m", "f"} if re.search(r"(?:시|처)부모", text) else set()
            h.parents, h.parents_words = len(sides), inlaws.group(0) if inlaws else ""
        elif category == "spouse" and inlaws:
            # "시아버님은 5년 전에 돌아가셨고 시어머님은 살아 계셔서": only the living parents of the deceased inherit
            living = [m for m in alive if re.search(PARENT_IN_LAW, m.words)]
            sides = {"m" if re.search(r"장모|어머|엄마", m.words) else "f" for m in living if "부모" not in m.words}
            dead = [m for m in others if m not in alive and re.search(PARENT_IN_LAW, m.words)]
            both = any("부모" in m.words for m in living) and not dead
            count = 2 if both else len(sides) if sides else 0 if dead else 2 if "부모" in inlaws.group(0) else 1
            h.parents, h.parents_words = count, ", ".join(dict.fromkeys(m.words for m in living)) or inlaws.group(0)
        elif category == "inlaw" and found.words in SIBLINGS_SPOUSE:
            h.parents, h.parents_words = theirs(text, found.words, alive)
        elif category == "blood" and re.fullmatch(ASKERS_SIBLING, found.words):  # the asker's parents are theirs
            living = [m for m in alive if m.category == "parent"]
            sides = {side(m.words) for m in living if "부모" not in m.words}
            both = any("부모" in m.words for m in living) or sides >= {"m", "f"}
            count = 2 if both else len(sides & {"m", "f"})
            h.parents, h.parents_words = count, ", ".join(dict.fromkeys(m.words for m in living))
        elif category == "child" and h.spouse:
            us = re.search(r"저희\s*부부|우리\s*부부|부부", text)
            h.parents, h.parents_words = (2, us.group(0)) if us else (1, "질문자(부모)")
    return h


def theirs(text: str, word: str, alive: list[Mention]) -> tuple[int, str]:
    """The living parents of the asker's sibling's spouse: "매형 부모님 두 분은 정정하시고", "형부 어머님"."""
    own = re.search(rf"{word}\s*(?:의\s*)?(?:부모님?|아버(?:지|님)|어머(?:니|님))", text)
    if own is None:
        return 0, ""
    named = [m for m in alive if m.category == "parent" and own.start() <= m.start]
    if not named:
        return 0, ""  # said as gone
    sides = {"m" if re.search(r"어머|엄마", m.words) else "f" for m in named if "부모" not in m.words}
    return (2 if "부모" in named[0].words else len(sides)), own.group(0)
