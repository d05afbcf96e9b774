"""Shared fixtures: the shipped word lists, and paths to the shared seed article."""
from __future__ import annotations

from pathlib import Path

import pytest

from stance.config import Actors, Topics
from stance.lexicon import Lexicon

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(__import__("os").environ.get("STANCE_SHARED", ROOT.parent / "shared"))
SEED = SHARED / "seeds" / "independent-live-blog-2025-08-20.md"
FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def lexicon() -> Lexicon:
    return Lexicon.load()


@pytest.fixture(scope="session")
def actors() -> Actors:
    return Actors.default()


@pytest.fixture(scope="session")
def topics() -> Topics:
    return Topics.default()


@pytest.fixture(scope="session")
def seed_path() -> Path:
    if not SEED.exists():
        pytest.skip(f"the shared seed article is not at {SEED}")
    return SEED

