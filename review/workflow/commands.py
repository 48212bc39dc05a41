"""The workflow's commands: keygen, init, whoami, roster, policy, submit, queue, show,
approve, reject, override, consent, release, log, verify, audit."""

from __future__ import annotations

import getpass
import json
import sys
from pathlib import Path

import click

from review import jsonfile
from review.columns import address_named, table, unmoving
from review.errors import Refused, ReviewError, StoreError, UsageError
from review.i18n import Msg, said
from review.language import lang_option, say, spoken
from review.tables import MAX_ID


def open_service(identity_required: bool = True, identity=None):
    """The workflow service of the workspace around the working directory, acting with the
    held key (review.workflow.keys) or the `identity` given; every workflow, account and alert
    command starts here."""
    from review.workflow import keys, workspace
    from review.workflow.service import Service

    ws = workspace.find()
    store = ws.store()
    store.check_version()
    if identity is None:
        identity = keys.load() if identity_required else _maybe_identity()
    return Service(ws, store, identity)


def _maybe_identity():
    from review.workflow import keys

    try:
        return keys.load()
    except UsageError:
        return None


def _write(path: Path, text: str) -> None:
    from review.files import write_replacing

    write_replacing(path, text)


def _emit(data, fmt: str, text_lines) -> None:
    if fmt == "json":
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        for line in text_lines:
            click.echo(line)


FORMAT_OPTION = click.option("--format", "fmt", type=click.Choice(["text", "json"]),
                             default="text")
ITEM_ID = click.IntRange(1, MAX_ID)


@click.command()
@lang_option
@click.option("--name", required=True, help="你的姓名 / your name")
@click.option("--passphrase", is_flag=True, help="用口令保护私钥 / protect the key")
def keygen(name: str, passphrase: bool) -> None:
    """生成签名密钥对 / create your Ed25519 key pair ($REVIEW_KEY or the config directory)."""
    from review.workflow import keys

    secret = ask_passphrase() if passphrase else None
    path = keys.default_key_path()
    identity = keys.generate(path, secret)
    click.echo(f"{name}: {identity.fingerprint}")
    click.echo(say("keygen_private", path=path))
    click.echo(say("keygen_public", path=f"{path}.pub"))


def ask_passphrase() -> str:
    """The passphrase from REVIEW_KEY_PASSPHRASE, or typed at the terminal."""
    import os
    import sys

    if os.environ.get("REVIEW_KEY_PASSPHRASE"):
        return os.environ["REVIEW_KEY_PASSPHRASE"]
    if not sys.stdin.isatty():  # no terminal to type it at (a script, CI)
        raise UsageError("passphrase_needs_terminal")
    try:
        return getpass.getpass("口令 / passphrase: ")
    except EOFError:
        raise UsageError("no_passphrase") from None


@click.command()
@lang_option
@click.option("--name", required=True)
@click.option("--database-url", help="PostgreSQL URL (default: SQLite in .review/)")
@click.option("--group", help="共享文件夹上的 SQLite：该系统用户组的成员都可使用 / a shared "
                              "SQLite workspace for the members of this OS group")
def init(name: str, database_url: str | None, group: str | None) -> None:
    """创建审核工作区，本人成为首位管理员 / create a workspace; you become its first admin."""
    from review.workflow import keys, workspace
    from review.workflow.service import Service

    identity = keys.load()
    ws = workspace.create(Path.cwd().resolve(), group)
    store = ws.store(database_url)
    Service(ws, store, identity).init(name)
    if group and store.sqlite:
        workspace.share_store_files(ws)
    click.echo(say("initialised", path=ws.review_dir, name=name, key=identity.fingerprint))


@click.command()
@lang_option
@FORMAT_OPTION
def whoami(fmt: str) -> None:
    """当前身份 / who the held key says you are."""
    person, fp = open_service().whoami()
    data = {"name": person.name if person else None, "key": fp,
            "roles": sorted(person.roles) if person else []}
    _emit(data, fmt, [f"{data['name'] or say('not_on_roster')} {fp} "
                      f"{','.join(data['roles'])}"])


@click.group()
def roster() -> None:
    """名册：人员、公钥、角色 / the roster: people, keys, roles."""


@roster.command("add")
@lang_option
@click.argument("name")
@click.option("--role", "roles", required=True,
              help="editor,reviewer,approver,publisher,office,admin")
@click.option("--key", "key_file", required=True, type=click.Path(dir_okay=False, exists=True))
def roster_add(name: str, roles: str, key_file: str) -> None:
    """添加人员或角色（管理员签名）/ add a person, key or role (signed by an admin)."""
    public = _read_public(key_file)
    effect = open_service().roster_add(name, [r.strip() for r in roles.split(",")
                                              if r.strip()], public)
    click.echo(say("roster_added", name=name, roles=roles, effect=effect))


def _read_public(key_file: str) -> str:
    try:
        return Path(key_file).read_bytes().decode("utf-8", "replace")
    except OSError as err:
        raise UsageError("cannot_read", path=key_file, reason=err.strerror or err) from None


@roster.command("revoke")
@lang_option
@click.argument("name")
@click.option("--since", type=click.IntRange(1), help="自该日志序号起失效（密钥此前已泄露）/ "
                                                      "void from this log record on")
def roster_revoke(name: str, since: int | None) -> None:
    """撤销人员（管理员签名）/ revoke a person (signed by an admin)."""
    effect = open_service().roster_revoke(name, since)
    click.echo(say("roster_revoked", name=name, effect=effect))


@roster.command("rotate")
@lang_option
@click.argument("name")
@click.option("--key", "key_file", required=True, type=click.Path(dir_okay=False, exists=True))
def roster_rotate(name: str, key_file: str) -> None:
    """更换密钥（旧密钥自此失效；管理员丢失密钥时由其他管理员操作）/ replace a person's keys."""
    effect = open_service().roster_rotate(name, _read_public(key_file))
    click.echo(say("roster_rotated", name=name, effect=effect))


@roster.command("cosign")
@lang_option
@click.argument("seq", type=click.IntRange(1))
def roster_cosign(seq: int) -> None:
    """会签名册或审核链变更（门限）/ co-sign a proposed roster or policy change."""
    click.echo(said(open_service().cosign(seq), spoken()))


@roster.command("pending")
@lang_option
@FORMAT_OPTION
def roster_pending(fmt: str) -> None:
    """待会签的变更 / proposed changes waiting for admin signatures."""
    data = open_service(identity_required=False).pending()
    _emit(data, fmt, table([p["seq"], p["kind"], _proposed(p),
                            say("pending_signed", signers=",".join(p["signed_by"]),
                                needs=p["needs"])]
                           for p in data))


def _proposed(proposal: dict) -> str:
    """A proposal as the pending table shows it: a policy change as what it changes in the
    policy in force (one cell: the table prints a line break as U+FFFD); anything else as its
    statement."""
    from review.workflow.policy import changes_text

    found = proposal.get("changes")
    if found is None:
        shown = json.dumps(proposal["statement"], ensure_ascii=False)
        if "key" in proposal:
            shown += " " + say("pending_key", key=proposal["key"])
        person = proposal.get("on_roster")
        if person is not None:
            shown += " " + say("pending_on_roster" if proposal["kind"] == "roster.add"
                               else "pending_rotated", roles=",".join(person["roles"]) or "—",
                               keys=", ".join(person["keys"]) or "—")
        return shown
    lines = changes_text(found)
    return f"{say('pending_policy_change')} {'; '.join(lines)}" if lines \
        else say("pending_policy_same")


@roster.command("list")
@lang_option
@FORMAT_OPTION
def roster_list(fmt: str) -> None:
    people = open_service(identity_required=False).roster().people.values()
    data = [{"name": p.name, "roles": sorted(p.roles), "revoked": p.revoked_seq is not None,
             "keys": sorted(p.keys)} for p in people]
    _emit(data, fmt, table([p["name"], ",".join(p["roles"]),
                            "revoked" if p["revoked"] else "active", " ".join(p["keys"])]
                           for p in data))


@roster.command("export")
@lang_option
@click.option("--out", type=click.Path(dir_okay=False), default=".review/roster.json",
              show_default=True)
@click.option("--cosign", is_flag=True,
              help="在 --out 已有的导出上加签（须与本库记录逐字一致）/ add my signature to the "
                   "export already at --out (it must be exactly what this store gives)")
def roster_export(out: str, cosign: bool) -> None:
    """导出签名名册供离线核验；管理员签名门槛大于 1 时，须由其他管理员以 --cosign 加签 / write
    the signed roster for offline checks (commit it); under an admins' threshold, the other
    admins add their signatures with --cosign."""
    from review.workflow import attest

    service = open_service()
    if cosign:
        try:
            env, missing = service.cosign_export(jsonfile.loads(Path(out).read_bytes()))
        except (OSError, ValueError):
            raise UsageError("not_an_export", path=out) from None
    else:
        env, void, missing = service.export_roster()
        for line in void:  # releases the rules refused: named void in the export
            click.echo(f"review: {said(line, spoken())}", err=True)
    _write(Path(out), json.dumps(env, indent=2) + "\n")
    click.echo(out)
    if missing:  # not yet a root anyone trusts: said, with what makes it one
        click.echo(say("export_needs_cosign", missing=missing, out=out))
    else:
        click.echo(say("trust_root", root=attest.root_of(attest.read_roster(env))))


@click.group()
def policy() -> None:
    """审核链（管理员签名）/ the review chain (signed by an admin)."""


@policy.command("set")
@lang_option
@click.option("--levels", required=True, help="e.g. reviewer  or  reviewer,approver")
@click.option("--separate-publisher", is_flag=True)
@click.option("--admin-threshold", type=click.IntRange(1),
              help="名册和审核链变更须几位管理员签名（默认不变；建议 2）/ admins who must sign "
                   "a roster or policy change")
def policy_set(levels: str, separate_publisher: bool, admin_threshold: int | None) -> None:
    effect = open_service().policy_set([x.strip() for x in levels.split(",")],
                                       separate_publisher, admin_threshold)
    click.echo(say("policy_set", levels=levels, separate=Msg("yes" if separate_publisher
                                                             else "no"), effect=effect))


@policy.command("allow")
@lang_option
@click.argument("phrases", nargs=-1)
@click.option("--remove", "removed", multiple=True,
              help="不再允许的短语 / a phrase no longer allowed")
def policy_allow(phrases: tuple[str, ...], removed: tuple[str, ...]) -> None:
    """允许的短语（管理员签名，送审检查不再报告其中内容）/ phrases the organisation allows
    (signed by an admin; the check that gates release reports nothing inside them)."""
    if not phrases and not removed:
        raise UsageError("allow_nothing")
    allow, effect = open_service().policy_allow(list(phrases), list(removed))
    click.echo(say("policy_allowed", count=len(allow), effect=effect))
    for phrase in allow:
        click.echo(f"  {phrase}")


@policy.command("lists")
@lang_option
@click.option("--clear", is_flag=True, help="不再固定任何词表 / pin no list")
@click.option("--drop", multiple=True, metavar="PATH",
              help="不再按原样固定这个已固定的词表（review.toml 仍列出的，按其所写重新固定）/ "
                   "stop pinning this pinned list as it was (pinned anew as review.toml "
                   "gives it, if it still names it)")
def policy_lists(clear: bool, drop: tuple[str, ...]) -> None:
    """固定机构词表和节假日文件（管理员签名）：送审检查按签名时的内容使用 review.toml 所列词表、
    表述和领导文件，账号期限按签名时的节假日文件计算 / pin the organisation's term lists and
    holiday files (signed by an admin): the check that gates release uses the lexicons,
    expressions and leaders file review.toml names now, and deadlines count by its holiday
    files, at their present content, whatever the working tree says later."""
    lists, effect, changed = open_service().policy_lists(clear, drop)
    click.echo(say("policy_lists", count=len(lists), effect=effect))
    for entry in lists:
        # a list whose content differs from the one pinned before is said, for the admin to
        # look at what changed in it (the editor may have edited it)
        note = f"\t{say('list_content_changed')}" if entry.path in changed else ""
        click.echo(f"  {entry.kind}\t{entry.path}\tsha256:{entry.sha256[:16]}{note}")


@click.command()
@lang_option
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--title")
@click.option("--account", help="发布账号（备案名称）/ the account it is for (as on file)")
@FORMAT_OPTION
def submit(file: str, title: str | None, account: str | None, fmt: str) -> None:
    """提交稿件（编辑初审，签名）/ submit a draft (the editor's signed first review)."""
    item_id = open_service().submit(Path(file), title, account)
    _emit({"id": item_id}, fmt, [f"{item_id}"])


@click.command()
@lang_option
@FORMAT_OPTION
def queue(fmt: str) -> None:
    """待审事项 / items waiting for review."""
    service = open_service(identity_required=False)
    rows = service.queue()
    # a post that loads something from outside says so: nobody approves what it shows
    remote = [say("queue_remote_item", item=r["id"], count=len(r["remote"]))
              for r in rows if r["remote"]]
    _emit(rows, fmt, table([tuple(say("queue_header").split("\t"))] +
                           [(r["id"], f"{r['level']}:{r['role']}", r["age"], r["worst"],
                             r["editor"], r["title"]) for r in rows]) + remote)
    for problem in service.damaged:
        click.echo(f"review: {said(problem, spoken())}", err=True)
    if service.damaged:
        sys.exit(3)  # the store is damaged: the items listed are those that could be read


@click.command()
@lang_option
@click.argument("item_id", type=ITEM_ID)
@FORMAT_OPTION
def show(item_id: int, fmt: str) -> None:
    """查看稿件及问题 / the draft with its findings."""
    from review.workflow.service import finding_key, finding_record

    service = open_service(identity_required=False)
    item = service.show(item_id)
    # what this user read: his approval, override or consent binds to it
    service.remember_shown(item.id, item.content_sha256, item.seq)
    # the draft and what its editor signed, never the cursor's movements (columns.unmoving)
    lines = [say("show_head", item=item.id, title=unmoving(item.title),
                 path=unmoving(item.path), state=Msg(f"state_{item.state}"),
                 editor=unmoving(item.editor)),
             say("show_version", version=item.content_sha256), ""]
    lines += ["  " + line for line in table(
        (finding_key(f), f.severity, f.category, f"{f.line}:{f.column}", f.text, f.message)
        for f in item.findings)]
    lines += _shown_files(item)
    if item.marks:
        lines += ["", say("show_marks")] + ["  " + line for line in table(
            (f"{m['start']}:{m['end']}", m["category"], m["sentence"]) for m in item.marks)]
    data = {"id": item.id, "title": item.title, "path": item.path, "state": item.state,
            "editor": item.editor, "content_sha256": item.content_sha256,
            "content": item.content,
            "findings": [finding_record(f) for f in item.findings], "marks": item.marks,
            "resources": None if item.resources is None else
            [r.record() for r in item.resources],
            "remote": list(item.remote)}
    _emit(data, fmt, lines + ["", unmoving(item.content)])


def _shown_files(item) -> list[str]:
    """What the post shows besides its text, for the reviewer: each local file approved with
    it (path, size, hash prefix), and each address it loads from outside, which nobody
    approves."""
    lines = []
    if item.resources is None:
        lines += ["", say("show_resources_unbound")]
    elif item.resources:
        lines += ["", say("show_resources", count=len(item.resources))]
        lines += ["  " + line for line in table(
            (address_named(r.path), f"{r.size} B", f"sha256:{r.sha256[:16]}")
            for r in item.resources)]
    if item.remote:
        lines += ["", say("show_remote", count=len(item.remote))]
        lines += [f"  {address_named(address)}" for address in item.remote]
    return lines


_VERSION = click.option(
    "--version", "read", metavar="HASH",
    help="所审阅版本的内容哈希（review show 显示，至少 32 位）；默认为您上次 review show 看到的版本"
         " / the content hash of the version you read (as `review show` displays it, at least "
         "32 digits); default: the one your last `review show` displayed")


@click.command()
@lang_option
@click.argument("item_id", type=ITEM_ID)
@click.option("--comment", default="")
@_VERSION
def approve(item_id: int, comment: str, read: str | None) -> None:
    """审核通过（本级，签名）/ approve at your level (signed)."""
    service = open_service()
    level = service.approve(item_id, comment, read)
    click.echo(say("approved_at", item=item_id, level=level))
    # what the approval binds besides the text: the files the post shows
    for line in _shown_files(service.show(item_id)):
        click.echo(line)


def _said(ctx: click.Context, param: click.Parameter, value: str) -> str:
    """A reason or a document number is part of the record: blank says nothing."""
    if not value.strip():
        raise UsageError("blank_option", option=param.name)
    return value.strip()


def _marks(ctx: click.Context, param: click.Parameter, values: tuple[str, ...]) -> list:
    from review.workflow import marks

    return [marks.parse(value) for value in values]


@click.command()
@lang_option
@click.argument("item_id", type=ITEM_ID)
@click.option("--reason", required=True, callback=_said)
@click.option("--mark", "marked", multiple=True, callback=_marks, metavar="START:END:CATEGORY",
              help="有问题的段落：review show 所示正文的字符位置与类别（可多次）/ a passage that "
                   "was wrong: offsets into the text `review show` presents, and its category "
                   "(repeatable)")
def reject(item_id: int, reason: str, marked: list) -> None:
    """退回（签名）/ reject (signed)."""
    level = open_service().reject(item_id, reason, marked)
    click.echo(say("rejected_at", item=item_id, level=level))


@click.command()
@lang_option
@click.argument("item_id", type=ITEM_ID)
@click.argument("finding")
@click.option("--reason", required=True, callback=_said)
@_VERSION
def override(item_id: int, finding: str, reason: str, read: str | None) -> None:
    """审核人确认某项阻断问题可以放行（记录在案）/ a reviewer overrides a block finding."""
    open_service().override(item_id, finding, reason, read)
    click.echo(say("overridden", item=item_id, finding=finding))


@click.command()
@lang_option
@click.argument("item_id", type=ITEM_ID)
@click.option("--ref", required=True, callback=_said,
              help="单位同意文件 / the unit's approval document")
@_VERSION
def consent(item_id: int, ref: str, read: str | None) -> None:
    """记录单位同意 / record the unit's consent."""
    open_service().consent(item_id, ref, read)
    click.echo(say("consented", item=item_id, ref=ref))


@click.command()
@lang_option
@click.argument("item_id", type=ITEM_ID)
def release(item_id: int) -> None:
    """发布并写出签名证明 / release and write the signed attestation."""
    path = open_service().release(item_id)
    click.echo(str(path))


@click.command("log")
@lang_option
@click.argument("item_id", type=ITEM_ID)
@FORMAT_OPTION
def log_cmd(item_id: int, fmt: str) -> None:
    """事项历史 / an item's history."""
    service = open_service(identity_required=False)
    roster_now = service.roster()
    records = service.history(item_id)
    # a record is credited to whoever signed it with a key valid at its place — never to the
    # fingerprint in its actor column alone, which anyone appending a row can write
    signers = [roster_now.signer_of(r) for r in records]
    data = [{"seq": r.seq, "kind": r.kind, "actor": r.actor,
             "person": person.name if person else None, "signed": person is not None,
             "statement": r.statement} for r, person in zip(records, signers, strict=True)]
    unsigned = say("log_unsigned")
    _emit(data, fmt, table([d["seq"], d["kind"], d["person"] or unsigned,
                            json.dumps(d["statement"], ensure_ascii=False)] for d in data))


@click.command()
@lang_option
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--roster", "roster_file", type=click.Path(dir_okay=False),
              help="可信的名册导出，作为信任根（否则用 REVIEW_TRUST_ROOT 或配置 trust-root）")
def verify(files: tuple[str, ...], roster_file: str | None) -> None:
    """核验文件当前内容是否有有效的发布证明 / is this exact content released? (exit 0 only if
    every file is; offline, from a pinned root of trust)"""
    from review.workflow import attest

    ws = _workspace_of(files[0])
    root = _pinned_root(ws, roster_file)
    failures = []
    for file in files:
        rel = ws.relative(Path(file))
        _named_as_released(file, rel)
        try:
            # the draft's bytes, and the local files they show as those are now
            digest, shown = attest.released_as(ws.root, Path(file), rel)
        except OSError as err:
            raise UsageError("cannot_read", path=file, reason=err.strerror) from None
        except ReviewError as err:  # a pipe or a device at its name: never read without end
            raise err.about(file) from None
        found, reasons = attest.find_valid(ws.attestations, root, rel, digest, shown=shown)
        if found:
            click.echo(say("verified_released", path=rel, attestation=found))
        else:
            failures.append(Msg("no_attestation_because", path=rel, reason=reasons[0])
                            if reasons else Msg("no_attestation", path=rel))
    if failures:
        for line in failures[1:]:
            click.echo(f"review: {line.say(spoken())}", err=True)
        raise Refused(failures[0])


def _workspace_of(file: str):
    """The workspace holding the draft where it is named — not one a link leads to. A draft
    of the office's folder (or its posts/ directory) made a link into a folder of the
    editor's own would be verified there: against his attestations, beside no store and no
    committed export, so nothing would know the release was one the office's log refused."""
    import os

    from review.workflow import workspace

    ws = workspace.find(Path(file).resolve().parent)
    named = Path(os.path.abspath(file)).parent
    here = next((d for d in [named, *named.parents] if (d / workspace.DIR).is_dir()), None)
    if here is not None and here.resolve() != ws.root:
        raise Refused("verify_link_out", path=file, root=here, target=ws.root)
    return ws


def _named_as_released(file: str, rel: str) -> None:
    """Refused when the draft is named by a link inside its workspace (the file itself, or a
    folder on its way): what the attestation is checked for is the file the link leads to,
    under that file's name, while what goes out is the file as named. A page `notice.html`
    that is a link to an approved `notice.md` passed as released — and a browser reads the
    Markdown as a page, showing what Markdown hides (a link's target)."""
    import os

    from review.workflow import workspace

    named = Path(os.path.abspath(file))
    here = next((d for d in named.parents if (d / workspace.DIR).is_dir()), None)
    # no workspace where it is named: a link from outside into the workspace it resolves to
    if here is None or named.relative_to(here).as_posix() != rel:
        raise Refused("verify_named_by_link", path=file, target=rel)


def _bound(root):
    """A root pinned without its workspace (`SHA256:…` alone) names every workspace its admin
    ever initialised: an attestation from another of them (a sandbox where an editor is the
    admin, say) would pass for a release of this one, though this one rejected the content.
    Nothing in the folder may say which workspace is meant — neither an export nor the store
    beside the draft, since anyone can make a folder with a store of his own around a file —
    so such a root is refused (exit 2) unless a trusted export (`--roster`) binds it."""
    if not root.workspace:
        raise UsageError("root_unbound", root=root)
    return root


def _with_store(root, ws):
    """The root, with the store beside the draft as a log export made now when it is the
    root's workspace: a release must be one its log holds, and not one its rules refused.
    An attestation carries its own item only, and its releaser signs it: an editor who signs
    a release himself — appended by hand, or in a copy of the store and never in the log —
    of content rejected in another item, and writes its attestation with his own key, shows
    nothing of that rejection in it. The log beside it does (offline, in a clone without a
    store, a committed export is what knows). An export the person names as trusted
    (`--roster`) is added to, not put in its place: one made before the rejection knows
    nothing of it."""
    import dataclasses
    import os

    from review.workflow import chain
    from review.workflow.service import Service

    if not ws.names_store():
        return root
    # offline only by the person's own choice of store, never by what the folder says
    chosen = bool(os.environ.get("REVIEW_DATABASE_URL"))
    try:
        service = Service(ws, ws.store(), None)
        with service.store.reading() as conn:
            identity = chain.workspace_id(conn)
    except ReviewError as err:
        # Offline — the attestation, the pin and any export — only when the person chose the
        # store that cannot be reached: the folder's config or database is the editor's to
        # point elsewhere, lock or spoil, and a store that cannot be read says nothing of the
        # release its log refused (an export made before the rejection knows nothing either).
        if chosen:
            return root
        raise StoreError("verify_store_unreadable", problem=err) from None
    if identity != root.workspace:
        # another workspace's store says nothing of this one's releases: the person's own
        # choice, or the folder's config pointed at a sandbox to leave this one unread
        if chosen:
            return root
        raise StoreError("verify_store_other_workspace", workspace=identity,
                         pinned=root.workspace)
    with service.store.reading() as conn:  # a log broken since stops this as every action
        extended = root.extended(service.log_now(conn))
    if extended is None:  # the store no longer holds what an admin exported from it
        raise StoreError("verify_store_other_log")
    return dataclasses.replace(extended, store=True)


MAX_EXPORT = 64 * 1024 * 1024  # a roster export names every record of the log: a few MB


def _pinned_root(ws, roster_file: str | None):
    """The root of trust: REVIEW_TRUST_ROOT, the person's own trust-root file, or a roster
    export the person names as trusted — never the workspace's own roster.json or review.toml,
    which anyone with the folder can write (that export only adds to a pinned root)."""
    import dataclasses

    from review.workflow import attest, trust

    pinned = trust.pinned()
    if roster_file:
        short = None
        try:
            exported = jsonfile.loads(Path(roster_file).read_bytes())
            if pinned is not None:  # a pinned root is never set aside by a file anyone can write
                try:
                    trusted = attest.read_roster(exported, pinned)
                except trust.Untrusted as err:
                    if not pinned.checkpoint:
                        raise
                    # older than the pinned record: taken only where the store beside the
                    # draft, which must hold that record, holds every record it does
                    trusted = attest.read_roster(exported, dataclasses.replace(
                        pinned, checkpoint=None))
                    short = err
                given = pinned.anchored(trusted)
            else:
                given = attest.root_of(attest.read_roster(exported))
        except (OSError, ValueError):
            raise UsageError("roster_file_not_export", path=roster_file) from None
        except trust.Untrusted as err:
            raise Refused("roster_file_untrusted", path=roster_file, problem=err) from None
        given = _with_store(given, ws)
        if short is not None and not given.store:
            raise Refused("roster_file_untrusted", path=roster_file, problem=short)
        return given
    if pinned is None:
        raise UsageError("no_pinned_root")
    pinned = _bound(pinned)
    # The workspace's committed export, when it chains from the pinned root, can only add
    # what it knows (void releases, revocations, the log's records); one that does not is
    # no root and is left aside.
    # Anyone with the folder can put a pipe or a link to /dev/zero there: read as a regular
    # file of bounded size, or left aside like any other export that is no root.
    from review.files import regular_bytes

    try:
        exported = jsonfile.loads(regular_bytes(ws.review_dir / "roster.json", MAX_EXPORT))
        committed = attest.read_roster(exported, pinned)
    except (OSError, ValueError, trust.Untrusted, ReviewError):
        committed = None
    # Never an older export than one verified here before (heads.export_seen): put back in
    # the folder, or in a clone of a branch, it would forget a revocation made since.
    from review.workflow import heads

    seen = _export_seen(pinned)
    if committed is not None and (
            seen is None or pinned.anchored(seen).extended(committed) is not None):
        heads.remember_export(pinned.workspace, exported,
                              set(attest.export_signers(exported, committed)))
        seen = committed
    elif committed is not None:
        click.echo(f"review: {say('export_older_than_seen', path=ws.review_dir / 'roster.json')}",
                   err=True)
    return _with_store(pinned.anchored(seen) if seen is not None else pinned, ws)


def _export_seen(pinned):
    """The newest export of the pinned workspace `review verify` trusted on this computer,
    checked again from the pinned root; None when there is none (or it no longer holds)."""
    from review.workflow import attest, heads, trust

    kept = heads.export_seen(pinned.workspace)
    if kept is None:
        return None
    try:
        return attest.read_roster(kept, pinned)
    except (trust.Untrusted, ReviewError):
        return None


@click.group()
def audit() -> None:
    """审计日志 / the audit log."""


@audit.command("verify")
@lang_option
@click.option("--anchor", "anchors", multiple=True, type=click.Path(dir_okay=False, exists=True))
def audit_verify(anchors: tuple[str, ...]) -> None:
    """核验整条哈希链、每个签名和锚点 / check the chain, every signature, every anchor."""
    from review.workflow import audit as auditing
    from review.workflow import projection, witness
    from review.workflow.service import logged_state

    service = open_service(identity_required=False)
    loaded = []
    for a in anchors:
        try:
            loaded.append(jsonfile.loads(Path(a).read_bytes()))
        except (OSError, ValueError):
            raise UsageError("not_anchor_file", path=a) from None
    witnesses, unreadable = witness.read(service.workspace.review_dir)
    if not witness.directory(service.workspace.review_dir).is_dir():
        unreadable = [witness.missing(service.workspace.review_dir)]
    with service.store.reading() as conn:
        inert: list[str] = []
        problem = auditing.verify_chain(conn, loaded + [w.data for w in witnesses], inert)
        if problem:
            raise Refused("audit_broken", problem=problem)
        state = logged_state(conn)
        rows = unreadable + inert + projection.disagreements(conn) + \
            [line for _, line in service.release_problems(conn, state)] + \
            auditing.drawn_alike(state.roster)
    for line in rows:
        click.echo(said(line, spoken()))
    if rows:
        raise Refused("audit_disagree", count=len(rows))
    click.echo(say("audit_intact"))


@audit.command("anchor")
@lang_option
@click.option("--out", type=click.Path(dir_okay=False), required=True)
def audit_anchor(out: str) -> None:
    """把签名的链头写入文件（提交到 git）/ write the signed chain head to a file to commit."""
    from review.workflow import audit as auditing
    from review.workflow import chain

    service = open_service()
    with service.store.reading() as conn:
        head = chain.head(conn)
    if head is None:
        raise UsageError("log_empty")
    _write(Path(out), json.dumps(auditing.make_anchor(head, service.identity), indent=2) + "\n")
    click.echo(say("anchored", path=out, seq=head.seq))
