"""Run a pure function over work items in order: serially, in local processes, or on Dask.

:func:`map_ordered` yields ``func(item)`` for every item, in the order of the items,
whichever engine computes them, so that every engine gives the same tables:

* ``serial``: one process;
* ``processes``: a pool of local worker processes, with at most a few items in flight
  per worker (memory stays flat however many items come);
* ``dask``: ``dask.bag`` over windows of items; with ``scheduler`` (a
  ``dask.distributed`` address such as ``tcp://10.0.0.5:8786``) the same code runs on
  that cluster, else on Dask's local process scheduler.

``func`` must be a module-level function (it is pickled to the workers) and pure.
"""

from __future__ import annotations

import itertools
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

ENGINES = ("serial", "processes", "dask")


def default_workers() -> int:
    """Worker processes to use when none are asked for: the usable cores.

    Example:
        >>> default_workers() >= 1
        True
    """
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return max(1, os.cpu_count() or 1)


def map_ordered(
    func: Callable[[T], R],
    items: Iterable[T],
    *,
    engine: str = "serial",
    workers: int | None = None,
    scheduler: str | None = None,
    window: int | None = None,
) -> Iterator[R]:
    """``func(item)`` for each item, in order, computed by the chosen engine.

    Args:
        func: A module-level, pure function of one item.
        items: The work items (consumed lazily).
        engine: ``serial``, ``processes`` or ``dask``.
        workers: Worker processes (default: the usable cores).
        scheduler: A ``dask.distributed`` scheduler address (``dask`` engine only).
        window: Items in flight at once (default: 4 per worker).

    Example:
        >>> list(map_ordered(abs, [-2, 1, -3], engine="serial"))
        [2, 1, 3]
    """
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}: expected one of {', '.join(ENGINES)}")
    if scheduler and engine != "dask":
        raise ValueError("a scheduler address needs engine='dask'")
    workers = workers or default_workers()
    window = window or 4 * workers
    if engine == "serial":
        yield from map(func, items)
    elif engine == "processes":
        yield from _map_processes(func, items, workers, window)
    else:
        yield from _map_dask(func, items, workers, scheduler, window)


def _map_processes(func, items, workers: int, window: int):
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("spawn")  # no inherited state: same as a fresh run
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        pending: deque = deque()
        for item in items:
            pending.append(pool.submit(func, item))
            if len(pending) >= window:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


def _map_dask(func, items, workers: int, scheduler: str | None, window: int):
    import dask.bag as db

    client = None
    if scheduler:
        from dask.distributed import Client

        client = Client(scheduler)
    try:
        iterator = iter(items)
        while True:
            chunk = list(itertools.islice(iterator, window))
            if not chunk:
                break
            bag = db.from_sequence(chunk, npartitions=min(len(chunk), workers * 2))
            if client is not None:
                yield from bag.map(func).compute()
            else:
                yield from bag.map(func).compute(scheduler="processes", num_workers=workers)
    finally:
        if client is not None:
            client.close()
