"""`python -m tui_reader` behaves exactly like the `reader` command."""

import sys

from tui_reader.cli import main

sys.exit(main())
