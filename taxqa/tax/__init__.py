"""Verified Korean tax calculators: every step cites its article; rates are data by 시행일.

`taxqa.tax.kinds.KINDS` lists the kinds; `taxqa.tax.compute.compute` runs one by name,
`taxqa.tax.reading` reads a question, `taxqa.tax.checking` checks an answer's figures.
"""

from taxqa.tax.gift import gift_tax
from taxqa.tax.income import income_tax, wage_income
from taxqa.tax.inheritance import inheritance_tax
from taxqa.tax.result import Step, TaxResult
from taxqa.tax.vat import vat, vat_simple

__all__ = ["Step", "TaxResult", "gift_tax", "income_tax", "inheritance_tax", "vat", "vat_simple", "wage_income"]
