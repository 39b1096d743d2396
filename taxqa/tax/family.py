"""Family words for the gift and inheritance readers: who is whose relation under 제53조."""

from __future__ import annotations

import re

SPOUSE = r"배우자|아내|남편|부인|와이프"
GRANDPARENT = r"외?할아버지|외?할머니|조부모님?|조부|조모"
PARENT = r"부모님?|아버지|어머니|아빠|엄마|부친|모친"
GRANDCHILD = r"손자|손녀|손주"
CHILD = r"자녀|아들|딸|자식"
RELATIVE = (
    r"형님?|누나|오빠|언니|동생|형제|자매|삼촌|외삼촌|이모|고모|숙부|사촌|조카|친척|장인|장모|시아버지|시어머니|시부모"
)
STRANGER = r"친구|지인|타인|제3자|남남|동료"
GROUPS = [  # (pattern, relation when the word is the donor, relation when it is the donee, generation skip)
    (GRANDPARENT, "lineal_ascendant", "lineal_descendant", True),
    (GRANDCHILD, "lineal_descendant", "lineal_ascendant", True),
    (SPOUSE, "spouse", "spouse", False),
    (PARENT, "lineal_ascendant", "lineal_descendant", False),
    (CHILD, "lineal_descendant", "lineal_ascendant", False),
    (RELATIVE, "other_relative", "other_relative", False),
    (STRANGER, "other", "other", False),
]
FROM_PARTICLE = r"(?:으로부터|로부터|에게서|한테서|께서|이|가)"
TO_PARTICLE = r"(?:에게|한테|께)"


def role_relation(text: str) -> tuple[str | None, bool, str]:
    """(relation of the donor as seen from the donee, generation skip, the words) from relation words."""
    donor = donee = None
    for pattern, as_donor, as_donee, skip in GROUPS:
        for m in re.finditer(rf"({pattern})(님)?\s*({FROM_PARTICLE}|{TO_PARTICLE})?", text):
            particle = m.group(3) or ""
            after = text[m.end() : m.end() + 30]
            if re.fullmatch(FROM_PARTICLE, particle) or (particle and "받" in after.split(".")[0]):
                donor = donor or (as_donor, skip, m.group(0))
            elif particle:
                donee = donee or (as_donee, skip, m.group(0))
            elif pattern in (PARENT, GRANDPARENT, SPOUSE, RELATIVE, STRANGER):
                donor = donor or (as_donor, skip, m.group(0))  # "부모 증여" without a particle: the usual reading
    found = donor or donee
    return found if found else (None, False, "")


def minor_age(text: str) -> tuple[int | None, str]:
    """(the age of a minor mentioned, its words); age -1 = a minor of unknown age; None = no minor."""
    for m in re.finditer(r"(?:만\s*)?(\d{1,2})\s*(?:세|살)", text):
        if int(m.group(1)) < 19:
            return int(m.group(1)), m.group(0)
    m = re.search(r"미성년|초등학생|중학생|고등학생|유치원|갓난|신생아|영아", text)
    return (-1, m.group(0)) if m else (None, "")
