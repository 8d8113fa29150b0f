"""User preferences: each declared once, with its default.

The window keeps them apart from window state (``copydesk.qt.window.preferences_store``); the core
only ever receives a ``Preferences`` value.
"""

from __future__ import annotations

import dataclasses
import getpass
from dataclasses import dataclass

from copydesk.text.stats import DEFAULT_WORDS_PER_MINUTE

# The news agencies a desk's pictures usually come from: a picture whose credit line or source
# names one is offered the agency licence (``pictures.licence_suggestions``).
DEFAULT_AGENCIES = (
    "AFP, Agence France-Presse, Reuters, Associated Press, AP, EPA, dpa, ANP, ANSA, EFE, Belga,"
    " Keystone, PA Images, Xinhua, Kyodo, Yonhap, Bloomberg, Sipa, Maxppp, Abaca, Hans Lucas"
)


@dataclass(frozen=True, slots=True)
class Preferences:
    headline_limit: int = 90
    standfirst_limit: int = 300
    # While editing, a revision is recorded at most this often (besides Ctrl+S).
    revision_interval_minutes: int = 5
    # Who is named in the history; empty means the computer's login name.
    author_name: str = ""
    words_per_minute: int = DEFAULT_WORDS_PER_MINUTE
    # A commercial publication may not use NC (non-commercial) licensed pictures.
    commercial_publication: bool = True
    # The window's language: "en", "fr", or empty for the system's (applied at the next start).
    language: str = ""
    # Separated by commas (or lines).
    news_agencies: str = DEFAULT_AGENCIES

    def replace(self, **changes: object) -> Preferences:
        return dataclasses.replace(self, **changes)  # type: ignore[arg-type]

    def who(self) -> str:
        return self.author_name.strip() or login_name()


def login_name() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no passwd entry (some containers) and no LOGNAME
        return ""


DEFAULTS = Preferences()
