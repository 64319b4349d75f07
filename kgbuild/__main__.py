"""``python -m kgbuild`` runs the command line."""

import sys

from kgbuild.cli import main

sys.exit(main())
