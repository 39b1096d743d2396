"""The asker naming themself by a kin word ("외할애비다.", "손주 둔 할미입니다", "저는 할아버지인데요"): then the asker
is that relative of the person the question is about, and a grandchild named beside is the donee (제53조제2호,
the generation skipped of 제57조)."""

from __future__ import annotations

import re

GRANDPARENT_SELF = r"(?:외|친)?(?:할아버지|할머니|할애비|할아비|할미|할배|할매|할아범|할멈)"
# at a sentence's start, the word and a copula that ends the phrase: "외할애비다.", "손주 둔 할미입니다"; after 저는 /
# 나는 any copula ("저는 할머니예요"), not a bare "할머니예요." (the answer to who gave)
SELF_NAMED = re.compile(
    rf"(?:^|[.!?\n]\s*)(?:(?:저는|나는|난|전|본인은)\s*(?P<me>{GRANDPARENT_SELF})\s*(?:다|이다|입니다|예요|에요|이에요|인데요?|임|이오|요)"
    rf"|(?:[가-힣]{{1,4}}\s*(?:둔|있는|본)\s*)?(?P<who>{GRANDPARENT_SELF})\s*(?:다|이다|입니다|인데요?|이오))(?=[.,!?\s]|$)"
)


def self_named_grandparent(text: str) -> re.Match | None:
    """The asker's own words naming themself a grandparent, or None."""
    return SELF_NAMED.search(text)


def grandparent_asker(text: str, found: list) -> tuple[str, str] | None:
    """(the asker's own word, the grandchild's word) when the asker names themself a grandparent and a grandchild
    (a family mention of category grandchild among `found`) is named; None otherwise."""
    grandchild = next((m for m in found if m.category == "grandchild"), None)
    me = self_named_grandparent(text) if grandchild is not None else None
    return (me["me"] or me["who"], grandchild.words) if me else None
