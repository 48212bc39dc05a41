import os
from pathlib import Path

import pytest

from review.decoding import decode
from review.errors import InputError
from review.loading import Source, discover, load, size_text

NOTICE = "关于做好冬季防火工作的通知：请各单位落实安全责任。"


@pytest.mark.parametrize("data", [
    NOTICE.encode("utf-8"),
    b"\xef\xbb\xbf" + NOTICE.encode("utf-8"),
    NOTICE.encode("utf-16"),          # with BOM, as Windows Notepad saves "Unicode"
    NOTICE.encode("utf-16-be") and b"\xfe\xff" + NOTICE.encode("utf-16-be"),
    NOTICE.encode("gbk"),
    NOTICE.encode("gb18030"),
])
def test_drafts_in_common_encodings_decode_to_the_same_text(data):
    assert decode(data) == NOTICE


def error_key(data: bytes) -> str:
    with pytest.raises(InputError) as info:
        decode(data)
    return info.value.key


def test_empty_and_blank_files_are_errors():
    assert error_key(b"") == "empty"
    assert error_key(b" \n\t\n") == "empty"


@pytest.mark.parametrize("data", [b"\x89PNG\r\n\x1a\n....", b"%PDF-1.7 ...", b"PK\x03\x04docx",
                                  b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"text\x00with nul"])
def test_binary_files_are_refused(data):
    assert error_key(data) == "binary"


def test_a_corrupt_utf8_file_is_reported_not_guessed():
    data = NOTICE.encode("utf-8") * 3
    corrupt = data[:30] + b"\xff" + data[30:]
    with pytest.raises(InputError) as info:
        decode(corrupt)
    assert info.value.key == "bad_utf8"
    assert info.value.kwargs["offset"] == 30


def test_unpaired_surrogates_in_utf16_are_an_error():
    data = b"\xff\xfe" + "通知\ud800结束".encode("utf-16-le", "surrogatepass")
    assert error_key(data) == "bad_utf16"


def test_random_bytes_are_undecodable():
    assert error_key(bytes(range(128, 256)) * 4) in {"undecodable", "bad_utf8"}


def test_too_large_files_are_refused_before_reading(tmp_path):
    big = tmp_path / "big.txt"
    with open(big, "wb") as f:
        f.truncate(50 * 2**20)
    with pytest.raises(InputError) as info:
        load(Source(str(big), big))
    assert info.value.key == "too_large"
    assert info.value.text("en") == "is too large (50 MB, the limit is 10 MB)"


def test_sizes_are_said_in_the_unit_a_reader_uses():
    assert [size_text(n) for n in (100, 1048, 1536, 10 * 2**20, 2**31)] == \
        ["100 B", "1 KB", "1.5 KB", "10 MB", "2 GB"]


def test_markdown_and_html_are_recognised(tmp_path):
    (tmp_path / "a.md").write_text("# 标题", encoding="utf-8")
    (tmp_path / "b.HTML").write_text("<p>正文</p>", encoding="utf-8")
    assert load(Source("a.md", tmp_path / "a.md")).kind == "markdown"
    assert load(Source("b.HTML", tmp_path / "b.HTML")).kind == "html"


def make_tree(root: Path) -> None:
    for name in ["a.txt", "b.md", "c.png", "sub/d.txt", "sub/old/e.txt", ".git/f.txt",
                 "sub/.cache/g.txt"]:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("正文", encoding="utf-8")


def names(sources, root) -> list[str]:
    return sorted(Path(s.display).relative_to(root).as_posix() for s in sources)


def test_directories_are_walked_for_drafts_skipping_hidden_directories(tmp_path):
    make_tree(tmp_path)
    found = names(discover([str(tmp_path)]), tmp_path)
    assert found == ["a.txt", "b.md", "sub/d.txt", "sub/old/e.txt"]


def test_include_and_exclude_globs(tmp_path):
    make_tree(tmp_path)
    assert names(discover([str(tmp_path)], include=["*.md"]), tmp_path) == ["b.md"]
    found = names(discover([str(tmp_path)], exclude=["sub/old/**"]), tmp_path)
    assert found == ["a.txt", "b.md", "sub/d.txt"]


def test_named_files_are_checked_whatever_their_extension(tmp_path):
    make_tree(tmp_path)
    sources = list(discover([str(tmp_path / "c.png")]))
    assert len(sources) == 1 and sources[0].error is None


def test_missing_paths_and_dangling_links_are_errors(tmp_path):
    (tmp_path / "link.txt").symlink_to(tmp_path / "gone.txt")
    missing = list(discover([str(tmp_path / "nope.txt")]))
    assert missing[0].error is not None and missing[0].error.key == "not_found"
    linked = list(discover([str(tmp_path)]))
    with pytest.raises(InputError) as info:
        load(linked[0])
    assert info.value.key == "not_found"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_unreadable_directories_are_reported(tmp_path):
    make_tree(tmp_path)
    (tmp_path / "sub").chmod(0)
    try:
        sources = list(discover([str(tmp_path)]))
    finally:
        (tmp_path / "sub").chmod(0o755)
    errors = [s for s in sources if s.error]
    assert [e.error.key for e in errors] == ["unreadable"]
