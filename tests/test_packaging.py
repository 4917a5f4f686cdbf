"""framing installs like any Python tool: the wheel (built from the sdist) carries every module and data file, and
installed into a fresh virtual environment it analyses and serves the bundled corpus from another folder exactly as
the editable install does."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import polars as pl
import pytest

from tests.helpers import DATA, ROOT
from tests.helpers.browser import CHROMIUM, assert_serves_the_bundled_corpus

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_every_package_and_data_folder_is_listed() -> None:
    listed = set(PYPROJECT["tool"]["setuptools"]["packages"])
    code = {".".join(p.relative_to(ROOT).parent.parts) for p in (ROOT / "framing").rglob("__init__.py")}
    data = {"framing.data", *("framing.data." + ".".join(p.relative_to(DATA).parts) for p in DATA.rglob("*")
                              if p.is_dir() and "__pycache__" not in p.parts)}
    assert code | data == listed


@pytest.fixture(scope="module")
def wheel_env(tmp_path_factory) -> Path:
    """A fresh virtual environment outside the checkout with the wheel built from the sdist installed in it."""
    pytest.importorskip("build", reason="the 'build' package (test extra) is not installed")
    work = tmp_path_factory.mktemp("wheel")
    checkout = work / "checkout"  # a copy: building writes into the source folder
    shutil.copytree(ROOT, checkout, ignore=shutil.ignore_patterns(".venv", ".git", "__pycache__", "*.egg-info",
                                                                  "build", "dist", ".pytest_cache", "artifacts"))
    subprocess.run([sys.executable, "-m", "build", "--outdir", str(work / "dist"), str(checkout)], check=True,
                   capture_output=True)
    [wheel] = (work / "dist").glob("framing-*.whl")
    venv = work / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    subprocess.run([venv / "bin" / "python", "-m", "pip", "install", "--quiet", str(wheel)], check=True,
                   capture_output=True)
    return venv


@pytest.mark.slow
def test_the_wheel_carries_every_module_and_data_file(wheel_env: Path, tmp_path: Path) -> None:
    [wheel] = (wheel_env.parent / "dist").glob("framing-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    modules = {str(p.relative_to(ROOT)) for p in (ROOT / "framing").rglob("*.py")}
    data = {"framing/data/" + str(p.relative_to(DATA)) for p in DATA.rglob("*") if p.is_file()
            and "__pycache__" not in p.parts}
    assert modules - names == set()
    assert data - names == set()
    assert {"framing-{}.dist-info/licenses/LICENSE".format(wheel.name.split("-")[1])} <= names


@pytest.mark.slow
def test_the_installed_wheel_analyses_like_the_editable_install(wheel_env: Path, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(DATA, corpus)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "FRAMING_CACHE_DIR": str(tmp_path / "cache")}
    installed = [wheel_env / "bin" / "framing"]
    subprocess.run([*installed, "analyze", str(corpus), "--out", str(tmp_path / "wheel"), "--no-cache", "--quiet"],
                   check=True, cwd=elsewhere, env=env, capture_output=True)
    subprocess.run([sys.executable, "-m", "framing", "analyze", str(corpus), "--out", str(tmp_path / "editable"),
                    "--no-cache", "--quiet"], check=True, cwd=elsewhere, env=env, capture_output=True)
    tables = sorted(p.name for p in (tmp_path / "editable").glob("*.parquet"))
    assert tables == sorted(p.name for p in (tmp_path / "wheel").glob("*.parquet")) and "quotes.parquet" in tables
    for name in tables:
        assert pl.read_parquet(tmp_path / "wheel" / name).equals(pl.read_parquet(tmp_path / "editable" / name),
                                                                 null_equal=True), name
    for args in (["-m", "framing", "--help"], ["-m", "framing", "--version"]):
        done = subprocess.run([wheel_env / "bin" / "python", *args], cwd=elsewhere, capture_output=True, text=True)
        assert done.returncode == 0 and "framing" in done.stdout, done.stderr


@pytest.mark.slow
@pytest.mark.browser
@pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium not installed (apt-get install -y chromium)")
def test_the_installed_dashboard_serves_the_bundled_corpus(wheel_env: Path, tmp_path: Path) -> None:
    assert_serves_the_bundled_corpus([str(wheel_env / "bin" / "framing"), "dashboard"], tmp_path)
