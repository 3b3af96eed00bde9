"""The extractor's identity, which the store keeps per document: what changes it and what does not."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

import pytest

import marsad
from marsad.extract import identity
from marsad.extract.identity import extractor_id

BUILT = SimpleNamespace(meta={"fingerprint": "4b63", "imports": "[]"})


@pytest.fixture(autouse=True)
def _fresh_code_hash() -> Iterator[None]:
    yield
    identity._code_hash.cache_clear()  # the next caller hashes the real package again


def test_identity_names_the_version_and_is_stable() -> None:
    first = extractor_id(BUILT)
    assert first.startswith(f"marsad {marsad.__version__}+") and len(first.split("+")[1]) == 16
    assert extractor_id(SimpleNamespace(meta=dict(BUILT.meta))) == first


def test_identity_follows_the_gazetteer_build_and_its_imports() -> None:
    first = extractor_id(BUILT)
    assert extractor_id(SimpleNamespace(meta={**BUILT.meta, "fingerprint": "other"})) != first
    imported = SimpleNamespace(meta={**BUILT.meta, "imports": '[{"file": "SY.txt"}]'})
    assert extractor_id(imported) != first


def test_identity_follows_the_user_dictionaries_contents(tmp_path: Path) -> None:
    mine = tmp_path / "mine.yaml"
    mine.write_text("version: 1\nactors: []\n", encoding="utf-8")
    with_file = extractor_id(BUILT, [mine])
    assert with_file != extractor_id(BUILT)
    mine.write_text("version: 1\nactors:\n  - id: user.x\n    name: X Brigade\n", encoding="utf-8")
    assert extractor_id(BUILT, [mine]) != with_file


def test_identity_follows_the_code_but_not_the_scorers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A copy of the package with one rule changed is another extractor; one with a scorer's baseline changed is
    not (`marsad eval --update-baseline` rewrites it; no event changes)."""
    copy = tmp_path / "marsad"
    shutil.copytree(
        Path(marsad.__file__).resolve().parent, copy, ignore=shutil.ignore_patterns("__pycache__")
    )
    monkeypatch.setattr(marsad, "__file__", str(copy / "__init__.py"))

    def hashed() -> str:
        identity._code_hash.cache_clear()  # (hashed once per process otherwise)
        return identity._code_hash()

    before = hashed()
    (copy / "evaluate" / "baseline.json").write_text("{}", encoding="utf-8")
    assert hashed() == before
    rules = copy / "extract" / "casualties.py"
    rules.write_text(rules.read_text(encoding="utf-8") + "\n# a changed rule\n", encoding="utf-8")
    assert hashed() != before
