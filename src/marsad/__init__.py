"""marsad: conflict reports in, evidence-linked incident records out."""

from marsad import compiled as _compiled

__version__ = "0.1.0"

# before any module of the place reader is imported: the compiled build of it, where one of these sources exists
_compiled.install()
