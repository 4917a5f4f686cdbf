"""The shape of the code: small modules and functions, one module that knows where the data files live."""

from __future__ import annotations

import ast
import re

import pytest

from tests.helpers import ROOT

MAX_MODULE_LINES = 700
MAX_FUNCTION_LINES = 120
SOURCES = sorted((ROOT / "framing").rglob("*.py")) + [ROOT / "dashboard.py"]


def _name(path) -> str:
    return str(path.relative_to(ROOT))


@pytest.mark.parametrize("path", SOURCES, ids=_name)
def test_module_and_its_functions_stay_small(path) -> None:
    source = path.read_text(encoding="utf-8")
    lines = source.count("\n") + 1
    assert lines <= MAX_MODULE_LINES, f"{_name(path)} has {lines} lines (at most {MAX_MODULE_LINES})"
    long = [f"{node.name} ({node.end_lineno - node.lineno + 1} lines)" for node in ast.walk(ast.parse(source))
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
            and node.end_lineno - node.lineno + 1 > MAX_FUNCTION_LINES]
    assert not long, f"{_name(path)}: functions over {MAX_FUNCTION_LINES} lines: {', '.join(long)}"


# Ways a module could work out the data folder on its own: the package's parent, or a literal "data" path part.
_LOCATES_DATA = re.compile(r"""parent\.parent|/\s*["']data["']|["']data["']\s*/""")


def test_only_resources_locates_the_data_folder() -> None:
    offenders = [_name(p) for p in SOURCES if p.name != "resources.py"
                 and _LOCATES_DATA.search(p.read_text(encoding="utf-8"))]
    assert not offenders, f"these modules work out where data/ lives themselves: {offenders}; use framing.resources"
