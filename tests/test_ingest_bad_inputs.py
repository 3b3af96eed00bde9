"""Bad input never raises: each becomes one Failure with a code and a message that says what to do."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.ingest import read_bytes, read_paths
from marsad.records import Document, Failure
from marsad.settings import Settings

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
SMALL = Settings(max_input_bytes=4096)

# name, bytes, expected code
BAD_BYTES = [
    ("empty.txt", b"", "empty"),
    ("blank.txt", b"  \n\t\r\n  ", "empty"),
    ("bom-only.txt", b"\xef\xbb\xbf", "empty"),
    ("blank.html", b"\n\n", "empty"),
    ("nul.txt", b"Four killed\x00\x00\x01\x02 in Idlib" * 4, "binary"),
    ("controls.txt", bytes(range(1, 9)) * 40, "binary"),
    ("report.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>", "binary"),
    ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    ("archive.jsonl", b"\x1f\x8b\x08\x00\x00\x00\x00\x00", "binary"),
    ("high-bytes.txt", bytes(range(128, 256)) * 20, "undecodable"),
    ("index.html", (FIXTURES / "pages/index-no-text.html").read_bytes(), "no-text"),
    ("scripts.html", b"<html><head><script>var a = 1;</script></head><body></body></html>", "no-text"),
    ("furniture.txt", b"Share this:\nFacebook Twitter WhatsApp\nSubscribe to our newsletter\n", "no-text"),
    ("plain.rss", b"Four civilians were killed in Idlib today.", "not-xml"),
    ("truncated.xml", b'<?xml version="1.0"?><rss version="2.0"><channel><title>SOHR</title><ite', "not-xml"),
    ("error-page.xml", (FIXTURES / "feeds/broken.xml").read_bytes(), "not-xml"),
    (
        "no-items.rss",
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>x</title></channel></rss>',
        "empty",
    ),
    ("big.txt", b"Four civilians were killed in Idlib today. " * 100, "too-large"),
]


@pytest.mark.parametrize(("name", "data", "code"), BAD_BYTES, ids=[row[0] for row in BAD_BYTES])
def test_ingest_bad_bytes_become_failures(name: str, data: bytes, code: str) -> None:
    out = list(read_bytes(data, name, settings=SMALL))
    assert len(out) == 1
    [failure] = out
    assert isinstance(failure, Failure), failure
    assert (failure.code, failure.stage, failure.source) == (code, "ingest", name)
    assert ":" in failure.message  # "what went wrong: what to do"


@pytest.mark.parametrize(("name", "data", "code"), BAD_BYTES, ids=[row[0] for row in BAD_BYTES])
def test_ingest_bad_files_become_failures(tmp_path: Path, name: str, data: bytes, code: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    out = list(read_paths([path], settings=SMALL))
    assert [(type(f), f.code) for f in out if isinstance(f, Failure)] == [(Failure, code)]


def test_ingest_missing_path(tmp_path: Path) -> None:
    [failure] = list(read_paths([tmp_path / "nope.html"]))
    assert isinstance(failure, Failure)
    assert failure.code == "not-found"
    assert "check the path" in failure.message


def test_ingest_broken_link(tmp_path: Path) -> None:
    (tmp_path / "link.txt").symlink_to(tmp_path / "gone.txt")
    [failure] = list(read_paths([tmp_path / "link.txt"]))
    assert isinstance(failure, Failure) and failure.code == "not-found"


def test_ingest_large_file_refused_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    big = tmp_path / "dump.txt"
    with big.open("wb") as handle:  # sparse: 50 MB on paper, nothing on disk
        handle.seek(50 * 1024 * 1024 - 1)
        handle.write(b"\n")

    def no_reading(*args: object) -> bytes:
        raise AssertionError("a too-large file was read")

    monkeypatch.setattr("marsad.ingest.paths._read_limited", no_reading)
    [failure] = list(read_paths([big], settings=Settings(max_input_bytes=20 * 1024 * 1024)))
    assert isinstance(failure, Failure)
    assert failure.code == "too-large"
    assert "MARSAD_MAX_INPUT_BYTES" in failure.message


def test_ingest_limit_is_inclusive(tmp_path: Path) -> None:
    text = b"Four civilians were killed in Idlib today."
    path = tmp_path / "exact.txt"
    path.write_bytes(text)
    [doc] = list(read_paths([path], settings=Settings(max_input_bytes=len(text))))
    assert isinstance(doc, Document)


def test_ingest_not_a_regular_file(tmp_path: Path) -> None:
    import os

    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    [failure] = list(read_paths([fifo]))  # must not block reading a pipe
    assert isinstance(failure, Failure) and failure.code == "not-a-file"


def test_ingest_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("Four civilians were killed in Idlib today.")
    path.chmod(0)
    real_open = Path.open

    def refuse(self: Path, *args: object, **kwargs: object) -> object:
        # root (as in CI) reads a file whatever its mode: refuse as the kernel refuses a normal user
        if self == path:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(Path, "open", refuse)
    [failure] = list(read_paths([path]))
    assert isinstance(failure, Failure) and failure.code == "unreadable"
    assert "permission" in failure.message.lower()


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("cp1252.txt", "Four civilians were killed in Ma’arrat – the café owner’s son".encode("cp1252")),
        ("utf16.txt", "Four civilians were killed in Idlib on Tuesday, the monitor said.".encode("utf-16")),
        ("arabic.txt", "قتل أربعة مدنيين بقصف مدفعي على ريف إدلب الجنوبي صباح اليوم".encode("cp1256") * 3),
    ],
)  # fmt: skip
def test_ingest_legacy_encodings_decoded(name: str, data: bytes) -> None:
    [doc] = list(read_bytes(data, name))
    assert isinstance(doc, Document), doc
    assert "\ufffd" not in doc.text
    assert doc.text.startswith(("Four civilians", "قتل أربعة"))


def test_ingest_bad_input_does_not_stop_the_run(tmp_path: Path) -> None:
    (tmp_path / "a-empty.txt").write_bytes(b"")
    (tmp_path / "b-binary.txt").write_bytes(b"\x00\x01\x02" * 10)
    (tmp_path / "c-good.txt").write_text("Four civilians were killed in Idlib today.")
    out = list(read_paths([tmp_path / "missing", tmp_path]))
    assert [o.code if isinstance(o, Failure) else "ok" for o in out] == ["not-found", "empty", "binary", "ok"]


def test_ingest_library_errors_become_failures(monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*args: object) -> object:
        raise RuntimeError("parser exploded")

    monkeypatch.setattr("marsad.ingest.formats.read_text", boom)
    [failure] = list(read_bytes(b"Four civilians were killed in Idlib today.", "a.txt"))
    assert isinstance(failure, Failure)
    assert failure.code == "internal"
    assert "please report" in failure.message
