"""Which extractor read a document: a hash of everything that shapes the events read from a text.

The store records it with each document, so that `marsad run` over reports stored by an older marsad (or with
another gazetteer, or other actor dictionaries) reads them again instead of keeping the old events: a user who
upgrades and runs again sees what the new version reads.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

import marsad

# What shapes no event: the command line, the scorers and their gold-set baselines (rewritten by every
# `marsad eval --update-baseline`), and the byte caches of the interpreter.
_IGNORED_PARTS = frozenset({"cli", "evaluate", "__pycache__"})
_READ = frozenset({".py", ".yaml", ".yml", ".json", ".csv", ".txt"})


def extractor_id(gazetteer: Any | None, actor_files: Sequence[Path] = ()) -> str:
    """The identity of the extractor that runs with ``gazetteer`` and the user's ``actor_files``: marsad's
    version, its code and data, the gazetteer build (its inputs' fingerprint and the dumps imported into it) and
    the user's dictionaries, hashed. "marsad 0.1.0+" and 16 hex digits."""
    digest = hashlib.sha256(_code_hash().encode())
    meta = getattr(gazetteer, "meta", None) or {}
    for key in ("fingerprint", "imports"):
        digest.update(f"{key}={meta.get(key, '')}".encode())
    for path in actor_files:
        try:
            content = Path(path).read_bytes()
        except OSError:
            content = b"-"  # (the dictionary loader has said why already)
        digest.update(str(path).encode() + content)
    return f"marsad {marsad.__version__}+{digest.hexdigest()[:16]}"


@cache
def _code_hash() -> str:
    """Hash of marsad's own code and data files (1.5 MB, hashed once per process: ~30 ms)."""
    package = Path(marsad.__file__).resolve().parent
    digest = hashlib.sha256(marsad.__version__.encode())
    for path in sorted(package.rglob("*")):
        relative = path.relative_to(package)
        if path.suffix in _READ and path.is_file() and _IGNORED_PARTS.isdisjoint(relative.parts):
            digest.update(relative.as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()
