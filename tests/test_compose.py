"""Fast tests of question kinds and the compositions per kind, on hand-made evidence."""

from __future__ import annotations

from pathlib import Path

import pytest
from fakes import FakeBackend

from assistant.answer.compose import (
    ExtractiveComposer,
    GenerativeComposer,
    build_composer,
    compose,
)
from assistant.answer.compose_explain import compose_explain
from assistant.answer.compose_fact import compose_fact, shorten
from assistant.answer.condense import Turn, condense
from assistant.answer.evidence import Evidence, EvidenceReport
from assistant.answer.focus import refocus
from assistant.answer.help import help_reply
from assistant.answer.labels import domain_label
from assistant.answer.organisations import from_passages, members, named_in
from assistant.answer.question_kind import QuestionKind, classify
from assistant.answer.questions import answer_type_fits
from assistant.answer.request import NOT_FOUND, GenerationRequest
from assistant.answer.spans import answer_span
from assistant.app.container import Container
from assistant.backends import build_backend
from assistant.retrieval.passage import Passage
from ingest.directory.org_kinds import kind_label
from ingest.settings import Settings
from ingest.store.text import split_sentences


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Who is the CEO of Medicen?", QuestionKind.FACT),
        ("Qui dirige Medicen ?", QuestionKind.FACT),
        ("How many hospitals does AP-HP have?", QuestionKind.FACT),
        ("Combien d'hôpitaux compte l'AP-HP ?", QuestionKind.FACT),
        ("Which incubators support health start-ups?", QuestionKind.LIST),
        ("Quels incubateurs soutiennent les start-up ?", QuestionKind.LIST),
        ("Name the pharmaceutical groups in the region.", QuestionKind.LIST),
        ("Compare Medicen and Cap Digital", QuestionKind.COMPARE),
        ("Quelle est la différence entre le CEA et l'Inserm ?", QuestionKind.COMPARE),
        ("Why put our R&D centre in the Paris Region?", QuestionKind.EXPLAIN),
        ("Pourquoi s'implanter en Île-de-France ?", QuestionKind.EXPLAIN),
        ("Hello! What can you help me with?", QuestionKind.HELP),
        ("Bonjour, que pouvez-vous faire ?", QuestionKind.HELP),
        ("Thanks!", QuestionKind.HELP),
        ("Hi, who is the CEO of Medicen?", QuestionKind.FACT),
        ("What is the weather in Paris today?", QuestionKind.OUT_OF_SCOPE),
    ],
)
def test_question_kinds(question: str, kind: QuestionKind) -> None:
    assert classify(question) == kind


def ev(n: int, position: int, sentence: str, score: float) -> Evidence:
    return Evidence(n, position, sentence, score, score, 0.5)


def report(*evidence: Evidence, language: str = "en") -> EvidenceReport:
    sentences: dict[int, list[str]] = {}
    for e in evidence:
        sentences.setdefault(e.n, []).append(e.sentence)
    return EvidenceReport(language, list(evidence), sentences, answerable=True)


CEO = "Stéphane Roques, CEO of Medicen, the health care cluster for the Paris region, speaks."
VISION = "My vision, based on collaboration and ambition, is the reason why I am here."


def test_fact_comes_first_once_with_one_supporting_sentence() -> None:
    r = report(
        ev(1, 0, CEO, 0.8), ev(2, 0, CEO, 0.79), ev(1, 1, VISION, 0.78), ev(3, 0, "x y", 0.5)
    )
    composed = compose_fact(r, "Who is the CEO of Medicen?")
    assert composed.text.startswith("Stéphane Roques, CEO of Medicen")
    assert composed.text.count("Stéphane Roques") == 1  # never the same sentence twice
    assert composed.text.count("[") == 2 and composed.span == "Stéphane Roques"


def test_long_sentence_is_cut_to_the_clause_that_answers() -> None:
    sentence = (
        "Medicen is considered France's leading healthcare cluster in many fields of care; "
        "it has over 400 members and plans to double them within four years, which is a lot; "
        "the cluster also promotes the region abroad to attract researchers and investors."
    )
    cut = shorten(sentence, "How many members does Medicen have?", limit=120)
    assert "400 members" in cut and len(cut) <= 121 and "…" in cut


def test_a_long_sentence_is_cut_to_the_clause_of_the_role_asked() -> None:
    sentence = (
        "Its CEO Stéphane Roques was appointed in 2018 to lead the cluster; its president "
        "Christian Lajoux calls clusters catalysts and integrators of the whole ecosystem."
    )
    # no word of the question in either clause: the role asked chooses, not the shorter
    president = shorten(sentence, "Who chairs Medicen?", limit=100)
    assert "Christian Lajoux" in president and "Roques" not in president
    assert "Stéphane Roques" in shorten(sentence, "Who is the CEO of Medicen?", limit=100)


def test_several_asked_for_the_clauses_that_hold_each_one() -> None:
    sentence = (
        "The CNRS; the Pasteur Institute, a foundation that treats infectious diseases; the Curie "
        "Institute, a leader in the fight against cancer; the Gustave Roussy Institute, an "
        "expertise cluster devoted to cancer patients; and nine universities."
    )
    cut = shorten(sentence, "which of those work on cancer specifically?", limit=170)
    assert "Curie" in cut and "Gustave Roussy" in cut
    # one asked for: the shortest clause that holds it
    one = shorten(sentence, "Which institute works on cancer?", limit=170)
    assert "Curie" in one and "Gustave Roussy" not in one


def test_a_point_of_an_explanation_is_what_is_said_not_who_says_it() -> None:
    sentence = (
        "Christian Lajoux, President of Medicen Paris Region, confirms: “The work going on in "
        "Île-de-France in oncology, cardiology and neurology is among the most advanced in the "
        "world“."
    )
    asked = "which fields is research strongest in according to medicen's president"
    assert shorten(sentence, asked, 120).endswith("confirms…")  # a fact: who speaks may answer
    said = shorten(sentence, asked, 120, said=True)
    assert "oncology" in said and "confirms" not in said


def test_answer_spans() -> None:
    assert answer_span("How many hospitals?", "AP-HP, with its 39 hospitals [1]") == "39"
    assert answer_span("When is it?", "Come March 15 and 16, 2018 at the Palais [1]").startswith(
        "March 15"
    )
    assert answer_span("Where did Sanofi open it?", "Sanofi opened it in Gentilly. [1]") == (
        "Gentilly"
    )
    assert answer_span("Who is the CEO?", "Our goal is in Paris [1]") == ""
    # the name the question says, hyphens as spaces, is not who answers
    founded = "The Health Lab Val-de-Marne, founded by the CCI Val-de-Marne, hosts start-ups. [1]"
    assert answer_span("who set up the health lab val de marne?", founded) == "CCI Val-de-Marne"
    # a later name the question's words stand clearly more with, else the first new one
    hub = "It is a project with Cap Digital, led and launched by firms (OncoDesign, Servier). [1]"
    assert answer_span("who led and launched the hub?", hub) == "OncoDesign"
    assert answer_span("who is it a project with?", hub) == "Cap Digital"
    institutes = (
        "The CNRS; the Pasteur Institute, a foundation for infectious diseases; the Curie "
        "Institute, a leader in the fight against cancer; the Gustave Roussy Institute, an "
        "expertise cluster devoted to cancer patients. [1]"
    )
    asked = "who is the leader in the fight against cancer?"
    assert answer_span(asked, institutes) == "Curie Institute"
    said = (
        "“We chose France for the skills of its doctors,” says Frédérique Fauduet, head of "
        "clinical operations in France for the company Pharm-Olam. [1]"
    )
    assert answer_span("who said they chose france for its doctors?", said) == "Frédérique Fauduet"


def test_a_bracketed_list_is_never_cut() -> None:
    sentence = (
        "It is a collaborative project with Cap Digital, a Paris-based cluster in the digital "
        "tech space, The aim of this project, led and launched by three companies (OncoDesign, "
        "Intersystem and Servier) is to develop a virtual platform for the whole industry."
    )
    cut = shorten(sentence, "who led and launched the hub?", limit=150, commas=True)
    assert "(OncoDesign, Intersystem and Servier)" in cut and "Cap Digital" not in cut


def test_a_french_question_finds_its_span_and_clause_in_an_english_sentence() -> None:
    sentence = (
        "The network, with its 12 hospitals and 900 nurses, runs three trial units, "
        "which carried out 450 projects in 2019 and many more studies in the years after."
    )
    asked = "Combien de projets les unités ont-elles réalisés en 2019 ?"
    assert answer_span(asked, sentence) == "450"  # the counted thing, translated
    assert answer_span("Combien d'hôpitaux compte le réseau ?", sentence) == "12"
    cut = shorten(sentence, asked, limit=100, commas=True)
    assert "450 projects" in cut and "…" in cut


def test_explain_gives_distinct_points_strongest_first() -> None:
    r = report(
        ev(1, 0, "Half of all life sciences research in France is done here.", 0.8),
        ev(2, 0, "Half of all life sciences research in France is done here.", 0.8),
        ev(1, 1, "Paris Region has the largest hospital system in Europe.", 0.75),
        ev(3, 0, "It is the leading European region for pharmaceuticals.", 0.7),
        ev(3, 1, "Nothing to do with it at all.", 0.3),
    )
    text = compose_explain(r, "Why come to the Paris Region?")
    lines = text.splitlines()
    assert 2 <= len(lines) <= 4 and lines[0].startswith("- Half of all")
    assert text.count("Half of all") == 1 and "Nothing to do" not in text


def directory() -> list[Passage]:
    rows = [
        ("Agoranov", "", "incubator", "Paris", "e-health"),
        ("Incuballiance", "", "incubator", "", "e-health"),
        ("Commissariat à l'énergie atomique", "CEA", "research-body", "", "medical imaging"),
        ("NeuroSpin", "", "research-institute", "Gif-sur-Yvette", "neuroimaging;medical imaging"),
        ("Sanofi", "", "pharma-group", "Paris", "pharmaceuticals"),
        ("Medicen Paris Region", "", "cluster", "Paris", "oncology;medical imaging"),
        ("Cap Digital", "", "cluster", "Paris", "e-health"),
    ]
    return [
        Passage(
            f"d{i}",
            f"{name} is a {kind}. Domains: {domains}. {name} is described here.",
            {
                "title": name,
                "acronym": acro,
                "kind": kind,
                "city": city,
                "domains": domains,
                "source_kind": "directory",
                "doc_id": f"org#{i}",
            },
            0.0,
        )
        for i, (name, acro, kind, city, domains) in enumerate(rows)
    ]


def test_list_members_by_kind_and_domain_in_both_languages() -> None:
    orgs = from_passages(directory())
    names = lambda q: [m.organisation.name for m in members(q, orgs)]  # noqa: E731
    assert names("Which incubators support health start-ups?") == ["Agoranov", "Incuballiance"]
    assert names("Quels incubateurs soutiennent les start-up ?") == ["Agoranov", "Incuballiance"]
    imaging = names("Which organisations work on medical imaging?")
    assert {"Commissariat à l'énergie atomique", "NeuroSpin", "Medicen Paris Region"} == set(
        imaging
    )
    assert set(names("Quelles organisations travaillent sur l'imagerie médicale ?")) == set(imaging)
    assert names("Which therapeutic areas are world-class?") == []


def test_list_composition_has_one_cited_bullet_each_and_a_cap() -> None:
    orgs = from_passages(directory())
    found = tuple(members("Which organisations work on medical imaging?", orgs))
    r = report(ev(1, 0, "The CEA runs an imaging platform, with NeuroSpin.", 0.8))
    text = compose(
        "list",
        r,
        "Which organisations?",
        found,
        (),
        {"Medicen Paris Region": 6, "Commissariat à l'énergie atomique": 7, "NeuroSpin": 8},
    )
    bullets = [line for line in text.splitlines() if line.startswith("- ")]
    assert len(bullets) == 3 and "- CEA (research body): medical imaging [7]" not in bullets
    assert "- CEA (research body): medical imaging [1]" in bullets  # cited where named
    assert bullets[-1].startswith("- Medicen Paris Region")  # not named by the passage
    assert all(b.endswith("]") for b in bullets)
    fr = compose("list", report(language="fr"), "Quelles ?", found, (), {"NeuroSpin": 8})
    assert "institut de recherche" in fr and "imagerie médicale" in fr and "[8]" in fr


def test_compare_has_one_block_per_organisation() -> None:
    orgs = from_passages(directory())
    compared = tuple(named_in("Compare Medicen and Cap Digital", orgs))
    assert [o.name for o in compared] == ["Medicen Paris Region", "Cap Digital"]
    r = report(ev(1, 0, "Clusters like Medicen, Cap Digital and Systematic help.", 0.8))
    text = compose(
        "compare",
        r,
        "Compare Medicen and Cap Digital",
        (),
        compared,
        {"Medicen Paris Region": 6, "Cap Digital": 7},
    )
    blocks = text.split("\n\n")[1:]
    assert len(blocks) == 2 and "cluster" in blocks[0] and "[1]" in blocks[0]
    assert "Cap Digital is described here. [7]" in blocks[1]  # not the same sentence twice


def test_decline_when_the_sentence_is_about_another_organisation() -> None:
    orgs = from_passages(directory())
    passages = [Passage("p1", CEO, {"source_kind": "file"}, 1.0)]
    r = report(ev(1, 0, CEO, 0.9))
    assert not refocus(r, "Who is the CEO of Sanofi?", passages, orgs, 0.5).answerable
    assert refocus(r, "Who is the CEO of Medicen?", passages, orgs, 0.5).answerable
    assert not refocus(r, "Who is the president of Medicen?", passages, orgs, 0.5).answerable


def test_a_source_in_the_voice_of_the_organisation_asked_is_about_it() -> None:
    """In an interview of Medicen's CEO, "It is a project with Cap Digital" is Medicen's own
    hub; the same sentence in an article about no one is about Cap Digital."""
    orgs = from_passages(directory())
    hub = "It is a collaborative project with Cap Digital, launched by three companies."
    asked = "who launched medicen's precision medicine hub?"
    r = report(ev(1, 0, hub, 0.9))
    interview = {"source_kind": "file", "title": "Interview: the CEO of Medicen Paris Region"}
    assert refocus(r, asked, [Passage("p1", hub, interview, 1.0)], orgs, 0.5).answerable
    article = {"source_kind": "file", "title": "A healthtech event"}
    assert not refocus(r, asked, [Passage("p1", hub, article, 1.0)], orgs, 0.5).answerable


def test_help_reply_is_not_a_decline() -> None:
    for language, word in (("en", "Try for example"), ("fr", "Essayez")):
        reply = help_reply("Hello", language)
        assert word in reply and reply.count("\n- ") == 5  # the example questions
    assert help_reply("Thanks!", "en").startswith("You're welcome.")


def test_french_labels() -> None:
    assert kind_label("cluster", "fr") == "pôle de compétitivité"
    assert kind_label("research-body", "en") == "research body"
    assert domain_label("medical imaging", "fr") == "imagerie médicale"


def test_sentence_splitting_handles_abbreviations_numbers_and_double_periods() -> None:
    text = (
        "It opens by the end of 2026. Dr. Smith, of St. Mary Inc., leads it, e.g. in oncology. "
        "It costs 3.5 million euros. They arrange synergies. .” By hosting leaders, it helps.."
    )
    assert split_sentences(text) == [
        "It opens by the end of 2026.",
        "Dr. Smith, of St. Mary Inc., leads it, e.g. in oncology.",
        "It costs 3.5 million euros.",
        "They arrange synergies.”",
        "By hosting leaders, it helps.",
    ]


def test_a_question_naming_its_subject_stays_as_it_is() -> None:
    history = [
        Turn("user", "Why do foreign investors struggle to invest in France?"),
        Turn("assistant", "Because of unclear structures [1]."),
    ]
    assert condense("Who runs high-field neuroimaging?", history) == (
        "Who runs high-field neuroimaging?"
    )
    assert condense("Qui dirige Medicen ?", history) == "Qui dirige Medicen ?"
    assert condense("When was he appointed?", history) != "When was he appointed?"
    assert condense("Which ones are in Paris?", history) != "Which ones are in Paris?"


def test_the_app_bolds_the_answer_span_before_the_first_citation() -> None:
    from ui.render import answer_markdown

    html = answer_markdown(
        "Stéphane Roques, CEO of Medicen [1] Stéphane Roques again [1]",
        [],
        True,
        "",
        "Stéphane Roques",
    )
    assert html.count("<strong>Stéphane Roques</strong>") == 1
    assert html.index("<strong>") < html.index("&#91;1&#93;")


def test_an_answer_that_refers_back_follows_what_it_refers_to() -> None:
    cea = (
        "The Region also contains most of the life science activities of the CEA, whose "
        "medical imaging platform in Paris-Saclay is unequaled anywhere else."
    )
    neurospin = "In particular, the NeuroSpin high-field neuroimaging center is one of a kind."
    r = report(ev(1, 0, cea, 0.70), ev(1, 1, neurospin, 0.75))
    r.evidence.sort(key=lambda e: -e.score)
    text = compose_fact(r, "Who runs high-field neuroimaging in the Paris Region?").text
    assert text.index("CEA") < text.index("NeuroSpin") < 150
    assert text.count("[1]") == 2


def test_the_neighbour_of_the_same_paragraph_supports_the_answer() -> None:
    before = "However, it is essential to find an equilibrium between ethics and efficiency."
    answer = "We do not aim to have the Chinese position, where speed at all costs is the priority."
    after = "Medicen enjoys a great position in France and globally."
    r = report(ev(1, 0, before, 0.40), ev(1, 1, answer, 0.55), ev(1, 2, after, 0.45))
    r.evidence.sort(key=lambda e: -e.score)
    r.paragraphs = {1: [0, 0, 1]}
    text = compose_fact(r, "Will Medicen push for speed at any cost, like China?").text
    # a yes/no answer (no answering words to push back) follows what leads to it
    assert text.startswith("However") and text.index("equilibrium") < text.index("We do not")
    assert "great position" not in text
    r.paragraphs = {1: [0, 1, 1]}  # now the sentence after shares its paragraph
    assert "great position" in compose_fact(r, "Will Medicen push for speed, like China?").text


def test_the_answer_is_cut_before_a_second_predicate_around_its_span() -> None:
    sentence = (
        "Medicen is considered France's leading healthcare cluster and has the ambition to "
        "become one of the top 3 regions globally in personalized and translational medicine "
        "by 2022."
    )
    cut = shorten(sentence, "What ranking does Medicen aim for, and by when?", 150, commas=True)
    assert cut.startswith("…has the ambition") and "top 3" in cut and "2022" in cut


def test_by_when_asks_for_a_date_and_a_name_is_no_plural() -> None:
    assert answer_type_fits("What ranking does Medicen aim for, and by when?", "the top 3 by 2022")
    assert not answer_type_fits("What ranking does Medicen aim for, and by when?", "the top 3")
    assert classify("What drew Stéphane Roques to the Medicen job?") == QuestionKind.FACT


def test_a_why_question_leads_with_a_reason_not_the_question_said_back() -> None:
    back = "We clearly need more efficiency within the French ecosystem, in many sectors."
    reason = "We tend to over-structure processes without eradicating previous inefficiencies."
    other = "Our goal is to bring fresh air to make processes simpler."
    r = report(ev(1, 0, back, 0.76), ev(1, 1, reason, 0.70), ev(1, 2, other, 0.68))
    r.weights = {"medicen": 1.0, "want": 3.0, "effici": 3.4, "ecosystem": 2.2, "french": 1.0}
    text = compose_explain(r, "Why does Medicen want more efficiency in the French ecosystem?")
    assert text.startswith("- We tend to over-structure") and "We clearly need" in text
    because = "Investors struggle because of unclear structures in the ecosystem."
    r2 = report(ev(1, 0, other, 0.76), ev(1, 1, because, 0.70))
    r2.weights = r.weights
    assert compose_explain(r2, "Why is the ecosystem hard?").startswith("- Investors struggle")
    # not a why-question: the strongest point stays first
    assert compose_explain(r, "How does Medicen want efficiency?").startswith("- We clearly")


def test_a_list_of_things_leads_with_the_point_naming_its_subject() -> None:
    other = "It is a collaborative project with Cap Digital and numerous companies."
    named = "One could mention the SUMIL project with GE and Philips."
    r = report(ev(1, 0, other, 0.80), ev(2, 0, named, 0.74))
    text = compose_explain(r, "What is the SUMIL project and which companies run it?")
    assert text.startswith("- One could mention the SUMIL") and "Cap Digital" in text
    # the strongest point names the subject too: it stays first
    r2 = report(ev(1, 0, f"SUMIL: {other}", 0.80), ev(2, 0, named, 0.74))
    assert compose_explain(r2, "What is SUMIL?").startswith("- SUMIL: It is")


def test_a_long_answer_announced_by_a_lead_in_is_cut_to_its_statement() -> None:
    long = (
        "Internationally, the region's talent in digital health is well-known: The magazine "
        "Tech Review counted three French start-ups among the most innovative, including Doctolib."
    )
    composed = compose_fact(report(ev(1, 0, long, 0.8)), "Has any been recognised abroad?")
    assert composed.text.startswith("…The magazine Tech Review counted")
    assert composed.text.index("Doctolib") < 150
    short = "In short: The region counts three start-ups among the best."
    assert compose_fact(report(ev(1, 0, short, 0.8)), "Any start-ups?").text.startswith(short)


def test_the_extractive_composition_is_the_pipelines_compose_strategy() -> None:
    """``PARIS_HEALTH_BACKEND=extractive`` names the answering's own compose strategy, not a
    backend: its deltas are the composition's lines, and a backend is never built for it."""
    composer = build_composer(Settings())
    assert isinstance(composer, ExtractiveComposer) and composer.name == "extractive"
    found = tuple(
        members("Which organisations work on medical imaging?", from_passages(directory()))
    )
    r = report(ev(1, 0, "The CEA runs an imaging platform, with NeuroSpin.", 0.8))
    numbers = {"Commissariat à l'énergie atomique": 7, "NeuroSpin": 8}
    request = GenerationRequest("Which organisations?", "en", [], r, "list", found, (), numbers)
    deltas = list(composer.compose(request))
    text = compose("list", r, "Which organisations?", found, (), numbers)
    assert "".join(deltas) == text and len(deltas) == text.count("\n") + 1 > 1  # line by line
    unanswered = GenerationRequest("Who?", "en", [], EvidenceReport("en"))
    assert list(composer.compose(unanswered)) == [NOT_FOUND]
    with pytest.raises(ValueError, match="unknown backend 'nope'; valid: extractive, llamacpp"):
        build_composer(Settings(), "nope")
    with pytest.raises(ValueError, match="unknown generative backend 'extractive'"):
        build_backend(Settings(), "extractive")


def test_a_generative_backend_is_the_other_compose_strategy(tmp_path: Path) -> None:
    """The container composes with the backend it is given (its deltas as they stream, and its
    name on the answer), and extractively by default."""
    backend = FakeBackend()
    app = Container(Settings(data_dir=tmp_path / "data"), backend=backend)
    composer = app.composer
    assert isinstance(composer, GenerativeComposer) and composer.name == "fake"
    shown = [Passage(id="p1", text=CEO, metadata={}, score=1.0)]
    request = GenerationRequest("Who?", "en", shown, report(ev(1, 0, CEO, 0.9)))
    assert list(composer.compose(request)) == [f"{CEO.split('. ')[0]} [1]"]
    assert backend.requests == [request]
    assert isinstance(Container(Settings(data_dir=tmp_path / "d2")).composer, ExtractiveComposer)


def test_the_glossary_reads_french_therapeutic_areas_and_the_regions_abbreviation() -> None:
    from assistant.retrieval.glossary import translate_terms
    from ingest.store.text import tokenize

    english = set(translate_terms(tokenize("domaines thérapeutiques à la pointe en IDF")))
    assert {"therapeut", "lead", "ile-de-fr"} <= english


def test_a_hyphenated_french_term_is_no_key_for_its_parts() -> None:
    """ "e-santé" means e-health; "santé" alone means health, never "digital"."""
    from assistant.retrieval.glossary import translate_terms
    from ingest.store.text import tokenize

    assert "e-health" in translate_terms(tokenize("e-santé"))
    assert not {"digit", "e-health"} & set(translate_terms(tokenize("santé")))


def test_the_glossary_reads_an_investors_french_about_negotiating_with_each_institution() -> None:
    from assistant.retrieval.glossary import translate_terms
    from ingest.store.text import tokenize

    english = set(translate_terms(tokenize("négocier avec chacun séparément")))
    assert {"negoti", "various"} <= english


def test_a_role_is_answered_by_the_name_beside_it() -> None:
    """'Who is the president?' is answered by the name the role's word stands beside, not the
    sentence's first name; a question about no role keeps the first name."""
    sentence = (
        "Its CEO Stéphane Roques, appointed in 2018, bases its strategy on three pillars; "
        "its president Christian Lajoux calls clusters catalysts."
    )
    assert answer_span("Who is the president of Medicen?", sentence) == "Christian Lajoux"
    assert answer_span("Who is the CEO of Medicen?", sentence).endswith("Stéphane Roques")
    assert answer_span("Who spoke for Medicen?", sentence).endswith("Stéphane Roques")
    after = "Frédérique Fauduet, head of clinical operations, and Jean Dupont, a doctor."
    assert answer_span("Who heads clinical operations?", after) == "Frédérique Fauduet"


def test_a_long_quote_is_cut_where_the_quotation_closes() -> None:
    """The name that answers stands after a closing quotation mark: the answer starts there,
    within the first 150 characters."""
    sentence = (
        "“We chose France for the skills of its doctors and the quality of its hospital "
        "structures,” It’s also a country that works a lot on future advances says Frédérique "
        "Fauduet, head of clinical operations in France for the American company Pharm-Olam, "
        "which has a subsidiary in the region."
    )
    cut = shorten(sentence, "Who heads clinical operations for Pharm-Olam?", 150, commas=True)
    assert cut.startswith("…It’s also a country") and "Frédérique Fauduet" in cut[:150]


def test_the_sentence_holding_the_kind_of_answer_asked_comes_first() -> None:
    """'When and where...': a close second that holds the date answers first; the best one,
    which holds none, follows."""
    best = Evidence(1, 0, "The first MedXperience summit is taking place in Paris.", 0.84, 0.9, 1.0)
    dated = Evidence(
        1, 1, "Come see them March 15 and 16, 2018 at the Palais Brongniart!", 0.6, 0.8, 0.3
    )
    answer = compose_fact(
        report(best, dated), "When and where does the MedXperience summit take place?"
    ).text
    assert answer.startswith("Come see them March 15")
    far = Evidence(1, 1, dated.sentence, 0.3, 0.8, 0.3)  # too far below: the best stays first
    answer = compose_fact(report(best, far), "When does the MedXperience summit take place?").text
    assert answer.startswith("The first MedXperience summit")


def test_a_name_and_more_asked_keep_the_sentence_whole() -> None:
    """Asked "which is it and how many?": the name stands at the other end of the sentence from the
    count; one asked alone is cut around its answer."""
    long = (
        "The Alpha-Beta university hospital center, with its 39 hospitals and 100,000 health "
        "care professionals, is home to four clinical experimentation centers, which carried "
        "out 3100 projects in 2016."
    )
    r = report(ev(1, 0, long, 0.8))
    both = "Europe's biggest hospital network: which is it and how many professionals has it?"
    text = compose_fact(r, both).text
    assert "Alpha-Beta" in text and "100,000" in text
    one = compose_fact(r, "How many health care professionals does it have?").text
    assert one.startswith("…") and "100,000" in one  # cut to the clause that answers


def test_an_answer_that_refers_back_leads_when_what_is_asked_would_stand_too_far() -> None:
    from assistant.answer.compose_fact import in_order

    lead = "The global group Gamma Health set up its Paris R&D center, Omega Foundry, in 2016."
    answer = (
        "Then there are the many start-ups that call Paris Region home, like MedKappa, a "
        "subsidiary of the Canadian Group 360Lambda."
    )
    r = report(ev(1, 0, lead, 0.7), ev(1, 1, answer, 0.8))
    # the asked word ("medkappa") would stand past the first 150 characters after the lead
    assert in_order(r, "medkappa parent company??", r.evidence[0], r.evidence[1]) is None
    # near enough, what it refers back to leads
    paired = in_order(r, "Which start-ups call the region home?", r.evidence[0], r.evidence[1])
    assert paired is not None and paired.text.startswith("The global group")


def test_a_place_within_the_best_ones_leads_a_where_answer() -> None:
    """ "Where was the summit held?": "at the Palais Brongniart in Paris" beside "in Paris"
    leads when it scores near the best; far below, or of no such place, the best leads."""
    city = "The first Biomedix summit is taking place in Paris."
    venue = "Come see them March 15 and 16 at the Palais Brongniart in Paris!"
    other = "Its sister event is held at the Palais des Congrès in Lyon."
    asked = "Where was the Biomedix summit held?"
    assert compose_fact(report(ev(1, 0, city, 0.95), ev(2, 0, venue, 0.75)), asked).text.startswith(
        "Come see them"
    )
    far = report(ev(1, 0, city, 0.95), ev(2, 0, venue, 0.4))
    assert compose_fact(far, asked).text.startswith("The first Biomedix")
    elsewhere = report(ev(1, 0, city, 0.95), ev(2, 0, other, 0.9))
    assert compose_fact(elsewhere, asked).text.startswith("The first Biomedix")
