"""Deploy targets: where ``podium publish`` puts the built site (dir, rsync, git, s3).

Each module says, in its docstring, how a deploy there stays atomic for readers.
Target modules are imported only when used: boto3 alone takes a while to load.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .base import Deployed, Target, plan_for, scan  # noqa: F401  (the package's public names)

#: type -> "module:Class", imported lazily.
TYPES = {
    "dir": "podium.publish.targets.dir:DirTarget",
    "rsync": "podium.publish.targets.rsync:RsyncTarget",
    "git": "podium.publish.targets.git:GitTarget",
    "s3": "podium.publish.targets.s3:S3Target",
}


def make(name: str, options: Mapping[str, Any], *, project_dir: Path, env: Mapping[str, str] | None = None) -> Target:
    """A target from its validated settings (``PODIUM_PUBLISH_TARGETS[name]``)."""
    module, _, cls = TYPES[options["type"]].partition(":")
    factory = getattr(importlib.import_module(module), cls)
    return factory(name, options, project_dir=Path(project_dir), env=os.environ if env is None else env)
