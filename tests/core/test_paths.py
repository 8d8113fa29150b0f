from pathlib import Path

import pytest

from copydesk.library.paths import LIBRARY_ENV, default_library_path, resolve_library_path


def test_default_library_is_in_the_user_data_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", "/tmp/xdg-data")
    assert default_library_path() == Path("/tmp/xdg-data/copydesk/library.copydesk")


def test_cli_option_wins_over_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(LIBRARY_ENV, "/tmp/from-env.copydesk")
    assert resolve_library_path("/tmp/from-cli.copydesk") == Path("/tmp/from-cli.copydesk")
    assert resolve_library_path(None) == Path("/tmp/from-env.copydesk")


def test_without_option_or_environment_the_default_is_used(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(LIBRARY_ENV, raising=False)
    assert resolve_library_path(None) == default_library_path()


def test_relative_paths_are_made_absolute(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    assert resolve_library_path("desk.copydesk") == tmp_path / "desk.copydesk"
