"""The compiled build of the place reader: it reads exactly what the Python modules read, and it is used only
while it was built from the sources installed (never stale code after an edit)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from marsad import compiled
from marsad.cli import _typer_app

ROOT = Path(__file__).resolve().parents[1]
# Reads the places of the demo corpus and, where the shared data is here, of every 20th UCDP group and every 10th
# FA-KES article (read as `marsad eval` reads them); prints them as JSON lines after a line saying which modules ran.
READ_PLACES = r"""
import json, sys
from pathlib import Path
from marsad import compiled
from marsad.evaluate.sets import fakes, ucdp
from marsad.extract import stages
from marsad.ingest import read_paths
from marsad.pipeline import document_from_record
from marsad.records import Document

print(json.dumps({"active": compiled.status().active}))
docs = list(read_paths([Path(sys.argv[1])]))
data = Path(sys.argv[2])
for gold_set, folder, step in ((ucdp, "ucdp_ged_syria", 20), (fakes, "fakes_syria_news", 10)):
    if (data / folder).is_dir():  # (without the shared data: the demo corpus alone)
        items = gold_set.read(data).items[::step]
        docs += [item.document or document_from_record(item.record(), item.id) for item in items]
resources = stages.default_resources()
for doc in docs:
    if not isinstance(doc, Document):
        continue
    places, unresolved = stages.read_places(doc, resources)
    print(json.dumps({
        "doc": doc.id,
        "places": [[p.span.start, p.span.text, p.place.name, p.place.latitude, p.place.longitude,
                    p.place.where_prec, p.place.admin1] for p in places],
        "unresolved": [[u.span.start, u.span.text, u.reason] for u in unresolved],
    }, ensure_ascii=False))
"""


def _read_places(pure: bool) -> tuple[bool, list[str]]:
    env = {**os.environ, compiled.PURE_ENV: "1" if pure else "0"}
    data = os.environ.get("MARSAD_DATA", str(ROOT.parent / "shared" / "data"))
    done = subprocess.run(
        [sys.executable, "-c", READ_PLACES, str(ROOT / "examples" / "reports"), data],
        capture_output=True, text=True, env=env, timeout=600, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    first, *lines = done.stdout.splitlines()
    return json.loads(first)["active"], lines


def test_compiled_build_reads_the_same_places_as_the_python_modules() -> None:
    state = compiled.status()
    if not state.active:
        if os.environ.get("CI") == "true":  # make compiles before testing: CI must test the build it ships
            pytest.fail(f"the compiled build is not in use under CI: {state.reason}")
        pytest.skip(f"no compiled build to compare: {state.reason}")
    ran_compiled, with_build = _read_places(pure=False)
    ran_pure, as_python = _read_places(pure=True)
    assert ran_compiled and not ran_pure
    assert len(with_build) >= 14  # the demo corpus at least
    assert sum(bool(json.loads(line)["places"]) for line in with_build) >= 10
    assert with_build == as_python


def test_this_process_runs_the_modules_of_the_build_it_reports() -> None:
    state = compiled.status()
    import marsad.gazetteer.reader as reader

    suffix = Path(reader.__file__ or "").suffix
    assert (suffix != ".py") == state.active, (suffix, state)


def _fake_build(root: Path, digest: str) -> None:
    files = {}
    for name in (*compiled.GROUP, f"{compiled.GROUP_NAME}__mypyc"):
        relative = name.replace(".", "/") + ".so"
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        (root / relative).write_bytes(b"\x7fELF")
        files[name] = relative
    (root / compiled.MANIFEST).write_text(json.dumps({"digest": digest, "files": files}), "utf-8")


def test_a_build_of_other_sources_is_never_used(tmp_path: Path) -> None:
    _fake_build(tmp_path, "0" * 64)
    files, reason = compiled._read_manifest(tmp_path, "1" * 64)
    assert files is None
    assert "other sources" in reason and "marsad compile" in reason
    files, reason = compiled._read_manifest(tmp_path, "0" * 64)
    assert files is not None and set(compiled.GROUP) <= set(files)
    assert "14 modules compiled" in reason


@pytest.mark.parametrize(
    ("damage", "said"),
    [
        (lambda root: (root / compiled.MANIFEST).unlink(), "no compiled build"),
        (lambda root: (root / compiled.MANIFEST).write_text("{not json", "utf-8"), "unreadable"),
        (lambda root: (root / compiled.MANIFEST).write_text("[1, 2]", "utf-8"), "not a JSON object"),
        (
            lambda root: (root / "marsad" / "gazetteer" / "reader.so").unlink(),
            "lacks marsad/gazetteer/reader.so",
        ),
    ],
)
def test_a_damaged_build_says_what_to_run(tmp_path: Path, damage, said: str) -> None:  # type: ignore[no-untyped-def]
    _fake_build(tmp_path, "0" * 64)
    damage(tmp_path)
    files, reason = compiled._read_manifest(tmp_path, "0" * 64)
    assert files is None
    assert said in reason and "marsad compile" in reason


def test_the_finder_answers_only_for_the_modules_of_its_build(tmp_path: Path) -> None:
    finder = compiled._CompiledFinder(tmp_path, {"marsad.gazetteer.reader": "marsad/gazetteer/reader.so"})
    assert finder.find_spec("marsad.gazetteer.words") is None
    assert finder.find_spec("json") is None
    spec = finder.find_spec("marsad.gazetteer.reader")
    assert spec is not None and spec.origin == str(tmp_path / "marsad" / "gazetteer" / "reader.so")


def test_the_digest_follows_every_module_and_ignores_the_builds(tmp_path: Path) -> None:
    package = tmp_path / "pkg"
    (package / "sub").mkdir(parents=True)
    (package / "a.py").write_text("X = 1\n", "utf-8")
    (package / "sub" / "b.py").write_text("Y = 2\n", "utf-8")
    first = compiled.source_digest(package)
    (package / compiled.BUILDS.name).mkdir()
    (package / compiled.BUILDS.name / "c.py").write_text("Z = 3\n", "utf-8")
    assert compiled.source_digest(package) == first
    (package / "sub" / "b.py").write_text("Y = 3\n", "utf-8")  # a module outside the group still counts
    assert compiled.source_digest(package) != first


def test_without_a_compiler_the_build_says_why_and_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(compiled, "missing_tools", lambda: "no C compiler (cc) on PATH: install gcc")
    result = compiled.build(tmp_path / "builds")
    assert not result.ok and result.build is None
    assert "pure Python modules run" in result.reason and "install gcc" in result.reason
    assert not (tmp_path / "builds").exists()
    monkeypatch.setattr(compiled, "BUILDS", tmp_path / "builds")
    runner = CliRunner()
    strict = runner.invoke(_typer_app, ["compile"])
    assert strict.exit_code == 1 and "install gcc" in strict.output
    lenient = runner.invoke(_typer_app, ["compile", "--if-possible"])
    assert lenient.exit_code == 0 and "install gcc" in lenient.output


def test_the_pure_modules_can_be_asked_for() -> None:
    env = {**os.environ, compiled.PURE_ENV: "1", "COLUMNS": "200"}
    done = subprocess.run(
        [sys.executable, "-m", "marsad.cli", "compile", "--check"],
        capture_output=True, text=True, env=env, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 1
    assert f"pure Python ({compiled.PURE_ENV} is set)" in done.stdout


def test_the_compiled_modules_use_no_cached_property() -> None:
    """A compiled class keeps no instance dictionary: ``functools.cached_property`` there silently works out its
    value again on every use, so the modules of the build keep such values in attributes of their own."""
    for name in compiled.GROUP:
        source = (compiled.PACKAGE_DIR.parent / (name.replace(".", "/") + ".py")).read_text("utf-8")
        assert re.search(r"@(?:functools\.)?cached_property", source) is None, name


def test_a_failed_compilation_says_why_and_leaves_no_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(compiled, "missing_tools", lambda: None)
    monkeypatch.setattr(
        compiled, "_compile", lambda work: "mypyc failed: reader.py:12: error: Name 'x' is not defined"
    )
    result = compiled.build(tmp_path / "builds")
    assert not result.ok and result.build is None
    assert "pure Python modules run" in result.reason and "reader.py:12" in result.reason
    assert not (tmp_path / "builds").exists()


# What the gazetteer hands out pickles (a multiprocessing pool or a Dask worker sends it back), compiled or not.
PICKLE_CHECK = r"""
import pickle
from marsad.gazetteer.match import default_gazetteer
from marsad.gazetteer.places import unresolved_rows
reading = default_gazetteer().read("Warplanes struck Ariha. Clashes near the village of Zor Shamrx in Raqqa.", "SY")
assert reading.mentions and reading.unresolved, reading
assert pickle.loads(pickle.dumps(reading)) == reading
rows = list(unresolved_rows("d1", reading.unresolved))
assert rows and pickle.loads(pickle.dumps(rows)) == rows
print("ok")
"""


@pytest.mark.parametrize("pure", [False, True], ids=["as run", "pure Python"])
def test_what_the_gazetteer_returns_pickles(pure: bool) -> None:
    env = {**os.environ, compiled.PURE_ENV: "1" if pure else "0"}
    done = subprocess.run(
        [sys.executable, "-c", PICKLE_CHECK],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr[-2000:]
