"""The typefaces bundled with podium for cards (Inter, SIL Open Font License; see fonts/README.txt).

Cards never use the machine's fonts: the same post gives the same card on a
laptop and on CI. The font bytes are also part of each card's cache key.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from .renderer import Fonts

BOLD = "Inter-Bold.otf"
REGULAR = "Inter-Regular.otf"


@lru_cache(maxsize=1)
def bundled() -> Fonts:
    folder = resources.files(__package__) / "fonts"
    return Fonts(bold=(folder / BOLD).read_bytes(), regular=(folder / REGULAR).read_bytes())
