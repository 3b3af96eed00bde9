"""marsad: conflict reports in, evidence-linked incident records out."""

from marsad import compiled as _compiled

__version__ = "0.1.0"

# before any module of the place reader is imported: its compiled build, where one of these very sources exists
_compiled.install()
