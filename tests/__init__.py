"""The test suite. Run it with `make test`."""
