"""The speed layer around the plain pipeline: build cache, fingerprints, page planning, workers.

Imported only by the build command."""
