"""A compact set of the document ids read so far, each with a 64-bit value (the hash of its text).

:class:`kg.ingest.readers.Reader` uses it to tell an exact repeat of a document (same id, same text: dropped)
from an id clash (same id, another text: renamed).
"""

from __future__ import annotations

from array import array
from hashlib import blake2b

#: Values kept in an :class:`IdTable` are 64-bit: a Python hash is masked to this.
MASK64 = (1 << 64) - 1


class IdTable:
    """Document ids seen, each with a 64-bit value, as 8-byte digests in two flat arrays.

    A ``dict`` of the ids themselves costs 150-250 bytes a document (a 10M-record dump: 2 GB); this
    table costs 32-64 bytes whatever the length of the ids. Ids are told apart by a 64-bit BLAKE2b
    digest: two ids of a 10M-document corpus share one with probability about 3e-6.

    >>> t = IdTable(); t.add("a1", 7), t.add("a2", 8), t.add("a1", 9)
    (None, None, 7)
    >>> "a1" in t, "a3" in t, len(t)
    (True, False, 2)
    """

    def __init__(self, capacity: int = 1024) -> None:
        self._keys = array("Q", bytes(8 * capacity))  # 0 marks a free slot (digests are odd)
        self._values = array("Q", bytes(8 * capacity))
        self._size = 0

    @staticmethod
    def _digest(doc_id: str) -> int:
        # surrogatepass: a file name that is not valid UTF-8 comes in with surrogate escapes
        raw = blake2b(doc_id.encode("utf-8", "surrogatepass"), digest_size=8).digest()
        return int.from_bytes(raw, "little") | 1

    def _slot(self, key: int) -> int:
        """Linear probing: the slot holding ``key``, or the free slot it belongs in."""
        keys, mask = self._keys, len(self._keys) - 1
        i = (key >> 1) & mask
        while keys[i] and keys[i] != key:
            i = (i + 1) & mask
        return i

    def add(self, doc_id: str, value: int) -> int | None:
        """Store ``value`` for a new id and return None; for an id seen before, return its value."""
        key = self._digest(doc_id)
        i = self._slot(key)
        if self._keys[i] == key:
            return self._values[i]
        if 2 * (self._size + 1) > len(self._keys):  # at most half full, so probes stay short
            self._grow()
            i = self._slot(key)
        self._keys[i], self._values[i] = key, value
        self._size += 1
        return None

    def _grow(self) -> None:
        old_keys, old_values = self._keys, self._values
        self._keys = array("Q", bytes(16 * len(old_keys)))
        self._values = array("Q", bytes(16 * len(old_keys)))
        for key, value in zip(old_keys, old_values, strict=True):
            if key:
                i = self._slot(key)
                self._keys[i], self._values[i] = key, value

    def __contains__(self, doc_id: object) -> bool:
        return isinstance(doc_id, str) and self._keys[self._slot(self._digest(doc_id))] != 0

    def __len__(self) -> int:
        return self._size
