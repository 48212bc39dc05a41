"""The accounts and alerts commands' messages in Chinese and English: key → (zh, en), said by
review.i18n.t. Keys are unique across every table (tests/test_messages.py)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # --- errors (registry.py, alerts.py, calendar.py) -------------------------------------
    "no_account": ("没有名为“{name}”的账号（见 `review accounts list`）",
                   "no account called {name!r} (see `review accounts list`)"),
    "account_exists": ("名为“{name}”的账号已备案", "an account called {name!r} is already on file"),
    "file_unreadable": ("{path}：无法读取：{reason}", "{path}: cannot read: {reason}"),
    "row_needs_fields": ("{file}:{line}：须填写名称、单位和平台",
                         "{file}:{line}: needs name, unit and platform"),
    "row_problem": ("{file}:{line}：{problem}", "{file}:{line}: {problem}"),
    "unknown_event": ("未知事件“{kind}”；可用事件：{kinds}",
                      "unknown event {kind!r}; events: {kinds}"),
    "event_needs_basis": ("事件须注明依据：--decision（集体决策或主要负责人同意）",
                          "an event needs its basis: --decision (collective decision or the "
                          "principal's consent)"),
    "no_event": ("没有事件 {event}", "no event {event}"),
    "activity_columns": ("{path}：须有 account 和 date 列（以及可选的 {columns}）",
                         "{path}: needs columns account and date (and optionally {columns})"),
    "unknown_account": ("未知账号“{name}”", "unknown account {name!r}"),
    "bad_date": ("日期“{value}”有误（应为 YYYY-MM-DD）",
                 "bad date {value!r} (expected YYYY-MM-DD)"),
    "not_whole_number": ("{column} 不是整数：“{cell}”", "{column} is not a whole number: {cell!r}"),
    "negative": ("{column} 为负数：{number}", "{column} is negative: {number}"),
    "unknown_alert_kind": ("未知警报类型“{kind}”；可用类型：{kinds}",
                           "unknown alert kind {kind!r}; kinds: {kinds}"),
    "resolve_needs_report": ("解除警报须提供整改报告：--report TEXT",
                             "resolving an alert needs the rectification report: --report TEXT"),
    "no_alert": ("没有警报 {alert}", "no alert {alert}"),
    "alert_resolved_already": ("警报 {alert} 已于 {day} 解除",
                               "alert {alert} was already resolved on {day}"),
    "beyond_calendar": ("{day} 超出本工具所知的法定节假日安排（{first}–{last}）：国务院公布该年度"
                        "节假日安排后，请升级 chinese-calendar 软件包",
                        "{day} lies beyond the official holiday calendar this tool knows "
                        "({first}–{last}): upgrade the chinese-calendar package once the State "
                        "Council publishes that year's holidays"),
    "bad_period": ("期间“{text}”有误：请使用 2026、2026-10 或 2026-10-01:2026-10-31",
                   "period {text!r}: use 2026, 2026-10 or 2026-10-01:2026-10-31"),
    "date_range": ("{day}：日期须在 {first} 年至 {last} 年之间",
                   "{day}: dates run from {first} to {last}"),
    "office_tables_disagree": ("{problem}：办公室数据表与签名日志不符；请运行 "
                               "`review audit verify`",
                               "{problem}: the office's tables disagree with the signed log; "
                               "run `review audit verify`"),
    "activity_changed": ("review_activity 第 {row} 行：其数值与导入时不同",
                         "review_activity row {row}: its values differ from when it was "
                         "imported"),
    "activity_not_logged": ("review_activity 第 {row} 行：没有经签名的导入记录添加该行",
                            "review_activity row {row}: no signed import added it"),
    # --- output (commands.py) -------------------------------------------------------------
    "account_on_file": ("{name}：已备案（{unit}，{platform}）",
                        "{name}: on file ({unit}, {platform})"),
    "accounts_imported": ("已添加 {added} 个账号，跳过 {skipped} 个",
                          "{added} accounts added, {skipped} skipped"),
    "account_head": ("{name}（{unit}，{platform}，{status}），最近发布 {last}",
                     "{name} ({unit}, {platform}, {status}), last post {last}"),
    "account_event_line": ("  #{id} {date} {kind}：备案期限 {deadline}，公示至 {notice}，备案日期 "
                           "{filed}（{decision}）",
                           "  #{id} {date} {kind}: filing by {deadline}, notice until {notice}, "
                           "filed {filed} ({decision})"),
    "event_recorded": ("{name} {kind} {date}：请于 {deadline} 前备案；公示期至少至 {notice}",
                       "{name} {kind} {date}: file by {deadline}; public notice until at least "
                       "{notice}"),
    "event_filed": ("事件 {event}：已备案", "event {event}: filed"),
    "file_by": ("备案期限 {deadline}", "file by {deadline}"),
    "activity_imported": ("已添加 {added} 条，已导入过 {duplicates} 条，跳过 {skipped} 条",
                          "{added} added, {duplicates} already imported, {skipped} skipped"),
    "last_post": ("最近发布 {last}", "last post {last}"),
    "days_limit": ("{days} 天（上限 {limit} 天）", "{days} days (limit {limit})"),
    "alerts_raised": ("已登记 {count} 条警报", "{count} alerts raised"),
    "like_accounts": ("类似 {names}", "like {names}"),
    "account_figures": ("发布 {posts} 条，篇均阅读 {reads}，篇均互动 {interactions}",
                        "{posts} posts, {reads} reads/post, {interactions} interactions/post"),
    "alert_added": ("警报 {alert}：{unit} {kind}；本期 {count} 次",
                    "alert {alert}: {unit} {kind}; {count} this period"),
    "alert_interview": ("警报 {alert}：{unit} {kind}；本期 {count} 次 → 约谈：{interview}",
                        "alert {alert}: {unit} {kind}; {count} this period → interview: "
                        "{interview}"),
    "alert_resolved_on": ("已于 {day} 解除", "resolved {day}"),
    "alert_open": ("未解除", "open"),
    "alert_resolved": ("警报 {alert}：已解除", "alert {alert}: resolved"),
    "alert_status": ("{unit}：{count} 次警报（{first}–{last}）；约谈：{interview}",
                     "{unit}: {count} alerts ({first}–{last}); interview: {interview}"),
    "no_interview": ("无", "none"),
    "score_indices": ("勤勉 {diligence} 效果 {effect} 内容 {content} 集群 {cluster} 成长 {growth}",
                      "diligence {diligence} effect {effect} content {content} cluster "
                      "{cluster} growth {growth}"),
}
