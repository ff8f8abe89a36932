"""Questions answered as asked (issue 15, round 29): a count whose noun stands apart from every
number; a role asked of a part of an organisation (its committee); a sign found on oneself, or a
relative's care decision; a year put before the thing asked ("the 2031 zorfest summit") or after
"and"; "pourquoi la ..." is no "pourquoi là"; where the organisations of a kind are ("where are
the cardiology institutes?"); a why-question answered by one point without a cause quotes the
sentences around it. Made-up organisations, shapes only."""

from __future__ import annotations

import pytest

from assistant.answer.compose_explain import compose_explain
from assistant.answer.counted_thing import counts_asked
from assistant.answer.evidence import Evidence, EvidenceReport
from assistant.answer.organisations import from_passages
from assistant.answer.partners import PartnerFit
from assistant.answer.question_kind import QuestionKind, classify
from assistant.answer.role_said import part_asked, part_phrase
from assistant.answer.time_asked import unspoken_year
from assistant.answer.value_kinds import asked_value
from assistant.retrieval.passage import Passage
from assistant.services.directory_answers import directory_answer

SCHOOLS = (
    "The Zor Institute, devoted to cancer patients; as well as nine universities, two "
    "teacher-training colleges, and multiple schools of engineering all form part of it."
)


def test_a_count_needs_a_number_beside_its_noun() -> None:
    question = "how many schools of engineering are part of it?"
    assert not counts_asked(question, SCHOOLS, "schools of engineering")
    assert counts_asked("how many universities are part of it?", SCHOOLS, "universities")
    members = "we currently have over 400 members and we plan to double this number"
    assert counts_asked("how many members does Zorvia have?", members, "members")


def test_a_role_of_a_part_names_the_part() -> None:
    asked = "Who is the president of Zorvia's scientific committee?"
    assert "committe" in part_asked(asked, ["Zorvia"])
    assert part_asked("qui préside le comité scientifique de Zorvia ?", ["Zorvia"])
    assert not part_asked("who is the president of Zorvia?", ["Zorvia"])
    assert not part_asked("who heads the Zor Lab?", ["Zor Lab"])  # the lab is its name
    # the part said by its own words: "head of clinical operations" is the department's
    phrase = part_phrase("who heads Zorvia's clinical operations department?", ["Zorvia"])
    assert {"clinic", "oper"} <= phrase or {"clinical", "operations"} & phrase
    assert "presid" not in part_phrase("qui préside le comité scientifique de Zorvia ?", ["Zorvia"])


@pytest.mark.parametrize(
    "question",
    [
        "I found a lump in my breast. Given Zorvia's expertise, can you tell me whether it's "
        "malignant?",
        "My mother is tired after chemotherapy. Based on what Zorapp monitors, should she skip "
        "her next session?",
        "mon père est fatigué, doit-il arrêter son traitement ?",
    ],
)
def test_ones_own_care_is_out_of_scope(question: str) -> None:
    assert classify(question) == QuestionKind.OUT_OF_SCOPE


@pytest.mark.parametrize(
    "question",
    [
        "Is Zorvia serious about AI?",
        "should Zorvia continue its program?",
        "Is it serious that companies go abroad for clinical trials?",
        "La concurrence américaine, c'est grave pour Zorvia ?",
        "Should they keep the therapy trials in France instead of going abroad?",
    ],
)
def test_questions_about_organisations_are_no_care(question: str) -> None:
    assert classify(question) != QuestionKind.OUT_OF_SCOPE


def test_a_year_put_before_the_thing_or_after_and_is_asked() -> None:
    known = {"2018"}
    assert unspoken_year("where is the 2031 zorfest summit taking place?", known) == "2031"
    assert unspoken_year("and 2031?", known) == "2031"
    assert unspoken_year("where is the 2018 zorfest summit taking place?", known) == ""


def test_pourquoi_la_is_the_article_not_there() -> None:
    assert asked_value("Pourquoi la moitié des unités de Zorvia sont-elles à Paris ?") != "reason"
    assert asked_value("pourquoi là ?") == "reason"


def _row(name: str, kind: str, city: str, domain: str) -> Passage:
    meta = {"title": name, "kind": kind, "city": city, "domains": domain}
    meta |= {"doc_id": f"dir#{name.lower()}", "departement": "91", "parents": ""}
    return Passage(f"p-{name}", f"{name} is a {kind} in {city}.", meta, 0.0)


ROWS = [
    _row("Zorcube", "incubator", "Orsay", "e-health"),
    _row("Zornest", "incubator", "Évry", "biotech"),
    _row("Zorcardio", "research-institute", "Villejuif", "cardiology"),
    _row("Zorneuro", "research-institute", "Palaiseau", "neurology"),
]


class FieldFinder:
    """The ranking's part: the organisations whose domain the description names."""

    def partners(self, description: str, k: int) -> list[PartnerFit]:
        orgs = from_passages(ROWS)
        return [
            PartnerFit(o.label, o.kind, o.city, o.doc_id, 1.0, "")
            for o in orgs
            if any(d in description for d in o.domains)
        ][:k]


def _where(question: str) -> str:
    orgs = from_passages(ROWS)
    return directory_answer(question, question, QuestionKind.LOCATE, "en", [], orgs, FieldFinder())


def test_where_the_organisations_of_a_kind_are() -> None:
    answer = _where("where are the incubators?")
    assert "Orsay: Zorcube" in answer and "Évry: Zornest" in answer
    assert "Zorcardio" not in answer
    french = _where("où sont les incubateurs ?")
    assert "Zorcube" in french and "Zornest" in french


def test_where_the_organisations_of_a_kind_in_a_field_are() -> None:
    answer = _where("where are the cardiology institutes?")
    assert "Villejuif: Zorcardio" in answer
    assert "Zorneuro" not in answer
    everyone = _where("where are the institutes?")  # no field: every institute
    assert "Zorcardio" in everyone and "Zorneuro" in everyone
    # of a place: that place's (not every town); a part of them: the passages'
    assert "Zorneuro" not in _where("where are the institutes in Villejuif?")
    assert _where("where are the institutes' labs?") == ""


def test_where_a_kind_is_when_one_has_no_known_town_is_the_passages() -> None:
    orgs = from_passages([*ROWS, _row("Zorfloat", "incubator", "", "biotech")])
    question = "where are the incubators?"
    assert directory_answer(question, question, QuestionKind.LOCATE, "en", [], orgs, None) == ""


def test_a_why_answered_by_one_point_without_cause_quotes_its_paragraph() -> None:
    """The reason often stands beside what the point says ("However, it is essential to ... .
    We do not aim to ..."): the sentences around it in its paragraph join the answer."""
    reason = "However, it is essential to find an equilibrium between ethics and efficiency."
    point = "We do not aim to have the Zorland position, where winning at all costs counts."
    later = "Zorvia also runs a summit every spring."
    evidence = [Evidence(1, 1, point, 0.9, 0.9, 0.5), Evidence(1, 0, reason, 0.2, 0.2, 0.1)]
    report = EvidenceReport("en", evidence, {1: [reason, point, later]}, answerable=True)
    report.paragraphs = {1: [0, 0, 1]}  # the third sentence opens another paragraph
    answer = compose_explain(report, "Why doesn't Zorvia want the Zorland position?")
    assert "equilibrium" in answer and "summit" not in answer
    assert "equilibrium" not in compose_explain(report, "What is the Zorland position?")
