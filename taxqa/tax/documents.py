"""Official and financial documents pasted whole before a one-line question: a land register's 갑구, a
가족관계증명서, a bank account's history, bookkeeping entries, a 상속재산분할협의서, a tax site's screen. Each is
said as the facts of the case it holds, and its filing marks (순위번호, 접수번호, 주민등록번호, 잔액, account
numbers) are left out, so no reader takes them for amounts. One reader module a document shape."""

from __future__ import annotations

from taxqa.tax.family_record import record_read
from taxqa.tax.journal import journal_read
from taxqa.tax.ledgers import ledger_read
from taxqa.tax.partition_deed import deed_read
from taxqa.tax.registry import registry_read
from taxqa.tax.screens import screen_read


def documents_read(text: str) -> tuple[str, list[str], list[str]]:
    """(the question with each pasted document said as its facts, what was assumed, what is unclear)."""
    assumed: list[str] = []
    unclear: list[str] = []
    text, said = record_read(text)
    assumed += said
    text, said = screen_read(text)
    assumed += said
    for read in (registry_read, ledger_read, deed_read, journal_read):
        text, said, doubts = read(text)
        assumed += said
        unclear += doubts
    return text, assumed, unclear
