"""What every kind of backend test needs, written once.

- ``ports``: a free loopback port.
- ``databases``: the PostgreSQL server and Redis the tests use (``TEST_DATABASE_URL``,
  ``TEST_REDIS_URL``), scratch databases created and dropped, migrations applied.
- ``apps``: the testing configuration of an app.
- ``accounts``: the test password, user factories and logins that work with any app.
- ``queries``: the SQL statements a request runs, captured from the app (to EXPLAIN them).
- ``servers``: waiting for a process, a private redis-server, the app under gunicorn
  (``LiveServer``) and the native stack (``NativeStack``, through ``scripts/stack.sh``, the
  one way to start it: also used by ``make stack``, the benchmarks and Playwright).
"""
