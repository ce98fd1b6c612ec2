"""Review in the browser: `tflow serve`, sign-in links, and the offline review sheet.

`app` is the Starlette app (factory, guards, error pages), `desk` and `signin`
its routes, `state` what requests share, `inputs` the checks on what a request
sends, `auth` and `invites` sessions and sign-in links, `view` the data a page
renders, `strings` the words its scripts show, `pages` the Jinja2 templates,
`server` uvicorn, and `sheet` the self-contained HTML sheets of
`tflow review export --html`. All writes go through
`review.decisions.apply_decisions`.
"""

from .app import create_app
from .server import ReviewServer, make_server
from .sheet import write_sheets

__all__ = ["ReviewServer", "create_app", "make_server", "write_sheets"]
