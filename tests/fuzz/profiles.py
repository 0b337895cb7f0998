"""How many examples each fuzz test draws: its share of the CI budget, times the profile's scale.

The CI profile (``tests/conftest.py``: 100 examples by Hypothesis's count) runs
each test's own share; ``--hypothesis-profile=long`` (2,000) runs twenty times more.
"""

from __future__ import annotations

from hypothesis import settings


def examples(share: int) -> int:
    """``share`` examples in CI, scaled by the loaded profile's max_examples (100 in CI)."""
    return max(1, share * settings.default.max_examples // 100)
