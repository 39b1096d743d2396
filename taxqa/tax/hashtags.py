"""Hashtags of a post: "#퇴직금 #1억5천 #근속18년", a run of tags, is a list of facts, each tag an item; a tag
on a figure inside a sentence ("매출 공급가액 #8천4백만 매입 …") only stresses that figure, which belongs to the
words before it."""

from __future__ import annotations

import re

# a tag on a figure right after words that are no tag: the "#" alone goes ("공급가액 #8천4백만" -> "공급가액 8천4백만")
STRESSED = re.compile(r"(?<=[가-힣A-Za-z)])(\s+)#(?=\d[\d,.]*\s*[억만천백])")
# a tag of a run: an item of a list
TAG = re.compile(r"(?:^|\s)#(?=[가-힣]|\d[\d,.]*\s*(?:[억만천대살세]|년))")


def untagged(text: str) -> str:
    """The post with its tags read: a stressed figure as plain, a run's tags as items apart by " / "."""
    text = STRESSED.sub(lambda m: m[1], text)
    return TAG.sub(" / ", text).strip(" /")
