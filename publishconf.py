# Production settings: `podium build --prod` and `podium publish` read this file.
# It starts from pelicanconf.py and changes only what differs online.

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: E402,F401,F403

SITEURL = "https://claire-morel.example"
RELATIVE_URLS = False
DELETE_OUTPUT_DIRECTORY = True

# Where `podium publish` deploys the site (see docs/publishing.md): a local folder
# here, so that a dry run works on a fresh clone; a real site uses rsync, git or s3.
PODIUM_PUBLISH_TARGETS = {"site": {"type": "dir", "path": "public"}}
