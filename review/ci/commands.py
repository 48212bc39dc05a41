"""The commands: `review ci`, `review baseline`, `review published`."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from review.schema import MAX_ID

FORMATS = ("text", "json", "sarif", "github", "junit")


@click.command()
@click.option("--base", help="比较的基线提交（默认与默认分支的合并基点）/ the base revision")
@click.option("--all", "all_files", is_flag=True, help="检查全部可发布文件 / every file")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text")
@click.option("--lang", type=click.Choice(["zh", "en"]))
def ci(base: str | None, all_files: bool, fmt: str, lang: str | None) -> None:
    """持续集成门禁：检查本次变更的可发布文件 / the CI gate for a content repository."""
    from review.ci import gate
    from review.ci import report as ci_report
    from review.i18n import speak

    speak(lang)
    report = gate.run(Path.cwd(), base, all_files, lang)
    lang = lang or "zh"
    if fmt == "text":
        out = ci_report.render_text(report, lang)
        if out:
            click.echo(out)
        click.echo(ci_report.table(report))
    else:
        if fmt == "json":
            click.echo(ci_report.render_json(report, lang))
        elif fmt == "github":
            out = ci_report.render_github(report, lang)
            if out:
                click.echo(out)
        elif fmt == "sarif":
            click.echo(ci_report.render_sarif(report, lang, report.rules))
        else:
            click.echo(ci_report.render_junit(report, lang))
        click.echo(ci_report.table(report), err=True)
    sys.exit(report.exit_code())


@click.command("baseline")
@click.option("--out", type=click.Path(dir_okay=False),
              help="默认为配置 [ci] baseline（.review/baseline.json）")
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
    click.echo(f"{path}: {sum(len(v) for v in found.values())} findings in {len(found)} files")


@click.command()
@click.argument("item_id", type=click.IntRange(1, MAX_ID))
@click.option("--file", "saved", required=True, type=click.Path(dir_okay=False, exists=True),
              help="发布后页面另存的 HTML 或文本 / the page as published (HTML or text)")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
def published(item_id: int, saved: str, fmt: str) -> None:
    """发布后核对：与审核通过的内容比对（双向反馈）/ compare a published page with the approval."""
    import json

    from review.ci import published as comparing

    problems = comparing.compare_item(item_id, Path(saved))
    if fmt == "json":
        click.echo(json.dumps({"item": item_id, "problems": problems}, ensure_ascii=False,
                              indent=2))
    else:
        for p in problems:
            click.echo(f"{p['kind']}: {p['detail']}")
        click.echo("一致 / matches the approved content" if not problems
                   else f"{len(problems)} 处不一致 / differences")
    sys.exit(1 if problems else 0)

