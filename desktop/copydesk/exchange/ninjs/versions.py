"""The ninjs versions Copydesk reads and writes, apart from the schemas: the command's
parser names them at start-up, which must not import ``jsonschema`` to do so."""

from __future__ import annotations

from typing import Final, Literal

NinjsVersion = Literal["3.1", "2.2"]
VERSIONS: Final[tuple[NinjsVersion, ...]] = ("3.1", "2.2")
DEFAULT_VERSION: Final[NinjsVersion] = "3.1"
