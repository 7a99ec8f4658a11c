"""Per-document limits: a text too long is refused up front, a stalled one is abandoned."""

from __future__ import annotations

import time

import pytest

from warledger.errors import InputError
from warledger.limits import TooSlow, batch_seconds, check_length, time_limit


def test_time_limit_abandons_a_body_that_runs_too_long():
    started = time.monotonic()
    with pytest.raises(TooSlow) as caught, time_limit("a.txt", 0.2):
        while True:
            pass
    assert time.monotonic() - started < 2
    assert caught.value.reason == "too_slow"
    assert caught.value.message.startswith(
        "a.txt: extraction took longer than 0.2 s and was abandoned"
    )


def test_time_limit_lets_a_quick_body_finish_and_disarms():
    with time_limit("a.txt", 0.5):
        value = sum(range(1000))
    time.sleep(0.7)  # the alarm must not fire after the body
    assert value == 499500


def test_time_limit_zero_means_no_limit():
    with time_limit("a.txt", 0):
        time.sleep(0.01)


def test_time_limit_is_not_swallowed_by_except_exception():
    with pytest.raises(TooSlow), time_limit("a.txt", 0.2):
        try:
            while True:
                pass
        except Exception:  # what a parser library might do
            pytest.fail("the alarm was caught as an ordinary exception")


def test_batch_seconds_is_each_documents_share_summed():
    assert batch_seconds(120.0, 32) == 3840
    assert batch_seconds(0.0, 32) == 0.0


def test_check_length_refuses_a_text_over_the_limit_up_front():
    check_length("a.txt", "x" * 10, 10)
    with pytest.raises(InputError) as caught:
        check_length("a.txt", "x" * 11, 10)
    assert caught.value.reason == "too_large"
    assert caught.value.message.startswith(
        "a.txt: the text is 11 characters, over the 10-character limit for one article"
    )
