"""The command line: help on every command and option, version, exit statuses."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from pipeline import __version__
from pipeline.cli import EXIT_FAILURE, EXIT_OK, EXIT_PARTIAL, build_parser, exit_code, main

STAGES = ("extract", "segment", "crossref", "export", "report", "all")


def subparsers() -> dict[str, argparse.ArgumentParser]:
    """Map each subcommand name to its parser."""
    parser = build_parser()
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


def test_every_stage_is_a_subcommand() -> None:
    assert set(subparsers()) == set(STAGES)


@pytest.mark.parametrize("stage", STAGES)
def test_every_option_has_help(stage: str) -> None:
    parser = subparsers()[stage]
    for action in parser._actions:
        if action.option_strings:
            assert action.help, f"{stage} {action.option_strings} has no help text"


@pytest.mark.parametrize("stage", STAGES)
def test_help_exits_cleanly(stage: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main([stage, "--help"])
    assert exc.value.code == 0
    assert "usage:" in capsys.readouterr().out


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--version"])
    assert __version__ in capsys.readouterr().out


def test_exit_code_tells_success_partial_and_failure() -> None:
    ok, bad, dup = {"status": "ok"}, {"status": "error"}, {"status": "duplicate"}
    assert exit_code([ok, dup]) == EXIT_OK
    assert exit_code([ok, bad]) == EXIT_PARTIAL
    assert exit_code([bad, bad]) == EXIT_FAILURE


def test_bad_config_is_one_line_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = tmp_path / "bad.toml"
    config.write_text("no_such_setting = 3\n", encoding="utf-8")
    status = main(["extract", "--in", str(tmp_path), "--out", str(tmp_path / "out"), "--config", str(config)])
    err = capsys.readouterr().err.strip().splitlines()
    assert status == EXIT_FAILURE
    assert len(err) == 1 and "no_such_setting" in err[0]
