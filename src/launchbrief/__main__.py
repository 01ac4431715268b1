"""``python -m launchbrief``: the same as the ``launchbrief`` command."""

import sys

from launchbrief.cli import main

sys.exit(main())
