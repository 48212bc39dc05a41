"""The desk's words in Chinese and English: key → (zh, en), said by review.i18n.t.
Keys are unique across every table (tests/test_messages.py)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # --- the guard and the command --------------------------------------------------------
    "desk_peer_refused": ("审核台只接受本机访问（{peer}）：如需他机访问，请以 --host 启动",
                          "the desk answers this computer only ({peer}): start it with --host "
                          "to answer others"),
    "desk_host_refused": ("地址不符：请使用终端中显示的地址打开审核台",
                          "wrong address: open the desk at the address printed in the terminal"),
    "desk_token_refused": ("启动令牌不符或已使用过（每个地址只能打开一次）：在运行 review serve "
                           "的终端按回车键获取新地址",
                           "wrong or spent start token (each address opens the desk once): "
                           "press Enter in the terminal running review serve for a new one"),
    "desk_peer_other_user": ("此连接来自本机的另一个用户：审核台只接受启动它的用户",
                             "this connection is another user's on this computer: the desk "
                             "answers only the user who started it"),
    "desk_body_refused": ("请求过大或未注明长度（上限 {limit} 字节）",
                          "the request is too large or has no length (limit {limit} bytes)"),
    "desk_control_chars": ("输入含控制字符或文字方向控制符：未签名",
                           "the input holds control or direction characters: nothing was "
                           "signed"),
    "desk_passphrase_locked": ("口令错误次数过多：本次运行不再签名，请重新运行 review serve",
                               "too many wrong passphrases: this run signs nothing more; run "
                               "review serve again"),
    "desk_token_needed": ("请使用终端中显示的完整地址（含启动令牌）打开审核台",
                          "open the desk with the full address printed in the terminal (it "
                          "carries the start token)"),
    "desk_csrf_refused": ("表单已失效（缺少或不符的校验令牌）：请刷新页面后重试",
                          "the form is stale (missing or wrong CSRF token): reload the page "
                          "and try again"),
    "desk_started": ("审核台已启动，身份：{name}（{key}）。在浏览器中打开：\n{url}\n"
                     "按 Ctrl-C 停止。",
                     "the desk is running as {name} ({key}). Open in a browser:\n{url}\n"
                     "Ctrl-C stops it."),
    "desk_renew_hint": ("此地址只能使用一次；在此按回车键可获得新地址",
                        "this address opens the desk once; press Enter here for a new one"),
    "desk_remote_warning": ("警告：审核台将接受 {host} 上的其他计算机访问，它以你的密钥签名；"
                            "请确保只有可信的人能访问该网络",
                            "warning: the desk will answer other computers on {host}, and it "
                            "signs with your key; make sure only trusted people reach that "
                            "network"),
    "desk_wildcard_host": ("--host {host} 不是一个地址：请写出其他计算机访问审核台所用的地址"
                           "或主机名",
                           "--host {host} is every address: name the address or host name "
                           "other computers reach the desk at"),
    "desk_port_busy": ("无法在 {host}:{port} 上启动审核台：{reason}",
                       "cannot start the desk on {host}:{port}: {reason}"),
    "desk_passphrase_wrong": ("口令不正确：未签名", "wrong passphrase: nothing was signed"),
    "desk_passphrase_needed": ("请输入私钥口令以签名", "enter your key's passphrase to sign"),
    "desk_confirm_needed": ("请勾选确认后再提交", "tick the confirmation before you submit"),
    "desk_not_found": ("没有该页面", "no such page"),
    "desk_bad_request": ("无法处理该请求（表单格式不符）", "the request could not be read (not "
                         "a form of the desk)"),
    "desk_no_account": ("没有名为 {name} 的账号", "no account named {name}"),
    "desk_bad_month": ("月份格式应为 2026-11", "a month is written 2026-11"),
    # --- page words -------------------------------------------------------------------------
    "desk_title": ("审核台", "review desk"),
    "desk_queue": ("待审稿件", "queue"),
    "desk_accounts": ("账号管理", "accounts"),
    "desk_me": ("当前身份：{name}（{roles}）", "signed in as {name} ({roles})"),
    "desk_mine": ("待我审核", "waiting for me"),
    "desk_all": ("全部待审", "all pending"),
    "desk_unit": ("单位", "unit"),
    "desk_category": ("类别", "category"),
    "desk_any": ("全部", "any"),
    "desk_filter": ("筛选", "filter"),
    "desk_item": ("编号", "item"),
    "desk_draft_title": ("标题", "title"),
    "desk_editor": ("编辑", "editor"),
    "desk_level": ("审核级", "level"),
    "desk_waiting": ("等待", "waiting"),
    "desk_age": ("{days} 天 {hours} 小时", "{days} d {hours} h"),
    "desk_age_unknown": ("未知", "unknown"),
    "desk_worst": ("结论", "decision"),
    "desk_counts": ("问题数", "findings"),
    "desk_queue_empty": ("没有待审稿件", "nothing is waiting"),
    "desk_level_release": ("待发布", "to release"),
    "desk_findings": ("发现的问题", "findings"),
    "desk_no_findings": ("未发现问题", "no findings"),
    "desk_explain": ("规则说明", "about this rule"),
    "desk_version": ("版本", "version"),
    "desk_state": ("状态", "state"),
    "desk_path": ("文件", "file"),
    "desk_text": ("正文（读者所见）", "the text as a reader sees it"),
    "desk_text_extracted": ("正文（从文件中提取的文字；字体若把字形映射为别的字，这里的文字可能与"
                            "打印出的不同：请对照原文件）",
                            "the text extracted from the file (a font that maps its glyphs to "
                            "other characters prints otherwise: compare with the file)"),
    "desk_hidden_text": ("此稿件含有元素自身的标记隐藏的文字：检查读过它，正文按读者通常所见"
                         "不显示它；但网页或网站的样式表可以让它显示出来（如样式 display: "
                         "block 会显示 <p hidden>），请在下面“检查读到的全文”中读它；"
                         "见问题列表中“读者看不到”的条目",
                         "this draft holds text hidden by its own markup: the check read it, "
                         "and the text above leaves it out as a reader usually sees it; but the "
                         "page's or the site's style sheet can show it (display: block "
                         "shows a <p hidden>): read it below, in the whole text the check read; "
                         "see the findings marked as not shown"),
    "desk_checked_text": ("检查读到的全文（含隐藏的文字）", "the whole text the check read (hidden "
                          "text included)"),
    "desk_undrawn": ("读者看不到：位于文件中隐藏的文字里", "not shown to readers: in text the "
                     "file hides"),
    "desk_joined": ("读者看到的是连在一起的字：文件在这些字之间夹了隐藏的文字，检查把它们连起来读",
                    "a reader sees these words joined: the file parts them with hidden text, "
                    "and the check read them joined"),
    "desk_unplaced": ("此稿件过长，无法在正文中标出问题位置：请按问题列表核对",
                      "this draft is too long to mark its findings in the text: check them "
                      "against the list"),
    "desk_previous": ("上一版本", "the previous version"),
    "desk_previous_none": ("这是第一版", "this is the first version"),
    "desk_new_findings": ("本版新出现", "new in this version"),
    "desk_gone_findings": ("上一版有、本版已无", "in the previous version, gone now"),
    "desk_text_not_kept": ("存储只保留当前版本的正文；以下比较两版的问题",
                           "the store keeps only the current version's text; the findings of "
                           "the two versions are compared"),
    "desk_history": ("审核记录", "history"),
    "desk_record": ("审核档案（可打印）", "record for inspectors (printable)"),
    "desk_download": ("下载 HTML", "download HTML"),
    "desk_seq": ("序号", "record"),
    "desk_kind": ("操作", "action"),
    "desk_who": ("签名人", "signed by"),
    "desk_role": ("角色", "role"),
    "desk_when": ("时间", "when"),
    "desk_what": ("内容", "what"),
    "desk_hash": ("内容哈希", "content hash"),
    "desk_counts_nothing": ("不计入当前版本（规则不予认可，或针对其他版本）",
                            "counts for nothing now (void under the rules, or of another "
                            "version)"),
    "desk_unsigned": ("（无有效签名）", "(no valid signature)"),
    "desk_actions": ("审核操作", "actions"),
    "desk_approve": ("审核通过", "approve"),
    "desk_reject": ("退回", "reject"),
    "desk_override": ("放行阻断问题", "override a block finding"),
    "desk_consent": ("记录单位同意", "record the unit's consent"),
    "desk_comment": ("意见", "comment"),
    "desk_reason": ("理由", "reason"),
    "desk_finding": ("问题", "finding"),
    "desk_ref": ("同意文件文号", "document number"),
    "desk_passphrase": ("私钥口令", "key passphrase"),
    "desk_confirm": ("我已阅读此版本（{version}），确认以本人密钥签名",
                     "I read this version ({version}) and sign with my key"),
    "desk_done_approve": ("已签名：审核通过", "signed: approved"),
    "desk_done_reject": ("已签名：退回", "signed: rejected"),
    "desk_done_override": ("已签名：放行", "signed: overridden"),
    "desk_done_consent": ("已签名：单位同意", "signed: consent recorded"),
    "desk_not_actionable": ("此稿件当前不可操作（{state}）",
                            "nothing to do on this item ({state})"),
    "desk_suggestion": ("建议：{text}", "suggestion: {text}"),
    "desk_print": ("打印", "print"),
    "desk_record_title": ("稿件 {item} 审核档案", "record of item {item}"),
    "desk_month_title": ("{account} {month} 发布审核档案",
                         "{account}, {month}: what was released"),
    "desk_month_none": ("该月没有经审核发布的稿件",
                        "nothing was released through review that month"),
    "desk_made": ("生成于 {at}，工作区 {workspace}", "made {at}, workspace {workspace}"),
    # --- the accounts desk ------------------------------------------------------------------
    "desk_account": ("账号", "account"),
    "desk_platform": ("平台", "platform"),
    "desk_status": ("状态", "status"),
    "desk_deadlines": ("备案期限", "filing deadlines"),
    "desk_deadline": ("备案截止", "filing due"),
    "desk_notice_end": ("公示截止", "notice ends"),
    "desk_no_deadlines": ("近期没有备案期限", "no filing due soon"),
    "desk_duty": ("更新义务", "update duty"),
    "desk_days_silent": ("{days} 天未更新（要求 {limit} 天内）",
                         "{days} days silent (duty: {limit})"),
    "desk_never_posted": ("开设以来未发布", "nothing posted since it opened"),
    "desk_duty_met": ("所有账号均按期更新", "every account met its update duty"),
    "desk_alerts": ("违规警报（“二四六”）", "alerts (二四六)"),
    "desk_alert_count": ("本年警报", "alerts this year"),
    "desk_interview": ("约谈", "interview"),
    "desk_no_interview": ("未达约谈标准", "below the interview level"),
    "desk_open_alerts": ("未整改", "open"),
    "desk_notice": ("生成整改通报", "make the rectification notice"),
    "desk_no_alerts": ("没有警报", "no alerts"),
    "desk_indices": ("五项指数（近 {months} 个月）", "the five indices (last {months} months)"),
    "desk_no_scores": ("没有可计算指数的账号", "no open account to score"),
    "desk_month_record": ("月度档案", "month record"),
    "index_total": ("总分", "total"),
    "index_diligence": ("勤勉", "diligence"),
    "index_effect": ("效果", "effect"),
    "index_content": ("内容", "content"),
    "index_cluster": ("集群", "cluster"),
    "index_growth": ("成长", "growth"),
}
