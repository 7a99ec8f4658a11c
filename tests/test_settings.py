"""Settings: WARLEDGER_* numbers are checked, with a message that says how to fix them."""

from __future__ import annotations

import pytest

from warledger.errors import ConfigError
from warledger.settings import Settings


def test_settings_defaults_bound_each_document():
    settings = Settings.load()
    assert (settings.max_bytes, settings.max_chars, settings.max_seconds) == (
        20_000_000,
        1_000_000,
        120.0,
    )


def test_settings_read_limits_from_the_environment(monkeypatch):
    monkeypatch.setenv("WARLEDGER_MAX_BYTES", "5_000")
    monkeypatch.setenv("WARLEDGER_MAX_CHARS", "2000")
    monkeypatch.setenv("WARLEDGER_MAX_SECONDS", "2.5")
    settings = Settings.load()
    assert (settings.max_bytes, settings.max_chars, settings.max_seconds) == (5000, 2000, 2.5)


def test_settings_refuse_a_max_bytes_that_is_not_a_number(monkeypatch):
    monkeypatch.setenv("WARLEDGER_MAX_BYTES", "abc")
    with pytest.raises(ConfigError) as caught:
        Settings.load()
    assert str(caught.value) == (
        "WARLEDGER_MAX_BYTES='abc' is not a whole number; set it to a whole number "
        "(e.g. WARLEDGER_MAX_BYTES=20000000) or unset it"
    )


@pytest.mark.parametrize("value", ["-1", "nan"])
def test_settings_refuse_a_negative_time_limit(monkeypatch, value):
    monkeypatch.setenv("WARLEDGER_MAX_SECONDS", value)
    with pytest.raises(ConfigError) as caught:
        Settings.load()
    assert str(caught.value) == (
        f"WARLEDGER_MAX_SECONDS='{value}' must be zero or more; fix it or unset it"
    )
