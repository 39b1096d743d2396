"""The reviewed tables' rebuild: marks kept from the output or the shipped table, a wrong -o refused."""

from __future__ import annotations

import argparse

import pytest

from taxqa.corpus import bridge, neighbours, review_table, terms


@pytest.mark.parametrize("module", [terms, bridge, neighbours])
def test_a_rebuild_into_a_new_path_keeps_the_shipped_marks(module, tmp_path):
    parser = argparse.ArgumentParser(prog="x")
    source = review_table.marks_source(parser, tmp_path / "new.tsv", module.HEADER, module.TABLE)
    assert module.review(source) == module.review(review_table.shipped(module.TABLE))
    assert any(v != "new" for v in map(str, module.review(source).values()))  # the review's marks, not blanks


@pytest.mark.parametrize("module", [terms, bridge, neighbours])
def test_a_wrong_output_is_refused_before_it_is_overwritten(module, tmp_path, capsys):
    other = tmp_path / "README.md"
    other.write_text("# taxqa\n\nsomething else\n", encoding="utf-8")
    parser = argparse.ArgumentParser(prog="x")
    with pytest.raises(SystemExit) as exc:
        review_table.marks_source(parser, other, module.HEADER, module.TABLE)
    assert exc.value.code == 2
    assert f"not a {module.TABLE} table" in capsys.readouterr().err
    assert other.read_text(encoding="utf-8") == "# taxqa\n\nsomething else\n"
    with pytest.raises(SystemExit):  # a folder is not a table either
        review_table.marks_source(parser, tmp_path, module.HEADER, module.TABLE)


def test_the_table_itself_is_its_own_marks_source_and_is_written_back_whole(tmp_path):
    out = tmp_path / "bridge.tsv"
    review_table.write_table(out, bridge.HEADER, [["keep", "a", "b c", "x", "y"], ["drop", "d", "e", "f", "g"]])
    parser = argparse.ArgumentParser(prog="x")
    assert review_table.marks_source(parser, out, bridge.HEADER, bridge.TABLE) == out
    assert bridge.review(out) == {"a\tb c": "keep", "d\te": "drop"}
    assert review_table.read_rows(tmp_path / "absent.tsv") == []
