"""marsad: conflict reports in, evidence-linked incident records out."""

__version__ = "0.1.0"
