"""`tflow review send`: each person's packets by mail, through the collective's SMTP server.

Settings come from `[smtp]` in translate-flow.toml; the password never does:
`password_env` names the environment variable that holds it. A password is
only ever sent over TLS (STARTTLS), except to a server on this machine.
"""

from __future__ import annotations

import os
import smtplib
import ssl
import textwrap
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from pathlib import Path

from ..net import is_loopback_host
from ..config import Section
from ..errors import ReviewError
from ..project import Project
from ..catalog import dumps
from .packets import build, export, outbox
from .people import Person, load_people
from .routing import Worklist, queue
from ..ui import SOURCE_LANGUAGE, ntr, tr
from ..ui.choice import reader_language

TIMEOUT_SECONDS = 60.0


@dataclass(frozen=True)
class SmtpSettings:
    """The `[smtp]` table: where to send from, and how to log in."""

    host: str
    port: int
    sender: str
    user: str | None = None
    starttls: bool = True
    password_env: str | None = None

    @classmethod
    def from_section(cls, section: Section) -> SmtpSettings:
        if not section.data:
            raise section.error("host", "missing; add an [smtp] table with host, port and from "
                                        "to send packets by mail")
        host = section.get("host")
        if not host:
            raise section.error("host", "missing; the name of the collective's SMTP server")
        sender = section.get("from")
        if not sender:
            raise section.error("from", "missing; the address the packets are sent from")
        starttls = section.get("starttls")
        port = section.get("port") or (587 if starttls else 25)
        user = section.get("user")
        password_env = section.get("password_env")
        if user and not password_env:
            raise section.error("password_env", f"missing; name the environment variable that "
                                                f"holds {user}'s password")
        if user and not starttls and not is_loopback_host(host):
            raise section.error("starttls", f"false would send {user}'s password unencrypted to "
                                            f"{host}; use starttls = true")
        return cls(host, port, sender, user, starttls, password_env)

    def password(self, section: Section) -> str | None:
        if not self.user:
            return None
        assert self.password_env is not None
        value = os.environ.get(self.password_env)
        if not value:
            raise section.error("password_env", f"the environment variable {self.password_env} "
                                                "is not set; export it before sending")
        return value


@dataclass(frozen=True)
class Sent:
    """One mail that went out: to whom, with which packets."""

    person: str
    address: str
    files: tuple[Path, ...]
    subject: str


def _text(reply: bytes | str) -> str:
    return reply.decode(errors="replace") if isinstance(reply, bytes) else reply


def summary(project: Project, worklist: Worklist) -> str:
    """The body of a person's mail, in their language: what is waiting for them, per statement."""
    person = load_people(project.config).get(worklist.person)
    lang = reader_language(person) if person is not None else SOURCE_LANGUAGE
    lines = [tr(lang, "Hello %(name)s,", name=worklist.person), "",
             tr(lang, "translate-flow has work for you:"), ""]
    for row in worklist.summary():
        work = ntr(lang, "translate %(num)d entry", "translate %(num)d entries", row["entries"]) \
            if row["role"] == "translator" else \
            ntr(lang, "review %(num)d entry", "review %(num)d entries", row["entries"])
        words = ntr(lang, "%(num)d word", "%(num)d words", row["words"])
        lines.append(f"  {row['statement']} ({row['lang']}): {work}, {words}")
    lines += [
        "",
        tr(lang, "In all: %(work)s.", work=_describe(lang, worklist)),
        "",
        *textwrap.wrap(tr(lang, "The attached packets open in Poedit or any PO editor; each file explains "
                                "at its top what to do. Save your work in the same file and send it back "
                                "as an attachment; an editor imports it with `tflow review import`."),
                       width=76, break_on_hyphens=False),
        "",
        "-- ",
        tr(lang, "translate-flow, for the collective (%(project)s)", project=project.root.name),
    ]
    return "\n".join(lines) + "\n"


def _describe(lang: str, worklist: Worklist) -> str:
    """``34 entries, 976 words in 1 statement``, in `lang`."""
    return tr(lang, "%(entries)s, %(words)s %(statements)s",
              entries=ntr(lang, "%(num)d entry", "%(num)d entries", worklist.entries),
              words=ntr(lang, "%(num)d word", "%(num)d words", worklist.words),
              statements=ntr(lang, "in %(num)d statement", "in %(num)d statements", len(worklist.statements)))


def message(project: Project, settings: SmtpSettings, person: Person, worklist: Worklist,
            files: list[Path], contents: dict[Path, bytes] | None = None) -> EmailMessage:
    """The mail for one person: summary in the body, packets attached.

    `contents` gives packets not written to disk (a dry run); others are read.
    """
    mail = EmailMessage()
    mail["From"] = settings.sender
    mail["To"] = person.address
    mail["Subject"] = f"translate-flow: {_describe(reader_language(person), worklist)}"
    mail["Date"] = formatdate(localtime=True)
    mail["Message-ID"] = make_msgid(domain=settings.sender.rpartition("@")[2].strip(">") or None)
    mail.set_content(summary(project, worklist))
    folder = outbox(project, person.name)
    for path in files:
        name = path.relative_to(folder).as_posix().replace("/", "--")
        data = contents[path] if contents is not None and path in contents else path.read_bytes()
        mail.add_attachment(data, maintype="application", subtype="x-gettext",
                            filename=name)
    return mail


@contextmanager
def _connect(settings: SmtpSettings, password: str | None) -> Iterator[smtplib.SMTP]:
    where = f"SMTP {settings.host}:{settings.port}"
    try:
        server = smtplib.SMTP(settings.host, settings.port, timeout=TIMEOUT_SECONDS)
    except OSError as exc:
        raise ReviewError(f"{where}: cannot connect: {exc}; check [smtp] host and port") from None
    try:
        server.ehlo()
        if settings.starttls:
            server.starttls(context=ssl.create_default_context())
            server.ehlo()
        if password is not None:
            assert settings.user is not None
            server.login(settings.user, password)
        yield server
    except smtplib.SMTPAuthenticationError as exc:
        raise ReviewError(f"{where}: login as {settings.user} refused: {exc.smtp_code} "
                          f"{_text(exc.smtp_error)}") from None
    except (smtplib.SMTPException, ssl.SSLError, OSError) as exc:
        raise ReviewError(f"{where}: {exc}") from None
    finally:
        try:
            server.quit()
        except (smtplib.SMTPException, OSError):
            server.close()


def send(project: Project, person: str | None = None) -> list[Sent]:
    """Export fresh packets and mail each person (or `person`) theirs; return what was sent.

    People with no pending work get no mail.
    """
    section = project.config.section("smtp")
    settings = SmtpSettings.from_section(section)
    password = settings.password(section)
    people = load_people(project.config)
    files = export(project, person)
    work = [w for w in queue(project, person) if w.tasks]
    if not work:
        return []
    sent: list[Sent] = []
    with _connect(settings, password) as server:
        for worklist in work:
            member = people[worklist.person]
            folder = outbox(project, member.name)
            mine = [f for f in files if folder in f.parents]
            mail = message(project, settings, member, worklist, mine)
            try:
                server.send_message(mail)
            except smtplib.SMTPRecipientsRefused as exc:
                done = ", ".join(s.person for s in sent) or "nobody"
                refused = "; ".join(f"{code} {_text(text)}"
                                    for code, text in exc.recipients.values())
                raise ReviewError(f"SMTP {settings.host}: {member.email} refused ({refused}); "
                                  f"already sent to: {done}") from None
            sent.append(Sent(member.name, member.email, tuple(mine), str(mail["Subject"])))
    return sent


def show(mail: EmailMessage) -> str:
    """A mail as a person reads it: headers, body, and each attachment's name and size."""
    lines = [f"{key}: {value}" for key, value in mail.items()
             if key not in ("MIME-Version", "Content-Type")]
    for part in mail.iter_parts():
        if part.get_filename():
            payload = part.get_payload(decode=True)
            size = len(payload) if isinstance(payload, bytes) else 0
            lines.append(f"Attachment: {part.get_filename()} ({part.get_content_type()}, {size} bytes)")
    body = mail.get_body(("plain",))
    text = body.get_content() if body is not None else ""
    return "\n".join(lines) + "\n\n" + str(text)


def preview(project: Project, person: str | None = None) -> list[str]:
    """The mails `send` would send now, shown with `show`; nothing is written or sent.

    The `[smtp]` settings are checked as for sending, except that the password
    is not needed.
    """
    settings = SmtpSettings.from_section(project.config.section("smtp"))
    people = load_people(project.config)
    built = build(project, person)
    shown = []
    for worklist in queue(project, person):
        if not worklist.tasks:
            continue
        contents = {target: dumps(po).encode("utf-8") for target, po in built.get(worklist.person, [])}
        mail = message(project, settings, people[worklist.person], worklist, list(contents), contents)
        shown.append(show(mail))
    return shown
