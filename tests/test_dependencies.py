"""Every third-party package the app imports is declared in pyproject.toml: one imported at
module level is a core dependency (the app would not start without it), one imported lazily in a
function may be an extra's instead (the optional parts raise "install paris-health[...]")."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

import pytest
from click.testing import CliRunner

REPO = Path(__file__).resolve().parent.parent
OWN = {"assistant", "ingest", "ui"}
# Optional parts that need not be installed where the tests run (llama-cpp-python is built from
# source by `make test-llamacpp`): their distribution, as pip names it.
NOT_ALWAYS_INSTALLED = {"llama_cpp": "llama-cpp-python"}


def normalized(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def requirement_names(requirements: list[str]) -> set[str]:
    names = set()
    for requirement in requirements:
        match = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)", requirement)
        assert match, requirement
        names.add(normalized(match.group(1)))
    return names


def declared() -> tuple[set[str], set[str]]:
    """The core dependencies and those of every extra, normalized."""
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    extras = [r for group in project["optional-dependencies"].values() for r in group]
    return requirement_names(project["dependencies"]), requirement_names(extras)


def is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def imports(tree: ast.Module) -> list[tuple[str, int, bool]]:
    """(top-level module, line, imported when the module loads) for every absolute import."""
    found: list[tuple[str, int, bool]] = []

    def visit(node: ast.AST, at_load: bool) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.Import):
                found.extend((a.name.split(".")[0], child.lineno, at_load) for a in child.names)
            elif isinstance(child, ast.ImportFrom) and child.level == 0 and child.module:
                found.append((child.module.split(".")[0], child.lineno, at_load))
            lazy = isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda)
            checking = isinstance(child, ast.If) and is_type_checking(child)
            visit(child, at_load and not lazy and not checking)

    visit(tree, True)
    return found


def third_party_imports() -> list[tuple[str, str, bool]]:
    """(module, where, imported when the module loads) for the app's third-party imports."""
    out = []
    for package in sorted(OWN):
        for path in sorted((REPO / package).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
            for module, line, at_load in imports(tree):
                if module not in OWN and module not in sys.stdlib_module_names:
                    out.append((module, f"{path.relative_to(REPO)}:{line}", at_load))
    return out


def test_every_third_party_import_is_declared_in_pyproject() -> None:
    core, extras = declared()
    distributions = packages_distributions()
    missing = []
    for module, where, at_load in third_party_imports():
        names = {normalized(d) for d in distributions.get(module, [])}
        if module in NOT_ALWAYS_INSTALLED:
            names.add(NOT_ALWAYS_INSTALLED[module])
        if not names:
            missing.append(f"{where}: {module} is not installed, so its distribution is unknown")
        elif not names & (core if at_load else core | extras):
            need = "core dependency" if at_load else "dependency or extra"
            missing.append(f"{where}: {module} ({', '.join(sorted(names))}) is no declared {need}")
    assert not missing, "\n".join(missing)


def test_the_check_sees_lazy_and_type_checking_imports_as_not_at_load() -> None:
    source = (
        "import numpy\nfrom typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import torch\n"
        "def f():\n    from rank_bm25 import BM25Okapi\n"
    )
    assert imports(ast.parse(source)) == [
        ("numpy", 1, True),
        ("typing", 2, True),
        ("torch", 4, False),
        ("rank_bm25", 6, False),
    ]


def test_bench_without_rank_bm25_names_the_extra(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """rank-bm25 is the ``bench`` extra's: without it, bench stops before any work with one line
    naming the extra (the fast tier's guard fails the test if a model is loaded)."""
    from assistant.app.cli import cli

    monkeypatch.setitem(sys.modules, "rank_bm25", None)  # `import rank_bm25` raises ImportError
    for args in (["bench", "--limit", "1"], ["bench", "--scale", "1000"]):
        result = CliRunner().invoke(cli, ["--data-dir", str(tmp_path), *args])
        assert result.exit_code != 0, result.output
        assert isinstance(result.exception, SystemExit), repr(result.exception)
        lines = result.output.strip().splitlines()
        assert lines == ["Error: rank-bm25 is not installed: pip install 'paris-health[bench]'"]


def test_rank_bm25_is_the_bench_extras_not_a_core_dependency() -> None:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    extras = project["optional-dependencies"]
    core = requirement_names(project["dependencies"])
    assert "rank-bm25" not in core
    design_card = {"langchain-core", "chromadb", "sentence-transformers", "gradio"}
    design_card.add("beautifulsoup4")
    assert design_card <= core  # the design card's core packages stay core
    assert "rank-bm25" in requirement_names(extras["bench"])
    assert "rank-bm25" in requirement_names(extras["dev"])  # the tests compare against it
