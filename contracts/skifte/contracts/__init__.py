"""Contract tests of an environment with schemathesis: runs, the release matrix, readiness."""
