"""Pure work of a derived stage split over forked processes, the results in order.

``fork_map(fn, items)`` is ``[fn(x) for x in items]``: the items are cut into contiguous runs,
the last runs go to forked children (which inherit ``fn`` and the items from the parent's memory:
nothing is pickled but the results) while this process does the first run, and the results are
put back in the items' order, so the output does not depend on how many processes ran. What a
child adds to the build's memo (glossary/segmenter.py) is sent back with its results and kept,
as if this process had computed it. ``fork_call`` runs one function beside this process the
same way. Where fork is missing, or one core is usable, everything runs here.
"""

from __future__ import annotations

import marshal
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_all_start_methods, get_context

_JOBS: dict[int, tuple] = {}


def usable_cores() -> int:
    from policykb.incremental import default_workers

    return default_workers()


def _memo_state():
    from policykb.glossary import segmenter

    return segmenter._MEMO, segmenter._USED


def _pack(value):
    """What a child sends back: marshal's bytes when the value is made of plain types only
    (several times faster than pickle for big nested dicts and lists of strings, order and
    types kept), the value itself (pickled) otherwise."""
    try:
        return True, marshal.dumps(value)
    except ValueError:  # a type marshal does not write (a Path, a subclass of dict or str …)
        return False, value


def _unpack(packed):
    plain, value = packed
    return marshal.loads(value) if plain else value


def _run(job: int, lo: int, hi: int):
    fn, items = _JOBS[job]
    memo, used = _memo_state()
    before = set(used)
    out = [fn(x) for x in items[lo:hi]]
    new = used - before
    return _pack(out), _pack({k: memo[k] for k in new if k in memo}), new


def _merge(memo_part: dict, used_part: set) -> None:
    memo, used = _memo_state()
    for k, v in memo_part.items():
        memo.setdefault(k, v)
    used.update(used_part)


def fork_map(fn, items: list, workers: int | None = None, min_items: int = 2) -> list:
    """``[fn(x) for x in items]`` over ``workers`` processes (default: the usable cores)."""
    items = list(items)
    workers = min(workers or usable_cores(), len(items))
    if workers < 2 or len(items) < min_items or "fork" not in get_all_start_methods():
        return [fn(x) for x in items]
    bounds = [len(items) * i // workers for i in range(workers + 1)]
    job = id(items)
    _JOBS[job] = (fn, items)
    try:
        with ProcessPoolExecutor(max_workers=workers - 1, mp_context=get_context("fork")) as pool:
            futures = [pool.submit(_run, job, bounds[i], bounds[i + 1]) for i in range(1, workers)]
            out = [fn(x) for x in items[: bounds[1]]]
            for f in futures:
                part, memo_part, used_part = f.result()
                _merge(_unpack(memo_part), used_part)
                out += _unpack(part)
    finally:
        del _JOBS[job]
    return out


def _call(fn):
    return fn()


def fork_call(fn, workers: int | None = None):
    """Start ``fn()`` in a forked child (when two cores are usable); returns a function that
    waits for and returns its result (run here, at the first call, otherwise)."""
    if (workers or usable_cores()) < 2 or "fork" not in get_all_start_methods():
        return lambda: fn()
    job = id(fn)
    _JOBS[job] = (_call, [fn])
    pool = ProcessPoolExecutor(max_workers=1, mp_context=get_context("fork"))
    try:
        future = pool.submit(_run, job, 0, 1)
    except BaseException:
        pool.shutdown(cancel_futures=True)
        del _JOBS[job]
        raise

    def result():
        try:
            part, memo_part, used_part = future.result()
        finally:
            pool.shutdown()
            _JOBS.pop(job, None)
        _merge(_unpack(memo_part), used_part)
        return _unpack(part)[0]

    return result
