"""Review in the browser: `tflow serve`, sign-in links, and the offline review sheet.

`server` is the HTTP app (stdlib `http.server`, no framework), `invites` and
`auth` hold sign-in links and sessions, `view` turns a statement and its
catalogs into the JSON the page script renders, `work` builds "My work", and
`sheet` writes the self-contained HTML sheets of `tflow review export --html`.
All writes go through `review.decisions.apply_decisions`.
"""

from .server import ReviewApp, ReviewServer, make_server
from .sheet import write_sheets

__all__ = ["ReviewApp", "ReviewServer", "make_server", "write_sheets"]
