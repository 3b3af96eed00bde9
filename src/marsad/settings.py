"""One typed settings object. Every setting has a name, a default, an environment variable and help text."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields
from pathlib import Path


def _default_data_dir() -> Path:
    # The shared gold data sits beside the checkout (../shared/data); users point elsewhere with MARSAD_DATA.
    env = os.environ.get("MARSAD_DATA")
    if env:
        return Path(env)
    here = Path(__file__).resolve()
    for parent in here.parents:
        candidate = parent.parent / "shared" / "data"
        if (parent / "pyproject.toml").exists() and candidate.exists():
            return candidate
    return Path.cwd().parent / "shared" / "data"


def _default_cache_dir() -> Path:
    env = os.environ.get("MARSAD_CACHE")
    if env:
        return Path(env)
    return Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "marsad"


@dataclass(frozen=True)
class Settings:
    db: Path = field(
        default_factory=lambda: Path(os.environ.get("MARSAD_DB", "marsad.db")),
        metadata={"env": "MARSAD_DB", "help": "SQLite database file the store writes to."},
    )
    data_dir: Path = field(
        default_factory=_default_data_dir,
        metadata={
            "env": "MARSAD_DATA",
            "help": "Folder of external data (gold sets, OCHA gazetteer sources).",
        },
    )
    cache_dir: Path = field(
        default_factory=_default_cache_dir,
        metadata={
            "env": "MARSAD_CACHE",
            "help": "Folder for built artefacts such as the gazetteer database.",
        },
    )
    actor_files: tuple[Path, ...] = field(
        default_factory=lambda: tuple(
            Path(p) for p in os.environ.get("MARSAD_ACTORS", "").split(os.pathsep) if p.strip()
        ),
        metadata={"env": "MARSAD_ACTORS", "help": "Extra actor dictionaries (YAML), separated like PATH."},
    )
    max_input_bytes: int = field(
        default_factory=lambda: int(os.environ.get("MARSAD_MAX_INPUT_BYTES", str(20 * 1024 * 1024))),
        metadata={"env": "MARSAD_MAX_INPUT_BYTES", "help": "Inputs larger than this are refused (recorded)."},
    )
    gc_young: int = field(
        default_factory=lambda: int(os.environ.get("MARSAD_GC_YOUNG", "50000")),
        metadata={
            "env": "MARSAD_GC_YOUNG",
            "help": "In a process that extracts: objects allocated between two young collections of Python's "
            "cyclic garbage collector (Python's default is 700; raised, never lowered). 0 leaves it as it is.",
        },
    )

    def describe(self) -> list[tuple[str, str, str, str]]:
        """(name, value, environment variable, help) for each setting."""
        return [
            (f.name, str(getattr(self, f.name)), f.metadata.get("env", ""), f.metadata.get("help", ""))
            for f in fields(self)
        ]
