"""Does this process still hold SQLite's locks on its library?

An open connection to a library in write-ahead-log mode holds two POSIX locks at all
times: a shared lock on the database file (so that nobody changes its journal mode) and
a shared lock on the ``-shm`` file's "dead man switch" byte (so that another process
knows the shared memory is in use). Both belong to the process and vanish when any of its
descriptors on those files is closed (see ``copydesk.library.guard``). When they are gone,
another process believes it is alone: it rebuilds the shared memory, checkpoints, deletes
the log, and the two processes write over each other.

Linux lists every lock in ``/proc/locks``; ``LockProbe`` reads the lines of this process
for the library's current inodes. Where that listing is missing or names processes in
another PID namespace (a container), the probe finds nothing on a library it knows it
holds when it is calibrated, and says it is unavailable.
"""

from __future__ import annotations

import os
from pathlib import Path

PROC_LOCKS = Path("/proc/locks")


class LockProbe:
    def __init__(self, library: Path, listing: Path = PROC_LOCKS) -> None:
        self.library = library
        self.shared_memory = library.with_name(library.name + "-shm")
        self._listing = listing

    @classmethod
    def calibrated(cls, library: Path, listing: Path = PROC_LOCKS) -> LockProbe | None:
        """A probe for ``library``, which the caller holds open with its locks now; None
        where this system cannot tell."""
        probe = cls(library, listing)
        return probe if probe.holds_locks() else None

    def holds_locks(self) -> bool:
        """This process holds a lock on the library file and on its shared memory, as it
        must while any of its connections is open."""
        try:
            inodes = {os.stat(self.library).st_ino, os.stat(self.shared_memory).st_ino}
            listing = self._listing.read_text(encoding="ascii", errors="replace")
        except OSError:
            return False  # the shared memory is gone: someone closed the library as its last user
        return inodes <= _locked_inodes(listing, os.getpid())


def _locked_inodes(listing: str, pid: int) -> set[int]:
    """Inodes on which ``pid`` holds a POSIX lock, from ``/proc/locks``:

    1: POSIX  ADVISORY  READ 3927 fe:00:2162815 128 128
    1: -> POSIX  ADVISORY  WRITE 4012 fe:00:2162815 120 120   (waiting, not held)
    """
    owner = str(pid)
    found = set()
    for line in listing.splitlines():
        fields = line.split()
        if len(fields) < 6 or fields[1] != "POSIX" or fields[4] != owner:
            continue
        device_inode = fields[5].rsplit(":", 1)
        if len(device_inode) == 2 and device_inode[1].isdigit():
            # The inode alone: /proc/locks gives the superblock's device, which differs
            # from what stat() says on btrfs subvolumes and overlay file systems.
            found.add(int(device_inode[1]))
    return found
