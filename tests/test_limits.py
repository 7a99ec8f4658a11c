"""Per-document limits: a text too long is refused up front, a stalled one is abandoned."""

from __future__ import annotations

import threading
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


def spin() -> None:
    while True:
        pass


def test_time_limit_abandons_a_body_in_a_thread_that_is_not_the_main_one():
    caught: list[BaseException] = []

    def guarded() -> None:
        try:
            with time_limit("t.txt", 0.2):
                spin()
        except TooSlow as error:
            caught.append(error)

    started = time.monotonic()
    worker = threading.Thread(target=guarded)
    worker.start()
    worker.join(5)
    assert not worker.is_alive()
    assert time.monotonic() - started < 2
    assert [type(e) for e in caught] == [TooSlow]
    assert caught[0].message.startswith("t.txt: extraction took longer than 0.2 s")


def test_time_limits_in_two_threads_each_stop_their_own_body():
    outcomes: dict[str, str] = {}

    def guarded(name: str, seconds: float, body_seconds: float) -> None:
        try:
            with time_limit(name, seconds):
                end = time.monotonic() + body_seconds
                while time.monotonic() < end:
                    pass
            outcomes[name] = "finished"
        except TooSlow:
            outcomes[name] = "too_slow"

    threads = [
        threading.Thread(target=guarded, args=("slow", 0.2, 30)),
        threading.Thread(target=guarded, args=("quick", 5, 0.5)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert outcomes == {"slow": "too_slow", "quick": "finished"}


def test_nested_limits_report_the_one_whose_deadline_passed():
    with pytest.raises(TooSlow) as caught, time_limit("outer", 0.2), time_limit("inner", 30):
        spin()
    assert caught.value.message.startswith("outer: extraction took longer than 0.2 s")
    with pytest.raises(TooSlow) as caught, time_limit("outer", 30), time_limit("inner", 0.2):
        spin()
    assert caught.value.message.startswith("inner: extraction took longer than 0.2 s")


def test_time_limit_raises_again_when_the_body_swallowed_the_first_raise(monkeypatch):
    import warledger.limits as limits

    monkeypatch.setattr(limits, "REFIRE_SECONDS", 0.1)
    swallowed = []
    with pytest.raises(TooSlow), time_limit("a.txt", 0.2):
        try:
            spin()
        except BaseException as exc:  # a library that catches everything, once
            swallowed.append(type(exc).__name__)
        spin()
    assert swallowed == ["_ExpiredHere"]


def test_a_quick_body_in_a_thread_leaves_nothing_pending():
    done: list[int] = []

    def guarded() -> None:
        for _ in range(200):  # deadlines that pass about when the body ends
            try:
                with time_limit("q.txt", 0.001):
                    pass
            except TooSlow:
                pass
        total = 0
        for i in range(200_000):
            total += i
        done.append(total)

    worker = threading.Thread(target=guarded)
    worker.start()
    worker.join(10)
    assert done == [sum(range(200_000))]


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
