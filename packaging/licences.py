"""The licences of what the bundle ships, gathered when it is built (``copydesk.spec``).

Every installed distribution Copydesk needs at run time (its dependencies, followed down) is
named with its version and licence as its metadata declares it, followed by the licence files
it ships. Qt's LGPL text comes with PySide6's declaration; Chromium's notices are in Qt's
``resources``.
"""

from __future__ import annotations

import re
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement

ROOT_DISTRIBUTION = "copydesk"


def runtime_distributions(root: str = ROOT_DISTRIBUTION) -> list[metadata.Distribution]:
    """``root`` and every distribution it requires at run time (with the extras asked for,
    such as psycopg's "binary"), once each."""
    seen: dict[str, metadata.Distribution] = {}
    pending: list[tuple[str, frozenset[str]]] = [(root, frozenset())]
    while pending:
        name, extras = pending.pop()
        key = _canonical(name)
        try:
            distribution = metadata.distribution(key)
        except metadata.PackageNotFoundError:
            continue
        first = key not in seen
        seen[key] = distribution
        for text in distribution.requires or []:
            requirement = Requirement(text)
            wanted = requirement.marker is None or any(
                requirement.marker.evaluate({"extra": extra}) for extra in ("", *extras)
            )
            if wanted and (first or requirement.marker is not None):
                pending.append((requirement.name, frozenset(requirement.extras)))
    return sorted(seen.values(), key=lambda d: _canonical(d.metadata["Name"]))


def notice(distributions: list[metadata.Distribution]) -> str:
    parts = ["Copydesk bundles these Python distributions (and the libraries inside them).\n"]
    for distribution in distributions:
        meta = distribution.metadata
        licence = meta.get("License-Expression") or meta.get("License") or _classifiers(meta)
        parts.append(f"\n{'=' * 78}\n{meta['Name']} {meta['Version']}: {licence or 'see below'}\n")
        for file in distribution.files or []:
            if _is_licence(file.name) and "dist-info" in str(file):
                text = Path(str(distribution.locate_file(file))).read_text(errors="replace")
                parts.append(f"\n--- {file.name}\n\n{text}\n")
    return "".join(parts)


def _classifiers(meta: metadata.PackageMetadata) -> str:
    found = [c.split(" :: ")[-1] for c in meta.get_all("Classifier") or [] if "License ::" in c]
    return ", ".join(found)


def _is_licence(name: str) -> bool:
    return re.match(r"(LICEN[CS]E|COPYING|NOTICE|AUTHORS)", name, re.IGNORECASE) is not None


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def write_notice(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(notice(runtime_distributions()), encoding="utf-8")
    return path
