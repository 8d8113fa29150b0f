"""Access to the files under ``resources/`` (templates, CSS, sample content)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


@cache
def resources_dir() -> Path:
    """Installed wheels carry ``copydesk/resources``; a source checkout has ``resources/``."""
    for candidate in (_PACKAGE_DIR / "resources", _PACKAGE_DIR.parents[1] / "resources"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("Copydesk's resources folder is missing from this installation")


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


@cache
def read_resource_text(*parts: str) -> str:
    return resource_path(*parts).read_text(encoding="utf-8")
