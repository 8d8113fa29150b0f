"""Reading zip packages that may be hostile: names that escape the target folder or collide,
links and special files, zip bombs, forged headers, encryption, exotic compression.

``open_package`` checks the whole central directory before anything is read and refuses
the archive (``UnsafeArchive``, naming the entry and the reason) at the first problem.
Reading then never trusts the sizes the headers declare: it counts the bytes as they are
decompressed and stops as soon as an entry yields more than it declared, or more than the
limits allow. ``extract_to`` writes into a fresh temporary folder beside the target and
renames it into place only when every entry was written, so a refused archive leaves
nothing behind.
"""

from __future__ import annotations

import contextlib
import copy
import itertools
import os
import re
import shutil
import stat
import struct
import tempfile
import unicodedata
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType
from typing import BinaryIO

from copydesk.errors import UnsafeArchive
from copydesk.exchange.numbers import number
from copydesk.translation import N_, _, ngettext

DEFAULT_MAX_ENTRIES = 10_000
# A picture original may be up to 200 MB (``image_files.DEFAULT_MAX_BYTES``).
DEFAULT_MAX_ENTRY_BYTES = 256 * 1024 * 1024
DEFAULT_MAX_TOTAL_BYTES = 4 * 1024 * 1024 * 1024
DEFAULT_MAX_RATIO = 200
# Entries that expand to less than this are not judged by their compression ratio: a small
# text of repeated characters compresses a thousandfold and harms no one.
RATIO_GRACE_BYTES = 1024 * 1024
MAX_NAME_BYTES = 1024
MAX_COMPONENT_BYTES = 255  # the longest file name most file systems take
CHUNK_BYTES = 64 * 1024

# Only what Copydesk itself writes. Others (bzip2, LZMA, Deflate64, zstd, AES) widen the
# attack surface for no gain.
SUPPORTED_METHODS = {zipfile.ZIP_STORED: "stored", zipfile.ZIP_DEFLATED: "deflated"}
_METHOD_NAMES = {9: "Deflate64", 12: "bzip2", 14: "LZMA", 93: "Zstandard", 99: "AES"}

_ENCRYPTED = 0x1
_STRONG_ENCRYPTION = 0x40
_UTF8_NAME = 0x800
_LOCAL_HEADER = struct.Struct("<4s5H3L2H")
_LOCAL_SIGNATURE = b"PK\x03\x04"
_END_RECORD = struct.Struct("<4s4H2LH")
_END_SIGNATURE = b"PK\x05\x06"
_ZIP64_LOCATOR = struct.Struct("<4sLQL")
_ZIP64_LOCATOR_SIGNATURE = b"PK\x06\x07"
_ZIP64_END_RECORD = struct.Struct("<4sQ2H2L4Q")
_ZIP64_END_SIGNATURE = b"PK\x06\x06"

# Errors the zipfile and zlib modules raise on damaged or malformed data.
_DAMAGE = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    zlib.error,
    EOFError,
    ValueError,
    NotImplementedError,
    RuntimeError,
    struct.error,
)

_DRIVE = re.compile(r"[A-Za-z]:")
_WINDOWS_FORBIDDEN = set('<>:"|?*')
_WINDOWS_DEVICES = re.compile(r"(?:con|prn|aux|nul|com[1-9¹²³]|lpt[1-9¹²³])(?:\..*)?", re.I)

# Why an entry is refused: a whole sentence marked with ``N_`` (``{label}`` the archive,
# ``{entry}`` the entry's name), and the values of its other placeholders.
_Problem = tuple[str, dict[str, str]]


def _problem(sentence: str, **values: str) -> _Problem:
    return sentence, values


class SafePackage:
    """An opened zip package whose every entry passed the checks. Use it as a context
    manager, or call ``close``."""

    def __init__(
        self,
        archive: zipfile.ZipFile,
        files: dict[str, zipfile.ZipInfo],
        directories: tuple[str, ...],
        owned_file: BinaryIO | None,
        label: str,
    ) -> None:
        self._archive = archive
        self._files = files
        self._directories = directories
        self._owned_file = owned_file
        self._label = label

    def names(self) -> list[str]:
        """The regular files, in archive order (directory entries are left out)."""
        return list(self._files)

    def __contains__(self, name: object) -> bool:
        return name in self._files

    def size(self, name: str) -> int:
        """The size ``name`` declares (reading checks it holds exactly that)."""
        return self._info(name).file_size

    def read(self, name: str) -> bytes:
        """The content of ``name``; KeyError when there is no such file."""
        return b"".join(_chunks(self._archive, self._info(name), self._label))

    def extract_to(self, directory: str | os.PathLike[str]) -> Path:
        """Write every file under ``directory``, which must not exist yet: into a temporary
        folder beside it first, renamed to ``directory`` once all is written. On any error,
        the temporary folder is removed and nothing is left behind."""
        target = Path(directory)
        if target.exists() or target.is_symlink():
            raise FileExistsError(f"{target} already exists")
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=target.parent))
        try:
            self._write_all(staging)
            os.rename(staging, target)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        return target

    def close(self) -> None:
        self._archive.close()
        if self._owned_file is not None:
            self._owned_file.close()

    def __enter__(self) -> SafePackage:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def _info(self, name: str) -> zipfile.ZipInfo:
        try:
            return self._files[name]
        except KeyError:
            raise KeyError(f"{self._label} has no file “{name}”") from None

    def _write_all(self, staging: Path) -> None:
        root = staging.resolve()
        for name in self._directories:
            _inside(root, name).mkdir(parents=True, exist_ok=True)
        for name, info in self._files.items():
            path = _inside(root, name)
            path.parent.mkdir(parents=True, exist_ok=True)
            with path.open("xb") as out:  # "x": never through something already there
                for chunk in _chunks(self._archive, info, self._label):
                    out.write(chunk)


def _inside(root: Path, name: str) -> Path:
    """``root / name``, checked once more to stay inside ``root`` (names were already)."""
    path = root.joinpath(*name.rstrip("/").split("/"))
    if not path.resolve().is_relative_to(root):
        raise UnsafeArchive(
            _("The entry “{entry}” would be written outside the folder.").format(entry=_shown(name))
        )
    return path


# ---------------------------------------------------------------------------------------------
# Opening


def open_package(
    path_or_file: str | os.PathLike[str] | BinaryIO,
    *,
    max_entries: int = DEFAULT_MAX_ENTRIES,
    max_entry_bytes: int = DEFAULT_MAX_ENTRY_BYTES,
    max_total_bytes: int = DEFAULT_MAX_TOTAL_BYTES,
    max_ratio: float = DEFAULT_MAX_RATIO,
) -> SafePackage:
    """The package at ``path_or_file`` (a path, or a seekable binary file that the caller
    keeps and closes), once every entry passed the checks; else ``UnsafeArchive``.
    OSError (a missing or unreadable file) is left to the caller."""
    with contextlib.ExitStack() as cleanup:  # closes what was opened if a check fails
        file: BinaryIO
        owned: BinaryIO | None = None
        if isinstance(path_or_file, str | os.PathLike):
            file = owned = cleanup.enter_context(Path(path_or_file).open("rb"))
        else:
            file = path_or_file
        label = Path(str(getattr(file, "name", "") or "package")).name
        _check_entry_count(file, max_entries, label)
        archive = cleanup.enter_context(_open_zip(file, label))
        files, directories = _checked_entries(
            archive, file, label, max_entries, max_entry_bytes, max_total_bytes, max_ratio
        )
        cleanup.pop_all()  # all passed: the package owns the archive and the file now
    return SafePackage(archive, files, directories, owned, label)


def _open_zip(file: BinaryIO, label: str) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(file)
    except _DAMAGE as error:
        raise UnsafeArchive(
            _("{label} is not a zip archive, or it is damaged ({error}).").format(
                label=label, error=error
            )
        ) from None


def _check_entry_count(file: BinaryIO, max_entries: int, label: str) -> None:
    """Refuse too many entries from the end record, before the zipfile module builds an
    object for each of them (millions of tiny entries would exhaust memory first)."""
    count = _declared_entry_count(file)
    if count is not None and count > max_entries:
        raise _too_many_entries(label, count, max_entries)


def _too_many_entries(label: str, count: int, max_entries: int) -> UnsafeArchive:
    message = ngettext(
        "{label} holds {count} entry; the limit is {limit}.",
        "{label} holds {count} entries; the limit is {limit}.",
        count,
    )
    return UnsafeArchive(
        message.format(label=label, count=number(count), limit=number(max_entries))
    )


def _declared_entry_count(file: BinaryIO) -> int | None:
    """The entry count of the end of central directory record (ZIP64 included); None when
    it cannot be found (the zipfile module then says what is wrong)."""
    try:
        size = file.seek(0, os.SEEK_END)
        tail_start = max(0, size - _END_RECORD.size - 0xFFFF)  # the comment is up to 64 kB
        file.seek(tail_start)
        tail = file.read()
        at = tail.rfind(_END_SIGNATURE)
        if at < 0 or len(tail) - at < _END_RECORD.size:
            return None
        count: int = _END_RECORD.unpack_from(tail, at)[4]
        if count == 0xFFFF:
            return _zip64_entry_count(file, tail_start + at) or count
        return count
    except (OSError, struct.error):
        return None
    finally:
        file.seek(0)


def _zip64_entry_count(file: BinaryIO, end_record: int) -> int | None:
    if end_record < _ZIP64_LOCATOR.size:
        return None
    file.seek(end_record - _ZIP64_LOCATOR.size)
    locator = _ZIP64_LOCATOR.unpack(file.read(_ZIP64_LOCATOR.size))
    if locator[0] != _ZIP64_LOCATOR_SIGNATURE:
        return None
    file.seek(locator[2])
    record = _ZIP64_END_RECORD.unpack(file.read(_ZIP64_END_RECORD.size))
    return int(record[7]) if record[0] == _ZIP64_END_SIGNATURE else None


def _checked_entries(
    archive: zipfile.ZipFile,
    file: BinaryIO,
    label: str,
    max_entries: int,
    max_entry_bytes: int,
    max_total_bytes: int,
    max_ratio: float,
) -> tuple[dict[str, zipfile.ZipInfo], tuple[str, ...]]:
    infos = archive.infolist()
    if len(infos) > max_entries:
        raise _too_many_entries(label, len(infos), max_entries)
    for info in infos:
        problem = _entry_problem(info, max_entry_bytes, max_ratio)
        if problem:
            sentence, values = problem
            entry = _shown(info.orig_filename)
            raise UnsafeArchive(_(sentence).format(label=label, entry=entry, **values))
    _check_collisions(infos, label)
    _check_total(infos, max_total_bytes, label)
    _check_layout(infos, file, archive.start_dir, label)
    files = {info.filename: info for info in infos if not info.is_dir()}
    directories = tuple(info.filename for info in infos if info.is_dir())
    return files, directories


# ---------------------------------------------------------------------------------------------
# One entry


def _entry_problem(
    info: zipfile.ZipInfo, max_entry_bytes: int, max_ratio: float
) -> _Problem | None:
    return (
        _name_problem(info.orig_filename)
        or _kind_problem(info)
        or _encoding_problem(info)
        or _size_problem(info, max_entry_bytes, max_ratio)
    )


def _name_problem(name: str) -> _Problem | None:
    """Why ``name`` (as stored, before the zipfile module cuts it at a NUL) cannot be
    written under a folder on every system Copydesk runs on; None when it can."""
    if not name:
        return _problem(N_("{label}: the entry “{entry}” has an empty name."))
    control = next((char for char in name if unicodedata.category(char) == "Cc"), None)
    if control is not None:
        return _problem(
            N_("{label}: the entry “{entry}” has a control character (U+{code}) in its name."),
            code=f"{ord(control):04X}",
        )
    if "\\" in name:
        return _problem(
            N_(
                "{label}: the entry “{entry}” has a backslash in its name, which Windows reads"
                " as a folder separator."
            )
        )
    if name.startswith("/"):
        return _problem(
            N_("{label}: the entry “{entry}” has an absolute path (or a network path) as its name.")
        )
    if _DRIVE.match(name):
        return _problem(N_("{label}: the entry “{entry}” names a drive (“C:”)."))
    if len(name.encode("utf-8")) > MAX_NAME_BYTES:
        return _problem(
            N_("{label}: the entry “{entry}” has a name longer than {limit} bytes."),
            limit=number(MAX_NAME_BYTES, grouping=False),
        )
    return next(filter(None, map(_component_problem, name.removesuffix("/").split("/"))), None)


def _component_problem(part: str) -> _Problem | None:
    if part == "..":
        return _problem(N_("{label}: the entry “{entry}” goes up out of the folder (“..”)."))
    if part in ("", "."):
        return _problem(N_("{label}: the entry “{entry}” has an empty or “.” part in its path."))
    forbidden = sorted(_WINDOWS_FORBIDDEN.intersection(part))
    if forbidden:
        return _problem(
            N_(
                "{label}: the entry “{entry}” has a character Windows does not allow in file"
                " names (“{character}”)."
            ),
            character=forbidden[0],
        )
    if part.endswith((".", " ")):
        return _problem(
            N_(
                "{label}: the entry “{entry}” has a name ending with a dot or a space, which"
                " Windows drops."
            )
        )
    if _WINDOWS_DEVICES.fullmatch(part):
        return _problem(
            N_("{label}: the entry “{entry}” is named after a Windows device (“{device}”)."),
            device=part,
        )
    if len(part.encode("utf-8")) > MAX_COMPONENT_BYTES:
        return _problem(
            N_("{label}: the entry “{entry}” has a file or folder name longer than {limit} bytes."),
            limit=number(MAX_COMPONENT_BYTES, grouping=False),
        )
    return None


def _kind_problem(info: zipfile.ZipInfo) -> _Problem | None:
    """Links and special files are refused; Unix mode bits, when the entry has them, must
    agree with the name (a directory's ends with "/")."""
    kind = stat.S_IFMT(info.external_attr >> 16)
    if stat.S_ISLNK(kind):
        return _problem(N_("{label}: the entry “{entry}” is a symbolic link."))
    if kind not in (0, stat.S_IFREG, stat.S_IFDIR):
        return _problem(
            N_("{label}: the entry “{entry}” is a special file (a device, pipe or socket).")
        )
    if info.is_dir() != (kind == stat.S_IFDIR) and kind != 0:
        return _problem(
            N_("{label}: the entry “{entry}” is marked as a folder and a file at once.")
        )
    if info.is_dir() and info.file_size:
        return _problem(N_("{label}: the entry “{entry}” is a folder that holds data."))
    return None


def _encoding_problem(info: zipfile.ZipInfo) -> _Problem | None:
    if info.flag_bits & (_ENCRYPTED | _STRONG_ENCRYPTION):
        return _problem(N_("{label}: the entry “{entry}” is encrypted."))
    if info.compress_type not in SUPPORTED_METHODS:
        method = _METHOD_NAMES.get(info.compress_type) or _("method {number}").format(
            number=info.compress_type
        )
        return _problem(
            N_(
                "{label}: the entry “{entry}” uses a compression Copydesk does not read"
                " ({method}; only stored and deflated)."
            ),
            method=method,
        )
    if info.compress_type == zipfile.ZIP_STORED and info.compress_size != info.file_size:
        return _problem(
            N_(
                "{label}: the entry “{entry}” is stored uncompressed but declares two different"
                " sizes (a forged header)."
            )
        )
    return None


def _size_problem(info: zipfile.ZipInfo, max_entry_bytes: int, max_ratio: float) -> _Problem | None:
    if info.file_size > max_entry_bytes:
        return _problem(
            N_("{label}: the entry “{entry}” expands to {size} bytes; the limit is {limit}."),
            size=number(info.file_size),
            limit=number(max_entry_bytes),
        )
    if info.file_size > _ratio_allowance(info, max_ratio):
        ratio = info.file_size / max(info.compress_size, 1)
        return _problem(
            N_(
                "{label}: the entry “{entry}” is compressed {ratio} to 1, over the limit of"
                " {limit} to 1 (a zip bomb)."
            ),
            ratio=number(ratio),
            limit=number(max_ratio),
        )
    return None


def _ratio_allowance(info: zipfile.ZipInfo, max_ratio: float) -> float:
    """The most bytes the entry may expand to for its compressed size."""
    return max(max_ratio * info.compress_size, RATIO_GRACE_BYTES)


# ---------------------------------------------------------------------------------------------
# Entries together


def _collision_key(name: str) -> str:
    """What two names share when they land on the same file on macOS or Windows: case and
    Unicode normalisation (é as one character or as e + accent) do not count there."""
    return unicodedata.normalize("NFC", name.removesuffix("/")).casefold()


def _check_collisions(infos: list[zipfile.ZipInfo], label: str) -> None:
    seen: dict[str, str] = {}
    for info in infos:
        key = _collision_key(info.filename)
        other = seen.get(key)
        if other == info.filename:
            raise UnsafeArchive(
                _("{label}: the entry “{entry}” is there twice.").format(
                    label=label, entry=_shown(other)
                )
            )
        if other is not None:
            raise UnsafeArchive(
                _(
                    "{label}: the entries “{entry}” and “{other}” differ only in case or"
                    " accents: on macOS and Windows they would be one file."
                ).format(label=label, entry=_shown(other), other=_shown(info.filename))
            )
        seen[key] = info.filename
    files = {_collision_key(info.filename) for info in infos if not info.is_dir()}
    for info in infos:
        parents = _collision_key(info.filename).split("/")[:-1]
        for depth in range(1, len(parents) + 1):
            if "/".join(parents[:depth]) in files:
                raise UnsafeArchive(
                    _(
                        "{label}: the entry “{entry}” is inside a folder that another entry"
                        " makes a file."
                    ).format(label=label, entry=_shown(info.filename))
                )


def _check_total(infos: list[zipfile.ZipInfo], max_total_bytes: int, label: str) -> None:
    total = 0
    for info in infos:
        total += info.file_size
        if total > max_total_bytes:
            raise UnsafeArchive(
                _(
                    "{label}: with the entry “{entry}”, the package expands to more than"
                    " {limit} bytes, its limit."
                ).format(label=label, entry=_shown(info.filename), limit=number(max_total_bytes))
            )


def _check_layout(
    infos: list[zipfile.ZipInfo], file: BinaryIO, directory_start: int, label: str
) -> None:
    """Each entry's data must lie between its own header and the next entry's, before the
    central directory: entries that overlap let a few kilobytes declare gigabytes many
    times over (the "overlapping files" zip bomb)."""
    spans = sorted((_data_span(info, file, label), info.filename) for info in infos)
    for ((_start, end), name), ((next_start, _end), next_name) in itertools.pairwise(spans):
        if end > next_start:
            raise UnsafeArchive(
                _("{label}: the entry “{entry}” overlaps “{other}” (a zip bomb's trick).").format(
                    label=label, entry=_shown(name), other=_shown(next_name)
                )
            )
    if spans and spans[-1][0][1] > directory_start:
        raise UnsafeArchive(
            _("{label}: the entry “{entry}” runs into the archive's directory.").format(
                label=label, entry=_shown(spans[-1][1])
            )
        )


def _data_span(info: zipfile.ZipInfo, file: BinaryIO, label: str) -> tuple[int, int]:
    """(where the entry's local header starts, where its data ends)."""
    file.seek(info.header_offset)
    header = file.read(_LOCAL_HEADER.size)
    if len(header) != _LOCAL_HEADER.size or header[:4] != _LOCAL_SIGNATURE:
        raise UnsafeArchive(
            _("{label}: the entry “{entry}” has no valid header.").format(
                label=label, entry=_shown(info.filename)
            )
        )
    fields = _LOCAL_HEADER.unpack(header)
    data_start = info.header_offset + _LOCAL_HEADER.size + fields[9] + fields[10]
    return info.header_offset, data_start + info.compress_size


# ---------------------------------------------------------------------------------------------
# Reading


def _chunks(archive: zipfile.ZipFile, info: zipfile.ZipInfo, label: str) -> Iterator[bytes]:
    """The entry's content, decompressed chunk by chunk. The declared size was checked
    against the limits when the package was opened; here the bytes are counted, and the
    entry is refused as soon as it yields one more byte than it declared. The zipfile
    module would stop silently at the declared size (and then fail its CRC check, which
    names no cause): it is told a size we never reach before counting past the real one."""
    declared = info.file_size
    unbounded = copy.copy(info)
    unbounded.file_size = declared + 4 * CHUNK_BYTES
    count = 0
    try:
        with archive.open(unbounded) as stream:
            while chunk := stream.read(CHUNK_BYTES):
                count += len(chunk)
                if count > declared:
                    raise _refusal(
                        N_(
                            "{label}: the entry “{entry}” holds more data than its header"
                            " declares ({declared} bytes): a forged header."
                        ),
                        label,
                        info,
                        declared=number(declared),
                    )
                yield chunk
    except _DAMAGE as error:
        raise _refusal(
            N_("{label}: the entry “{entry}” is damaged ({error})."), label, info, error=str(error)
        ) from None
    if count != declared:
        raise _refusal(
            N_("{label}: the entry “{entry}” holds {count} bytes, not the {declared} it declares."),
            label,
            info,
            count=number(count),
            declared=number(declared),
        )


def _refusal(sentence: str, label: str, info: zipfile.ZipInfo, **values: str) -> UnsafeArchive:
    return UnsafeArchive(_(sentence).format(label=label, entry=_shown(info.filename), **values))


def _shown(name: str) -> str:
    """``name`` fit for a message: control characters escaped, long names shortened."""
    shown = "".join(char if char.isprintable() else f"\\x{ord(char):02x}" for char in name)
    return shown if len(shown) <= 120 else shown[:119] + "…"


__all__ = [
    "DEFAULT_MAX_ENTRIES",
    "DEFAULT_MAX_ENTRY_BYTES",
    "DEFAULT_MAX_RATIO",
    "DEFAULT_MAX_TOTAL_BYTES",
    "RATIO_GRACE_BYTES",
    "SUPPORTED_METHODS",
    "SafePackage",
    "open_package",
]
