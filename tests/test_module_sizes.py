"""The stage packages stay readable: no module of framing/quotes or framing/actors over 700 lines, no function
over 120 lines (issue "One stage, one package")."""

from __future__ import annotations

import ast

import pytest

from tests.helpers import ROOT

PACKAGES = ("quotes", "actors")
MAX_MODULE_LINES = 700
MAX_FUNCTION_LINES = 120
MODULES = sorted(path for name in PACKAGES for path in (ROOT / "framing" / name).glob("*.py"))


def _functions(tree: ast.AST) -> list[ast.FunctionDef | ast.AsyncFunctionDef]:
    return [node for node in ast.walk(tree) if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))]


@pytest.mark.parametrize("path", MODULES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_modules_and_functions_are_short(path):
    source = path.read_text(encoding="utf-8")
    assert len(source.splitlines()) <= MAX_MODULE_LINES
    long = {f.name: f.end_lineno - f.lineno + 1 for f in _functions(ast.parse(source))
            if f.end_lineno - f.lineno + 1 > MAX_FUNCTION_LINES}
    assert long == {}
