"""The gold sets marsad is measured on, by name. Each module holds one reader and one scorer."""

from __future__ import annotations

from marsad.evaluate.sets import case2021, fakes, isaf, seed, ucdp
from marsad.evaluate.sets.base import Case, Scored, SetSpec

SETS: dict[str, SetSpec] = {
    spec.name: spec for spec in (isaf.SPEC, case2021.SPEC, ucdp.SPEC, fakes.SPEC, seed.SPEC)
}

__all__ = ["SETS", "Case", "Scored", "SetSpec"]
