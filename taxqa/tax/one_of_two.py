"""Two businesses, houses or jobs told one after the other ("하나는 간이과세 분식집이고 … 다른 하나는 일반과세 소품
매장인데 …") and only one asked about ("소품 매장 부가세만 계산해 주세요"): the other one's words are left out, so its
status and figures are not read into the one asked."""

from __future__ import annotations

import re

from taxqa.tax.asked_only import ASKING, THEIRS

FIRST = re.compile(r"(?<![가-힣])(?<!다른\s)(?<!나머지\s)하나는\s*")
SECOND = re.compile(r"(?<![가-힣])(?:다른|나머지|또\s*다른)\s*하나는\s*")
# "소품 매장 부가세만 계산해 주세요", "분식집 것만 알려 주세요": the words naming the one asked, before "만"
ASKED = re.compile(rf"([가-힣][가-힣\s]{{1,24}}?)\s*(?:{THEIRS}|쪽)?만\s*{ASKING}")
# words that name a tax or the asking, not which one is asked
NOT_NAMING = re.compile(r"부가세|부가가치세|양도세|세금|세액|소득세|종소세|이번|올해|작년|[가-힣]*기$")
SENTENCE_END = re.compile(r"[.?!\n](?!\d)")


def naming_words(phrase: str) -> list[str]:
    """The words of `phrase` that name something, each without the particle after it ("꽃집이랑" -> "꽃집")."""
    words = [w for w in re.findall(r"[가-힣]{2,}", phrase) if not NOT_NAMING.search(w)]
    return [re.sub(r"(?<=[가-힣]{2})(?:이랑|랑|하고|과|와|이나|의|은|는|도)$", "", w) for w in words]


def only_asked(text: str) -> tuple[str, str | None]:
    """(the question with the one not asked about left out, the words naming the one asked); (the question,
    None) when there are not two told apart or the question does not name just one of them."""
    first = FIRST.search(text)
    second = SECOND.search(text, first.end()) if first else None
    asked = list(ASKED.finditer(text, second.end())) if second else []
    if not asked:
        return text, None
    words = naming_words(asked[-1][1])
    end = SENTENCE_END.search(text, second.end())
    spans = {"first": (first.start(), second.start()), "second": (second.start(), end.end() if end else len(text))}
    told = {k: text[a:b] for k, (a, b) in spans.items()}
    in_first = [w for w in words if re.search(w, told["first"])]
    in_second = [w for w in words if re.search(w, told["second"])]
    if bool(in_first) == bool(in_second) or asked[-1].start() < spans["second"][1]:
        return text, None  # both or neither named, or the asking is inside the second one's sentence
    a, b = spans["second" if in_first else "first"]
    return text[:a] + " " * (b - a) + text[b:], " ".join(in_first or in_second)
