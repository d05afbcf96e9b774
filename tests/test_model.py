"""The learned stance model: any label set, safe files, the CSV commands."""
from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest
from click.testing import CliRunner

from stance.cli import cli
from stance.errors import InputError, ModelError
from stance.model import StanceModel, predict_file, train_file

FAVOUR = ["we strongly back the new sanctions", "sanctions are the right answer", "tighten the sanctions now"]
AGAINST = ["sanctions hurt our own farmers", "scrap these useless sanctions", "sanctions never work, end them"]


def training_frame(labels=("FAVOR", "AGAINST")) -> pd.DataFrame:
    rows = [(text, "sanctions", labels[0]) for text in FAVOUR] + [(text, "sanctions", labels[1]) for text in AGAINST]
    return pd.DataFrame(rows * 8, columns=["text", "target", "stance"])


@pytest.mark.parametrize("labels", [("FAVOR", "AGAINST"), ("support", "oppose"), ("agree", "disagree")])
def test_learns_whatever_labels_the_file_uses(labels):
    frame = training_frame(labels)
    model = StanceModel().fit(frame["text"], frame["target"], frame["stance"])
    assert set(model.classes_) == set(labels)
    assert model.predict(["back the sanctions"], ["sanctions"])[0] == labels[0]


def test_save_and_load_predict_the_same(tmp_path):
    frame = training_frame()
    model = StanceModel().fit(frame["text"], frame["target"], frame["stance"])
    model.save(tmp_path / "m")
    again = StanceModel.load(tmp_path / "m")
    texts = ["sanctions are wrong", "more sanctions please"]
    np.testing.assert_allclose(model.predict_proba(texts, ["sanctions"] * 2), again.predict_proba(texts, ["sanctions"] * 2))
    assert not list((tmp_path / "m").glob("*.pkl"))


def test_a_changed_file_is_refused_and_named(tmp_path):
    frame = training_frame()
    StanceModel().fit(frame["text"], frame["target"], frame["stance"]).save(tmp_path / "m")
    target = tmp_path / "m" / "part0.npz"
    data = bytearray(target.read_bytes())
    data[-10] ^= 0xFF
    target.write_bytes(bytes(data))
    with pytest.raises(ModelError, match="does not match its hash") as caught:
        StanceModel.load(tmp_path / "m")
    assert caught.value.path == target


def test_a_folder_without_manifest_is_refused(tmp_path):
    (tmp_path / "m").mkdir()
    (tmp_path / "m" / "model.json").write_text(json.dumps({"format": "x"}))
    with pytest.raises(ModelError, match="not written by `stance train`"):
        StanceModel.load(tmp_path / "m")


def test_train_and_predict_files_through_the_cli(tmp_path):
    training_frame().rename(columns={"target": "topic"}).to_csv(tmp_path / "train.csv", index=False)
    pd.DataFrame({"id": [1, 2], "text": ["these sanctions hurt farmers", "we back the sanctions"],
                  "topic": ["sanctions", "sanctions"]}).to_csv(tmp_path / "new.csv", index=False)
    runner = CliRunner()
    trained = runner.invoke(cli, ["train", str(tmp_path / "train.csv"), "--out", str(tmp_path / "model")])
    assert trained.exit_code == 0, trained.output
    predicted = runner.invoke(cli, ["predict", str(tmp_path / "model"), str(tmp_path / "new.csv"),
                                    "--out", str(tmp_path / "out.csv")])
    assert predicted.exit_code == 0, predicted.output
    out = pd.read_csv(tmp_path / "out.csv")
    assert list(out.columns) == ["id", "text", "topic", "predicted", "confidence"]
    assert out["confidence"].between(0, 1).all()
    assert list(out["predicted"]) == ["AGAINST", "FAVOR"]


def test_missing_column_is_named(tmp_path):
    pd.DataFrame({"text": ["x"], "target": ["y"]}).to_csv(tmp_path / "train.csv", index=False)
    with pytest.raises(InputError, match="missing column.s. stance; found: text, target"):
        train_file(tmp_path / "train.csv", tmp_path / "model")


def test_training_twice_gives_the_same_model(tmp_path):
    frame = training_frame()
    first = StanceModel().fit(frame["text"], frame["target"], frame["stance"])
    second = StanceModel().fit(frame["text"], frame["target"], frame["stance"])
    np.testing.assert_array_equal(first.predict_proba(FAVOUR, ["sanctions"] * 3),
                                  second.predict_proba(FAVOUR, ["sanctions"] * 3))
