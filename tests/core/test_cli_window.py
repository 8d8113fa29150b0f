"""``copydesk`` alone, or with only ``--library``, opens the window at once, without building
the whole command parser; anything else is the parser's."""

from __future__ import annotations

import argparse

import pytest

from copydesk.cli import main as cli


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[str | None]:
    libraries: list[str | None] = []

    def open_window(args: argparse.Namespace) -> int:
        libraries.append(args.library)
        return 0

    monkeypatch.setattr(cli, "_open_window", open_window)
    return libraries


@pytest.mark.parametrize(
    ("arguments", "library"),
    [([], None), (["--library", "news.copydesk"], "news.copydesk"), (["--library=a b"], "a b")],
)
def test_the_window_opens_without_the_parser(
    opened: list[str | None],
    monkeypatch: pytest.MonkeyPatch,
    arguments: list[str],
    library: str | None,
) -> None:
    def no_parser() -> None:
        raise AssertionError("the whole parser was built")

    monkeypatch.setattr(cli, "build_parser", no_parser)
    assert cli.main(arguments) == 0
    assert opened == [library]


@pytest.mark.parametrize("arguments", [["--library"], ["--library", "--version"], ["--verbose"]])
def test_anything_else_goes_to_the_parser(
    opened: list[str | None], arguments: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        cli.main(arguments)
    assert opened == []
    assert exited.value.code in (0, 2)  # --version prints it; the others are refused
    capsys.readouterr()


def test_a_command_after_the_library_is_the_parsers(opened: list[str | None]) -> None:
    with pytest.raises(SystemExit):
        cli.main(["--library", "x.copydesk", "no-such-command"])
    assert opened == []


def test_a_package_opened_from_the_desktop_is_imported_into_the_library(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    started: list[argparse.Namespace] = []
    monkeypatch.setattr(cli, "_open_window", lambda args: started.append(args) or 0)
    assert cli.main(["/tmp/port.copydesk.zip"]) == 0
    [args] = started
    assert args.library is None and [str(path) for path in args.open] == ["/tmp/port.copydesk.zip"]
