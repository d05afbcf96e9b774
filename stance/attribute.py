"""Decide whose position a statement is (the holder) and who put it into words (the speaker).

Works from the actor file alone: aliases are found as whole phrases, roles ("the president")
and their head nouns ("the senator") stand for an actor already named in the article, pronouns
go to the person most recently in subject position, and quotes go to the speaker named by the
cue before or after them, or to the speaker of the quote they continue. "Leavitt said the
president has ruled out troops" has speaker leavitt and holder trump; the writer's own analysis
(and the writer's "Washington should ...") has speaker `author` and no holder.

Rules of news attribution it follows, all read from the text and the actor file:
- the speaker is the subject of a verb of saying, also across an appositive or a relative
  clause ("Ukraine's foreign minister, Andrii Sybiha, said", "Peskov, who said"), after
  "according to", in a tag ("..., he said."), or the actor a body or document speaks for
  ("the Kremlin's readout said"); "told Moscow" names an addressee, not an inverted speaker;
- a clause that goes on without a subject ("but insisted that", "saying", "but that") keeps
  the speaker of what came before;
- the holder is the subject of what was said when a stance word follows it, or when it is the
  speaker's own government or leader ("Peskov said Russia was observing the truce"); a head of
  state or government (read from their roles) saying what their country will do holds it
  themselves; "Y should" after "X said" is X's demand;
- anonymous sources and speakers outside the actor list ("an EU spokesperson", "European
  leaders") give no speaker, but the actor whose position they report is still the holder;
  failing one, the organisation they speak for ("a NATO diplomat", "a senior administration
  official", read from the organisation's aliases and roles);
- a document speaks for whoever put it forward: "Ukraine's own road map ... It also demands ...";
- what a closing tag reports has the tag's speaker and its own subject as holder ("Trump agreed
  to ..., the White House said"); a second thing said ("..., and insisted that ...") and a
  coordinate or time clause with a subject of its own ("..., hours after four European leaders
  told Moscow ...") are attributed apart from the rest of their clause (`for_topic`);
- "he" after a sentence led by a named person outside the actor list ("John Ratcliffe, the CIA
  director, told ...") is no actor; "He also demanded ..." after "The Kremlin said Putin had
  told Trump ..." is still the Kremlin's report; the writer's verdict on an actor ("The
  chancellor is right") and doubt about one ("It is not clear whether Putin will ...") are
  commentary;
- a name in a relative clause on a noun ("the ceasefire that Trump proposed") yields to the
  main clause's subject; "must" inside a quote is the speaker's demand; "X said he believed
  Y would ..." is Y's position in X's words;
- unnamed people of a listed organisation, named by its aliases or by a name or role found in the
  article ("a senior official of the group", "EU member states"), speak or act for it without
  being its speaker; an office speaks for the government of the person it serves ("the prime
  minister's office said"), a person's spokesperson is an unlisted speaker;
- a person's name labelling a line ("BESSENT: No. ...", "Kellogg: ...") speaks the line; what a
  speaker says another has done ("had decided to ...") is the doer's act; a subject after
  "if/unless/until/once" yields to the sentence's own; "Germany's halt on ... remains" is Germany's;
- people named by an organisation's adjective ("Canadian officials", from "the Canadian
  government"), an unlisted office-holder or member of it ("Qatar's prime minister", "a member of
  the group's political bureau") speak for it; "the government" is the government named last, and
  "It closed its airspace" the organisation leading the sentence before; a closing "according to
  X" makes X the speaker.
"""
from __future__ import annotations

import bisect
import dataclasses
import re
from dataclasses import dataclass

from .config import Actors
from .lexicon import compile_phrases, fold_accents, Lexicon, may_hold, normalize, trie_alternation
from .schema import AUTHOR
from .segment import Clause, Quote, Sentence, quoted_share

# Personal pronouns that can stand for a person actor, with the gender they point to.
PRONOUNS = {"he": "male", "him": "male", "his": "male", "she": "female", "her": "female"}
FIRST_PERSON = {"i", "we", "my", "our", "me", "us"}
# A pronoun as a whole word; "US" in capitals is the country, so case matters for "us". The
# first letters are tested first: most places of a document fail there, before the word test.
RE_PRONOUN = re.compile(r"(?=[HhSsIWwMmOou])(?<![\w'-])(?:[Hh]e|[Hh]im|[Hh]is|[Ss]he|[Hh]er|I|[Ww]e|[Mm]y|[Oo]ur|[Mm]e|us)(?![\w'-])")
# Between a subject and its verb: an appositive in commas ("Leavitt, the press secretary,"),
# then auxiliaries and adverbs ("has also publicly").
RE_SUBJECT_GAP = re.compile(
    r"^(?:\s*,[^,.;:“”\"]{1,120},)?"                                  # ", the press secretary,"
    r"(?:\s+(?:in|at)\s+(?-i:[A-Z][\w'’-]+)(?=\s+[a-z]))?"              # "Meloni in Rome is"
    r"(?:\s+and\s+(?:[\w.'’-]+\s+){0,4}?[A-Z][\w.'’-]+)?"              # "and trade envoy Jamieson Greer"
    r"(?:\s+(?:has|have|had|was|is|were|are|would|will|could|may|might|also|further|again|then|now|already|"
    r"been|being|remained|remains|seemed|seems|appeared|appears|perhaps|probably|possibly|did|does|do|not|"
    r"reportedly|publicly|repeatedly|previously|earlier|later|once|still|even|since|himself|herself|itself|"
    r"themselves|both|all|too|first|just|apparently|privately|separately|quickly|long|so far|yet|never|"
    r"yesterday|today|tonight|last\s+\w+|this\s+(?:week|month|morning|afternoon|evening)|"
    r"on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|\w+ly))*\s*$",
    re.IGNORECASE)
# Words before a name that make it an object, not a subject ("met with Putin", "in Moscow").
GOVERNING_WORDS = ("in", "to", "with", "from", "on", "at", "for", "against", "by", "of", "between", "about", "over",
                   "under", "toward", "towards", "into", "than", "across", "around", "through", "after", "before",
                   "like", "unlike", "via", "per", "among", "urged", "pressed", "pushed", "asked", "told", "met",
                   "meet", "meets", "meeting", "called", "call", "visit", "visited", "visiting")
# As a trie (one branch per letter, not forty words tried case-blind at every place).
RE_PREPOSITION_BEFORE = re.compile(rf"(?:\b{trie_alternation(sorted(GOVERNING_WORDS))}\s+(?:the\s+)?)$", re.IGNORECASE)
# A blank line ends what came before: "Talks drag on" over a paragraph that opens "Tanaka
# ruled out ..." puts no preposition before Tanaka.
RE_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")
PREPOSITION_REACH = 20   # characters before a name searched for the preposition that governs it
# "according to Peskov", "in the words of Lavrov": the speaker follows.
RE_ACCORDING_TO = re.compile(r"\b(?:according to|in the words of|per)\s+(?:the\s+)?$", re.IGNORECASE)
ACCORDING_TO_KEYS = ("according", "words of", "per")   # every match of RE_ACCORDING_TO holds one
# "in her view", "in Cooper's view", "in the opinion of the chancellor": whose position it is.
RE_IN_VIEW_OF = re.compile(r"\bin\s+the\s+(?:view|opinion|judge?ment)\s+of\s+(?:the\s+)?$", re.IGNORECASE)
RE_IN_BEFORE = re.compile(r"\bin\s+$", re.IGNORECASE)
RE_VIEW_AFTER = re.compile(r"(?:'s|’s)?\s+(?:own\s+)?(?:view|opinion|judge?ment)\b", re.IGNORECASE)
# After a name in subject position comes a verb, not a possessive or a noun.
RE_VERB_AFTER = re.compile(r"^(?:\s*,[^,.;:]{1,120},)?(?:\s+(?:in|at)\s+[A-Z][\w'’-]+(?=\s+[a-z]))?"   # "Meloni in Rome"
                           r"\s+(?:[a-z]+(?:-[a-z]+)?(?:ed|s)\b|has|had|have|was|is|were|are|would|will|"
                           r"could|can|may|might|must|should|did|does|do|won't|wouldn't|can't|cannot|didn't|doesn't|"
                           r"never|also|not|no|now|again|still|already|first|just|only|[a-z]+ly|ruled|told|said|"
                           r"says|wants|backs|sent|made|gave|took|put|set|held|left|kept|met|spoke|saw|thought|"
                           r"knew|felt|got|became|sought|brought|went|came|stood|wrote|rejected|offered|spent|began|won|"
                           r"lost|ran|paid|led|meant|heard|found|chose|drew|fought|rose|struck|threw|withdrew|upheld|"
                           r"withheld|dealt|sold|shut|taught|let|cut|hit|sat)\b")
# A position named as someone's: "the president's stance", "Putin's willingness to".
RE_STANCE_NOUN_AFTER = re.compile(r"^'s\s+(?:\w+\s+)?(?:stance|position|view|views|thinking|tone|approach|policy|line|stand|"
                                  r"posture|rhetoric|attitude|calculus|willingness|readiness|refusal|opposition|"
                                  r"support|insistence|demand|demands|offer|proposal|plan|objection|reluctance|"
                                  r"eagerness|determination|pledge|promise|threat|call)\b", re.IGNORECASE)
# Words between a verb of saying and the subject of what was said: "said on Friday that the ...".
RE_COMPLEMENT_FILLER = re.compile(
    r"\b(?:the|that|also|again|later|earlier|repeatedly|yesterday|today|tonight|on\s+\w+day|last\s+\w+|"
    r"this\s+(?:week|month|morning|afternoon|evening)|the\s+next\s+day|the\s+day\s+before|"
    r"on\s+\d{1,2}\s+\w+|on\s+\w+\s+\d{1,2}(?:st|nd|rd|th)?|in\s+(?:a|an|his|her|its|their)\s+\w+(?:\s+\w+)?)\b",
    re.IGNORECASE)
# Anonymous people doing the saying: "sources told", "officials said", "a diplomat, speaking anonymously, said".
RE_SOURCES_SPEAK = re.compile(
    r"\b(?:(?:sources?|officials?|diplomats?|aides?|insiders?)(?:\s+(?:familiar with|briefed on|close to|involved in)"
    r"[\w\s]{0,30}?)?|people\s+(?:familiar with|briefed on|close to|involved in)[\w\s]{0,30}?)"   # "officials briefed on it"
    r"(?:\s*,[^,]{1,60},)?\s+(?:\w+\s+){0,2}(?:said|say|says|told|tell|confirmed|suggested|indicated|expected|believe)\b"
    r"|\baccording to (?:\w+\s+){0,3}(?:sources?|officials?|diplomats?|people)\b"
    r"|\bspeaking (?:anonymously|on condition of anonymity)\b", re.IGNORECASE)
# A condition opening just before a name: "If Russia says no", "unless Moscow agrees".
RE_CONDITION_BEFORE = re.compile(r"\b(?:if|unless|should|once|until|when)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
# A condition or bound opening just before a subject: "unless Iran restored", "until Washington lifts".
RE_IF_BEFORE = re.compile(r"\b(?:if|unless|until|once)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
# An adverbial set in commas after "that", before the subject of what was said: "wrote that, after
# a long night of talks, India and Pakistan had agreed".
RE_THAT_ADVERBIAL = re.compile(r"\bthat\s*,\s*(?:after|before|during|following|once|when|while|in|on|at|with|despite|"
                               r"under|for|by)\b[^,;:“”\"]{1,100},", re.IGNORECASE)
# Someone whose orders or request made an act: "halted on Trump's orders", "at Kyiv's request".
RE_AGENT_AFTER = re.compile(r"^'s\s+(?:orders?|instructions?|request|direction|behest|command|decision)\b", re.IGNORECASE)
# The agent of a passive: "was halted by the White House".
RE_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|been|be|is|are)\s+(?:\w+ly\s+)?\w+(?:ed|en)\s+by\s+(?:the\s+)?$", re.IGNORECASE)
# What stands between a name and a pronoun that may point back to it within one sentence.
RE_SEPARATES = re.compile(r"\b(?:and|but|that|while|after|before|when|because|who|which|as|since|said|says|told|"
                          r"added)\b|[;“”\":]", re.IGNORECASE)
# Before a verb of saying whose subject follows it ("..., said Peskov", "“...” says Kallas").
RE_INVERSION_BEFORE = re.compile(r"[,”\"’]\s*$")
# A finite verb right after a name: after "said" the name opens what was said ("Officials, speaking
# privately, said India would not ..."), it is no inverted speaker.
RE_FINITE_AFTER = re.compile(r"^\s+(?:(?:also|still|now|already|never|not)\s+)?(?:would|will|was|is|were|are|had|has|have|"
                             r"could|can|may|might|must|should|did|does|do|won't|wouldn't|can't|cannot|didn't|"
                             r"doesn't|[a-z]+ed)\b")
# Verbs whose next noun is their object, not an inverted subject ("told Moscow", "saying Russia ...").
RE_NO_INVERSION = re.compile(r"^(?:tell|tells|told|telling|ask|asks|asked|\w+ing)$", re.IGNORECASE)
# The connective opening a clause that goes on with the subject of the one before: "but insisted
# that ...", "and added ...", "but that ..." (a second thing said).
# "They added that ...", "They also said ...": plural voices going on speaking.
RE_THEY_SAY = re.compile(r"(?:But\s+|And\s+)?They\s+(?:also\s+|further\s+|later\s+)?"
                         r"(?:added|said|say|noted|stressed|insisted|warned|argued|told|cautioned|conceded)\b")
RE_CONTINUES = re.compile(r"^(?:(?:but|and|yet|then|while|,)\s*)*(?:(?:then|also|later|again|still|further|only)\s+)*",
                          re.IGNORECASE)
# A wire dateline before the first sentence: "KYIV/MOSCOW, May 11 (Northbridge Wire) - ".
RE_DATELINE = re.compile(r"^(?:[A-Z][\w.'’]*[\s,/]*){1,6}(?:\d{1,2}\s*)?(?:\([^)]{1,40}\)\s*)?[-—–]\s+")
# What someone ought to do: in the writer's own words it is the writer's advice ("Washington
# should ..."); after "X said Y should ..." it is X's demand on Y, not Y's position.
# What makes the writer's words a view rather than a report of events: a modal, a judgement, a
# comparison ("should keep planning", "would be a bluff", "is right", "remains a promise rather
# than a plan"). "Aid has been blocked since 2 March" tells of an event and holds no view.
RE_WRITERS_VIEW = re.compile(r"\b(?:should|shouldn't|ought|must|mustn't|need|needs|"
                             r"rather than|instead of|is|are|remains?|seems?|"
                             r"looks?|means?)\b", re.IGNORECASE)
# People outside the actor list as a clause's subject: "European leaders agreed ...", "Russian
# officials have threatened ...", "traders still see ...". Their position is no one listed's, and
# not the writer's either.
RE_UNLISTED_PEOPLE = re.compile(r"^(?:and\s+|but\s+)?(?![Hh]is\b|[Hh]er\b|[Tt]heir\b|[Ii]ts\b)(?:(?!(?:of|between|with|for|on|in|at|by|from|to|and|or|has|have|had|is|are|was|were)\b)[\w'’-]+\s+){0,3}"
                                r"(?:(?:leader|official|trader|investor|analyst|diplomat|lawmaker|legislator|"
                                r"senator|economist|critic|minister|ally|allie|voter|protester|expert|strategist|"
                                r"negotiator|envoy|general|commander|politician|executive|president|chancellor|"
                                r"spokes(?:man|woman|person)|secretary|adviser|advisor|governor|chief|head)s?|markets|councils|states|"
                                r"governments|parliaments|members|countries|nations|capitals)\b")
# The writer's advice to others: "European governments should be ready to ...".
RE_ADVICE = re.compile(r"\b(?:should|shouldn't|ought|must|mustn't)\b", re.IGNORECASE)
RE_DEONTIC = re.compile(r"^(?:should|shouldn't|ought to|must|mustn't|(?:has|have|had|needs?|needed) to)\b", re.IGNORECASE)
# A passive verb of saying names no speaker: "the request Zelensky is reported to have made".
RE_PASSIVE_AUX = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
# Someone outside the actor list doing the saying, just before the verb: "An EU spokesperson",
# "a spokesman for Pete Hegseth", "European leaders", "John Ratcliffe, the CIA director,".
RE_UNLISTED_SPEAKER = re.compile(
    r"(?:\b(?i:spokes(?:man|woman|person|people|men|women)|officials?|ministers?|leaders|director|diplomats?|"
    r"envoys?|ambassadors?|advisers?|advisors?|aides?|analysts?|lawmakers?|senators?|commanders?|chief|president|premier|"
    r"negotiators?|delegates?|experts?|sources?|people|members|member(?=\s+of\b)|statement|communiqu[eé]|readout|office)"   # "Officials in Kyiv"
    r"(?:\s+(?:for|of|at|from|in|to|familiar\s+with|briefed\s+on|close\s+to|involved\s+in)\s+[^,.;:“”\"]{1,60}?)?"
    r"|\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)+)"
    r"(?:\s*,[^,.;:“”\"]{1,80},)?"
    r"(?:\s+(?:has|have|had|was|is|also|then|later|earlier|again|on\s+\w+day|last\s+\w+day|\w+ly))*\s*$")
# Between a name in apposition and its verb: "Andrii Sybiha, said" ends "Ukraine's foreign
# minister, Andrii Sybiha, said"; "Peskov, who said" is a relative clause on the name.
# Unnamed people of an organisation named after them ("a senior official of the group") or
# before them ("the bloc's diplomats", "Hamas officials").
# Who speaks on record for an actor: its spokesperson or its office ("his office", "a Hamas
# spokesman", "the prime minister's office").
# A person's body, named by the person: "Nielsen's government", "Merz's cabinet", "her government".
RE_PARTY = re.compile(r"\bparty\b", re.IGNORECASE)
RE_PERSONS_BODY = re.compile(r"['’]s\s+(?:own\s+|new\s+)?(?:government|administration|cabinet|coalition)\b", re.IGNORECASE)
RE_OFFICE_AFTER = re.compile(r"^(?:['’]s)?\s+(?:own\s+|press\s+|private\s+)?office\b", re.IGNORECASE)
RE_SPOKESPERSON_AFTER = re.compile(r"^(?:['’]s)?\s+(?:(?:chief|official|main|own)\s+)?spokes(?:man|woman|person)\b",
                                   re.IGNORECASE)
RE_SPOKESPERSON_FOR = re.compile(r"\bspokes(?:man|woman|person)\s+(?:for|of)\s+(?:the\s+)?$", re.IGNORECASE)
# An act or measure named as an actor's, opening a sentence as its subject: "Germany's partial halt
# on arms exports, announced in August, remains in force", "Carney's retreat is a marked change".
# What the actor's people do ("Ukraine's allies pledged") is theirs, not the actor's.
RE_POSSESSED_ACT = re.compile(
    r"^['’]s\s+(?!(?:[\w-]+\s+){0,2}?(?:allies|partners|officials?|ministers?|envoys?|spokes\w+|aides?|leaders?|"
    r"critics|opponents|enemies|rivals|neighbou?rs|people|citizens|supporters|voters|negotiators|delegation|"
    r"advis[eo]rs?|counterparts?|president|prime minister|chancellor|government|opposition|friends)\b)"
    r"[^,.;:“”\"]{1,80}?(?:\s*,[^,.;:“”\"]{1,60},)?"                                # ", announced in August,"
    r"\s+(?:is|was|are|were|remains?|remained|stays?|stayed|has|have|had|will|would|ends?|ended|began|begins|"
    r"came|comes|took|takes|marks?|marked|left|leaves|hit|hits|cut|cuts|[a-z]+ed)\b")
# The members of an organisation acting together: "EU member states", "Nato governments".
RE_MEMBERS_AFTER = re.compile(r"^\s+(?:member\s+(?:states|countries|governments)|members|governments|leaders|"
                              r"(?:foreign|finance|trade|defence|defense)\s+ministers)\b")
# A verb after "and" with no subject of its own: "... and said", "... and then told".
RE_SHARED_SUBJECT = re.compile(r"\s(?:and|but)\s+(?:(?:also|then|later)\s+)?$")
# A second thing said whose subject is "it" or "they": ", and that it remained committed".
RE_SECOND_THAT_IT = re.compile(r"(?:,\s*|\s+)and\s+(?P<that>that)\s+(?:it|they)\s")
# A name labelling a line, as in a transcript ("BESSENT: No.") or a headline ("Kellogg: ...").
RE_SPEAKER_LABEL = re.compile(r"[#>*\s]*(?P<name>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})\s*:\s")
# What someone has done, in the perfect: "the Israeli leader had decided to ...", "the president
# has finally given him the go-ahead". Told by another, it is still the doer's act.
RE_DONE = re.compile(r"^\s+(?:has|have|had)\s+(?:(?:now|already|finally|just|also|since|\w+ly)\s+)*"
                     r"(?:[a-z]+ed|given|taken|made|chosen|written|spoken|done|sent|told|set|put|cut|let|held|kept|"
                     r"left|won|lost|begun|broken|drawn|withdrawn|undertaken|overseen|signed|struck)\b")
# The people an organisation speaks through, unnamed: "officials", "a spokesman", "diplomats".
PEOPLE = r"(?:officials?|diplomats?|sources?|aides?|insiders?|negotiators?|envoys?|spokes(?:man|woman|person|people|men|women))"
# A title held for a country or body by someone the actor file does not list: "Qatar's prime minister".
TITLE = (r"(?:(?:prime|foreign|defen[cs]e|finance|trade|interior|deputy|vice|chief|top)\s+){0,2}"
         r"(?:minister|president|premier|ambassador|envoy|negotiator|representative|secretary|chancellor)")
RE_PEOPLE_NOUN = re.compile(rf"\b{PEOPLE}\b", re.IGNORECASE)
RE_PEOPLE_OF = re.compile(rf"\b(?:{PEOPLE}|members?)\s+(?:of|in|at|from|for|with|close\s+to)\s+(?:the\s+)?$",
                          re.IGNORECASE)
RE_PEOPLE_AFTER = re.compile(rf"^(?:['’]s)?\s+(?:(?:senior|top|chief|high-ranking|military)\s+)?{PEOPLE}\b"
                             rf"|^['’]s\s+{TITLE}\b", re.IGNORECASE)
# People described by what they were told: "an official briefed on the talks", "sources informed about".
RE_PEOPLE_BEFORE = re.compile(rf"\b(?:{PEOPLE}|people|members?)\s+$", re.IGNORECASE)
RE_BRIEFED_ON = re.compile(r"^[a-z]+ed\s+(?:on|about)\b")
RE_RELATIVE_GAP = re.compile(r"^\s*,\s*(who\s+)?", re.IGNORECASE)
# An actor's name used as a modifier of the real speaker: "an EU spokesperson", "Kremlin officials".
RE_MODIFIED_SPEAKER = re.compile(r"(?:['’]s)?\s+(?:spokes|officials?\b|diplomats?\b|leaders\b|(?:press\s+)?office\b)"
                                 rf"|['’]s\s+{TITLE}\b")
# Roles that make a person the head of the organisation they belong to.
RE_LEADER_ROLE = re.compile(r"\b(?:president|prime minister|premier|chancellor|leader|head of state|king|queen|"
                            r"secretary[- ]general)\b", re.IGNORECASE)
RE_NOT_LEADER = re.compile(r"\b(?:vice|former|deputy|ex)\b", re.IGNORECASE)
# A parenthetical tag: ", he said," / ", Lavrov added on Friday,".
RE_TAG_BEFORE = re.compile(r",\s*(?:[\w.'’-]+\s+){1,4}$")
RE_TAG_AFTER = re.compile(r"^(?:\s+(?:on\s+\w+|\w+ly|later|earlier|again|today|yesterday))*\s*,")
# What speaks or acts for its owner: "the Kremlin's readout said", "Ukraine's own road map calls for".
RE_OWN_VOICE = re.compile(
    r"^['’]s\s+(?:own\s+|new\s+|latest\s+|official\s+|formal\s+|written\s+|first\s+)?"
    r"(?:account|statement|readout|read-out|plan|peace plan|proposal|counter-?proposal|memorandum|road ?map|letter|"
    r"draft|response|reply|note|position paper|communiqu[eé]|delegation|negotiators|negotiating team|office|"
    r"foreign ministry|ministry|embassy|mission|leadership|presidency)"
    r"(?:\s+(?:of|on|to|for)\s+the\s+[\w-]+)?", re.IGNORECASE)
# The body that speaks for an organisation, named right after it: "the UCW executive rejected",
# "the union leadership said" (not a wing or a local branch, which speak for themselves).
RE_BODY_OF = re.compile(r"^\s+(?:national\s+|general\s+)?(?:executive(?:\s+committee)?|leadership|board(?:\s+of\s+directors)?|"
                        r"negotiators|negotiating\s+team|delegation|high\s+command|governing\s+council)\b", re.IGNORECASE)
# "It" opening a sentence as the doer of an act: "It has kept the crossings shut", "It closed its
# airspace"; not "It seemed ...", "It is unclear ...", nor a plan's "It would ...".
RE_IT_ACTS = re.compile(r"It\s+(?:(?:also|then|later|again|now|already|since|has|had|have)\s+)*"
                        r"(?!(?:seemed|appeared|emerged|remained|proved|looked|sounded|happened|followed|mattered|"
                        r"needed|used|added up)\b)(?:[a-z]+ed|kept|held|shut|cut|put|set|made|took|sent|left|withdrew|"
                        r"struck|began|said|told|wrote)\b")
# "They" opening a sentence with a verb: in British English an organisation is often "they" ("The
# council met on Monday. They approved the bus lanes."); what merely befell it is no act of it.
RE_THEY_ACT = re.compile(r"They\s+(?:(?:also|then|later|again|now|already|since|have|had|all|both|\w+ly)\s+)*"
                         r"(?!(?:seemed|seem|appeared|appear|were|are|remained|remain|proved|looked|look|sounded|"
                         r"happened|had|have|did|do|could|can|might|may)\b)[a-z]+\b")
# A verb (not a noun) opening what follows a connective: "but declined", "and would", "but wanted".
RE_BARE_PREDICATE = re.compile(
    r"(?:[a-z]+ed|has|had|have|would|will|could|can|may|might|must|should|did|does|was|were|is|are|won't|"
    r"wouldn't|didn't|doesn't|hasn't|never|not|told|said|sent|made|gave|took|put|held|left|kept|met|spoke|"
    r"saw|thought|knew|sought|brought|went|came|stood|wrote)\b")
# A role set before the name it introduces, after an inverted verb of saying: '..., said the
# minister, Helen Asante', '..., said the chamber's chief executive, Maria Lindqvist'.
RE_ROLE_BEFORE_NAME = re.compile(r"\s+(?:the|a|an|its|their|his|her|[A-Z][\w'’-]*['’]s)\s+[^,.;:“”\"]{1,60},\s*")
RE_TAG_END = re.compile(r"^(?:\s+(?:on\s+\w+|\w+ly|later|earlier|again|today|yesterday|tonight|last\s+\w+|"
                        r"(?:in|at|to|on)\s+(?:a|an|the|his|her)?\s*[\w-]+(?:\s+[\w-]+)?))*\s*[.!?]?\s*$")
# What ends a subject's reach: a sentence or clause break, or a quote.
RE_CLAUSE_BREAK = re.compile(r"[.;:“”\"]")
# A colon that hands over to what follows: "Macron: European forces ...", "... from Pete Hegseth in Brussels: no ...".
RE_LABEL_COLON = re.compile(r"\s*:\s")
RE_COLON_AHEAD = re.compile(r"[^:;.“”\"]{0,60}:\s")
# Where the words after a quote stop being its tag: a sentence or clause end, a new quote.
RE_TAG_STOP = re.compile(r"[.!?;“\"]")
# A "that" opening what follows a verb of saying, and one closing what stands before a name.
RE_THAT_OPENING = re.compile(r"that\b", re.IGNORECASE)
RE_THAT_CLOSING = re.compile(r"\bthat\s*$", re.IGNORECASE)
# A comma (or semicolon) just before: the words after it are set off from those before.
RE_COMMA_CLOSING = re.compile(r",\s*$")
RE_COMMA_OR_SEMICOLON_CLOSING = re.compile(r"[,;]\s*$")
RE_COMMA_OPENING = re.compile(r"\s*,")
# "Peskov in Moscow said": a place named right before a name.
RE_PLACE_BEFORE = re.compile(r"\b(?:in|at)\s+$")
# Two subjects joined: "Starmer and Zelensky".
RE_AND_BETWEEN = re.compile(r"\s+and\s+")
# A question put to the speaker, opening the sentence: "Asked whether Kyiv would accept, ...",
# "On Sunday, pressed on whether Washington might say no, ...". Its names are not the answer's subject.
RE_QUESTION_FRAME = re.compile(r"^(?:[^,“”\"]{0,40},\s*)?(?:when\s+)?(?:asked|pressed|questioned|quizzed)\b"
                               r"(?:\s+(?:on|about|by\s+[^,]{1,40}))?\s+(?:whether|if|about|how|why|what|when)\b[^,;“”\"]*,",
                               re.IGNORECASE)
QUESTION_FRAME_KEYS = ("asked", "pressed", "questioned", "quizzed")   # every match of RE_QUESTION_FRAME holds one
# A nested frame between the verb of saying and the holder: "said the call showed Russia was not
# ready", "said it seemed Moscow was ...".
RE_EVIDENTIAL = re.compile(r"\b(?:it|this|that|the\s+[\w'’-]+(?:\s+[\w-]+)?)\s+(?:showed|shows|seemed|seems|appeared|appears|"
                           r"suggested|suggests|proved|proves|meant|means|confirmed|confirms|made clear)(?:\s+that)?\b",
                           re.IGNORECASE)
# "Kyiv and its allies were ready": the actor leads the coordinated subject.
RE_POSSESSIVE_PARTNER = re.compile(r"^\s+and\s+(?:its|their|his|her)\s+[\w-]+", re.IGNORECASE)
# A condition that opens a clause, up to its comma: "If Moscow refuses, ...".
RE_CONDITION_OPENING = re.compile(r"^(?:if|unless|even if)\b[^,;:“”\"]{3,160},", re.IGNORECASE)
# "X accused Y of preparing to reject the truce": X says it, the position described is Y's.
RE_ACCUSE = re.compile(r"\b(?:accuse|accuses|accused|accusing)\s+(?:the\s+)?$", re.IGNORECASE)
# A position-noun that is itself judged ("Putin's position was 'clearly unacceptable'") is the
# judge's view, not the owner's stance.
RE_JUDGED = re.compile(r"^\s+(?:was|is|were|are|remains|remained)\b", re.IGNORECASE)
# An adverbial that opens a sentence before its subject: "In his address on Thursday, ...".
RE_INTRODUCTION = re.compile(r"(?:(?:In|On|At|After|Before|During|Later|Earlier|Meanwhile|Separately|Since|Following|"
                             r"Over|From|Within|By|Hours|Days|Minutes|Having|[A-Za-z]+ing|[A-Za-z]+ed)\b[^,;:“”\"]{0,80},\s*"
                             r"|[^,;:“”\"]{0,60},\s+when\b,?\s*)+")
# (one or more: "On Monday, sitting beside Zelensky, Trump ..."; "That went further than on
# Monday, when Trump ...": the scene a "when" opens has the sentence's subject)
# The writer's verdict on an actor ("The chancellor is right", "Kyiv was wrong to ...") is no position of the actor's.
RE_VERDICT = re.compile(r"^\s+(?:is|was|are|were)\s+(?:(?:quite|surely|clearly|plainly|absolutely|partly|half|not)\s+)?"
                        r"(?:right|wrong|correct|mistaken)\b", re.IGNORECASE)
# A clause with a subject of its own that names no actor ("and Russian officials have threatened
# ...") does not go on with the subject of the clause before.
RE_OWN_UNLISTED_SUBJECT = re.compile(
    r"^(?:(?:the|some|many|other|several|most|two|three|four|five|six|\d+)\s+)?(?:(?:senior|top|[A-Z][\w'’-]+)\s+){0,2}"
    r"(?:officials|leaders|diplomats|allies|sources|analysts|critics|lawmakers|ministers|governments|capitals|"
    r"partners|negotiators|envoys|aides|members|states|countries|observers|experts)\s+"
    r"(?:(?:have|has|had|also|then|later)\s+)*(?:have|has|had|were|was|are|is|would|will|could|[a-z]+ed|say|said)\b")
# A challenge put to someone is the speaker's demand: "said Moscow could prove it was serious by ...".
RE_CHALLENGE = re.compile(r"^\s+(?:could|can|would|should|must|has to|have to|needs? to)\s+(?:\w+ly\s+)?"
                          r"(?:prove|show|demonstrate)\b", re.IGNORECASE)
# What a document is called, so that it can speak for whoever put it forward.
RE_DOCUMENT = re.compile(r"\b(?:memorandum|plan|peace plan|proposal|counter-?proposal|road ?map|draft|document|letter|"
                         r"statement|communiqu[eé]|declaration|framework|position paper|text|note|ultimatum|offer)\b",
                         re.IGNORECASE)
# "It" opening a sentence as the subject of a verb of saying or asking: "It also demands ...".
RE_IT_SAYS = re.compile(r"^[“\"]?(It|The (?:plan|proposal|memorandum|document|draft|road ?map|offer|text|letter)(?=:))"
                        r"(?::|\s+(?:(?:also|further|then|even|again|still)\s+)?(?:calls|demands|proposes|says|states|"
                        r"insists|offers|asks|requires|envisages|envisions|foresees|sets out|rules out|rejects|seeks|"
                        r"urges|suggests|provides|stipulates|includes|would|does not|doesn't|makes no)\b)")
# Where a second thing said by the same speaker begins: ", and insisted that", "but added".
RE_SECOND_COMPLEMENT = re.compile(r"(?:,\s*|\s+)(?:and|but)\s+(?:(?:also|then|later|further)\s+)?"
                                  r"(?P<verb>[a-z]+)(?:\s+that)?\b")
# A name closing an appositive just before the verb is its subject, not the end of a quote or
# clause that inverts it: "His foreign policy aide, Yuri Ushakov, said the American side ...".
RE_APPOSITIVE_NAME = re.compile(r"\b(?:aide|adviser|advisor|spokes\w+|minister|official|envoy|secretary|chief|head|"
                                r"director|negotiator|ambassador|president|leader|chancellor|senator),\s*"
                                r"(?:[A-Z][\w.'’-]+\s+){1,3}[A-Z][\w'’-]+\s*,\s*$")
# Two leaders who have just met or spoken, as the subject of what one side's office reports.
RE_PAIR_OF_LEADERS = re.compile(r"^[\s,]*(?:the\s+)?(?:two|both)\s+(?:leaders|presidents|men)\b", re.IGNORECASE)
RE_PAIR_OF_LEADERS_IN = re.compile(r"\b(?:the\s+)?(?:two|both)\s+(?:leaders|presidents)\b", re.IGNORECASE)
PAIR_KEYS = ("leaders", "presidents")   # every match of the pattern holds one: change the two together
PAIR_REACH = 600   # characters back to the other of "the two leaders": the story's last paragraphs
# A sentence that goes on with the person just reported on: "He also demanded ...".
RE_GOES_ON = re.compile(r"^(?:He|She)\s+(?:also|further|had\s+also|also\s+had)\s+[a-z]+")
# A named person opening a sentence as its subject, with an appositive or a verb of saying after
# the name: "John Ratcliffe, the CIA director, told ...", "Bart De Wever said ...".
RE_UNLISTED_PERSON = re.compile(
    r"(?!(?:The|A|An|This|That|Its|His|Her|Their)\b)"
    r"(?P<name>(?:[A-Z][a-z]+\s+){1,3}(?:(?:de|De|van|von|der|al)\s+)?[A-Z][a-z'’-]+)"
    r"(?:\s*,\s*(?:the|a|an|[A-Z][\w'’]+(?:'s|’s))\s+[^,.;:“”\"]{2,60},"
    r"|\s+(?:said|says|told|tells|added|wrote|argued|warned|suggested|insisted|stressed|replied|announced))")
# A clause set in time against the main one, whose subject is people outside the actor list:
# "hours after four European leaders stood in Kyiv and told Moscow ...".
RE_TIMED_CLAUSE = re.compile(
    r"\b(?:after|before|when|while|as|once|until)\s+(?P<subject>(?:(?:the|a|an|some|several|many|two|three|four|five|"
    r"six|seven|eight|\d+|other|senior|top|[A-Z][\w'’-]+)\s+){0,3}(?:leaders|officials|ministers|diplomats|envoys|"
    r"negotiators|lawmakers|senators|governments|allies|partners|countries))\s+"
    r"(?:(?:had|have|has|also|then|jointly)\s+)*"
    r"(?:[a-z]+ed|stood|met|said|told|gave|made|sent|came|went|flew|spoke|wrote)\b")
# Words handed over to what follows a colon: "The clearest word came from Pete Hegseth: ...".
RE_WORDS_FROM = re.compile(r"\b(?:word|message|answer|reply|response|signal|warning|verdict|line|view|assessment|"
                           r"statement|promise|pledge|threat)\b[^,;:.]{0,40}\b(?:came|comes|come)\s+from\s+$",
                           re.IGNORECASE)
WORDS_FROM_KEYS = ("from",)   # every match of RE_WORDS_FROM holds it
# A coordinate clause with a subject of its own, written without a capital: ", and the Russian leader ...".
RE_COORDINATE_OPENING = re.compile(r",\s+(?:and|but|while|whereas)\s+(?=the\s)")
# A name right after "that/which/whom", and the word before it: "the ceasefire that Trump".
RE_RELATIVE_BEFORE = re.compile(r"\b(?P<word>[\w'’-]+),?\s+(?:that|which|whom)\s+(?:the\s+)?$", re.IGNORECASE)
# Words after which "that" opens what is said, known or felt, not a relative clause.
RE_COMPLEMENT_TAKER = re.compile(r"^(?:[a-z]+ed|said|says|told|tells|thinks|thought|knew|knows|believes|hopes|feels|"
                                 r"felt|made\s+clear|clear|sure|certain|convinced|so|such|now|and|but|or|is|was|are|"
                                 r"were|be|been|means|meant|shows|suggests|insists|warns|argues|claims|adds|notes)$",
                                 re.IGNORECASE)
# The writer's doubt about what someone will do is no one's position: "It is not clear whether
# Putin will accept ...", "Whether the Russian leader would take it up was unclear."
RE_UNCERTAIN = re.compile(r"^(?:but\s+|and\s+|yet\s+)?(?:it\s+(?:is|was|remains|remained)\s+(?:(?:not|still|far)\s+)?"
                          r"(?:clear|unclear|uncertain|to be seen|an open question)\s+(?:whether|if|how|when)\b"
                          r"|whether\b[^,;:]{5,160}\b(?:is|was|remains|remained)\s+(?:still\s+)?"
                          r"(?:unclear|uncertain|an open question|far from clear|anyone's guess)\b)", re.IGNORECASE)
# The speaker's own belief between a verb of saying and what is believed: "said he believed (that)".
RE_BELIEF = re.compile(r"^\s+(?:(?:still|also|now|firmly)\s+)?(?:believed|believes|thought|thinks|expected|expects|"
                       r"was\s+(?:sure|confident|convinced|certain)|is\s+(?:sure|confident|convinced|certain)|feared|"
                       r"fears|suspected|suspects|doubted|doubts)(?:\s+that)?\s", re.IGNORECASE)
MIN_QUOTE_WORDS = 4
SPEECH_MEMO_SIZE = 4096   # clauses whose verb of saying is remembered (a long live blog holds fewer)
# A line set in capitals: no lower-case letter, at least two words.
RE_SHOUTED = re.compile(r"[^a-z]*[A-Z]{2,}[^a-z]*\s[^a-z]*")
# Names joined as one subject: "Starmer and Zelensky signed", "Merz, Macron and Starmer agreed".
RE_NAME_JOIN = re.compile(r"\s*,\s*|\s+and\s+|\s+nor\s+")
# "Neither Sato nor Abara supports ...": each of the two holds the (negated) position.
RE_NEITHER_BEFORE = re.compile(r"\bneither\s+$", re.IGNORECASE)
# Named members of a group of unlisted people, set in commas after it: "Moreau's critics, including
# Quill, say ...", "Ferry owners, among them Abara and Quill, argue ...". The names are the subject.
RE_INCLUDING_BEFORE = re.compile(r",\s*(?:including|among\s+them|such\s+as|notably|not\s+least)\s+$", re.IGNORECASE)
# Adverbs between a joint subject and a plural verb in its bare form: "Sato and Abara now jointly back".
RE_JOINT_ADVERBS = re.compile(r"^(?:\s+(?:both|all|each|also|now|still|jointly|together|already|then|[a-z]+ly))*\s+(?=[a-z])")
# A verb done jointly with someone named after it: "co-signed a statement with Zelensky".
RE_JOINTLY_WITH = re.compile(r"\bco-?[a-z]+ed\b[^.;:“”\"]{0,80}?\b(?:with|alongside)\s+(?:the\s+)?$", re.IGNORECASE)
JOINTLY_WITH_KEYS = ("with", "alongside")   # every match of RE_JOINTLY_WITH holds one
# Words between a joint subject and its verb: "Starmer and Zelensky then signed".
# Names joined after a subject's own: ", Canada and Australia" (each a capitalised word or two).
RE_UNLISTED_PARTNERS = re.compile(r"^(?:\s*,\s*[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)?)*\s+and\s+[A-Z][\w'’.-]*"
                                  r"(?:\s+[A-Z][\w'’.-]*)?(?=\s+[a-z])")
RE_ASIDE = re.compile(r"^\s*,[^,.;:]{1,120},")
RE_SUBJECT_ADVERB = re.compile(r"^\s+(?:then|later|both|jointly|together|have|had)\b(?=\s)", re.IGNORECASE)


@dataclass(frozen=True)
class Mention:
    """A place where an actor is named, described by role, or referred to by a pronoun."""

    start: int
    end: int
    actor: str
    kind: str  # "alias" | "role" | "pronoun" | "first_person"
    text: str


@dataclass(frozen=True)
class Attribution:
    """Who holds the position of a clause and who said it, with how it was said."""

    holder: str
    speaker: str
    attribution: str
    confidence: float
    holder_kind: str = ""       # how the holder was named: alias, role, pronoun, first_person
    source_kind: str = ""       # "sources" or "poll" when the position is not a named actor's


RE_GOVERNMENT_OF = re.compile(
    r"^(?:the\s+)?(?:(?P<owner>[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)['’]s\s+(?:government|[Ff]oreign [Mm]inistry|"
    r"[Ff]oreign [Oo]ffice|[Mm]inistry of [\w ]+)|[Gg]overnment of\s+(?:the\s+)?(?P<of>[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?))$")


def implied_countries(actors: Actors) -> dict[str, str]:
    """The country an organisation governs, when its names say so and no actor claims the
    country's name: "India's government" or "Government of India" lets "India said ..." speak
    for it, as news writes. A country implied by two organisations names neither.

    >>> from stance.config import Actor
    >>> implied_countries(Actors([Actor("in_gov", "Government of India", kind="organization")]))
    {'India': 'in_gov'}
    """
    found: dict[str, set[str]] = {}
    for actor in actors:
        if actor.kind != "organization":
            continue
        for mention in actor.mentions:
            match = RE_GOVERNMENT_OF.match(normalize(mention))
            if match:
                found.setdefault(match.group("owner") or match.group("of"), set()).add(actor.id)
    return {country: next(iter(owners)) for country, owners in found.items() if len(owners) == 1}


# A role held in someone else's service: "the mayor's press officer" serves "the mayor".
RE_ROLE_OF_PRINCIPAL = re.compile(r"^(the\s+[^'’]+?)['’]s\s+\S", re.IGNORECASE)
# The word naming whose government an organisation is: "Canadian" in "the Canadian government".
RE_GOVERNMENT_ADJECTIVE = re.compile(r"^([A-Z][\w-]+)\s+(?:government|administration|authorities)$")


# A title held in a body: "the board's chair", "the chair of the board" (not a title held in a
# person's service, "the mayor's press officer", whose mayor may be another town's).
BODY_NOUNS = (r"(?:board|authority|agency|union|council|committee|company|party|ministry|department|trust"
              r"|federation|association|bank|commission|government|guild|institute|corporation|group"
              r"|organisation|organization|league|alliance)")
RE_ROLE_IN_BODY = re.compile(rf"^the (?:[\w-]+ )*?{BODY_NOUNS}'s \w|^the [\w -]+? of the (?:[\w-]+ )*?{BODY_NOUNS}$",
                             re.IGNORECASE)
RE_POSSESSIVE_ROLE = re.compile(r"^the ((?:[\w-]+ ){0,3}[\w-]+)'s ((?:[\w-]+ ){0,2}[\w-]+)$", re.IGNORECASE)
RE_OF_ROLE = re.compile(r"^the ((?:[\w-]+ ){0,2}[\w-]+) of the ((?:[\w-]+ ){0,3}[\w-]+)$", re.IGNORECASE)


def _role_variants(role: str) -> tuple[str, ...]:
    """The other way of saying a title held in a body: "the board's chair" and "the chair of
    the board" are one role.

    >>> _role_variants("the port authority's chief executive"), _role_variants("the chair of the board")
    (('the chief executive of the port authority',), ("the board's chair",))
    """
    possessive = RE_POSSESSIVE_ROLE.match(role)
    if possessive is not None:
        return (f"the {possessive.group(2)} of the {possessive.group(1)}",)
    of = RE_OF_ROLE.match(role)
    if of is not None:
        return (f"the {of.group(2)}'s {of.group(1)}",)
    return ()


class Attributor:
    """Finds actors in a document and attributes its clauses; built once per run."""

    def __init__(self, actors: Actors, lexicon: Lexicon):
        self.actors = actors
        self.lexicon = lexicon
        self._alias_owner: dict[str, str] = {}
        self._role_owners: dict[str, list[str]] = {}
        self._speech_memo: dict[tuple, tuple | None] = {}   # see `_speech`
        sensitive, insensitive = [], []
        for actor in actors:
            # Names are matched with their accents taken off, on a text read the same way
            # ("Erdoğan" for an actor listed as "Erdogan", and the other way round).
            for alias in map(fold_accents, actor.mentions):
                self._alias_owner[normalize(alias).casefold()] = actor.id
                (sensitive if alias[:1].isupper() else insensitive).append(alias)
            for role in map(fold_accents, actor.roles):
                for form in (role, *_role_variants(role)):
                    owners = self._role_owners.setdefault(normalize(form).casefold(), [])
                    if actor.id not in owners:
                        owners.append(actor.id)
                        insensitive.append(form)
        for country, owner in implied_countries(actors).items():
            if country.casefold() not in self._alias_owner and country.casefold() not in self._role_owners:
                self._alias_owner[country.casefold()] = owner
                sensitive.append(country)
        # A role's head noun alone stands for the actor too, once named: "the senator" after
        # "Lindsey Graham" ("the South Carolina senator"), "the chancellor" after "Merz".
        explicit = set(self._role_owners) | set(self._alias_owner)
        heads: dict[str, list[str]] = {}
        for actor in actors:
            # An organisation's own descriptive names give heads too: "the government" after "the
            # Pakistani government" or another name of it.
            descriptive = actor.mentions if actor.kind == "organization" else ()
            for role in (*actor.roles, *(a for a in descriptive if a[:4].casefold() == "the ")):
                words = normalize(fold_accents(role)).split()
                if len(words) >= 3 and words[0].casefold() == "the" and "of" not in words and words[-1].islower() \
                        and words[-2].casefold() not in ("secretary", "vice"):   # "secretary general" is one title
                    head = f"the {words[-1]}".casefold()
                    if head not in explicit and actor.id not in heads.setdefault(head, []):
                        heads[head].append(actor.id)
        for head, owners in heads.items():
            self._role_owners[head] = owners
            insensitive.append(head)
        self._heads = set(heads)
        # Whose aide someone is, read from their roles: "the mayor's press officer" serves the one
        # actor whose role is "the mayor", so once the aide is named, "the mayor" is that actor.
        self._principal_roles: dict[str, set[str]] = {}
        for actor in actors:
            for role in map(fold_accents, actor.roles):
                served = RE_ROLE_OF_PRINCIPAL.match(normalize(role))
                owners = self._role_owners.get(served.group(1).casefold(), []) if served else []
                if len(owners) == 1 and owners[0] != actor.id:
                    self._principal_roles.setdefault(actor.id, set()).add(served.group(1).casefold())
        # What an organisation is called when it modifies its people: "a NATO diplomat", "a senior
        # administration official" (from the role "the administration"), "officials in Washington".
        self._modifier_owner: dict[str, str] = {}
        for actor in actors:
            if actor.kind != "organization":
                continue
            for phrase in (*actor.mentions, *actor.roles):
                bare = re.sub(r"^the\s+", "", normalize(phrase), flags=re.IGNORECASE)
                if bare and bare.casefold() not in FIRST_PERSON:
                    self._modifier_owner.setdefault(bare.casefold(), actor.id)
                # "the Canadian government" lets "Canadian officials" speak for it.
                adjective = RE_GOVERNMENT_ADJECTIVE.match(bare)
                if adjective and adjective.group(1).casefold() not in self._alias_owner:
                    self._modifier_owner.setdefault(adjective.group(1).casefold(), actor.id)
        modifiers = "|".join(sorted((re.escape(m) for m in self._modifier_owner), key=len, reverse=True))
        people = PEOPLE
        self._speaks_for = re.compile(
            rf"(?<![\w-])(?P<before>{modifiers})\s+"
            rf"(?:(?:senior|top|former|chief|high-ranking|military|defence|defense)\s+)?{people}\b"
            rf"|\b{people}\s+(?:in|at|from|with|for|close\s+to)\s+(?:the\s+)?(?P<after>{modifiers})(?![\w-])",
            re.IGNORECASE) if modifiers else None
        self._sensitive = _phrase_regex(sensitive, 0)
        # Names in a headline set in capitals ("PUTIN: LEAVE THE LAND") match whatever their case.
        self._shouted = _phrase_regex(sensitive, re.IGNORECASE)
        self._insensitive = _phrase_regex(insensitive, re.IGNORECASE)
        self._gender = {actor.id: actor.gender for actor in actors}
        self._kind = {actor.id: actor.kind for actor in actors}
        # Parties: a member's "government" or "cabinet" is never the party they belong to.
        self._parties = frozenset(actor.id for actor in actors
                                  if any(RE_PARTY.search(name) for name in (actor.name, *actor.aliases)))
        # A role of two words or more that no other actor has names its actor even before the
        # name, when it is an organisation's ("the port authority", "the central bank": what the
        # institution is called) or a title held in a body ("the port authority's chief
        # executive", "the chair of the health board"). A bare title ("the prime minister") or a
        # one-word role ("the union") waits for the name, as other countries have them too.
        self._institution_roles = {
            key: owners[0] for key, owners in self._role_owners.items()
            if len(owners) == 1 and len(key.split()) >= 3 and key.split()[0] == "the"
            and (self._kind.get(owners[0]) in ("organization", "group") or RE_ROLE_IN_BODY.search(key))}
        # The people "he" or "she" can stand for, by gender (those of no listed gender fit both).
        self._persons_fitting = {gender: frozenset(actor.id for actor in actors if actor.id and self._kind[actor.id] == "person"
                                                   and self._gender.get(actor.id, "") in (gender, ""))
                                 for gender in set(PRONOUNS.values())}
        self._members = {actor.id: set(actor.member_of) for actor in actors}
        # Who leads the organisation they belong to, read from their roles ("the Ukrainian president").
        self._leaders = {actor.id for actor in actors if actor.member_of and any(
            RE_LEADER_ROLE.search(role) and not RE_NOT_LEADER.search(role) for role in actor.roles)}
        self._leader_of: dict[str, str] = {}
        for actor in actors:
            if actor.id in self._leaders:
                for organization in actor.member_of:
                    self._leader_of.setdefault(organization, actor.id)

    # -- mentions ---------------------------------------------------------------------------------

    def find_mentions(self, text: str, sentences: list[Sentence]) -> list[Mention]:
        """Every actor mention in a document, in order; roles and pronouns already resolved."""
        plain = normalize(text)
        folded = fold_accents(plain)   # the same offsets, names found whatever their accents
        raw: list[tuple[int, int, str, str]] = []
        for regex in (self._sensitive, self._insensitive):
            if regex is None:
                continue
            for match in regex.finditer(folded):
                raw.append((match.start(), match.end(), match.group(), "named"))
        for sentence in sentences:
            if self._shouted is not None and sentence.is_heading and RE_SHOUTED.fullmatch(sentence.text):
                raw.extend((match.start(), match.end(), match.group(), "named")
                           for match in self._shouted.finditer(folded, sentence.start, sentence.end))
        for match in RE_PRONOUN.finditer(plain):
            raw.append((match.start(), match.end(), match.group(), "pronoun"))
        raw.sort(key=lambda item: (item[0], -(item[1] - item[0])))
        mentions: list[Mention] = []
        taken_until = -1
        quotes = [q for s in sentences for q in s.quotes]
        for start, end, phrase, kind in raw:
            if start < taken_until:
                if end > taken_until and kind == "named" and mentions and \
                        self._alias_owner.get(phrase.casefold()) == mentions[-1].actor and mentions[-1].kind == "alias":
                    # "The Farmers' Union of Lowmere": two aliases of one actor overlap; the mention
                    # runs to the end of the longer, so the verb after it has its subject.
                    last = mentions[-1]
                    mentions[-1] = Mention(last.start, end, last.actor, last.kind, text[last.start:end])
                    taken_until = end
                continue
            key = phrase.casefold()
            actor, how = "", ""
            if kind == "named" and key in self._alias_owner:
                actor, how = self._alias_owner[key], "alias"
            elif kind == "named" and key in self._heads and re.match(r"\s+of\b|-", plain[end:end + 4]):
                continue   # "the leader of the opposition" is someone else
            elif kind == "named" and key in self._role_owners:
                actor, how = self._resolve_role(self._role_owners[key], mentions, key), "role"
            elif kind == "pronoun" and phrase.lower() in FIRST_PERSON:
                actor, how = "", "first_person"
            elif kind == "pronoun":
                actor, how = self._resolve_pronoun(PRONOUNS[phrase.lower()], start, mentions, sentences), "pronoun"
            if how == "first_person" and not any(q.start <= start < q.end for q in quotes):
                continue
            if not actor and how != "first_person":
                continue
            body = RE_PERSONS_BODY.match(plain, end) if actor and self._kind.get(actor) == "person" else None
            owners = [o for o in self._members.get(actor, ()) if self._kind.get(o) == "organization"
                      and o not in self._parties] if body else []
            if len(owners) == 1:
                # "Nielsen's government wants ...": the body the person leads or sits in
                mentions.append(Mention(start, body.end(), owners[0], "alias", text[start:body.end()]))
                taken_until = body.end()
                continue
            mentions.append(Mention(start, end, actor, how, text[start:end]))
            taken_until = end
        documents = self._document_references(plain, sentences, mentions)
        if documents:
            mentions = sorted(mentions + documents, key=lambda m: m.start)
        bodies = self._organisation_references(plain, sentences, mentions)
        if bodies:
            mentions = sorted(mentions + bodies, key=lambda m: m.start)
        return mentions

    def _organisation_references(self, plain: str, sentences: list[Sentence], mentions: list[Mention]) -> list[Mention]:
        """"It" or "they" opening a sentence that says what it did, after a sentence led by an
        organisation: "On 2 March Israel stopped all aid. It has kept the crossings shut since." is
        Israel's, and "The council met on Monday. They approved the bus lanes." the council's."""
        found = []
        taken = {m.start for m in mentions}
        for sentence in sentences[1:]:
            if sentence.is_heading or sentence.start in taken:
                continue
            opening = RE_IT_ACTS.match(plain, sentence.start) or RE_THEY_ACT.match(plain, sentence.start)
            if opening is None:
                continue
            previous = sentences[sentence.index - 1]
            if previous.paragraph != sentence.paragraph or previous.is_heading:
                continue
            bodies = [m for m in mentions if previous.start <= m.start < previous.end and m.actor and
                      m.kind in ("alias", "role") and self._kind.get(m.actor) in ("organization", "group") and
                      self._is_subject_like(m, previous) and not any(q.start <= m.start < q.end for q in previous.quotes)]
            if opening.re is RE_THEY_ACT:
                # "they" may be any people named before: only an organisation leading the sentence
                # (not "Officials in Brussels said the EU ...") or actors joined as its subject
                # ("Moreau and Quill met on Monday. They agreed ...") are taken for it.
                leading = self._leading_subject(plain, previous, mentions)
                if bodies and leading is not None and leading.start == bodies[0].start:
                    found.append(Mention(sentence.start, sentence.start + 4, bodies[0].actor, "pronoun", "They"))
                elif leading is not None:
                    named = [m for m in mentions if previous.start <= m.start < previous.end and m.actor
                             and m.kind in ("alias", "role")]
                    group = self._joint_subject(plain, named, named.index(leading)) if leading in named else []
                    if len(group) > 1 and group[0] is leading:
                        found.extend(Mention(sentence.start, sentence.start + 4, m.actor, "pronoun", "They")
                                     for m in dict((m.actor, m) for m in group).values())
                continue
            if bodies:
                found.append(Mention(sentence.start, sentence.start + 2, bodies[0].actor, "pronoun", "It"))
        return found

    def _document_references(self, plain: str, sentences: list[Sentence], mentions: list[Mention]) -> list[Mention]:
        """"It" opening a sentence that goes on to say or ask for something, pointing back to a
        document an actor put forward ("Ukraine's own road map ... calls for a ceasefire. It also
        demands ..."): the document speaks for its owner."""
        found = []
        for sentence in sentences:
            opening = RE_IT_SAYS.match(plain[sentence.start:sentence.end])
            if opening is None or sentence.is_heading:
                continue
            owner = ""
            for previous in reversed(sentences[max(0, sentence.index - 5):sentence.index]):
                if previous.entry != sentence.entry or previous.is_heading:
                    break
                owned = [m for m in mentions if previous.start <= m.start < previous.end and m.actor
                         and m.kind != "first_person" and self._puts_forward(plain, m, previous)]
                if owned:
                    owner = owned[-1].actor
                    break
            if owner:
                start, end = sentence.start + opening.start(1), sentence.start + opening.end(1)
                kind = "pronoun" if plain[start:end] == "It" else "role"
                found.append(Mention(start, end, owner, kind, plain[start:end]))
        return found

    @staticmethod
    def _puts_forward(plain: str, mention: Mention, sentence: Sentence) -> bool:
        """Whether an actor is named as the owner or author of a document: "Russia's memorandum",
        "Ukraine's own road map", "Russia's delegation handed over a memorandum"."""
        after = plain[mention.end:min(sentence.end, mention.end + 120)]
        owned = RE_OWN_VOICE.match(after)
        if owned and RE_DOCUMENT.search(owned.group()):
            return True
        if owned:
            after = after[owned.end():]
        return bool(re.match(r"(?:\s*,[^,]{1,60},)?\s+(?:\w+\s+)?(?:handed over|presented|submitted|published|unveiled|"
                             r"tabled|put forward|drew up|drafted|sent|delivered|proposed|came with|brought|arrived with)"
                             r"\s+(?:a|an|its|their|the|his|her)\s+"
                             r"(?:[\w-]+\s+){0,2}?" + RE_DOCUMENT.pattern, after, re.IGNORECASE))

    def _resolve_role(self, owners: list[str], earlier: list[Mention], role: str = "") -> str:
        """A role names an actor already in the article (the most recent if several fit), or the
        one actor it can name once that actor's aide is named ("Pike said the mayor would ...",
        where Pike is "the mayor's press officer"), or the one body a named actor belongs to
        ("Kendall ... the government"), or the one actor whose institution it names ("The port
        authority has ruled out ...", see `_institution_roles`)."""
        for mention in reversed(earlier):
            if mention.actor in owners and mention.kind in ("alias", "role"):
                return mention.actor
        if role and len(owners) == 1 and any(role in self._principal_roles.get(m.actor, ()) for m in earlier
                                             if m.kind in ("alias", "role")):
            return owners[0]
        if role and len(owners) == 1 and any(owners[0] in self._members.get(m.actor, ()) for m in earlier
                                             if m.kind == "alias"):
            return owners[0]   # "Kendall ... the government": the body of a member already named
        return self._institution_roles.get(role, "")

    def _resolve_pronoun(self, gender: str, position: int, earlier: list[Mention],
                         sentences: list[Sentence]) -> str:
        """He/she: the nearest person before it in its sentence, else the first (subject-like)
        fitting person of the closest earlier sentence."""
        persons = self._persons_fitting[gender]
        fitting = [m for m in earlier if m.actor in persons and m.kind in ("alias", "role", "pronoun")]
        if not fitting:
            # "Daly, the mayor's spokesman, said: 'She ...'": the principal of the aide named last.
            for mention in reversed(earlier):
                served = [owner for role in sorted(self._principal_roles.get(mention.actor, ()))
                          for owner in self._role_owners[role] if owner in persons]
                if served and mention.kind in ("alias", "role"):
                    return served[0]
            return ""
        sentence = _sentence_at(sentences, position)
        if sentence is not None:
            # Mentions come in text order, so those of a stretch are found by bisection, not by a
            # pass over the whole document for each pronoun and each sentence looked back on.
            starts = [m.start for m in fitting]
            same = [m for m in fitting[bisect.bisect_left(starts, sentence.start):bisect.bisect_left(starts, position)]
                    if RE_SEPARATES.search(sentence.text[m.end - sentence.start:position - sentence.start])]
            # The object of a preposition or of "met/asked" is a weaker antecedent than a subject:
            # "He wants something from Trump ... which he believes" -> the first "he".
            subjects = [m for m in same if not self._after_preposition(m, sentence)]
            if subjects:
                return subjects[-1].actor
            if same:
                return same[-1].actor
            if self._opens_with_unlisted_person(sentence, earlier, before=position):
                return ""   # "John Ratcliffe, the CIA director, said he ..."
            for previous in reversed(sentences[:sentence.index]):
                inside = fitting[bisect.bisect_left(starts, previous.start):bisect.bisect_left(starts, previous.end)]
                if self._opens_with_unlisted_person(previous, earlier):
                    return ""   # "John Ratcliffe, the CIA director, told ... He suggested ...": not an actor
                if inside:
                    subjects = [m for m in inside if self._is_subject_like(m, previous)]
                    return (subjects or inside)[0].actor
        return fitting[-1].actor

    @staticmethod
    def _opens_with_unlisted_person(sentence: Sentence, mentions: list[Mention], before: int | None = None) -> bool:
        """Whether a sentence opens with a named person outside the actor list as its subject
        (and, with `before`, ends naming them before that position)."""
        text = normalize(sentence.text)
        introduction = RE_INTRODUCTION.match(text)
        offset = introduction.end() if introduction else 0
        person = RE_UNLISTED_PERSON.match(text, offset)
        if person is None or (before is not None and sentence.start + person.end() > before):
            return False
        start, end = sentence.start + person.start(), sentence.start + person.end("name")
        return not any(m.start < end and m.end > start for m in mentions)

    def _is_subject_like(self, mention: Mention, sentence: Sentence) -> bool:
        if self._after_preposition(mention, sentence):
            return False   # "There was no reason for Putin to ..."
        following = normalize(sentence.text[mention.end - sentence.start:][:140])
        return mention.start - sentence.start < 40 or bool(RE_VERB_AFTER.match(following))

    @staticmethod
    def _after_preposition(mention: Mention, sentence: Sentence) -> bool:
        """Whether the mention follows a preposition or a verb that makes it an object."""
        before = normalize(sentence.text[max(0, mention.start - sentence.start - 20):mention.start - sentence.start])
        return bool(RE_PREPOSITION_BEFORE.search(before))

    # -- attribution -----------------------------------------------------------------------------

    def quote_speakers(self, text: str, sentences: list[Sentence], mentions: list[Mention]) -> dict[Quote, str]:
        """The speaker of each direct quote: named by the cue after or before it, else the speaker
        of the quote it continues (news reopens a quote in each paragraph it runs over)."""
        speakers: dict[Quote, str] = {}
        plain = normalize(text)
        previous_speaker, previous_open = "", False
        previous_end, previous_paragraph = -1, -1
        seen: set[Quote] = set()
        for sentence in sentences:
            for quote in sentence.quotes:
                if quote in seen:
                    continue
                seen.add(quote)
                speaker = self._cue_after(plain, quote, mentions) or self._cue_before(plain, quote, mentions) \
                    or self._turn_speaker(plain, quote.start)
                if not speaker and (previous_open or _starts_paragraph(plain, quote)):
                    speaker = previous_speaker
                if not speaker and previous_speaker and previous_paragraph == sentence.paragraph and \
                        not plain[sentence.start:quote.start].strip() and \
                        all(m.actor in ("", previous_speaker) for m in mentions if previous_end <= m.start < quote.start):
                    # A quote that opens a sentence right after another quote of the same paragraph,
                    # with no one else named in between, goes on with the same speaker.
                    speaker = previous_speaker
                speakers[quote] = speaker
                if speaker:
                    previous_speaker = speaker
                previous_open = quote.is_open_ended
                previous_end, previous_paragraph = quote.end, sentence.paragraph
        # A quote left open at a paragraph's end continues in the next one, whose cue names the speaker.
        following = ""
        for quote in sorted(speakers, key=lambda q: q.start, reverse=True):
            if quote.is_open_ended and not speakers[quote]:
                speakers[quote] = following
            following = speakers[quote] or following if not quote.is_open_ended else speakers[quote]
        return speakers

    def _turn_speaker(self, plain: str, position: int) -> str:
        """The person whose name labels the line at `position`, as in a transcript or a headline
        ("BESSENT: No.", "Kellogg: Kyiv 'brought it on themselves'"), or "". A place labelling a
        line ("BRUSSELS: ...") is a dateline, not a speaker, so only persons count."""
        line_start = plain.rfind("\n", 0, position) + 1
        label = RE_SPEAKER_LABEL.match(plain, line_start)
        if label is None:
            return ""
        actor = self._alias_owner.get(fold_accents(normalize(label.group("name"))).casefold(), "")
        return actor if self._kind.get(actor) == "person" else ""

    def _cue_after(self, plain: str, quote: Quote, mentions: list[Mention]) -> str:
        tail_end = plain.find("\n", quote.end)
        tail = plain[quote.end:tail_end if tail_end >= 0 else len(plain)][:120]
        tail = RE_TAG_STOP.split(tail, maxsplit=1)[0]
        verb = self.lexicon.speech_verbs.search(tail)
        if not verb or verb.start() > 60:
            return ""
        nearby = [m for m in mentions if quote.end <= m.start <= quote.end + len(tail) and m.actor]
        for mention in nearby:
            local = mention.start - quote.end
            if local < verb.start() and RE_SUBJECT_GAP.match(tail[mention.end - quote.end:verb.start()]):
                return mention.actor
            if local >= verb.end() and RE_ROLE_BEFORE_NAME.fullmatch(tail[verb.end():local]):
                return mention.actor   # '..., said the minister, Helen Asante.'
            if local >= verb.end() and not tail[verb.end():local].strip(" ,"):
                if plain[mention.end:mention.end + 2] in ("'s", "’s"):
                    continue   # '..., said the mayor's driver, ...': the mayor owns the role, and speaks not
                return mention.actor
        return ""

    def _cue_before(self, plain: str, quote: Quote, mentions: list[Mention]) -> str:
        head_start = plain.rfind("\n", 0, quote.start) + 1
        head = plain[head_start:quote.start]
        cut = max(head.rfind(". "), head.rfind("? "), head.rfind("! "), head.rfind("” "), head.rfind('" '))
        if cut >= 0:
            head_start, head = head_start + cut + 2, head[cut + 2:]
        if not head.strip():
            return ""
        verbs = list(self.lexicon.speech_verbs.finditer(head))
        stance_verbs = list(self.lexicon.all_stances.finditer(head))
        if not verbs and not head.rstrip().endswith(":"):
            if not stance_verbs:
                return ""
        anchor = (verbs or stance_verbs)[-1] if (verbs or stance_verbs) else None
        candidates = [m for m in mentions if head_start <= m.start < quote.start and m.actor]
        if anchor is None:
            return candidates[0].actor if candidates else ""
        for mention in reversed(candidates):
            local = mention.start - head_start
            if local < anchor.start() and RE_SUBJECT_GAP.match(head[mention.end - head_start:anchor.start()]):
                return mention.actor
            if local >= anchor.end() and not head[anchor.end():local].strip(" ,"):
                return mention.actor
        return ""

    def attribute(self, clause: Clause, plain: str, mentions: list[Mention],
                  speakers: dict[Quote, str], previous: "Attribution | None" = None) -> Attribution:
        """Holder, speaker and kind of attribution for one clause of a sentence."""
        sentence = clause.sentence
        in_clause = _starting_in(mentions, clause.start, clause.end)
        quotes = [q for q in sentence.quotes if _quote_words(plain, q) >= MIN_QUOTE_WORDS]
        share = quoted_share(clause.start, clause.end, tuple(quotes))
        segment = plain[clause.start:clause.end]
        if share >= 0.5:
            quote = max(quotes, key=lambda q: min(clause.end, q.end) - max(clause.start, q.start))
            speaker = speakers.get(quote, "")
            inner = [m for m in in_clause if quote.start <= m.start < quote.end]
            holder, how = self._holder_in(inner, plain, quote, speaker)
            if not holder and speaker:
                asked = self._asked_about(plain, sentence, mentions)
                if asked is not None and asked.actor != speaker:
                    # "Asked whether Zelensky was ready to give up Crimea, Trump replied: 'I think so.'"
                    holder, how = asked.actor, asked.kind
            lead = [m for m in in_clause if m.actor and m.kind in ("alias", "role") and m.start < quote.start]
            if not speaker and (holder or not lead):
                return Attribution(holder, AUTHOR if not holder else "", "direct_quote", 0.4, how)
            if speaker:
                return Attribution(holder or speaker, speaker, "direct_quote", 0.85, how or "speaker")
            # "Lasko called the fare rise “a cash grab dressed up as investment”": a quoted
            # fragment inside a sentence of her own is read as that sentence.
        turn = self._turn_speaker(plain, clause.start)
        if turn:
            # A turn of a transcript ("BESSENT: No. This was his strategy"): the labelled person's words.
            holder, how = self._holder_in(in_clause, plain, Quote(clause.start, clause.end), turn)
            kind = "reported" if sentence.is_heading else "direct_quote"
            return Attribution(holder or turn, turn, kind, 0.7, how or "speaker")
        outside = [m for m in in_clause if not any(q.start <= m.start < q.end for q in quotes)]
        if clause.index == 0 and outside and outside[0].actor and outside[0].kind in ("alias", "role") and \
                not plain[sentence.start:outside[0].start].strip(" #*>-") and \
                RE_LABEL_COLON.match(plain[outside[0].end:outside[0].end + 3]):
            # A headline or lead in the form "Macron: European forces could follow a peace deal".
            return Attribution(outside[0].actor, outside[0].actor, "reported", 0.7, outside[0].kind)
        for mention in outside:
            before = plain[max(clause.start, mention.start - 40):mention.start]
            source = RE_WORDS_FROM.search(before) if may_hold(before, WORDS_FROM_KEYS) else None
            colon = RE_COLON_AHEAD.match(plain, mention.end, clause.end) if source else None
            if source and colon and mention.actor and mention.kind != "first_person" and \
                    not self.lexicon.speech_verbs.search(plain[colon.end():clause.end]):
                # "The clearest word came from Pete Hegseth in Brussels: no American soldiers in Ukraine."
                return Attribution(mention.actor, mention.actor, "reported", 0.7, mention.kind)
        frame = RE_QUESTION_FRAME.match(segment) if clause.index == 0 and may_hold(segment, QUESTION_FRAME_KEYS) else None
        if frame and any(m.start >= clause.start + frame.end() for m in outside):
            outside = [m for m in outside if m.start >= clause.start + frame.end()]
        source_kind = self._unnamed_source(segment)
        sources = RE_SOURCES_SPEAK.search(segment) if source_kind == "sources" or \
            (source_kind != "poll" and "according to" in segment.lower()) else None
        if sources is not None and (source_kind != "sources" and not sources.group().lower().startswith("according")
                                    or any(m.start < clause.start + sources.end() and m.end > clause.start + sources.start()
                                           for m in outside)):
            sources = None   # "the EU's top diplomat said" names an actor
        if sources is not None:
            # Anonymous people speak: no speaker, but the position they report may be an actor's.
            named = [m for m in outside if not clause.start + sources.start() <= m.start < clause.start + sources.end()]
            voice = self._speaking_for(plain, max(clause.start, clause.start + sources.start() - 60),
                                       clause.start + sources.end(), outside)
            content_start = clause.start + sources.end()
            verb = next((v for v in self.lexicon.speech_verbs.finditer(plain, content_start, clause.end)
                         if re.search(r",\s*$", plain[content_start:v.start()])), None)
            if verb is not None and verb.start() - content_start <= 120 and \
                    not any(content_start <= m.start < verb.start() and m.actor for m in outside):
                # "Officials, speaking on condition of anonymity because ..., said Kyiv was ready":
                # what was said starts after the verb.
                content_start = verb.end()
            holder = self._reported_holder(plain, clause, named, content_start, voice)
            return Attribution(holder.actor if holder else "", "", "reported", 0.6,
                               holder.kind if holder else "", "sources")
        if previous is None and clause.index > 0:
            previous = self._head(clause, plain, mentions, speakers)
        said = self._speech(plain, clause, outside) or self._continued_speech(plain, clause, previous)
        if said is not None and said[2] == "unlisted":
            # Someone not in the actor list speaks: no speaker; the holder is the actor the words
            # are about, if one is their subject ("..., the CIA director says").
            subject_start = max(clause.start, said[3] - 100)
            voice = said[4] if len(said) > 4 else self._speaking_for(plain, subject_start, said[3], outside)
            speaker = self._office_of(plain, subject_start, said[3], voice) if len(said) <= 4 else ""
            holder = self._reported_holder(plain, clause, [m for m in outside if m.start >= said[1]], said[1], voice) \
                or self._reported_holder(plain, clause, [m for m in outside if m.end <= said[3]], clause.start)
            if holder is not None:
                return Attribution(holder.actor, speaker, "reported", 0.6, holder.kind)
            return Attribution("", "", "reported", 0.55, "", "unlisted")
        if said is not None:
            speaker, verb_end, how = said[:3]
            after = [m for m in outside if m.start >= verb_end]
            holder, holder_how = self._complement_subject(plain, verb_end, after, speaker)
            if not holder and len(said) > 3:
                # "X said A and added that Y ...", "he wrote, which made him think Y ...": a later verb
                # of saying by the same speaker may carry the holder.
                holder, holder_how = self._later_complement(plain, clause, outside, verb_end, speaker)
            if not holder and len(said) > 3:
                # "Trump agreed to help Kyiv ..., the White House said.": what the tag reports comes first.
                holder, holder_how = self._tagged_content_subject(plain, clause, outside, said[3], verb_end, speaker)
            if not holder and clause.index == 0:
                asked = self._asked_about(plain, sentence, mentions)
                if asked is not None and asked.actor != speaker:
                    holder, holder_how = asked.actor, asked.kind
            if how == "pronoun" and clause.index == 0:
                reporter = self._still_reported(plain, sentence, mentions, speaker)
                if reporter:
                    # "The Kremlin said Putin had told Trump ... He also demanded ...": still the Kremlin's report.
                    return Attribution(holder or speaker, reporter, "reported", 0.7, holder_how or how)
            source = self._according_to(plain, clause, outside, verb_end)
            if source and source != speaker:
                # "India will never accept mediation, Modi told Trump, according to Misri": Misri tells it.
                return Attribution(holder or speaker, source, "reported", 0.7, holder_how or how)
            return Attribution(holder or speaker, speaker, "reported", 0.8, holder_how or how)
        accused = self._accused(plain, clause, outside, mentions)
        if accused is not None:
            return accused
        voice = self._unnamed_people_act(plain, clause, outside)
        if voice:
            # "A White House official, asked about July, would not rule it out": the position is the
            # organisation's; its unnamed people are no speaker.
            return Attribution(voice, "", "reported", 0.6, "organization", "sources")
        if clause.index > 0 and previous is not None and previous.holder and self._lacks_subject(segment):
            # "X agreed to A but declined B that Y had proposed": the verb's subject is X.
            return Attribution(previous.holder, previous.speaker, previous.attribution, previous.confidence * 0.9,
                               previous.holder_kind, previous.source_kind)
        if RE_UNCERTAIN.search(segment):
            return Attribution("", AUTHOR, "commentary", 0.5)   # "It is not clear whether Putin will accept"
        if any(RE_VERDICT.match(plain[m.end:m.end + 40]) for m in outside[:1] if m.actor and m.kind != "first_person"):
            return Attribution("", AUTHOR, "commentary", 0.55)   # "The German chancellor is right": the writer judges
        subject, cue = self._position_subject(plain, clause, outside)
        if subject is not None and RE_DEONTIC.match(cue) and not (
                previous is not None and previous.attribution in ("reported", "direct_quote")):
            return Attribution("", AUTHOR, "commentary", 0.55)
        if subject is not None:
            reporter = self._still_reported(plain, sentence, mentions, subject.actor) \
                if subject.kind == "pronoun" and clause.index == 0 else ""
            if reporter:
                return Attribution(subject.actor, reporter, "reported", 0.65, subject.kind)
            return Attribution(subject.actor, subject.actor, "paraphrase", 0.7, subject.kind)
        if source_kind:
            holder = self._reported_holder(plain, clause, outside, clause.start) if source_kind == "sources" else None
            return Attribution(holder.actor if holder else "", "", "reported", 0.6, holder.kind if holder else "",
                               source_kind)
        if clause.index > 0 and previous is not None and previous.source_kind == "poll" and not outside:
            return previous   # "..., while 24 per cent want ...": the same poll's other share
        if sentence.is_commentary:
            return Attribution("", AUTHOR, "commentary", 0.6)
        if previous is not None and previous.holder and clause.index > 0 and \
                not RE_OWN_UNLISTED_SUBJECT.match(segment[RE_CONTINUES.match(segment).end():]):
            return Attribution(previous.holder, previous.speaker, previous.attribution, previous.confidence * 0.9,
                               previous.holder_kind)
        agent = self._agent(plain, outside)
        if agent is not None:
            return Attribution(agent.actor, agent.actor, "paraphrase", 0.6, agent.kind)
        subject = self._leading_subject(plain, sentence, in_clause)
        if subject is not None:
            return Attribution(subject.actor, subject.actor, "paraphrase", 0.55, subject.kind)
        if RE_UNLISTED_PEOPLE.match(segment) and not RE_ADVICE.search(segment):
            return Attribution("", "", "reported", 0.5, "", "sources")   # "European leaders agreed ..."
        if not RE_WRITERS_VIEW.search(segment):
            return Attribution("", "", "commentary", 0.5)   # "Aid has been blocked since March": no one's view
        return Attribution("", AUTHOR, "commentary", 0.5)

    def co_holders(self, attribution: Attribution, clause: Clause, plain: str,
                   mentions: list[Mention]) -> list[tuple[str, str]]:
        """Other actors who hold the clause's position with its holder, as one subject ("Starmer and
        Zelensky signed the loan", "Neither Sato nor Abara supports ...", "critics, including Quill
        and Abara, say ...") or by a joint act ("he co-signed a statement with Zelensky"); each with
        its speaker: a partner in the subject of the verb of saying (or of a paraphrase) speaks for
        itself, one in what was said is the reporter's words."""
        if not attribution.holder or attribution.source_kind:
            return []
        segment = plain[clause.start:clause.end]
        # Most clauses hold none of PAIR_KEYS: two substring tests cost a fraction of the pattern's pass.
        pair = RE_PAIR_OF_LEADERS_IN.search(plain, clause.start, clause.end) if may_hold(segment, PAIR_KEYS) else None
        if pair is not None and attribution.holder in self._leaders:
            # "The White House said the two leaders had agreed": the other is the leader named last.
            others = [m for m in mentions if clause.start - PAIR_REACH <= m.start < pair.start()
                      and m.actor in self._leaders and m.actor != attribution.holder]
            return [(others[-1].actor, attribution.speaker)] if others else []
        named = [m for m in _starting_in(mentions, clause.start, clause.end) if m.actor
                 and m.kind in ("alias", "role", "pronoun")
                 and not any(q.start <= m.start < q.end for q in clause.sentence.quotes)]
        partners: list[Mention] = []
        for mention in named:
            if mention.actor == attribution.holder and mention.text == "They":
                # "Moreau and Quill met. They agreed ...": "they" stands for each of them.
                partners = [m for m in named if m.start == mention.start and m.actor != attribution.holder]
                break
        for index, mention in enumerate(named if not partners else ()):
            if mention.actor != attribution.holder:
                continue
            group = self._joint_subject(plain, named, index)
            if len(group) > 1:
                partners = [m for m in group if m.actor != attribution.holder]
                break
            jointly = [m for m in named[index + 1:] if m.kind != "pronoun" and m.actor != attribution.holder
                       and RE_JOINTLY_WITH.search(plain[mention.end:m.start])]
            if jointly:
                partners = jointly[:1]
                break
        if not partners:
            return []
        said = self._speech(plain, clause, named)
        speaks = attribution.attribution == "paraphrase" or (
            said is not None and len(said) > 3 and said[3] >= partners[-1].end and said[0] == attribution.speaker)
        found = dict.fromkeys(m.actor for m in partners)
        return [(actor, actor if speaks else attribution.speaker) for actor in found]

    def _joint_subject(self, plain: str, named: list[Mention], index: int) -> list[Mention]:
        """The names joined with `named[index]` into one subject that a verb follows ("Macron, Merz
        and Starmer backed ...", "Neither Sato nor Abara supports ...", "critics, including Sato and
        Abara, say ..."): all of them, or that one alone."""
        start = index
        while start > 0 and named[start - 1].kind != "pronoun" and \
                RE_NAME_JOIN.fullmatch(plain[named[start - 1].end:named[start].start]):
            start -= 1
        end = index
        while end + 1 < len(named) and named[end + 1].kind != "pronoun" and \
                RE_NAME_JOIN.fullmatch(plain[named[end].end:named[end + 1].start]):
            end += 1
        group = named[start:end + 1]
        if len(group) < 2:
            return group
        last_join = plain[group[-2].end:group[-1].start]
        before = plain[max(0, group[0].start - 40):group[0].start]
        joined = re.fullmatch(r"\s+and\s+", last_join) or \
            (re.fullmatch(r"\s+nor\s+", last_join) and RE_NEITHER_BEFORE.search(before))
        if not joined or _governed_by_preposition(plain, group[0].start):
            return named[index:index + 1]
        following = plain[group[-1].end:group[-1].end + 140]
        if RE_INCLUDING_BEFORE.search(before):
            following = re.sub(r"^\s*,", "", following)   # "..., including Sato and Abara, say"
        return group if _verb_after_subject(following) or self._bare_verb_after(following) else named[index:index + 1]

    def _bare_verb_after(self, following: str) -> bool:
        """Whether a joint subject is followed by a plural verb without an ending ("Sato and Abara
        oppose", "both back"): a verb of saying or a stance word, after any adverbs."""
        adverbs = RE_JOINT_ADVERBS.match(following)
        if adverbs is None:
            return False
        return bool(self.lexicon.all_stances.match(following, adverbs.end())
                    or self.lexicon.speech_verbs.match(following, adverbs.end()))

    def for_topic(self, attribution: Attribution, clause: Clause, plain: str, mentions: list[Mention],
                  speakers: dict[Quote, str], position: int) -> Attribution:
        """The attribution of the words about a topic at `position` in the clause: the clause's own,
        unless the topic lies in a second thing the same speaker said ("X said the call showed Russia
        was not ready, and insisted that any European force was for Kyiv to invite"), whose subject
        is found afresh; or unless it lies in a clause set in time against the main one, with a
        subject of its own outside the actor list ("..., hours after four European leaders stood in
        Kyiv and told Moscow to accept a ceasefire"). A topic inside a direct quote is the quote's."""
        quote = next((q for q in clause.sentence.quotes if q.start <= position < q.end
                      and _quote_words(plain, q) >= MIN_QUOTE_WORDS), None)
        if quote is not None:
            # "“We are ready for a ceasefire,” Zelensky said, adding that Russia was stalling."
            speaker = speakers.get(quote, "")
            if not speaker:
                return attribution
            inner = [m for m in mentions if quote.start <= m.start < quote.end]
            holder, how = self._holder_in(inner, plain, quote, speaker)
            if (holder or speaker, speaker) == (attribution.holder, attribution.speaker):
                return attribution
            return Attribution(holder or speaker, speaker, "direct_quote", 0.85, how or "speaker")
        for match in RE_COORDINATE_OPENING.finditer(plain, clause.start, position):
            # "..., the White House said, and the Russian leader agreed to halt strikes": a clause
            # of its own, as when its subject has a capital ("..., and Russia agreed").
            subject = next((m for m in mentions if m.start == match.end() and m.actor and m.kind != "first_person"),
                           None)
            if subject is None or subject.actor == attribution.holder or \
                    not RE_VERB_AFTER.match(plain[subject.end:subject.end + 140]) or \
                    RE_CLAUSE_BREAK.search(plain[subject.end:position]):
                continue
            start = match.start() + len(match.group()) - len(match.group().lstrip(" ,"))
            part = Clause(clause.sentence, clause.index + 1, start, clause.end, plain[start:clause.end])
            again = self.attribute(part, plain, mentions, speakers, attribution)
            if again.holder == subject.actor:
                return again
        if attribution.holder and attribution.attribution in ("reported", "paraphrase"):
            for match in RE_TIMED_CLAUSE.finditer(plain, clause.start, position):
                if any(match.start("subject") <= m.start < match.end("subject") for m in mentions if m.actor) or \
                        RE_CLAUSE_BREAK.search(plain[match.end():position]):
                    continue
                return Attribution("", "", "reported", 0.5, "", "unlisted")
        if attribution.attribution not in ("reported",) or not attribution.speaker or attribution.speaker == AUTHOR:
            return attribution
        outside = _starting_in(mentions, clause.start, clause.end)
        said = self._speech(plain, clause, outside)
        if said is not None and len(said) > 3 and position < said[3] and attribution.holder != attribution.speaker \
                and plain[said[3]:said[1]].lower().endswith("ing") and plain[clause.start:said[3]].rstrip().endswith(","):
            # "Merz backed new sanctions, saying the EU had waited too long": the topic is in the main
            # clause, before the verb of saying that only explains it; its subject holds it.
            return Attribution(attribution.speaker, attribution.speaker, "paraphrase", attribution.confidence,
                               attribution.holder_kind or "alias")
        if said is None or said[1] >= position:
            return attribution
        second = RE_SECOND_THAT_IT.search(plain[said[1]:position + 12])
        if self._kind.get(attribution.speaker) in ("organization", "group") and second is not None and \
                said[1] + second.start("that") <= position:
            # "Hamas said the Israeli leader had decided ..., and that it remained committed ...": "it"
            # is the organisation speaking.
            return Attribution(attribution.speaker, attribution.speaker, attribution.attribution,
                               attribution.confidence, "pronoun", attribution.source_kind)
        boundary = None
        for match in RE_SECOND_COMPLEMENT.finditer(plain, said[1], position):
            verb = match.group("verb")
            if not verb or verb == "that" or not self.lexicon.is_speech_verb(verb):
                continue   # a bare "and that ..." goes on with the subject of the first thing said
            boundary = match
        if boundary is None:
            return attribution
        start = boundary.start() + len(boundary.group()) - len(boundary.group().lstrip(" ,"))
        part = Clause(clause.sentence, clause.index + 1, start, clause.end, plain[start:clause.end])
        previous = Attribution(attribution.speaker, attribution.speaker, "reported", attribution.confidence)
        again = self.attribute(part, plain, mentions, speakers, previous)
        if again.speaker != attribution.speaker:
            return attribution
        return Attribution(again.holder or attribution.speaker, attribution.speaker, attribution.attribution,
                           attribution.confidence, again.holder_kind, attribution.source_kind)

    def _according_to(self, plain: str, clause: Clause, mentions: list[Mention], verb_end: int) -> str:
        """The actor a closing "according to X" names as the source of what the clause reports, or ""."""
        for mention in mentions:
            if mention.start >= verb_end and mention.actor and mention.kind in ("alias", "role") and \
                    RE_ACCORDING_TO.search(plain[max(verb_end, mention.start - 24):mention.start]) and \
                    RE_TAG_END.match(plain[mention.end:clause.end]):
                return mention.actor
        return ""

    def _verbs_of_saying(self, segment: str) -> list[re.Match]:
        """The verbs of saying in a clause, the likeliest attribution first."""
        verbs = list(self.lexicon.speech_verbs.finditer(segment))
        # One inside an opening condition is not the attribution ("If the president means what he says, ...").
        condition = RE_CONDITION_OPENING.match(segment) if verbs else None
        if condition:
            verbs = [v for v in verbs if v.start() >= condition.end()]
        if len(verbs) < 2:
            return verbs

        def tagged(verb: re.Match) -> bool:   # ", he said" rather than "the land Russia claims"
            return bool(RE_TAG_BEFORE.search(segment[max(0, verb.start() - 60):verb.start()]))

        # A tag that ends the clause ("..., he said.") attributes all that comes before it; a verb that
        # ends a relative clause ("the territories Russia claims, he said, ...") says nothing of its own;
        # a participle ("Macron, speaking in Berlin, said ...") yields to a finite verb.
        final = [v for v in verbs if RE_TAG_END.match(segment[v.end():]) and tagged(v)]
        closing = [v for v in verbs if v not in final and RE_TAG_AFTER.match(segment[v.end():]) and not tagged(v)]
        ordinary = [v for v in verbs if v not in closing and v not in final]
        participles = [v for v in ordinary if v.group().lower().endswith("ing")]
        return final + [v for v in ordinary if v not in participles] + participles + closing

    def _later_complement(self, plain: str, clause: Clause, mentions: list[Mention], after_end: int,
                          speaker: str) -> tuple[str, str]:
        """The holder named after a later verb of saying of the same speaker, or ("", "")."""
        segment = plain[after_end:clause.end]
        for verb in self.lexicon.speech_verbs.finditer(segment):
            start, end = after_end + verb.start(), after_end + verb.end()
            if verb.group().lower().endswith("ing") or RE_PASSIVE_AUX.search(plain[max(after_end, start - 20):start]):
                continue
            subject = self._subject_of(plain, start, end, mentions, inverted=False)
            shared = subject is None and re.search(r"\b(?:and|but)\s+(?:(?:also|then|later)\s+)?$",
                                                   plain[max(after_end, start - 12):start])
            if (subject is not None and subject.actor == speaker) or shared:
                return self._complement_subject(plain, end, [m for m in mentions if m.start >= end], speaker)
        return "", ""

    def _still_reported(self, plain: str, sentence: Sentence, mentions: list[Mention], speaker: str) -> str:
        """Who is still reporting when a sentence goes on "He also demanded ..." about the person
        another speaker was reporting on in the sentence before ("The Kremlin said Putin had told
        Trump ..."): that speaker, or ""."""
        if not RE_GOES_ON.match(plain[sentence.start:sentence.end]):
            return ""
        paragraph_start = plain.rfind("\n", 0, sentence.start) + 1
        head = plain[paragraph_start:sentence.start].rstrip()
        cut = max(head.rfind(". ", 0, len(head) - 1), head.rfind("? ", 0, len(head) - 1))
        start = paragraph_start + cut + 2 if cut >= 0 else paragraph_start
        if start >= sentence.start or not head:
            return ""
        end = paragraph_start + len(head)
        before = dataclasses.replace(sentence, index=sentence.index - 1, start=start, end=end, text=plain[start:end],
                                     is_heading=False, quotes=())
        clause = Clause(before, 0, start, end, plain[start:end])
        inside = [m for m in mentions if start <= m.start < end]
        said = self._speech(plain, clause, inside)
        if said is None or not said[0] or said[0] == speaker or said[2] == "unlisted":
            return ""
        holder, _ = self._complement_subject(plain, said[1], [m for m in inside if m.start >= said[1]], said[0])
        return said[0] if holder == speaker else ""

    def _tagged_content_subject(self, plain: str, clause: Clause, mentions: list[Mention], verb_start: int,
                                verb_end: int, speaker: str) -> tuple[str, str]:
        """The holder of what a closing tag (", the White House said.") reports: the subject of the
        words before it, when it is the subject of a stance word; or ("", "")."""
        before = plain[clause.start:verb_start]
        tag = RE_TAG_BEFORE.search(before) or RE_INVERSION_BEFORE.search(before)   # ", he said" / ", said X"
        if not RE_TAG_END.match(plain[verb_end:clause.end]) or tag is None:
            return "", ""
        comma = clause.start + tag.start()
        start = clause.start
        introduction = RE_INTRODUCTION.match(plain[start:comma])
        if introduction:
            start += introduction.end()
        content = [m for m in mentions if start <= m.start < comma]
        if not content or content[0].start - start > 30:
            return "", ""
        return self._complement_subject(plain, start, content, speaker)

    def _accused(self, plain: str, clause: Clause, outside: list[Mention], mentions: list[Mention]) -> Attribution | None:
        """"X accused Y of preparing to reject the truce": holder Y, speaker X."""
        for index, mention in enumerate(outside):
            if not mention.actor or mention.kind == "first_person":
                continue
            accuse = RE_ACCUSE.search(plain[max(clause.start, mention.start - 14):mention.start])
            if accuse is None or not re.match(r"\s+of\b", plain[mention.end:mention.end + 4]):
                continue
            verb_start = max(clause.start, mention.start - 14) + accuse.start()
            subject = self._subject_of(plain, verb_start, verb_start + len(accuse.group().rstrip()), outside[:index])
            if subject is None:
                # "He called the answer 'manipulative', and accused ...": the verbs share the opening subject,
                # unless a complement with a subject of its own comes between ("He said that leaders accused").
                subject = self._leading_subject(plain, clause.sentence, [m for m in mentions if m.start < verb_start and
                                                                          not self._after_preposition(m, clause.sentence)])
                if subject is not None and re.search(r"\b(?:that|who|which|whom)\b", plain[subject.end:verb_start]):
                    subject = None
            if subject is None or subject.actor == mention.actor:
                return None
            return Attribution(mention.actor, subject.actor, "reported", 0.7, mention.kind)
        return None

    def _asked_about(self, plain: str, sentence: Sentence, mentions: list[Mention]) -> Mention | None:
        """The actor whose position a question frame opening the sentence asks about."""
        frame = RE_QUESTION_FRAME.match(plain[sentence.start:sentence.end])
        if frame is None:
            return None
        for mention in mentions:
            if sentence.start <= mention.start < sentence.start + frame.end() and mention.actor and \
                    mention.kind != "first_person" and self._governs_cue(plain, mention):
                return mention
        return None

    @staticmethod
    def _lacks_subject(segment: str) -> bool:
        """Whether a clause opens with a connective and then its verb ("but declined to ...")."""
        opening = RE_CONTINUES.match(segment)
        if not opening or not opening.group().strip(" ,"):
            return False
        return bool(RE_BARE_PREDICATE.match(segment[opening.end():]))

    def _head(self, clause: Clause, plain: str, mentions: list[Mention], speakers: dict[Quote, str]) -> Attribution:
        """The attribution of the part of the sentence before a clause (its subject carries on)."""
        sentence = clause.sentence
        head = Clause(sentence, 0, sentence.start, clause.start, plain[sentence.start:clause.start])
        return self.attribute(head, plain, mentions, speakers, None)

    def _unlisted_subject(self, plain: str, clause: Clause, verb_start: int, mentions: list[Mention]) -> bool:
        """Whether a verb of saying has a subject that names no actor ("European leaders said")."""
        head_start = max(clause.start, verb_start - 140)
        match = RE_UNLISTED_SPEAKER.search(plain[head_start:verb_start])
        if match is None:
            return False
        start = head_start + match.start()
        subject_end = head_start + match.end()
        # An actor named inside the subject is its owner or the person spoken for, not the speaker:
        # "a spokesman for Pete Hegseth"; but a named actor *is* the subject in "Maria Zakharova, ...".
        for mention in mentions:
            if start <= mention.start < subject_end and mention.actor and \
                    not _governed_by_preposition(plain, mention.start) and \
                    not RE_MODIFIED_SPEAKER.match(plain[mention.end:mention.end + 40]):
                return False
        return True

    def _unnamed_people_act(self, plain: str, clause: Clause, mentions: list[Mention]) -> str:
        """The organisation whose unnamed people are the subject of a stance word in the clause
        ("A White House official ... refused to rule out", "Officials in Brussels oppose"), or ""."""
        segment = plain[clause.start:clause.end]
        for cue in self.lexicon.all_stances.finditer(segment):
            head_start = max(clause.start, clause.start + cue.start() - 140)
            people = RE_UNLISTED_SPEAKER.search(plain[head_start:clause.start + cue.start()])
            if people is None or not RE_PEOPLE_NOUN.search(people.group()) or \
                    self.lexicon.speech_verbs.search(re.sub(r",[^,]*,", " ", people.group())):
                continue   # "an official briefed on the talks said the Russian side had demanded"
            start = head_start + people.start()
            if any(start <= m.start < clause.start + cue.start() and m.actor and self._kind.get(m.actor) == "person"
                   for m in mentions):
                continue   # "Maria Zakharova, the foreign ministry spokeswoman, rejected"
            return self._speaking_for(plain, max(clause.start, start - 40), head_start + people.end(), mentions)
        return ""

    def _speaking_for(self, plain: str, start: int, end: int, mentions: list[Mention] = ()) -> str:
        """The organisation unnamed people speak for, named as their modifier: "a NATO diplomat",
        "a senior administration official", "officials in Washington"; or by a name or role found
        in the article: "a senior official of the group", "the bloc's diplomats"; or ""."""
        if self._speaks_for is not None:
            for match in self._speaks_for.finditer(plain[start:end]):
                name = match.group("before") or match.group("after")
                if match.group("before") and match.group("before")[:1].islower() and \
                        fold_accents(normalize(name)).casefold() in self._alias_owner:
                    continue   # "the us" in lower case is a pronoun, not the country
                return self._modifier_owner.get(normalize(name).casefold(), "")
        for mention in mentions:
            if not start <= mention.start < end or not mention.actor or mention.kind == "first_person":
                continue
            if self._kind.get(mention.actor) == "person":
                if RE_OFFICE_AFTER.match(plain[mention.end:end]) or RE_SPOKESPERSON_AFTER.match(plain[mention.end:end]) \
                        or RE_SPOKESPERSON_FOR.search(plain[max(start, mention.start - 40):mention.start]):
                    return mention.actor   # "his spokesman", "a spokeswoman for Kallas", "Lund's office"
            elif RE_PEOPLE_OF.search(plain[max(start, mention.start - 40):mention.start]) or \
                    RE_PEOPLE_AFTER.match(plain[mention.end:end]):
                return mention.actor
        return ""

    def _office_of(self, plain: str, start: int, end: int, voice: str) -> str:
        """The speaker when an office speaks for `voice`: an institution, as "the Kremlin" is, not an
        unnamed person. An organisation's office is the organisation; a person's office is that of
        the government they belong to ("the prime minister's office said"); "" when no office speaks
        (a spokesperson or an official is no listed speaker)."""
        if not re.search(r"\boffice\b", plain[start:end], re.IGNORECASE):
            return ""
        if self._kind.get(voice) in ("organization", "group"):
            return voice
        return next((o for o in self._members.get(voice, ()) if self._kind.get(o) == "organization"), "")

    def _reported_holder(self, plain: str, clause: Clause, mentions: list[Mention], content_start: int,
                         voice: str = "") -> Mention | None:
        """The actor whose position unnamed speakers report: the subject of what they said; else
        the organisation they speak for (`voice`: "a NATO diplomat"); else the subject of a stance
        word in the clause, or the actor that opens the clause."""
        after = [m for m in mentions if m.start >= content_start and m.actor and m.kind != "first_person"]
        if after:
            lead = re.split(r"\bthat\b", plain[content_start:after[0].start], flags=re.IGNORECASE)[-1]
            lead = RE_COMPLEMENT_FILLER.sub(" ", lead)
            if not lead.strip(" ,") and (RE_VERB_AFTER.match(plain[after[0].end:after[0].end + 140]) or
                                         self._governs_cue(plain, after[0])):
                return after[0]
        for mention in after:
            owned = RE_STANCE_NOUN_AFTER.match(plain[mention.end:mention.end + 40])
            if owned and not RE_JUDGED.match(plain[mention.end + owned.end():mention.end + owned.end() + 12]):
                return mention   # "sources said there had been no change in India's position"
        if voice:
            return Mention(content_start, content_start, voice, "organization", "")
        subject, _ = self._position_subject(plain, clause, mentions)
        if subject is not None:
            return subject
        return self._leading_subject(plain, clause.sentence, [m for m in mentions if m.start >= clause.start])

    def _continued_speech(self, plain: str, clause: Clause, previous: "Attribution | None") -> tuple | None:
        """"X said A, but insisted that B", "..., saying B", "X said A but that B": a verb of saying
        (or a second "that") with no subject of its own is said by the speaker of what came before."""
        segment = plain[clause.start:clause.end]
        opening = RE_CONTINUES.match(segment)
        rest = segment[opening.end():]
        verb = self.lexicon.speech_verbs.match(rest)
        that = RE_THAT_OPENING.match(rest)
        if verb is None and that is None:
            return None
        if verb is None and not (previous is not None and previous.attribution == "reported"):
            return None
        before = plain[max(0, clause.start - 2):clause.start] + segment[:opening.end()]
        if verb is not None and verb.group().lower().endswith("ing") and not RE_COMMA_OR_SEMICOLON_CLOSING.search(before):
            return None
        if clause.index == 0 and verb is not None and not verb.group().lower().endswith("ing"):
            return None
        end = clause.start + opening.end() + (verb.end() if verb is not None else 0)
        if previous is not None and previous.speaker == "" and previous.holder:
            # Unnamed people go on speaking ("Officials say A, but that B"): still no speaker.
            return "", end, "unlisted", clause.start, previous.holder
        speaker = self._previous_voice(plain, clause, previous)
        if not speaker:
            return None
        return speaker, end, previous.holder_kind if previous is not None else ""

    def _previous_voice(self, plain: str, clause: Clause, previous: "Attribution | None") -> str:
        if previous is not None and previous.speaker not in ("", AUTHOR):
            return previous.speaker
        if previous is not None and previous.holder:
            return previous.holder
        return ""

    def unnamed_continued(self, attribution: Attribution, clause: Clause, plain: str, mentions: list[Mention],
                          last: Attribution | None) -> Attribution:
        """"Officials said India would not accept mediation. They added that ...": a sentence that
        opens with "they" and a verb of saying, where "they" names no listed actor, goes on
        reporting the unnamed people of the sentence before (`last`): no speaker, and the holder
        is the subject of what they add, else the holder they spoke for before."""
        if last is None or last.speaker or clause.index != 0 or attribution.speaker not in ("", AUTHOR):
            return attribution
        opening = RE_THEY_SAY.match(plain, clause.start, clause.end)
        if opening is None or any(m.start < clause.start + opening.end() and m.actor for m in
                                  _starting_in(mentions, clause.start, clause.end)):
            return attribution
        content = [m for m in _starting_in(mentions, clause.start, clause.end) if m.start >= opening.end()]
        holder = self._reported_holder(plain, clause, content, opening.end()) if content else None
        return Attribution(holder.actor if holder else last.holder, "", "reported", 0.55,
                           holder.kind if holder else last.holder_kind, last.source_kind)

    def with_stance_owner(self, attribution: Attribution, clause: Clause, plain: str,
                          mentions: list[Mention]) -> Attribution:
        """In "Graham suggested a shift in the president's stance" the stance is the president's."""
        for mention in mentions:
            if clause.start <= mention.start < clause.end and mention.actor and \
                    RE_STANCE_NOUN_AFTER.match(plain[mention.end:mention.end + 40]):
                return Attribution(mention.actor, attribution.speaker or AUTHOR, attribution.attribution,
                                   attribution.confidence, mention.kind, attribution.source_kind)
        return attribution

    def _holder_in(self, inner: list[Mention], plain: str, quote: Quote, speaker: str = "") -> tuple[str, str]:
        """Inside a quote the holder is the speaker, unless a named actor is the subject of a
        position or of saying ("The president has definitively stated ..."). A subject inside
        a condition ("If Russia says no, ...") holds nothing; nor does the speaker's own state."""
        named = [m for m in inner if m.actor and m.kind != "first_person"
                 and not RE_CONDITION_BEFORE.search(plain[max(quote.start, m.start - 30):m.start])]
        if not named:
            return "", ""
        segment = plain[quote.start:quote.end]
        for pattern in (self.lexicon.all_stances, self.lexicon.speech_verbs):
            for cue in pattern.finditer(segment):
                if RE_DEONTIC.match(cue.group()):
                    continue   # "Russia must stop the strikes first": the speaker's demand
                subject = self._subject_of(plain, quote.start + cue.start(), quote.start + cue.end(), named,
                                           inverted=False)
                if subject is not None:
                    if subject.actor in self._members.get(speaker, set()):
                        return "", ""
                    return subject.actor, subject.kind
        opening = named[0]
        if speaker and opening.actor != speaker and self._kind.get(opening.actor) == "person" and \
                self._members.get(speaker, set()) & self._members.get(opening.actor, set()) and \
                not plain[quote.start:opening.start].strip(" “”\"'‘’") and \
                RE_VERB_AFTER.match(plain[opening.end:opening.end + 140]):
            # A spokesperson's quote about their principal ("She has no intention of ...") tells
            # the principal's position.
            return opening.actor, opening.kind
        return "", ""

    def _speech(self, plain: str, clause: Clause, mentions: list[Mention]) -> tuple | None:
        """A verb of saying in the clause and its subject: (speaker, end of verb, how named, start of
        verb); speaker "" and how "unlisted" when the subject is someone outside the actor list.

        Remembered for the document being read: a clause's attribution asks it, then each of its
        topics asks it again (`for_topic`) with the same mentions."""
        key = (plain, clause.start, clause.end, clause.sentence, tuple(mentions))
        memo = self._speech_memo
        if key in memo:
            return memo[key]
        if len(memo) >= SPEECH_MEMO_SIZE or (memo and next(iter(memo))[0] is not plain):
            memo.clear()   # another document: its clauses are not asked again
        said = memo[key] = self._find_speech(plain, clause, mentions)
        return said

    def _find_speech(self, plain: str, clause: Clause, mentions: list[Mention]) -> tuple | None:
        segment = plain[clause.start:clause.end]
        for verb in self._verbs_of_saying(segment):
            start, end = clause.start + verb.start(), clause.start + verb.end()
            if RE_PASSIVE_AUX.search(plain[max(clause.start, start - 20):start]) or \
                    (verb.group()[:1].isupper() and verb.start() > 0):   # "(Atlantic Desk Report)"
                continue
            if RE_PEOPLE_BEFORE.search(plain[max(clause.start, start - 30):start]) and \
                    RE_BRIEFED_ON.match(plain[start:start + 30]):
                continue   # "an official briefed on the talks said": the verb is "said"
            subject = self._subject_of(plain, start, end, mentions)
            if subject is None and verb.group().lower().endswith("ing") and \
                    RE_COMMA_CLOSING.search(plain[max(clause.start, start - 3):start]):
                subject = self._leading_subject(plain, clause.sentence, [m for m in mentions if m.start < start])
            if subject is None and RE_SHARED_SUBJECT.search(plain[max(clause.start, start - 16):start]) and \
                    not re.search(r"\b(?:that|who|which|whom|if|when|because)\b", plain[clause.start:start], re.IGNORECASE):
                # "Araghchi called the reimposition void and said ...": the verbs share the opening subject.
                subject = self._leading_subject(plain, clause.sentence, [m for m in mentions if m.start < start])
            if subject is not None:
                return subject.actor, end, subject.kind, start
            if not verb.group().lower().endswith("ing") and self._unlisted_subject(plain, clause, start, mentions):
                return "", end, "unlisted", start
        for mention in mentions:
            if clause.start <= mention.start < clause.end and mention.actor and (
                    RE_IN_VIEW_OF.search(plain, max(clause.start, mention.start - 30), mention.start)
                    or (RE_IN_BEFORE.search(plain, max(clause.start, mention.start - 4), mention.start)
                        and RE_VIEW_AFTER.match(plain, mention.end))):
                # "A new inquiry, in her view, was not the answer": the view is hers.
                return mention.actor, clause.start, mention.kind, clause.start
            according = RE_ACCORDING_TO.search(plain[max(clause.start, mention.start - 24):mention.start])
            if according:
                # "According to Peskov, Putin ...": what follows is reported; "..., according to Peskov" and
                # "Putin, according to the Kremlin, is ...": what precedes it, or frames it.
                opening = plain[clause.start:max(clause.start, mention.start - 24) + according.start()]
                leads = not opening.strip(" ,") or bool(RE_INTRODUCTION.fullmatch(opening.lstrip()))
                content = mention.end if leads else clause.start
                return mention.actor, content, mention.kind, content
        return None

    def _subject_of(self, plain: str, verb_start: int, verb_end: int, mentions: list[Mention],
                    inverted: bool = True) -> Mention | None:
        subject = self._nearest_subject(plain, verb_start, verb_end, mentions, inverted)
        if subject is not None:
            # "Starmer and Zelensky then signed": a coordinated subject is led by its first actor.
            for mention in reversed([m for m in mentions if m.end <= subject.start and m.actor]):
                if not RE_AND_BETWEEN.fullmatch(plain[mention.end:subject.start]) or mention.kind == "first_person" \
                        or _governed_by_preposition(plain, mention.start) \
                        or plain[mention.end:mention.end + 2] in ("'s", "’s"):
                    break
                subject = mention
        return subject

    def _nearest_subject(self, plain: str, verb_start: int, verb_end: int, mentions: list[Mention],
                         inverted: bool = True) -> Mention | None:
        before = [m for m in mentions if m.end <= verb_start and m.actor]
        for mention in reversed(before):
            gap = plain[mention.end:verb_start]
            if gap.startswith("'s") or gap.startswith("’s"):
                owned = RE_OWN_VOICE.match(gap)
                if owned and self._kind.get(mention.actor) == "person" and RE_OFFICE_AFTER.match(gap):
                    break   # "the prime minister's office said": the office speaks, not the person
                if owned and RE_SUBJECT_GAP.match(gap[owned.end():]) and \
                        not _governed_by_preposition(plain, mention.start):
                    return mention   # "the Kremlin's account of the call said", "Ukraine's delegation proposed"
                continue
            if RE_SUBJECT_GAP.match(gap) and not _governed_by_preposition(plain, mention.start):
                return mention
            body = RE_BODY_OF.match(gap) if self._kind.get(mention.actor) in ("organization", "group") else None
            if body and RE_SUBJECT_GAP.match(gap[body.end():]) and not _governed_by_preposition(plain, mention.start):
                return mention   # "the UCW executive said": the body speaks for the organisation
            if RE_SUBJECT_GAP.match(gap) and RE_PLACE_BEFORE.search(plain[max(0, mention.start - 4):mention.start]):
                continue   # "Peskov in Moscow said": a place after the subject
            # The end of an appositive ("Maria Zakharova, the foreign ministry spokeswoman, said",
            # "Ukraine's foreign minister, Andrii Sybiha, said") or a relative clause ("Peskov, who said").
            relative = RE_RELATIVE_GAP.match(gap)
            if relative and (relative.group(1) or RE_COMMA_CLOSING.search(plain[max(0, mention.start - 3):mention.start])) \
                    and RE_SUBJECT_GAP.match(gap[relative.end():]) and (relative.group(1) or not _governed_by_preposition(plain, mention.start)):
                return mention
            closing = RE_COMMA_OPENING.match(gap)
            if closing and RE_SUBJECT_GAP.match(gap[closing.end():]) and self._included_by_name(plain, mention, before):
                return mention   # "Moreau's critics, including Quill, say": the named member speaks
            if "," in gap and not RE_CLAUSE_BREAK.search(gap):
                continue   # a name inside an appositive or relative clause: the subject came before it
            break
        after = [m for m in mentions if m.start >= verb_end and m.actor]
        if not (inverted and after and RE_INVERSION_BEFORE.search(plain[max(0, verb_start - 3):verb_start])
                and not RE_NO_INVERSION.match(plain[verb_start:verb_end])
                and not RE_APPOSITIVE_NAME.search(plain[max(0, verb_start - 60):verb_start])):
            return None
        for candidate in after[:2]:
            gap = plain[verb_end:candidate.start]
            if not gap.strip() and plain[candidate.end:candidate.end + 2] in ("'s", "’s"):
                continue   # "..., said the mayor's driver, ...": the owner of a role does not speak
            if (not gap.strip() or RE_ROLE_BEFORE_NAME.fullmatch(gap)) and \
                    not RE_FINITE_AFTER.match(plain[candidate.end:candidate.end + 40]):
                return candidate   # "..., said Peskov", "..., said the minister, Helen Asante"
            break
        return None

    @staticmethod
    def _included_by_name(plain: str, mention: Mention, earlier: list[Mention]) -> bool:
        """Whether a name (with any names joined before it) is set in commas as a member of a group
        of unlisted people: "critics, including Quill and Abara,"."""
        first = mention
        for other in reversed([m for m in earlier if m.end <= mention.start]):
            if not RE_NAME_JOIN.fullmatch(plain[other.end:first.start]):
                break
            first = other
        return bool(RE_INCLUDING_BEFORE.search(plain[max(0, first.start - 40):first.start]))

    def _complement_subject(self, plain: str, verb_end: int, after: list[Mention], speaker: str) -> tuple[str, str]:
        """"X said Y has ruled out ...": Y holds the position when Y is the subject of a stance
        word, or owns it ("Y's willingness to ..."); otherwise the speaker holds it."""
        if speaker in self._leader_of:
            if RE_PAIR_OF_LEADERS.match(RE_COMPLEMENT_FILLER.sub(" ", plain[verb_end:verb_end + 80])):
                # "The White House said the two leaders had agreed": its own leader, one of the two.
                return self._leader_of[speaker], "role"
        for mention in after[:1]:
            lead = RE_THAT_ADVERBIAL.sub("that ", plain[verb_end:mention.start])
            if RE_THAT_CLOSING.search(lead):
                lead = ""   # "told reporters at the briefing that ...": the addressee comes first
            lead = RE_COMPLEMENT_FILLER.sub(" ", RE_EVIDENTIAL.sub(" ", lead))
            if lead.strip(" ,") or not mention.actor or mention.kind == "first_person":
                return "", ""
            belief = RE_BELIEF.match(plain[mention.end:mention.end + 40]) if mention.actor == speaker else None
            if belief is not None:
                # "Merz said he believed Putin would not accept ...": what the speaker thinks of someone.
                return self._complement_subject(plain, mention.end + belief.end(), after[1:], speaker)
            own = mention.actor in self._members.get(speaker, set())
            if own and speaker in self._leaders:
                return "", ""   # a leader saying what their country will do states their own position
            owned = RE_STANCE_NOUN_AFTER.match(plain[mention.end:mention.end + 40])
            if owned and RE_JUDGED.match(plain[mention.end + owned.end():mention.end + owned.end() + 12]):
                return "", ""
            if RE_CHALLENGE.match(plain[mention.end:mention.end + 40]):
                return "", ""   # "Moscow could prove it was serious by accepting": the speaker's demand
            if owned or self._governs_cue(plain, mention):
                return mention.actor, mention.kind
            if self._governs_cue(plain, mention, deontic=True) or \
                    RE_DEONTIC.match(plain[mention.end:mention.end + 30].lstrip()):
                return "", ""   # "the bloc had to keep raising the cost": the speaker's demand
            same_side = own or bool(self._members.get(speaker, set()) & self._members.get(mention.actor, set()))
            following = RE_POSSESSIVE_PARTNER.sub("", plain[mention.end:mention.end + 80], count=1)
            if (same_side and RE_VERB_AFTER.match(following)) or RE_DONE.match(following):
                # A minister or spokesperson reporting what their government or leader does
                # ("Peskov said Russia was observing the moratorium") reports its position.
                return mention.actor, mention.kind
        return "", ""

    def _governs_cue(self, plain: str, mention: Mention, deontic: bool = False) -> bool:
        """Whether a stance word or a verb of saying follows the mention as its predicate (with
        `deontic`: whether that word is an "ought" — "should", "has to" — which is not a position)."""
        window = plain[mention.end:mention.end + 90]
        for pattern in (self.lexicon.all_stances, self.lexicon.speech_verbs, self.lexicon.possibility):
            cue = pattern.search(window)
            if cue and RE_SUBJECT_GAP.match(window[:cue.start()]):
                is_deontic = pattern is self.lexicon.all_stances and bool(RE_DEONTIC.match(cue.group()))
                return is_deontic if deontic else not is_deontic
        return False

    def _position_subject(self, plain: str, clause: Clause, mentions: list[Mention]) -> tuple[Mention | None, str]:
        """The actor that is the subject of a stance word in the clause, and that word."""
        segment = plain[clause.start:clause.end]
        relative = conditional = None
        for cue in self.lexicon.all_stances.finditer(segment):
            # A stance word does not invert its subject as a verb of saying does: in "The plan, which
            # Witkoff drafted, calls for Ukraine to ..." Ukraine is the object.
            subject = self._subject_of(plain, clause.start + cue.start(), clause.start + cue.end(), mentions,
                                       inverted=self.lexicon.is_speech_verb(cue.group())) \
                or self._members_subject(plain, clause.start + cue.start(), mentions)
            if subject is None or subject.start < clause.start:
                continue
            if RE_IF_BEFORE.search(plain[max(clause.start, subject.start - 30):subject.start]):
                conditional = conditional or (subject, cue.group())
                continue   # "..., unless Iran restored cooperation": a condition, not Iran's act
            if self._in_relative_clause(plain, clause, subject):
                # "The ceasefire that Trump proposed was rejected by Putin": the main clause's word wins.
                relative = relative or (subject, cue.group())
                continue
            return subject, cue.group()
        if relative is not None and self._agent(plain, [m for m in mentions if m.start > relative[0].end]) is None:
            return relative
        if conditional is not None:
            # The sentence's own subject, if it has one, holds what it sets a condition on.
            leading = self._leading_subject(plain, clause.sentence, [m for m in mentions if m.start >= clause.start])
            return (leading, "") if leading is not None else conditional
        return None, ""

    def _members_subject(self, plain: str, cue_start: int, mentions: list[Mention]) -> Mention | None:
        """The organisation whose members act together as the subject of a stance word: "EU member
        states approved", "Nato governments agreed", "EU leaders backed"; or None."""
        for mention in reversed([m for m in mentions if m.end <= cue_start and m.actor]):
            members = RE_MEMBERS_AFTER.match(plain[mention.end:cue_start])
            if members and self._kind.get(mention.actor) in ("organization", "group") and \
                    RE_SUBJECT_GAP.match(plain[mention.end + members.end():cue_start]) and \
                    not _governed_by_preposition(plain, mention.start):
                return mention
            break
        return None

    def _in_relative_clause(self, plain: str, clause: Clause, mention: Mention) -> bool:
        """Whether a name opens a relative clause on a noun: "the ceasefire that Trump proposed",
        "a plan which Moscow drafted" (not "said that Trump ...", a clause said)."""
        before = RE_RELATIVE_BEFORE.search(plain[max(clause.start, mention.start - 60):mention.start])
        if before is None:
            return False
        word = before.group("word")
        return not (self.lexicon.is_speech_verb(word) or self.lexicon.all_stances.fullmatch(word)
                    or RE_COMPLEMENT_TAKER.match(word))

    def _leading_subject(self, plain: str, sentence: Sentence, mentions: list[Mention]) -> Mention | None:
        """The actor that opens a sentence and is followed by a verb ("Trump continues to ...")."""
        opening = 0
        mentions = [m for m in mentions if sentence.start <= m.start < sentence.end]
        condition = RE_CONDITION_OPENING.match(plain[sentence.start:sentence.end])
        if condition:
            mentions = [m for m in mentions if m.start >= sentence.start + condition.end()]
        dateline = RE_DATELINE.match(plain[sentence.start:sentence.start + 80])
        if dateline and re.search(r"[A-Z]{3,}", dateline.group()):
            opening = dateline.end()
        introduction = RE_INTRODUCTION.match(plain[sentence.start + opening:sentence.start + opening + 100])
        if introduction:
            opening += introduction.end()   # "In his evening address on Thursday, he called ..."
            # A name inside the introduction is not the subject: "In an address from the White House, Trump ..."
            mentions = [m for m in mentions if m.start >= sentence.start + opening] or mentions
        for mention in mentions[:1]:
            # "Waller and Bowman dissented": the verb follows the last of the joint subject.
            last = self._joint_subject(plain, mentions, 0)[-1] if len(mentions) > 1 else mention
            following = plain[last.end:last.end + 140]
            owned = RE_OWN_VOICE.match(following) or (   # "Russia's delegation handed over a memorandum"
                RE_BODY_OF.match(following) if self._kind.get(mention.actor) in ("organization", "group") else None)
            acts = _verb_after_subject(following[owned.end():] if owned else following) or \
                RE_POSSESSED_ACT.match(following)   # "Germany's partial halt on arms exports remains in force"
            if mention.actor and mention.kind != "first_person" and mention.start - sentence.start - opening <= 30 \
                    and acts and not _governed_by_preposition(plain, mention.start):
                return mention
        return None

    def _agent(self, plain: str, mentions: list[Mention]) -> Mention | None:
        """The actor behind an act named without a subject: "on Trump's orders", "by Moscow"."""
        for mention in mentions:
            if not mention.actor:
                continue
            if RE_AGENT_AFTER.match(plain[mention.end:mention.end + 30]) or \
                    RE_PASSIVE_BEFORE.search(plain[max(0, mention.start - 40):mention.start]):
                return mention
        return None

    def _unnamed_source(self, segment: str) -> str:
        if self.lexicon.polls.search(segment):
            return "poll"
        if self.lexicon.anonymous_sources.search(segment):
            return "sources"
        return ""


def _phrase_regex(phrases: list[str], flags: int) -> re.Pattern | None:
    """Names and roles as one pattern (a trie, see `compile_phrases`), matched as whole words."""
    phrases = sorted({normalize(p) for p in phrases if p.strip()})
    if not phrases:
        return None
    # Braces would read as alternatives in the lexicon's phrase syntax; names never need them.
    return compile_phrases([p.replace("{", "(").replace("}", ")") for p in phrases], flags, before=r"(?<![\w-])")


def _starting_in(mentions: list[Mention], start: int, end: int) -> list[Mention]:
    """The mentions that start in [start, end), found by bisection: a document's mentions are in
    text order (`find_mentions`), and a pass over all of them for every clause adds up."""
    return mentions[bisect.bisect_left(mentions, start, key=_start_of):bisect.bisect_left(mentions, end, key=_start_of)]


def _start_of(mention: Mention) -> int:
    return mention.start


def _sentence_at(sentences: list[Sentence], position: int) -> Sentence | None:
    low, high = 0, len(sentences) - 1
    while low <= high:
        middle = (low + high) // 2
        sentence = sentences[middle]
        if position < sentence.start:
            high = middle - 1
        elif position >= sentence.end:
            low = middle + 1
        else:
            return sentence
    return None


def _starts_paragraph(plain: str, quote: Quote) -> bool:
    line_start = plain.rfind("\n", 0, quote.start) + 1
    return not plain[line_start:quote.start].strip()


def _quote_words(plain: str, quote: Quote) -> int:
    return len(plain[quote.start:quote.end].split())


def _verb_after_subject(following: str) -> re.Match | None:
    """The verb after a subject's (last) name, if one follows: at once ("Trump had written"),
    or past names of others joined to it that the actor list does not hold ("Britain, Canada
    and Australia recognised"), an aside in commas and a word of acting jointly ("Waller and
    Bowman, who broke ranks in July, both voted")."""
    found = RE_VERB_AFTER.match(following)
    if found:
        return found
    joined = RE_UNLISTED_PARTNERS.match(following)
    if joined:
        following = following[joined.end():]
    aside = RE_ASIDE.match(following)
    rest = following[aside.end():] if aside else following
    adverb = RE_SUBJECT_ADVERB.match(rest)
    return RE_VERB_AFTER.match((aside.group() if aside else "") + rest[adverb.end():] if adverb else following)


def _governed_by_preposition(plain: str, start: int) -> bool:
    """Whether a preposition ("talks with", "told the") governs the name starting at `start`,
    within its paragraph."""
    before = plain[max(0, start - PREPOSITION_REACH):start]
    blank = None
    for blank in RE_BLANK_LINE.finditer(before):
        pass
    return bool(RE_PREPOSITION_BEFORE.search(before[blank.end():] if blank else before))
