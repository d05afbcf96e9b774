"""Static word vectors, so the stance model knows words its few training texts never used.

A bag of n-grams only knows the words it was trained on: "abortion" taught nothing about
"pro-choice", nor "atheist" about "godless". The vectors in `stance/data/embeddings/` were
distilled once from a sentence transformer (see the note beside them and
`benchmarks/build_embeddings.py`): one vector per word piece of its vocabulary. A text's vector
is the mean of its word pieces' vectors, read with numpy alone, so nothing is downloaded and no
transformer runs at run time.
"""
from __future__ import annotations

import hashlib
import io
import re
import unicodedata
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import numpy as np

# A word, a number, or one mark of punctuation, as the transformer's tokenizer splits text
# ("U.S." is "u", ".", "s", "."; "long-range" is "long", "-", "range").
RE_WORD = re.compile(r"[^\W_]+|[^\w\s]|_", re.UNICODE)
MAX_WORD = 40        # longer "words" are URLs or codes: no piece would make sense of them


def shipped_vectors_path():
    """The vectors file that ships with the package (a `Traversable`, readable even from a zip)."""
    return resources.files("stance") / "data" / "embeddings" / "vectors.npz"


@dataclass
class WordVectors:
    """One unit vector per word piece, and the SHA-256 of the file they were read from.

    Built by `WordVectors.load()`; it remembers how each word it has read splits into pieces,
    since a corpus repeats its words.
    """

    pieces: dict[str, int] = field(repr=False)
    vectors: np.ndarray = field(repr=False)
    sha256: str = ""
    _split: dict[str, tuple[int, ...]] = field(default_factory=dict, repr=False)

    @classmethod
    def load(cls, path: str | Path | None = None) -> "WordVectors":
        """The shipped vectors, or those in `path`: an .npz of `pieces` (the word pieces as one
        newline-separated UTF-8 text, stored as uint8) and `vectors` (one row per piece)."""
        source = shipped_vectors_path() if path is None else Path(path)
        content = source.read_bytes()
        with np.load(io.BytesIO(content), allow_pickle=False) as data:
            pieces = data["pieces"].tobytes().decode("utf-8").split("\n")
            vectors = data["vectors"].astype(np.float32)
        vectors /= np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-6)
        return cls(dict(zip(pieces, range(len(pieces)))), vectors, hashlib.sha256(content).hexdigest())

    @property
    def dims(self) -> int:
        """How many numbers each vector has."""
        return self.vectors.shape[1]

    def embed(self, texts) -> np.ndarray:
        """One unit vector per text, the mean of its word pieces' vectors (zeros for a text
        with no word the pieces cover), as a matrix. Each distinct text is read once.

        >>> vectors = WordVectors.load()
        >>> truce, ceasefire, budget = vectors.embed(["a truce", "a ceasefire", "a city budget"])
        >>> bool(truce @ ceasefire > truce @ budget)
        True
        """
        index: dict[str, int] = {}
        inverse = np.array([index.setdefault(text, len(index)) for text in texts], dtype=np.intp)
        matrix = np.zeros((len(index), self.dims), dtype=np.float32)
        for row, text in enumerate(index):
            ids = self.piece_ids(text)
            if ids:
                matrix[row] = self.vectors[ids].mean(axis=0)
        norms = np.linalg.norm(matrix, axis=1, keepdims=True)
        return (matrix / np.where(norms > 0, norms, 1.0))[inverse]

    def piece_ids(self, text: str) -> list[int]:
        """The word pieces of a text, as indices into `vectors`.

        >>> vectors = WordVectors.load()
        >>> [list(vectors.pieces)[i] for i in vectors.piece_ids("Unfreezing the assets!")]
        ['un', '##free', '##zing', 'the', 'assets']
        """
        ids: list[int] = []
        for word in RE_WORD.findall(text.lower()):
            found = self._split.get(word)
            if found is None:
                found = self._split[word] = self._pieces_of(word)
            ids.extend(found)
        return ids

    def _pieces_of(self, word: str) -> tuple[int, ...]:
        """A word's pieces, longest first from the left, as the transformer's tokenizer splits it
        (accents dropped); none for a mark of punctuation or a word the pieces do not cover."""
        if not word[0].isalnum() or len(word) > MAX_WORD:
            return ()
        word = "".join(c for c in unicodedata.normalize("NFD", word) if unicodedata.category(c) != "Mn")
        ids, start = [], 0
        while start < len(word):
            for end in range(len(word), start, -1):
                piece = word[start:end] if start == 0 else "##" + word[start:end]
                if piece in self.pieces:
                    ids.append(self.pieces[piece])
                    start = end
                    break
            else:
                return ()
        return tuple(ids)
