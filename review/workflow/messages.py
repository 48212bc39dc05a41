"""The workflow's messages in Chinese and English: key → (zh, en), said by review.i18n.t.

The Chinese is what an office reads; the English says the same facts. Item numbers, names,
levels, record numbers, file names and the commands to run (in backticks) are the same in
both. Keys are unique across every table (tests/test_messages.py)."""

from __future__ import annotations

AUDIT = "；请运行 `review audit verify`"

MESSAGES: dict[str, tuple[str, str]] = {
    # --- shared ---------------------------------------------------------------------------
    "cannot_read": ("无法读取 {path}：{reason}", "cannot read {path}: {reason}"),
    "cannot_write": ("无法写入 {path}：{reason}", "cannot write {path}: {reason}"),
    "state_pending": ("待审核", "pending"),
    "state_rejected": ("已驳回", "rejected"),
    "state_released": ("已发布", "released"),
    "kind_override": ("放行", "override"),
    "kind_consent": ("单位同意", "consent"),
    "problem_only": ("{problem}", "{problem}"),
    # --- identity and keys (keys.py, service.py) -----------------------------------------
    "no_key_held": ("没有私钥：请运行 `review keygen --name NAME`",
                    "no private key: run `review keygen --name NAME`"),
    "key_not_on_roster": ("你的密钥 {key} 不在名册上（或已被撤销）：请管理员添加",
                          "your key {key} is not on the roster (or was revoked): ask an admin "
                          "to add it"),
    "lacks_role": ("{name} 不具有 {roles} 角色", "{name} does not hold the role {roles}"),
    "not_public_key": ("不是 ed25519 公钥（应为 `ed25519:<base64>`）",
                       "not an ed25519 public key (expected `ed25519:<base64>`)"),
    "key_exists": ("{path} 已存在，不覆盖已有密钥",
                   "{path} already exists; refusing to overwrite a key"),
    "cannot_write_key": ("无法写入密钥 {path}：{reason}", "cannot write the key {path}: {reason}"),
    "no_key_at": ("{path} 处没有私钥：请运行 `review keygen --name NAME` 或设置 REVIEW_KEY",
                  "no private key at {path}: run `review keygen --name NAME` or set "
                  "REVIEW_KEY"),
    "cannot_read_key": ("无法读取私钥 {path}：{reason}",
                        "cannot read the private key {path}: {reason}"),
    "key_passphrase": ("{path} 受口令保护：请设置 REVIEW_KEY_PASSPHRASE",
                       "{path} is protected by a passphrase: set REVIEW_KEY_PASSPHRASE"),
    "key_unusable": ("{path} 不是可用的私钥（或口令错误）",
                     "{path} is not a usable private key (or the passphrase is wrong)"),
    "key_not_ed25519": ("{path} 不是 Ed25519 密钥", "{path} is not an Ed25519 key"),
    "passphrase_needs_terminal": ("--passphrase 需要在终端输入口令，或在 REVIEW_KEY_PASSPHRASE "
                                  "中提供口令",
                                  "--passphrase needs a terminal, or the passphrase in "
                                  "REVIEW_KEY_PASSPHRASE"),
    "no_passphrase": ("未输入口令", "no passphrase was typed"),
    # --- workspace (workspace.py) ---------------------------------------------------------
    "outside_workspace": ("{path} 不在工作区 {root} 内", "{path} is outside the workspace {root}"),
    "no_os_group": ("系统中没有名为“{group}”的用户组", "no OS group called {group!r}"),
    "cannot_share": ("无法将 {path} 共享给用户组 {group}：{reason}",
                     "cannot share {path} with {group}: {reason}"),
    "no_workspace": ("当前不在审核工作区内（本目录及上级目录均无 .review/）：请运行 "
                     "`review init --name NAME`",
                     "not in a review workspace (no .review/ here or above): run "
                     "`review init --name NAME`"),
    "nested_workspace": ("{inner} 是工作区 {outer} 内的工作区：不允许嵌套工作区。请删除建错位置的"
                         "那个（任一成员都可能在外层或内层另建一个；看 .review/ 的属主）",
                         "{inner} is a workspace inside the workspace {outer}: nested "
                         "workspaces are refused. Remove the one made in the wrong place (a "
                         "member may have made one around the office's or inside it: see who "
                         "owns each .review/)"),
    "inside_workspace": ("{root} 位于工作区 {outer} 内：不允许嵌套工作区",
                         "{root} is inside the workspace {outer}: nested workspaces are "
                         "refused"),
    # --- the store (store.py) -------------------------------------------------------------
    "not_utf8": ("参数不是有效的 UTF-8 文本，无法存储或查询",
                 "an argument is not valid UTF-8 text and cannot be stored or looked up"),
    "bad_database_url": ("无法使用该数据库地址：{reason}", "cannot use the database URL: {reason}"),
    "witness_unstageable": ("无法在 {path} 中写入你的见证文件：{reason}；本次操作未记录",
                            "your witness cannot be written in {path}: {reason}; nothing was "
                            "recorded"),
    "schema_newer": ("存储库的结构版本为 {current}，本程序最高支持 {known}：请升级 review",
                     "the store has schema version {current}; this review knows up to "
                     "{known}: upgrade review"),
    "store_not_initialised": ("存储库尚未初始化：请运行 `review init --name NAME`",
                              "the store is not initialised: run `review init --name NAME`"),
    "schema_other": ("存储库的结构版本为 {version}，应为 {expected}",
                     "the store has schema version {version}, expected {expected}"),
    "schema_not_number": ("存储库的结构版本“{value}”不是数字：存储库已损坏",
                          "the store's schema version {value!r} is not a number: the store is "
                          "damaged"),
    "store_locked": ("存储库被其他进程锁定，请稍后重试",
                     "the store is locked by another process; try again"),
    "store_damaged": ("存储库已损坏（{detail}）：请从备份恢复 .review/review.db",
                      "the store is damaged ({detail}): restore .review/review.db from a backup"),
    "database_error": ("数据库错误：{detail}", "database error: {detail}"),
    # --- the log's chain (chain.py, audit.py) ---------------------------------------------
    "chain_altered_kind": ("第 {seq} 条记录被篡改（类型或事项与签名内容不符）",
                           "record {seq} was altered (kind or item differ from what was "
                           "signed)"),
    "chain_old_format": ("第 {seq} 条记录在格式切换后仍为旧格式（重放）",
                         "record {seq} is in the old format after the cut-over (a replay)"),
    "chain_other_place": ("第 {seq} 条记录是为其他位置签名的（重放）",
                          "record {seq} was signed for another place (a replay)"),
    "chain_removed_before": ("第 {seq} 条记录之前的记录被删除或替换",
                             "a record before record {seq} was removed or replaced"),
    "chain_stale_trust": ("第 {seq} 条记录签名时依据的名册或审核策略早于该位置实际生效的版本："
                          "不予计入",
                          "record {seq} was signed against an earlier roster or policy than "
                          "the one in force at its place: it counts for nothing"),
    "chain_misplaced": ("第 {seq} 条记录所指的本事项前一条记录不是日志中的那一条（手工制作）："
                        "不予计入",
                        "record {seq} names another earlier record of its item than the log's "
                        "(made by hand): it counts for nothing"),
    "chain_relabelled": ("第 {seq} 条记录被篡改（类型、事项或链接与签名内容不符）",
                         "record {seq} was altered (its kind, item or link differ from what "
                         "was signed)"),
    "chain_replaced_before": ("第 {seq} 条记录之前的记录被篡改或替换",
                              "a record before record {seq} was altered or replaced"),
    "log_seq_twice": ("审计日志中有记录序号重复（其数据表被重建过）" + AUDIT,
                      "a record number is used twice in the audit log (its table was "
                      "rebuilt); run `review audit verify`"),
    "log_gaps": ("审计日志缺少记录（序号不连续）" + AUDIT,
                 "records are missing from the audit log (its numbers have gaps); run "
                 "`review audit verify`"),
    "log_gaps_role": ("审计日志缺少记录（序号不连续）；第 {seq} 条记录由数据库角色 {role} 添加"
                      + AUDIT,
                      "records are missing from the audit log (its numbers have gaps); record "
                      "{seq} was added by database role {role}; run `review audit verify`"),
    "log_cut_end": ("审计日志止于第 {top} 条记录，但本机曾见过第 {seen} 条：日志末尾的记录被删除",
                    "the audit log ends at record {top}, but this computer saw record {seen}: "
                    "records were removed from the end"),
    "log_rewritten": ("第 {seq} 条记录与本机核验过的不一致：日志被改写" + AUDIT,
                      "record {seq} differs from the one this computer verified: the log was "
                      "rewritten; run `review audit verify`"),
    "log_problem": ("{problem}" + AUDIT, "{problem}; run `review audit verify`"),
    "log_problem_role": ("{problem}；第 {seq} 条记录由数据库角色 {role} 添加" + AUDIT,
                         "{problem}; record {seq} was added by database role {role}; run "
                         "`review audit verify`"),
    "audit_missing": ("缺少第 {seq} 条记录（下一条为第 {next} 条）",
                      "record {seq} is missing (the next one is {next})"),
    "audit_not_following": ("第 {seq} 条记录未接续第 {prev} 条记录（记录被删除或调换顺序）",
                            "record {seq} does not follow record {prev} (rows removed or "
                            "reordered)"),
    "audit_hash": ("第 {seq} 条记录被篡改（哈希值不符）",
                   "record {seq} was altered (its hash does not match)"),
    "audit_unreadable": ("第 {seq} 条记录无法读取", "record {seq} is not readable"),
    "export_lacks_checkpoint": ("名册导出不含信任根指定的第 {seq} 条名册记录"
                                "（导出早于该记录，或是另一条分叉的记录链）",
                                "the roster export does not hold record {seq}, which the pinned "
                                "trust root names (an export older than it, or a forked chain)"),
    "att_before_checkpoint": ("发布（第 {seq} 条记录）早于信任根指定的第 {pinned} 条名册记录："
                              "须用包含该记录的名册导出核验（--roster，或提交新的导出）",
                              "the release (record {seq}) comes before record {pinned}, which the "
                              "pinned trust root names: verify it with a roster export that holds "
                              "that record (--roster, or commit a newer export)"),
    "audit_drawn_alike": ("名册上的 {name} 与 {other} 看起来相同，读者无法区分"
                          "（在核对名称之前加入）：请核实后撤销不应在册的一方",
                          "{name} and {other} on the roster look the same, and readers cannot "
                          "tell them apart (added before names were compared): check, and "
                          "revoke the one who should not be there"),
    "audit_unentitled": ("第 {seq} 条记录是不成立的名册变更（签署者无权签署，或会签的不是任何"
                         "待定变更的原文）：不产生任何效力",
                         "record {seq} is a roster change that does not stand (nobody entitled "
                         "signed it, or it co-signs no pending change as proposed): it counts "
                         "for nothing"),
    "resubmitted_unread": ("事项 {item} 已重新提交（当前版本 {now}），没有记录表明您审阅过这一版："
                           "请先 `review show {item}`，或用 --version 指明您审阅的版本",
                           "item {item} was resubmitted (current version {now}) and nothing shows "
                           "you read this version: `review show {item}` it first, or name the "
                           "version you read with --version"),
    "changed_since_read": ("事项 {item} 的当前版本（{now}）不是您审阅的版本（{read}）："
                           "稿件已重新提交，请先 `review show {item}` 再决定",
                           "item {item}'s current version ({now}) is not the one you read "
                           "({read}): it was resubmitted; `review show {item}` it again first"),
    "resubmitted_since_read": ("事项 {item} 在您审阅后已重新提交（版本 {now}，"
                               "所附图片等文件可能已换）：请先 `review show {item}` 再决定",
                               "item {item} was resubmitted after you read it (version {now}; "
                               "the files it shows may differ): `review show {item}` it again "
                               "first"),
    "show_version": ("版本 {version}", "version {version}"),
    "version_too_short": ("--version 须给出内容哈希的至少 {digits} 位",
                          "--version needs at least {digits} digits of the content hash"),
    "item_number_odd": ("库中的事项编号不是数字：{value}", "an item number in the store is not "
                        "a number: {value}"),
    "record_altered": ("第 {seq} 条记录在写入后被改动（其哈希与内容不符）；"
                       "请运行 `review audit verify`",
                       "record {seq} was altered after it was written (its hash does not "
                       "match its fields); run `review audit verify`"),
    "store_moved": ("{root} 的配置现在指向另一个数据库（{now}），本机此前使用的是 {before}；"
                    "若确为办公室迁移，请设置一次 REVIEW_DATABASE_URL",
                    "{root}'s config now names another store ({now}) than this computer used "
                    "before ({before}); if the office moved it, set REVIEW_DATABASE_URL once"),
    "log_index_broken": ("审计日志的数据库结构被改动（{problem}）；请运行 `review audit verify`",
                         "the audit log's database was tampered with ({problem}); run "
                         "`review audit verify`"),
    "pg_schema_open": ("模式 {schema} 允许 {role} 在其中创建对象（PostgreSQL 14 及以前的 "
                       "public 默认如此）：其自建的运算符或函数可改变每个查询找到的内容；"
                       "请数据库管理员执行 REVOKE CREATE ON SCHEMA {schema} FROM {role}",
                       "schema {schema} lets {role} create objects in it (PostgreSQL 14 and "
                       "before grant it on public): an operator or function of theirs there "
                       "can change what every query finds; have the database's administrator "
                       "run REVOKE CREATE ON SCHEMA {schema} FROM {role}"),
    "pg_schema_foreign": ("模式 {schema} 中的 {kind} {name} 属于 {role}，不属于存储的表的所有者："
                          "它可改变每个查询找到的内容",
                          "the {kind} {name} in schema {schema} belongs to {role}, not to the "
                          "store's tables' owner: it can change what every query finds"),
    "pg_operator": ("运算符", "operator"),
    "pg_function": ("函数", "function"),
    "store_schema_unsafe": ("存储所在的数据库不可信（{problem}）；请运行 `review audit verify`",
                            "the store's database cannot be trusted ({problem}); run "
                            "`review audit verify`"),
    "queue_item_damaged": ("事项 {item} 无法读取（未列出）：{problem}",
                           "item {item} cannot be read (not listed): {problem}"),
    "log_unsigned": ("（无有效签名，不计）", "(no valid signature: counts for nothing)"),
    "audit_unsigned": ("第 {seq} 条记录不是由当时名册上的密钥签名的：不产生任何效力",
                       "record {seq} is not signed by a key on the roster at that time: it "
                       "counts for nothing"),
    "anchor_unsigned": ("某个锚点文件不是由其密钥签名的链头",
                        "an anchor file is not a chain head signed by its key"),
    "anchor_not_roster": ("第 {seq} 条记录处的锚点不是由名册上的密钥签名的",
                          "the anchor at record {seq} is not signed by a key on the roster"),
    "anchor_beyond": ("日志止于第 {end} 条记录，但有锚点为第 {seq} 条记录作证（末尾的记录被删除）",
                      "the log ends at record {end} but an anchor vouches for record {seq} "
                      "(records were removed from the end)"),
    "anchor_differs": ("第 {seq} 条记录与锚定的链头不一致（日志被改写）",
                       "record {seq} differs from the anchored chain head (the log was "
                       "rewritten)"),
    # --- witnesses (witness.py) -----------------------------------------------------------
    "witness_none": ("本工作区尚无见证文件，日志中的记录可能被删除而不被发现：请工作区所有者 "
                     "{owner} 执行任意一次 review 操作，以创建 {path}",
                     "this workspace keeps no witnesses yet, so a record could be cut from the "
                     "log unnoticed: its owner, {owner}, runs any review action once to make "
                     "{path}"),
    "witness_unwritten": ("无法写入你的见证文件 {path}（{reason}）",
                          "your witness {path} could not be written ({reason})"),
    "witness_bad": ("见证文件 {name}（属于 {owner}）不是由其密钥签名的（或根本不是见证文件）",
                    "witness {name} (of {owner}) is not signed by its key (or is no witness "
                    "at all)"),
    "witness_misnamed": ("见证文件 {name}（属于 {owner}）未以其密钥命名",
                         "witness {name} (of {owner}) is not under its key's name"),
    "witness_unknown_key": ("见证文件 {name}（属于 {owner}）由不在任何名册上的密钥签名",
                            "witness {name} (of {owner}) is signed by a key that is on no "
                            "roster"),
    "review_dir_replaced": ("{path} 属于 {owner}，而非创建工作区的账户：该目录已被替换；请管理员"
                            "恢复后运行 `review audit verify`",
                            "{path} belongs to {owner}, not to the account that made the "
                            "workspace: it was replaced; an admin restores it and runs "
                            "`review audit verify`"),
    "witness_dir_owner": ("{path} 属于 {owner}，而非工作区所有者 {workspace_owner}：其所有者可以"
                          "删除他人的见证文件；请管理员删除该目录后重新运行 review",
                          "{path} belongs to {owner}, not to the workspace's owner "
                          "{workspace_owner}: whoever owns it can remove the others' "
                          "witnesses; an admin removes it and runs review again"),
    "witness_tampered": ("{problem}：工作区的见证文件被篡改；请管理员查明来源后删除该文件",
                         "{problem}: the workspace's witnesses were tampered with; an admin "
                         "removes the file after finding out who put it there"),
    "witnessed_gone": ("第 {seq} 条记录已从审计日志中消失，但其作者（密钥 {key}）曾为其作证：记录"
                       "被删除" + AUDIT,
                       "record {seq} is gone from the audit log, though its author (key {key}) "
                       "witnessed it: records were removed; run `review audit verify`"),
    "witnessed_differs": ("第 {seq} 条记录与其作者（密钥 {key}）作证的不一致：日志被改写" + AUDIT,
                          "record {seq} differs from the one its author (key {key}) witnessed: "
                          "the log was rewritten; run `review audit verify`"),
    "another_user": ("其他用户", "another user"),
    # --- an item's history (history.py) ---------------------------------------------------
    "findings_unreadable": ("事项 {item}：存储的问题清单无法读取" + AUDIT,
                            "item {item}: its stored findings are not readable; run "
                            "`review audit verify`"),
    "item_no_records": ("存储库中有事项在签名日志中没有任何记录",
                        "an item in the store has no records in the signed log"),
    "item_broken": ("事项 {item}：{problem}" + AUDIT,
                    "item {item}: {problem}; run `review audit verify`"),
    "record_unsigned": ("事项 {item}：第 {seq} 条记录不是由名册上的密钥签名的" + AUDIT,
                        "item {item}: record {seq} is not signed by a key on the roster; run "
                        "`review audit verify`"),
    "item_no_submission": ("事项 {item} 没有经过签名的提交记录" + AUDIT,
                           "item {item} has no signed submission; run `review audit verify`"),
    "rp_unreadable_findings": ("事项 {item}：提交时签名的问题清单无法读取；须由编辑重新提交",
                               "item {item}: its submission did not sign readable findings; "
                               "the editor submits it again"),
    "rp_rejected": ("事项 {item} 已被驳回", "item {item} was rejected"),
    "rp_content_rejected": ("事项 {item}：该内容已被驳回",
                            "item {item}: this content was rejected"),
    "rp_editor_releases": ("事项 {item} 须由其编辑 {editor} 发布",
                           "item {item} is released by its editor, {editor}"),
    "rp_needs_level": ("事项 {item} 尚需第 {level} 级（{role}）审核通过",
                       "item {item} still needs approval at level {level} ({role})"),
    "rp_author_publishes": ("{name} 编辑或修改了事项 {item}：按审核策略须由另一名发布人发布",
                            "{name} wrote or changed item {item}: the policy has another "
                            "person, a publisher, release it"),
    "rp_approver_releases": ("{name} 已审核通过事项 {item}，不能再发布该事项",
                             "{name} approved item {item} and cannot also release it"),
    "rp_block_findings": ("事项 {item} 存在阻断问题（{findings}）：请修改稿件，或由审核人执行 "
                          "`review override` 予以放行",
                          "item {item} has block findings ({findings}): fix the draft, or a "
                          "reviewer records `review override`"),
    "rp_needs_consent": ("事项 {item} 涉及须经单位同意的内容：请用 "
                         "`review consent ID --ref DOCUMENT` 记录单位同意",
                         "item {item} touches topics that need the unit's consent: record it "
                         "with `review consent ID --ref DOCUMENT`"),
    # --- the service's rules (service.py) -------------------------------------------------
    "trust_broken": ("名册和审核策略的记录已损坏：{problem}" + AUDIT,
                     "the roster's and policy's records are broken: {problem}; run "
                     "`review audit verify`"),
    "already_initialised": ("该存储库已初始化", "this store is already initialised"),
    "unknown_role": ("未知角色“{role}”；可用角色：{roles}",
                     "unknown role {role!r}; roles: {roles}"),
    "key_taken": ("该密钥已属于 {owner}：一人一钥",
                  "this key already belongs to {owner}: one key, one person"),
    "key_revoked_stays": ("{name} 的该密钥已被撤销且不可恢复：请用新密钥重新添加 {name}",
                          "this key of {name} was revoked and stays revoked: add {name} again "
                          "with a new key"),
    "no_such_person": ("名册上没有名为“{name}”的人员", "nobody called {name!r} is on the roster"),
    "last_admin": ("{name} 是唯一剩下的管理员：请先添加其他管理员，否则将无人能再变更名册",
                   "{name} is the only admin left: add another admin first, or nobody could "
                   "change the roster again"),
    "threshold_admins_left": ("名册变更须有 {threshold} 位管理员签名，撤销后只剩 {left} 位：请先"
                              "降低门限或添加管理员",
                              "{threshold} admins must sign roster changes and only {left} "
                              "would be left: lower the threshold or add an admin first"),
    "since_range": ("--since 应为日志中的记录序号，范围 1 至 {top}",
                    "--since is a record of the log, 1 to {top}"),
    "name_looks_like": ("名称 {name} 与名册上的 {other} 看起来相同，读者无法区分：请用可区分的名称",
                        "the name {name} looks the same as {other} on the roster, and nobody "
                        "reading it could tell them apart: choose a name that can be"),
    "name_looks_like_proposed": ("名称 {name} 与第 {seq} 条待会签记录提议加入的 {other} "
                                 "看起来相同，读者无法区分：两者均不予会签，请先核实（另一项须待其失效）",
                                 "the name {name} looks the same as {other}, whose addition "
                                 "(record {seq}) is waiting for signatures, and nobody reading "
                                 "them could tell them apart: neither is co-signed; find out "
                                 "who proposed which (the other must lapse first)"),
    "name_proposed_otherwise": ("第 {seq} 条待会签记录已提议以另一密钥或角色加入（或轮换）{name}，"
                                "两项仅凭密钥区分：两者均不予会签，请先核实（另一项须待其失效）",
                                "record {seq}, waiting for signatures, already proposes {name} "
                                "with another key or other roles, and only a key tells the two "
                                "apart: neither is co-signed; find out who proposed which (the "
                                "other must lapse first)"),
    "key_taken_rotate": ("该密钥已属于 {owner}：请更换为新密钥",
                         "this key already belongs to {owner}: rotate to a new key"),
    "not_a_proposal": ("第 {seq} 条记录不是待会签的名册或审核策略变更（见 "
                       "`review roster pending`）",
                       "record {seq} is not a proposed roster or policy change waiting for "
                       "signatures (see `review roster pending`)"),
    "proposal_lapsed": ("第 {seq} 条记录的提议已过期（{days} 天内未获足够会签）：请重新提议",
                        "the proposal of record {seq} has lapsed (not co-signed within {days} "
                        "days): propose it again"),
    "proposal_stale": ("第 {seq} 条记录提议之后，审核策略已由第 {since} 条记录改变：现在会签将撤销"
                       "该变更；请在现行策略上重新提议",
                       "the policy has changed since record {seq} was proposed (record "
                       "{since}): co-signed now it would undo that change; propose it again "
                       "on the policy in force"),
    "already_cosigned": ("{name} 已会签第 {seq} 条记录", "{name} already signed record {seq}"),
    "no_export": ("未导出：日志中含有审核规则不允许的记录（{problem}）；见 `review audit verify`",
                  "no export: the log holds what the rules refuse ({problem}); see "
                  "`review audit verify`"),
    "bad_levels": ("审核级别只能是 reviewer 和/或 approver 角色，例如 reviewer,approver",
                   "levels are reviewer and/or approver roles, e.g. reviewer,approver"),
    "threshold_range": ("管理员门限须为 1 至 {admins}（名册上的管理员人数）：超过此数将无人能再变更"
                        "名册",
                        "the admin threshold must be 1 to {admins} (the admins on the roster): "
                        "more, and nobody could change the roster again"),
    "no_item": ("没有事项 {item}", "no item {item}"),
    "draft_not_signed": ("事项 {item}：存储的稿件不是日志中签名的那一份" + AUDIT,
                         "item {item}: the stored draft is not the one signed in the log; run "
                         "`review audit verify`"),
    "rejected_change_first": ("{problem}；请先修改", "{problem}; change it first"),
    "content_rejected_in": ("该内容已在事项 {item} 中被驳回（{name}，第 {level} 级：{reason}）",
                            "this content was rejected in item {item} ({name}, level {level}: "
                            "{reason})"),
    "record_problem": ("第 {seq} 条记录：{problem}", "record {seq}: {problem}"),
    "release_not_allowed": ("第 {seq} 条记录发布了事项 {item}，"
                            "但按其当时的名册和策略不允许：{problem}",
                            "record {seq} releases item {item}, which the roster and policy it "
                            "saw did not allow: {problem}"),
    "release_roster_unknown": ("它所依据的名册和策略不在日志中",
                               "it names a roster and policy that are not the log's"),
    "release_never_submitted": ("它发布的内容从未提交", "it releases what was never submitted"),
    "release_after_rejection": ("第 {seq} 条记录发布了事项 {item}，但此前{problem}",
                                "record {seq} releases item {item}, but {problem} before it"),
    "changed_since_submit": ("{path} 在提交后已被修改：请重新提交",
                             "{path} has changed since it was submitted: submit it again"),
    # --- the files a draft shows (review.resources) ---------------------------------------
    "resource_escapes": ("{draft} 引用的 {address} 指向工作区之外，无法随稿件审核：请把文件放进"
                         "内容仓库，按相对路径引用",
                         "{draft} loads {address}, which lies outside the workspace and cannot "
                         "be approved with the draft: put the file in the content repository and "
                         "refer to it by a relative path"),
    "resource_link": ("{draft} 引用的 {address} 经过符号链接（{path}）：审核的须是文件本身，"
                      "请直接引用文件",
                      "{draft} loads {address} through a link ({path}): what is approved must "
                      "be the file itself; refer to the file"),
    "resource_white_space": ("{draft} 引用的地址 {address!r} 含不间断空格、全角空格等空白：浏览器与"
                             "各 Markdown 渲染器读法不一，无法确定读者看到的文件；请删去或写成 %20",
                             "{draft} loads {address!r}, whose address holds white space other "
                             "than a space (a no-break or an ideographic space): browsers and "
                             "Markdown renderers read it differently, so which file readers see "
                             "cannot be told; remove it or write %20"),
    "resource_not_utf8": ("{draft} 引用的地址 {address} 含不是 UTF-8 的百分号转义：它指向的文件名"
                          "无法确定，请改用 UTF-8 文件名",
                          "{draft} loads {address}, whose percent-escapes are not UTF-8: the "
                          "file it names cannot be told; give the file a UTF-8 name"),
    "resource_missing": ("{draft} 引用的本地文件 {path} 不存在",
                         "{draft} loads the local file {path}, which does not exist"),
    "resource_unreadable": ("无法读取 {draft} 引用的 {path}：{reason}",
                            "cannot read {path}, which {draft} loads: {reason}"),
    "resource_not_file": ("{draft} 引用的 {path} 不是普通文件（或过大）",
                          "{path}, which {draft} loads, is not a regular file (or is too "
                          "large)"),
    "resource_script": ("{draft} 含脚本（{what}）：脚本在页面上写出的内容不经检查，审核时也看不到；"
                        "请删去脚本",
                        "{draft} runs a script ({what}): what a script writes on the page is "
                        "neither checked nor shown to the reviewer; remove the script"),
    "resource_frame": ("{draft} 用 {what} 嵌入本地文件 {path}：框中页面上的文字不经检查，审核时也"
                       "看不到；请把内容直接写入稿件，或改用图片",
                       "{draft} shows the local file {path} in a frame ({what}): the words of "
                       "a framed page are neither checked nor shown to the reviewer; write them "
                       "into the draft, or show a picture"),
    "resource_directive": ("{draft} 含站点生成器的模板指令（{what}）："
                           "它在页面上写出的内容不经检查，审核时也看不到；请删去该指令，把内容直接写入稿件",
                           "{draft} holds a site generator's template directive ({what}): what "
                           "it writes on the page is neither checked nor shown to the reviewer; "
                           "remove it and write the text into the draft"),
    "resource_base": ("{draft} 含 <base href=\"{address}\">：其中的相对地址指向别处，"
                      "无法确定读者看到的文件；请删去 <base>，写明各文件的地址",
                      "{draft} has <base href=\"{address}\">: its relative addresses lead "
                      "elsewhere, so which files readers see cannot be told; remove the <base> "
                      "and write each file's address"),
    "resource_changed": ("图片等文件 {path} 在审核后已被替换（审核时 {bound}…，现在 {now}…）",
                         "{path}, which the draft shows, was replaced after approval (approved "
                         "{bound}…, now {now}…)"),
    "resource_unbound": ("稿件引用的本地文件 {path} 不在审核范围内（发布证明未绑定它）",
                         "the draft shows the local file {path}, which the attestation does not "
                         "bind (it was not approved with the draft)"),
    "resource_before_binding": ("该发布证明早于图片绑定，未绑定稿件引用的本地文件 {path}：请重新"
                                "提交、审核并发布该稿件",
                                "the attestation predates bound pictures and does not bind "
                                "{path}, a local file the draft shows: submit, approve and "
                                "release the draft again"),
    "resource_changed_since_submit": ("{path}（稿件 {draft} 引用）在提交后已被修改、删除或新增："
                                      "请重新提交",
                                      "{path}, which {draft} shows, has changed, gone or come "
                                      "since the draft was submitted: submit it again"),
    "resource_remote_since_submit": ("{draft} 从外部加载的地址与提交时所签不符（{address}）："
                                     "请重新提交",
                                     "{draft} loads other addresses from outside than its "
                                     "submission signed ({address}): submit it again"),
    "resource_submitted_unbound": ("{draft} 提交于图片绑定之前，而它引用本地文件（{path}）："
                                   "请重新提交，使这些文件随稿件审核",
                                   "{draft} was submitted before pictures were bound, and it "
                                   "shows local files ({path}): submit it again, so that they "
                                   "are approved with it"),
    "show_resources": ("随稿件审核的本地文件（{count} 个）：",
                       "local files approved with the draft ({count}):"),
    "show_remote": ("从外部加载、未经审核的地址（{count} 个）——发布后内容可能被他人更换：",
                    "addresses loaded from outside, not approved ({count}) — whoever holds "
                    "them can change what readers see:"),
    "queue_remote_item": ("事项 {item}：从外部加载 {count} 个地址（review show {item} 查看）",
                          "item {item}: addresses loaded from outside: {count} (review show "
                          "{item})"),
    "queue_remote": ("从外部加载 {count} 个地址", "addresses loaded from outside: {count}"),
    "show_resources_unbound": ("（本版本提交于图片绑定之前：其引用的本地文件未随稿件审核）",
                               "(this version was submitted before pictures were bound: the "
                               "local files it shows are not approved with it)"),
    "findings_differ": ("事项 {item}：本次检查发现 {found} 处问题，提交时签名的是 {signed} 处；"
                        "须由编辑重新提交",
                        "item {item}: this check finds {found} findings, the submission signed "
                        "{signed}; the editor submits it again"),
    "resubmitted_meanwhile": ("事项 {item} 在此期间已被重新提交：请重新审核",
                              "item {item} was resubmitted meanwhile: review it again"),
    "not_waiting": ("事项 {item} {state}，不在待审核状态",
                    "item {item} is {state}, not waiting for review"),
    "fully_approved": ("事项 {item} 已全部审核通过，等待发布",
                       "item {item} is fully approved; it waits for release"),
    "own_item": ("{name} 提交或最后修改了事项 {item}，不能审核该事项",
                 "{name} submitted or last changed item {item} and cannot review it"),
    "approved_other_level": ("{name} 已在另一级审核通过事项 {item}",
                             "{name} already approved item {item} at another level"),
    "own_version": ("{name} 提交过事项 {item} 的一个版本（其中可能仍有其所写内容），不能审核通过",
                    "{name} submitted a version of item {item} (some of the text may be his) "
                    "and cannot approve it"),
    "annotate_own": ("{name} 提交过事项 {item}（或其一个版本）：{kind}须由他人记录",
                     "{name} submitted item {item} or a version of it: another person must "
                     "record the {kind}"),
    "no_block_finding": ("事项 {item} 没有阻断问题“{finding}”（见 `review show {item}`）",
                         "item {item} has no block finding {finding!r} (see "
                         "`review show {item}`)"),
    "item_in_state": ("事项 {item} {state}", "item {item} is {state}"),
    "attestation_unwritten": ("事项 {item} 已发布，但其发布证明未能写入（{reason}）：请再次运行 "
                              "`review release {item}`",
                              "item {item} is released, but its attestation could not be "
                              "written ({reason}): run `review release {item}` again"),
    "already_released": ("事项 {item} 已发布；其发布证明为 {path}",
                         "item {item} is released; its attestation is {path}"),
    "released_by_other": ("事项 {item} 由 {name} 发布：只有该密钥能重新写出其发布证明",
                          "item {item} was released by {name}: only that key can write its "
                          "attestation again"),
    "release_does_not_stand": ("事项 {item} 的发布不能成立：此前{problem}",
                               "item {item}'s release does not stand: {problem} before it"),
    "effect_refused": ("第 {seq} 条记录：已签名，但未生效——生效后管理员人数将少于门限",
                       "record {seq}: signed, but not in force — it would leave fewer admins "
                       "than the threshold"),
    "effect_in_force": ("第 {seq} 条记录：已生效", "record {seq}: in force"),
    "effect_proposed": ("第 {seq} 条记录：已提议，尚需 {needs} 位管理员签名：`review roster cosign "
                        "{seq}`",
                        "record {seq}: proposed, needs {needs} more admin signature(s): "
                        "`review roster cosign {seq}`"),
    "row_not_bytes": ("review_items 第 {row} 行：content 不是稿件的字节内容（见 "
                      "`review audit verify`）",
                      "review_items row {row}: content is not the draft's bytes (see "
                      "`review audit verify`)"),
    "row_not_number": ("review_items 第 {row} 行：{column} 不是记录序号（见 "
                       "`review audit verify`）",
                       "review_items row {row}: {column} is not a record number (see "
                       "`review audit verify`)"),
    # --- the root of trust and attestations (trust.py, attest.py) -------------------------
    "not_trust_root": ("{source}：不是信任根（SHA256:<指纹>[@<工作区>[#<序号>:<哈希>]]，"
                       "工作区与哈希为小写十六进制，照 roster export 所印）",
                       "{source}: not a trust root (SHA256:<fingerprint>[@<workspace>"
                       "[#<seq>:<hash>]], workspace and hash in lower-case hex, as roster "
                       "export prints it)"),
    "carried_unreadable": ("所附记录无法读取", "a carried record is not readable"),
    "carried_old_format": ("第 {seq} 条记录为旧格式：请重新发布",
                           "record {seq} is in the old format: release it again"),
    "carried_other_place": ("第 {seq} 条记录是为其他位置签名的",
                            "record {seq} was signed for another place"),
    "no_roster_records": ("其中没有名册记录", "it carries no roster records"),
    "not_from_root": ("其名册不是从固定的信任根 {root} 开始的",
                      "its roster does not start at the pinned root {root}"),
    "other_workspace": ("它来自工作区 {workspace}，而非固定的 {pinned}",
                        "it comes from workspace {workspace}, not the pinned {pinned}"),
    "roster_holds_others": ("其名册记录中夹带了其他记录", "its roster records hold other records"),
    "not_roster_export": ("不是名册导出文件", "not a roster export"),
    "export_not_admin_signed": ("不是由其中的管理员签名的", "not signed by an admin on it"),
    "att_void": ("它的发布（第 {seq} 条记录）是规则所不允许的，已被名册导出列为无效",
                 "its release (record {seq}) is one the rules refused, named void by the roster "
                 "export"),
    "att_policy_since": ("它按发布当时的审核链放行，而主分支的名册导出中现行的审核链"
                         "要求更多（{problem}）：请重新提交、审核并发布",
                         "it was released under the review chain of its day, and the chain in "
                         "force in the default branch's roster export asks for more ({problem}): "
                         "submit, approve and release it again"),
    "att_void_store": ("它的发布（第 {seq} 条记录）是规则所不允许的（见 `review audit verify`）",
                       "its release (record {seq}) is one the rules refused (see `review audit "
                       "verify`)"),
    "att_not_in_store": ("其发布记录（第 {seq} 条）不在本工作区的审核库日志中"
                         "（在审核库之外签名的发布）",
                         "its release (record {seq}) is not in this workspace's log (a release "
                         "signed outside the store)"),
    "att_omits_store_record": ("缺少该事项的第 {seq} 条记录，而本工作区的审核库日志中有该记录",
                               "it omits record {seq} of the item, which this workspace's log "
                               "holds"),
    "verify_link_out": ("{path} 在工作区 {root} 中，却是指向另一个工作区 {target} 的链接：只在它"
                        "所在的工作区核验",
                        "{path} is in the workspace {root} but a link into another workspace, "
                        "{target}: it is verified only in the workspace it is in"),
    "verify_named_by_link": ("{path} 是指向 {target} 的链接（或经由链接的目录）：发布证明只核验"
                             "其所指文件，请核验并发布文件本身",
                             "{path} is a link (or lies in a linked folder) to {target}: an "
                             "attestation vouches for the file it leads to; verify and publish "
                             "that file itself"),
    "verify_store_unreadable": ("无法读取本工作区的审核库（{problem}），无法确认该发布在其日志"
                                "中且未被规则拒绝；请在能读取审核库的地方核验（或用 "
                                "REVIEW_DATABASE_URL 自行指定审核库）",
                                "this workspace's store cannot be read ({problem}), so whether "
                                "its log holds the release, and the rules allowed it, is unknown; "
                                "verify where the store can be read (or name the store yourself "
                                "with REVIEW_DATABASE_URL)"),
    "verify_store_other_workspace": ("本工作区配置的审核库属于另一个工作区（{workspace}），"
                                     "而非所固定的 {pinned}；请在能读取本工作区审核库的地方"
                                     "核验",
                                     "the store this workspace names is another workspace's "
                                     "({workspace}), not the pinned {pinned}; verify where this "
                                     "workspace's store can be read"),
    "verify_store_other_log": ("审核库的日志与已提交的名册导出不符" + AUDIT,
                               "the store's log disagrees with the committed roster export; run "
                               "`review audit verify`"),
    "att_unreadable": ("不是可读取的发布证明", "not a readable release attestation"),
    "att_unreadable_because": ("不是可读取的发布证明（{problem}）",
                               "not a readable release attestation ({problem})"),
    "att_other_version": ("不是本版本 review 的发布证明（请发布人删除后重新运行 "
                          "`review release ID`）",
                          "not a release attestation of this version of review (ask the "
                          "releaser to delete it and run `review release ID` again)"),
    "att_other_path": ("证明的是 {name}，而非 {path}", "attests {name}, not {path}"),
    "att_other_content": ("证明的是其他内容", "attests other content"),
    "att_not_one_item": ("其记录不属于同一事项", "its records are not one item's"),
    "att_no_release_end": ("其记录未以发布记录结尾", "its records do not end with the release"),
    "att_trust_short": ("未附带发布时生效的名册和审核策略",
                        "it does not carry the roster and policy in force at the release"),
    "att_out_of_order": ("其记录顺序错乱", "its records are out of order"),
    "att_omits_trust": ("缺少已提交的名册导出中的名册或审核策略记录",
                        "it omits roster or policy records of the committed roster export"),
    "att_revoked_key": ("第 {seq} 条记录由名册导出自第 {since} 条记录起撤销的密钥签名",
                        "record {seq} was signed by a key the roster export revokes from "
                        "record {since}"),
    "att_omits_record": ("缺少该事项的第 {seq} 条记录，而已提交的日志导出中有该记录",
                         "it omits record {seq} of the item, which the committed log export "
                         "holds"),
    "att_beyond_export": ("其发布记录（第 {seq} 条）晚于已提交的名册导出（第 {reach} 条）：请管理员"
                          "运行 `review roster export` 并提交",
                          "its release (record {seq}) is newer than the committed roster "
                          "export (record {reach}): an admin runs `review roster export` and "
                          "commits it"),
    "att_not_logged": ("其记录与已提交的日志导出不符（在存储库之外签名的发布）",
                       "its records are not those of the committed log export (a release "
                       "signed outside the store)"),
    "att_other_release": ("其记录发布的是其他内容", "its records release other content"),
    "att_unsigned_findings": ("其提交未对问题清单签名（早期版本的 review）",
                              "its submission did not sign its findings (an earlier version "
                              "of review)"),
    "att_misleading": ("其供人阅读的摘要（{field}）与其签名记录不符",
                       "its summary for readers ({field}) is not what its signed records say"),
    "att_releaser_unsigned": ("发布人未对其签名", "the releaser did not sign it"),
    "att_irregular": ("{name} 不是常规的发布证明文件",
                      "{name} is not a regular attestation file"),
    "att_not_attestation": ("不是发布证明", "not a release attestation"),
    # --- tables against the log (projection.py) -------------------------------------------
    "table_no_row": ("{table}：{key} 在日志中，但没有对应的行",
                     "{table}: {key} is in the log but has no row"),
    "table_not_logged": ("{table} 第 {key} 行：签名日志中没有对应记录",
                         "{table} row {key}: no such record in the signed log"),
    "table_differs": ("{table} 第 {key} 行：{column} 与签名日志不符",
                      "{table} row {key}: {column} differs from the signed log"),
    "table_date_form": ("{table} 第 {key} 行：{column} 不是以 YYYY-MM-DD 形式存放的日期",
                        "{table} row {key}: {column} is not a date stored as YYYY-MM-DD"),
    "table_row_twice": ("{table} 第 {key} 行：表中不止一行用这个键",
                        "{table} row {key}: more than one row holds this key"),
    "table_row_problem": ("{table} 第 {key} 行：{problem}", "{table} row {key}: {problem}"),
    "item_no_row": ("review_items：事项 {item} 在日志中，但没有对应的行",
                    "review_items: item {item} is in the log but has no row"),
    "item_not_logged": ("review_items 第 {item} 行：签名日志中没有该事项",
                        "review_items row {item}: no such item in the signed log"),
    "decision_seq_odd": ("review_decisions 第 {row} 行：seq 不是记录序号",
                         "review_decisions row {row}: seq is not a record number"),
    "decision_no_row": ("review_decisions：第 {seq} 条记录（{kind}）没有对应的行",
                        "review_decisions: record {seq} ({kind}) has no row"),
    "decision_not_logged": ("review_decisions 第 {seq} 行：签名日志中没有该决定",
                            "review_decisions row {seq}: no such decision in the signed log"),
    # --- the commands' output (commands.py) -----------------------------------------------
    "keygen_private": ("私钥：{path}", "private key: {path}"),
    "keygen_public": ("公钥：{path}", "public key:  {path}"),
    "cannot_create": ("无法创建 {path}：{reason}", "cannot create {path}: {reason}"),
    "initialised": ("已初始化 {path}；{name}（{key}）为管理员",
                    "initialised {path}; {name} ({key}) is admin"),
    "not_on_roster": ("（不在名册上）", "(not on the roster)"),
    "roster_added": ("{name}：{roles}（{effect}）", "{name}: {roles} ({effect})"),
    "roster_revoked": ("{name}：已撤销（{effect}）", "{name}: revoked ({effect})"),
    "roster_rotated": ("{name}：已更换密钥（{effect}）", "{name}: new key ({effect})"),
    "pending_policy_change": ("审核策略变更（相对现行策略）：",
                              "policy change (from the policy in force):"),
    "pending_policy_same": ("审核策略不变（与现行策略相同）", "no change to the policy in force"),
    "pending_key": ("密钥指纹 {key}", "key {key}"),
    "pending_on_roster": ("【此人已在名册（{roles}），现有密钥 {keys}：本变更为其再添一把"
                          "密钥，原密钥继续有效；请与本人核对指纹】",
                          "[already on the roster ({roles}) with key(s) {keys}: this gives that "
                          "person one more key and keeps the others; check the fingerprint with "
                          "the person]"),
    "pending_rotated": ("【此人现有密钥 {keys}（{roles}）将全部失效】",
                        "[the person's key(s) {keys} ({roles}) all end here]"),
    "pending_signed": ("已签名：{signers}；尚需 {needs} 位", "signed by {signers}; needs {needs}"),
    "trust_root": ("信任根：{root}", "trust root: {root}"),
    "export_needs_cosign": ("此导出还须 {missing} 位其他管理员加签才生效：review roster export "
                            "--cosign --out {out}",
                            "this export counts once {missing} more admin(s) sign it: review "
                            "roster export --cosign --out {out}"),
    "not_an_export": ("{path} 不是名册导出", "{path} is not a roster export"),
    "export_untrusted": ("此导出不能加签：{problem}", "this export cannot be co-signed: "
                         "{problem}"),
    "export_not_this_log": ("此导出与本库截至第 {end} 条的记录不一致（名册、记录哈希或作废的"
                            "发布），不予加签；请在本库重新导出",
                            "this export differs from this store's log up to record {end} (its "
                            "roster, a record's hash or the void releases): not co-signed; "
                            "export again from the store"),
    "export_signed_already": ("你已签过此导出", "you signed this export already"),
    "export_signer_revoked": ("此导出由 {person} 的一把已被吊销或轮换的密钥签名，不予加签；请在本库"
                              "重新导出",
                              "this export is signed by a key of {person}'s that this store "
                              "has revoked or rotated away: not co-signed; export again from "
                              "the store"),
    "export_below_threshold": ("导出只有 {signed} 位管理员签名，门槛为 {need} 位",
                               "the export is signed by {signed} admin(s); the threshold is "
                               "{need}"),
    "policy_set": ("审核级别：{levels}；发布人单设：{separate}（{effect}）",
                   "levels: {levels}; separate publisher: {separate} ({effect})"),
    "policy_allowed": ("允许的短语共 {count} 条（{effect}）：",
                       "{count} allowed phrases ({effect}):"),
    "allow_nothing": ("请给出要允许的短语，或用 --remove 给出不再允许的短语",
                      "name the phrases to allow, or with --remove those no longer allowed"),
    "bad_allow_phrase": ("“{phrase}”不能作为允许的短语：须为一行、不超过 {limit} 个字符",
                         "{phrase!r} cannot be an allowed phrase: one line of at most {limit} "
                         "characters"),
    "no_allow_phrase": ("审核策略中没有允许的短语“{phrase}”", "the policy allows no phrase "
                        "{phrase!r}"),
    "policy_lists": ("固定的机构词表和节假日文件共 {count} 个（{effect}）：",
                     "{count} pinned term lists and holiday files ({effect}):"),
    "list_outside": ("{path} 不在工作区 {root} 内，不能固定", "{path} is outside the workspace "
                     "{root}: it cannot be pinned"),
    "list_unreadable": ("无法读取 review.toml 所列词表 {path}", "cannot read {path}, a list "
                        "review.toml names"),
    "pinned_list_changed": ("机构词表 {path} 与管理员签名固定的内容不同，送审检查不予进行；请管理员"
                            "核对后运行 review policy lists 重新固定",
                            "the organisation's list {path} differs from the content an admin "
                            "pinned: the check that gates release will not run; an admin must "
                            "review it and run `review policy lists`"),
    "pinned_holidays_changed": ("节假日文件 {path} 与管理员签名固定的内容不同，期限不予计算；"
                                "请管理员核对后运行 review policy lists 重新固定",
                                "the holiday file {path} differs from the content an admin "
                                "pinned: no deadline is counted; an admin must review it and "
                                "run `review policy lists`"),
    "holidays_not_pinned": ("节假日文件 {path} 未经管理员签名固定，不予采用（该年期限仍为暂定）；"
                            "管理员核对后运行 review policy lists 固定",
                            "the holiday file {path} is not pinned by an admin and is not used "
                            "(that year's deadlines stay provisional); an admin reviews it "
                            "and runs `review policy lists`"),
    "pinned_list_dropped": ("已固定的机构词表 {path} 不在 review.toml 中，不予取消固定；"
                            "如确要取消，请运行 review policy lists --drop {path}",
                            "the pinned list {path} is not in review.toml: it stays pinned; to "
                            "stop pinning it, run `review policy lists --drop {path}`"),
    "pinned_list_altered": ("review.toml 给已固定的机构词表 {path} 的类别/严重程度/关口与固定时不同"
                            "（{was} → {now}），仍按原样固定；如确要按 review.toml 重新固定，"
                            "请运行 review policy lists --drop {path}",
                            "review.toml gives the pinned list {path} another category/severity/"
                            "gate than it was pinned with ({was} → {now}): it stays pinned as "
                            "it was; to pin it as review.toml says, run `review policy lists "
                            "--drop {path}`"),
    "not_pinned": ("{path} 不是已固定的机构词表", "{path} is not a pinned list"),
    "list_content_changed": ("内容与此前固定的不同", "content differs from the one pinned before"),
    "pinned_list_unreadable": ("无法读取管理员签名固定的机构词表 {path}，送审检查不予进行",
                               "cannot read {path}, a list an admin pinned: the check that "
                               "gates release will not run"),
    "yes": ("是", "True"),
    "no": ("否", "False"),
    "queue_header": ("编号\t级别\t等待\t最严重\t编辑\t标题",
                     "id\tlevel\tage\tworst\teditor\ttitle"),
    "show_head": ("#{item} {title}（{path}，{state}，编辑 {editor}）",
                  "#{item} {title} ({path}, {state}, editor {editor})"),
    "approved_at": ("{item}：已在第 {level} 级审核通过", "{item}: approved at level {level}"),
    "blank_option": ("--{option} 不能为空：其内容将随签名记入记录",
                     "--{option} must not be blank: it is signed into the record"),
    "rejected_at": ("{item}：已在第 {level} 级驳回", "{item}: rejected at level {level}"),
    "overridden": ("{item}：已放行 {finding}", "{item}: {finding} overridden"),
    "consented": ("{item}：单位同意 {ref}", "{item}: consent {ref}"),
    "export_older_than_seen": ("{path} 比本机此前核验过的名册导出更早（或来自另一份日志）："
                               "按本机保存的较新导出核验",
                               "{path} is older than a roster export this computer verified "
                               "before (or of another log): the newer one kept here is used"),
    "verified_released": ("{path}：已发布（{attestation}）", "{path}: released ({attestation})"),
    "no_attestation": ("{path}：该内容没有有效的发布证明", "{path}: no valid release attestation "
                       "for this content"),
    "no_attestation_because": ("{path}：该内容没有有效的发布证明（{reason}）",
                               "{path}: no valid release attestation for this content "
                               "({reason})"),
    "roster_file_not_export": ("{path}：不是名册导出文件", "{path}: not a roster export"),
    "roster_file_untrusted": ("{path}：{problem}", "{path}: {problem}"),
    "no_pinned_root": ("没有固定的信任根：请将 REVIEW_TRUST_ROOT（或 ~/.config/review/trust-root "
                       "文件）设为首位管理员的指纹（即 `review roster export` 输出的信任根），或用 "
                       "--roster 指定可信的导出文件",
                       "no pinned root of trust: set REVIEW_TRUST_ROOT (or write it to "
                       "~/.config/review/trust-root) to the first admin's fingerprint, as "
                       "`review roster export` prints it, or give --roster a trusted export"),
    "root_unbound": ("信任根 {root} 未指明工作区（只写指纹的信任根可指向该管理员建立过的任何"
                     "工作区）：请按 `review roster export` 的输出固定为 {root}@<工作区>，或用 "
                     "--roster 指定可信的导出文件",
                     "the root of trust {root} names no workspace (a fingerprint alone names "
                     "every workspace its admin ever made): pin it as {root}@<workspace>, as "
                     "`review roster export` prints it, or give --roster a trusted export"),
    "att_root_unbound": ("信任根 {root} 未指明工作区，无从确定证明是否属于本工作区",
                         "the root of trust {root} names no workspace: nothing says the "
                         "attestation is of this one"),
    "not_anchor_file": ("{path}：不是锚点文件", "{path}: not an anchor file"),
    "audit_broken": ("审计日志已损坏：{problem}", "audit log broken: {problem}"),
    "audit_disagree": ("审计日志完整，但有 {count} 个见证文件或数据表行与其不符（见上）",
                       "audit log intact, but {count} witnesses or table rows disagree with it "
                       "(listed above)"),
    # --- backup and restore (backup.py) -----------------------------------------------------
    "backup_signed": ("备份链头已签名：{path}（{name}）；请与备份一同保存",
                      "the backup's head is signed in {path} ({name}); keep it with the backup"),
    "backup_not_signed": ("备份未签名：只有办公室或管理员的密钥能为备份签名，"
                          "恢复时须加 --unsigned",
                          "the backup is not signed: only an office or admin key signs one, "
                          "and restoring it will need --unsigned"),
    "restored_signed": ("备份由 {name} 签名", "the backup was signed by {name}"),
    "backup_unsigned": ("备份没有办公室或管理员的签名（{path}）："
                        "确认它是本单位的备份后加 --unsigned 恢复",
                        "the backup carries no signature of the office or an admin ({path}): "
                        "add --unsigned once you know it is the office's"),
    "backup_signature_bad": ("{path} 不是有效的备份签名", "{path} is no valid backup signature"),
    "backup_signature_other": ("{path} 签名的不是这份备份的链头：不予恢复",
                               "{path} signs another head than this backup's: not restored"),
    "backup_signer_not_office": ("{path} 的签名人不是当时的办公室成员或管理员：不予恢复",
                                 "{path} was signed by nobody holding the office or admin role "
                                 "then: not restored"),
    "restore_forked": ("备份的第 {seq} 条记录与本机见过的不同：它不是本工作区的日志，不予恢复",
                       "record {seq} of the backup differs from the one this computer saw: it is "
                       "not this workspace's log, and is not restored"),
    "submit_unshown": ("标题或文件名含控制字符或文字方向控制符（{what}：{value}），显示的文字"
                       "会与签名的不同：请改正后再提交",
                       "the {what} holds control or direction characters ({value}): it would "
                       "read otherwise than what is signed; correct it and submit again"),
    "submit_no_account": ("没有备案名称为“{name}”的账号（见 `review accounts list`）",
                          "no account on file called {name!r} (see `review accounts list`)"),
    "backup_written": ("已备份到 {path}：{records} 条日志记录，链头 {head}…，已核验",
                       "backed up to {path}: {records} log records, head {head}…, checked"),
    "restored": ("已恢复到 {path}：{records} 条日志记录，链头 {head}…，已核验",
                 "restored into {path}: {records} log records, head {head}…, checked"),
    "backup_rows": ("各表行数：{rows}", "rows: {rows}"),
    "not_backup": ("{path} 不是 review 的备份文件", "{path} is not a review backup"),
    "backup_damaged": ("备份 {path} 已损坏：{problem}", "the backup {path} is damaged: {problem}"),
    "backup_version": ("备份 {path} 的存储版本为 {version}，本工具为 {expected}",
                       "the backup {path} has store version {version}; this tool has {expected}"),
    "backup_broken": ("备份 {path} 未通过核验（{problem}）：不予使用",
                      "the backup {path} does not verify ({problem}): not used"),
    "backup_empty": ("备份 {path} 没有日志记录", "the backup {path} holds no log records"),
    "restore_needs_witnesses": ("请用 --witnesses 指定被替换工作区的见证目录"
                                "（.review/witness），以核对备份之后是否有人见过更多记录；"
                                "旧工作区已不存在时，确认后加 --accept-loss",
                                "name the witness directory of the workspace the backup replaces "
                                "(--witnesses .review/witness), so that records members saw "
                                "after the backup are known; if that workspace is gone, add "
                                "--accept-loss"),
    "restore_no_witnesses": ("{path} 中没有见证：请用 --witnesses 指定被替换工作区的"
                             " .review/witness；旧工作区已不存在时，确认后加 --accept-loss",
                             "no witness in {path}: name the witness directory of the workspace "
                             "the backup replaces (OLD/.review/witness) with --witnesses, or, "
                             "where it is gone with its disk, restore with --accept-loss"),
    "restore_witnessed_loss": ("见证 {name} 见过第 {seq} 条记录，而备份止于第 {records} 条或与之"
                               "不同：恢复将丢失此后的记录（例如其后的退回）；请恢复更新的备份，"
                               "或在办公室确认丢失内容后加 --accept-loss",
                               "the witness {name} saw record {seq}, which the backup (ending at "
                               "record {records}) lacks or holds otherwise: restoring it would "
                               "lose the records after it (a rejection, say); restore a later "
                               "backup, or add --accept-loss once the office knows what is "
                               "lost"),
    "restore_not_empty": ("{store} 已有数据：只能恢复到空的工作区",
                          "{store} is not empty: a backup is restored into an empty workspace "
                          "only"),
    "restore_other_owner": ("工作区属于系统用户 {owner}（首条记录已签名），当前用户为 {uid}："
                            "请以该用户身份恢复",
                            "the workspace belongs to OS user {owner} (signed into its first "
                            "record), you are {uid}: restore as that user"),
    "restore_loses": ("备份止于第 {records} 条记录，但本机曾见过第 {seen} 条：此后的记录将丢失；"
                      "确认后加 --accept-loss 恢复",
                      "the backup ends at record {records}, but this computer saw record "
                      "{seen}: the records after it would be lost; add --accept-loss to restore "
                      "anyway"),
    "audit_intact": ("审计日志完整；数据表与其一致", "audit log intact; the tables agree with it"),
    "log_empty": ("日志为空", "the log is empty"),
    "anchored": ("{path}：第 {seq} 条记录", "{path}: record {seq}"),
    # --- marks, feedback and rule health (marks.py, learn.py) ------------------------------
    "mark_form": ("--mark {mark}：应为 起点:终点:类别（review show 所示正文的字符位置）",
                  "--mark {mark}: expected START:END:CATEGORY (character offsets into the "
                  "text `review show` presents)"),
    "mark_category": ("--mark {mark}：未知类别（可用：{categories}）",
                      "--mark {mark}: unknown category (one of {categories})"),
    "mark_empty": ("--mark {mark}：起点须小于终点", "--mark {mark}: START must be below END"),
    "mark_outside": ("--mark {mark}：超出稿件正文（共 {size} 个字符）",
                     "--mark {mark}: beyond the draft's text ({size} characters)"),
    "show_marks": ("驳回时标注的段落：", "passages marked by the rejection:"),
    "stats_bad_month": ("--period {value}：应为月份 YYYY-MM", "--period {value}: expected a month, "
                        "YYYY-MM"),
    "period_and_since": ("--period 与 --since 只能用其一", "give --period or --since, not both"),
    "feedback_written": ("{count} 条样例：{tsv}，{jsonl}", "{count} examples: {tsv}, {jsonl}"),
    "feedback_unavailable": ("{count} 条较早的放行未随签名记下所在句子，且其稿件版本已不在库中："
                             "未导出",
                             "{count} earlier overrides signed no sentence and their version "
                             "is no longer in the store: not exported"),
    "stats_rule_header": ("规则\t类别\t发现\t放行\t驳回引用\t放行率",
                          "rule\tcategory\tfindings\toverrides\trejections\trate"),
    "stats_category_header": ("类别\t发现\t放行\t驳回引用\t放行率",
                              "category\tfindings\toverrides\trejections\trate"),
    "stats_flagged": ("放行率高于 {threshold} 的规则（至少 {least} 条发现）：",
                      "rules overridden above {threshold} (at least {least} findings):"),
    "stats_none_flagged": ("没有放行率高于 {threshold} 的规则（至少 {least} 条发现）",
                           "no rule overridden above {threshold} (at least {least} findings)"),
    "stats_flagged_line": ("{rule} {message}：放行 {overrides}/{findings}（{rate}），"
                           "放行处：{phrases}",
                           "{rule} {message}: {overrides}/{findings} overridden ({rate}), on: "
                           "{phrases}"),
    "suggest_head": ("review stats --suggest 的建议（{period}），须经本单位审阅后方可采用",
                     "suggested by review stats --suggest ({period}); for the organisation "
                     "to review"),
    "suggest_how": ("确认无误的短语由管理员签入审核策略（review policy allow 短语…），"
                    "送审检查即不再报告其中内容；并入 review.toml 的 allow 列表提交后，"
                    "本人检查和 CI 亦然。"
                    "本文件本身不改变任何检查。",
                    "an admin signs the phrases you accept into the policy (review policy "
                    "allow PHRASE…) and the check that gates release reports nothing inside "
                    "them; copied into the allow list of review.toml and committed, neither "
                    "do check and CI. This file changes no check by itself."),
    "period_all": ("全部记录", "every record"),
}
