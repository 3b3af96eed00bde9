"""Long-lived tables and Python's cyclic garbage collector.

The gazetteer's layers and the actor dictionary are hundreds of thousands of objects that live as long as the
process. Every full collection of the cyclic collector walks all of them (about 80 ms with the world and Syria
layers loaded), and a long run triggers one every few hundred reports, in whichever stage happens to cross the
threshold. Frozen (``gc.freeze``), they are left out of every later collection.
"""

from __future__ import annotations

import gc


def settle() -> None:
    """Leave every object alive now out of later cyclic collections. Called once a long-lived table is loaded.

    Frozen objects are still freed by reference counting (an evicted gazetteer layer goes as before); only a
    reference cycle that is garbage at this very moment is never collected, and loading creates none to speak of.
    """
    gc.freeze()
