"""Catalogs → editions: reassembly in the source's layout, HTML/PDF/parallel pages, indexes, feeds."""

from .build import FORMATS, build, build_edition, compose, neutralise_html, publishable
from .model import Edition, Missing, Signoff

__all__ = ["FORMATS", "Edition", "Missing", "Signoff", "build", "build_edition", "compose",
           "neutralise_html", "publishable"]
