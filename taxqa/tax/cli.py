"""`taxqa tax`: the calculators from the command line (Korean breakdown, or JSON with --json)."""

from __future__ import annotations

import argparse
import json
import sys

from taxqa.amounts import format_won
from taxqa.tax.compute import compute
from taxqa.tax.kinds import KINDS
from taxqa.tax.result import TaxResult


def build_parser(prog: str) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=prog, description="Korean tax calculators citing the statute for each step.")
    sub = parser.add_subparsers(dest="kind", required=True, metavar="{" + ",".join(KINDS) + "}")
    for kind in KINDS.values():
        p = sub.add_parser(kind.name, help=kind.help, description=kind.help)
        p.add_argument("--json", action="store_true", help="print the result as JSON")
        p.add_argument("--as-of", default=None, metavar="YYYY-MM-DD", help="law version date (default: today)")
        kind.add_arguments(p)
    return parser


def kwargs_from(args: argparse.Namespace) -> dict:
    return KINDS[args.kind].kwargs_from(args) | {"as_of": args.as_of}


def render_text(result: TaxResult) -> str:
    """A readable Korean breakdown: one line per step with its article."""
    custom = KINDS[result.kind].extra.get("render_text")
    if custom is not None and (text := custom(result)) is not None:
        return text
    lines = [f"{KINDS[result.kind].title} (법령 기준일 {result.as_of})", ""]
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
        if result.determined_tax != result.computed_tax:
            lines.append(f"  결정세액   {format_won(result.determined_tax)}")
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
