"""A learned stance classifier for any label set, saved as plain arrays, never pickled.

`StanceModel` reads a text and the target it is about (a topic's label, a tweet's target, a
headline) and predicts whichever stance labels its training data used: FAVOR/AGAINST/NONE, the
five-point scale ruled_out ... support, or agree/disagree/discuss/unrelated.

How it reads: word 1-3-grams and character 2-5-grams (TF-IDF, sublinear counts) of the text,
with hashtags also split into words ("#prolifeyouth" -> "prolife youth"), since tweets put
their stance in hashtags. With `sentiment=True` (the default) it also reads the text's
sentiment from the VADER lexicon (the `vaderSentiment` package): its compound, positive and
negative scores, and the same three again when the text names its target. A lexicon knows
that "shameful" is negative even when the few training texts never used the word; whether
negative means AGAINST is left to the per-target copies below, since scorn for the target's
opponents is FAVOR. With `vectors_weight` above 0 (0.5 by default) it also reads the mean of
the static word vectors of the text's word pieces (`stance.embeddings`, distilled from the
all-MiniLM-L6-v2 sentence transformer, 192 numbers, scaled by the weight): a vocabulary of
27,742 pieces that puts "godless" nearer "atheist" than "weather" is, whatever words the
training texts used. Each feature exists twice, once shared by every target and once per
target seen in training (Daume's "frustratingly easy" feature augmentation): one logistic
regression then learns both what signals stance in general and what signals it for that
target, and a target never seen in training is read with the shared half alone. With
`pair_features=True` it also reads how the text relates to the target (TF-IDF cosines, share of
the target's words the text repeats, the target's own words): what a headline/body task needs.

The defaults were chosen by cross-validation on the SemEval-2016 Task 6 training tweets only
(benchmarks/semeval2016.py --cross-validate); the sentiment features raised its F_avg by
about 0.8 points there, the word vectors by 0.3 more. A model folder saved before the
`sentiment` or `vectors_weight` setting existed loads with it off and reads exactly as it did.

A saved model is a folder of JSON and .npz arrays plus a `manifest.json` with the SHA-256 of
every file; `StanceModel.load` refuses a folder with a missing, changed or foreign file. The
manifest also records the word vectors' weight and the SHA-256 of the vectors file the model
was trained with; a model is not read with other vectors.
The hashes catch damage and edits, not a forger who rewrites the manifest too; safety against
code execution comes from never unpickling (JSON, and `numpy.load(allow_pickle=False)`).
"""
from __future__ import annotations

import hashlib
import json
import logging
import math
import re
import zipfile
from collections import Counter
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd
from scipy import sparse
from scipy.special import softmax
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, CountVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import normalize

from .embeddings import WordVectors, shipped_vectors_path
from .errors import InputError, ModelError
from .ingest import _csv_delimiter

logger = logging.getLogger(__name__)

FORMAT = "stance-model"
FORMAT_VERSION = 2           # version 1 (pickle-free, one file set per target) is no longer read
MANIFEST = "manifest.json"
SETTINGS_FILE = "settings.json"
VOCABULARY_FILE = "vocabulary.json"
HASHTAG_FILE = "hashtags.json"
WEIGHTS_FILE = "weights.npz"
MODEL_FILES = (SETTINGS_FILE, VOCABULARY_FILE, HASHTAG_FILE, WEIGHTS_FILE)
FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)   # so saving one model twice writes the same bytes
# Settings added after format version 2 was fixed, with the value a folder that lacks them was
# trained with: such a folder (a model saved by an earlier version) still loads and reads as before.
LATER_SETTINGS = {"sentiment": False, "vectors_weight": 0.0}

RE_URL = re.compile(r"https?://\S+|www\.\S+")
# A hashtag: '#' and its word characters; group 1 is the tag without '#'.
RE_HASHTAG = re.compile(r"#(\w+)")
# Word boundaries inside a tag: lower->Upper ("LoveWins"), UPPER->Capitalised ("SCOTUSMarriage"),
# letter<->digit ("Hillary2016", "2016Election").
RE_TAG_BOUNDARY = re.compile(r"(?<=[a-z])(?=[A-Z])"          # loveWins
                             r"|(?<=[A-Z])(?=[A-Z][a-z])"  # SCOTUSMarriage
                             r"|(?<=[A-Za-z])(?=[0-9])"    # Hillary2016
                             r"|(?<=[0-9])(?=[A-Za-z])")   # 2016Election
# Tags and @mentions are left out of the word counts that teach the splitter real words.
RE_TAG_OR_MENTION = re.compile(r"[#@]\w+")
RE_LOWER_WORD = re.compile(r"[a-z]+")

MIN_LEXICON_COUNT = 2        # a word seen once may be a typo; it does not guide tag splitting
MAX_TAG_WORD = 20            # longest word the splitter considers
SPLIT_PENALTY = 3.0          # cost per word, so "prolife" stays whole when both halves are common
OPENING_CHARS = 600          # a news body states its claim near the top
PAIR_BINS = 20               # similarities are also given as one-hot bins: a linear model then
                             # learns a threshold ("unrelated below 0.1") instead of a slope
BLOCK_ROWS = 256             # distinct targets compared with all texts in one step, to bound memory
MENTION_PREFIX = 5           # a text names its target when it holds the first 5 letters of one of
                             # the target's words: "feminist" also finds "feminism", "atheism" "atheists"
MIN_MENTION_WORD = 4         # shorter target words ("gun", "war") are too often inside other words
SENTIMENT_FEATURES = 6       # compound, positive, negative; the same three when the target is named


class HashtagSplitter:
    """Split hashtags into words, learning the words from the training texts themselves.

    Tweets carry stance in tags such as "#prolifeyouth" or "#StopHillary2016"; splitting them
    lets their words count as words. Case changes and digits split first; an all-lowercase run
    is cut where the pieces are words the training texts use often (minimum total cost).

    >>> splitter = HashtagSplitter({"love": 5, "wins": 3, "pro": 2, "life": 4})
    >>> splitter.split("lovewins"), splitter.split("ProLife2016")
    (['love', 'wins'], ['pro', 'life', '2016'])
    >>> splitter.expand("So happy #lovewins")
    'So happy #lovewins love wins'
    """

    def __init__(self, word_counts: dict[str, int]):
        self.word_counts = dict(word_counts)
        self._total = max(1, sum(self.word_counts.values()))

    @classmethod
    def from_texts(cls, texts) -> "HashtagSplitter":
        """The splitter for a corpus: its lowercase words seen at least twice outside tags."""
        counts = Counter(word for text in texts
                         for word in RE_LOWER_WORD.findall(RE_TAG_OR_MENTION.sub(" ", text.lower())))
        return cls({word: count for word, count in sorted(counts.items())
                    if count >= MIN_LEXICON_COUNT and (len(word) > 1 or word in ("a", "i"))})

    def split(self, tag: str) -> list[str]:
        """The words of one tag (without '#'), lowercased."""
        parts = RE_TAG_BOUNDARY.sub(" ", tag).split()
        if len(parts) > 1:
            return [word for part in parts for word in self.split(part)]
        return self._segment(tag.lower())

    def expand(self, text: str) -> str:
        """The text with each hashtag followed by its words; the tag itself is kept as a clue."""
        return RE_HASHTAG.sub(lambda match: f"{match.group(0)} {' '.join(self.split(match.group(1)))}", text)

    def _cost(self, word: str) -> float:
        count = self.word_counts.get(word)
        if count:
            return -math.log(count / self._total) + SPLIT_PENALTY
        return 10.0 + 2.5 * len(word) + SPLIT_PENALTY      # unknown pieces: long ones cost more

    def _segment(self, run: str) -> list[str]:
        if not run.isalpha():
            return [run]
        best, back = [0.0] + [math.inf] * len(run), [0] * (len(run) + 1)
        for end in range(1, len(run) + 1):
            for start in range(max(0, end - MAX_TAG_WORD), end):
                cost = best[start] + self._cost(run[start:end])
                if cost < best[end]:
                    best[end], back[end] = cost, start
        words, end = [], len(run)
        while end > 0:
            words.append(run[back[end]:end])
            end = back[end]
        return words[::-1]


class TfidfSpace:
    """One TF-IDF space (word or character n-grams), rebuilt exactly from a term list and idf.

    Sublinear counts (1 + log tf), smoothed idf and unit-length rows, as scikit-learn's
    `TfidfVectorizer(sublinear_tf=True)`; kept as two plain arrays so it can be saved safely.

    >>> space = TfidfSpace.fit(["troops in", "no troops"], analyzer="word", ngram_range=(1, 1))
    >>> space.vocabulary
    ['in', 'no', 'troops']
    >>> space.transform(["troops troops"]).toarray().round(2).tolist()
    [[0.0, 0.0, 1.0]]
    """

    def __init__(self, vocabulary: list[str], idf: np.ndarray, analyzer: str = "word",
                 ngram_range=(1, 1), stop_words: str | None = None):
        self.vocabulary, self.idf = list(vocabulary), np.asarray(idf, dtype=np.float64)
        self.analyzer, self.ngram_range, self.stop_words = analyzer, tuple(ngram_range), stop_words
        self._counter = CountVectorizer(analyzer=analyzer, ngram_range=self.ngram_range, stop_words=stop_words,
                                        vocabulary=self.vocabulary or ["<empty>"], dtype=np.float64)

    @classmethod
    def fit(cls, texts, analyzer: str, ngram_range, min_df: int = 1, max_features: int | None = None,
            stop_words: str | None = None) -> "TfidfSpace":
        """Learn terms and idf from the distinct texts (a news body paired with many headlines
        counts once)."""
        distinct = sorted(set(texts))
        counter = CountVectorizer(analyzer=analyzer, ngram_range=tuple(ngram_range), stop_words=stop_words,
                                  min_df=min(min_df, len(distinct)), max_features=max_features, dtype=np.float64)
        try:
            counts = counter.fit_transform(distinct).tocsc()
        except ValueError:         # nothing but stop words or empty texts: an empty space
            return cls([], np.zeros(0), analyzer, ngram_range, stop_words)
        document_frequency = np.diff(counts.indptr)
        idf = np.log((1 + len(distinct)) / (1 + document_frequency)) + 1.0
        return cls(list(counter.get_feature_names_out()), idf, analyzer, ngram_range, stop_words)

    def transform_distinct(self, texts) -> tuple[sparse.csr_matrix, np.ndarray]:
        """TF-IDF rows of the distinct texts, and for each input text the row that is its own."""
        index: dict[str, int] = {}
        inverse = np.array([index.setdefault(text, len(index)) for text in texts], dtype=np.intp)
        distinct = list(index)
        counts = self._counter.transform(distinct).tocsr()
        if not self.vocabulary:
            return sparse.csr_matrix((len(distinct), 0)), inverse
        counts.data = 1.0 + np.log(counts.data)
        return normalize(counts @ sparse.diags(self.idf), norm="l2", copy=False).tocsr(), inverse

    def transform(self, texts) -> sparse.csr_matrix:
        """TF-IDF rows, one per text."""
        rows, inverse = self.transform_distinct(texts)
        return rows[inverse]


class StanceModel(BaseEstimator, ClassifierMixin):
    """Stance of (text, target) pairs, for whatever labels the training data uses.

    One multinomial logistic regression over n-gram TF-IDF features, lexicon sentiment scores
    and the mean of static word vectors, each feature given once for all targets and once per training target (see the
    module docstring). `predict_proba` gives its softmax probabilities; with
    `class_weight="balanced"` rare labels are weighted up, which raises their probabilities
    somewhat. On SemEval-2016 cross-validation the predicted class's probability was close to
    its accuracy (expected calibration error about 0.04; C=1 scored the same F_avg within
    noise, but its probabilities were too low, error about 0.08, so C=2 was kept).

    Settings:
        word_ngram_range, char_ngram_range: n-gram lengths (char n-grams within words); None
            leaves that space out.
        C: inverse regularisation strength of the logistic regression.
        class_weight: "balanced" (default), None, or a dict label -> weight.
        sentiment: add the text's VADER sentiment scores, alone and when the text names its
            target (see the module docstring).
        vectors_weight: add the mean of the text's static word vectors, scaled by this weight
            (0 leaves them out). 0.5 beat 1.0 and 2.0 in cross-validation.
        per_target: learn target-specific copies of the features as well as shared ones.
        pair_features: add text-target similarity features, the target's words, and the words
            the two share (for headline/body pairs or texts that may not mention the target).
        text_char_features: use character n-grams of the text as features (turn off for long
            texts such as news bodies; pair features still use them for similarity).
        split_hashtags: add the words of each hashtag, learnt from the training texts.
        min_df, max_features: keep n-grams in at least `min_df` distinct texts; at most
            `max_features` per space (None: all).
        max_iter, random_state: solver limits; the solver is deterministic.

    >>> texts = ["we back the plan", "we reject the plan", "the plan is great", "the plan is awful"] * 5
    >>> model = StanceModel().fit(texts, ["plan"] * 20, ["pro", "con", "pro", "con"] * 5)
    >>> model.classes_.tolist(), model.predict(["they back the plan"], ["plan"]).tolist()
    (['con', 'pro'], ['pro'])
    """

    def __init__(self, word_ngram_range=(1, 3), char_ngram_range=(2, 5), C=2.0, class_weight="balanced",
                 sentiment=True, per_target=True, pair_features=False, text_char_features=True,
                 split_hashtags=True, min_df=1, max_features=None, max_iter=1000, random_state=0,
                 vectors_weight=0.5):
        self.word_ngram_range = word_ngram_range
        self.char_ngram_range = char_ngram_range
        self.C = C
        self.class_weight = class_weight
        self.sentiment = sentiment
        self.per_target = per_target
        self.pair_features = pair_features
        self.text_char_features = text_char_features
        self.split_hashtags = split_hashtags
        self.min_df = min_df
        self.max_features = max_features
        self.max_iter = max_iter
        self.random_state = random_state
        self.vectors_weight = vectors_weight

    # -- learning ---------------------------------------------------------------------------------

    def fit(self, texts, targets, labels) -> "StanceModel":
        """Learn the stance labels of (text, target) pairs; returns the fitted model."""
        texts, targets, labels = _strings(texts), _strings(targets), _strings(labels)
        if not (len(texts) == len(targets) == len(labels)):
            raise ValueError("texts, targets and labels differ in length "
                             f"({len(texts)}, {len(targets)}, {len(labels)})")
        if len(set(labels)) < 2:
            raise ValueError(f"training needs at least two different stance labels; found {sorted(set(labels))}")
        self.splitter_ = HashtagSplitter.from_texts(texts) if self.split_hashtags else HashtagSplitter({})
        self.vectors_ = WordVectors.load() if self.vectors_weight else None
        read = [self._read(text) for text in texts]
        keys = [_target_key(target) for target in targets]
        self.spaces_ = {}
        corpus = read + keys if self.pair_features else read
        if self.word_ngram_range:
            self.spaces_["word"] = TfidfSpace.fit(corpus, "word", self.word_ngram_range, self.min_df, self.max_features)
        if self.char_ngram_range:
            self.spaces_["char"] = TfidfSpace.fit(corpus, "char_wb", self.char_ngram_range, self.min_df,
                                                  self.max_features)
        if self.pair_features:
            self.spaces_["content"] = TfidfSpace.fit(read + keys, "word", (1, 1), 1, None, stop_words="english")
        if not any(space.vocabulary for space in self.spaces_.values()):
            raise ValueError("the training texts have no words to learn from")
        self.targets_ = sorted(set(keys)) if self.per_target else []
        features = self._features(read, keys)
        classifier = LogisticRegression(C=self.C, class_weight=self.class_weight, solver="newton-cg",
                                        max_iter=self.max_iter, random_state=self.random_state)
        classifier.fit(features, labels)
        self.classes_ = classifier.classes_.astype(str)
        coef, intercept = classifier.coef_, classifier.intercept_
        if len(self.classes_) == 2:     # scikit-learn keeps one row of log-odds; make it one row per class
            coef, intercept = np.vstack([-coef / 2, coef / 2]), np.concatenate([-intercept / 2, intercept / 2])
        self.coef_, self.intercept_ = np.asarray(coef, dtype=np.float64), np.asarray(intercept, dtype=np.float64)
        self.n_samples_, self.n_features_ = len(texts), features.shape[1]
        logger.info("stance model: %d examples, %d labels, %d targets, %d features", len(texts),
                    len(self.classes_), len(self.targets_), features.shape[1])
        return self

    # -- predicting -------------------------------------------------------------------------------

    def decision_function(self, texts, targets) -> np.ndarray:
        """One score per class (columns in `classes_` order); higher means more likely."""
        texts, targets = _strings(texts), _strings(targets)
        if len(texts) != len(targets):
            raise ValueError(f"texts and targets differ in length ({len(texts)}, {len(targets)})")
        if not texts:
            return np.zeros((0, len(self.classes_)))
        features = self._features([self._read(text) for text in texts], [_target_key(t) for t in targets])
        return np.asarray(features @ self.coef_.T) + self.intercept_

    def predict_proba(self, texts, targets) -> np.ndarray:
        """Probability of each class (columns in `classes_` order); rows sum to 1."""
        return softmax(self.decision_function(texts, targets), axis=1)

    def predict(self, texts, targets) -> np.ndarray:
        """The most probable stance label of each (text, target) pair."""
        return self.classes_[self.decision_function(texts, targets).argmax(axis=1)]

    def score(self, texts, targets, labels) -> float:
        """Share of pairs whose predicted label is the given one (accuracy)."""
        return float(np.mean(self.predict(texts, targets) == np.asarray(_strings(labels))))

    # -- features ---------------------------------------------------------------------------------

    def _read(self, text: str) -> str:
        """The text as the model reads it: links masked, hashtags followed by their words."""
        return self.splitter_.expand(RE_URL.sub(" URL ", text))

    def _features(self, texts: list[str], keys: list[str]) -> sparse.csr_matrix:
        """[shared | one copy per training target | text-target pair features], one row per pair."""
        distinct_rows = {name: space.transform_distinct(texts) for name, space in self.spaces_.items()}
        shared_names = [name for name in ("word", "char") if name in self.spaces_
                        and (name == "word" or self.text_char_features)]
        shared_blocks = [distinct_rows[name][0][distinct_rows[name][1]] for name in shared_names]
        if self.sentiment:
            shared_blocks.append(sparse.csr_matrix(_sentiment_features(texts, keys)))
        if self.vectors_weight:
            shared_blocks.append(sparse.csr_matrix(self.vectors_weight * self.vectors_.embed(texts)))
        shared = sparse.hstack(shared_blocks or [sparse.csr_matrix((len(texts), 0))]).tocsr()
        blocks = [shared]
        key_array = np.asarray(keys, dtype=object)
        for target in self.targets_:
            blocks.append(sparse.diags((key_array == target).astype(np.float64)) @ shared)
        if self.pair_features:
            blocks.extend(self._pair_blocks(texts, keys, distinct_rows))
        return sparse.hstack(blocks).tocsr()

    def _pair_blocks(self, texts, keys, distinct_rows) -> list[sparse.spmatrix]:
        """How the text relates to its target: similarity values (raw and binned), the target's
        own words, and the words text and target share."""
        similarities, blocks = [], []
        for name in ("word", "char", "content"):
            if name not in self.spaces_:
                continue
            text_rows, text_index = distinct_rows[name]
            target_rows, target_index = self.spaces_[name].transform_distinct(keys)
            similarities.append(_row_dots(text_rows, text_index, target_rows, target_index))
            if name == "content":
                text_words, target_words = _binary(text_rows), _binary(target_rows)
                opening_rows, opening_index = self.spaces_[name].transform_distinct(
                    [text[:OPENING_CHARS] for text in texts])
                target_sizes = np.maximum(1.0, np.asarray(target_words.sum(axis=1)).ravel()[target_index])
                similarities.append(_row_dots(text_words, text_index, target_words, target_index) / target_sizes)
                similarities.append(_row_dots(_binary(opening_rows), opening_index, target_words, target_index)
                                    / target_sizes)
                similarities.append(_row_dots(opening_rows, opening_index, target_rows, target_index))
            if name == "word":
                target_gathered = target_rows[target_index]
                blocks.append(target_gathered)
                blocks.append(normalize(text_rows[text_index].multiply(target_gathered).tocsr()))
        values = np.clip(np.column_stack(similarities), 0.0, 1.0)
        bins = np.minimum((values * PAIR_BINS).astype(int), PAIR_BINS - 1)
        rows = np.repeat(np.arange(len(texts)), values.shape[1])
        columns = (np.arange(values.shape[1]) * PAIR_BINS + bins).ravel()
        one_hot = sparse.csr_matrix((np.ones(len(columns)), (rows, columns)),
                                    shape=(len(texts), values.shape[1] * PAIR_BINS))
        return [sparse.csr_matrix(values), one_hot, *blocks]

    # -- files ------------------------------------------------------------------------------------

    def save(self, directory) -> Path:
        """Write the fitted model to a folder as JSON and .npz, with a manifest of SHA-256 hashes.

        Nothing is pickled, so loading a model cannot run code. Saving the same model twice
        writes the same bytes.

        >>> import tempfile
        >>> texts, labels = ["yes to the plan", "no to the plan"] * 5, ["pro", "con"] * 5
        >>> model = StanceModel().fit(texts, ["plan"] * 10, labels)
        >>> with tempfile.TemporaryDirectory() as folder:
        ...     again = StanceModel.load(model.save(folder))
        >>> again.predict(["yes to it"], ["plan"]).tolist()
        ['pro']
        """
        if not hasattr(self, "coef_"):
            raise ValueError("this StanceModel is not fitted yet; call fit() before save()")
        directory = Path(directory)
        directory.mkdir(parents=True, exist_ok=True)
        params = {name: list(value) if isinstance(value, tuple) else value
                  for name, value in self.get_params().items()}
        settings = {"format": FORMAT, "format_version": FORMAT_VERSION, "params": params,
                    "classes": self.classes_.tolist(), "targets": list(self.targets_),
                    "n_samples": int(self.n_samples_), "n_features": int(self.n_features_),
                    "spaces": {name: {"analyzer": space.analyzer, "ngram_range": list(space.ngram_range),
                                      "stop_words": space.stop_words} for name, space in self.spaces_.items()}}
        arrays = {"coef": self.coef_, "intercept": self.intercept_,
                  **{f"idf_{name}": space.idf for name, space in self.spaces_.items()}}
        _write_json(directory / SETTINGS_FILE, settings)
        _write_json(directory / VOCABULARY_FILE, {name: space.vocabulary for name, space in self.spaces_.items()})
        _write_json(directory / HASHTAG_FILE, {"word_counts": self.splitter_.word_counts})
        _write_npz(directory / WEIGHTS_FILE, arrays)
        manifest = {"format": FORMAT, "format_version": FORMAT_VERSION,
                    "files": {name: _sha256(directory / name) for name in MODEL_FILES},
                    "vectors": {"weight": self.vectors_weight,
                                "sha256": self.vectors_.sha256 if self.vectors_weight else None}}
        _write_json(directory / MANIFEST, manifest)
        return directory

    @classmethod
    def load(cls, directory) -> "StanceModel":
        """Read a model folder written by `save`, after checking every file against the manifest.

        Raises `ModelError` naming the file when the folder has no manifest, a file is missing
        or differs from its recorded SHA-256, the format is not this package's, or the model
        reads word vectors other than the shipped ones.
        """
        directory = Path(directory)
        manifest = _verify(directory)
        try:
            settings = json.loads((directory / SETTINGS_FILE).read_text(encoding="utf-8"))
            vocabularies = json.loads((directory / VOCABULARY_FILE).read_text(encoding="utf-8"))
            word_counts = json.loads((directory / HASHTAG_FILE).read_text(encoding="utf-8"))["word_counts"]
            with np.load(directory / WEIGHTS_FILE, allow_pickle=False) as stored:
                arrays = {name: stored[name] for name in stored.files}
            params = {name: tuple(value) if name.endswith("_range") and value is not None else value
                      for name, value in {**LATER_SETTINGS, **settings["params"]}.items()}
            model = cls(**params)
            model.splitter_ = HashtagSplitter(word_counts)
            model.spaces_ = {name: TfidfSpace(vocabularies[name], arrays[f"idf_{name}"], space["analyzer"],
                                              space["ngram_range"], space["stop_words"])
                             for name, space in settings["spaces"].items()}
            model.classes_ = np.asarray(settings["classes"], dtype=str)
            model.targets_ = list(settings["targets"])
            model.coef_, model.intercept_ = arrays["coef"], arrays["intercept"]
            model.n_samples_, model.n_features_ = int(settings["n_samples"]), int(settings["n_features"])
            model.vectors_ = _vectors_for(model.vectors_weight, manifest.get("vectors"), directory / MANIFEST)
        except (KeyError, TypeError, ValueError, OSError, zipfile.BadZipFile) as error:
            raise ModelError(f"the model files cannot be read ({type(error).__name__}: {error}); "
                             "train the model again with `stance train`", path=directory) from None
        if model.coef_.shape != (len(model.classes_), model.n_features_) \
                or model.intercept_.shape != model.classes_.shape \
                or any(len(space.vocabulary) != len(space.idf) for space in model.spaces_.values()):
            raise ModelError("the model's arrays do not fit together; train the model again with `stance train`",
                             path=directory / WEIGHTS_FILE)
        return model


def train_file(csv_path, out_dir, text_column: str = "text", target_column: str | None = None,
               stance_column: str = "stance", **settings) -> StanceModel:
    """Train a `StanceModel` on a table of labelled texts and save it to `out_dir`.

    The table (.csv, .tsv, .jsonl or .parquet) needs a text column, a target column ("target"
    or "topic" unless named) and a stance column with any set of labels. `settings` go to
    `StanceModel`. Rows without a text or a label are left out.

    >>> import tempfile, pandas as pd
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     pd.DataFrame({"text": ["back it", "stop it"] * 5, "topic": "plan",
    ...                   "stance": ["support", "oppose"] * 5}).to_csv(f"{folder}/train.csv", index=False)
    ...     model = train_file(f"{folder}/train.csv", f"{folder}/model")
    >>> model.classes_.tolist()
    ['oppose', 'support']
    """
    path = Path(csv_path)
    frame = _read_table(path, text_column)
    target_column = _target_column(frame, target_column)
    _require_columns(frame, [text_column, target_column, stance_column], path)
    frame = frame[frame[text_column].notna() & frame[stance_column].notna()]
    frame = frame[frame[stance_column].astype(str).str.strip() != ""]
    labels = sorted(set(frame[stance_column].astype(str)))
    if len(labels) < 2:
        raise InputError(f"column '{stance_column}' needs at least two different labels to learn from; "
                         f"found {labels}", path=path)
    model = StanceModel(**settings).fit(frame[text_column], frame[target_column].fillna(""), frame[stance_column])
    model.save(out_dir)
    return model


def predict_file(model_dir, csv_path, out_path=None, text_column: str = "text", target_column: str | None = None,
                 target: str | None = None) -> pd.DataFrame:
    """Label a table with a saved model: its columns plus `predicted` and `confidence`.

    `confidence` is the predicted label's probability, in [0, 1]. The target comes from the
    table's "target" or "topic" column (or `target_column`), or from `target` for every row.
    The result is written to `out_path` (.csv, .tsv, .jsonl or .parquet) when given, and returned.

    >>> import tempfile, pandas as pd
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     pd.DataFrame({"text": ["back it", "stop it"] * 5, "topic": "plan",
    ...                   "stance": ["support", "oppose"] * 5}).to_csv(f"{folder}/train.csv", index=False)
    ...     _ = train_file(f"{folder}/train.csv", f"{folder}/model")
    ...     pd.DataFrame({"text": ["please back it"], "topic": ["plan"]}).to_csv(f"{folder}/new.csv", index=False)
    ...     labelled = predict_file(f"{folder}/model", f"{folder}/new.csv", f"{folder}/out.csv")
    >>> labelled.columns.tolist(), labelled.loc[0, "predicted"]
    (['text', 'topic', 'predicted', 'confidence'], 'support')
    """
    model = StanceModel.load(model_dir)
    path = Path(csv_path)
    frame = _read_table(path, text_column)
    if target is None:
        target_column = _target_column(frame, target_column)
        _require_columns(frame, [text_column, target_column], path)
        targets = frame[target_column].fillna("")
    else:
        _require_columns(frame, [text_column], path)
        targets = [target] * len(frame)
    probabilities = model.predict_proba(frame[text_column].fillna(""), targets)
    best = probabilities.argmax(axis=1) if len(frame) else np.zeros(0, dtype=int)
    out = frame.assign(predicted=model.classes_[best],
                       confidence=probabilities[np.arange(len(frame)), best].round(6))
    if out_path is not None:
        _write_table(out, Path(out_path))
    return out


# -- helpers ---------------------------------------------------------------------------------------

def _strings(values) -> list[str]:
    """Values as strings, with missing ones (None, NaN) as empty text."""
    return ["" if value is None or (isinstance(value, float) and math.isnan(value)) else str(value)
            for value in values]


def _target_key(target: str) -> str:
    """One spelling per target, so "Hillary Clinton" and "hillary  clinton " are one target."""
    return " ".join(target.split()).casefold()


@lru_cache(maxsize=1)
def _sentiment_analyzer():
    """VADER's analyzer, built once (it reads its lexicon file from the package)."""
    try:
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    except ImportError:
        raise ModelError("this model reads sentiment with the vaderSentiment package, which is not installed; "
                         "run `pip install vaderSentiment` (or reinstall stance)") from None
    return SentimentIntensityAnalyzer()


def _sentiment_features(texts: list[str], keys: list[str]) -> np.ndarray:
    """Per (text, target): VADER's compound, positive and negative scores of the text, then the
    same three if the text names its target and zeros if not.

    The second half is sentiment that is more likely aimed at the target itself; the first is
    the text's mood whatever it is about. Each distinct text is scored once (a news body
    paired with many headlines).

    >>> rows = _sentiment_features(["Hillary is a disgrace", "What a lovely day"], ["hillary clinton"] * 2)
    >>> (rows[:, 0] < 0).tolist(), (rows[:, 3] != 0).tolist()
    ([True, False], [True, False])
    """
    analyzer = _sentiment_analyzer()
    scores: dict[str, tuple[list[float], str]] = {}
    prefixes: dict[str, list[str]] = {}
    rows = np.zeros((len(texts), SENTIMENT_FEATURES))
    for row, (text, key) in enumerate(zip(texts, keys)):
        if text not in scores:
            polarity = analyzer.polarity_scores(text)
            scores[text] = [polarity["compound"], polarity["pos"], polarity["neg"]], text.lower()
        if key not in prefixes:
            prefixes[key] = _target_prefixes(key)
        values, lowered = scores[text]
        rows[row, :3] = values
        if any(prefix in lowered for prefix in prefixes[key]):   # a hashtag counts: #StopHillary
            rows[row, 3:] = values
    return rows


def _target_prefixes(key: str) -> list[str]:
    """What marks a mention of the target: the opening letters of its content words.

    >>> _target_prefixes("legalization of abortion"), _target_prefixes("climate change is a real concern")
    (['legal', 'abort'], ['clima', 'chang', 'real', 'conce'])
    """
    return [word[:MENTION_PREFIX] for word in RE_LOWER_WORD.findall(key)
            if len(word) >= MIN_MENTION_WORD and word not in ENGLISH_STOP_WORDS]


def _binary(rows: sparse.csr_matrix) -> sparse.csr_matrix:
    """The same rows with every present term set to 1."""
    ones = rows.copy()
    ones.data[:] = 1.0
    return ones


def _row_dots(left, left_index, right, right_index) -> np.ndarray:
    """Dot product of left[left_index[i]] and right[right_index[i]] for each i.

    Computed between distinct rows, a block of right rows at a time: a news body paired with
    fifty headlines is multiplied once per block, not copied fifty times.
    """
    out = np.zeros(len(left_index))
    order = np.argsort(right_index, kind="stable")
    sorted_right = np.asarray(right_index)[order]
    for start in range(0, right.shape[0], BLOCK_ROWS):
        low, high = np.searchsorted(sorted_right, [start, start + BLOCK_ROWS])
        if low == high:
            continue
        pairs = order[low:high]
        products = (left @ right[start:start + BLOCK_ROWS].T).tocsr()
        out[pairs] = np.asarray(products[np.asarray(left_index)[pairs], sorted_right[low:high] - start]).ravel()
    return out


def _vectors_for(weight, recorded, manifest_path: Path) -> WordVectors | None:
    """The word vectors a loaded model reads with: none when its weight is 0 (as in folders
    saved before the setting existed), else the shipped ones, if they are the ones it was
    trained with."""
    if not weight:
        return None
    retrain = "train the model again with `stance train`"
    if not isinstance(recorded, dict) or recorded.get("weight") != weight or not recorded.get("sha256"):
        raise ModelError(f"the model reads word vectors (weight {weight}) but its manifest records no matching "
                         f"'vectors' entry; {retrain}", path=manifest_path)
    vectors = WordVectors.load()
    if vectors.sha256 != recorded["sha256"]:
        raise ModelError(f"the model was trained with other word vectors (SHA-256 {recorded['sha256'][:12]}...) "
                         f"than the shipped {shipped_vectors_path().name} ({vectors.sha256[:12]}...); {retrain}",
                         path=manifest_path)
    return vectors


def _verify(directory: Path) -> dict:
    """Check a model folder against its manifest before anything in it is read; the manifest."""
    retrain = "train the model again with `stance train`"
    if not directory.is_dir():
        raise ModelError("no model folder here; give a folder written by `stance train`", path=directory)
    manifest_path = directory / MANIFEST
    if not manifest_path.is_file():
        raise ModelError(f"no {MANIFEST}: this folder was not written by `stance train` (or is incomplete); "
                         f"{retrain}", path=directory)
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        model_format, version, files = manifest["format"], manifest["format_version"], manifest["files"]
    except (ValueError, KeyError, TypeError):
        raise ModelError(f"not a stance model manifest (unreadable, or no format and files); {retrain}",
                         path=manifest_path) from None
    if model_format != FORMAT:
        raise ModelError(f"model format {model_format!r} is not {FORMAT!r}: not written by this version of "
                         f"stance; {retrain}", path=manifest_path)
    if version != FORMAT_VERSION:
        raise ModelError(f"model format version {version!r}, but this stance reads version {FORMAT_VERSION}; "
                         f"{retrain}", path=manifest_path)
    if not isinstance(files, dict) or set(files) != set(MODEL_FILES):
        raise ModelError(f"the manifest lists {sorted(files) if isinstance(files, dict) else files!r}, not the "
                         f"model files {sorted(MODEL_FILES)}; {retrain}", path=manifest_path)
    for name in MODEL_FILES:
        path = directory / name
        if not path.is_file():
            raise ModelError(f"missing: the model folder is incomplete; {retrain}", path=path)
        if _sha256(path) != files[name]:
            raise ModelError(f"changed since the model was saved (its SHA-256 differs from {MANIFEST}); "
                             f"restore the folder or {retrain}", path=path)
    return manifest


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _write_json(path: Path, value) -> None:
    path.write_text(json.dumps(value, ensure_ascii=False, sort_keys=True), encoding="utf-8")


def _write_npz(path: Path, arrays: dict[str, np.ndarray]) -> None:
    """Like `numpy.savez_compressed`, with fixed file times so the bytes depend only on the arrays."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(arrays):
            info = zipfile.ZipInfo(f"{name}.npy", date_time=FIXED_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            with archive.open(info, "w", force_zip64=True) as handle:
                np.lib.format.write_array(handle, np.ascontiguousarray(arrays[name]), allow_pickle=False)


def _read_table(path: Path, text_column: str = "text") -> pd.DataFrame:
    """A .csv, .tsv, .jsonl or .parquet table, with text kept as text; a CSV split by commas,
    semicolons or tabs (whichever names `text_column`), with or without a byte-order mark."""
    suffix = path.suffix.lower()
    try:
        if suffix == ".parquet":
            return pd.read_parquet(path)
        if suffix in (".jsonl", ".ndjson"):
            return pd.read_json(path, lines=True, dtype=False)
        if suffix in (".tsv", ".tab"):
            separator = "\t"
        else:
            with open(path, encoding="utf-8-sig") as handle:
                separator = _csv_delimiter(handle.readline(), text_column)
        return pd.read_csv(path, sep=separator, dtype=str, keep_default_na=False, na_values=[""],
                           encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError("no such file", path=path) from None
    except UnicodeDecodeError:
        raise InputError("the file is not UTF-8 text; save it as UTF-8 and try again", path=path) from None
    except (OSError, ValueError, pd.errors.ParserError) as error:
        raise InputError(f"cannot read the table ({error})", path=path) from None


def _write_table(frame: pd.DataFrame, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    suffix = path.suffix.lower()
    if suffix == ".parquet":
        frame.to_parquet(path, index=False)
    elif suffix in (".jsonl", ".ndjson"):
        frame.to_json(path, orient="records", lines=True, force_ascii=False)
    else:
        frame.to_csv(path, sep="\t" if suffix in (".tsv", ".tab") else ",", index=False)


def _target_column(frame: pd.DataFrame, wanted: str | None) -> str | None:
    """The column naming each row's target: the one asked for, else "target", else "topic"."""
    if wanted:
        return wanted
    return next((name for name in ("target", "topic") if name in frame.columns), None)


def _require_columns(frame: pd.DataFrame, columns: list[str | None], path: Path) -> None:
    """Raise one error naming every missing column (None: the automatic target column)."""
    missing = ["'target' (or 'topic')" if name is None else repr(name) for name in columns
               if name is None or name not in frame.columns]
    if missing:
        raise InputError(f"missing column(s) {', '.join(missing)}; found: {', '.join(map(str, frame.columns))}",
                         path=path)
