"""What an installed review carries: every lexicon folder and every model file, as the
checkout has them (an install that left a folder out would quietly check less)."""

import tomllib
from pathlib import Path

from review.model.scorer import MODEL_FILES

ROOT = Path(__file__).resolve().parents[1]


def setuptools_table():
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return pyproject["tool"]["setuptools"]


def test_every_lexicon_folder_is_a_package_with_its_data():
    table = setuptools_table()
    for folder in sorted(p for p in (ROOT / "lexicons").iterdir() if p.is_dir()):
        if not any(folder.glob("*.toml")):
            continue
        name = f"review.lexicons.{folder.name}"
        assert name in table["packages"], name
        assert "*.toml" in table["package-data"].get(name, []), name


def test_every_model_file_is_package_data():
    patterns = setuptools_table()["package-data"]["review.models"]
    for name in (*MODEL_FILES, "MODEL_CARD.json"):
        assert any(Path(name).match(p) for p in patterns), name
