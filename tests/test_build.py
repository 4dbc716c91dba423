"""The stages that setup.py compiles with mypyc: a source checkout must not run stale builds of them."""
from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path

import pytest

import zhibiao


def test_build_compiled_stages_are_built_from_the_source_beside_them():
    package = Path(zhibiao.__file__).parent
    if not (package.parent.parent / "setup.py").exists():
        pytest.skip("zhibiao is installed from a wheel, not run from a source checkout")
    # mypyc puts the compiled code of every module in one shared library beside the package; the
    # module's own library only loads it, and a rebuild may leave an unchanged one alone
    shared = [p.stat().st_mtime for p in package.parent.glob("*__mypyc*")]
    stale = []
    for module in pkgutil.iter_modules(zhibiao.__path__):
        loaded = importlib.import_module(f"zhibiao.{module.name}")
        built, source = Path(loaded.__file__), package / f"{module.name}.py"
        if built.suffix != ".py" and source.exists() and source.stat().st_mtime > max(
                [built.stat().st_mtime] + shared):
            stale.append(module.name)
    assert not stale, (f"edited since they were compiled: {', '.join(stale)}; run `pip install -e .` again "
                       "(or install with ZHIBIAO_PURE_PYTHON=1 to run them as plain Python)")
