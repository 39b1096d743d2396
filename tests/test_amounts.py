import pytest
from hypothesis import given
from hypothesis import strategies as st

from taxqa.amounts import AmountError, format_won, iter_amounts, parse_won


@pytest.mark.parametrize(
    "text,value",
    [
        ("1500000", 1_500_000),
        ("1,500,000", 1_500_000),
        ("1,500,000원", 1_500_000),
        ("20억", 2_000_000_000),
        ("20억원", 2_000_000_000),
        ("5천만원", 50_000_000),
        ("1억 400만원", 104_000_000),
        ("3억5천만원", 350_000_000),
        ("2.5억", 250_000_000),
        ("12억 3,456만 7,890원", 1_234_567_890),
        ("1조 2억", 1_000_200_000_000),
        ("500만", 5_000_000),
        ("0", 0),
        ("  7억  ", 700_000_000),
        (300, 300),
    ],
)
def test_parse_won(text, value):
    assert parse_won(text) == value


@pytest.mark.parametrize("text", ["이십억", "-5억", "", "   ", "억", "1.5", "5만 3억", "20억 10억", "12abc", True, -1])
def test_parse_won_rejects_with_clear_error(text):
    with pytest.raises(AmountError) as exc:
        parse_won(text)
    message = str(exc.value)
    assert message
    if isinstance(text, str) and text.strip():
        assert text.strip() in message or "negative" in message


def test_error_mentions_expected_forms():
    with pytest.raises(AmountError, match="20억"):
        parse_won("이십억")


@pytest.mark.parametrize(
    "value,text",
    [
        (620_000_000, "6억 2,000만원"),
        (0, "0원"),
        (50_000_000, "5,000만원"),
        (1_234_567_890, "12억 3,456만 7,890원"),
        (601_400_000, "6억 140만원"),
        (999, "999원"),
        (-30_000, "-3만원"),
        (1_000_200_000_000, "1조 2억원"),
    ],
)
def test_format_won(value, text):
    assert format_won(value) == text


@given(st.integers(min_value=0, max_value=10**16))
def test_format_parse_round_trip(value):
    assert parse_won(format_won(value)) == value


def test_iter_amounts_finds_money_not_articles_or_rates():
    text = "증여세 산출세액은 6억 2,000만원이며 제53조에 따라 5천만원을 공제하고, 세율은 40%입니다. 2025년 기준 1,500,000원."
    found = [(m.text, m.value) for m in iter_amounts(text)]
    assert found == [("6억 2,000만원", 620_000_000), ("5천만원", 50_000_000), ("1,500,000원", 1_500_000)]
    for m in iter_amounts(text):
        assert text[m.start : m.end] == m.text
