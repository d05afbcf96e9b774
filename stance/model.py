"""A learned stance classifier for any label set, saved without pickle.

`StanceModel` reads a text and the target it is about (a topic label, a tweet's target, a
headline) and predicts the stance labels its training file used: FAVOR/AGAINST/NONE, the
five-point scale, or agree/disagree/discuss/unrelated. Features are word and character
n-gram TF-IDF (with the target's words marked), one logistic regression per target that has
enough examples plus one joint model for the rest, so it also handles targets it never saw.

A saved model is a folder of JSON and .npz arrays with a manifest of SHA-256 hashes; `load`
refuses a folder whose files were changed or not written by this package.
"""
from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import numpy as np
import pandas as pd
from scipy import sparse
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.linear_model import LogisticRegression

from .errors import InputError, ModelError

FORMAT = "stance-model/1"
MIN_PER_TARGET = 60        # examples a target needs for a model of its own
# Hashtags split into words ("#StopTheWar" -> "stop the war"), mentions and links masked.
RE_HASHTAG = re.compile(r"#(\w+)")
RE_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
RE_MENTION = re.compile(r"@\w+")
RE_LINK = re.compile(r"https?://\S+")


def prepare(text: str) -> str:
    """Text as the model reads it: links and mentions masked, hashtags split into words.

    >>> prepare("Proud of #StopTheWar @bob http://x.y")
    'Proud of stop the war #StopTheWar @user http'
    """
    text = RE_LINK.sub("http", str(text))
    text = RE_MENTION.sub("@user", text)
    return RE_HASHTAG.sub(lambda m: RE_CAMEL.sub(" ", m.group(1)).lower() + " #" + m.group(1), text)


class _Features:
    """Word and character TF-IDF with sublinear counts, rebuilt exactly from saved arrays."""

    def __init__(self, word_ngrams, char_ngrams, vocabularies=None, idfs=None):
        self.vectorizers = [
            CountVectorizer(analyzer="word", ngram_range=tuple(word_ngrams), lowercase=True, min_df=1,
                            token_pattern=r"(?u)\b\w+\b|#\w+", vocabulary=(vocabularies or [None, None])[0]),
            CountVectorizer(analyzer="char_wb", ngram_range=tuple(char_ngrams), lowercase=True, min_df=2,
                            vocabulary=(vocabularies or [None, None])[1]),
        ]
        self.idfs = idfs

    def fit_transform(self, texts: list[str]) -> sparse.csr_matrix:
        counts = [v.fit_transform(texts) for v in self.vectorizers]
        self.idfs = []
        for matrix in counts:
            document_frequency = np.bincount(matrix.indices, minlength=matrix.shape[1])
            self.idfs.append(np.log((1 + matrix.shape[0]) / (1 + document_frequency)) + 1.0)
        return self._weigh(counts)

    def transform(self, texts: list[str]) -> sparse.csr_matrix:
        return self._weigh([v.transform(texts) for v in self.vectorizers])

    def _weigh(self, counts) -> sparse.csr_matrix:
        blocks = []
        for matrix, idf in zip(counts, self.idfs):
            matrix = matrix.astype(np.float64).tocsr()
            matrix.data = np.log1p(matrix.data)
            matrix = matrix @ sparse.diags(idf)
            norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
            norms[norms == 0] = 1.0
            blocks.append(sparse.diags(1.0 / norms) @ matrix)
        return sparse.hstack(blocks).tocsr()

    def vocabularies(self) -> list[dict[str, int]]:
        return [{term: int(index) for term, index in v.vocabulary_.items()} for v in self.vectorizers]


class StanceModel(BaseEstimator, ClassifierMixin):
    """Stance from (text, target) pairs, for whatever labels the training data uses.

    >>> model = StanceModel().fit(["we back the plan", "we reject the plan"] * 20, ["plan"] * 40, ["pro", "con"] * 20)
    >>> [str(label) for label in model.predict(["they back the plan"], ["plan"])]
    ['pro']
    """

    def __init__(self, word_ngrams=(1, 2), char_ngrams=(1, 5), C=5.0, per_target=True, random_state=0):
        self.word_ngrams = word_ngrams
        self.char_ngrams = char_ngrams
        self.C = C
        self.per_target = per_target
        self.random_state = random_state

    # -- learning -----------------------------------------------------------------------------------

    def fit(self, texts, targets, labels) -> "StanceModel":
        texts, targets, labels = list(map(str, texts)), list(map(str, targets)), list(map(str, labels))
        if not (len(texts) == len(targets) == len(labels)) or not texts:
            raise InputError("texts, targets and labels must be equally long and not empty")
        self.classes_ = np.array(sorted(set(labels)))
        self.n_samples_ = len(texts)
        self.parts_ = {"": self._fit_part(texts, targets, labels)}
        if self.per_target:
            frame = pd.DataFrame({"text": texts, "target": targets, "label": labels})
            for target, group in frame.groupby("target", sort=True):
                if len(group) >= MIN_PER_TARGET and group["label"].nunique() > 1:
                    self.parts_[target] = self._fit_part(list(group["text"]), list(group["target"]),
                                                         list(group["label"]))
        return self

    def _fit_part(self, texts, targets, labels) -> dict:
        features = _Features(self.word_ngrams, self.char_ngrams)
        matrix = features.fit_transform(_inputs(texts, targets))
        classifier = LogisticRegression(C=self.C, max_iter=3000, class_weight="balanced",
                                        random_state=self.random_state)
        classifier.fit(matrix, labels)
        return {"features": features, "coef": classifier.coef_, "intercept": classifier.intercept_,
                "classes": list(map(str, classifier.classes_))}

    # -- predicting ---------------------------------------------------------------------------------

    def predict_proba(self, texts, targets) -> np.ndarray:
        """Class probabilities (columns in `classes_` order), from the target's own model when
        it has one, else from the joint model."""
        texts, targets = list(map(str, texts)), list(map(str, targets))
        out = np.zeros((len(texts), len(self.classes_)))
        column = {label: index for index, label in enumerate(self.classes_)}
        keys = [target if target in self.parts_ else "" for target in targets]
        for key in sorted(set(keys)):
            rows = [i for i, k in enumerate(keys) if k == key]
            part = self.parts_[key]
            matrix = part["features"].transform(_inputs([texts[i] for i in rows], [targets[i] for i in rows]))
            scores = matrix @ np.asarray(part["coef"]).T + np.asarray(part["intercept"])
            if scores.shape[1] == 1:   # two classes: one column of log-odds
                scores = np.hstack([-scores, scores])
            scores = np.exp(scores - scores.max(axis=1, keepdims=True))
            probabilities = scores / scores.sum(axis=1, keepdims=True)
            for j, label in enumerate(part["classes"]):
                out[rows, column[label]] = probabilities[:, j]
        return out

    def predict(self, texts, targets) -> np.ndarray:
        return self.classes_[self.predict_proba(texts, targets).argmax(axis=1)]

    # -- files --------------------------------------------------------------------------------------

    def save(self, directory) -> Path:
        """Write the model as JSON and .npz files with a manifest of their SHA-256 hashes."""
        directory = Path(directory)
        directory.mkdir(parents=True, exist_ok=True)
        settings = {"format": FORMAT, "word_ngrams": list(self.word_ngrams), "char_ngrams": list(self.char_ngrams),
                    "C": self.C, "per_target": self.per_target, "random_state": self.random_state,
                    "classes": list(map(str, self.classes_)), "n_samples": int(self.n_samples_),
                    "parts": []}
        for number, (key, part) in enumerate(sorted(self.parts_.items())):
            name = f"part{number}"
            (directory / f"{name}.json").write_text(json.dumps(
                {"target": key, "classes": part["classes"], "vocabularies": part["features"].vocabularies()}))
            np.savez_compressed(directory / f"{name}.npz", coef=np.asarray(part["coef"]),
                                intercept=np.asarray(part["intercept"]),
                                word_idf=part["features"].idfs[0], char_idf=part["features"].idfs[1])
            settings["parts"].append(name)
        (directory / "model.json").write_text(json.dumps(settings, indent=1))
        files = sorted(p.name for p in directory.iterdir() if p.name != "manifest.json")
        manifest = {"format": FORMAT, "files": {name: _sha256(directory / name) for name in files}}
        (directory / "manifest.json").write_text(json.dumps(manifest, indent=1))
        return directory

    @classmethod
    def load(cls, directory) -> "StanceModel":
        """Read a model folder written by `save`, after checking every file against the manifest."""
        directory = Path(directory)
        manifest_path = directory / "manifest.json"
        if not directory.is_dir():
            raise ModelError("no such model folder; give a folder written by `stance train`, or 'default'", directory)
        if not manifest_path.is_file():
            raise ModelError("no manifest.json: this folder was not written by `stance train`", directory)
        try:
            manifest = json.loads(manifest_path.read_text())
        except ValueError:
            raise ModelError("manifest.json is not valid JSON; retrain the model", manifest_path) from None
        if manifest.get("format") != FORMAT:
            raise ModelError(f"unknown model format {manifest.get('format')!r}; retrain with this version", manifest_path)
        for name, digest in manifest.get("files", {}).items():
            path = directory / name
            if not path.is_file():
                raise ModelError("file listed in the manifest is missing; retrain the model", path)
            if _sha256(path) != digest:
                raise ModelError("file does not match its hash in the manifest (changed after training); "
                                 "retrain the model", path)
        settings = json.loads((directory / "model.json").read_text())
        model = cls(tuple(settings["word_ngrams"]), tuple(settings["char_ngrams"]), settings["C"],
                    settings["per_target"], settings["random_state"])
        model.classes_ = np.array(settings["classes"])
        model.n_samples_ = settings["n_samples"]
        model.parts_ = {}
        for name in settings["parts"]:
            meta = json.loads((directory / f"{name}.json").read_text())
            with np.load(directory / f"{name}.npz", allow_pickle=False) as arrays:
                features = _Features(model.word_ngrams, model.char_ngrams, meta["vocabularies"],
                                     [arrays["word_idf"], arrays["char_idf"]])
                model.parts_[meta["target"]] = {"features": features, "coef": arrays["coef"],
                                                "intercept": arrays["intercept"], "classes": meta["classes"]}
        return model


def train_file(csv_path, out_dir, text_column: str = "text", target_column: str | None = None,
               stance_column: str = "stance", **settings) -> StanceModel:
    """Train on a CSV (text, target or topic, stance columns) and save the model folder."""
    frame = _read_table(csv_path)
    target_column = _target_column(frame, target_column, csv_path)
    _require(frame, [text_column, target_column, stance_column], csv_path)
    frame = frame.dropna(subset=[text_column, stance_column])
    model = StanceModel(**settings).fit(frame[text_column].map(prepare), frame[target_column].fillna(""),
                                        frame[stance_column])
    model.save(out_dir)
    return model


def predict_file(model_dir, csv_path, out_path, text_column: str = "text",
                 target_column: str | None = None) -> pd.DataFrame:
    """Label a CSV: its columns plus `predicted` and `confidence` (the predicted class's probability)."""
    model = StanceModel.load(model_dir)
    frame = _read_table(csv_path)
    target_column = _target_column(frame, target_column, csv_path)
    _require(frame, [text_column, target_column], csv_path)
    probabilities = model.predict_proba(frame[text_column].fillna("").map(prepare), frame[target_column].fillna(""))
    out = frame.assign(predicted=model.classes_[probabilities.argmax(axis=1)],
                       confidence=np.round(probabilities.max(axis=1), 4))
    out.to_csv(out_path, index=False)
    return out


def _inputs(texts: list[str], targets: list[str]) -> list[str]:
    """The target's words, marked, before the text: the joint model learns target-specific cues."""
    return [f"{text} __target__ {target}" for text, target in zip(texts, targets)]


def _read_table(path) -> pd.DataFrame:
    path = Path(path)
    try:
        if path.suffix.lower() in (".tsv", ".txt"):
            return pd.read_csv(path, sep="\t", encoding_errors="replace")
        return pd.read_csv(path, encoding_errors="replace")
    except (OSError, ValueError, pd.errors.ParserError) as error:
        raise InputError(f"cannot read the table ({error})", path) from None


def _target_column(frame: pd.DataFrame, wanted: str | None, path) -> str:
    if wanted:
        return wanted
    for name in ("target", "topic", "Target", "Topic"):
        if name in frame.columns:
            return name
    raise InputError(f"no 'target' or 'topic' column; found: {', '.join(map(str, frame.columns))}", path)


def _require(frame: pd.DataFrame, columns: list[str], path) -> None:
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise InputError(f"missing column(s) {', '.join(missing)}; found: {', '.join(map(str, frame.columns))}", path)


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
