"""The package layout: each stage imports only what comes before it, and no module imports itself round a circle."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent / "attrib"
# top-level modules every package may use, and those that assemble the stages into a pipeline
FOUNDATION = {"attrib.errors", "attrib.lexicon", "attrib.records"}
ASSEMBLY = {"attrib.annotate", "attrib.component", "attrib.pipeline", "attrib.workers", "attrib.extractor"}
# the data flow, then the wings: a layer imports only layers before it (README "How it works")
LAYERS = ["foundation", "read", "nlp", "find", "speakers", "dates", "write", "assembly", "batch", "corpus", "cli"]
PUBLIC = {"attrib", "attrib.__main__"}  # the public surface may import anything


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in ROOT.rglob("*.py")}


def layer(module: str) -> str:
    if module in FOUNDATION:
        return "foundation"
    if module in ASSEMBLY:
        return "assembly"
    return module.split(".")[1]


def imports(module: str) -> set[str]:
    """Every attrib module that ``module`` imports, at its top or inside a function."""
    path = MODULES[module]
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            for alias in node.names:
                submodule = f"{base}.{alias.name}"
                found.add(submodule if submodule in MODULES else base)
    return {m for m in found if m in MODULES and m != module}


GRAPH = {m: imports(m) for m in MODULES}


def test_every_module_has_a_layer():
    unknown = {m: layer(m) for m in MODULES if m not in PUBLIC and layer(m) not in LAYERS}
    assert not unknown, "modules outside the layers; add them to a package or to FOUNDATION/ASSEMBLY"


@pytest.mark.parametrize("module", sorted(m for m in MODULES if m not in PUBLIC))
def test_a_module_imports_only_its_own_package_and_earlier_layers(module):
    rank = LAYERS.index(layer(module))
    later = sorted(m for m in GRAPH[module] if m not in PUBLIC and LAYERS.index(layer(m)) > rank)
    assert not later, f"{module} ({layer(module)}) imports later layers: {later}"


def test_no_import_circle():
    done: set[str] = set()

    def visit(module: str, path: list[str]) -> None:
        if module in path:
            raise AssertionError("import circle: " + " -> ".join(path[path.index(module) :] + [module]))
        if module in done:
            return
        for imported in sorted(GRAPH[module]):
            visit(imported, path + [module])
        done.add(module)

    for module in sorted(MODULES):
        visit(module, [])


def test_the_layers_test_sees_a_late_import():
    # the checks above are only as good as the import reading: it must see lazy imports inside functions
    assert "attrib.batch.runner" in GRAPH["attrib.batch.cluster"]
    assert "attrib.extractor" in GRAPH["attrib.batch.cluster"]


# small modules and functions keep one concept each (the house rule: 400 lines a module, 60 a function)
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60


@pytest.mark.parametrize("module", sorted(MODULES))
def test_a_module_stays_small(module):
    source = MODULES[module].read_text(encoding="utf-8")
    assert len(source.splitlines()) <= MAX_MODULE_LINES
    long = [
        node.name
        for node in ast.walk(ast.parse(source))
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
        and node.end_lineno - node.lineno + 1 > MAX_FUNCTION_LINES
    ]
    assert long == []
