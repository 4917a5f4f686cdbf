"""Shared fixtures: every dashboard test gets its own user corpus; the analysis cache is shared per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "tests" / "artifacts"  # screenshots of the browser tests (gitignored)


@pytest.fixture(scope="session")
def analysis_cache_dir(tmp_path_factory) -> Path:
    """One on-disk analysis cache for the session, so the bundled corpus is analysed once."""
    return tmp_path_factory.mktemp("framing-cache")


@pytest.fixture
def dashboard_env(tmp_path, monkeypatch, analysis_cache_dir) -> Path:
    """FRAMING_USER_CORPUS and FRAMING_CACHE_DIR in temporary folders (the user corpus folder is returned)."""
    user = tmp_path / "user_corpus"
    monkeypatch.setenv("FRAMING_USER_CORPUS", str(user))
    monkeypatch.setenv("FRAMING_CACHE_DIR", str(analysis_cache_dir))
    monkeypatch.delenv("FRAMING_CORPUS", raising=False)
    return user
