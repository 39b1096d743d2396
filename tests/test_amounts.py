import pytest
from hypothesis import given
from hypothesis import strategies as st

from taxqa.amounts import AmountError, format_won, iter_amounts, iter_unreadable, parse_won


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


# -- issue 19: groups by spaces, misplaced commas, the spoken 억/천 convention, foreign digits, huge input --


@pytest.mark.parametrize(
    "text,value",
    [
        ("20 000 000", 20_000_000),
        ("1 000 000원", 1_000_000),
        ("20억5천", 2_050_000_000),  # spoken: 20억 5천만
        ("20억 5천", 2_050_000_000),
        ("1조2천", 1_200_000_000_000),  # spoken: 1조 2천억
        ("3억5천3백", 353_000_000),
        ("1만5천", 15_000),  # after 만 a 천 is just 천
        ("20억 5,000원", 2_000_005_000),  # bare digits stay literal
    ],
)
def test_space_groups_and_the_spoken_convention(text, value):
    assert parse_won(text) == value


@pytest.mark.parametrize("text", ["5 3", "1,0000", "1,2345", "12,34", "1 00", "٣٠٠", "２０억", "20억 3 4"])
def test_misread_forms_are_refused(text):
    with pytest.raises(AmountError):
        parse_won(text)


def test_huge_input_is_refused_quickly():
    with pytest.raises(AmountError, match="too long"):
        parse_won("1" * 1_000_000)
    with pytest.raises(AmountError, match="too large"):
        parse_won(10**5000)  # would not even print as a decimal string
    with pytest.raises(AmountError, match="too large"):
        parse_won("9" * 40)


@given(st.integers(min_value=0, max_value=10**15))
def test_space_grouped_digits_read_as_one_number(value):
    assert parse_won(f"{value:,}".replace(",", " ")) == value


@given(st.integers(min_value=1000, max_value=10**12), st.lists(st.integers(min_value=1, max_value=11), max_size=3))
def test_commas_anywhere_never_misread(value, cuts):
    digits = str(value)
    cuts = sorted({c for c in cuts if c < len(digits)})
    text = ",".join(digits[a:b] for a, b in zip([0, *cuts], [*cuts, len(digits)]))
    try:
        parsed = parse_won(text)
    except AmountError:
        assert text != f"{value:,}"  # the proper grouping always reads
        return
    assert parsed == value  # read only when the grouping is right (or absent)


@given(st.integers(min_value=0, max_value=10**9), st.sampled_from(["٠١٢٣٤٥٦٧٨٩", "０１２３４５６７８９", "०१२३४५६७८९"]))
def test_non_ascii_digits_refused(value, digits):
    with pytest.raises(AmountError, match="ASCII"):
        parse_won(str(value).translate(str.maketrans("0123456789", digits)))


@given(st.integers(min_value=1, max_value=9999), st.integers(min_value=1, max_value=9))
def test_bare_thousands_after_eok_are_cheonman(eok, cheon):
    assert parse_won(f"{eok}억{cheon}천") == eok * 10**8 + cheon * 10**7


@pytest.mark.parametrize(
    "text", ["1억 5천 10000", "3억 20000만", "1억 12000만원", "2만 10000원", "5천 3000", "5만 12345"]
)
def test_a_part_not_below_its_place_is_refused_not_summed(text):
    with pytest.raises(AmountError, match="cannot read"):
        parse_won(text)
    assert list(iter_amounts(f"매출 {text} 받음")) == []
    assert [u[2] for u in iter_unreadable(f"매출 {text} 받음")] == [text]


@given(st.integers(min_value=1, max_value=9999), st.integers(min_value=0, max_value=9999), st.integers(0, 9999))
def test_well_formed_korean_amounts_still_read(eok, man, won):
    text = f"{eok}억" + (f" {man}만" if man else "") + (f" {won}원" if won else "")
    assert parse_won(text) == eok * 10**8 + man * 10**4 + won
