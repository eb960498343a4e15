"""forked.py: work split over forked processes gives what one process gives, in order."""

import os

from policykb.forked import fork_call, fork_map
from policykb.glossary import segmenter


def test_fork_map_keeps_order_whatever_the_workers():
    items = list(range(37))
    want = [x * x for x in items]
    for workers in (1, 2, 3, 8):
        assert fork_map(lambda x: x * x, items, workers=workers) == want
    assert fork_map(lambda x: x, [], workers=2) == []


def test_fork_map_runs_in_children_and_keeps_their_memo():
    parent = os.getpid()
    pids = fork_map(lambda x: os.getpid(), list(range(4)), workers=2)
    assert pids[0] == parent and pids[-1] != parent  # the last run went to a child
    words = fork_map(lambda t: segmenter.memoised(b"test forked", t, lambda s: s[::-1]), ["ab", "cd", "ef", "gh"], workers=2)
    assert words == ["ba", "dc", "fe", "hg"]
    for t in ("ab", "gh"):  # computed here and in the child: both in this process's memo now
        assert segmenter.memoised(b"test forked", t, lambda s: "recomputed") == t[::-1]


def test_fork_call_returns_the_result_and_raises_the_error():
    assert fork_call(lambda: [1, "二", None], workers=2)() == [1, "二", None]
    assert fork_call(lambda: 5, workers=1)() == 5
    try:
        fork_call(lambda: 1 / 0, workers=2)()
    except ZeroDivisionError:
        pass
    else:
        raise AssertionError("the child's error was lost")
