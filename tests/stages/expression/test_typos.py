"""EX9501, typos nobody listed: found by confusable characters, fixed only when one word is
near, never in names or quotations, and jieba never loaded by a check."""

import subprocess
import sys

from review import fix
from review.stages.expression import typos


def findings(pipeline, text: str) -> list:
    return [f for f in pipeline.check_text(text).findings if f.rule == "EX9501"]


def test_an_unlisted_idiom_typo_is_found_with_its_correction(pipeline):
    text = "各村要坚持实事求事，因地制宜推进人居环境整治。"
    found = findings(pipeline, text)
    assert [(f.text, f.replacement) for f in found] == [("实事求事", "实事求是")]
    fixed = fix.apply(text, fix.fixable(pipeline.check_text(text).findings))
    assert "实事求是" in fixed and "实事求事" not in fixed


def test_a_typo_written_twice_is_taken_for_a_name(pipeline):
    """Names and terms repeat; a slip of the pen seldom does the same slip twice."""
    assert findings(pipeline, "同舟共际合作社成立于2019年。同舟共际合作社现有社员80户。") == []


def test_places_people_and_quotations_are_left_alone(pipeline):
    for text in ("欢迎来到同舟共际村参观。", "他在《任劳任冤》一书中写道。",
                 "群众称他为“任劳任冤”的好干部。"):
        assert findings(pipeline, text) == [], text


def test_the_shape_groups_name_their_source_and_licence():
    head = typos.stroke_file().read_text(encoding="utf-8").splitlines()[:3]
    assert any("pycorrector" in line for line in head)
    assert any("Apache License 2.0" in line for line in head)


def test_a_check_never_imports_jieba(tmp_path):
    """jieba's dictionary is compiled into the cache: its 1.2 s load is never paid by a check
    (the first run compiles it without importing jieba either)."""
    draft = tmp_path / "d.txt"
    draft.write_text("各村要坚持实事求事，因地制宜推进人居环境整治。", encoding="utf-8")
    code = ("import sys, runpy; sys.argv = ['review', 'check', sys.argv[1], '--fail-on', 'never'];"
            "from review.cli import main\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "print('jieba' in sys.modules, file=sys.stderr)")
    result = subprocess.run([sys.executable, "-c", code, str(draft)], capture_output=True,
                            text=True, timeout=120)
    assert "EX9501" in result.stdout
    assert result.stderr.strip().splitlines()[-1] == "False"


def test_a_common_character_for_an_idioms_rare_one_is_found(pipeline):
    """竽 is rare, 芋 common and read the same: where a writer's input method slips."""
    found = findings(pipeline, "个别单位搞形式主义，滥芋充数应付检查。")
    assert [(f.text, f.replacement) for f in found] == [("滥芋充数", "滥竽充数")]


def test_a_less_common_character_read_the_same_stands_in(pipeline):
    found = findings(pipeline, "执法人员顺着蛛丝蚂迹追查到了源头。")
    assert [(f.text, f.replacement) for f in found] == [("蛛丝蚂迹", "蛛丝马迹")]
