"""The twenty-third red-team pass: what it got through, and what now stops it.

- `review published ID` compared a page with an item that was never released — rejected or
  still pending — and said it matched "the approval" (exit 0). It is refused now (exit 1).
- `review published` knew an approved finding by its rule and text only: a page repeating an
  overridden contact handle under a new passage that sells something had "nothing new". The
  findings are counted now.
- The pre-commit hooks `review-check` and `review-verify` ran on files of pre-commit's
  markdown, html and text types: a Word or PDF draft is "binary" there, so a commit of
  通知.docx with a block finding, and a push of one never released, passed both. They take
  every kind of draft by its name now.
- An editor replaced his approved draft with a named pipe, or a link to /dev/zero: `review
  release` (a separate publisher's, too) and `review verify` waited forever or ran out of
  memory (a traceback in the crash log, exit 3); so did everyone's `review verify` with such a
  thing at `.review/roster.json`. Only a regular file's bytes are read: one line, exit 2.
- A Word draft carried a font of its own (word/fonts/, "embed fonts in the file"), which Word,
  WPS and LibreOffice draw it with and which can draw 今天开会 as 出售冰毒: it passed. Refused
  now, as a page's own font is.
- Word fields that show, once updated, what neither their code nor their saved result says —
  TITLE, DOCPROPERTY (document properties), DOCVARIABLE (settings' variables), SYMBOL (a
  character code) — carried 出售冰毒 past the check under a harmless saved result. Their
  values are read with the field codes; a SYMBOL saved as another character is refused.
- Letters of other scripts drawn exactly as Latin ones (a Cyrillic Х in 加VХ, е and а in
  wechat) made a solicitation the reader sees pass the check (加wеchаt：abc_shop888购买: no
  finding), and a rejected text come back "other" with one such letter. They fold to the
  Latin letter now, like full-width ones.
- A PDF's title (the viewer's tab or window title) and its outline (the bookmarks panel,
  opened from the start with /PageMode /UseOutlines) said 本店长期出售冰毒 unread. Both are
  read now, located as 文档标题 and 书签.
- An SVG's text placed its pieces out of the order they are written: `<text x="60 80 0 20">
  暴政推翻</text>`, or a second tspan or `<text>` put before the first on its line, showed the
  reader 推翻暴政 while the check read 暴政推翻. Refused now, like a flex layout in reverse.
- An output whose folder is a file (`--out notes.txt/x`) made `review feedback export`,
  `review audit anchor`, `review roster export` and `review backup` print a crash (exit 3)
  — the last one saying the store was damaged. One line, exit 2 now.
"""

from __future__ import annotations

import io
import json
import os
import re
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from office_samples import docx_bytes

from review.cli import main

BANNED = "本店长期出售冰毒，价格面议，加微信详聊。"
HANDLE = "市民可加微信 fire_119_help 咨询防火知识。"


def _page(*paragraphs: str) -> str:
    return "<html><body><h1>关于冬季防火的通知</h1>" + "".join(
        f"<p>{p}</p>" for p in paragraphs) + "</body></html>"


@pytest.mark.parametrize("rejected", [True, False])
def test_a_page_is_never_compared_with_an_item_nobody_released(team, rejected):
    path = team.write("bad.md", f"关于冬季防火的通知\n\n{BANNED}\n")
    item = str(team.submit("editor", path))
    if rejected:
        team.ok("reviewer", "show", item)
        team.ok("reviewer", "reject", item, "--reason", "违法内容")
    (team.root / "page.html").write_text(_page(BANNED), encoding="utf-8")
    team.refused(None, "published", item, "--file", "page.html", match="never released")


def test_a_page_repeating_an_approved_finding_has_a_new_one(team):
    item = str(team.submit("editor", team.write("a.md", f"关于冬季防火的通知\n\n{HANDLE}\n")))
    shown = json.loads(team.ok("reviewer", "show", item, "--format", "json").stdout)
    key = next(f["key"] for f in shown["findings"] if f["severity"] == "block")
    team.ok("reviewer", "override", item, key, "--reason", "消防支队官方咨询号")
    team.ok("reviewer", "approve", item)
    team.ok("editor", "release", item)
    (team.root / "page.html").write_text(_page(HANDLE), encoding="utf-8")
    team.ok(None, "published", item, "--file", "page.html")
    (team.root / "page.html").write_text(_page(HANDLE, "免税香烟低价，微信 fire_119_help"),
                                         encoding="utf-8")
    result = team.run(None, "published", item, "--file", "page.html", "--format", "json")
    assert result.exit_code == 1, result.output
    assert "RV108" in {f["rule"] for f in json.loads(result.stdout)["files"][0]["findings"]}



def test_the_pre_commit_hooks_take_every_kind_of_draft():
    yaml = pytest.importorskip("yaml")
    from review.inputs import KINDS

    hooks = yaml.safe_load((Path(__file__).resolve().parents[2] / ".pre-commit-hooks.yaml")
                           .read_text(encoding="utf-8"))
    names = [f"posts/通知{suffix}" for kind in KINDS.values() for suffix in kind.suffixes]
    for hook in hooks:
        # pre-commit's own types would leave Word and PDF out ("binary"): only by name
        assert set(hook.get("types_or", [])) <= {"file", "symlink"}, hook["id"]
        assert not hook.get("types"), hook["id"]
        for name in names + [name.upper() for name in names]:
            assert re.search(hook["files"], name), (hook["id"], name)
        assert not re.search(hook["files"], "images/logo.png")


def _approved(team) -> tuple[str, str]:
    path = team.write("a.md", "关于冬季防火的通知\n\n请各单位于12月10日前完成自查。\n")
    item = str(team.submit("editor", path))
    team.ok("reviewer", "approve", item)
    return path, item


@pytest.mark.parametrize("made", ["fifo", "zero"])
def test_a_pipe_or_a_device_at_the_draft_s_name_is_never_read(team, made):
    path, item = _approved(team)
    draft = team.root / path
    draft.unlink()
    os.mkfifo(draft) if made == "fifo" else os.symlink("/dev/zero", draft)
    team.usage_error("editor", "release", item, match="not a regular file")
    team.usage_error(None, "verify", path)  # one line, whatever it says (never a wait)


def test_a_pipe_at_the_roster_export_s_name_is_left_aside(team):
    path, item = _approved(team)
    team.ok("editor", "release", item)
    team.ok(None, "verify", path)
    os.mkfifo(team.root / ".review" / "roster.json")
    team.ok(None, "verify", path)



def _edited(data: bytes, edits: dict[str, object], added: dict[str, bytes | str]) -> bytes:
    """A Word file with parts changed (name → function of the part's text) and parts added."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            part = source.read(info)
            if info.filename in edits:
                part = edits[info.filename](part.decode()).encode()
            target.writestr(info, part)
        for name, part in added.items():
            target.writestr(name, part)
    return out.getvalue()


def _check(tmp_path, data: bytes) -> dict:
    (tmp_path / "notice.docx").write_bytes(data)
    result = CliRunner().invoke(main, ["check", str(tmp_path / "notice.docx"), "--format",
                                       "json", "--lang", "en"])
    return json.loads(result.stdout)["files"][0] | {"exit": result.exit_code}


FONT_RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns='
             '"http://schemas.openxmlformats.org/package/2006/relationships"><Relationship '
             'Id="rIdF1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
             'relationships/font" Target="fonts/font1.odttf"/></Relationships>')
EMBED = ('<w:font w:name="Swap"><w:embedRegular xmlns:r="http://schemas.openxmlformats.org/'
         'officeDocument/2006/relationships" r:id="rIdF1" w:fontKey="{12345678-1234-1234-1234-'
         '123456789ABC}"/></w:font></w:fonts>')


def test_a_word_draft_with_a_font_of_its_own_is_refused(tmp_path):
    plain = docx_bytes(["关于冬季防火的通知", "今天下午三点开会"])
    assert _check(tmp_path, plain)["exit"] == 0
    font = _edited(plain, {"word/fontTable.xml": lambda x: x.replace("</w:fonts>", EMBED),
                           "[Content_Types].xml": lambda x: x.replace(
                               "<Default ", '<Default Extension="odttf" ContentType="application/'
                               'vnd.openxmlformats-officedocument.obfuscatedFont"/><Default ', 1)},
                   {"word/_rels/fontTable.xml.rels": FONT_RELS,
                    "word/fonts/font1.odttf": b"\0" * 2048})
    found = _check(tmp_path, font)
    assert found["exit"] == 2 and "a font of its own (Swap)" in found["error"]


def _field(code: str, saved: str) -> str:
    return ('<w:r><w:fldChar w:fldCharType="begin" w:dirty="true"/></w:r>'
            f'<w:r><w:instrText xml:space="preserve"> {code} </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
            f'<w:r><w:t>{saved}</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>')


def _with_field(paragraph: str, **edits) -> bytes:
    placeholder = "<w:p><w:r><w:t>PLACEHOLDER</w:t></w:r></w:p>"
    return _edited(docx_bytes(["关于冬季防火的通知", "PLACEHOLDER"]),
                   {"word/document.xml": lambda x: x.replace(placeholder, paragraph), **edits},
                   {})


@pytest.mark.parametrize(("code", "part", "put"), [
    ("TITLE", "docProps/core.xml",
     lambda x: re.sub(r"<dc:title\s*/>|<dc:title>.*?</dc:title>", "", x).replace(
         "</cp:coreProperties>", f"<dc:title>{BANNED}</dc:title></cp:coreProperties>")),
    ("DOCPROPERTY Company", "docProps/app.xml",
     lambda x: re.sub(r"<Company\s*/>|<Company>.*?</Company>", "", x).replace(
         "</Properties>", f"<Company>{BANNED}</Company></Properties>")),
    ("DOCVARIABLE notice", "word/settings.xml",
     lambda x: x.replace("</w:settings>", f'<w:docVars><w:docVar w:name="notice" '
                                         f'w:val="{BANNED}"/></w:docVars></w:settings>')),
])
def test_a_word_field_s_value_is_read_whatever_its_saved_result_says(tmp_path, code, part,
                                                                     put):
    data = _with_field(f"<w:p>{_field(code, '城东区人民政府')}</w:p>", **{part: put})
    found = _check(tmp_path, data)
    assert found["exit"] == 1 and found["decision"] == "block", found


def test_a_symbol_field_saved_as_another_character_is_refused(tmp_path):
    symbols = "".join(_field(f'SYMBOL {ord(c)} \\f "SimSun"', "〇") for c in "冰毒")
    found = _check(tmp_path, _with_field(f"<w:p><w:r><w:t>出售</w:t></w:r>{symbols}</w:p>"))
    assert found["exit"] == 2 and 'shows "冰" once updated' in found["error"]
    honest = "".join(_field(f"SYMBOL {ord(c)}", c) for c in "冰毒")
    found = _check(tmp_path, _with_field(f"<w:p><w:r><w:t>出售</w:t></w:r>{honest}</w:p>"))
    assert found["exit"] == 1 and found["decision"] == "block", found


@pytest.mark.parametrize("text", ["详情请加V\u0425：abc_shop888",
                                  "加w\u0435ch\u0430t：abc_shop888购买"])
def test_letters_drawn_as_latin_ones_are_read_as_them(cli, text):
    (Path.cwd() / "a.txt").write_text(f"关于冬季防火的通知\n\n{text}\n", encoding="utf-8")
    result = cli("check", "a.txt", "--format", "json")
    assert result.exit_code == 1 and json.loads(result.stdout)["files"][0]["decision"] == "block"


def test_greek_and_cyrillic_words_are_not_findings(cli):
    (Path.cwd() / "a.txt").write_text(
        "关于冬季防火的通知\n\n研究发现α-干扰素和β受体阻滞剂可用于治疗。俄方代表Москва市政府官员出席。\n",
        encoding="utf-8")
    assert cli("check", "a.txt").exit_code == 0


def test_a_rejected_text_with_a_look_alike_letter_is_still_rejected(team):
    notice = "关于开展APP安全检查的通知\n\n请各单位于12月10日前完成{}自查。\n"
    item = str(team.submit("editor", team.write("a.md", notice.format("APP"))))
    team.ok("reviewer", "show", item)
    team.ok("reviewer", "reject", item, "--reason", "时间有误")
    path = team.write("b.md", notice.format("\u0410\u0420\u0420"))  # Cyrillic А, Р, Р
    team.refused("editor", "submit", path, match="rejected")


@pytest.mark.parametrize("command", [("feedback", "export", "--out", "{}/feedback"),
                                     ("audit", "anchor", "--out", "{}/a.json"),
                                     ("roster", "export", "--out", "{}/roster.json"),
                                     ("backup", "--out", "{}/b.db")])
def test_an_output_in_a_folder_that_is_a_file_is_one_line(team, command):
    (team.root / "notes.txt").write_text("记录\n", encoding="utf-8")
    args = [a.format(team.root / "notes.txt") for a in command]
    team.usage_error("admin", *args, match="cannot write")


def _pdf(title: str = "", outline: str = "") -> bytes:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    out = io.BytesIO()
    sheet = canvas.Canvas(out)
    sheet.setFont("STSong-Light", 12)
    sheet.drawString(72, 750, "关于冬季防火的通知")
    sheet.drawString(72, 730, "请各单位于12月10日前完成自查。")
    if title:
        sheet.setTitle(title)
    if outline:
        sheet.bookmarkPage("p1")
        sheet.addOutlineEntry(outline, "p1", level=0)
        sheet.showOutline()
    sheet.showPage()
    sheet.save()
    return out.getvalue()


@pytest.mark.parametrize(("made", "part"), [({"title": BANNED}, "文档标题"),
                                            ({"outline": BANNED}, "书签")])
def test_a_pdf_s_title_and_bookmarks_are_read(tmp_path, made, part):
    (tmp_path / "notice.pdf").write_bytes(_pdf(**made))
    result = CliRunner().invoke(main, ["check", str(tmp_path / "notice.pdf"), "--format", "json"])
    found = json.loads(result.stdout)["files"][0]
    assert result.exit_code == 1 and found["decision"] == "block", result.output
    assert {f["location"].get("part") for f in found["findings"]} == {part}


@pytest.mark.parametrize("svg", [
    '<text y="20" x="60 80 0 20">暴政推翻</text>',
    '<text y="20"><tspan x="40">暴政</tspan><tspan x="0">推翻</tspan></text>',
    '<text y="20"><tspan x="40" y="20">暴政</tspan><tspan x="0" y="20">推翻</tspan></text>',
    '<text x="40" y="20">暴政</text><text x="0" y="20">推翻</text>',
    '<text y="20"><tspan x="40">暴政</tspan><tspan dx="-60">推翻</tspan></text>',
])
def test_svg_text_placed_out_of_its_order_is_refused(cli, svg):
    (Path.cwd() / "a.html").write_text(f"<h1>通知</h1><svg>{svg}</svg>", encoding="utf-8")
    (Path.cwd() / "a.md").write_text(f"# 通知\n\n<svg>{svg}</svg>\n", encoding="utf-8")
    for name in ("a.html", "a.md"):
        result = cli("check", name, "--format", "json", "--lang", "en")
        found = json.loads(result.stdout)["files"][0]
        assert result.exit_code == 2 and "order text is shown in" in found["error"], name


@pytest.mark.parametrize("svg", [
    '<text x="0" y="20">第一行<tspan x="0" dy="1.2em">第二行</tspan></text>',
    '<text x="0" y="20">一月</text><text x="50" y="20">二月</text><text x="0" y="60">图例</text>',
    '<text x="0 16 32" y="20">三个字</text>',
])
def test_svg_text_written_in_its_order_is_read(cli, svg):
    (Path.cwd() / "a.html").write_text(f"<h1>通知</h1><svg>{svg}</svg>", encoding="utf-8")
    assert cli("check", "a.html").exit_code == 0
