import json

import pytest

from review.config import load_config
from review.errors import ConfigError

AD = "本店全网最低价，加微信 abc_shop888 下单。\n"


def test_config_is_found_by_walking_up(tmp_path):
    (tmp_path / "review.toml").write_text('fail-on = "review"\nlang = "en"\n', encoding="utf-8")
    (tmp_path / "a" / "b").mkdir(parents=True)
    config = load_config(start=tmp_path / "a" / "b")
    assert config.fail_on == "review" and config.lang == "en"
    assert config.root == tmp_path.resolve()


def test_tool_review_in_pyproject_is_read(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.review]\nfail_on = "never"\n',
                                             encoding="utf-8")
    assert load_config(start=tmp_path).fail_on == "never"


def test_a_pyproject_without_tool_review_is_passed_over(tmp_path):
    (tmp_path / "review.toml").write_text('lang = "en"\n', encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "pyproject.toml").write_text('[project]\nname = "x"\n',
                                                    encoding="utf-8")
    assert load_config(start=tmp_path / "sub").lang == "en"


@pytest.mark.parametrize("text, word", [
    ("fail-on = 'sometimes'", "fail-on"),
    ("colour = true", "colour"),
    ("[severity]\nconsent = 'block'", "never blocked"),
    ("lang = ", "TOML"),
])
def test_bad_configs_name_the_file_and_the_problem(tmp_path, text, word):
    path = tmp_path / "review.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert str(path) in str(info.value) and word in str(info.value)


def test_config_lexicons_allow_list_and_severity_reach_the_check(cli, tmp_path):
    (tmp_path / "terms.txt").write_text("某某牌保健酒\n", encoding="utf-8")
    (tmp_path / "review.toml").write_text(
        'allow = ["abc_shop888"]\n'
        '[severity]\nAD503 = "off"\n'
        '[[lexicon]]\npath = "terms.txt"\ncategory = "ads"\nseverity = "review"\n',
        encoding="utf-8")
    draft = tmp_path / "a.txt"
    draft.write_text("推荐某某牌保健酒。" + AD + "https://shop.example.top/x\n", encoding="utf-8")
    data = json.loads(cli("check", "--format", "json", str(draft)).stdout)
    rules = {f["rule"] for f in data["files"][0]["findings"]}
    assert "terms:某某牌保健酒" in rules
    assert "AD501" not in rules  # inside an allowed phrase
    assert "AD503" not in rules  # turned off


def test_lexicon_option_takes_a_category_for_plain_lists(cli, tmp_path):
    (tmp_path / "terms.txt").write_text("某某牌保健酒\n", encoding="utf-8")
    draft = tmp_path / "a.txt"
    draft.write_text("推荐某某牌保健酒。\n", encoding="utf-8")
    result = cli("check", "--lexicon", f"ads={tmp_path / 'terms.txt'}", str(draft))
    assert result.exit_code == 1 and "terms:某某牌保健酒" in result.stdout
    bare = cli("check", "--lexicon", str(tmp_path / "terms.txt"), str(draft))
    assert bare.exit_code == 2 and "category" in bare.stderr
