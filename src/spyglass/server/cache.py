"""Whole-corpus analyses (indicators, corroboration, the map) kept until the store changes.

They read every stored event, which takes seconds on a large store, while the store changes only when a
document is ingested or deleted. The store's version is its document count and newest document, so any write
(through this server or the CLI) makes the next request compute afresh.
"""

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from sqlalchemy.orm import Session

from spyglass.store.records import list_documents

T = TypeVar("T")


def store_version(session: Session) -> tuple[int, str | None]:
    """Changes whenever a document is added or removed."""
    newest = list_documents(session, limit=1)
    return newest.total, newest.items[0].id if newest.items else None


class AnalysisCache:
    """A small LRU of results by (name, store version); computing happens outside the lock."""

    def __init__(self, size: int = 32) -> None:
        self.size = size
        self._items: OrderedDict[Hashable, Any] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, session: Session, name: Hashable, compute: Callable[[], T]) -> T:
        key = (name, store_version(session))
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
        value = compute()
        with self._lock:
            self._items[key] = value
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return value
