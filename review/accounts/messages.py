"""The accounts and alerts commands' messages in Chinese and English: key → (zh, en), said by
review.i18n.t. Keys are unique across every table (tests/test_messages.py)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # --- errors (registry.py, alerts.py, calendar.py) -------------------------------------
    "no_account": ("没有名为“{name}”的账号（见 `review accounts list`）",
                   "no account called {name!r} (see `review accounts list`)"),
    "account_exists": ("名为“{name}”的账号已备案", "an account called {name!r} is already on file"),
    "unit_drawn_alike": ("单位“{unit}”与已有单位“{other}”写法相同而字符不同（全角/半角、繁简、"
                         "不可见字符或形近字）：二四六按单位计数，会被分开计算；请使用“{other}”",
                         "the unit {unit!r} is drawn as the unit {other!r} on file but is "
                         "another string (full-width, traditional, invisible or look-alike "
                         "characters): the 二四六 count would be split; use {other!r}"),
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
    "resolved_before_alert": ("警报 {alert} 发生于 {alert_day}，不能于更早的 {day} 解除",
                              "alert {alert} was raised on {alert_day}: it cannot be resolved "
                              "on {day}, before it"),
    "before_calendar": ("{day} 早于本工具所知的法定节假日安排（{first}–{last}）：请在配置 "
                        "[calendar] holidays 中提供该年度的节假日文件",
                        "{day} lies before the official holiday calendar this tool knows "
                        "({first}–{last}): supply that year's holiday file in the config's "
                        "[calendar] holidays"),
    # the organisation's holiday files ([calendar] holidays)
    "holiday_file": ("节假日文件 {path}：{problem}", "holiday file {path}: {problem}"),
    "holiday_unreadable": ("无法读取：{reason}", "cannot read: {reason}"),
    "holiday_not_toml": ("不是有效的 TOML：{reason}", "not valid TOML: {reason}"),
    "holiday_unknown_key": ("未知的键“{key}”（可用：year、holidays、workdays）",
                            "unknown key {key!r} (keys: year, holidays, workdays)"),
    "holiday_needs_year": ("须写明年份，如 year = 2027", "needs its year, e.g. year = 2027"),
    "holiday_not_list": ("{key} 须为日期列表", "{key} should be a list of dates"),
    "holiday_bad_date": ("{key} 中的“{value}”不是日期（应为 YYYY-MM-DD）",
                         "{key}: {value!r} is not a date (expected YYYY-MM-DD)"),
    "holiday_other_year": ("{key} 中的 {day} 不在 {year} 年内", "{key}: {day} is not in {year}"),
    "holiday_and_workday": ("{day} 既列为放假又列为上班",
                            "{day} is listed both as a holiday and as a workday"),
    "workday_not_weekend": ("workdays 中的 {day} 不是周末：调休上班日只能是周六或周日",
                            "workdays: {day} is not a weekend (adjusted working days are "
                            "Saturdays or Sundays)"),
    "holiday_year_twice": ("{year} 年已由 {other} 给出", "{year} is already given by {other}"),
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
    "activity_twice": ("review_activity 第 {row} 行：重复了另一行经签名的数据",
                       "review_activity row {row}: a copy of another signed row"),
    "activity_missing": ("review_activity：经签名导入的一行（{digest}…）已不在表中",
                         "review_activity: a row a signed import added ({digest}…) is gone"),
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
    "provisional_mark": ("（暂定）", " (provisional)"),
    "provisional_note": ("暂定：{years} 年的法定节假日安排尚未掌握，期限只计算了周末和"
                         "元旦、劳动节、国庆节；春节、清明、端午、中秋及调休须待国务院"
                         "公布。公布后在配置 "
                         "[calendar] holidays 中加入该年文件（或升级 chinese-calendar），再运行 "
                         "`review accounts recompute`",
                         "provisional: the official holiday calendar of {years} is not known "
                         "yet, so only weekends, New Year's Day, Labour Day and National Day "
                         "were counted; Spring Festival, Qingming, Dragon Boat, Mid-Autumn and "
                         "the adjusted working days wait for the State Council's notice. Then "
                         "add that year's file to the config's [calendar] holidays (or upgrade "
                         "chinese-calendar) and run `review accounts recompute`"),
    "deadline_outdated": ("  按现有节假日安排，#{id} 应为：备案期限 {deadline}，公示至 {notice}；"
                          "请运行 `review accounts recompute`",
                          "  on the calendar now known, #{id} gives: filing by {deadline}, "
                          "notice until {notice}; run `review accounts recompute`"),
    "deadline_recomputed": ("#{id} {account} {kind} {date}：备案期限 {old_deadline} → {deadline}，"
                            "公示至 {old_notice} → {notice}",
                            "#{id} {account} {kind} {date}: filing by {old_deadline} → "
                            "{deadline}, notice until {old_notice} → {notice}"),
    "deadlines_recomputed": ("已重新计算 {count} 个事件的期限",
                             "{count} events' deadlines recomputed"),
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
    "alert_unit_not_on_file": ("提示：没有备案账号属于“{unit}”，请核对单位名称；"
                               "二四六按单位名称计数{close}",
                               "note: no account on file belongs to \"{unit}\": check the name; "
                               "alerts are counted by the unit's name{close}"),
    "alert_unit_close": ("（是否指“{unit}”？）", " (did you mean \"{unit}\"?)"),
    "alert_resolved_on": ("已于 {day} 解除", "resolved {day}"),
    "alert_open": ("未解除", "open"),
    "alert_resolved": ("警报 {alert}：已解除", "alert {alert}: resolved"),
    "alert_status": ("{unit}：{count} 次警报（{first}–{last}）；约谈：{interview}",
                     "{unit}: {count} alerts ({first}–{last}); interview: {interview}"),
    "no_interview": ("无", "none"),
    "score_indices": ("勤勉 {diligence} 效果 {effect} 内容 {content} 集群 {cluster} 成长 {growth}",
                      "diligence {diligence} effect {effect} content {content} cluster "
                      "{cluster} growth {growth}"),
    # --- holiday duty (duty.py, duty_notice.py, duty_commands.py) -------------------------
    "duty_from_after_to": ("--from {first} 晚于 --to {last}",
                           "--from {first} is after --to {last}"),
    "duty_too_long": ("{first} 至 {last} 超过 {limit} 天：请分段排班",
                      "{first} to {last} is more than {limit} days: plan it in parts"),
    "duty_calendar_unknown": ("{year} 年的法定节假日安排尚未掌握，无法排班：请在配置 [calendar] "
                              "holidays 中加入该年的节假日文件",
                              "the official holiday calendar of {year} is not known, so its duty "
                              "cannot be planned: add that year's holiday file to the config's "
                              "[calendar] holidays"),
    "duty_nobody": ("名册上没有持有 {roles} 角色的在岗人员（见 `review roster`）",
                    "nobody on the roster with a key in force holds the role {roles} (see "
                    "`review roster`)"),
    "duty_person_revoked": ("{name} 已被撤销，不能值班", "{name} is revoked and cannot take duty"),
    "duty_no_plan": ("{day} 是休息日，但没有已保存的值班安排（见 `review duty plan --save`）",
                     "{day} is a day off, but no saved duty roster covers it (see `review duty "
                     "plan --save`)"),
    "duty_already": ("{day} 已由 {name} 值班", "{name} is already on duty on {day}"),
    "duty_weekend": ("周末", "weekend"),
    "duty_holiday": ("节假日", "holiday"),
    "weekday_names": ("周一 周二 周三 周四 周五 周六 周日", "Mon Tue Wed Thu Fri Sat Sun"),
    "duty_columns": ("日期,星期,类型,值班人员", "date,weekday,kind,person"),
    "duty_title": ("节假日值班安排（{first} 至 {last}）",
                   "Holiday duty roster ({first} to {last})"),
    "duty_count": ("{person}：值班 {days} 天，其中节假日 {holidays} 天",
                   "{person}: on duty {days} (holidays {holidays})"),
    "duty_none": ("{first} 至 {last} 没有周末或节假日",
                  "no weekend or holiday from {first} to {last}"),
    "duty_saved": ("已保存 {first} 至 {last} 的值班安排（{count} 天），并签名记入审计日志",
                   "the duty roster from {first} to {last} is saved ({count} days), signed into "
                   "the audit log"),
    "duty_on": ("{date} {weekday}（{kind}）值班：{person}",
                "{date} {weekday} ({kind}) on duty: {person}"),
    "duty_working_day": ("{date} {weekday} 是工作日，无节假日值班",
                         "{date} {weekday} is a working day: no holiday duty"),
    "duty_swapped": ("{date} 改由 {person} 值班（原为 {was}），已签名记入审计日志",
                     "{date}: {person} is on duty instead of {was}, signed into the audit log"),
}
