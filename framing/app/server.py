"""Starting the dashboard: the Streamlit server settings the project needs, and the command that applies them.

In: where to listen and which corpus to open. Out: a `streamlit run` command line for the app in this package
(framing/app/main.py) with the local-only, no-telemetry settings as flags, so they hold from any working folder
(`.streamlit/config.toml` beside a checkout holds the same values for a plain `streamlit run dashboard.py`;
tests/app/test_server.py keeps the two equal), and the environment that tells the app its corpus (FRAMING_CORPUS, FRAMING_ANALYSIS).
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

APP = Path(__file__).resolve().parent / "main.py"
MAX_UPLOAD_MB = 20  # framing.load.uploads.MAX_FILE_BYTES

# Local-first: bind to loopback unless told otherwise, no telemetry, no external address lookup, no file watcher.
SETTINGS = {
    "server.headless": True,
    "server.address": "127.0.0.1",
    "server.enableXsrfProtection": True,
    "server.enableCORS": True,
    "server.maxUploadSize": MAX_UPLOAD_MB,
    "server.fileWatcherType": "none",
    "server.runOnSave": False,
    "browser.gatherUsageStats": False,
    "browser.serverAddress": "127.0.0.1",
    "client.toolbarMode": "minimal",
    "theme.base": "light",
}


def _flag(value: object) -> str:
    return str(value).lower() if isinstance(value, bool) else str(value)


def command(*, host: str = "127.0.0.1", port: int | None = None) -> list[str]:
    """The `streamlit run` command line for the packaged app with the project's settings, through
    framing.app.launch (which imports the app and reads the corpus while the server starts)."""
    settings = {**SETTINGS, "server.address": host, "browser.serverAddress": host}
    if port is not None:
        settings["server.port"] = port
    return [sys.executable, "-m", "framing.app.launch", "run", str(APP),
            *(f"--{key}={_flag(value)}" for key, value in settings.items())]


def environment(paths: Sequence[str | Path] = (), *, analysis: str | Path | None = None,
                outlets: str | Path | None = None) -> dict[str, str]:
    """The environment of the server: FRAMING_CORPUS (the given paths, absolute), FRAMING_ANALYSIS and
    FRAMING_OUTLETS; what is not given keeps what the caller's environment says."""
    env = dict(os.environ)
    if outlets is not None:
        env["FRAMING_OUTLETS"] = str(Path(outlets).resolve())
    if paths:
        env["FRAMING_CORPUS"] = os.pathsep.join(str(Path(p).resolve()) for p in paths)
    if analysis is not None:
        env["FRAMING_ANALYSIS"] = str(Path(analysis).resolve())
    return env


def serve(paths: Sequence[str | Path] = (), *, host: str = "127.0.0.1", port: int | None = None,
          analysis: str | Path | None = None, outlets: str | Path | None = None) -> int:
    """Run the dashboard server until it stops. The process becomes the Streamlit server (exec), so a signal that
    stops `framing dashboard` stops the server itself and no server is left behind."""
    cmd = command(host=host, port=port)
    env = environment(paths, analysis=analysis, outlets=outlets)
    sys.stderr.flush()
    if hasattr(os, "execve") and os.name == "posix":
        os.execve(cmd[0], cmd, env)  # does not return
    return subprocess.call(cmd, env=env)  # elsewhere: a child process, waited for
