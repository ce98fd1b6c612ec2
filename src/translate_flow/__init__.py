"""translate-flow: statements into Ukrainian, Russian and English editions."""

__version__ = "0.1.0"
