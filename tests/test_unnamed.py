"""The members of a group the sources mention without naming any ("which European clusters are
part of the agreement?" of "an agreement with a few European clusters") are declined with that
sentence; a group whose sentence, the one after it or a sentence as good names members of the
kind asked is answered. Made-up organisations: no rule is about one question."""

from __future__ import annotations

import pytest
from fakes import directory_entry

from assistant.answer.counted import counted_group
from assistant.answer.evidence import Evidence, EvidenceReport
from assistant.answer.messages import DECLINE
from assistant.answer.organisations import from_passages
from assistant.answer.unnamed import asked_group, unnamed_decline
from ingest.store.text import tokenize

ORGS = from_passages(
    [
        directory_entry("Biomedix", "cluster", "Lyon"),
        directory_entry("Kardiolib", "e-health start-up", "Paris"),
    ]
)
AGREEMENT = "We have an agreement with a few high-level European clusters to build a network."
NAMED = "The clusters of that agreement include Biomedix in Lyon."
AFTER = "Biomedix leads it."


def report(*sentences: tuple[str, float]) -> EvidenceReport:
    """One passage of the sentences, each with its score, in this order."""
    evidence = [Evidence(1, i, s, score, 0.8, 0.5) for i, (s, score) in enumerate(sentences)]
    made = EvidenceReport("en", evidence, {1: [s for s, _ in sentences]})
    made.weights = {"european": 2.0, "cluster": 1.0, "agreement": 2.0}
    made.answerable = True
    return made


@pytest.mark.parametrize(
    ("message", "noun"),
    [
        ("Which European clusters are part of the agreement?", "clusters"),
        ("Can you name the nine universities of the region?", "universities"),
        ("Apart from Sanofi, which industry leaders are behind it?", "leaders"),
        ("quels pôles sont dans cet accord ?", "pôles"),
        ("quelles sont les neuf universités dont vous parlez ?", "universités"),
        ("which are the clusters of the agreement?", "clusters"),
        # any group asked again by the number it is counted by
        ("can u list the 52 foreign investment projects in health from 2016", "projects"),
        ("what were the 12 pilot sites?", "sites"),
        ("quelles sont les trois priorités de la région ?", "priorités"),
        ("what are the previous editions?", ""),  # no number: not a counted group
        ("what were the 2016 results?", ""),  # a year is no count
        ("what are the names of the nine universities in the region?", "universities"),
        ("les noms des neuf universités ?", "universités"),
        ("what is the name of the hospital group?", ""),  # one name, no group's members
        ("give me the 52 projects", "projects"),
        ("donne-moi les neuf universités", "universités"),
        ("c'est quoi les neuf universités de la région ?", "universités"),
        # by a possessive's count, by "which" and the count, by "which of ... are the four"
        ("What are the names of Kardiolib's four clinical centres?", "centres"),
        ("Which four research bodies are among the world's 15 most innovative?", "bodies"),
        ("which of the worlds 15 most innovative bodies are the four in the region?", "bodies"),
        ("c'est quoi les universités dont vous parlez ?", "universités"),
        ("tell me the story", ""),
        ("Who runs Medicen?", ""),  # a person, no group's members
        ("What does the agreement cover?", ""),
        ("What funding do incubators offer to foreign startups?", ""),  # asked of them
        # a counted group told, then its names asked
        (
            "I'd like to reach the nine universities of the region, what are their names?",
            "universities",
        ),
        ("the nine universities are great, what are their strengths?", ""),
        # the group counted in the message, then its members asked bare
        (
            "You say 4 of the world's 15 most innovative research bodies are here. Which four?",
            "bodies",
        ),
        (
            "the article says nine universities are in the region - which ones exactly?",
            "universities",
        ),
        ("Kardiolib a deux partenaires, lesquels ?", "partenaires"),
        ("You say four research bodies are here - which four are they?", "bodies"),
        ("which ones?", ""),  # nothing counted before
        # "which N of ...", the list of a counted group
        (
            "which 4 of the world's 15 most innovative research organisations are here?",
            "organisations",
        ),
        ("tu peux me donner la liste des neuf universites de la region ?", "universites"),
        ("la liste des pôles de compétitivité ?", ""),  # no count: the directory's kind
        ("We have three questions. Which four?", ""),  # questions are no group of organisations
    ],
)
def test_the_group_whose_members_are_asked_by_name(message: str, noun: str) -> None:
    assert asked_group(message) == noun


def test_a_group_mentioned_by_a_quantifier_only_is_declined_with_its_sentence() -> None:
    asked = "Which European clusters are part of the agreement?"
    said = unnamed_decline(asked, "", "en", report((AGREEMENT, 0.95), ("Other text.", 0.3)), ORGS)
    assert said is not None and said.startswith(DECLINE["en"])
    assert f"{AGREEMENT} [1]" in said
    assert said.split(DECLINE["en"])[1].strip().startswith("They mention them without naming")


@pytest.mark.parametrize(
    "sentences",
    [
        ((AGREEMENT, 0.95), (NAMED, 0.9)),  # a sentence nearly as good names one of them
        ((AGREEMENT, 0.95), (AFTER, 0.2)),  # the sentence after it names one
        ((NAMED, 0.95), (AGREEMENT, 0.5)),  # the group's best sentence names one
    ],
)
def test_a_group_the_sources_name_members_of_is_answered(
    sentences: tuple[tuple[str, float], ...],
) -> None:
    asked = "Which European clusters are part of the agreement?"
    assert unnamed_decline(asked, "", "en", report(*sentences), ORGS) is None


def test_a_group_below_a_sentence_naming_none_of_its_kind_is_declined() -> None:
    """The answer's first sentence names no cluster (a start-up): the group's sentence below it is
    what the question is about; one that names a cluster is an answer."""
    asked = "Which European clusters are part of the agreement?"
    startup = "Kardiolib is a start-up of the region."
    said = unnamed_decline(asked, "", "en", report((startup, 0.6), (AGREEMENT, 0.2)), ORGS)
    assert said is not None and f"{AGREEMENT} [1]" in said
    named = "Biomedix is a cluster of the region."
    assert unnamed_decline(asked, "", "en", report((named, 0.6), (AGREEMENT, 0.2)), ORGS) is None


def test_the_full_list_of_a_group_named_in_part_is_declined_with_the_members_named() -> None:
    counted = "In all, there are 40 clusters, including Biomedix."
    asked = "Can you give me the full list of the 40 clusters, not just the big names?"
    assert asked_group(asked) == "clusters"
    said = unnamed_decline(asked, "", "en", report((counted, 0.9), ("Big names help.", 0.85)), ORGS)
    assert said is not None and "only Biomedix" in said and f"{counted} [1]" in said
    # the group asked plainly: the members it names are the answer
    plain = "which are the 40 clusters?"
    assert unnamed_decline(plain, "", "en", report((counted, 0.9)), ORGS) is None
    # its owner named before the count is no member: they are not named
    owned = "Biomedix, with its 40 clusters, leads."
    full = "the full list of the 40 clusters?"
    said = unnamed_decline(full, "", "en", report((owned, 0.9)), ORGS)
    assert said is not None and "without naming" in said


def test_a_name_of_another_kind_is_no_member_and_a_mere_mention_is_no_group() -> None:
    asked = "Which European clusters are part of the agreement?"
    other_kind = "Kardiolib joined later."
    assert unnamed_decline(asked, "", "en", report((AGREEMENT, 0.95), (other_kind, 0.9)), ORGS)
    # the clusters named without a quantifier: no group counted unnamed
    plain = "We have an agreement with European clusters to build a network."
    assert unnamed_decline(asked, "", "en", report((plain, 0.95)), ORGS) is None


def test_a_group_of_a_kind_the_directory_lacks_counts_members_by_their_name() -> None:
    """ "Can you name the nine universities?" of "Biomedix; the Kardiolib institute ... as well as
    nine universities": no name there says it is a university (the directory has no such
    kind); "Lyon University" would."""
    orgs = from_passages(
        [
            directory_entry("Biomedix", "cluster", "Lyon"),
            directory_entry("Lyon University", "public research", "Lyon"),
        ]
    )
    asked = "Can you name the nine universities of the region?"
    listed = "Biomedix; the Kardiolib institute, as well as nine universities, form the landscape."
    named = "Biomedix and Lyon University, among nine universities, form the landscape."
    reports = [report((sentence, 0.95), ("Other text.", 0.3)) for sentence in (listed, named)]
    for made in reports:
        made.weights = {"universit": 3.0, "nine": 1.0, "name": 0.5}
    declined = unnamed_decline(asked, "", "en", reports[0], orgs)
    assert declined is not None and declined.startswith(DECLINE["en"])
    assert unnamed_decline(asked, "", "en", reports[1], orgs) is None


def test_a_group_a_name_does_not_carry_counts_any_organisation() -> None:
    """ "Which leaders ...?": Biomedix, named beside "other leaders", is one of them."""
    asked = "Which leaders promote the challenge?"
    said = "Biomedix and several other leaders promote the challenge."
    made = report((said, 0.95), ("Other text.", 0.3))
    made.weights = {"leader": 3.0, "promot": 1.0, "challeng": 2.0}
    assert unnamed_decline(asked, "", "en", made, ORGS) is None


COUNTED = "In 2016, there were 52 job-creating foreign investment projects in the health industry."


@pytest.mark.parametrize(
    ("sentence", "declined"),
    [
        (COUNTED, True),  # counted, never named
        ("Its strategy rests on three pillars (promoting, structuring and animating).", False),
        ("Its strategy rests on three pillars: promoting, structuring and animating.", False),
        ("Its strategy rests on three pillars, namely promoting and structuring.", False),
        ("It combines these three pillars.", False),  # named in the sentences before
    ],
)
def test_a_group_of_things_asked_by_its_number_needs_a_sentence_that_names_them(
    sentence: str, declined: bool
) -> None:
    """ "What were the 52 projects?" of a sentence that only counts them is declined; "what are
    the three pillars?" of one that goes on to name them is not, whatever the group's noun."""
    noun = "projects" if sentence == COUNTED else "pillars"
    asked = f"what were the {52 if noun == 'projects' else 'three'} {noun}?"
    made = report((sentence, 0.95), ("Other text.", 0.3))
    made.weights = {"project": 2.0, "pillar": 2.0, "52": 3.0, "three": 1.0}
    said = unnamed_decline(asked, "", "en", made, ORGS)
    assert (said is not None and said.startswith(DECLINE["en"])) is declined


def test_a_group_counted_in_other_words_or_followed_by_another_topic_is_declined() -> None:
    """The group asked in French or in British spelling is the one the English sentence counts
    ("hôpitaux": "hospitals", "centres": "centers"); a next sentence that takes up the topic but
    names no organisation ("this time, the Paris Region ...") names none of them."""
    centres = "Kardiolib is home to four clinical centers, which ran 3100 projects in 2016."
    other = "Another way in which the Paris Region leads, this time, is in hosting labs."
    weights = {"clinic": 2.0, "centr": 2.0, "center": 2.0, "hospit": 2.0, "kardiolib": 1.0}
    asked = "What are the names of Kardiolib's four clinical centres?"
    for after in ("This time the region leads in Europe.", other):
        made = report((centres, 0.95), (after, 0.9))
        made.weights = weights
        assert unnamed_decline(asked, "Kardiolib", "en", made, ORGS)
    hospitals = "Kardiolib runs 39 hospitals and four clinical centers."
    french = "Dans quels hôpitaux de Kardiolib se trouvent les centres ?"
    made = report((hospitals, 0.95), ("Other text.", 0.3))
    made.weights = weights
    assert unnamed_decline(french, "Kardiolib", "fr", made, ORGS)


def test_a_group_counted_by_a_sentence_nearly_as_good_as_the_best_is_declined() -> None:
    """ "on behalf of all the members" counts none; "over 400 members", as good, does."""
    best = ("We speak in Brussels on behalf of all the members.", 0.95)
    counted = ("We currently have over 400 members.", 0.93)
    asked = "Can you list the members?"
    both = report(best, counted)
    both.weights = {"member": 1.0, "list": 0.5}
    said = unnamed_decline(asked, "", "en", both, ORGS)
    assert said is not None and f"{counted[0]} [1]" in said
    # a sentence as good that names an organisation may be the answer: not declined
    named = report(best, ("Members include Biomedix in Lyon.", 0.94), counted)
    named.weights = both.weights
    assert unnamed_decline(asked, "", "en", named, ORGS) is None


def test_a_kind_of_the_directory_asked_plainly_is_listed_not_declined() -> None:
    """ "name the clusters in the region" of "three of the best clusters in the world are in the
    region": the directory lists its clusters; "which three ...?" asks for that group."""
    sentence = "Three of the best clusters in the world are in the region."
    plain = report((sentence, 0.95))
    plain.weights = {t: 1.0 for t in tokenize("name clusters region")}
    assert unnamed_decline("Name the clusters in the region", "", "en", plain, ORGS) is None
    group = report((sentence, 0.95))
    group.weights = {t: 1.0 for t in tokenize("three clusters world best")}
    said = unnamed_decline("Which three clusters are the best?", "", "en", group, ORGS)
    assert said is not None and said.startswith(DECLINE["en"])
    assert unnamed_decline("Which clusters are those?", "", "en", plain, ORGS) is not None


@pytest.mark.parametrize(
    ("question", "answer", "restated"),
    [
        # a bare "which" after an answer that counts a group: that group, asked by name
        (
            "Which four?",
            "Yes, and four of the world's 15 most innovative research bodies are in the region.",
            "Which four innovative research bodies?",
        ),
        (
            "which ones exactly?",
            "Medicen has an agreement with a few high-level European clusters to build it. [1]",
            "Which high-level European clusters?",
        ),
        ("et lesquels ?", "Medicen a signé avec plusieurs pôles européens. [1]", "Quels pôles"),
        # no count: the kind of organisation the answer names
        (
            "which ones?",
            "Yes. Business clusters encourage cooperation. [1]",
            "Which Business clusters?",
        ),
        # the answer names what it counted; "what" asks no members
        ("which ones?", "It counted three start-ups, including Doctolib. [1]", ""),
        ("what exactly?", "Medicen leads the other five clusters. [1]", ""),
        # not a bare "which", or nothing counted
        ("which four are in Paris?", "Four research bodies are in the region.", ""),
        ("Which four?", "Half of all research is done there.", ""),
        # the rest of a group named in part: the others, by name
        (
            "what were the other two?",
            "It counted three French start-ups among the best, including Doctolib. [1]",
            "Which other French start-ups?",
        ),
        (
            "et les deux autres c'est lesquelles ?",
            "It counted three French start-ups among the best, including Doctolib. [1]",
            "Quels autres French start-ups?",
        ),
        ("what were the other two?", "Half of all research is done there.", ""),
        # the members asked by the count alone: "can you list the nine?"
        (
            "can u list the nine?",
            "Nine universities, alongside two teacher-training colleges, are in the region. [1]",
            "Which nine universities?",
        ),
        (
            "please name the four",
            "Yes, and four of the world's 15 most innovative research bodies are in the region.",
            "Which four innovative research bodies?",
        ),
        ("can you list the nine?", "Half of all research is done there.", ""),
        # the counted noun asked again ("which clusters are those?"), not another noun
        (
            "Which clusters are those?",
            "Medicen has an agreement with a few high-level European clusters to build it. [1]",
            "Which high-level European clusters?",
        ),
        (
            "Which clusters are those exactly?",
            "Medicen has an agreement with a few high-level European clusters to build it. [1]",
            "Which high-level European clusters?",
        ),
        (
            "which hospitals are those?",
            "Medicen has an agreement with a few high-level European clusters to build it. [1]",
            "",
        ),
    ],
)
def test_a_bare_which_after_a_count_asks_the_group_by_name(
    question: str, answer: str, restated: str
) -> None:
    found = counted_group(question, answer)
    assert found.startswith(restated) if restated else found == ""
    assert not restated or asked_group(found)  # what ``unnamed_decline`` then reads
