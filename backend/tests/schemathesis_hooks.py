"""Loaded by schemathesis (SCHEMATHESIS_HOOKS) in tests/test_schemathesis.py: teaches it the
formats the spec uses beyond OpenAPI's own, so its valid examples are really valid."""

from zoneinfo import available_timezones

import schemathesis
from hypothesis import strategies as st

schemathesis.openapi.format("iana-time-zone", st.sampled_from(sorted(available_timezones())))
