"""Shared fixtures. Tests that need ../shared, a PostgreSQL server or Chromium skip cleanly without
them, except under CI (ZHIBIAO_REQUIRE_SERVICES=1), where a missing service is a failure."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED = ROOT.parent / "shared"
SEED_TEXT = SHARED / "seed" / "yuzhong-page.txt"
SEED_GOLD = SHARED / "seed" / "yuzhong-page.gold.json"
SCORER = SHARED / "tools" / "score.py"


def _missing(what: str):
    if os.environ.get("ZHIBIAO_REQUIRE_SERVICES"):
        pytest.fail(f"{what} is required under CI but missing")
    pytest.skip(f"{what} is not available")


@pytest.fixture
def seed_paths() -> tuple[Path, Path]:
    """The seed page and its gold, which a user's fresh clone does not have."""
    if not (SEED_TEXT.exists() and SEED_GOLD.exists()):
        pytest.skip("../shared/seed is not beside this checkout")
    return SEED_TEXT, SEED_GOLD


@pytest.fixture(scope="session")
def postgres_url() -> str:
    url = os.environ.get("ZHIBIAO_TEST_PG")
    if not url:
        _missing("PostgreSQL (ZHIBIAO_TEST_PG)")
    return url


@pytest.fixture(scope="session")
def chromium_path() -> str:
    path = os.environ.get("ZHIBIAO_TEST_CHROMIUM") or shutil.which("chromium")
    if not path or not Path(path).exists():
        _missing("Chromium (ZHIBIAO_TEST_CHROMIUM)")
    return path
