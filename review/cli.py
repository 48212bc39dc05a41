"""The `review` command line."""

from __future__ import annotations

import json
import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import click

from review import __version__, check_options, checking
from review.boundary import guarded
from review.errors import EXIT_FINDINGS, ConfigError, Refused, ReviewError, UsageError
from review.language import lang_option
from review.rules.kinds import Kind

if TYPE_CHECKING:
    from review.config import Config

_ARGV = "review.argv"
CATEGORIES = ("illegal", "security", "secrets", "ads", "opinion", "consent", "expression",
              "release")
RULE_KINDS = tuple(Kind)

# Commands whose modules are imported only when they run, so that `review --help` and
# `review check` do not pay for the workflow's database and crypto libraries.
LAZY = {
    "keygen": ("review.workflow.commands:keygen", "生成签名密钥对 / create your key pair"),
    "init": ("review.workflow.commands:init", "创建审核工作区 / create a workspace"),
    "whoami": ("review.workflow.commands:whoami", "当前身份 / who your key says you are"),
    "roster": ("review.workflow.commands:roster", "名册 / people, keys, roles"),
    "policy": ("review.workflow.commands:policy", "审核链 / the review chain"),
    "submit": ("review.workflow.commands:submit", "提交稿件 / submit a draft"),
    "queue": ("review.workflow.commands:queue", "待审事项 / items waiting for review"),
    "show": ("review.workflow.commands:show", "查看稿件 / a draft with its findings"),
    "approve": ("review.workflow.commands:approve", "审核通过 / approve at your level"),
    "reject": ("review.workflow.commands:reject", "退回 / reject"),
    "override": ("review.workflow.commands:override", "放行阻断问题 / override a finding"),
    "consent": ("review.workflow.commands:consent", "记录单位同意 / record consent"),
    "release": ("review.workflow.commands:release", "发布 / release with an attestation"),
    "log": ("review.workflow.commands:log_cmd", "事项历史 / an item's history"),
    "verify": ("review.workflow.commands:verify", "核验发布证明 / is this content released?"),
    "audit": ("review.workflow.commands:audit", "审计日志 / the audit log"),
    "backup": ("review.workflow.backup_commands:backup_cmd",
               "备份审核数据 / back up the store"),
    "restore": ("review.workflow.backup_commands:restore_cmd",
                "从备份恢复 / restore a backup"),
    "feedback": ("review.workflow.learn:feedback", "审核决定导出为样例 / decisions as examples"),
    "stats": ("review.workflow.learn:stats", "规则健康 / rule health from the decisions"),
    "ci": ("review.ci.commands:ci", "持续集成门禁 / the CI gate"),
    "baseline": ("review.ci.commands:baseline_cmd", "记录基线 / accept today's findings"),
    "published": ("review.ci.commands:published", "发布后核对 / check the published page"),
    "accounts": ("review.accounts.commands:accounts", "账号备案与评分 / the account registry"),
    "alerts": ("review.accounts.commands:alerts_group", "违规警报与约谈 / alerts and escalation"),
    "duty": ("review.accounts.duty_commands:duty_group", "节假日值班 / holiday duty"),
    "serve": ("review.desk.command:serve", "审核台网页 / the review desk in a browser"),
}


class ReviewGroup(click.Group):
    """The `review` group: commands imported when they run, and the one error boundary."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        ctx.meta[_ARGV] = list(args)  # for a crash log
        return super().parse_args(ctx, args)

    def invoke(self, ctx: click.Context) -> object:
        """Every command runs inside the one error boundary (review.boundary); click's own
        usage errors pass through it (exit 2)."""
        return guarded(lambda: super(ReviewGroup, self).invoke(ctx), ctx.meta.get(_ARGV, []),
                       passes=(click.exceptions.ClickException, click.exceptions.Exit,
                               click.exceptions.Abort))

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted([*super().list_commands(ctx), *LAZY])

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in LAZY:
            import importlib

            module, attr = LAZY[cmd_name][0].split(":")
            return getattr(importlib.import_module(module), attr)
        return super().get_command(ctx, cmd_name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(n, self.commands[n].get_short_help_str(60)) for n in super().list_commands(ctx)]
        rows += [(n, help_text) for n, (_, help_text) in LAZY.items()]
        with formatter.section("Commands"):
            formatter.write_dl(sorted(rows))


def _build() -> str:
    """Whether the install built the check's compiled loops (review/_kernels.c, optional):
    without them the check is the same, only slower, so `--version` says which it runs."""
    from importlib.util import find_spec

    if find_spec("review._kernels") is not None:
        return "编译加速 / compiled loops: 已启用 / built"
    return "编译加速 / compiled loops: 未构建，以 Python 计算 / not built, computed in Python"


@click.group(cls=ReviewGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="review",
                      message=f"%(prog)s, version %(version)s\n{_build()}")
def main() -> None:
    """政务新媒体发布前审核 — pre-publication review for government new-media drafts."""


@main.command()
@check_options.click_options
def check(**values: object) -> None:
    """检查稿件（文件、目录，或 - 表示标准输入）/ check drafts (files, directories, or -)."""
    checking.check(**values)  # type: ignore[arg-type]


@main.command()
@click.argument("path", type=click.Path(dir_okay=False, path_type=str))
@click.option("--in-place", "-i", is_flag=True, help="改写原文件 / rewrite the file")
@click.option("--config", "config_path", type=click.Path(dir_okay=False))
@click.option("--lang", type=click.Choice(["zh", "en"]))
@click.option("--date", "day", type=click.DateTime(["%Y-%m-%d"]))
def fix(path: str, in_place: bool, config_path: str | None, lang: str | None,
        day: datetime | None) -> None:
    """修正明确的错别字（待审级表述错误），阻断级问题须人工处理 / apply unambiguous typo fixes.

    修正后的全文以原编码写到标准输出（或 --in-place 改写原文件），差异写到标准错误。Word 文档在
    原格式内修正；跨越不同格式的修正不做，逐条说明，退出码为 1。"""
    from review import fix as fixing
    from review import inputs
    from review.decoding import encode
    from review.i18n import t
    from review.loading import discover, display_path, read_bytes
    from review.pipeline import Pipeline

    config = checking.configured(config_path, (), lang, None, (), (), day)
    lang = config.lang
    source = next(iter(discover([path])))
    kind = inputs.for_path(source.path)
    if kind.name == "pdf":
        raise UsageError(t("fix_pdf", lang))
    if kind.name == "docx" and not in_place and sys.stdout.isatty():
        raise UsageError(t("fix_binary_tty", lang))
    pipeline = Pipeline(config)
    try:
        data = read_bytes(source, config.max_bytes)
        doc = kind.read(data, source.display)
    except ReviewError as err:
        raise err.about(display_path(path)) from None
    result = pipeline.check(doc, lang)
    fixes = fixing.fixable(result.findings)
    if kind.name == "docx":
        out, applied = fixing.apply_docx(data, fixes)
    else:
        applied = fixing.in_place(doc, fixes)
        out = encode(fixing.apply(doc.original, applied), doc.encoding)
    fixed = fixing.apply(doc.original, applied)
    click.echo(fixing.diff(doc.original, fixed, source.display), err=True, nl=False)
    if in_place and source.path is not None:
        if applied:
            checking.write_atomically(source.path, out, source.display)
    else:  # the same bytes a file would get, so `review fix a.txt > b.txt` keeps the encoding
        sys.stdout.flush()
        sys.stdout.buffer.write(out)
        sys.stdout.buffer.flush()
    refused = [f for f in fixes if f not in applied]
    for f in refused:
        where = f"{source.display} {f.location.label(lang)}"
        key = "fix_refused" if kind.name == "docx" else "fix_refused_page"
        click.echo("review: " + t(key, lang, where=where, text=f.text,
                                  replacement=f.replacement), err=True)
    left = sum(1 for f in result.findings if f not in applied)
    click.echo(t("fixed", lang, fixed=len(applied), left=left), err=True)
    if refused:
        sys.exit(EXIT_FINDINGS)


@main.command()
@click.option("--config", "config_path", type=click.Path(dir_okay=False))
@click.option("--lang", type=click.Choice(["zh", "en"]))
@click.option("--category", type=click.Choice(CATEGORIES))
@click.option("--kind", type=click.Choice([k.value for k in RULE_KINDS]),
              help="只列出某种规则 / only rules of this kind")
@click.option("--explain", "explain_id", metavar="ID",
              help="说明一条规则或一个词类：查什么、为什么、示例和修改方法 / explain one rule or "
                   "word class")
@click.option("--classes", "list_classes", is_flag=True,
              help="列出规则所用的词类和立场 / list the word classes and stances rules use")
def rules(config_path: str | None, lang: str | None, category: str | None, kind: str | None,
          explain_id: str | None, list_classes: bool) -> None:
    """列出全部规则（编号、种类、类别、关口、级别、说明）/ list every rule, or explain one."""
    from review.i18n import CATEGORY_NAMES, GATE_NAMES, SEVERITY_NAMES, name
    from review.rules.explain import KIND_NAMES
    from review.rules.registry import collect
    from review.rules.schema import CLASS_KEY

    config = checking.configured(config_path, (), lang, None, (), ())
    lang = config.lang
    if list_classes:
        click.echo(_classes(config, None, lang))
        return
    registry = collect(config)
    if explain_id:
        try:
            spec = registry.get(explain_id)
        except ConfigError:
            if not CLASS_KEY.fullmatch(explain_id):
                raise
            # not a rule (ids are upper case or <file>:<term>): a word class, or a usage error
            click.echo(_classes(config, explain_id, lang))
            return
        click.echo(_explained(spec, config, lang))
        return
    for spec in registry.specs:
        rule = spec.rule
        if (category and rule.category.value != category) or (kind and spec.kind != kind):
            continue
        click.echo("\t".join([rule.id, name(KIND_NAMES, spec.kind, lang),
                              name(CATEGORY_NAMES, rule.category, lang),
                              name(GATE_NAMES, rule.gate, lang),
                              name(SEVERITY_NAMES, rule.severity, lang), rule.message(lang)]))


def _classes(config: Config, key: str | None, lang: str) -> str:
    """The word classes as a table, or one class's page."""
    from review.rules.classpages import class_page, class_rows
    from review.stages import cooccurrence

    classes, rules = cooccurrence.load(config)
    return "\n".join(class_rows(classes, lang)) if key is None else \
        class_page(key, classes, rules, lang)


def _explained(spec, config: Config, lang: str) -> str:
    """The rule's page, with the text its first example is reported on by the pipeline."""
    from review.pipeline import Pipeline
    from review.rules.explain import explain

    reported = None
    if spec.hit:
        day = {"date": spec.day} if spec.day else {}
        result = Pipeline(config.replace(**day)).check_text(spec.hit[0], lang=lang)
        reported = next((f.text for f in result.findings if f.rule == spec.id), None)
    return explain(spec, lang, reported)


@main.group()
def model() -> None:
    """分类模型：训练与评估 / the classifier model: train and evaluate."""


@model.command("train")
@click.option("--data", "data", multiple=True, type=click.Path(dir_okay=False),
              help="本单位的 label<TAB>text 样例（可多次）：与使用中的模型比较，变差则不写入 / "
                   "your own label<TAB>text examples (repeatable): compared with the model in "
                   "use, not written if worse")
@click.option("--out", type=click.Path(file_okay=False),
              help="输出目录（默认为使用中的模型：配置 model，否则 models/）/ where to write "
                   "(default: the model in use)")
@click.option("--force", is_flag=True,
              help="即使新模型在留出集上变差也写入 / write the new model even if it is worse")
@click.option("--config", "config_path", type=click.Path(dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@lang_option
def model_train(data: tuple[str, ...], out: str | None, force: bool, config_path: str | None,
                fmt: str) -> None:
    """用项目语料（及本单位数据）训练并导出模型 / train on the project's corpus and export.

    With --data: the figures before → after on the corpus's held-out part and on a part of
    your data, and no model written when a class's recall or the macro-F1 drops by more than
    0.01 (exit 1) unless --force. A retraining starts from the corpus: give every file of your
    own the model should learn, earlier ones too."""
    from review.model import corpus

    config = _model_config(config_path)
    in_use = _model_dir(config)
    directory = Path(out) if out else in_use
    if data:
        _retrain([Path(p) for p in data], in_use, directory, force, fmt)
        return
    from review.model import train

    shared: dict = {}
    card = train.train(corpus.default_files(), directory,
                       lambda staged, card: shared.update(_add_shared_evaluation(staged, card)))
    if fmt == "json":
        click.echo(json.dumps(card, indent=2, ensure_ascii=False))
    else:
        _print_metrics(card["holdout"], "text")
        _print_shared(shared)


def _model_config(config_path: str | None) -> Config:
    """The config whose `model` names the model in use; spoken in --lang / REVIEW_LANG, else
    in that config's `lang`."""
    from review.config import load_config
    from review.i18n import speak
    from review.language import chosen

    config = load_config(Path(config_path) if config_path else None)
    speak(chosen() or config.lang)
    return config


def _model_dir(config: Config) -> Path:
    """The model `review check` loads with this config (review.stages.classifier)."""
    from review.model.scorer import default_dir

    return config.root / config.model if config.model else default_dir()


def _retrain(data: list[Path], in_use: Path, out: Path, force: bool, fmt: str) -> None:
    """`review model train --data`: before → after, and the gate (review.model.retrain)."""
    from review.i18n import spoken
    from review.language import say
    from review.model import corpus, retrain

    lang = spoken()
    shared: dict = {}
    outcome = retrain.run(
        corpus.default_files(), data, in_use, out, force=force,
        progress=lambda key, **values: click.echo(say(key, **values), err=True),
        finish=lambda staged, card: shared.update(_add_shared_evaluation(staged, card)))
    report = outcome.report()
    if fmt == "json":
        click.echo(json.dumps({**report, "shared": shared}, indent=2, ensure_ascii=False))
    else:
        for line in retrain.lines(report, lang):
            click.echo(line)
        _print_shared(shared)
    worse = retrain.said_worse(outcome.worse, lang) if outcome.worse else ""
    if not outcome.written:
        raise Refused("retrain_refused", worse=worse, tolerance=retrain.TOLERANCE)
    if outcome.forced:
        click.echo(say("retrain_forced", worse=worse), err=fmt == "json")
    if fmt != "json":
        click.echo(say("retrain_written", path=outcome.model))


def _card(directory: Path) -> dict:
    try:
        card = json.loads((directory / "MODEL_CARD.json").read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as err:
        raise ConfigError(f"{directory / 'MODEL_CARD.json'}: cannot read: {err}") from None
    return card if isinstance(card, dict) else {}


def _add_shared_evaluation(directory: Path, card: dict) -> dict:
    """Outside figures go into the model card when ../shared/datasets is there; returned to
    print (on stderr, a note when it is not: stdout may be JSON)."""
    from review.config import CLASSIFIER_THRESHOLDS
    from review.language import say
    from review.model import shared
    from review.model.scorer import Scorer
    from review.model.train import write_card

    if not shared.datasets_dir().is_dir():
        click.echo(say("shared_not_found", path=shared.datasets_dir()), err=True)
        return {}
    figures = shared.evaluate(Scorer.load(directory), dict(CLASSIFIER_THRESHOLDS))
    card["shared_evaluation"] = {"thresholds": dict(CLASSIFIER_THRESHOLDS), **figures}
    write_card(directory, card)
    return figures


@model.command("eval")
@click.option("--data", "data", multiple=True, type=click.Path(dir_okay=False, exists=True),
              help="label<TAB>text 评估文件 / labelled files to evaluate on")
@click.option("--shared", is_flag=True,
              help="在 ../shared/datasets 上评估（广告召回、情绪召回、误报率）")
@click.option("--model", "model_dir", type=click.Path(file_okay=False))
@click.option("--config", "config_path", type=click.Path(dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
def model_eval(data: tuple[str, ...], shared: bool, model_dir: str | None,
               config_path: str | None, fmt: str) -> None:
    """按类别输出精确率、召回率、F1 和混淆矩阵 / per-class precision, recall, F1, confusion.

    Without --data or --shared: the held-out figures of the model card."""
    from review.model import corpus, evaluate
    from review.model.scorer import Scorer

    config = checking.configured(config_path, (), None, None, (), ())
    directory = Path(model_dir) if model_dir else _model_dir(config)
    scorer = Scorer.load(directory)
    report: dict = {}
    if not data and not shared:
        # The shipped model learnt from the whole corpus: its held-out figures are those of
        # the model fitted without the held-out part, measured when it was trained.
        report["holdout"] = _card(directory).get("holdout") or {}
        if not report["holdout"]:
            raise UsageError(f"{directory}: the model card has no held-out figures; give "
                             "--data FILE (label<TAB>text) or --shared")
    if data:
        labels, texts = corpus.read([Path(p) for p in data])
        report["data"] = evaluate.metrics(scorer, labels, texts, config.classifier)
    if shared:
        from review.model import shared as shared_data

        report["shared"] = shared_data.evaluate(scorer, config.classifier)
    if fmt == "json":
        click.echo(json.dumps(report, indent=2, ensure_ascii=False))
        return
    for part in ("holdout", "data"):
        if part in report:
            if part == "holdout":
                click.echo(f"held-out {report['holdout'].get('share', 0):.0%} of the corpus "
                           "(model fitted without it, figures from the model card):")
            _print_metrics(report[part], fmt)
    _print_shared(report.get("shared", {}))


def _print_shared(figures: dict) -> None:
    for task, f in figures.items():
        by_class = ", ".join(f"{k} {v}" for k, v in f.get("by_class", {}).items())
        click.echo(f"{task}: {f['flagged']}/{f['rows']} = {f['rate']:.2%}"
                   + (f" ({by_class})" if by_class else ""))


def _print_metrics(m: dict, fmt: str) -> None:
    click.echo(f"{'class':<10}{'precision':>10}{'recall':>10}{'f1':>10}{'support':>10}")
    for label, row in m["per_class"].items():
        click.echo(f"{label:<10}{row['precision']:>10.3f}{row['recall']:>10.3f}{row['f1']:>10.3f}"
                   f"{row['support']:>10}")
    click.echo(f"accuracy {m['accuracy']:.3f}")
    click.echo("confusion (rows: true, columns: predicted): " + " ".join(m["classes"]))
    for label, row in zip(m["classes"], m["confusion"], strict=True):
        click.echo(f"  {label:<10}" + "".join(f"{v:>8}" for v in row))
    if m.get("at_thresholds"):
        click.echo("flagged at the thresholds (as `review check` flags with them):")
        for label, row in m["at_thresholds"].items():
            click.echo(f"  {label:<10} ≥ {row['threshold']:.2f}  precision {row['precision']:.3f}"
                       f"  recall {row['recall']:.3f}")
