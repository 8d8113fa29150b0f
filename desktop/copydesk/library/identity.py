"""The library's identity: a uuid made with the library, which names it in the URIs of the
articles and pictures it publishes (``urn:copydesk:<library uuid>:article:<uuid>``)."""

from __future__ import annotations

import uuid as uuid_module

from sqlalchemy import select
from sqlalchemy.orm import Session

from copydesk.errors import LibraryError
from copydesk.library.models import LibraryInfo
from copydesk.translation import _


def create_identity(session: Session, uuid: str | None = None) -> str:
    """Give a new library its identity (a fresh uuid unless one is given)."""
    info = LibraryInfo(id=1, uuid=uuid or str(uuid_module.uuid4()))
    session.add(info)
    session.flush()
    return info.uuid


def library_uuid(session: Session) -> str:
    found = session.scalars(select(LibraryInfo.uuid).where(LibraryInfo.id == 1)).one_or_none()
    if found is None:
        raise LibraryError(_("This library has no identity record; it may be damaged."))
    return found


def adopt_uuid(session: Session, uuid: str) -> None:
    """Take another library's identity: a library restored from its archive goes on
    publishing under the same URIs."""
    info = session.get(LibraryInfo, 1)
    if info is None:
        create_identity(session, uuid)
    else:
        info.uuid = uuid
        session.flush()
