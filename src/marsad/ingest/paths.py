"""Files and folders to inputs: folders recursively and sorted, hidden entries skipped, size checked first."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from marsad.ingest.common import Hints, failure
from marsad.ingest.formats import read_data, too_large
from marsad.records import Document, Failure


def walk(folder: Path) -> list[Path]:
    """Files under ``folder``, sorted by their path, without hidden files or folders and without following
    links to folders (a link loop must not hang a run)."""
    found: list[Path] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found.extend(Path(root) / name for name in files if not name.startswith("."))
    return sorted(found, key=lambda p: p.relative_to(folder).parts)


def read_file(path: Path, hints: Hints, max_bytes: int) -> Iterator[Document | Failure]:
    source = str(path)
    try:
        if not path.is_file():
            yield failure(
                source, "not-a-file", "not a regular file (a device, pipe or socket?): give a file or folder"
            )
            return
        size = path.stat().st_size
        if size > max_bytes:  # refuse before reading: a 5 GB dump must not fill memory
            yield too_large(source, size, max_bytes)
            return
        data = _read_limited(path, max_bytes)
    except OSError as exc:
        yield failure(
            source, "unreadable", f"cannot read this file ({exc.strerror or exc}): check its permissions"
        )
        return
    yield from read_data(data, source, hints, max_bytes)


def read_path(path: Path, hints: Hints, max_bytes: int) -> Iterator[Document | Failure]:
    if not path.exists():
        what = "broken link" if path.is_symlink() else "no such file or folder"
        yield failure(str(path), "not-found", f"{what}: check the path")
    elif path.is_dir():
        for file in walk(path):
            yield from read_file(file, hints, max_bytes)
    else:
        yield from read_file(path, hints, max_bytes)


def read_all(paths: Iterable[str | Path], hints: Hints, max_bytes: int) -> Iterator[Document | Failure]:
    for path in paths:
        try:
            yield from read_path(Path(path), hints, max_bytes)
        except (OSError, ValueError) as exc:  # a folder we may not list, a name with a NUL byte, ...
            yield failure(str(path), "unreadable", f"cannot read this path ({exc}): check its permissions")


def _read_limited(path: Path, max_bytes: int) -> bytes:
    # one byte over the limit at most: a file that grew after stat() is caught as too large, not read whole
    with path.open("rb") as handle:
        return handle.read(max_bytes + 1)
