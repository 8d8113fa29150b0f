"""A problem of a picture's credit or rights, as the compliance rules (``compliance``,
``restrictions``) report it."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from copydesk.records.problem import Severity


@dataclass(frozen=True, slots=True)
class CreditProblem:
    """One thing wrong with a picture's credit or rights. ``params`` hold every value the
    message and suggestion are built from, so that the window can word them in the user's
    language; ``fix`` holds the field values that would fix it, when the engine can know them."""

    code: str
    severity: Severity
    field: str  # a PictureMetadata field, or "caption" for a use
    message: str
    params: dict[str, str] = dataclasses.field(default_factory=dict, hash=False)
    suggestion: str = ""
    fix: dict[str, str] | None = dataclasses.field(default=None, hash=False)


def error(
    code: str,
    field: str,
    message: str,
    params: dict[str, str],
    suggestion: str,
    fix: dict[str, str] | None = None,
) -> CreditProblem:
    return CreditProblem(code, Severity.ERROR, field, message, params, suggestion, fix)


def warning(
    code: str,
    field: str,
    message: str,
    params: dict[str, str],
    suggestion: str,
    fix: dict[str, str] | None = None,
) -> CreditProblem:
    return CreditProblem(code, Severity.WARNING, field, message, params, suggestion, fix)
