"""Import the project's command-line scripts (``scripts/*.py``) as modules for their tests."""

from __future__ import annotations

import importlib.util
import sys
from types import ModuleType

from pipeline.config import PROJ_ROOT


def import_script(name: str) -> ModuleType:
    """``scripts/<name>.py`` imported as the module ``name``."""
    path = PROJ_ROOT / "scripts" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module
