from __future__ import annotations

import email
import email.policy
import socket
from collections.abc import Iterator
from dataclasses import dataclass, field
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from translate_flow.errors import ConfigError, ReviewError
from translate_flow.project import Project
from translate_flow.review.mail import send
from translate_flow.review.routing import route
from click.testing import CliRunner

from translate_flow.cli import cli
from tests.review.conftest import draft, translate

PASSWORD = "correct horse battery staple"


@dataclass
class Inbox:
    """An SMTP server on loopback that keeps what it receives."""

    port: int
    messages: list[tuple[list[str], EmailMessage]] = field(default_factory=list)
    logins: list[str] = field(default_factory=list)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        assert isinstance(message, EmailMessage)
        self.messages.append((list(envelope.rcpt_tos), message))
        return "250 OK"

    def authenticate(self, server: Any, session: Any, envelope: Any, mechanism: str, data: Any) -> AuthResult:
        if isinstance(data, LoginPassword) and data.login == b"tflow" and data.password == PASSWORD.encode():
            self.logins.append(data.login.decode())
            return AuthResult(success=True)
        return AuthResult(success=False, handled=False)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@pytest.fixture
def inbox() -> Iterator[Inbox]:
    box = Inbox(free_port())
    controller = Controller(box, hostname="127.0.0.1", port=box.port, authenticator=box.authenticate,
                            auth_require_tls=False)
    controller.start()
    try:
        yield box
    finally:
        controller.stop()


def smtp(root: Path, table: str) -> Project:
    config = root / "translate-flow.toml"
    config.write_text(config.read_text(encoding="utf-8") + "\n[smtp]\n" + table, encoding="utf-8")
    return Project.open(root)


def test_send_mails_each_person_a_summary_and_their_packets(
    root: Path, inbox: Inbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TFLOW_SMTP_PASSWORD", PASSWORD)
    project = smtp(root, f'host = "127.0.0.1"\nport = {inbox.port}\nstarttls = false\nuser = "tflow"\n'
                         'from = "Collective <tflow@example.org>"\npassword_env = "TFLOW_SMTP_PASSWORD"\n')
    draft(root, "uk", {"Our position": "Наша позиція"})
    translate(root, "ru", {"Our position": "Наша позиция"}, "ivan")
    route(project)
    sent = send(project)
    assert [s.person for s in sent] == ["olena", "ivan", "marta"]
    assert inbox.logins == ["tflow"]
    received = {rcpt[0]: message for rcpt, message in inbox.messages}
    assert set(received) == {"olena@example.org", "ivan@example.org", "marta@example.org"}
    olena = received["olena@example.org"]
    assert olena["To"] == "olena <olena@example.org>"
    assert olena["From"] == "Collective <tflow@example.org>"
    assert olena["Subject"] == "translate-flow: 6 фрагментів, 36 слів у 1 заяві"
    body = olena.get_body(("plain",))
    assert body is not None
    assert body.get_content().startswith("Вітаємо, olena!\n")
    assert "  war (uk): перекласти 6 фрагментів, 36 слів" in body.get_content()
    (attachment,) = olena.iter_attachments()
    assert attachment.get_content_type() == "application/x-gettext"
    assert attachment.get_filename() == "war.uk.po"
    packet = attachment.get_payload(decode=True)
    assert isinstance(packet, bytes)
    assert packet == (root / "review/outbox/olena/war.uk.po").read_bytes()
    marta = received["marta@example.org"]
    assert "war (ru): проверить 1 фрагмент, 2 слова" in marta.get_body(("plain",)).get_content()  # type: ignore[union-attr]


def test_send_to_one_person_mails_only_them(root: Path, inbox: Inbox) -> None:
    project = smtp(root, f'host = "127.0.0.1"\nport = {inbox.port}\nstarttls = false\nfrom = "tflow@example.org"\n')
    route(project)
    sent = send(project, "olena")
    assert [s.person for s in sent] == ["olena"]
    assert [rcpt for rcpt, _ in inbox.messages] == [["olena@example.org"]]


def test_a_person_with_nothing_pending_gets_no_mail(root: Path, inbox: Inbox) -> None:
    project = smtp(root, f'host = "127.0.0.1"\nport = {inbox.port}\nstarttls = false\nfrom = "tflow@example.org"\n')
    route(project)
    assert send(project, "taras") == []
    assert inbox.messages == []


def test_a_password_in_the_config_file_is_refused_when_the_config_is_loaded(root: Path) -> None:
    with pytest.raises(ConfigError, match=r"toml:\d+: \[smtp\] password: never put the password in the file"):
        smtp(root, 'host = "mail.example.org"\nfrom = "t@example.org"\nuser = "t"\npassword = "secret"\n')


def test_a_missing_password_variable_is_named(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TFLOW_SMTP_PASSWORD", raising=False)
    project = smtp(root, 'host = "mail.example.org"\nfrom = "t@example.org"\nuser = "t"\n'
                         'password_env = "TFLOW_SMTP_PASSWORD"\n')
    with pytest.raises(ConfigError, match="the environment variable TFLOW_SMTP_PASSWORD is not set"):
        send(project)


def test_a_password_is_never_sent_unencrypted_to_another_machine(root: Path) -> None:
    project = smtp(root, 'host = "mail.example.org"\nfrom = "t@example.org"\nuser = "t"\nstarttls = false\n'
                         'password_env = "X"\n')
    with pytest.raises(ConfigError, match=r"\[smtp\] starttls: false would send t's password unencrypted"):
        send(project)


def test_an_unreachable_server_is_one_error(root: Path) -> None:
    project = smtp(root, f'host = "127.0.0.1"\nport = {free_port()}\nstarttls = false\nfrom = "t@example.org"\n')
    route(project)
    with pytest.raises(ReviewError, match=r"^SMTP 127.0.0.1:\d+: cannot connect"):
        send(project)


def test_without_an_smtp_table_send_says_what_to_add(root: Path, project: Project) -> None:
    with pytest.raises(ConfigError, match=r"\[smtp\] host: missing; add an \[smtp\] table"):
        send(project)


def test_send_dry_run_shows_each_mail_and_sends_and_writes_nothing(
    root: Path, inbox: Inbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = smtp(root, f'host = "127.0.0.1"\nport = {inbox.port}\nstarttls = false\nuser = "tflow"\n'
                         'from = "Collective <tflow@example.org>"\npassword_env = "TFLOW_SMTP_PASSWORD"\n')
    monkeypatch.delenv("TFLOW_SMTP_PASSWORD", raising=False)
    draft(root, "uk", {"Our position": "Наша позиція"})
    route(project)
    result = CliRunner().invoke(cli, ["review", "send", "--dry-run", "--person", "olena"],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert inbox.messages == [] and not (root / "review/outbox").exists()
    lines = result.stdout.splitlines()
    assert lines[:3] == ["From: Collective <tflow@example.org>", "To: olena <olena@example.org>",
                         "Subject: translate-flow: 6 фрагментів, 36 слів у 1 заяві"]
    assert any(line.startswith("Attachment: war.uk.po (application/x-gettext, ") for line in lines)
    assert "  war (uk): перекласти 6 фрагментів, 36 слів" in lines
    size = int(next(line for line in lines if line.startswith("Attachment:")).split(", ")[1].split()[0])
    monkeypatch.setenv("TFLOW_SMTP_PASSWORD", PASSWORD)
    send(project, "olena")
    ((_, received),) = inbox.messages
    assert received["Subject"] == lines[2].removeprefix("Subject: ")
    (attachment,) = received.iter_attachments()
    payload = attachment.get_payload(decode=True)
    assert isinstance(payload, bytes) and len(payload) == size


def test_send_dry_run_with_nothing_pending_says_so(root: Path, inbox: Inbox) -> None:
    smtp(root, f'host = "127.0.0.1"\nport = {inbox.port}\nstarttls = false\nfrom = "tflow@example.org"\n')
    result = CliRunner().invoke(cli, ["review", "send", "--dry-run", "--person", "taras"],
                                catch_exceptions=False)
    assert result.stdout == "Nothing pending; no mail would be sent.\n"
