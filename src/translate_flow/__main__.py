"""`python -m translate_flow` is `tflow`."""

from .cli import main

main()
