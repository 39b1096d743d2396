"""국세기본법 가산세 (제47조의2 무신고, 제47조의3 과소신고, 제47조의4 납부지연, 제48조② 감면) and the
부과제척기간 (제26조의2). The 2026-06-02 text of 국세기본법 is bundled in ../shared/data/legalize-kr;
the daily 납부지연 rate is in 국세기본법 시행령 제27조의4 (not bundled: 10만분의 22 from 2022-02-15)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import partial

from taxqa.amounts import format_won
from taxqa.errors import UserError
from taxqa.tax.gift import won
from taxqa.tax.kind import TaxKind
from taxqa.tax.limitation import CASE_ALIASES, CASES, limitation_period
from taxqa.tax.penalty_reading import KIND_LABELS, read, recognise
from taxqa.tax.rates import MAN, parse_as_of, select, whole_number
from taxqa.tax.result import Step, TaxResult, article

LAW = "국세기본법"
KINDS = ("no-return", "under-report", "late-payment")
art = partial(article, LAW)


def pct(frac: tuple[int, int]) -> str:
    return f"{frac[0] * 100 / frac[1]:g}%"


def reduction_pct(rows: list[tuple[int, int]], months: int) -> tuple[int, int | None]:
    """(% reduced, the month bound of the row) for a return filed `months` after the due date."""
    for within, off in rows:
        if months <= within:
            return off, within
    return 0, None


def penalty_tax(
    kind: str,
    tax: int | str,
    *,
    fraud: bool = False,
    offshore: bool = False,
    days: int | str | None = None,
    months_late: int | str | None = None,
    after_notice: bool = False,
    as_of: date | str | None = None,
) -> TaxResult:
    """가산세 on `tax` (무신고·과소신고·미납 세액) for `kind`; `days` of late payment add 납부지연가산세;
    `months_late` = the 기한후신고 (no-return) or 수정신고 (under-report) came within that many months."""
    day = parse_as_of(as_of)
    table = select("penalty", day)
    if kind not in KINDS:
        raise UserError(f"kind: expected one of {', '.join(KINDS)}, got {kind!r}")
    tax_v = won(tax, "tax")
    days_v, months_v = whole_number(days, "days"), whole_number(months_late, "months_late")
    if kind == "late-payment" and days_v is None:
        raise UserError("days: 납부지연가산세 needs --days (days from the day after the due date to payment)")
    if kind == "late-payment" and (fraud or months_v is not None):
        raise UserError("late-payment: --fraud and --months-late apply to no-return and under-report only")
    if offshore and not fraud:
        raise UserError("offshore: the 역외거래 rate (60%) applies to 부정행위; give --fraud too")
    label, law = {"no-return": ("신고하지 않은 본세 (무신고납부세액)", "47-2"),
                  "under-report": ("적게 신고한 본세 (과소신고납부세액)", "47-3"),
                  "late-payment": ("납부하지 않은 본세", "47-4")}[kind]  # fmt: skip
    steps = [Step(label, tax_v, art(law))]
    assumptions: list[str] = []
    notes: list[str] = []
    credits: list[Step] = []
    filing = 0
    if kind in ("no-return", "under-report"):
        key = "no_return" if kind == "no-return" else "under_report"
        rate = table[f"{key}_fraud_offshore"] if offshore else table[f"{key}_fraud"] if fraud else table[key]
        filing = tax_v * rate[0] // rate[1]
        which = "역외거래 부정행위" if offshore else "부정행위" if fraud else "일반"
        law = art("47-2" if kind == "no-return" else "47-3")
        steps.append(Step(f"{KIND_LABELS[kind]} ({which} {pct(rate)})", filing, law, f"세액 × {pct(rate)}"))
        if not fraud:
            assumptions.append("부정행위(사기 등)가 없는 일반 무신고·과소신고로 가정")
        if kind == "no-return":
            assumptions.append("복식부기의무자·법인의 수입금액 기준 가산세(제47조의2②)는 비교하지 않음")
        if months_v is None:
            assumptions.append("기한후신고·수정신고를 하지 않아 감면이 없는 것으로 가정 (세무서가 결정·경정)")
        else:
            rows = table["late_filing" if kind == "no-return" else "amended"]
            off, within = reduction_pct(rows, months_v)
            what = "기한후신고" if kind == "no-return" else "수정신고"
            if off:
                cut = filing * off // 100
                label = f"{what} 감면 (법정신고기한 후 {within}개월 이내: {off}%)"
                credits.append(Step(label, cut, art("48"), f"{KIND_LABELS[kind]} × {off}%"))
                assumptions.append(f"세무서의 결정·경정을 미리 알고 {what}한 경우가 아니라고 가정 (제48조②)")
            else:
                notes.append(f"법정신고기한 후 {months_v}개월이 지나 {what} 감면이 없음 (제48조②)")
    late = 0
    if days_v is not None:
        num, den = table["daily"]
        late = tax_v * days_v * num // den
        how = f"미납세액 × {days_v}일 × 1일 {num}/{den:,}"
        steps.append(Step(f"납부지연가산세 ({days_v}일)", late, art("47-4"), how))
        if not after_notice:
            assumptions.append("납부고지 전에 납부하여 고지 후 3% 가산세(제47조의4①3호)는 없다고 가정")
        notes.append(f"1일 이자율 {num}/{den:,}은 국세기본법 시행령 제27조의4 ({table['effective']} 이후 적용분)")
    elif kind != "late-payment":
        assumptions.append("납부지연 일수를 입력하지 않아 납부지연가산세는 계산하지 않음")
    if after_notice:  # 제47조의4①3호: unpaid by the 지정납부기한 of a 납부고지
        if table["after_notice"] is None:
            raise UserError(
                f"after_notice: the 3% 납부지연가산세 after a notice is in force from 2020-01-01, not {day}"
            )
        num, den = table["after_notice"]
        notice = tax_v * num // den
        steps.append(Step("납부고지 후 미납 가산세 (3%)", notice, art("47-4"), f"미납세액 × {num}%"))
        late += notice
    computed = filing + late
    steps.extend(credits)
    determined = computed - sum(c.amount for c in credits)
    steps.append(Step("가산세 합계", determined, art("47-4") if kind == "late-payment" else art("48")))
    notes.append(f"가산세는 본세 {format_won(tax_v)}와 별도로 납부; 지방소득세 가산세는 지방세기본법에 따름")
    extra = {"principal": tax_v, "total_with_tax": tax_v + determined}
    inputs = {"kind": kind, "tax": tax_v, "fraud": fraud, "offshore": offshore, "days": days_v, "months_late": months_v,
              "after_notice": after_notice}  # fmt: skip
    return TaxResult(
        "penalty", day.isoformat(), tax_v, computed, determined, steps, credits, extra, notes, inputs,
        determined_tax=determined, assumptions=assumptions,
    )  # fmt: skip


def penalty(
    kind: str | None = None,
    tax: int | str | None = None,
    *,
    fraud: bool = False,
    offshore: bool = False,
    days: int | str | None = None,
    months_late: int | str | None = None,
    after_notice: bool = False,
    limitation: bool = False,
    due_date: str | None = None,
    case: str | None = None,
    as_of: date | str | None = None,
) -> TaxResult:
    """`taxqa tax penalty`: 가산세 (--kind, --tax) or, with --limitation, the 부과제척기간."""
    if limitation:
        if kind is not None or tax is not None:
            raise UserError("penalty: --limitation takes --due-date and --case, not --kind/--tax")
        if not due_date:
            raise UserError("due_date: --limitation needs --due-date YYYY-MM-DD (the 법정신고기한)")
        return limitation_period(due_date, case or "general", as_of=as_of)
    if kind is None or tax is None:
        raise UserError("penalty: give --kind {no-return,under-report,late-payment} and --tax AMOUNT (or --limitation)")
    if case is not None or due_date is not None:
        raise UserError("penalty: --case and --due-date go with --limitation")
    return penalty_tax(kind, tax, fraud=fraud, offshore=offshore, days=days, months_late=months_late,
                       after_notice=after_notice, as_of=as_of)  # fmt: skip


# --- what the registry, the CLI and datagen need -------------------------------------------------

FIELDS = ("kind", "tax", "fraud", "offshore", "days", "months_late", "after_notice", "limitation", "due_date", "case")
FIGURES = {"tax_base": "본세", "computed_tax": "감면 전 가산세", "determined_tax": "가산세", "payable": "납부할 가산세"}


def add_arguments(p) -> None:
    # dest penalty_kind: `kind` is the subcommand's own name on the namespace
    p.add_argument("--kind", dest="penalty_kind", choices=KINDS, default=None, help="which 가산세")
    p.add_argument("--tax", default=None, help="the unreported / under-reported / unpaid tax")
    p.add_argument("--fraud", action="store_true", help="부정행위 (40%%; with --offshore 60%%)")
    p.add_argument("--offshore", action="store_true", help="역외거래 (with --fraud)")
    p.add_argument("--days", type=int, default=None, help="days of late payment (납부지연가산세)")
    p.add_argument("--after-notice", action="store_true", help="still unpaid by the 납부고지's due date (+3%%)")
    p.add_argument("--months-late", type=int, default=None,
                   help="기한후신고 / 수정신고 filed within this many months after the due date (제48조② 감면)")  # fmt: skip
    p.add_argument("--limitation", action="store_true", help="compute the 부과제척기간 instead")
    p.add_argument("--due-date", default=None, metavar="YYYY-MM-DD", help="법정신고기한 (with --limitation)")
    p.add_argument("--case", choices=[*CASES, *CASE_ALIASES], default=None, metavar="CASE",
                   help=f"제척기간 case (with --limitation; default general): {', '.join(CASES)}")  # fmt: skip


def kwargs_from(args) -> dict:
    names = [n for n in FIELDS if n != "kind"]
    return {"kind": args.penalty_kind, **{n: getattr(args, n) for n in names}}


def sample(rng):
    tax = rng.randrange(10, 500) * 10 * MAN
    kind = rng.choice(KINDS)
    args: dict = {"kind": kind, "tax": tax}
    if kind == "late-payment":
        args["days"] = rng.choice([10, 30, 60, 90, 180, 365])
    elif rng.random() < 0.3:
        args["fraud"] = True
    elif rng.random() < 0.5:
        args["months_late"] = rng.choice([1, 2, 3, 6, 12] if kind == "under-report" else [1, 2, 3, 6])
    return args, {"template": rng.randrange(2)}


def question(a: dict, say: dict) -> str:
    tax = format_won(a["tax"])
    if a["kind"] == "late-payment":
        return [
            f"세금 {tax}을 납부기한보다 {a['days']}일 늦게 냈습니다. 납부지연가산세는 얼마인가요?",
            f"납부기한이 지난 뒤 {a['days']}일 만에 {tax}을 납부하면 가산세가 얼마나 붙나요?",
        ][say["template"]]
    what = "신고를 하지 않았습니다" if a["kind"] == "no-return" else f"세액을 {tax} 적게 신고했습니다"
    if a["kind"] == "no-return":
        what = f"납부할 세액이 {tax}인데 법정신고기한까지 {what}"
    how = " 부정행위(이중장부)가 있었습니다." if a.get("fraud") else ""
    if a.get("months_late"):
        late = "기한 후 신고" if a["kind"] == "no-return" else "수정신고"
        how += f" 신고기한이 지난 뒤 {a['months_late']}개월 안에 {late}를 했습니다."
    name = "무신고가산세" if a["kind"] == "no-return" else "과소신고가산세"
    return [f"{what}.{how} 가산세는 얼마인가요?", f"{what}.{how} {name}를 계산해 주세요."][say["template"]]


# --- reading a question ---------------------------------------------------------------------


def conclusion(result: TaxResult) -> str:
    if result.inputs.get("limitation"):
        e = result.extra
        return (
            f"부과제척기간은 {e['limitation_years']}년으로 {e['limitation_start']}부터 {e['limitation_end']}까지이며, "
            + ("이미 지났습니다." if e["expired"] else "그때까지 세금을 부과할 수 있습니다.")
        )
    cut = result.computed_tax - result.determined_tax
    how = f"감면 {format_won(cut)}을 빼면 " if cut else ""
    return (
        f"감면 전 가산세는 {format_won(result.computed_tax)}이고, {how}가산세로 납부할 금액은 "
        f"{format_won(result.determined_tax)}입니다 (본세 {format_won(result.tax_base)}는 별도로 납부)."
    )


def render_limitation(result: TaxResult) -> str | None:
    """`taxqa tax penalty --limitation` text (its steps carry dates, not amounts)."""
    if not result.inputs.get("limitation"):
        return None
    lines = [f"국세 부과제척기간 (법령 기준일 {result.as_of})", ""]
    lines += [f"  {s.label}  [{s.law}]" for s in result.steps]
    lines += ["", f"  {conclusion(result)}", *(f"  * {n}" for n in result.notes)]
    return "\n".join(lines)


def figure_values(result: TaxResult) -> dict[str, int]:
    if result.inputs.get("limitation"):
        return {}
    return {"tax_base": result.tax_base, "computed_tax": result.computed_tax, "determined_tax": result.determined_tax,
            "payable": result.payable}  # fmt: skip


@dataclass(frozen=True)
class PenaltyKind(TaxKind):
    """`--kind` is stored as `penalty_kind` (the namespace's `kind` is the subcommand)."""

    def kwargs_from(self, args) -> dict:
        return kwargs_from(args)


KIND = PenaltyKind(
    name="penalty",
    title="가산세 계산",
    subject="가산세",
    label="가산세",
    help="국세 가산세 (무신고·과소신고·납부지연, 감면) or, with --limitation, the 부과제척기간",
    calculator=penalty,
    fields=FIELDS,
    add_arguments=add_arguments,
    figures=FIGURES,
    main_figure="payable",
    values=figure_values,
    reader=read,
    recognise=recognise,
    order=5,
    weight=10,
    sampler=sample,
    question=question,
    # no tax word: "가산세는 본세 X와 별도로 납부" — an answer's 가산세 sits beside the 본세 and names
    # the penalty before and after its reduction, so a plain "가산세는 X" is not read as one figure
    amount="tax",
    needs={"신고·납부하지 않은 세액": "신고하지 않았거나 덜 낸 세액은 얼마인가요?"},
    missing_questions=(
        "신고기한을 {n}일 넘겨서 신고했는데 가산세는 얼마인가요?",
        "세금을 {n}일 늦게 냈습니다. 납부지연가산세는 얼마인가요?",
        "신고를 안 했는데 {n}개월이 지났습니다. 무신고가산세는 얼마인가요?",
    ),
    articles=("국세기본법 제47조의2", "국세기본법 제47조의4"),
    distractor="vat",
    fact_labels={"tax": "본세", "days": "경과일수", "months_late": "지난 개월 수", "fraud": "부정행위"},
    counts=("days", "months_late"),
    extra={"conclusion": conclusion, "render_text": render_limitation, "reads_without_amount": True},
)
