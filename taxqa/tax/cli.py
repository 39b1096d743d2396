"""`taxqa tax`: the calculators from the command line (Korean breakdown, or JSON with --json)."""

from __future__ import annotations

import argparse
import json
import sys

from taxqa.amounts import format_won
from taxqa.tax.rates import INDUSTRIES, RELATIONS
from taxqa.tax.result import TaxResult
from taxqa.tax.verify import compute

TITLES = {
    "gift": "증여세 계산",
    "inheritance": "상속세 계산",
    "income": "종합소득세 산출세액 계산",
    "wage": "근로소득공제 계산",
    "vat": "부가가치세 (일반과세) 계산",
    "vat-simple": "부가가치세 (간이과세) 계산",
}


def build_parser(prog: str) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=prog, description="Korean tax calculators citing the statute for each step.")
    sub = parser.add_subparsers(dest="kind", required=True, metavar="{gift,inheritance,income,wage,vat,vat-simple}")

    def add(name: str, help_: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_, description=help_)
        p.add_argument("--json", action="store_true", help="print the result as JSON")
        p.add_argument("--as-of", default=None, metavar="YYYY-MM-DD", help="law version date (default: today)")
        return p

    p = add("gift", "증여세 (gift tax); amounts accept Korean notation such as 20억, 5천만원")
    p.add_argument("--amount", required=True, help="증여재산가액 of this gift")
    p.add_argument("--relation", required=True, choices=RELATIONS, help="the donor, as seen from the donee")
    p.add_argument("--minor", action="store_true", help="the donee is a minor (under 19)")
    p.add_argument("--prior", default="0", help="gifts from the same donor within the last 10 years")
    p.add_argument("--prior-tax", default=None, help="gift tax computed on --prior (default: computed here)")
    p.add_argument("--generation-skip", action="store_true", help="donor is a grandparent (세대생략 할증)")
    p.add_argument("--marriage-birth", default="0", help="혼인·출산 증여재산공제 claimed (up to 1억)")

    p = add("inheritance", "상속세 (inheritance tax) on the net estate")
    p.add_argument("--estate", required=True, help="상속세 과세가액 (estate after debts and funeral costs)")
    p.add_argument("--spouse", action="store_true", help="a surviving spouse inherits")
    p.add_argument("--spouse-inherits", default=None, help="amount the spouse actually inherits")
    p.add_argument("--children", type=int, default=0, help="number of children")
    p.add_argument("--minor-children-years", type=int, nargs="+", default=[], metavar="N",
                   help="for each minor child, years until age 19")  # fmt: skip
    p.add_argument("--financial", default="0", help="net financial assets (금융재산 - 금융채무)")

    p = add("income", "종합소득 과세표준 -> 산출세액 and 지방소득세")
    p.add_argument("--base", required=True, help="종합소득 과세표준")

    p = add("wage", "총급여 -> 근로소득공제 and 근로소득금액")
    p.add_argument("--salary", required=True, help="총급여액")

    p = add("vat", "부가가치세 일반과세자: 매출세액 - 매입세액 (공급가액 기준)")
    p.add_argument("--sales", required=True, help="매출 공급가액")
    p.add_argument("--purchases", default="0", help="매입 공급가액 (세금계산서 등)")

    p = add("vat-simple", "부가가치세 간이과세자 (공급대가 기준, 연간)")
    p.add_argument("--supply", required=True, help="공급대가 합계 (VAT included)")
    p.add_argument("--industry", required=True, choices=INDUSTRIES, help="업종")
    p.add_argument("--purchases", default="0", help="세금계산서 등을 받은 매입 공급대가")
    return parser


def kwargs_from(args: argparse.Namespace) -> dict:
    fields = {
        "gift": ["amount", "relation", "minor", "prior", "prior_tax", "generation_skip", "marriage_birth"],
        "inheritance": ["estate", "spouse", "spouse_inherits", "children", "minor_children_years", "financial"],
        "income": ["base"],
        "wage": ["salary"],
        "vat": ["sales", "purchases"],
        "vat-simple": ["supply", "industry", "purchases"],
    }[args.kind]
    return {name: getattr(args, name) for name in fields} | {"as_of": args.as_of}


def render_text(result: TaxResult) -> str:
    """A readable Korean breakdown: one line per step with its article."""
    lines = [f"{TITLES[result.kind]} (법령 기준일 {result.as_of})", ""]
    width = max(len(s.label) for s in result.steps)
    for s in result.steps:
        line = f"  {s.label:<{width}}  {format_won(s.amount):>18}  [{s.law}]"
        lines.append(line + (f"\n  {'':<{width}}  ({s.note})" if s.note else ""))
    lines.append("")
    lines.append(f"  과세표준   {format_won(result.tax_base)}")
    if result.kind == "wage":
        lines.append(f"  근로소득공제 {format_won(result.extra['deduction'])}")
        lines.append(f"  근로소득금액 {format_won(result.extra['income'])}")
    else:
        lines.append(f"  산출세액   {format_won(result.computed_tax)}")
        label = "환급세액" if result.payable < 0 else "납부할 세액"
        lines.append(f"  {label} {format_won(abs(result.payable))}")
    if "local_tax" in result.extra:
        lines.append(f"  지방소득세 {format_won(result.extra['local_tax'])}")
    for note in result.notes:
        lines.append(f"  * {note}")
    return "\n".join(lines)


def main(argv: list[str] | None = None, prog: str = "taxqa tax") -> int:
    parser = build_parser(prog)
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse usage errors and --help: return its code, not exit
        return int(exc.code or 0)
    result = compute(args.kind, **kwargs_from(args))
    if args.json:
        print(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(render_text(result))
    sys.stdout.flush()
    return 0
