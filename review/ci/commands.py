"""The commands: `review ci`, `review baseline`, `review published`."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from review.language import chosen, lang_option, say
from review.report import OUTPUT_FORMATS, RENDERERS
from review.report import echo as echo_report
from review.tables import MAX_ID


@click.command()
@click.option("--base", help="比较的基线提交（默认与默认分支的合并基点）/ the base revision")
@click.option("--all", "all_files", is_flag=True, help="检查全部可发布文件 / every file")
@click.option("--format", "fmt", type=click.Choice(OUTPUT_FORMATS), default="text")
@lang_option
def ci(base: str | None, all_files: bool, fmt: str) -> None:
    """持续集成门禁：检查本次变更的可发布文件 / the CI gate for a content repository."""
    from review.ci import gate
    from review.ci.report import to_report
    from review.i18n import speak
    from review.report import text

    # --lang or REVIEW_LANG, else the lang of the config at the base revision
    gate_report = gate.run(Path.cwd(), base, all_files, chosen())
    speak(gate_report.lang)
    report = to_report(gate_report)
    echo_report(RENDERERS[fmt].render(report, gate_report.lang))
    if fmt != "text":  # the table is part of the text format; beside the others, on stderr
        click.echo(text.gate_table(report, gate_report.lang), err=True)
    sys.exit(gate_report.exit_code())


@click.command("baseline")
@click.option("--out", type=click.Path(dir_okay=False),
              help="默认为配置 [ci] baseline（.review/baseline.json）")
@lang_option
def baseline_cmd(out: str | None) -> None:
    """记录现有问题作为基线，之后只报告新问题 / record today's findings; later report new ones."""
    from review.ci import baseline, gate, git
    from review.loading import Source
    from review.pipeline import Pipeline

    root = git.root(Path.cwd())
    config, _ = gate.base_config(root, None)
    pipeline = Pipeline(config)
    found = {}
    for path in git.tracked(root):
        if gate.publishable(path, config) and (root / path).is_file():
            found[path] = pipeline.check_source(Source(path, root / path)).findings
    path = Path(out) if out else root / config.ci.baseline
    baseline.write(path, baseline.build(found))
    click.echo(say("baseline_written", path=path, findings=sum(len(v) for v in found.values()),
                   files=len(found)))


@click.command()
@click.argument("item_id", type=click.IntRange(1, MAX_ID))
@click.option("--file", "saved", required=True,
              type=click.Path(dir_okay=False, exists=True, allow_dash=True),
              help="发布后页面另存的 HTML 或文本，- 表示标准输入 / the page as published (HTML "
                   "or text; - for stdin)")
@click.option("--require-saved", is_flag=True,
              help="页面引用的图片未随页面保存、无法比对的，也视为不一致 / a picture the page "
                   "loads that was not saved with it (so not compared) fails too")
@click.option("--format", "fmt", type=click.Choice(OUTPUT_FORMATS), default="text")
@lang_option
def published(item_id: int, saved: str, require_saved: bool, fmt: str) -> None:
    """发布后核对：与审核通过的内容比对（双向反馈）/ compare a published page with the approval.

    页面与审核稿的每处不一致都是一条 RV1xx 问题；有不一致时退出码为 1。页面另存时一并保存的
    图片按内容（SHA-256）与审核时绑定的文件比对；未随页面保存的图片列为“未比对”。"""
    from review.ci import published as comparing
    from review.config import load_config
    from review.i18n import spoken
    from review.loading import discover

    config = load_config()  # the workspace's config, found from here
    lang = spoken()  # --lang, REVIEW_LANG, else that config's lang
    page = next(iter(discover([saved])))
    # the page is refused over max-file-size, as `review check` refuses a draft
    report = comparing.compare_item(item_id, page, lang, config.max_bytes, require_saved)
    echo_report(RENDERERS[fmt].render(report, lang))
    sys.exit(1 if any(f.result.findings for f in report.files) else 0)

