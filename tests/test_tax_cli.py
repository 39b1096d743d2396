"""`taxqa tax` through the real CLI entry point (in-process and one real subprocess)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from taxqa.cli import main


def run(capsys, *argv):
    code = main(["tax", *argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_gift_json_anywhere_after_subcommand(capsys):
    code, out, _ = run(capsys, "gift", "--json", "--amount", "20억", "--relation", "lineal_ascendant")
    assert code == 0
    d = json.loads(out)
    assert (d["tax_base"], d["computed_tax"], d["payable"]) == (1_950_000_000, 620_000_000, 601_400_000)
    code, out2, _ = run(capsys, "gift", "--amount", "20억", "--relation", "lineal_ascendant", "--json")
    assert json.loads(out2)["payable"] == 601_400_000
    assert "20억" not in out and "601400000" in out.replace(",", "")  # JSON is integers


def test_human_output_is_korean_breakdown(capsys):
    code, out, _ = run(capsys, "gift", "--amount", "20억", "--relation", "lineal_ascendant")
    assert code == 0
    assert "19억 5,000만원" in out and "6억 2,000만원" in out and "6억 140만원" in out
    assert "상속세 및 증여세법 제53조" in out


def test_every_subcommand(capsys):
    cases = [
        (["income", "--base", "5000만", "--json"], {"computed_tax": 6_240_000, "local_tax": 624_000}),
        (["wage", "--salary", "5천만원", "--json"], {"deduction": 12_250_000, "income": 37_750_000}),
        (["vat", "--sales", "1억", "--purchases", "1.5억", "--json"], {"payable": -5_000_000}),
        (
            ["vat-simple", "--supply", "6000만", "--industry", "restaurant", "--purchases", "2000만", "--json"],
            {"payable": 800_000},
        ),  # fmt: skip
        (
            ["inheritance", "--estate", "30억", "--spouse", "--children", "2", "--financial", "5억", "--json"],
            {"tax_base": 1_900_000_000, "payable": 582_000_000},
        ),  # fmt: skip
        (
            ["inheritance", "--estate", "20억", "--children", "3", "--minor-children-years", "9", "4", "--json"],
            {"tax_base": 1_500_000_000},
        ),  # fmt: skip
        (
            ["gift", "--amount", "2억", "--relation", "lineal_ascendant", "--prior", "1억", "--json"],
            {"payable": 33_950_000},
        ),  # fmt: skip
        (
            ["gift", "--amount", "30억", "--relation", "lineal_ascendant", "--minor", "--generation-skip", "--json"],
            {"computed_tax": 1_444_800_000},
        ),  # fmt: skip
        (
            ["gift", "--amount", "3억", "--relation", "lineal_ascendant", "--marriage-birth", "1억", "--json"],
            {"tax_base": 150_000_000},
        ),  # fmt: skip
        (["income", "--base", "5000만", "--as-of", "2022-06-01", "--json"], {"computed_tax": 6_780_000}),
    ]
    for argv, expected in cases:
        code, out, err = run(capsys, *argv)
        assert code == 0, err
        d = json.loads(out)
        assert {k: d[k] for k in expected} == expected, argv
    for kind in (
        "income --base 1억",
        "wage --salary 1억",
        "vat --sales 1억",
        "vat-simple --supply 5천만 --industry retail",
    ):
        code, out, _ = run(capsys, *kind.split())
        assert code == 0 and "원" in out and "[" in out


@pytest.mark.parametrize(
    "argv",
    [
        ["gift", "--amount", "이십억", "--relation", "spouse"],
        ["gift", "--amount=-5억", "--relation", "spouse"],
        ["gift", "--amount", "1억", "--relation", "friend"],
        ["vat-simple", "--supply", "5천만", "--industry", "casino"],
        ["vat-simple", "--supply", "2억", "--industry", "retail"],
        ["income", "--base", "abc"],
        ["income"],
        ["inheritance", "--estate", "10억", "--children", "-1"],
        ["gift", "--amount", "1억", "--relation", "spouse", "--as-of", "yesterday"],
        ["property", "--amount", "1억"],
    ],
)
def test_bad_input_exits_2(capsys, argv):
    code, _, err = run(capsys, *argv)
    assert code == 2
    assert "error" in err


def test_help_exits_0(capsys):
    code, out, _ = run(capsys, "gift", "--help")
    assert code == 0 and "--relation" in out


def test_real_subprocess():
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "taxqa.cli",
            "tax",
            "gift",
            "--amount",
            "20억",
            "--relation",
            "lineal_ascendant",
            "--json",
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["payable"] == 601_400_000
    bad = subprocess.run(
        [sys.executable, "-m", "taxqa.cli", "tax", "gift", "--amount", "-5억원", "--relation", "spouse"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert bad.returncode == 2
