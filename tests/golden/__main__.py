"""`python -m tests.golden --update`: record the golden output again (see make.py)."""

import sys

from tests.golden.make import main

sys.exit(main(sys.argv[1:]))
