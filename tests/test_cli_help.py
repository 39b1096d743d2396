"""Every flag of every command explains itself in --help, and help text renders as written."""

from __future__ import annotations

import argparse

import pytest

from taxqa.cli import COMMANDS, run_command


class Captured(Exception):
    def __init__(self, parser):
        self.parser = parser


def parser_of(module: str, prog: str, monkeypatch) -> argparse.ArgumentParser:
    def capture(self, *args, **kwargs):
        raise Captured(self)

    monkeypatch.setattr(argparse.ArgumentParser, "parse_args", capture)
    import importlib

    with pytest.raises(Captured) as exc:
        importlib.import_module(module).main([], prog=prog)
    return exc.value.parser


def all_parsers(parser: argparse.ArgumentParser):
    yield parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                yield from all_parsers(sub)


ENTRY_POINTS = [(module, f"taxqa {name}") for name, (module, _) in COMMANDS.items()] + [("tui.app", "taxqa-tui")]


@pytest.mark.parametrize("module,prog", ENTRY_POINTS, ids=[p for _, p in ENTRY_POINTS])
def test_every_flag_has_help(module, prog, monkeypatch):
    if module == "tui.app":
        pytest.importorskip("textual")
    if module.startswith(("train_cuda", "convert")):
        pytest.importorskip("torch")
    missing = []
    for parser in all_parsers(parser_of(module, prog, monkeypatch)):
        for action in parser._actions:
            if isinstance(action, (argparse._HelpAction, argparse._SubParsersAction)):
                continue
            if not action.help or not action.help.strip():
                missing.append(f"{parser.prog} {'/'.join(action.option_strings) or action.dest}")
        assert "%%" not in (parser.description or ""), f"{parser.prog}: '%%' shows as is in a description"
    assert not missing, missing


def test_eval_help_shows_percent(capsys):
    with pytest.raises(SystemExit):
        run_command("taxqa.runtime.evaluate", ["--help"], "taxqa eval")
    out = capsys.readouterr().out
    assert "95% CI" in out and "95%%" not in out


def test_models_fits_80_columns_with_short_names(capsys):
    from taxqa.models import REGISTRY

    assert run_command("taxqa.models", [], "taxqa models") == 0
    out = capsys.readouterr().out
    assert max(len(line) for line in out.splitlines()) <= 80
    first_column = {line.split()[0] for line in out.splitlines() if line and not line.startswith(" ")}
    assert set(REGISTRY) <= first_column  # whole short names, never cut to "gemma3-…"


def test_calc_mode_prints_no_token_or_cost_line(tmp_path, capsys):
    out = tmp_path / "raw.jsonl"
    assert (
        run_command("taxqa.datagen.cli", ["generate", "--mode", "calc", "--n", "2", "-o", str(out)], "taxqa data") == 0
    )
    err = capsys.readouterr().err
    assert "items done" in err and "tokens" not in err and "$" not in err
