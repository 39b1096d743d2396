"""How late a payment was, as the penalty reader (taxqa.tax.penalty) reads it from a question: the days
said beside a word of lateness, before it ("30일 늦게") or after it ("납부기한 지나고 45일째에")."""

from __future__ import annotations

import re

AFTER_WORD = r"(\d{1,4})\s*일\s*(?:을|이나|동안|간|이|째)?\s*(?:늦|지연|지나|지남|지났|후|뒤|만에|연체|초과|경과|넘)"
BEFORE_WORD = r"(?:지연|연체|경과|미납|늦)\S{0,2}\s*(?:일수|기간)?\s*(?:은|는|이|:)?\s*(\d{1,4})\s*일"
# "납부기한 지나고 45일째에 냈어요", "기한을 넘기고 20일 만에": the days counted from the due date past
PAST_DUE = (
    r"기한\S{0,2}\s*(?:지나고|지나서|지난\s*(?:뒤|후|다음)|넘기고|넘겨서|넘어서)\s*(\d{1,4})\s*일\s*(?:째|만에|후|뒤)"
)


def days_said(text: str) -> re.Match | None:
    """The days of lateness said in `text` (group 1), or None."""
    return re.search(AFTER_WORD, text) or re.search(BEFORE_WORD, text) or re.search(PAST_DUE, text)
