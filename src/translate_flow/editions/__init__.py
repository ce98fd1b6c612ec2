"""Catalogs → editions: reassembly in the source's layout, HTML pages, the index."""

from .build import Edition, Missing, build, build_edition, neutralise_html, publishable

__all__ = ["Edition", "Missing", "build", "build_edition", "neutralise_html", "publishable"]
