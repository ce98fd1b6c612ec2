"""Working together through git: the catalog merge driver, commits on behalf of a person, sync.

Real git through subprocess (no library): `repository` runs it, `driver` is the
merge driver for `*.po` and `*.pot`, `registration` installs it in a clone,
`commits` makes a commit for every change a person makes through tflow, and
`sync` pulls and pushes.
"""
