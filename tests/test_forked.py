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


class Tagged(str):
    pass


def test_results_come_back_with_their_types():
    from collections import OrderedDict
    from pathlib import Path

    values = [("a", 1, 2.5, None, True), ["b", {"z": 1, "a": [1, (2,)]}], Path("x/y"), OrderedDict(k=1), Tagged("t"),
              {"plain": "中文", "nested": [{"b": 1, "a": 2}]}]
    back = fork_map(lambda v: v, values, workers=2)
    assert back == values
    assert [type(v) for v in back] == [type(v) for v in values]
    assert list(back[-1]["nested"][0]) == ["b", "a"]  # dict order kept
