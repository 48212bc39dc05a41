"""The CI gate's and `review published`'s messages in Chinese and English: key → (zh, en),
said by review.i18n.t. Keys are unique across every table (tests/test_messages.py)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # --- notices (gate.py) ----------------------------------------------------------------
    "notice": ("注意", "notice"),
    "changed_by_change": ("{name} 在本次变更中被修改；门禁使用其在 {base} 的版本",
                          "{name} is changed by this change; the gate uses its version at "
                          "{base}"),
    "no_default_branch": ("没有默认分支，也未给出 --base：门禁设置取自工作区，而本次变更可能已"
                          "放宽这些设置",
                          "no default branch and no --base: the gate's settings are the "
                          "working tree's, which this change could have loosened"),
    "no_base_no_root": ("没有基线版本，也没有固定的信任根（REVIEW_TRUST_ROOT）：无法核验审核",
                        "no base revision and no pinned root of trust (REVIEW_TRUST_ROOT): "
                        "approvals cannot be verified"),
    "roster_changes": ("{roster} 在本次变更中被修改：合并前仍使用基线版本中的名册",
                       "{roster} changes in this change: the base revision's is used until it "
                       "is merged"),
    "base_roster_untrusted": ("基线版本中的 {roster} 不可信：{problem}",
                              "{roster} at the base revision is not trusted: {problem}"),
    "change_roster_untrusted": ("本次变更中的 {roster} 不可信：{problem}",
                                "{roster} of this change is not trusted: {problem}"),
    "change_roster_unanchored": ("基线版本中没有名册导出：本次变更中的 {roster} 只能延伸基线版本"
                                 "的导出，不能独自为发布作证（请管理员先将 `review roster export`"
                                 " 的导出提交到默认分支）",
                                 "no roster export at the base revision: {roster} of this "
                                 "change only extends the base's and vouches for no release "
                                 "alone (an admin commits `review roster export` to the "
                                 "default branch first)"),
    "change_roster_short": ("本次变更中的 {roster} 未包含基线版本导出的全部记录：按基线版本的导出"
                            "核验发布",
                            "{roster} of this change does not hold every record of the base "
                            "revision's export: releases are checked against the base's"),
    "roster_goes_back": ("{roster} 不包含基线版本导出的全部记录（被删除、不可信或是更早的导出）："
                         "合并后，门禁将不再知道基线导出中的吊销、策略和管理员门限",
                         "{roster} does not hold every record of the base revision's export "
                         "(removed, untrusted or an older export): once merged, the gate would "
                         "no longer know the revocations, policy and admins' threshold the "
                         "base's holds"),
    "roster_unpinned": ("{roster} 由本次变更写入，但基线版本既没有可信的名册导出，"
                        "也没有固定的信任根（trust-root）可供核对：合并后它将成为"
                        "自己的信任根。请先在 review.toml 中设置 trust-root，"
                        "或由管理员直接提交导出",
                        "{roster} is written by this change, but the base revision has neither "
                        "a trusted roster export nor a pinned root (trust-root) to check it "
                        "against: merged, it would be its own root. Set trust-root in "
                        "review.toml first, or have an admin commit the export"),
    "not_approved_no_roster": ("未经审核：基线版本中没有签名的名册导出（.review/roster.json）",
                               "not approved: no signed roster export (.review/roster.json) at "
                               "the base revision"),
    "not_approved": ("未经审核：该内容没有有效的发布证明",
                     "not approved: no valid release attestation for this content"),
    "not_approved_because": ("未经审核：该内容没有有效的发布证明（{reason}）",
                             "not approved: no valid release attestation for this content "
                             "({reason})"),
    "shows_changed": ("本次变更修改了该稿件引用的 {changed}，而稿件本身未变：{problem}",
                      "this change touches {changed}, which the draft shows, not the draft "
                      "itself: {problem}"),
    "published_release_void": ("事项 {item} 的发布是规则所不允许的（{problem}）："
                               "没有可与页面比对的审核稿",
                               "item {item}'s release is one the rules refused ({problem}): "
                               "there is no approved text to compare the page with"),
    "published_not_released": ("事项 {item} {state}，从未发布：没有可与页面比对的审核稿",
                               "item {item} is {state}, never released: there is no approved "
                               "text to compare the page with"),
    # --- pictures of a saved page (pictures.py) ---------------------------------------------
    # what was not compared is said as "not compared: {reason}" (a notice), or with
    # --require-saved as an RV111 finding's detail (the reason alone)
    "published_not_compared": ("未比对：{reason}", "not compared: {reason}"),
    "published_not_saved": ("未随页面保存：{address}", "not saved with the page: {address}"),
    "published_outside": ("{address} 指向页面所在文件夹之外，未读取",
                          "{address} leads out of the page's folder: not read"),
    "published_link": ("{path} 是符号链接或经过符号链接，未读取",
                       "{path} is or goes through a link: not read"),
    "published_base": ("页面含 <base href=\"{address}\">：其相对地址指向别处",
                       "the page has <base href=\"{address}\">: its relative addresses lead "
                       "elsewhere"),
    "published_based": ("{path}（页面含 <base href>，相对地址指向别处）",
                        "{path} (the page has a <base href>: its relative addresses lead "
                        "elsewhere)"),
    "published_approved_remote": ("{path} 在审核稿中是外部地址，审核时未绑定其内容",
                                  "{path} was approved as a remote address, whose bytes "
                                  "nothing bound"),
    "published_site_file": ("未比对：{path} 不是图片或音视频，审核时也未绑定（网站自身的文件）",
                            "not compared: {path} is no picture, video or sound and was not "
                            "bound (the site's own file)"),
    "published_before_binding": ("图片：该发布早于本地文件绑定，没有可比对的内容",
                                 "pictures: the release is from before local files were "
                                 "bound, and binds no bytes to compare with"),
    "published_picture_changed": ("页面的 {page} 不是审核通过的 {bound}",
                                  "the page's {page} is not the approved {bound}"),
    "published_picture_unbound": ("页面的 {page} 不是审核通过的任何文件",
                                  "the page's {page} is no file the approval bound"),
    "published_picture_missing": ("审核通过的 {bound}（{approved}）",
                                  "the approved {bound} ({approved})"),
    "published_bound_file": ("{path}（摘要 {sha}）", "{path} ({sha})"),
    # --- git (git.py) ---------------------------------------------------------------------
    "git_missing": ("未安装 git", "git is not installed"),
    "git_ambiguous": ("{rev} 同时指向多个引用（{refs}）：请写全名，如 refs/remotes/origin/main",
                      "{rev} names more than one ref ({refs}): give the full name, e.g. "
                      "refs/remotes/origin/main"),
    "git_default_unknown": ("无法确定默认分支（origin/main 与 origin/master 都存在）：请执行 "
                            "`git remote set-head origin --auto`，或用 --base 指定",
                            "cannot tell the default branch (both origin/main and "
                            "origin/master exist): run `git remote set-head origin --auto` or "
                            "give --base"),
    "git_no_commit": ("{rev} 不指向任何提交", "{rev} names no commit"),
    "git_failed": ("git {command}：{detail}", "git {command}: {detail}"),
    "git_failed_silently": ("git {command}：执行失败", "git {command}: failed"),
    "no_base": ("无法确定比较对象：请用 --base REF 指定（或用 --all）",
                "cannot tell what to compare with: give --base REF (or --all)"),
    # --- the gate's table (report/text.py) ------------------------------------------------
    "gate_header": ("文件\t状态\t结论\t问题\t基线\t审核",
                    "file\tstatus\tdecision\tfindings\tbaselined\tapproval"),
    "gate_summary": ("共检查 {files} 个文件，发布范围外 {outside} 个，删除 {deleted} 个，阻断 "
                     "{block} 个，未经审核 {unapproved} 个，列入基线 {baselined} 个 → 退出码 "
                     "{exit}",
                     "{files} checked, {outside} outside the publishable paths, {deleted} "
                     "deleted, {block} blocked, {unapproved} unapproved, {baselined} baselined "
                     "→ exit {exit}"),
    # --- review baseline ------------------------------------------------------------------
    "baseline_written": ("{path}：{files} 个文件中共 {findings} 处问题",
                         "{path}: {findings} findings in {files} files"),
}
