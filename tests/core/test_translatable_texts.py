"""No text a person reads bypasses translation: the window's widgets never receive a bare
literal, and the core never raises one of its errors with a message left out of ``_()``."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "desktop" / "copydesk"

# Qt calls whose first argument is shown to a person.
SHOWN = {
    "setText",
    "setToolTip",
    "setStatusTip",
    "setWhatsThis",
    "setWindowTitle",
    "setPlaceholderText",
    "setTitle",
    "setLabelText",
    "setInformativeText",
    "setDetailedText",
    "showMessage",
    "addAction",
    "addMenu",
    "addTab",
    "setTabText",
    "setHeaderLabels",
    "setHorizontalHeaderLabels",
    "setSpecialValueText",
    "setSuffix",
    "setPrefix",
    "QLabel",
    "QPushButton",
    "QCheckBox",
    "QRadioButton",
    "QGroupBox",
    "QAction",
    "QMenu",
}


def literal_text(node: ast.expr) -> str | None:
    """The text of a string literal or f-string that holds words (not a symbol or a space)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        text = node.value
    elif isinstance(node, ast.JoinedStr):
        text = "".join(
            part.value
            for part in node.values
            if isinstance(part, ast.Constant) and isinstance(part.value, str)
        )
    else:
        return None
    return text if sum(ch.isalpha() for ch in text) >= 2 else None


def called_name(call: ast.Call) -> str:
    if isinstance(call.func, ast.Attribute):
        return call.func.attr
    if isinstance(call.func, ast.Name):
        return call.func.id
    return ""


def python_files(*parts: str) -> Iterator[Path]:
    yield from sorted(PACKAGE.joinpath(*parts).rglob("*.py"))


def test_window_texts_go_through_tr() -> None:
    bare = []
    for path in python_files("qt"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and called_name(node) in SHOWN and node.args):
                continue
            for argument in node.args[:1]:
                text = literal_text(argument)
                if text is not None:
                    bare.append(f"{path.relative_to(PACKAGE)}:{node.lineno}: {text!r}")
    assert not bare, "texts shown without tr():\n" + "\n".join(bare)


def error_classes() -> set[str]:
    """Every exception class the core defines for a person to read."""
    names = {"CopydeskError", "LibraryError", "NotFoundError", "InvalidPicture"}
    for path in python_files():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef) and any(
                isinstance(base, ast.Name) and (base.id.endswith("Error") or base.id in names)
                for base in node.bases
            ):
                names.add(node.name)
    return names


def test_core_errors_are_raised_with_translated_messages() -> None:
    errors = error_classes()
    bare = []
    for path in python_files():
        if "qt" in path.relative_to(PACKAGE).parts[:1]:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Raise)
                and isinstance(node.exc, ast.Call)
                and called_name(node.exc) in errors
                and node.exc.args
                and literal_text(node.exc.args[0]) is not None
            ):
                bare.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    assert not bare, "errors raised with a message outside _():\n" + "\n".join(bare)
