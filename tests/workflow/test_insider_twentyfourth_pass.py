"""The twenty-fourth red-team pass: what it got through, and what now stops it.

- Letters a reader reads as Latin ones that the fold left as they were: a superscript or
  modifier letter (加ᵛ — NFKC folds it, but its block was not in the fold table), a small
  capital (ᴡᴇᴄʜᴀᴛ), a Cherokee or Lisu letter drawn as a Latin capital (ᏔᎬᏟᎻᎪᎢ, ꓪꓰꓚꓧꓮꓔ), a
  letter in a black circle or square or a lone regional indicator (🅥, 🆅, 🇻), and a letter with
  accents (wēixìn, ṿ): 咨询请加ᵛ：abc12345 passed where 咨询请加V：abc12345 is blocked, and a
  rejected text came back "other" with one such letter. They fold to the Latin letter now.
- Ideographs in a square (🈧注 for 投注, 人🈣子 for 人贩子: the enclosed ideographic supplement)
  and the compatibility ideographs' supplement were not folded either, and the squared ones
  stand for traditional characters: both fold now, and what NFKC gives is simplified.
- A Word picture's, shape's or table's alternative text (替代文字: what a screen reader says, and
  what a page made from the draft shows in the picture's place) was not read, though an HTML
  draft's `alt` is. Read now, located as 替代文字.
- An HTML page's `aria-description`, `aria-roledescription`, `aria-placeholder`,
  `aria-valuetext` and `aria-braillelabel` (said or shown by assistive technology, like
  `aria-label`) were not read. Read now.
- `review published` compared a passage's words only: a page saying 增长35%，最低气温5℃ where
  增长3.5%，最低气温-5℃ was approved "matched" (exit 0). The marks that make a number what it
  is — decimal point, colon, slash and separator between digits, a sign, a percent — are
  compared now: RV102, the passage was altered.
"""

from __future__ import annotations

import base64
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from workflow.team import CLEAN

from review.ci import published
from review.cli import main
from review.document import Document
from review.normalize import View, fold

CONTACT = "咨询请加{}：abc12345"


def _json(result) -> dict:
    return json.loads(result.stdout)["files"][0] | {"exit": result.exit_code}


@pytest.mark.parametrize("letter", ["\u1d5b", "\u1d20", "\ua4e6", "\u13d9", "\uaba9",
                                    "\U0001f165", "\U0001f185", "\U0001f1fb", "\u1e7f"])
def test_letters_read_as_a_latin_v_are_read_as_it(cli, letter):
    (Path.cwd() / "a.txt").write_text(f"关于冬季防火的通知\n\n{CONTACT.format(letter)}\n",
                                      encoding="utf-8")
    found = _json(cli("check", "a.txt", "--format", "json"))
    assert found["exit"] == 1 and found["decision"] == "block", found
    assert "AD005" in {f["rule"] for f in found["findings"]}


@pytest.mark.parametrize(("written", "read"), [
    ("ᴡᴇᴄʜᴀᴛ", "wechat"), ("ᏔᎬᏟᎻᎪᎢ", "wechat"), ("ꓪꓰꓚꓧꓮꓔ", "wechat"), ("ᵂᴱᶜᴴᴬᵀ", "wechat"),
    ("wēixìn", "weixin"), ("ẉẹcḥat", "wechat"), ("\U0001f227注", "投注"),
    ("人\U0001f223子", "人贩子"), ("\U0002f82e彩", "博彩")])
def test_a_look_alike_folds_to_what_a_reader_reads(written, read):
    view = fold(View.identity(written))
    assert view.text == read and len(view.starts) == len(view.text)


def test_squared_ideographs_are_read_as_the_characters_they_show(cli):
    (Path.cwd() / "a.txt").write_text("关于冬季防火的通知\n\n人\U0001f223子进村\n",
                                      encoding="utf-8")
    found = _json(cli("check", "a.txt", "--format", "json"))
    assert found["exit"] == 1 and "SE077" in {f["rule"] for f in found["findings"]}


def test_a_rejected_text_with_a_small_capital_is_still_rejected(team):
    notice = "关于开展APP安全检查的通知\n\n请各单位于12月10日前完成{}自查。\n"
    item = str(team.submit("editor", team.write("a.md", notice.format("APP"))))
    team.ok("reviewer", "show", item)
    team.ok("reviewer", "reject", item, "--reason", "时间有误")
    path = team.write("b.md", notice.format("\u1d00\u1d18\u1d18"))  # ᴀᴘᴘ
    team.refused("editor", "submit", path, match="rejected")


_PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQ"
                        "GAhKmMIQAAAABJRU5ErkJggg==")


def _word_with_alt(tmp_path, descr: str = "", title: str = "", table: str = "") -> dict:
    from docx import Document as Word
    from docx.shared import Inches

    word = Word()
    word.add_paragraph("关于冬季防火的通知")
    word.add_picture(io.BytesIO(_PNG), width=Inches(1))
    picture = word.element.body.xpath(".//wp:docPr")[0]
    picture.set("descr", descr)
    picture.set("title", title)
    if table:
        from docx.oxml import parse_xml

        grid = word.add_table(rows=1, cols=1)
        grid.cell(0, 0).text = "安全检查"
        grid._tbl.tblPr.append(parse_xml(
            '<w:tblDescription xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/'
            f'2006/main" w:val="{table}"/>'))
    word.save(str(tmp_path / "notice.docx"))
    return _json(CliRunner().invoke(main, ["check", str(tmp_path / "notice.docx"), "--format",
                                           "json", "--lang", "en"]))


@pytest.mark.parametrize("where", ["descr", "title", "table"])
def test_a_word_draft_s_alternative_text_is_read(tmp_path, where):
    found = _word_with_alt(tmp_path, **{where: CONTACT.format("V")})
    assert found["exit"] == 1 and found["decision"] == "block", found
    assert any(f["location"].get("part") == "替代文字" for f in found["findings"])


def test_a_word_picture_described_plainly_passes(tmp_path):
    found = _word_with_alt(tmp_path, descr="消防宣传图", title="消防宣传图")
    assert found["exit"] == 0 and found["findings"] == []


@pytest.mark.parametrize("attribute", ["aria-description", "aria-roledescription",
                                       "aria-placeholder", "aria-valuetext",
                                       "aria-braillelabel"])
def test_what_assistive_technology_says_of_a_page_is_read(cli, attribute):
    (Path.cwd() / "a.html").write_text(
        f'<html><body><h1>关于冬季防火的通知</h1><p>详见<span {attribute}='
        f'"{CONTACT.format("V")}">通知</span></p></body></html>', encoding="utf-8")
    found = _json(cli("check", "a.html", "--format", "json"))
    assert found["exit"] == 1 and found["decision"] == "block", found


APPROVED = "# 统计公报\n\n全区生产总值增长3.5%，最低气温-5℃，比例尺1:1000，时间8:30。\n"


def _page(text: str) -> str:
    return f"<html><body><h1>统计公报</h1><p>{text}</p></body></html>"


@pytest.mark.parametrize("shown", ["全区生产总值增长35%，最低气温-5℃，比例尺1:1000，时间8:30。",
                                   "全区生产总值增长3.5%，最低气温5℃，比例尺1:1000，时间8:30。",
                                   "全区生产总值增长3.5%，最低气温-5℃，比例尺11000，时间8:30。",
                                   "全区生产总值增长3.5，最低气温-5℃，比例尺1:1000，时间8:30。"])
def test_a_published_number_without_its_point_sign_or_percent_is_altered(pipeline, shown):
    result = published.compare(Document("a.md", APPROVED, "markdown"),
                               Document("p.html", _page(shown), "html"), [], pipeline)
    assert [f.rule for f in result.findings] == [published.ALTERED.id]
    assert result.decision == "block"


def test_a_published_number_in_full_width_marks_is_the_same_number(pipeline):
    shown = "全区生产总值增长3．5％，最低气温－5℃，比例尺1：1000，时间8：30。"
    result = published.compare(Document("a.md", APPROVED, "markdown"),
                               Document("p.html", _page(shown), "html"), [], pipeline)
    assert result.findings == [] and result.decision == "pass"


def test_a_resubmitted_draft_is_not_approved_unread(team):
    """The reviewer read the first version in the shared folder; the editor swapped the file
    and resubmitted; an approval with neither `--version` nor a `review show` of the new
    version is refused, one that names what was read or follows a show goes through."""
    path = team.write("swap.txt", CLEAN)
    item = team.submit("editor", path)
    team.write("swap.txt", CLEAN + "另附：本次活动由某某公司冠名赞助。\n")
    assert team.submit("editor", path) == item
    team.refused("reviewer", "approve", str(item), match="resubmitted")
    team.ok("reviewer", "show", str(item))
    team.ok("reviewer", "approve", str(item))
