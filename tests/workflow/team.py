"""Helpers: a team on a workspace: an admin, editors, reviewers and an approver, each with their own
key, driving the real CLI — on SQLite and on PostgreSQL (127.0.0.1:5432, database `test`)."""

from __future__ import annotations

import json
import os
import shutil
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from click.testing import CliRunner

from review.cli import main

PG_ADMIN = os.environ.get("REVIEW_TEST_PG", "host=127.0.0.1 port=5432 dbname=test user=postgres")


@dataclass
class PostgresDatabase:
    """A database of this test process's own (each pytest-xdist worker has one), made once per
    session: CREATE DATABASE copies a template (a third of a second) and dropping one waits for
    its connections to end, so each test gets a fresh schema in it instead (milliseconds). The
    store's tables, and its advisory lock, live in that database alone."""

    admin: object  # a psycopg connection to PG_ADMIN's database: creates and drops this one
    conn: object  # a psycopg connection to this database: creates and drops the schemas
    name: str
    url: str

    @classmethod
    def create(cls) -> PostgresDatabase:
        import psycopg

        name = f"review_test_{uuid.uuid4().hex[:12]}"
        try:
            admin = psycopg.connect(PG_ADMIN, autocommit=True, connect_timeout=3)
        except psycopg.OperationalError as err:
            pytest.skip(f"PostgreSQL not reachable: {err}")
        admin.execute(f'CREATE DATABASE "{name}"')
        params = dict(p.split("=", 1) for p in PG_ADMIN.split())
        conn = psycopg.connect(PG_ADMIN, dbname=name, autocommit=True, connect_timeout=3)
        url = (f"postgresql+psycopg://{params.get('user', 'postgres')}@{params.get('host')}:"
               f"{params.get('port', 5432)}/{name}")
        return cls(admin, conn, name, url)

    def schema_url(self, request) -> str:
        """A URL whose connections use a new empty schema (search_path) and are named after it
        (application_name), so that the end of the test can close them and drop it."""
        schema = f"t_{uuid.uuid4().hex[:12]}"
        self.conn.execute(f'CREATE SCHEMA "{schema}"')

        def drop():
            self.conn.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                              "WHERE application_name = %s AND pid <> pg_backend_pid()", [schema])
            self.conn.execute(f'DROP SCHEMA "{schema}" CASCADE')

        request.addfinalizer(drop)
        return f"{self.url}?options=-csearch_path%3D{schema}&application_name={schema}"

    def drop(self) -> None:
        self.conn.close()
        self.admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                           "WHERE datname = %s AND pid <> pg_backend_pid()", [self.name])
        self.admin.execute(f'DROP DATABASE IF EXISTS "{self.name}"')
        self.admin.close()


@dataclass
class Team:
    root: Path
    url: str | None
    runner: CliRunner = field(default_factory=CliRunner)
    # REVIEW_LANG for every command: the tests read the English messages; "": none, so the
    # workspace's config says (by default Chinese)
    lang: str = "en"
    pin_workspace: bool = True  # False: pin the first admin's fingerprint alone
    _identity: str = ""

    def key(self, who: str) -> Path:
        return self.root / "keys" / f"{who}.pem"

    def env(self, who: str | None) -> dict:
        env = {"REVIEW_KEY": str(self.key(who)) if who else str(self.root / "keys" / "none.pem"),
               # each person's own computer remembers the log head it last verified
               "REVIEW_STATE_DIR": str(self.root / "state" / (who or "nobody")),
               "REVIEW_LANG": self.lang}
        if self.url:
            env["REVIEW_DATABASE_URL"] = self.url
        admin = self.root / "keys" / "admin.pem.pub"
        if admin.is_file():  # the office pins its first admin's key for `review verify`
            from review.workflow.keys import decode_public, fingerprint

            root = fingerprint(decode_public(admin.read_text()))
            # with the workspace, as `roster export` prints it: a fingerprint alone is refused
            env["REVIEW_TRUST_ROOT"] = f"{root}@{self.identity}" \
                if self.pin_workspace and self.identity else root
        return env

    @property
    def identity(self) -> str:
        """The workspace's identity, from its `init` record ("" before there is one)."""
        if not self._identity:
            from review.errors import StoreError
            from review.workflow import chain
            from review.workflow.store import Store, sqlite_url

            db = self.root / ".review" / "review.db"
            if self.url or db.is_file():
                try:
                    with Store(self.url or sqlite_url(self.root)).reading() as conn:
                        self._identity = chain.workspace_id(conn)
                except StoreError:  # PostgreSQL before `init`: no log yet
                    return ""
        return self._identity

    def run(self, who: str | None, *args: str):
        return self.runner.invoke(main, list(args), env=self.env(who), catch_exceptions=False)

    def ok(self, who: str | None, *args: str):
        result = self.run(who, *args)
        assert result.exit_code == 0, (args, result.output, result.stderr)
        return result

    def refused(self, who: str | None, *args: str, match: str = ""):
        """A workflow action the rules refuse: exit 1 and one line on stderr."""
        return self.fails(1, who, *args, match=match)

    def usage_error(self, who: str | None, *args: str, match: str = ""):
        """Usage, input or setup (no such item, no key, a bad argument): exit 2, one line."""
        return self.fails(2, who, *args, match=match)

    def fails(self, code: int, who: str | None, *args: str, match: str = ""):
        result = self.run(who, *args)
        assert result.exit_code == code, (args, result.exit_code, result.output)
        assert result.stderr.count("\n") == 1 and "Traceback" not in result.output
        assert result.stderr.startswith("review: ") and match in result.stderr, result.stderr
        return result

    def keygen(self, who: str) -> None:
        self.ok(who, "keygen", "--name", who)

    def add(self, who: str, roles: str, key_of: str | None = None) -> None:
        self.ok("admin", "roster", "add", who, "--role", roles, "--key",
                f"{self.key(key_of or who)}.pub")

    def write(self, name: str, text: str | bytes) -> str:
        path = self.root / "posts" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, str):
            path.write_text(text, encoding="utf-8")
        else:
            path.write_bytes(text)
        return f"posts/{name}"

    @classmethod
    def small(cls, root: Path, url: str | None = None) -> Team:
        """An initialised workspace with an admin, an editor and a reviewer."""
        team = cls(root, url)
        for who in ("admin", "editor", "reviewer"):
            team.keygen(who)
        team.ok("admin", "init", "--name", "admin")
        team.add("editor", "editor")
        team.add("reviewer", "reviewer")
        return team

    def submit(self, who: str, path: str) -> int:
        return json.loads(self.ok(who, "submit", path, "--format", "json").stdout)["id"]

    def blocked_at_release(self, path: str, rule: str = "IL601") -> int:
        """A draft the check blocks: submitted, shown to the reviewer with the `rule` finding,
        approved, and refused at release (what an attack that hides the text would pass)."""
        item = self.submit("editor", path)
        shown = self.ok("reviewer", "show", str(item), "--format", "json").stdout
        assert f"{rule}@" in shown, shown
        self.ok("reviewer", "approve", str(item))
        self.refused("editor", "release", str(item), match="block")
        return item


CLEAN = "关于开展冬季消防安全检查的通知\n\n请各单位于12月10日前完成自查，并将结果报区应急管理局。\n"




def store_url(request) -> str | None:
    """None for SQLite; for PostgreSQL a fresh schema, dropped when the test ends."""
    if request.param != "postgresql":
        return None
    return request.getfixturevalue("postgres").schema_url(request)


def clock(team: Team, monkeypatch, at: str, server: str | None = None) -> None:
    """From now on records are signed at `at` (ISO time with offset) by the signer's clock
    and, on PostgreSQL, received then by the server (or at `server`; "now": the server's own
    clock): the log's insert trigger, in the test's own schema, stamps that where it stamps
    clock_timestamp() (chain.Record.served)."""
    monkeypatch.setattr("review.workflow.service.signed_time", lambda: at)
    server = at if server is None else server
    stamp = "clock_timestamp()" if server == "now" else f"'{server}'::timestamptz"
    if team.url:
        from sqlalchemy import create_engine

        made = create_engine(team.url)
        with made.begin() as conn:
            conn.exec_driver_sql(
                "CREATE OR REPLACE FUNCTION review_log_inserted_by() RETURNS trigger "
                "LANGUAGE plpgsql AS $$ BEGIN NEW.inserted_by := session_user; "
                f"NEW.logged_at := {stamp}; RETURN NEW; END $$")
        made.dispose()


def member_url(team: Team, request) -> str:
    """The URL of a new PostgreSQL role of the team's database with the grants the README
    gives each member (MEMBER_GRANTS): not the tables' owner. Dropped when the test ends."""
    import uuid

    from sqlalchemy import create_engine, text

    from review.workflow.store import MEMBER_GRANTS

    owner = create_engine(team.url)
    role = f"member_{uuid.uuid4().hex[:8]}"
    with owner.begin() as conn:
        schema = conn.execute(text("SELECT current_schema()")).scalar()
        conn.execute(text(f"CREATE ROLE {role} LOGIN"))
        conn.execute(text(MEMBER_GRANTS.format(schema=schema, role=role)))

    def drop_role():
        with owner.begin() as conn:
            conn.execute(text(f"DROP OWNED BY {role}"))
            conn.execute(text(f"DROP ROLE {role}"))
        owner.dispose()

    request.addfinalizer(drop_role)
    prefix, rest = team.url.split("://", 1)
    return f"{prefix}://{role}@{rest.split('@', 1)[1]}"


def sandbox_release(office: Team, text: str, tmp_path_factory, monkeypatch) -> Team:
    """The office admin's other workspace, where the editor is an admin and a second key of
    his a reviewer: `text` released there and the roster exported by the editor."""
    root = tmp_path_factory.mktemp("sandbox")
    sandbox = Team(root, None)
    (root / "keys").mkdir()
    for who in ("admin", "editor"):
        for suffix in (".pem", ".pem.pub"):
            shutil.copy(office.key(who).with_name(who + suffix),
                        sandbox.key(who).with_name(who + suffix))
    sandbox.keygen("alt")
    monkeypatch.chdir(root)
    (root / "review.toml").write_text("", encoding="utf-8")
    sandbox.ok("admin", "init", "--name", "admin")
    sandbox.add("editor", "editor,admin,publisher")
    sandbox.add("alt", "reviewer")
    item = sandbox.submit("editor", sandbox.write("a.md", text))
    sandbox.ok("alt", "approve", str(item))
    sandbox.ok("editor", "release", str(item))
    sandbox.ok("editor", "roster", "export")
    monkeypatch.chdir(office.root)
    return sandbox


def carry(sandbox: Team, root: Path, *names: str) -> None:
    """The sandbox's attestations, and the files of its .review/ named, copied into the
    .review/ of the workspace at `root`."""
    (root / ".review" / "attestations").mkdir(parents=True, exist_ok=True)
    for f in (sandbox.root / ".review" / "attestations").iterdir():
        shutil.copy(f, root / ".review" / "attestations" / f.name)
    for name in names:
        shutil.copy(sandbox.root / ".review" / name, root / ".review" / name)


def three_admins(team: Team) -> None:
    """Two more admins (admin2, admin3) and an admins' threshold of two."""
    for who in ("admin2", "admin3"):
        team.keygen(who)
        team.add(who, "admin")
    team.ok("admin", "policy", "set", "--levels", "reviewer", "--admin-threshold", "2")
