"""`review published` and the bytes of the pictures a saved page shows (pass 58, G6): each file
the saved page loads from its folder is compared with the files the release bound — a changed
one, one nobody bound, a bound one the page does not show fail; one not saved with the page
is said ("not compared"), never passed over in silence; nothing outside the page's folder, nor
through a link, is read."""

from __future__ import annotations

import hashlib
import json
import os

import pytest
from workflow.team import Team

CHART = b"\x89PNG\r\n\x1a\n approved chart"
OTHER = b"\x89PNG\r\n\x1a\n a chart changed after approval"
TEXT = "入冬以来火灾风险上升，请居民注意用火用电安全。"


def page(*pictures: str, extra: str = "") -> str:
    shown = "".join(f"<img src='{p}'>" for p in pictures)
    return (f"<html><head>{extra}</head><body><h1>冬季防火提示</h1><p>{TEXT}</p>{shown}"
            "</body></html>")


def release(tmp_path, pictures: dict[str, bytes], shown: list[str]):
    """A team whose draft showing `shown` (bound with `pictures`, written beside it) is
    released, and a folder to save the published page in."""
    (tmp_path / "review.toml").write_text("", encoding="utf-8")
    team = Team.small(tmp_path)
    for name, data in pictures.items():
        team.write(name, data)
    images = "\n".join(f"![图]({name})" for name in shown)
    item = team.submit("editor", team.write("fire.md", f"# 冬季防火提示\n\n{TEXT}\n\n{images}\n"))
    team.ok("reviewer", "approve", str(item))
    team.ok("editor", "release", str(item))
    (tmp_path / "saved").mkdir()
    return team, item, tmp_path / "saved"


@pytest.fixture
def released(tmp_path, monkeypatch):
    """The draft showing chart.png, released."""
    monkeypatch.chdir(tmp_path)
    return release(tmp_path, {"chart.png": CHART}, ["chart.png"])


def save(folder, files: dict[str, bytes | str]) -> None:
    for name, data in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, str):
            path.write_text(data, encoding="utf-8")
        else:
            path.write_bytes(data)


def published(team, item, *args: str, lang: str = "en"):
    result = team.run(None, "published", str(item), "--file", "saved/page.html", "--lang",
                      lang, *args)
    assert "Traceback" not in result.output
    return result


def report(team, item, lang: str = "en") -> tuple[int, list[dict], list[str]]:
    """The exit code, the findings and the notices of the JSON report."""
    result = published(team, item, "--format", "json", lang=lang)
    data = json.loads(result.stdout)
    return result.exit_code, data["files"][0]["findings"], data["notices"]


def test_g6_a_picture_saved_beside_the_page_with_other_bytes_fails(released):
    team, item, folder = released
    save(folder, {"page.html": page("chart.png"), "chart.png": OTHER})
    code, findings, _ = report(team, item)
    assert code == 1
    assert [f["rule"] for f in findings] == ["RV110"]
    message = findings[0]["message"]
    assert "chart.png" in message and "posts/chart.png" in message
    assert f"({hashlib.sha256(CHART).hexdigest()[:12]})" in message
    assert findings[0]["text"] == "chart.png"
    zh = published(team, item, lang="zh")
    assert zh.exit_code == 1 and "RV110" in zh.stdout
    assert "发布页面上的图片与审核通过的不同" in zh.stdout and "不是审核通过的 posts/chart.png" \
        in zh.stdout


def test_the_approved_bytes_pass_beside_the_page_or_in_name_files(released):
    team, item, folder = released
    save(folder, {"page.html": page("chart.png"), "chart.png": CHART})
    assert report(team, item) == (0, [], [])
    # a browser's "save page, complete": NAME_files/, and the same name beside the page
    # (with other bytes) is not what the page loads
    save(folder, {"page.html": page("page_files/chart.png"), "page_files/chart.png": CHART,
                  "chart.png": OTHER})
    assert report(team, item) == (0, [], [])
    save(folder, {"page_files/chart.png": OTHER, "chart.png": CHART})
    code, findings, _ = report(team, item)
    assert code == 1 and [f["rule"] for f in findings] == ["RV110"]
    assert "page_files/chart.png" in findings[0]["message"]


def test_the_approved_bytes_under_the_site_s_name_are_the_approved_picture(released):
    team, item, folder = released
    save(folder, {"page.html": page("page_files/a81f3c.png"), "page_files/a81f3c.png": CHART})
    assert report(team, item) == (0, [], [])


def test_a_bound_picture_the_page_does_not_show_fails(released):
    team, item, folder = released
    save(folder, {"page.html": page()})
    code, findings, _ = report(team, item)
    assert code == 1 and [f["rule"] for f in findings] == ["RV106"]  # as before: by its name


def test_a_saved_picture_nobody_bound_fails_however_the_page_shows_it(released):
    team, item, folder = released
    # a CSS background: no <img>, which the comparison by names read alone
    extra = "<style>h1 { background: url(page_files/banner.jpg) }</style>"
    save(folder, {"page.html": page("page_files/chart.png", extra=extra),
                  "page_files/chart.png": CHART, "page_files/banner.jpg": b"\xff\xd8\xff x"})
    code, findings, _ = report(team, item)
    assert code == 1 and [f["rule"] for f in findings] == ["RV107"]
    assert "page_files/banner.jpg" in findings[0]["message"]
    # an <img> the names already tell apart is said once
    save(folder, {"page.html": page("page_files/chart.png", "page_files/banner.jpg")})
    code, findings, _ = report(team, item)
    assert code == 1 and [f["rule"] for f in findings] == ["RV107"]


def test_a_picture_not_saved_with_the_page_is_said_not_compared(released):
    team, item, folder = released
    remote = "https://cdn.example.gov.cn/upload/chart.png"
    save(folder, {"page.html": page(remote)})
    code, findings, notices = report(team, item)
    assert (code, findings) == (0, [])
    assert notices == [f"not compared: not saved with the page: {remote}"]
    save(folder, {"page.html": page("page_files/chart.png")})  # saved "HTML only"
    assert report(team, item) == (0, [], [
        "not compared: not saved with the page: page_files/chart.png"])
    zh = published(team, item, lang="zh")
    assert zh.exit_code == 0 and "未比对：未随页面保存：page_files/chart.png" in zh.stdout
    for fmt in ("github", "sarif", "junit", "text"):  # every format says it
        said = published(team, item, "--format", fmt)
        assert said.exit_code == 0 and "not compared: not saved with the page" in said.stdout, fmt


def test_a_page_from_standard_input_has_nothing_saved_with_it(released):
    team, item, folder = released
    result = team.runner.invoke(
        __import__("review.cli", fromlist=["main"]).main,
        ["published", str(item), "--file", "-", "--format", "json", "--lang", "en"],
        input=page("chart.png").encode(), env=team.env(None))
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["notices"] == [
        "not compared: not saved with the page: chart.png"]


def test_the_site_s_own_files_are_listed_not_compared(released):
    team, item, folder = released
    links = ("<link rel=stylesheet href='page_files/site.css'>"
             "<link rel=preload href='page_files/font'><script src='page_files/app'></script>"
             "<iframe src='page_files/share'></iframe>")
    css = "a { background: url(\"data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg'/>\") }"
    save(folder, {"page.html": page("chart.png", extra=links), "chart.png": CHART,
                  "page_files/site.css": css, "page_files/font": b"wOF2\x00\x01\x00",
                  "page_files/app": "document.body.innerHTML += '<svg></svg>'",
                  "page_files/share": "<!DOCTYPE html><html><body><svg></svg><br></body>"})
    code, findings, notices = report(team, item)
    assert (code, findings) == (0, [])
    assert notices == [f"not compared: page_files/{name} is no picture, video or sound and "
                       "was not bound (the site's own file)"
                       for name in ("app", "font", "share", "site.css")]


def test_a_picture_leading_out_of_the_folder_or_through_a_link_is_not_read(released):
    team, item, folder = released
    # the approved bytes outside the saved folder: never read, so never taken for the page's
    save(folder.parent, {"chart.png": CHART, "elsewhere/chart.png": CHART})
    save(folder, {"page.html": page("../chart.png")})
    code, findings, notices = report(team, item)
    assert (code, findings) == (0, [])
    assert len(notices) == 1 and notices[0].startswith("not compared: ") and \
        "../chart.png" in notices[0]
    save(folder, {"page.html": page("chart.png")})
    os.symlink(folder.parent / "elsewhere" / "chart.png", folder / "chart.png")
    code, findings, notices = report(team, item)
    assert (code, findings) == (0, [])
    assert len(notices) == 1 and "link" in notices[0] and "chart.png" in notices[0]
    assert "未比对" in published(team, item, lang="zh").stdout


def test_two_bound_files_of_one_name_are_each_found_by_their_bytes(tmp_path, monkeypatch):
    """A browser saves a second chart.png as chart(1).png; showing the first twice leaves the
    second approved picture off the page."""
    monkeypatch.chdir(tmp_path)
    team, item, folder = release(tmp_path, {"a/chart.png": CHART, "b/chart.png": OTHER},
                                 ["a/chart.png", "b/chart.png"])
    save(folder, {"page.html": page("page_files/chart.png", "page_files/chart(1).png"),
                  "page_files/chart.png": CHART, "page_files/chart(1).png": OTHER})
    assert report(team, item) == (0, [], [])
    save(folder, {"page_files/chart(1).png": CHART})
    code, findings, _ = report(team, item)
    assert code == 1 and [f["rule"] for f in findings] == ["RV106"]
    assert "posts/b/chart.png" in findings[0]["message"]
    save(folder, {"page_files/chart(1).png": b"\x89PNG a third"})
    code, findings, _ = report(team, item)
    assert code == 1 and sorted(f["rule"] for f in findings) == ["RV106", "RV107"]
    save(folder, {"page.html": page("page_files/chart.png"), "page_files/chart.png": b"\x89PNG x"})
    code, findings, _ = report(team, item)
    assert code == 1 and [f["rule"] for f in findings] == ["RV110"]
    assert "posts/a/chart.png" in findings[0]["message"] and \
        "posts/b/chart.png" in findings[0]["message"]


def test_require_saved_makes_what_was_not_compared_fail(released):
    team, item, folder = released
    remote = "https://cdn.example.gov.cn/upload/chart.png"
    save(folder, {"page.html": page(remote)})
    result = published(team, item, "--format", "json", "--require-saved")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    found = data["files"][0]["findings"]
    assert [f["rule"] for f in found] == ["RV111"] and remote in found[0]["message"]
    assert found[0]["text"] == "chart.png" and data["notices"] == []
    save(folder, {"page.html": page("chart.png"), "chart.png": CHART})
    assert published(team, item, "--require-saved").exit_code == 0


# --- an editor who wants a changed picture to pass (red team of the change) ----------------

def test_two_approved_pictures_swapped_are_two_changed_ones(tmp_path, monkeypatch):
    """Each approved picture's bytes are on the page, each under the other's name."""
    monkeypatch.chdir(tmp_path)
    team, item, folder = release(tmp_path, {"before.png": CHART, "after.png": OTHER},
                                 ["before.png", "after.png"])
    save(folder, {"page.html": page("before.png", "after.png"), "before.png": OTHER,
                  "after.png": CHART})
    code, findings, _ = report(team, item)
    assert code == 1 and [f["rule"] for f in findings] == ["RV110", "RV110"]


@pytest.mark.parametrize("shown", [
    "CHART.PNG",                 # another letter case: a site or a file system folds it
    "ch%61rt.png",               # a percent-escape names the same file
    "page_files/chart.png?v=2",  # a query a browser leaves out of the file
])
def test_the_changed_picture_under_another_spelling_of_its_name_fails(released, shown):
    team, item, folder = released
    save(folder, {"page.html": page(shown), "page_files/chart.png": OTHER,
                  "CHART.PNG": OTHER, "chart.png": OTHER})
    code, findings, _ = report(team, item)
    assert code == 1 and "RV110" in [f["rule"] for f in findings]


def test_a_changed_picture_in_a_srcset_or_a_css_background_fails(released):
    team, item, folder = released
    shown = ("<img src='chart.png' srcset='big/chart.png 2x'>"
             "<div style=\"background-image: url('bg/chart.png')\"></div>")
    save(folder, {"page.html": page().replace("</body>", shown + "</body>"),
                  "chart.png": CHART, "big/chart.png": OTHER, "bg/chart.png": OTHER})
    code, findings, _ = report(team, item)
    assert code == 1 and [f["rule"] for f in findings] == ["RV110", "RV110"]
    messages = " ".join(f["message"] for f in findings)
    assert "big/chart.png" in messages and "bg/chart.png" in messages


@pytest.mark.parametrize("picture", [
    b"<!--" + b"x" * 5000 + b"--><svg xmlns='http://www.w3.org/2000/svg'/>",  # past any sniff
    b"<?xml version='1.0'?>\n<x:svg xmlns:x='http://www.w3.org/2000/svg'/>",  # a prefix
    # a DTD's internal subset holding `]>` in an entity and a comment
    b"<!DOCTYPE svg [<!ENTITY a ']>'><!-- ] -->]><svg xmlns='http://www.w3.org/2000/svg'/>",
    # an encoding a browser reads and the parser here does not
    "<?xml version='1.0' encoding='GBK'?><svg xmlns='http://www.w3.org/2000/svg'>图</svg>"
    .encode("gbk"),
    b"\x1f\x8b\x08\x08svgz",            # a compressed SVG
    b"RIFF\x10\x00\x00\x00WEBPVP8 ",   # a WebP
    b"\x00\x00\x00\x1cftypavif",       # an AVIF
])
def test_a_picture_nobody_bound_is_one_whatever_it_is_called(released, picture):
    team, item, folder = released
    extra = "<style>h1 { background: url(page_files/site.css) }</style>"
    save(folder, {"page.html": page("chart.png", extra=extra), "chart.png": CHART,
                  "page_files/site.css": picture})
    code, findings, _ = report(team, item)
    assert code == 1 and [f["rule"] for f in findings] == ["RV107"]


def test_a_picture_a_script_writes_in_is_said_when_not_saved(released):
    """The lenient reading's addresses (a tag inside a script), passed over in a draft when
    they name no file, are a page's pictures not compared."""
    team, item, folder = released
    script = "<script>document.write('<img src=\"page_files/chart.png\">')</script>"
    save(folder, {"page.html": page(extra=script)})
    code, _, notices = report(team, item)
    assert notices == ["not compared: not saved with the page: page_files/chart.png"]
    save(folder, {"page_files/chart.png": OTHER})
    code, findings, _ = report(team, item)
    assert code == 1 and "RV110" in [f["rule"] for f in findings]


def test_the_approved_bytes_under_a_name_do_not_excuse_a_remote_picture_of_that_name(released):
    """The page shows the approved chart renamed x.png, and another x.png from outside: the
    remote one is a picture the approval does not have, as it was before bytes were read."""
    team, item, folder = released
    save(folder, {"page.html": page("page_files/x.png", "https://cdn.example.gov.cn/x.png"),
                  "page_files/x.png": CHART})
    code, findings, notices = report(team, item)
    assert code == 1 and [f["rule"] for f in findings] == ["RV107"]
    assert notices == ["not compared: not saved with the page: https://cdn.example.gov.cn/x.png"]


def test_a_lazy_loader_s_data_src_picture_is_compared_or_said(released):
    """WeChat's and many a site's `<img data-src>`, which a script puts in `src`: the names
    comparison read it; its bytes are compared too, and when it is not saved it is said."""
    team, item, folder = released
    save(folder, {"page.html": page().replace(
        "</body>", "<img class=lazy data-src='page_files/chart.png'></body>")})
    assert report(team, item) == (0, [], [
        "not compared: not saved with the page: page_files/chart.png"])
    save(folder, {"page_files/chart.png": OTHER})
    code, findings, _ = report(team, item)
    assert code == 1 and [f["rule"] for f in findings] == ["RV110"]
    save(folder, {"page_files/chart.png": CHART})
    assert report(team, item) == (0, [], [])


def test_a_page_with_a_base_href_compares_none_of_its_relative_pictures(released):
    """Its relative addresses lead where <base href> says, not to the files beside it."""
    team, item, folder = released
    save(folder, {"page.html": page("chart.png", extra="<base href='https://www.example.gov.cn/'>"),
                  "chart.png": OTHER})
    code, findings, notices = report(team, item)
    assert [f["rule"] for f in findings] == ["RV104"]  # its href, a link the approval lacks
    assert notices == [
        "not compared: the page has <base href=\"https://www.example.gov.cn/\">: its relative "
        "addresses lead elsewhere",
        "not compared: chart.png (the page has a <base href>: its relative addresses lead "
        "elsewhere)"]
