"""`python -m generator` runs the newsdigest command line."""

from generator.start import main

raise SystemExit(main())
