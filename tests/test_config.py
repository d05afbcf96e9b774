"""Actors and topics files: read into frozen entries, and every mistake named with file and line."""
from __future__ import annotations

import pytest

from stance.config import Actor, Actors, Names, Topic, Topics
from stance.errors import ConfigError


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_shipped_defaults_cover_the_domain(actors, topics):
    assert len(actors) >= 15 and len(topics) >= 10
    assert actors["trump"].gender == "male" and "the president" in actors["trump"].roles
    assert topics["us_ground_troops"].label


@pytest.mark.parametrize("text, message, line", [
    ("topics:\n  - id: air\n    keywords: [jets]\n", "topic 'air' has no label; add a 'label:' line", 2),
    ("topics:\n  - id: a\n    label: A\n  - id: a\n    label: B\n", "topic id 'a' is defined twice", 4),
    ("topics:\n  - id: a\n    label: A\n    colour: red\n", "unknown key(s) ['colour']", 4),
    ("topics:\n  - id: a\n    label: [unclosed\n", "invalid YAML", None),
    ("themes:\n  - id: a\n", "expected a top-level 'topics:' list", 1),
    ("topics: []\n", "the file lists no topics, so no statement could be found; add at least one '- id:' entry", 1),
    ("topics:\n  - id: Air Support\n    label: A\n", "must be lower case", 2),
    ("topics:\n  - id: a\n    keywords: [jets, drones\n    label: A\n",
     "the '[' opened on line 3 is never closed with ']'", 4),
    ("topics:\n  - id: a\n\tlabel: A\n", "indent with spaces, not tabs", 3),
    ("topics:\n  - label: A\n", "this topic has no id; add an 'id:' line", 2),
], ids=["no-label", "duplicate-id", "unknown-key", "bad-yaml", "wrong-section", "no-topics", "bad-id", "unclosed-list",
        "tab", "no-id"])
def test_topic_file_errors_name_file_and_line(tmp_path, text, message, line):
    path = write(tmp_path, "topics.yaml", text)
    with pytest.raises(ConfigError) as caught:
        Topics.from_yaml(path)
    assert message in str(caught.value)
    assert str(caught.value).startswith(str(path) + (f":{line}:" if line else ":"))


def test_alias_shared_by_two_actors_is_refused(tmp_path):
    path = write(tmp_path, "actors.yaml", "actors:\n  - id: a\n    aliases: [Smith]\n  - id: b\n    aliases: [Smith]\n")
    with pytest.raises(ConfigError, match="alias 'Smith' of actor 'b' is also an alias of 'a'") as caught:
        Actors.from_yaml(path)
    assert caught.value.line == 4


def test_missing_file_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError, match="no such file"):
        Actors.from_yaml(tmp_path / "nowhere.yaml")


def test_built_in_python_and_immutable():
    topics = Topics([Topic("drones", "Drone deliveries")])
    bigger = topics.add(Topic("jets", "Fighter jets"))
    assert topics.ids == ("drones",) and bigger.ids == ("drones", "jets")
    with pytest.raises(Exception):
        topics["drones"].label = "changed"
    assert Actors([Actor("x", "X")])["x"].kind == "person"


def test_names_show_the_actors_name_and_the_topics_label_else_the_id():
    names = Names.of(Actors([Actor("merz", "Friedrich Merz")]), Topics([Topic("loan", "Reparations loan")]))
    assert (names.holder("merz"), names.topic("loan")) == ("Friedrich Merz", "Reparations loan")
    assert (names.holder("orban"), names.topic("us_ground_troops"), names.holder("")) == ("orban", "us_ground_troops", "")


def test_names_kept_in_a_runs_settings_come_back_as_they_were():
    names = Names.of(Actors([Actor("merz", "Friedrich Merz")]), Topics([Topic("loan", "Reparations loan")]))
    assert Names.from_settings({"names": names.as_settings()}) == names


def test_a_run_saved_without_names_reads_them_from_its_files_while_they_exist(tmp_path):
    actors_file = tmp_path / "actors.yaml"
    actors_file.write_text("actors:\n  - id: merz\n    name: Friedrich Merz\n")
    assert Names.from_settings({"actors": str(actors_file), "topics": "<python>"}).holder("merz") == "Friedrich Merz"
    actors_file.write_text("actors: [oops")   # changed since, and broken: the ids still serve
    assert Names.from_settings({"actors": str(actors_file)}).holder("merz") == "merz"
    assert Names.from_settings({"actors": str(tmp_path / "gone.yaml")}).holder("merz") == "merz"


@pytest.mark.parametrize("text, message, line", [
    ("actors:\n  - id: trump\n    name: Donald Trump\n    alias: [Trump]\n",
     "unknown key(s) ['alias']; did you mean 'aliases'?", 4),
    ("actors:\n  - id: trump\n    aliases: [Trump]\n    kind: person\n    aliases: [President Trump]\n",
     "'aliases:' appears twice here and the first would be ignored; merge them into one", 5),
    ("actors:\n  - id: a\nactors:\n  - id: b\n", "'actors:' appears twice here", 3),
    ("actors:\n  - id: trump\n    aliases: Trump, President Trump\n",
     "actor 'trump': 'aliases' is one text with commas in it; write a list, e.g. [Trump, President Trump]", 2),
    ("topics:\n  - id: troops\n    label: Troops\n", "this is a topics file (it has 'topics:', not 'actors:')", 1),
    ("", "the file is empty; it needs a top-level 'actors:' list", None),
], ids=["misspelt-key", "key-twice", "section-twice", "aliases-as-one-text", "topics-given-as-actors", "empty"])
def test_actor_file_mistakes_that_would_lose_entries_are_named(tmp_path, text, message, line):
    path = write(tmp_path, "actors.yaml", text)
    with pytest.raises(ConfigError) as caught:
        Actors.from_yaml(path)
    assert message in str(caught.value)
    assert caught.value.line == line


def test_entries_built_in_python_take_one_text_or_a_list():
    merz = Actor("merz", "Friedrich Merz", aliases="Merz", roles=["the chancellor"])
    assert merz.mentions == ("Friedrich Merz", "Merz") and merz.roles == ("the chancellor",)
    assert Topic("loan", "Reparations loan", keywords="reparations loan").keywords == ("reparations loan",)
    assert len({Actors([merz])}) == 1


@pytest.mark.parametrize("given", [["trump"], {"actors": [{"id": "trump"}]}], ids=["list", "dict"])
def test_actors_of_the_wrong_kind_are_a_config_error(given):
    from stance.config import load_actors
    with pytest.raises(ConfigError, match="actors= takes the path of a YAML file, a stance.Actors or None"):
        load_actors(given)


def test_an_actors_file_not_saved_as_utf8_is_named_by_line(tmp_path):
    path = tmp_path / "actors.yaml"
    path.write_bytes("actors:\n  - id: macron\n    aliases: [Président Macron]\n".encode("latin-1"))
    with pytest.raises(ConfigError) as caught:
        Actors.from_yaml(path)
    assert str(caught.value) == (f"{path}:3: not UTF-8 text ('aliases: [Président Macron]' was saved in another "
                                 "encoding, such as Latin-1); save the file as UTF-8")


def test_an_actors_file_saved_as_utf16_is_read(tmp_path):
    path = tmp_path / "actors.yaml"
    path.write_text("actors:\n  - id: macron\n    aliases: [Président Macron]\n", encoding="utf-16")
    assert Actors.from_yaml(path)["macron"].aliases == ("Président Macron",)


def test_a_label_yaml_reads_as_structure_is_told_to_be_quoted(tmp_path):
    path = write(tmp_path, "topics.yaml", "topics:\n  - id: troops\n    label: US troops: the debate\n")
    with pytest.raises(ConfigError, match=r"mapping values are not allowed here; a text holding ': ' .* must be put in "
                                          "quotes") as caught:
        Topics.from_yaml(path)
    assert caught.value.line == 3
