"""Folders: recursive, sorted, hidden entries skipped, links to folders not followed."""

from __future__ import annotations

import shutil
from pathlib import Path

from marsad.ingest import read_paths
from marsad.records import Document, Failure

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
REPORT = "Four civilians were killed in regime shelling on Kafranbel, {n}."


def _tree(root: Path, names: list[str]) -> None:
    for n, name in enumerate(names):
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(REPORT.format(n=n))


def test_ingest_folder_recursive_sorted_without_hidden(tmp_path: Path) -> None:
    _tree(
        tmp_path,
        [
            "b.txt",
            "a/z.txt",
            "a/b/c.txt",
            "a/.draft.txt",
            ".git/config.txt",
            "c/.cache/x.txt",
            "a0.txt",
            "A.txt",
        ],
    )
    out = list(read_paths([tmp_path]))
    assert all(isinstance(d, Document) for d in out)
    names = [Path(d.source or "").relative_to(tmp_path).as_posix() for d in out]
    assert names == ["A.txt", "a/b/c.txt", "a/z.txt", "a0.txt", "b.txt"]


def test_ingest_paths_in_given_order(tmp_path: Path) -> None:
    _tree(tmp_path, ["one/x.txt", "two/y.txt"])
    out = list(read_paths([tmp_path / "two", str(tmp_path / "one")]))
    assert [Path(d.source or "").name for d in out] == ["y.txt", "x.txt"]


def test_ingest_hidden_file_named_explicitly_is_read(tmp_path: Path) -> None:
    _tree(tmp_path, [".note.txt"])
    [doc] = list(read_paths([tmp_path / ".note.txt"]))
    assert isinstance(doc, Document)


def test_ingest_folder_link_loop_does_not_hang(tmp_path: Path) -> None:
    _tree(tmp_path, ["a/report.txt"])
    (tmp_path / "a" / "loop").symlink_to(tmp_path, target_is_directory=True)
    out = list(read_paths([tmp_path]))
    assert [Path(d.source or "").name for d in out] == ["report.txt"]


def test_ingest_fixture_folder_mixes_formats(tmp_path: Path) -> None:
    shutil.copytree(FIXTURES, tmp_path / "in")
    out = list(read_paths([tmp_path / "in"]))
    formats = {d.raw_format for d in out if isinstance(d, Document)}
    assert formats == {"html", "text", "feed", "jsonl"}
    codes = sorted(f.code for f in out if isinstance(f, Failure))
    assert codes == ["no-text", "no-text", "not-json", "not-json", "not-xml"]


def test_ingest_empty_folder_yields_nothing(tmp_path: Path) -> None:
    assert list(read_paths([tmp_path])) == []


def test_ingest_path_with_nul_byte_is_a_failure() -> None:
    [failure] = list(read_paths(["reports\x00.txt"]))
    assert isinstance(failure, Failure) and failure.code in ("not-found", "unreadable")
