"""Hostile zip packages: each refusal names the entry and the reason, and leaves nothing
behind; a normal package reads and extracts whole."""

from __future__ import annotations

import io
import stat
import struct
import unicodedata
import warnings
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from copydesk.errors import CopydeskError, UnsafeArchive
from copydesk.exchange.safe_zip import SafePackage, open_package

GIB = 1024**3
MIB = 1024**2

# ---------------------------------------------------------------------------------------------
# Building archives, honest and forged


def honest_zip(path: Path, files: dict[str, bytes], directories: tuple[str, ...] = ()) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in directories:
            archive.writestr(zipfile.ZipInfo(name), b"")
        for name, data in files.items():
            archive.writestr(name, data)
    return path


@dataclass
class Raw:
    """One entry written byte by byte: any name, method, flags, sizes and offsets."""

    name: bytes
    data: bytes  # as stored: already compressed when ``method`` says so
    method: int = zipfile.ZIP_STORED
    crc: int | None = None  # None: the CRC of ``data``
    size: int | None = None  # the declared uncompressed size; None: len(data)
    flags: int = 0x800  # UTF-8 name
    mode: int = stat.S_IFREG | 0o644
    offset: int | None = None  # where the central directory says the entry starts


def raw_zip(entries: list[Raw]) -> bytes:
    local, central = bytearray(), bytearray()
    for entry in entries:
        offset = len(local)
        crc = zlib.crc32(entry.data) if entry.crc is None else entry.crc
        size = len(entry.data) if entry.size is None else entry.size
        common = (entry.flags, entry.method, 0, 0x21, crc, len(entry.data), size, len(entry.name))
        local += struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, *common, 0) + entry.name
        local += entry.data
        at = offset if entry.offset is None else entry.offset
        central += struct.pack(
            "<4s6H3L5H2L", b"PK\x01\x02", 0x0314, 20, *common, 0, 0, 0, 0, entry.mode << 16, at
        )
        central += entry.name
    count = len(entries)
    end = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, count, count, len(central), len(local), 0)
    return bytes(local + central + end)


@contextmanager
def counted_decompression() -> Iterator[list[int]]:
    """The size of every chunk zipfile decompresses meanwhile: a deterministic stand-in
    for "refused at once" that a busy machine cannot make flaky."""
    produced: list[int] = []
    real = zipfile._get_decompressor  # type: ignore[attr-defined]

    class Counting:
        def __init__(self, inner: Any) -> None:
            self._inner = inner

        def decompress(self, data: bytes, *args: Any) -> bytes:
            out: bytes = self._inner.decompress(data, *args)
            produced.append(len(out))
            return out

        def __getattr__(self, name: str) -> Any:
            return getattr(self._inner, name)

    def counting(compress_type: int) -> Any:
        inner = real(compress_type)
        return inner if inner is None else Counting(inner)

    zipfile._get_decompressor = counting  # type: ignore[attr-defined]
    try:
        yield produced
    finally:
        zipfile._get_decompressor = real  # type: ignore[attr-defined]


def zeros_deflated(size: int) -> tuple[bytes, int]:
    """``size`` zero bytes deflated, and their CRC, without ever holding them: one mebibyte
    compressed once with a full flush (which resets the compressor) is a block that can be
    repeated, and a final empty block ends the stream."""
    assert size % MIB == 0
    zero = bytes(MIB)
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = compressor.compress(zero) + compressor.flush(zlib.Z_FULL_FLUSH)
    crc = 0
    for _ in range(size // MIB):
        crc = zlib.crc32(zero, crc)
    return block * (size // MIB) + b"\x03\x00", crc


def refusal(source: Path | bytes, **limits: int) -> str:
    target = io.BytesIO(source) if isinstance(source, bytes) else source
    with pytest.raises(UnsafeArchive) as caught:
        package = open_package(target, **limits)
        with package:
            for name in package.names():
                package.read(name)
    assert isinstance(caught.value, CopydeskError)
    return str(caught.value)


# ---------------------------------------------------------------------------------------------
# A normal package

FILES = {
    "article.md": b"---\nheadline: Titre\n---\nCorps",
    "article.ninjs.json": b'{"uri": "urn:x"}',
    "images/photo-1200.jpg": bytes(range(256)) * 400,
    "images/é/légende.txt": "Légende".encode(),
}


def test_a_normal_package_reads_whole(tmp_path: Path) -> None:
    path = honest_zip(tmp_path / "package.zip", FILES, directories=("images/",))
    with open_package(path) as package:
        assert isinstance(package, SafePackage)
        assert package.names() == list(FILES)  # files only, in archive order
        assert "article.md" in package and "images/" not in package
        for name, data in FILES.items():
            assert package.read(name) == data
            assert package.size(name) == len(data)
        with pytest.raises(KeyError):
            package.read("missing.txt")


def test_a_normal_package_extracts_whole(tmp_path: Path) -> None:
    path = honest_zip(tmp_path / "package.zip", FILES, directories=("images/", "empty/"))
    with open_package(path) as package:
        target = package.extract_to(tmp_path / "out")
    assert target == tmp_path / "out"
    for name, data in FILES.items():
        assert (target / name).read_bytes() == data
    assert (target / "empty").is_dir()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "package.zip"]


def test_a_file_object_is_left_open_for_its_owner(tmp_path: Path) -> None:
    data = honest_zip(tmp_path / "package.zip", FILES).read_bytes()
    buffer = io.BytesIO(data)
    with open_package(buffer) as package:
        assert package.read("article.ninjs.json") == FILES["article.ninjs.json"]
    assert not buffer.closed


def test_extract_refuses_an_existing_target(tmp_path: Path) -> None:
    path = honest_zip(tmp_path / "package.zip", FILES)
    (tmp_path / "out").mkdir()
    with open_package(path) as package, pytest.raises(FileExistsError):
        package.extract_to(tmp_path / "out")


def test_a_refused_extraction_leaves_nothing_behind(tmp_path: Path) -> None:
    good = Raw(b"a.txt", b"fine")
    bad = Raw(b"b.txt", b"damaged", crc=1234)  # the CRC does not match the data
    (tmp_path / "package.zip").write_bytes(raw_zip([good, bad]))
    package = open_package(tmp_path / "package.zip")
    with package, pytest.raises(UnsafeArchive, match=r"“b\.txt” is damaged"):
        package.extract_to(tmp_path / "out")
    assert [p.name for p in tmp_path.iterdir()] == ["package.zip"]


# ---------------------------------------------------------------------------------------------
# Names


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("../evil.txt", "goes up out of the folder"),
        ("images/../../evil.txt", "goes up out of the folder"),
        ("/etc/passwd", "absolute path"),
        ("//server/share/evil.txt", "absolute path"),
        ("C:/Windows/evil.txt", "names a drive"),
        ("C:evil.txt", "names a drive"),
        ("images\\..\\evil.txt", "backslash"),
        ("a\nb.txt", "control character (U+000A)"),
        ("a\x7fb.txt", "control character (U+007F)"),
        ("a\x1bb.txt", "control character (U+001B)"),
        ("images//a.txt", "empty or “.” part"),
        ("./a.txt", "empty or “.” part"),
        ("ab:c.txt", "Windows does not allow"),
        ("a?.txt", "Windows does not allow"),
        ("notes. ", "ending with a dot or a space"),
        ("images/CON.txt", "Windows device"),
        ("x" * 300, "longer than 255 bytes"),
        ("/".join(["abcdefghij"] * 100), "longer than 1024 bytes"),
    ],
)
def test_unsafe_names_are_refused(tmp_path: Path, name: str, reason: str) -> None:
    message = refusal(raw_zip([Raw(name.encode(), b"x")]))
    assert reason in message
    assert "the entry “" in message


def test_a_nul_in_a_name_is_refused(tmp_path: Path) -> None:
    # The zipfile module cuts names at a NUL ("a.txt\0.exe" reads as "a.txt"): the check
    # looks at the name as stored.
    message = refusal(raw_zip([Raw(b"a.txt\x00.exe", b"x")]))
    assert "control character (U+0000)" in message and "a.txt\\x00.exe" in message


def test_an_empty_name_is_refused() -> None:
    assert "empty name" in refusal(raw_zip([Raw(b"", b"x")]))


@pytest.mark.parametrize(
    ("first", "second", "reason"),
    [
        ("a.txt", "a.txt", "the entry “a.txt” is there twice"),
        ("images/Photo.JPG", "images/photo.jpg", "“images/Photo.JPG” and “images/photo.jpg”"),
        ("images/", "Images/", "differ only in case or accents"),
        (unicodedata.normalize("NFC", "é.txt"), unicodedata.normalize("NFD", "é.txt"), "accents"),
        ("images", "images/a.jpg", "“images/a.jpg” is inside a folder that another entry makes"),
        ("a/b", "A/b/c.txt", "“A/b/c.txt” is inside a folder"),
    ],
)
def test_colliding_names_are_refused(first: str, second: str, reason: str) -> None:
    entries = [Raw(name.encode(), b"", mode=mode_for(name)) for name in (first, second)]
    assert reason in refusal(raw_zip(entries))


def mode_for(name: str) -> int:
    return stat.S_IFDIR | 0o755 if name.endswith("/") else stat.S_IFREG | 0o644


# ---------------------------------------------------------------------------------------------
# Kinds of entries


@pytest.mark.parametrize(
    ("mode", "reason"),
    [
        (stat.S_IFLNK | 0o777, "symbolic link"),
        (stat.S_IFIFO | 0o644, "special file"),
        (stat.S_IFCHR | 0o644, "special file"),
        (stat.S_IFSOCK | 0o644, "special file"),
        (stat.S_IFDIR | 0o755, "a folder and a file at once"),
    ],
)
def test_links_and_special_files_are_refused(mode: int, reason: str) -> None:
    assert reason in refusal(raw_zip([Raw(b"link", b"/etc/passwd", mode=mode)]))


def test_a_symlink_written_by_zipfile_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "links.zip"
    with zipfile.ZipFile(path, "w") as archive:
        info = zipfile.ZipInfo("images/photo.jpg")
        info.external_attr = (stat.S_IFLNK | 0o777) << 16
        archive.writestr(info, "/home/someone/.ssh/id_rsa")
    assert "“images/photo.jpg” is a symbolic link" in refusal(path)


def test_entries_without_unix_modes_are_files() -> None:
    with open_package(io.BytesIO(raw_zip([Raw(b"a.txt", b"x", mode=0)]))) as package:
        assert package.read("a.txt") == b"x"


def test_encrypted_entries_are_refused() -> None:
    assert "is encrypted" in refusal(raw_zip([Raw(b"secret.txt", b"xxxx", flags=0x801)]))


@pytest.mark.parametrize(("method", "name"), [(12, "bzip2"), (14, "LZMA"), (9, "Deflate64")])
def test_unsupported_compression_is_refused(method: int, name: str) -> None:
    message = refusal(raw_zip([Raw(b"a.txt", b"xxxx", method=method)]))
    assert f"does not read ({name}" in message


def test_corrupt_archives_are_refused(tmp_path: Path) -> None:
    assert "not a zip archive" in refusal(b"this is not a zip file at all")
    assert "not a zip archive" in refusal(b"")
    data = honest_zip(tmp_path / "package.zip", FILES).read_bytes()
    assert "not a zip archive" in refusal(data[: len(data) // 2])


def test_corrupt_data_is_refused_when_read() -> None:
    data, crc = zeros_deflated(MIB)
    damaged = data[:100] + b"\xff" * 20 + data[120:]
    entry = Raw(b"a.bin", damaged, method=zipfile.ZIP_DEFLATED, crc=crc, size=MIB)
    assert "“a.bin” is damaged" in refusal(raw_zip([entry]))


def test_a_header_whose_name_differs_from_the_directory_is_refused() -> None:
    data = raw_zip([Raw(b"good.txt", b"x")])
    forged = data.replace(b"good.txt", b"evil.txt", 1)  # the local header only
    assert "damaged" in refusal(forged)


# ---------------------------------------------------------------------------------------------
# Sizes and zip bombs


def test_too_many_entries_are_refused_before_parsing() -> None:
    data = raw_zip([Raw(f"{index}.txt".encode(), b"x") for index in range(11)])
    assert "holds 11 entries; the limit is 10" in refusal(data, max_entries=10)
    with open_package(io.BytesIO(data), max_entries=11) as package:
        assert len(package.names()) == 11


def with_zip64_end(data: bytes, count: int) -> bytes:
    """``data`` with a ZIP64 end record declaring ``count`` entries, as archives of more than
    65,535 entries have (the classic record then says 0xFFFF)."""
    end = data.rindex(b"PK\x05\x06")
    directory_size, directory_offset = struct.unpack_from("<2L", data, end + 12)
    record = struct.pack(
        "<4sQ2H2L4Q", b"PK\x06\x06", 44, 45, 45, 0, 0, count, count, directory_size,
        directory_offset,
    )  # fmt: skip
    locator = struct.pack("<4sLQL", b"PK\x06\x07", 0, end, 1)
    classic = struct.pack(
        "<4s4H2LH", b"PK\x05\x06", 0, 0, 0xFFFF, 0xFFFF, directory_size, directory_offset, 0
    )
    return data[:end] + record + locator + classic


def test_too_many_entries_are_refused_from_a_zip64_end_record() -> None:
    data = raw_zip([Raw(b"a.txt", b"x"), Raw(b"b.txt", b"y")])
    assert "holds 100,000 entries" in refusal(with_zip64_end(data, 100_000))
    with open_package(io.BytesIO(with_zip64_end(data, 2))) as package:
        assert package.read("b.txt") == b"y"


def test_an_entry_over_the_limit_is_refused() -> None:
    data = raw_zip([Raw(b"small.txt", b"x" * 100), Raw(b"big.txt", b"x" * 2000)])
    message = refusal(data, max_entry_bytes=1000)
    assert "“big.txt” expands to 2,000 bytes; the limit is 1,000" in message


def test_a_total_over_the_limit_is_refused() -> None:
    data = raw_zip([Raw(f"{index}.txt".encode(), b"x" * 400) for index in range(3)])
    message = refusal(data, max_total_bytes=1000)
    assert "with the entry “2.txt”, the package expands to more than 1,000 bytes" in message


def test_a_gigabyte_of_zeros_is_refused_from_its_header(tmp_path: Path) -> None:
    data, crc = zeros_deflated(GIB)
    assert len(data) < 2 * MIB  # the test stays small...
    path = tmp_path / "bomb.zip"
    path.write_bytes(raw_zip([Raw(b"zeros.bin", data, zipfile.ZIP_DEFLATED, crc, GIB)]))
    with counted_decompression() as produced:
        assert "“zeros.bin” expands to 1,073,741,824 bytes; the limit is 268,435,456" in refusal(
            path
        )
        message = refusal(path, max_entry_bytes=2 * GIB)
    assert "“zeros.bin” is compressed 1,0" in message  # about 1,000 to 1
    assert "over the limit of 200 to 1 (a zip bomb)" in message
    assert produced == []  # ... refused from the header: nothing was decompressed


def test_a_forged_small_size_is_caught_while_decompressing(tmp_path: Path) -> None:
    data, crc = zeros_deflated(GIB)
    forged = Raw(b"zeros.bin", data, zipfile.ZIP_DEFLATED, crc, size=10_000)
    path = tmp_path / "forged.zip"
    path.write_bytes(raw_zip([forged]))
    with counted_decompression() as produced:
        message = refusal(path)  # the header passes: 10,000 bytes from 1 MB
        assert "“zeros.bin” holds more data than its header declares (10,000 bytes)" in message
        with open_package(path) as package, pytest.raises(UnsafeArchive):
            package.extract_to(tmp_path / "out")
    assert not (tmp_path / "out").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["forged.zip"]
    assert 0 < sum(produced) < 32 * MIB  # stopped at once, not after a gigabyte


def test_a_forged_large_size_is_caught_at_the_end() -> None:
    entry = Raw(b"a.txt", zlib.compress(b"x" * 5000)[2:-4], zipfile.ZIP_DEFLATED, size=6000)
    entry.crc = zlib.crc32(b"x" * 5000)
    assert "“a.txt” holds 5,000 bytes, not the 6,000 it declares" in refusal(raw_zip([entry]))


def test_a_stored_entry_with_two_sizes_is_refused() -> None:
    assert "two different sizes" in refusal(raw_zip([Raw(b"a.txt", b"x" * 10, size=1000)]))


def test_small_entries_may_compress_well() -> None:
    text = b" " * 500_000  # about 1,000 to 1, but under the grace size
    entry = Raw(b"spaces.txt", zlib.compress(text, 9)[2:-4], zipfile.ZIP_DEFLATED)
    entry.size, entry.crc = len(text), zlib.crc32(text)
    with open_package(io.BytesIO(raw_zip([entry]))) as package:
        assert package.read("spaces.txt") == text


def test_overlapping_entries_are_refused() -> None:
    # Two directory entries pointing at one local header: the kernel of the "overlapping
    # files" zip bomb, where each entry re-reads the same compressed data.
    data = raw_zip([Raw(b"a.txt", b"x" * 100), Raw(b"b.txt", b"y" * 100, offset=0)])
    assert "the entry “a.txt” overlaps “b.txt” (a zip bomb's trick)" in refusal(data)


def test_an_entry_must_end_before_the_directory() -> None:
    data = bytearray(raw_zip([Raw(b"a.txt", b"x" * 100)]))
    struct.pack_into("<L", data, 18, 5000)  # the local header's compressed size
    directory = data.index(b"PK\x01\x02")
    struct.pack_into("<L", data, directory + 20, 5000)  # and the directory's
    struct.pack_into("<L", data, directory + 24, 5000)
    assert "runs into the archive's directory" in refusal(bytes(data))


def test_zipfile_warnings_do_not_hide_duplicates(tmp_path: Path) -> None:
    path = tmp_path / "dup.zip"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "Duplicate name" from the zipfile module
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("article.md", b"first")
            archive.writestr("article.md", b"second")
    assert "“article.md” is there twice" in refusal(path)
