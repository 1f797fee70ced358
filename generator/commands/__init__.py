"""The commands behind the CLI: build, new, serve and check --base."""
