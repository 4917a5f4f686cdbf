"""`framing dashboard`: the packaged app with the project's server settings, from any folder."""

from __future__ import annotations

import os
import sys
import tomllib
from pathlib import Path

import pytest

from framing.app import server
from framing.cli import main
from tests.helpers import ROOT
from tests.helpers.browser import CHROMIUM, assert_serves_the_bundled_corpus


def test_the_checkout_config_and_the_command_line_settings_agree() -> None:
    """`streamlit run dashboard.py` in a checkout reads .streamlit/config.toml; `framing dashboard` passes flags."""
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    flat = {f"{section}.{key}": value for section, values in config.items() for key, value in values.items()}
    assert flat == server.SETTINGS


def test_the_command_runs_the_packaged_app_on_loopback_without_telemetry() -> None:
    cmd = server.command(port=8765)
    assert cmd[:4] == [sys.executable, "-m", "framing.app.launch", "run"] and Path(cmd[4]) == server.APP
    assert server.APP.is_file() and server.APP.is_relative_to(Path(server.__file__).parent)
    for flag in ("--server.address=127.0.0.1", "--server.port=8765", "--browser.gatherUsageStats=false",
                 "--server.headless=true", "--server.enableXsrfProtection=true", "--server.maxUploadSize=20"):
        assert flag in cmd
    assert "--server.address=0.0.0.0" in server.command(host="0.0.0.0")


def test_paths_and_analysis_reach_the_app_as_absolute_paths(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a").mkdir()
    env = server.environment(["a", str(ROOT / "data")], analysis="a", outlets="a/outlets.csv")
    assert env["FRAMING_CORPUS"].split(os.pathsep) == [str(tmp_path / "a"), str(ROOT / "data")]
    assert env["FRAMING_ANALYSIS"] == str(tmp_path / "a")
    assert env["FRAMING_OUTLETS"] == str(tmp_path / "a" / "outlets.csv")


def test_a_missing_outlets_file_is_a_message_not_a_server(tmp_path: Path, capsys) -> None:
    assert main(["dashboard", "--outlets", str(tmp_path / "outlets.csv")]) == 2
    assert "does not exist" in capsys.readouterr().err


def test_a_busy_port_is_said_before_any_address(capsys) -> None:
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert main(["dashboard", "--port", str(port)]) == 2
    err = capsys.readouterr().err
    assert f"port {port} on 127.0.0.1 is not available" in err and "framing dashboard on" not in err


def test_a_missing_corpus_path_is_a_message_not_a_server(tmp_path: Path, capsys) -> None:
    assert main(["dashboard", str(tmp_path / "nowhere")]) == 2
    assert "does not exist" in capsys.readouterr().err


@pytest.mark.browser
@pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium not installed (apt-get install -y chromium)")
def test_framing_dashboard_serves_the_bundled_corpus_from_another_folder(tmp_path: Path) -> None:
    assert_serves_the_bundled_corpus([sys.executable, "-m", "framing", "dashboard"], tmp_path)
