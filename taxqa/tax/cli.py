"""`taxqa tax`: the calculators from the command line (Korean breakdown, or JSON with --json),
and `taxqa tax ask "QUESTION"`: read a Korean question, say what was understood, compute it."""

from __future__ import annotations

import argparse
import json
import re
import sys

from rich.cells import cell_len

from taxqa.amounts import format_won
from taxqa.tax.compute import compute
from taxqa.tax.kinds import KINDS
from taxqa.tax.result import TaxResult
from taxqa.textio import text_type

WIDTH = 80  # text output fits 80 terminal columns (Korean characters take 2)


def build_parser(prog: str) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=prog, description="Korean tax calculators citing the statute for each step.")
    names = [*KINDS, "ask"]
    sub = parser.add_subparsers(dest="kind", required=True, metavar="{" + ",".join(names) + "}")
    for kind in KINDS.values():
        p = sub.add_parser(kind.name, help=kind.help, description=kind.help)
        p.add_argument("--json", action="store_true", help="print the result as JSON")
        p.add_argument("--as-of", default=None, metavar="YYYY-MM-DD", help="law version date (default: today)")
        kind.add_arguments(p)
    help_ = "read a Korean question: what was understood, what was assumed or is missing, and the result"
    p = sub.add_parser("ask", help=help_, description=help_)
    p.add_argument(
        "question",
        type=text_type("question"),
        help='e.g. "남편이 사망해서 제가 아이 둘과 함께 30억원을 상속받아요. 상속세 얼마?"',
    )
    p.add_argument("--json", action="store_true", help="print {kind, inputs, understood, assumptions, missing, result}")
    p.add_argument("--as-of", default=None, metavar="YYYY-MM-DD", help="law version date (default: today)")
    return parser


def kwargs_from(args: argparse.Namespace) -> dict:
    return KINDS[args.kind].kwargs_from(args) | {"as_of": args.as_of}


def pad(text: str, width: int) -> str:
    """`text` padded with spaces to `width` terminal cells."""
    return text + " " * max(0, width - cell_len(text))


def rjust(text: str, width: int) -> str:
    """`text` right-aligned in `width` terminal cells."""
    return " " * max(0, width - cell_len(text)) + text


def wrap(text: str, width: int, indent: str) -> list[str]:
    """`text` broken at spaces into lines of at most `width` cells, each after `indent`."""
    lines, line = [], ""
    for word in text.split(" "):
        candidate = f"{line} {word}" if line else word
        if line and cell_len(indent + candidate) > width:
            lines.append(indent + line)
            line = word
        else:
            line = candidate
    return lines + [indent + line] if line else lines


def summary_lines(result: TaxResult) -> list[tuple[str, int]]:
    """(label, amount) of the figures the kind reports, each named for what it is."""
    kind = KINDS[result.kind]
    values = kind.figure_values(result)
    rows = []
    for name in kind.figures:
        if name not in values:
            continue
        label, value = kind.label_of(name), values[name]
        if name == "payable" and value < 0:
            label, value = "환급세액", -value
        rows.append((label, value))
    return rows


def render_text(result: TaxResult) -> str:
    """A readable Korean breakdown within 80 columns: one line per step with its article, then the
    figures named for what they are (no 납부할 세액 where credits and prepayments were not applied)."""
    custom = KINDS[result.kind].extra.get("render_text")
    if custom is not None and (text := custom(result)) is not None:
        return text
    lines = [f"{KINDS[result.kind].title} (법령 기준일 {result.as_of})", ""]
    label_width = min(max(cell_len(s.label) for s in result.steps), 44)
    amount_width = max(cell_len(format_won(s.amount)) for s in result.steps)
    for s in result.steps:
        head = f"  {pad(s.label, label_width)}  {rjust(format_won(s.amount), amount_width)}"
        law = f"[{s.law}]"
        if cell_len(f"{head}  {law}") <= WIDTH:
            lines.append(f"{head}  {law}")
        else:
            lines.append(head)
            lines.append(f"{' ' * 6}{law}")
        if s.note:
            lines.extend(wrap(f"({s.note})", WIDTH, " " * 6))
    lines.append("")
    rows = summary_lines(result)
    width = max(cell_len(label) for label, _ in rows)
    amounts = max(cell_len(format_won(v)) for _, v in rows)
    lines.extend(f"  {pad(label, width)}  {rjust(format_won(value), amounts)}" for label, value in rows)
    for note in result.notes:
        lines.extend(wrap(note, WIDTH, "  * ") if cell_len(f"  * {note}") <= WIDTH else wrap_note(note))
    return "\n".join(lines)


def wrap_note(note: str) -> list[str]:
    first, *rest = wrap(note, WIDTH, "    ")
    return ["  * " + first.strip(), *rest]


def render_ask(answer: dict) -> str:
    """Text of `taxqa tax ask`: what was understood, assumptions, what must be checked, the breakdown.
    With anything missing or ambiguous the figure is not presented as the answer: the text says
    "확인이 필요합니다: ..." first and shows the breakdown only as a calculation on the assumptions."""
    lines = wrap(f"이렇게 이해했습니다: {answer['understood']}", WIDTH, "")
    if answer["assumptions"]:
        lines.append("가정:")
        for item in answer["assumptions"]:
            lines.extend(wrap_item(item))
    from taxqa.case import NEEDS_CHECK, REFERENCE_ONLY, flags_of

    flags = flags_of(answer)
    if flags:
        head = "계산할 수 없습니다. " if not answer["result"] else ""
        lines.extend(wrap(f"{head}{NEEDS_CHECK}: {flags[0]}", WIDTH, ""))
        for item in flags[1:]:
            lines.extend(wrap_item(item))
    if answer["result"]:
        lines.append("")
        if flags:
            lines.append(REFERENCE_ONLY)
        lines.append(
            render_text(compute(answer["kind"], **answer["result"]["inputs"], as_of=answer["result"]["as_of"]))
        )
    return "\n".join(lines)


def wrap_item(item: str) -> list[str]:
    first, *rest = wrap(item, WIDTH - 4, "")
    return ["  - " + first, *("    " + line for line in rest)]


VALUE_OPTIONS = re.compile(r"^--[a-z][a-z-]*$")
NEGATIVE = re.compile(r"^[-−]\s*\d")


def join_negative_values(argv: list[str]) -> list[str]:
    """`--amount -5억` -> `--amount=-5억`, so a negative amount is read as a value (and refused
    with a clear message by the amount parser) instead of being taken for an unknown option."""
    out: list[str] = []
    for token in argv:
        if out and VALUE_OPTIONS.match(out[-1]) and out[-1] not in ("--json",) and NEGATIVE.match(token):
            out[-1] = f"{out[-1]}={token}"
        else:
            out.append(token)
    return out


def main(argv: list[str] | None = None, prog: str = "taxqa tax") -> int:
    parser = build_parser(prog)
    argv = join_negative_values(list(sys.argv[1:] if argv is None else argv))
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse usage errors and --help: return its code, not exit
        return int(exc.code or 0)
    if args.kind == "ask":
        from taxqa.case import read_case

        answer = read_case(args.question, as_of=args.as_of, retrieve=False).reading  # read and computed once
        print(json.dumps(answer, ensure_ascii=False, indent=2) if args.json else render_ask(answer))
        sys.stdout.flush()
        return 0
    result = compute(args.kind, **kwargs_from(args))
    if args.json:
        print(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(render_text(result))
    sys.stdout.flush()
    return 0
