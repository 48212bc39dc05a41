"""`review backup --out FILE` and `review restore FILE` (review.workflow.backup)."""

from __future__ import annotations

import os
from pathlib import Path

import click

from review.errors import StoreError, UsageError
from review.language import lang_option, say
from review.workflow.commands import FORMAT_OPTION, _emit


def _report(summary, fmt: str, done: str, path: Path, signed_by: str | None) -> None:
    _emit({"file": str(path), "records": summary.records, "head": summary.head,
           "workspace": summary.workspace, "rows": summary.rows, "signed_by": signed_by}, fmt,
          [say(done, path=path, records=summary.records, head=summary.head[:16]),
           say("backup_rows", rows=", ".join(f"{name} {count}"
                                             for name, count in summary.rows.items()))])


@click.command("backup")
@lang_option
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="备份文件 / the backup file")
@FORMAT_OPTION
def backup_cmd(out: Path, fmt: str) -> None:
    """备份审核数据库并核验签名日志 / back up the store, checking the signed log."""
    from review.workflow import backup
    from review.workflow.commands import open_service

    service = open_service(identity_required=False)
    with service.store.reading() as conn:
        state = service.state(conn)  # the live log's links and witnesses, before the copy
    summary = backup.backup(service.store, out)
    me = service.identity
    person = backup.entitled(state.roster, me.fingerprint, summary.records) if me else None
    if person is not None:
        backup.sign(out, summary, me)
    _report(summary, fmt, "backup_written", out, person.name if person else None)
    if person is None:
        # a restore asks for --unsigned: nobody vouched that this is the office's log
        click.echo(say("backup_not_signed"), err=True)
    elif fmt == "text":
        click.echo(say("backup_signed", path=backup.signature_path(out), name=person.name))


@click.command("restore")
@lang_option
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--database-url", help="PostgreSQL URL (default: SQLite in .review/)")
@click.option("--group", help="共享文件夹上的 SQLite：该系统用户组 / a shared SQLite workspace "
                              "for the members of this OS group")
@click.option("--unsigned", is_flag=True,
              help="恢复没有办公室或管理员签名的备份 / restore a backup nobody of the office "
                   "signed")
@click.option("--accept-loss", is_flag=True,
              help="本机或见证见过备份之后的记录时仍恢复 / restore although this computer, "
                   "or a witness, saw records later than the backup")
@click.option("--witnesses", type=click.Path(file_okay=False, exists=True, path_type=Path),
              help="被替换工作区的见证目录（.review/witness）：备份缺少其中见证的记录即为丢失 / "
                   "the witness directory of the workspace the backup replaces: a record "
                   "witnessed there that the backup lacks is lost")
@FORMAT_OPTION
def restore_cmd(file: Path, database_url: str | None, group: str | None, unsigned: bool,
                accept_loss: bool, witnesses: Path | None, fmt: str) -> None:
    """把备份恢复到当前目录的新工作区 / restore a backup into a new workspace here."""
    from review.workflow import backup, workspace

    root = Path.cwd().resolve()
    workspace.refuse_nesting(root)
    with backup.private_copy(file) as copy:
        _restore(root, copy, file, database_url, group, unsigned, accept_loss, fmt, witnesses)


def _restore(root: Path, file: Path, shown: Path, database_url: str | None,
             group: str | None, unsigned: bool, accept_loss: bool, fmt: str,
             witnesses: Path | None = None) -> None:
    """`file`: this user's own copy of the backup, the one checked and the one restored;
    `shown`: the backup as the user named it, for the messages."""
    from review.workflow import backup, heads, witness, workspace

    summary = backup.check(file, shown)
    signed_by = backup.signer(file, summary, shown)
    if signed_by is None and not unsigned:
        raise UsageError("backup_unsigned", path=backup.signature_path(shown))
    if summary.owner is not None and summary.owner != os.getuid():
        # the first record names the OS account owning .review/: every action would stop
        raise UsageError("restore_other_owner", owner=summary.owner, uid=os.getuid())
    seen = heads.seen(summary.workspace)
    if seen is not None and seen[0] > summary.records and not accept_loss:
        raise StoreError("restore_loses", records=summary.records, seen=seen[0])
    if seen is not None and seen[0] <= summary.records and \
            backup.hash_at(file, seen[0]) != seen[1]:
        # a log that went another way after some point (a copy someone carried on with):
        # never restored, whatever is accepted as lost
        raise StoreError("restore_forked", seq=seen[0])
    review_dir = root / workspace.DIR
    if review_dir.exists() and (any(review_dir.glob("review.db*"))
                                or witness.directory(review_dir).exists()):
        raise UsageError("restore_not_empty", store=review_dir)
    if not accept_loss:
        _nothing_witnessed_lost(file, summary, witnesses)
    ws = workspace.create(root, group)
    store = ws.store(database_url)
    backup.restore(file, store)
    if group and store.sqlite:
        workspace.share_store_files(ws)
    if seen is not None and seen[0] > summary.records:
        heads.remember(summary.workspace, summary.records, summary.head)  # loss accepted
    _report(summary, fmt, "restored", review_dir, signed_by)
    if signed_by is not None and fmt == "text":
        click.echo(say("restored_signed", name=signed_by))


def _nothing_witnessed_lost(file: Path, summary, witnesses: Path | None) -> None:
    """The records the replaced workspace's witnesses saw are all in the backup. A member
    who can write the shared store can spoil it so that the office restores last night's
    backup: a rejection signed since is then gone, and nobody whose computer saw it acts
    before the rejected text is released again. Only the witnesses beside the spoilt store
    know what came after the backup, so a restore names them (`--witnesses`), or accepts
    the loss knowingly (`--accept-loss`: the old folder is gone with its disk)."""
    from review.workflow import backup, witness

    if witnesses is None:
        raise UsageError("restore_needs_witnesses")
    # the directory named (`OLD/.review/witness`, or the `OLD/.review` holding it), never a
    # `witness` directory inside it: any member may add one there, empty
    review_dir = witnesses.parent if witnesses.name == witness.NAME else witnesses
    found, _ = witness.read(review_dir)  # what is no witness vouches for nothing
    if not found:  # every action leaves one: a directory without any is not the one meant
        raise UsageError("restore_no_witnesses", path=witnesses)
    for w in sorted(found, key=lambda w: -w.seq):
        if w.seq > summary.records or backup.hash_at(file, w.seq) != w.digest:
            raise StoreError("restore_witnessed_loss", name=w.path.name, seq=w.seq,
                             records=summary.records)
