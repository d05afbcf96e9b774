"""The learned stance model: any label set, identical after a save, safe files, the CSV functions."""
from __future__ import annotations

import hashlib
import json
import shutil

import numpy as np
import pandas as pd
import pytest

from stance.embeddings import WordVectors, shipped_vectors_path
from stance.errors import InputError, ModelError
from stance.model import (MANIFEST, MODEL_FILES, SETTINGS_FILE, WEIGHTS_FILE, HashtagSplitter, StanceModel,
                          predict_file, train_file)

# Short news-style sentences we wrote: two topics, each with clear cue words per label.
SENTENCES = {
    ("us_ground_troops", "high"): ["Trump pledged to send US troops to Ukraine.",
                                   "The White House backs boots on the ground, officials said.",
                                   "Washington will deploy American soldiers to Kyiv."],
    ("us_ground_troops", "low"): ["Trump ruled out sending US troops to Ukraine.",
                                  "The White House rejected boots on the ground, officials said.",
                                  "Washington will never deploy American soldiers to Kyiv."],
    ("us_ground_troops", "middle"): ["Trump declined to say whether US troops would go to Ukraine.",
                                     "The White House had no position on boots on the ground.",
                                     "Washington is undecided about American soldiers in Kyiv."],
    ("sanctions", "high"): ["Brussels backs tougher sanctions on Moscow.",
                            "The ministers want new sanctions on Russian oil.",
                            "Berlin pledged to tighten the sanctions."],
    ("sanctions", "low"): ["Budapest rejected tougher sanctions on Moscow.",
                           "The ministers oppose new sanctions on Russian oil.",
                           "Berlin will never tighten the sanctions."],
    ("sanctions", "middle"): ["Rome declined to say whether it wants sanctions on Moscow.",
                              "The ministers had no position on sanctions on Russian oil.",
                              "Vienna is undecided about the sanctions."],
}
LABEL_SETS = {
    "semeval": {"high": "FAVOR", "low": "AGAINST", "middle": "NONE"},
    "five-point": {"high": "support", "low": "ruled_out", "middle": "neutral"},
    "fnc": {"high": "agree", "low": "disagree", "middle": "discuss"},
}
NEW_TEXTS = ["Officials said Trump backs US troops in Ukraine.", "Budapest will never accept sanctions."]
NEW_TARGETS = ["us_ground_troops", "sanctions"]


def training_frame(labels: dict[str, str] = LABEL_SETS["semeval"], repeat: int = 3) -> pd.DataFrame:
    rows = [(text, topic, labels[level]) for (topic, level), texts in SENTENCES.items() for text in texts]
    return pd.DataFrame(rows * repeat, columns=["text", "target", "stance"])


def fit(frame: pd.DataFrame, **settings) -> StanceModel:
    return StanceModel(**settings).fit(frame["text"], frame["target"], frame["stance"])


@pytest.fixture(scope="module")
def saved_model(tmp_path_factory):
    folder = tmp_path_factory.mktemp("model") / "semeval"
    fit(training_frame()).save(folder)
    return folder


@pytest.fixture()
def model_copy(saved_model, tmp_path):
    return shutil.copytree(saved_model, tmp_path / "model")


@pytest.mark.parametrize("label_set", list(LABEL_SETS), ids=list(LABEL_SETS))
def test_learns_whatever_labels_the_data_use(label_set):
    labels = LABEL_SETS[label_set]
    model = fit(training_frame(labels))
    assert sorted(model.classes_) == sorted(labels.values())
    assert list(model.predict(NEW_TEXTS, NEW_TARGETS)) == [labels["high"], labels["low"]]


def test_four_labels_and_pair_features_for_headline_body_pairs():
    frame = training_frame(LABEL_SETS["fnc"])
    unrelated = pd.DataFrame({"text": ["The football season opens on Saturday.", "Rain is expected in the north."] * 6,
                              "target": ["sanctions", "us_ground_troops"] * 6, "stance": "unrelated"})
    model = fit(pd.concat([frame, unrelated]), pair_features=True, per_target=False)
    assert sorted(model.classes_) == ["agree", "disagree", "discuss", "unrelated"]
    assert model.predict(["Heavy rain is expected on Saturday."], ["sanctions"])[0] == "unrelated"


def test_probabilities_are_one_column_per_class_and_sum_to_one():
    model = fit(training_frame())
    probabilities = model.predict_proba(NEW_TEXTS, NEW_TARGETS)
    assert probabilities.shape == (2, 3)
    np.testing.assert_allclose(probabilities.sum(axis=1), 1.0)
    assert list(model.classes_[probabilities.argmax(axis=1)]) == list(model.predict(NEW_TEXTS, NEW_TARGETS))


def test_a_target_never_seen_in_training_is_still_read():
    model = fit(training_frame())
    assert model.predict(["Paris pledged to send troops and backs new sanctions."], ["a peacekeeping force"])[0] \
        in model.classes_


def test_two_labels_give_two_probability_columns():
    frame = training_frame()
    model = fit(frame[frame["stance"] != "NONE"])
    assert model.predict_proba(NEW_TEXTS, NEW_TARGETS).shape == (2, 2)
    assert list(model.predict(NEW_TEXTS, NEW_TARGETS)) == ["FAVOR", "AGAINST"]


def test_sentiment_reads_words_the_training_texts_never_used():
    # Six short texts teach "good words favour the plan"; the test words are in none of them, so
    # only the sentiment lexicon can tell "superb" from "dreadful".
    texts = ["The plan is great.", "The plan is wonderful.", "What a good plan.",
             "The plan is awful.", "The plan is terrible.", "What a bad plan."] * 3
    labels = ["FAVOR"] * 3 + ["AGAINST"] * 3
    new_texts = ["The plan is superb.", "The plan is dreadful.", "Such a brilliant plan"]
    model = StanceModel().fit(texts, ["plan"] * len(texts), labels * 3)
    assert list(model.predict(new_texts, ["plan"] * 3)) == ["FAVOR", "AGAINST", "FAVOR"]
    without = StanceModel(sentiment=False).fit(texts, ["plan"] * len(texts), labels * 3)
    assert without.predict_proba(new_texts, ["plan"] * 3).max() < 0.6    # no clue without the lexicon


def test_a_folder_saved_before_the_sentiment_setting_loads_without_it(tmp_path):
    model = fit(training_frame(), sentiment=False)
    folder = model.save(tmp_path / "older")
    settings = json.loads((folder / SETTINGS_FILE).read_text())
    del settings["params"]["sentiment"]               # as written before the setting existed
    (folder / SETTINGS_FILE).write_text(json.dumps(settings))
    manifest = json.loads((folder / MANIFEST).read_text())
    manifest["files"][SETTINGS_FILE] = hashlib.sha256((folder / SETTINGS_FILE).read_bytes()).hexdigest()
    (folder / MANIFEST).write_text(json.dumps(manifest))
    again = StanceModel.load(folder)
    assert again.sentiment is False
    np.testing.assert_array_equal(model.predict_proba(NEW_TEXTS, NEW_TARGETS),
                                  again.predict_proba(NEW_TEXTS, NEW_TARGETS))


def test_word_vectors_change_predictions_only_when_on():
    frame = training_frame()
    on, off = fit(frame), fit(frame, vectors_weight=0)
    assert on.vectors_weight > 0 and on.n_features_ > off.n_features_
    assert not np.allclose(on.predict_proba(NEW_TEXTS, NEW_TARGETS), off.predict_proba(NEW_TEXTS, NEW_TARGETS))
    np.testing.assert_array_equal(off.predict_proba(NEW_TEXTS, NEW_TARGETS),
                                  fit(frame, vectors_weight=0.0).predict_proba(NEW_TEXTS, NEW_TARGETS))


def test_a_folder_saved_before_the_vectors_setting_loads_without_them(tmp_path):
    model = fit(training_frame(), vectors_weight=0)
    folder = model.save(tmp_path / "older")
    settings = json.loads((folder / SETTINGS_FILE).read_text())
    del settings["params"]["vectors_weight"]          # as written before the setting existed
    (folder / SETTINGS_FILE).write_text(json.dumps(settings))
    manifest = json.loads((folder / MANIFEST).read_text())
    del manifest["vectors"]
    manifest["files"][SETTINGS_FILE] = hashlib.sha256((folder / SETTINGS_FILE).read_bytes()).hexdigest()
    (folder / MANIFEST).write_text(json.dumps(manifest))
    again = StanceModel.load(folder)
    assert again.vectors_weight == 0.0 and again.n_features_ == model.n_features_
    np.testing.assert_array_equal(model.predict_proba(NEW_TEXTS, NEW_TARGETS),
                                  again.predict_proba(NEW_TEXTS, NEW_TARGETS))


def test_the_manifest_records_the_word_vectors(saved_model):
    manifest = json.loads((saved_model / MANIFEST).read_text())
    assert manifest["vectors"] == {"weight": 0.5, "sha256": WordVectors.load().sha256}
    assert manifest["vectors"]["sha256"] == hashlib.sha256(shipped_vectors_path().read_bytes()).hexdigest()


def test_a_model_trained_with_other_word_vectors_is_refused(model_copy):
    manifest = json.loads((model_copy / MANIFEST).read_text())
    manifest["vectors"]["sha256"] = "0" * 64
    (model_copy / MANIFEST).write_text(json.dumps(manifest))
    with pytest.raises(ModelError, match="trained with other word vectors .SHA-256 000000000000.... than the "
                                         "shipped vectors.npz") as caught:
        StanceModel.load(model_copy)
    assert caught.value.path == model_copy / MANIFEST


def test_a_model_with_word_vectors_but_no_record_of_them_is_refused(model_copy):
    manifest = json.loads((model_copy / MANIFEST).read_text())
    del manifest["vectors"]
    (model_copy / MANIFEST).write_text(json.dumps(manifest))
    with pytest.raises(ModelError, match="records no matching 'vectors' entry"):
        StanceModel.load(model_copy)


def test_save_then_load_predicts_exactly_the_same(saved_model):
    model = fit(training_frame())
    again = StanceModel.load(saved_model)
    np.testing.assert_array_equal(model.predict_proba(NEW_TEXTS, NEW_TARGETS),
                                  again.predict_proba(NEW_TEXTS, NEW_TARGETS))
    assert again.get_params() == model.get_params()


def test_a_model_folder_holds_no_pickle(saved_model):
    assert sorted(path.name for path in saved_model.iterdir()) == sorted([*MODEL_FILES, MANIFEST])
    with np.load(saved_model / WEIGHTS_FILE, allow_pickle=False) as arrays:
        assert all(arrays[name].dtype != object for name in arrays.files)


@pytest.mark.parametrize("name", MODEL_FILES)
def test_a_file_changed_by_one_byte_is_refused_and_named(model_copy, name):
    path = model_copy / name
    content = bytearray(path.read_bytes())
    content[len(content) // 2] ^= 0x01
    path.write_bytes(bytes(content))
    with pytest.raises(ModelError, match="changed since the model was saved") as caught:
        StanceModel.load(model_copy)
    assert caught.value.path == path
    assert name in str(caught.value)


def test_a_missing_file_is_refused_and_named(model_copy):
    (model_copy / WEIGHTS_FILE).unlink()
    with pytest.raises(ModelError, match="missing") as caught:
        StanceModel.load(model_copy)
    assert caught.value.path == model_copy / WEIGHTS_FILE


def test_a_folder_without_manifest_is_refused(model_copy):
    (model_copy / MANIFEST).unlink()
    with pytest.raises(ModelError, match=f"no {MANIFEST}: this folder was not written by `stance train`"):
        StanceModel.load(model_copy)


def test_a_foreign_or_older_format_is_refused(model_copy):
    manifest = json.loads((model_copy / MANIFEST).read_text())
    (model_copy / MANIFEST).write_text(json.dumps({**manifest, "format": "stance-model/1"}))
    with pytest.raises(ModelError, match="not written by this version of stance") as caught:
        StanceModel.load(model_copy)
    assert caught.value.path == model_copy / MANIFEST


def test_a_folder_that_does_not_exist_is_refused(tmp_path):
    with pytest.raises(ModelError, match="no model folder here"):
        StanceModel.load(tmp_path / "nowhere")


def test_predict_file_keeps_the_columns_and_adds_predicted_and_confidence(saved_model, tmp_path):
    pd.DataFrame({"id": ["a", "b"], "text": NEW_TEXTS, "topic": NEW_TARGETS, "source": ["wire", "blog"]}) \
        .to_csv(tmp_path / "new.csv", index=False)
    returned = predict_file(saved_model, tmp_path / "new.csv", tmp_path / "out.csv")
    written = pd.read_csv(tmp_path / "out.csv")
    assert list(written.columns) == ["id", "text", "topic", "source", "predicted", "confidence"]
    assert list(written["predicted"]) == ["FAVOR", "AGAINST"] == list(returned["predicted"])
    assert written["confidence"].between(0, 1).all()


def test_train_file_reads_a_topic_column_and_saves_a_loadable_model(tmp_path):
    training_frame(LABEL_SETS["five-point"]).rename(columns={"target": "topic"}).to_csv(tmp_path / "train.csv",
                                                                                     index=False)
    model = train_file(tmp_path / "train.csv", tmp_path / "model")
    assert model.n_samples_ == len(training_frame())
    assert list(StanceModel.load(tmp_path / "model").predict(NEW_TEXTS, NEW_TARGETS)) == ["support", "ruled_out"]


@pytest.mark.parametrize("columns, missing", [(["text", "target"], "'stance'"), (["target", "stance"], "'text'"),
                                             (["text"], "'target' .or 'topic'., 'stance'")],
                         ids=["no stance", "no text", "no target nor stance"])
def test_a_missing_column_is_named_with_the_columns_found(tmp_path, columns, missing):
    training_frame()[columns].to_csv(tmp_path / "train.csv", index=False)
    with pytest.raises(InputError, match=f"missing column.s. {missing}; found: {', '.join(columns)}") as caught:
        train_file(tmp_path / "train.csv", tmp_path / "model")
    assert caught.value.path == tmp_path / "train.csv"


def test_a_table_without_target_or_topic_is_refused(saved_model, tmp_path):
    pd.DataFrame({"text": NEW_TEXTS, "subject": NEW_TARGETS}).to_csv(tmp_path / "new.csv", index=False)
    with pytest.raises(InputError, match="missing column.s. 'target' .or 'topic'.; found: text, subject"):
        predict_file(saved_model, tmp_path / "new.csv", tmp_path / "out.csv")


def test_training_twice_gives_the_same_predictions_and_bytes(tmp_path):
    first, second = fit(training_frame()), fit(training_frame())
    np.testing.assert_array_equal(first.predict_proba(NEW_TEXTS, NEW_TARGETS),
                                  second.predict_proba(NEW_TEXTS, NEW_TARGETS))
    first.save(tmp_path / "first")
    second.save(tmp_path / "second")
    for name in [*MODEL_FILES, MANIFEST]:
        assert (tmp_path / "first" / name).read_bytes() == (tmp_path / "second" / name).read_bytes()


@pytest.mark.parametrize("tag, words", [("LoveWins", ["love", "wins"]), ("prolifeyouth", ["prolife", "youth"]),
                                        ("StopHillary2016", ["stop", "hillary", "2016"]), ("peace", ["peace"])])
def test_hashtags_are_split_into_words_the_texts_use(tag, words):
    splitter = HashtagSplitter({"love": 4, "wins": 2, "prolife": 3, "youth": 2, "stop": 5, "hillary": 6, "peace": 2,
                                "pro": 2, "life": 2})
    assert splitter.split(tag) == words


@pytest.mark.parametrize("separator, encoding", [(";", "utf-8"), ("\t", "utf-8"), (",", "utf-8-sig")],
                         ids=["semicolons", "tabs in a .csv", "byte-order mark"])
def test_train_file_reads_the_csvs_spreadsheets_write(tmp_path, separator, encoding):
    training_frame(LABEL_SETS["five-point"]).to_csv(tmp_path / "train.csv", index=False, sep=separator,
                                                   encoding=encoding)
    model = train_file(tmp_path / "train.csv", tmp_path / "model")
    assert model.n_samples_ == len(training_frame())
