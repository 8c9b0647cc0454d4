import os

# Playwright's sync API runs an event loop in this thread; the ORM refuses to run inside
# one unless told that this is safe, which it is for these single-threaded tests. (The
# Chromium fixtures are shared, in tests/conftest.py.)
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
