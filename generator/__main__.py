"""`python -m generator` runs the newsdigest command line."""

from generator.cli import main

raise SystemExit(main())
