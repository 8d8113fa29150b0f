"""The bundle's entry point: the ``copydesk`` command, as the installed package has it."""

import sys

from copydesk.cli.main import main

if __name__ == "__main__":
    sys.exit(main())
