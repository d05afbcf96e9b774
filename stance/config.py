"""Actors and topics: read from the YAML a user edits, checked once, kept as frozen dataclasses.

Every entry remembers the line it came from, so a mistake is reported as
`topics.yaml:14: topic 'air_support' has no label; add a 'label:' line` before any work starts.
"""
from __future__ import annotations

import codecs
import difflib
import re
from dataclasses import dataclass, field
from os import PathLike
from importlib import resources
from pathlib import Path
from typing import Iterable, Iterator

import yaml

from .errors import ConfigError

ACTOR_KINDS = ("person", "organization", "group")
GENDERS = ("male", "female", "")
ACTOR_KEYS = {"id", "name", "aliases", "roles", "kind", "member_of", "gender"}
TOPIC_KEYS = {"id", "label", "description", "keywords"}

# An id is what users type on the command line and what tables hold: keep it plain.
RE_ID = re.compile(r"^[a-z0-9][a-z0-9_\-]*$")


@dataclass(frozen=True)
class Actor:
    """A holder or speaker to look for: a person, an organization or a group.

    >>> Actor("leavitt", "Karoline Leavitt", aliases=("Leavitt",)).mentions
    ('Karoline Leavitt', 'Leavitt')
    """

    id: str
    name: str
    aliases: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    kind: str = "person"
    member_of: tuple[str, ...] = ()
    gender: str = ""
    line: int | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        _as_tuples(self, ("aliases", "roles", "member_of"))

    @property
    def mentions(self) -> tuple[str, ...]:
        """The name and the aliases, without repeats, the name first."""
        return tuple(dict.fromkeys((self.name, *self.aliases)))


@dataclass(frozen=True)
class Topic:
    """A proposition to track: found through its keywords, label and description.

    >>> Topic("us_ground_troops", "US ground troops in Ukraine").label
    'US ground troops in Ukraine'
    """

    id: str
    label: str
    description: str = ""
    keywords: tuple[str, ...] = ()
    line: int | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        _as_tuples(self, ("keywords",))


def _as_tuples(entry, names: tuple[str, ...]) -> None:
    """`aliases="Merz"` is one alias, not four letters; a list becomes a tuple, so entries hash."""
    for name in names:
        value = getattr(entry, name)
        if isinstance(value, str):
            object.__setattr__(entry, name, (value,) if value.strip() else ())
        elif not isinstance(value, tuple):
            object.__setattr__(entry, name, tuple(value or ()))


@dataclass(frozen=True)
class Names:
    """What a reader is shown for an id: the actor's name and the topic's label from the files a
    run was made with; an id with no entry is shown as it is.

    >>> names = Names.of(Actors([Actor("trump", "Donald Trump")]), Topics([Topic("ceasefire", "Immediate ceasefire")]))
    >>> names.holder("trump"), names.topic("ceasefire"), names.holder("kallas")
    ('Donald Trump', 'Immediate ceasefire', 'kallas')
    """

    holders: tuple[tuple[str, str], ...] = ()
    topics: tuple[tuple[str, str], ...] = ()

    @classmethod
    def of(cls, actors: "Actors | None" = None, topics: "Topics | None" = None) -> "Names":
        """The names of `actors` and labels of `topics` (either may be None)."""
        return cls(tuple((actor.id, actor.name) for actor in actors or ()),
                   tuple((topic.id, topic.label) for topic in topics or ()))

    @classmethod
    def from_settings(cls, settings: dict) -> "Names":
        """The names a run keeps in its settings; for a run saved without them, those of its actors
        and topics files if they can still be read, else none (ids are shown)."""
        kept = settings.get("names")
        if isinstance(kept, dict):
            return cls(tuple(sorted(dict(kept.get("holders") or {}).items())),
                       tuple(sorted(dict(kept.get("topics") or {}).items())))
        found = {}
        for key, kind in (("actors", Actors), ("topics", Topics)):
            path = settings.get(key)
            try:
                found[key] = kind.from_yaml(path) if path and Path(path).is_file() else None
            except ConfigError:
                found[key] = None   # the file changed since: the run's ids are still right
        return cls.of(found["actors"], found["topics"])

    def as_settings(self) -> dict:
        """The names as plain data, to be kept with a run's settings."""
        return {"holders": dict(self.holders), "topics": dict(self.topics)}

    def holder(self, holder_id: str) -> str:
        """The actor's name, or the id."""
        return dict(self.holders).get(holder_id, holder_id) if holder_id else ""

    def topic(self, topic_id: str) -> str:
        """The topic's label, or the id."""
        return dict(self.topics).get(topic_id, topic_id) if topic_id else ""


class _Entries:
    """A read-only, ordered collection of entries with unique ids."""

    kind = "entry"

    def __init__(self, entries: Iterable, path: str | Path | None = None):
        self._entries = tuple(entries)
        self.path = str(path) if path is not None else None
        seen: dict[str, object] = {}
        for entry in self._entries:
            if entry.id in seen:
                raise ConfigError(f"{self.kind} id '{entry.id}' is defined twice; give each {self.kind} its own id",
                                  self.path, entry.line)
            seen[entry.id] = entry
        self._by_id = seen

    def __iter__(self) -> Iterator:
        return iter(self._entries)

    def __len__(self) -> int:
        return len(self._entries)

    def __getitem__(self, entry_id: str):
        return self._by_id[entry_id]

    def __contains__(self, entry_id: object) -> bool:
        return entry_id in self._by_id

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(self._by_id)

    def __eq__(self, other: object) -> bool:
        return type(self) is type(other) and self._entries == other._entries

    def __hash__(self) -> int:
        return hash(self._entries)

    def __repr__(self) -> str:
        shown = ", ".join(self.ids[:6]) + (", ..." if len(self) > 6 else "")
        return f"{type(self).__name__}({len(self)}: {shown})"


class Actors(_Entries):
    """The actors of a run; `Actors.from_yaml(path)`, `Actors.default()` or built in Python.

    >>> actors = Actors([Actor("kallas", "Kaja Kallas", aliases=("Kallas",), gender="female")])
    >>> actors["kallas"].name
    'Kaja Kallas'
    """

    kind = "actor"

    def __init__(self, entries: Iterable[Actor], path: str | Path | None = None):
        super().__init__(entries, path)
        owner: dict[str, str] = {}
        for actor in self:
            for alias in actor.mentions:
                key = alias.casefold()
                if key in owner and owner[key] != actor.id:
                    raise ConfigError(
                        f"alias '{alias}' of actor '{actor.id}' is also an alias of '{owner[key]}'; "
                        "an alias must name one actor", self.path, actor.line)
                owner[key] = actor.id

    @classmethod
    def from_yaml(cls, path: str | Path) -> "Actors":
        """Read and check an actors file (a top-level `actors:` list)."""
        return cls(_read_entries(path, "actors", ACTOR_KEYS, _actor_from), path)

    @classmethod
    def default(cls) -> "Actors":
        """The shipped actors for Russia-Ukraine diplomacy in 2025."""
        with resources.as_file(resources.files("stance") / "data" / "actors.yaml") as path:
            return cls.from_yaml(path)

    def add(self, actor: Actor) -> "Actors":
        """A new collection with one more actor (the collection itself is unchanged)."""
        return Actors((*self, actor), self.path)


class Topics(_Entries):
    """The topics of a run; `Topics.from_yaml(path)`, `Topics.default()` or built in Python.

    >>> topics = Topics([]).add(Topic("drones", "Drone deliveries", keywords=("drones",)))
    >>> topics.ids
    ('drones',)
    """

    kind = "topic"

    @classmethod
    def from_yaml(cls, path: str | Path) -> "Topics":
        """Read and check a topics file (a top-level `topics:` list)."""
        return cls(_read_entries(path, "topics", TOPIC_KEYS, _topic_from), path)

    @classmethod
    def default(cls) -> "Topics":
        """The shipped topics for Russia-Ukraine diplomacy in 2025."""
        with resources.as_file(resources.files("stance") / "data" / "topics.yaml") as path:
            return cls.from_yaml(path)

    def add(self, topic: Topic) -> "Topics":
        """A new collection with one more topic (the collection itself is unchanged)."""
        return Topics((*self, topic), self.path)


def load_actors(actors: "Actors | str | Path | None") -> Actors:
    """Accept what users pass as `actors=`: a path, an `Actors`, or None for the defaults."""
    if actors is None:
        return Actors.default()
    if isinstance(actors, Actors):
        return actors
    _check_path(actors, "actors", "Actors")
    return Actors.from_yaml(actors)


def load_topics(topics: "Topics | str | Path | None") -> Topics:
    """Accept what users pass as `topics=`: a path, a `Topics`, or None for the defaults."""
    if topics is None:
        return Topics.default()
    if isinstance(topics, Topics):
        return topics
    _check_path(topics, "topics", "Topics")
    return Topics.from_yaml(topics)


def _check_path(value, section: str, collection: str) -> None:
    if not isinstance(value, (str, PathLike)):
        raise ConfigError(f"{section}= takes the path of a YAML file, a stance.{collection} or None, "
                          f"not a {type(value).__name__}; for a list of entries, write "
                          f"stance.{collection}([...])")


def _read_entries(path, section: str, allowed: set[str], build) -> list:
    """Parse a YAML list under `section`, keeping each entry's line for error messages."""
    path = Path(path)
    try:
        text = _decoded(path.read_bytes(), path)
    except FileNotFoundError:
        raise ConfigError(f"no such file; check the path given for {section}", path) from None
    except OSError as error:
        raise ConfigError(f"cannot read the file ({error.strerror or error})", path) from None
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(error, "problem", None) or str(error)
        opened = getattr(error, "context_mark", None)
        context = getattr(error, "context", None) or ""
        if "'\\t'" in problem:
            problem += "; indent with spaces, not tabs (YAML does not allow a tab there)"
        elif opened is not None and context.startswith("while parsing a flow") and mark is not None \
                and mark.line > opened.line:   # a list on one line, still open on the next
            bracket = "[" if "sequence" in context else "{"
            closing = {"[": "]", "{": "}"}[bracket]
            problem += (f"; the '{bracket}' opened on line {opened.line + 1} is never closed with '{closing}' "
                        f"(a text that starts with '{bracket}' must be put in quotes)")
        elif isinstance(error, (yaml.scanner.ScannerError, yaml.parser.ParserError)):
            # The usual cause is a name or phrase that YAML reads as structure ("US troops: the debate").
            problem += ("; a text holding ': ' or ' #', or starting with @ ` [ { or a quote, "
                        "must be put in quotes, e.g. label: \"US troops: the debate\"")
        raise ConfigError(f"invalid YAML: {problem}", path, line) from None
    if data is None:
        raise ConfigError(f"the file is empty; it needs a top-level '{section}:' list", path)
    other = {"actors": "topics", "topics": "actors"}[section]
    if isinstance(data, dict) and other in data and section not in data:
        raise ConfigError(f"this is a {other} file (it has '{other}:', not '{section}:'); give it as the {other}, "
                          f"and the {section} file as the {section}", path, 1)
    if not isinstance(data, dict) or section not in data:
        raise ConfigError(f"expected a top-level '{section}:' list", path, 1)
    _check_unique_keys(root, path)
    unknown_sections = set(data) - {section}
    if unknown_sections:
        raise ConfigError(f"unknown top-level key(s) {sorted(unknown_sections)}; only '{section}:' is read", path, 1)
    items = data[section]
    nodes = _section_nodes(root, section)
    if not isinstance(items, list):
        raise ConfigError(f"'{section}:' must be a list of entries starting with '- id:'", path,
                          _line_of(nodes, None))
    if not items and section == "topics":
        raise ConfigError("the file lists no topics, so no statement could be found; add at least one '- id:' entry",
                          path, _line_of(nodes, None))
    entries = []
    for index, item in enumerate(items):
        line = _line_of(nodes, index)
        if not isinstance(item, dict):
            raise ConfigError(f"each entry of '{section}:' must be a mapping with an 'id:'", path, line)
        unknown = set(item) - allowed
        if unknown:
            first = sorted(map(str, unknown))[0]
            close = difflib.get_close_matches(first, sorted(allowed), n=1)
            hint = f"did you mean '{close[0]}'? " if close else ""
            raise ConfigError(f"unknown key(s) {sorted(map(str, unknown))}; {hint}allowed: {sorted(allowed)}", path,
                              _key_line(nodes, index, first) or line)
        entries.append(build(item, path, line))
    return entries


def _check_unique_keys(node, path) -> None:
    """YAML keeps the last of two equal keys without a word: a second `aliases:` line in an entry,
    or a second `actors:` list pasted below the first, would drop what came before."""
    if isinstance(node, yaml.MappingNode):
        seen: set = set()
        for key, value in node.value:
            name = getattr(key, "value", None)
            if name in seen:
                raise ConfigError(f"'{name}:' appears twice here and the first would be ignored; "
                                  "merge them into one", path, key.start_mark.line + 1)
            seen.add(name)
            _check_unique_keys(value, path)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            _check_unique_keys(item, path)


def _key_line(nodes, index: int, key: str) -> int | None:
    """The line of `key:` in the entry at `index` (an unknown key is best shown where it is)."""
    if nodes is None or not isinstance(nodes.value, list) or index >= len(nodes.value):
        return None
    entry = nodes.value[index]
    for key_node, _ in entry.value if isinstance(entry, yaml.MappingNode) else ():
        if getattr(key_node, "value", None) == key:
            return key_node.start_mark.line + 1
    return None


def _decoded(raw: bytes, path) -> str:
    """The text of a YAML file: UTF-8, or UTF-16/32 with a byte-order mark (as some Windows
    editors save); anything else is named by line rather than read as the wrong letters."""
    for bom, encoding in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                          (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if raw.startswith(bom):
            try:
                return raw.decode(encoding)
            except UnicodeDecodeError:
                break
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        shown = raw.split(b"\n")[line - 1].decode("cp1252", errors="replace").strip()[:60]
        raise ConfigError(f"not UTF-8 text ('{shown}' was saved in another encoding, such as Latin-1); "
                          "save the file as UTF-8", path, line) from None


def _section_nodes(root, section: str):
    if root is None or not hasattr(root, "value") or not isinstance(root.value, list):
        return None
    for key, value in root.value:
        if getattr(key, "value", None) == section:
            return value
    return None


def _line_of(nodes, index: int | None) -> int | None:
    if nodes is None:
        return None
    if index is None or not isinstance(nodes.value, list) or index >= len(nodes.value):
        return nodes.start_mark.line + 1
    return nodes.value[index].start_mark.line + 1


def _text(item: dict, key: str, path, line, what: str, required: bool = True) -> str:
    value = item.get(key)
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            article = "an" if key[0] in "aeiou" else "a"   # an 'id:' line, a 'label:' line
            raise ConfigError(f"{what} has no {key}; add {article} '{key}:' line", path, line)
        return ""
    if not isinstance(value, (str, int, float)):
        raise ConfigError(f"{what}: '{key}' must be text", path, line)
    return str(value).strip()


def _texts(item: dict, key: str, path, line, what: str) -> tuple[str, ...]:
    value = item.get(key) or []
    if isinstance(value, str) and "," in value:
        parts = ", ".join(part.strip() for part in value.split(",") if part.strip())
        raise ConfigError(f"{what}: '{key}' is one text with commas in it; write a list, e.g. [{parts}]", path, line)
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, (str, int, float)) for v in value):
        raise ConfigError(f"{what}: '{key}' must be a list of texts, e.g. [A, B]", path, line)
    return tuple(dict.fromkeys(str(v).strip() for v in value if str(v).strip()))


def _checked_id(item: dict, path, line, kind: str) -> str:
    entry_id = _text(item, "id", path, line, f"this {kind}")
    if not RE_ID.match(entry_id):
        raise ConfigError(f"{kind} id '{entry_id}' must be lower case letters, digits, '_' or '-'", path, line)
    return entry_id


def _actor_from(item: dict, path, line) -> Actor:
    actor_id = _checked_id(item, path, line, "actor")
    what = f"actor '{actor_id}'"
    kind = _text(item, "kind", path, line, what, required=False) or "person"
    if kind not in ACTOR_KINDS:
        raise ConfigError(f"{what}: kind '{kind}' is not one of {', '.join(ACTOR_KINDS)}", path, line)
    gender = _text(item, "gender", path, line, what, required=False).lower()
    if gender not in GENDERS:
        raise ConfigError(f"{what}: gender '{gender}' must be male or female (or left out)", path, line)
    name = _text(item, "name", path, line, what, required=False) or actor_id.replace("_", " ").title()
    return Actor(actor_id, name, _texts(item, "aliases", path, line, what), _texts(item, "roles", path, line, what),
                 kind, _texts(item, "member_of", path, line, what), gender, line)


def _topic_from(item: dict, path, line) -> Topic:
    topic_id = _checked_id(item, path, line, "topic")
    what = f"topic '{topic_id}'"
    label = _text(item, "label", path, line, what)
    return Topic(topic_id, label, _text(item, "description", path, line, what, required=False),
                 _texts(item, "keywords", path, line, what), line)

