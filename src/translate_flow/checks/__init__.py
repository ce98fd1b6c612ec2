"""Quality checks: a translation against its source → `Problem` records.

Each check is a small function ``check_x(pair) -> Iterable[Problem]`` that
looks at one thing (links, numbers, wrong-language letters, the glossary …);
problems are collected, never raised. `run` applies every enabled check to a
`Pair`; `CHECKS` lists them with their severity and one-line description;
`catalogs.check_catalogs` runs them over a project's PO files. The package is
pure: it reads no files except through `catalogs`, and prints nothing.
"""

from .model import ERROR, WARNING, Check, CheckSettings, Pair, Problem
from .registry import CHECKS, get, run
from .settings import load_settings

__all__ = ["CHECKS", "ERROR", "WARNING", "Check", "CheckSettings", "Pair", "Problem", "get", "load_settings", "run"]
