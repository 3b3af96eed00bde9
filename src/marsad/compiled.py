"""An optional compiled build of the place reader, made with mypyc from the same typed sources.

The toponym stage is pure Python spread over some fifteen small functions of the reader, none of them a hot spot
to rewrite; compiling those modules to C with mypyc (the compiler mypy ships, which black and mypy itself use)
runs the very same code about 1.3 times as fast (docs/performance.md). The sources stay the reference: nothing here changes what
is read, and a run without a compiler gets the pure Python modules.

The build lives beside the package (``_compiled/<interpreter>-<digest>/``) and is used only while it was made
from exactly the sources now installed: its digest covers every module of the package, so an edited checkout
never runs stale compiled code (it silently runs pure Python until ``marsad compile`` runs again; ``make``
does that before every demo, test and benchmark). ``MARSAD_PURE_PYTHON=1`` turns the build off.
"""

from __future__ import annotations

import hashlib
import importlib.abc
import importlib.machinery
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import sysconfig
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

PACKAGE_DIR = Path(__file__).resolve().parent
BUILDS = PACKAGE_DIR / "_compiled"
MANIFEST = "manifest.json"
PURE_ENV = "MARSAD_PURE_PYTHON"
# The modules the toponym stage runs, compiled together: calls between them stay in C. Modules that only
# build the gazetteer or print are left out (they run once, or wait on the disk).
GROUP = tuple(
    f"marsad.gazetteer.{name}"
    for name in (
        "words",
        "normalise",
        "fuzzy",
        "cues",
        "quarters",
        "checks",
        "scoring",
        "rec",
        "places",
        "collection",
        "unresolved",
        "layers",
        "match",
        "reader",
    )
)
# the shared library of the group (mypyc's runtime and the code of every module); the modules are shims into it
GROUP_NAME = "marsad_compiled"


@dataclass(frozen=True)
class Status:
    """Whether this process runs the compiled modules, and why not where it does not."""

    active: bool
    reason: str  # what was found ("14 modules compiled by mypyc ...") or why the pure modules run
    build: Path | None  # the build in use or that would be used


def source_digest(package_dir: Path = PACKAGE_DIR) -> str:
    """One digest of every module of the package (path and bytes): compiled code can take in constants and
    types of modules outside the group, so any change anywhere makes the build stale."""
    digest = hashlib.sha256()
    for path in sorted(package_dir.rglob("*.py")):
        relative = path.relative_to(package_dir)
        if relative.parts[0] == BUILDS.name:
            continue
        digest.update(relative.as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def build_dir(digest: str, builds: Path = BUILDS) -> Path:
    """Where the build of these sources for this interpreter lives (one interpreter's build cannot load in
    another)."""
    return builds / f"{sys.implementation.cache_tag}-{digest[:16]}"


class _CompiledFinder(importlib.abc.MetaPathFinder):
    """Finds the group's modules (and its shared library) in one build; every other import passes by."""

    def __init__(self, root: Path, files: dict[str, str]) -> None:
        self.root = root
        self.files = files  # module name -> file of the build, relative to root

    def find_spec(
        self, fullname: str, path: Sequence[str] | None = None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        relative = self.files.get(fullname)
        if relative is None:
            return None
        return importlib.util.spec_from_file_location(fullname, self.root / relative)


def _read_manifest(root: Path, digest: str) -> tuple[dict[str, str] | None, str]:
    """The build's files by module name, or None and why it cannot be used."""
    try:
        manifest = json.loads((root / MANIFEST).read_text("utf-8"))
    except FileNotFoundError:
        return None, "no compiled build of these sources: run `marsad compile` (make runs it)"
    except (OSError, ValueError) as exc:
        return None, f"unreadable {root / MANIFEST} ({exc}): run `marsad compile`"
    if not isinstance(manifest, dict):
        return None, f"unreadable {root / MANIFEST} (not a JSON object): run `marsad compile`"
    files = manifest.get("files")
    if manifest.get("digest") != digest or not isinstance(files, dict) or set(GROUP) - set(files):
        return None, f"{root} was built from other sources: run `marsad compile`"
    missing = [name for name in files.values() if not (root / name).is_file()]
    if missing:
        return None, f"{root} lacks {missing[0]}: run `marsad compile`"
    return files, f"{len(GROUP)} modules compiled by mypyc {manifest.get('mypyc', '?')} ({root.name})"


_digest: str | None = None


def source_digest_cached() -> str:
    """:func:`source_digest` of the installed package, read once per process."""
    global _digest
    if _digest is None:
        _digest = source_digest()
    return _digest


_status: Status | None = None


def install(builds: Path = BUILDS) -> Status:
    """Put the finder of the current build first on ``sys.meta_path`` (once per process) unless the pure
    modules are asked for or no current build exists; says which. Called by ``marsad/__init__`` before any
    module of the group is imported."""
    global _status
    if _status is not None:
        return _status
    if os.environ.get(PURE_ENV, "").strip() not in ("", "0"):
        _status = Status(False, f"pure Python ({PURE_ENV} is set)", None)
        return _status
    if not builds.is_dir():
        _status = Status(False, "no compiled build: run `marsad compile` (make runs it)", None)
        return _status
    try:
        digest = source_digest_cached()
    except OSError as exc:  # a package folder that cannot be read: never a reason to fail an import
        _status = Status(False, f"the sources could not be read to check the build ({exc})", None)
        return _status
    root = build_dir(digest, builds)
    files, reason = _read_manifest(root, digest)
    if files is None:
        _status = Status(False, reason, root)
        return _status
    sys.meta_path.insert(0, _CompiledFinder(root, files))
    _status = Status(True, reason, root)
    return _status


def status() -> Status:
    """What :func:`install` decided for this process, and whether the modules really came from the build (a
    module imported before the finder, as in a test that reloads, would be the pure one)."""
    decided = install()
    if decided.active:
        loaded = [sys.modules[name] for name in GROUP if name in sys.modules]
        pure = [module.__name__ for module in loaded if not _is_extension(module)]
        if pure:
            return Status(False, f"{pure[0]} was imported before the build was found", decided.build)
    return decided


def _is_extension(module: ModuleType) -> bool:
    return any(
        str(getattr(module, "__file__", "")).endswith(s) for s in importlib.machinery.EXTENSION_SUFFIXES
    )


# -- building ---------------------------------------------------------------------------------------------

_SETUP = """
import json
import sys
from setuptools import setup
from mypyc.build import mypycify

paths, target, lib, temp, group = json.loads(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5]
setup(
    name="marsad-compiled",
    ext_modules=mypycify(paths, opt_level="3", target_dir=target, group_name=group),
    script_args=["build_ext", "--build-lib", lib, "--build-temp", temp],
)
"""


@dataclass(frozen=True)
class BuildResult:
    ok: bool  # a build of the current sources exists now
    reason: str  # what was done, or why no build was made
    build: Path | None


def missing_tools() -> str | None:
    """Why this machine cannot compile (no mypyc, no C compiler, no Python headers), or None."""
    if importlib.util.find_spec("mypyc") is None:
        return "mypyc is not installed (it comes with mypy: pip install 'marsad[dev]')"
    compiler = (sysconfig.get_config_var("CC") or "cc").split()[0]
    if shutil.which(compiler) is None:
        return f"no C compiler ({compiler}) on PATH: install gcc (apt-get install build-essential)"
    include = sysconfig.get_paths().get("include", "")
    if not (Path(include) / "Python.h").is_file():
        return f"no Python headers (Python.h) in {include}: install python3-dev"
    return None


def build(builds: Path | None = None, *, force: bool = False) -> BuildResult:
    """Compile the group into ``builds`` (default: ``_compiled`` beside the package) unless a build of the
    current sources is there; older builds are removed. The work runs in a temporary folder and the build
    appears whole or not at all."""
    builds = builds or BUILDS
    digest = source_digest()
    root = build_dir(digest, builds)
    if not force and _read_manifest(root, digest)[0] is not None:
        return BuildResult(True, f"up to date: {root}", root)
    lacking = missing_tools()
    if lacking:
        return BuildResult(False, f"not compiled, the pure Python modules run: {lacking}", None)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="marsad-mypyc-") as temp:
        work = Path(temp)
        failure = _compile(work)
        if failure:
            return BuildResult(False, f"not compiled, the pure Python modules run: {failure}", None)
        files = _collect(work / "lib", work / "out")
        manifest = {"digest": digest, "files": files, "mypyc": _mypyc_version(), "python": sys.version}
        (work / "out" / MANIFEST).write_text(json.dumps(manifest, indent=1), "utf-8")
        builds.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=builds))
        shutil.rmtree(staging)
        shutil.copytree(work / "out", staging)
        shutil.rmtree(root, ignore_errors=True)
        try:
            staging.rename(root)  # whole or not at all
        except OSError as exc:
            shutil.rmtree(staging, ignore_errors=True)
            if _read_manifest(root, digest)[0] is None:
                return BuildResult(False, f"could not put the build in {root}: {exc}", None)
            # another `marsad compile` of the same sources finished first: its build is this one
    # older builds of this interpreter go (another interpreter's build stays: it may share the checkout)
    for other in builds.iterdir():
        if other != root and other.name.startswith(f"{sys.implementation.cache_tag}-"):
            shutil.rmtree(other, ignore_errors=True)
    return BuildResult(True, f"built {root} in {time.perf_counter() - started:.0f} s", root)


def _compile(work: Path) -> str | None:
    """Run mypyc on the group's sources (read where they are) in a child process; the error it gives, if any."""
    sources = PACKAGE_DIR.parent  # mypy names each module by the folders above it
    paths = [str(sources / (name.replace(".", "/") + ".py")) for name in GROUP]
    # the library needs no stubs of its dependencies to type-check; mypy's cache goes with the work folder
    flags = ["--ignore-missing-imports", "--cache-dir", str(work / "mypy-cache")]
    script = work / "setup_compiled.py"
    script.write_text(_SETUP, "utf-8")
    command = [
        sys.executable,
        str(script),
        json.dumps(flags + paths),
        str(work / "c"),
        str(work / "lib"),
        str(work / "temp"),
        GROUP_NAME,
    ]
    done = subprocess.run(command, cwd=sources, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        lines = [line for line in (done.stderr or done.stdout).splitlines() if line.strip()]
        return "mypyc failed: " + (lines[-1] if lines else f"exit code {done.returncode}")
    return None


def _collect(lib: Path, out: Path) -> dict[str, str]:
    """Copy the built libraries to ``out``; their module names and paths there."""
    files: dict[str, str] = {}
    suffixes = tuple(importlib.machinery.EXTENSION_SUFFIXES)
    for path in sorted(lib.rglob("*")):
        if not path.name.endswith(suffixes):
            continue
        relative = path.relative_to(lib)
        stem = relative.name[: -len(next(s for s in suffixes if relative.name.endswith(s)))]
        module = ".".join((*relative.parts[:-1], stem))
        (out / relative).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, out / relative)
        files[module] = relative.as_posix()
    return files


def _mypyc_version() -> str:
    try:
        from mypy.version import __version__
    except ImportError:  # pragma: no cover - build() checked mypyc is there
        return "?"
    return str(__version__)
