"""The sentence model: general features, a fitted logistic regression that ships with the
package, and the fit itself (scikit-learn) on labelled pairs."""

from __future__ import annotations

import random
import time
from pathlib import Path

import pytest

from assistant.answer.features import (
    FEATURES,
    Pair,
    asked_types,
    holds_type,
    measure,
    rarest_share,
)
from assistant.answer.gazetteer import Gazetteer
from assistant.answer.sentence_model import MODEL_PATH, SentenceModel
from assistant.app.fit import Labelled, choose_threshold, fit


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Where is NeuroSpin?", "place"),
        ("où se trouve l'Institut Curie ?", "place"),
        ("how many hospitals does ap-hp have", "number"),
        ("Combien de membres compte Medicen ?", "number"),
        ("How big is Medicen in terms of membership?", "number"),  # a size is a number
        ("quelle taille fait l'AP-HP ?", "number"),
        ("What share of research is done in the region?", "number"),
        ("When was Medicen founded?", "date"),
        ("In which year did GE open its centre?", "date"),
        ("Who runs Medicen?", "name"),
        ("Qui dirige Medicen ?", "name"),
        ("Why choose the Paris Region?", "merit"),
        ("Why did Pharm-Olam choose France?", ""),
        ("What is SUMIL?", ""),
        # the question words wherever they stand, and nouns that name a date
        ("medxperience 2018 ça se passait où exactement ?", "place"),
        ("quelle part de la recherche se fait en idf ?", "number"),
        ("what dates is the summit on?", "date"),
        ("servier ouvre son centre pour quand ?", "date"),
        ("whats the deadline for the call", "date"),
        # organisations asked for by their kind, wherever the asking words stand
        ("which other french health clusters does medicen team up with?", "name"),
        ("et pour la medecine de precision, c'est quelles entreprises qui pilotent ?", "name"),
        ("et il y a quelles boites dedans ?", "name"),
        ("And what is Lab Santé Île-de-France's goal?", ""),  # a name, not a kind
        ("Stéphane Roques parle de trois piliers. Lesquels ?", ""),  # any noun taken up
        ("Quel pourcentage des entreprises fait ses essais ici ?", "number"),
        # a website, by any of its names
        ("got a website for them?", "website"),
        ("quel est le site web de Kardiolib ?", "website"),
        ("Kardiolib's homepage?", "website"),
    ],
)
def test_asked_type(question: str, kind: str) -> None:
    assert asked_types(question)[:1] == ((kind,) if kind else ())  # the first kind asked


def test_holds_type() -> None:
    assert holds_type("How many hospitals?", "number", "AP-HP, with its 39 hospitals.")
    assert not holds_type("How many hospitals?", "number", "AP-HP has hospitals everywhere.")
    assert holds_type("When was it held?", "date", "It was held on March 15, 2018.")
    assert not holds_type("When was it held?", "date", "It was held in Paris.")
    assert holds_type("Who runs Medicen?", "name", "Stéphane Roques runs Medicen.")
    # "one" the pronoun or the determiner counts nothing; the number does
    side = "I will lead Medicen on the one side, and with the other clusters on the other."
    assert not holds_type("combien de pôles de compétitivité en France ?", "number", side)
    assert not holds_type("How many clusters?", "number", "It is one of a kind among clusters.")
    assert holds_type("How many clusters?", "number", "There is only one cluster in health.")
    # a website is an address of the web, not the word
    assert holds_type("Kardiolib's website?", "website", "Website: https://kardiolib.example.")
    assert holds_type("site web ?", "website", "See www.kardiolib.example for more.")
    assert not holds_type("Kardiolib's website?", "website", "Kardiolib has a website.")


def test_a_question_in_two_parts_asks_for_two_kinds() -> None:
    assert asked_types("c quand medxperience deja et c ou ??") == ("place", "date")
    assert asked_types("Who runs Medicen, and where?") == ("place", "name")
    assert asked_types("Where is NeuroSpin?") == ("place",)
    assert asked_types("What is SUMIL?") == ()


def test_a_question_word_may_open_any_clause_of_the_message() -> None:
    message = "I'm writing a piece on the 2018 Vega summit - when was it held?"
    assert asked_types(message) == ("date",)
    assert asked_types("Je suis journaliste. Où est NeuroSpin ?") == ("place",)


def test_asked_for_a_date_and_a_place_the_sentence_holding_one_misses_half() -> None:
    question = "c quand medxperience deja et c ou ??"
    both = "Come see them March 15 and 16, 2018 at the Palais Brongniart in Paris!"
    place = "The first MedXperience summit is taking place in Paris."
    known = Gazetteer(places=frozenset({"paris"}))
    kinds = asked_types(question)
    rows = [measure(Pair(question, s, s, 0.8, 0.5), {}, kinds, known) for s in (both, place)]
    named = [dict(zip(FEATURES, row, strict=True)) for row in rows]
    assert named[0]["typed_fit"] == 1.0 and named[0]["typed_miss"] == 0.0
    assert named[1]["typed_fit"] == 0.0 and named[1]["typed_miss"] == 0.5


def test_a_venue_asked_is_where_the_thing_is_held_not_the_town_the_question_names() -> None:
    """ "dans quel lieu à Paris ?", "which building?": a place asked by its noun; a venue is
    held by "at the X" with a word the question does not hold, never by a town."""
    assert asked_types("medxperience 2018 ça se passait dans quel lieu à paris ?") == ("place",)
    assert asked_types("at which location is Vega based?") == ("place",)
    known = Gazetteer(places=frozenset({"paris", "lyon"}))
    question = "the Vega summit, in which building was it held?"
    venue = "Come see them March 15 and 16 at the Palais Brongniart in Paris!"
    assert holds_type(question, "place", venue, known)
    assert not holds_type(question, "place", "The Vega summit takes place in Lyon.", known)
    assert not holds_type(question, "place", "See the solutions at the Vega summit.", known)
    # a location is any place: a town of the directory holds one
    assert holds_type("at which location is Vega based?", "place", "Vega is in Lyon.", known)


def test_the_places_a_text_names_in_its_order_and_spelling() -> None:
    known = Gazetteer(places=frozenset({"suresnes", "le chesnay-rocquencourt", "paris"}))
    text = "Philips est à Suresnes (92150); INRIA is in Le Chesnay-Rocquencourt, near Paris."
    assert known.places_in(text) == ["Suresnes", "Le Chesnay-Rocquencourt", "Paris"]
    assert known.places_in("A medtech company.") == []


def test_the_rarest_terms_weigh_most() -> None:
    weights = {"neuroimag": 4.0, "field": 3.0, "region": 0.2}
    assert rarest_share(weights, {"neuroimag", "field"}) == 1.0
    assert rarest_share(weights, {"region"}) == 0.0
    assert rarest_share(weights, {"neuroimag"}) == pytest.approx(4 / 7)


def test_features_in_the_models_order() -> None:
    pair = Pair(
        "How many hospitals?", "AP-HP has 39 hospitals.", "AP-HP has 39 hospitals.", 0.8, 1.0
    )
    values = measure(pair, {"hospit": 2.0}, asked_types(pair.question))
    assert len(values) == len(FEATURES)
    named = dict(zip(FEATURES, values, strict=True))
    assert named["dense"] == 0.8 and named["typed_fit"] == 1.0 and named["typed_miss"] == 0.0


def test_the_shipped_model_loads_fast_and_weighs_as_expected() -> None:
    started = time.perf_counter()
    model = SentenceModel.load()
    assert time.perf_counter() - started < 1.0
    assert model.features == FEATURES
    weights = dict(zip(model.features, model.weights, strict=True))
    # what any answering sentence needs: the question's words and meaning, the kind of answer
    assert weights["coverage"] > 0 and weights["dense"] > 0 and weights["typed_miss"] < 0
    assert 0.0 < model.threshold < 1.0


def test_a_model_of_other_features_is_refused(tmp_path: Path) -> None:
    model = SentenceModel.load()
    other = SentenceModel(model.weights[:-1], model.intercept, 0.5, model.features[:-1])
    other.save(tmp_path / "m.json")
    with pytest.raises(ValueError, match="fit it again"):
        SentenceModel.load(tmp_path / "m.json")
    assert MODEL_PATH.exists()


def synthetic(seed: int) -> list[Labelled]:
    """Questions whose answering sentence has a high coverage and the others a low one; the
    unanswerable questions' best sentence is mediocre."""
    rng = random.Random(seed)
    out = []
    for i in range(60):
        answerable = i % 3 != 0
        rows, labels = [], []
        for j in range(6):
            good = answerable and j == 0
            cov = rng.uniform(0.7, 1.0) if good else rng.uniform(0.0, 0.45)
            row = [rng.uniform(0.6, 0.9), cov] + [0.0] * (len(FEATURES) - 2)
            rows.append(row)
            labels.append(int(good))
        out.append(Labelled(f"q{i}", answerable, rows, labels))
    return out


def test_fit_learns_what_separates_and_a_threshold_between() -> None:
    model = fit(synthetic(1))
    weights = dict(zip(model.features, model.weights, strict=True))
    assert weights["coverage"] > 1.0
    test = synthetic(2)
    answered = [max(model.probability(r) for r in q.rows) >= model.threshold for q in test]
    assert all(a == q.answerable for a, q in zip(answered, test, strict=True))
    assert choose_threshold(model, test) == pytest.approx(model.threshold, abs=0.2)


def test_fit_needs_both_labels() -> None:
    none = [Labelled("q", False, [[0.0] * len(FEATURES)], [0])]
    with pytest.raises(ValueError, match="answer and sentences that do not"):
        fit(none)


def scored(question: str, *sentences: str) -> list[str]:
    from test_answer import BagOfWords, passage

    from assistant.answer.evidence import EvidenceScorer

    idf = {"strategi": 3.0, "medicen": 1.0, "ceo": 1.0, "new": 0.5, "competitor": 2.0}
    scorer = EvidenceScorer(BagOfWords(), idf)
    report = scorer.score(question, [passage(s, n) for n, s in enumerate(sentences, start=1)])
    return [e.sentence for e in report.evidence if not e.prompt]


def test_a_who_question_prefers_a_sentence_that_names_someone() -> None:
    abroad = "We lead with the other clusters, as our main competitors are abroad."
    named = "Our main competitors do not sit in Munich or London but in the USA and in China."
    assert scored("Who does Medicen see as its main competitors?", abroad, named)[0] == named


def test_the_rare_word_asked_about_wins_over_the_names() -> None:
    """A sentence holding what the question asks about ("strategy") answers, not one that only
    names its subject (Medicen)."""
    vague = "It is a new approach, but we at Medicen think that this is the right way to go."
    strategy = "Hence the strategy I propose is based on three pillars: promoting and animating."
    assert scored("What is the strategy of Medicen's new CEO?", vague, strategy)[0] == strategy


def test_extend_scores_only_the_appended_passages_and_equals_a_full_score() -> None:
    from test_answer import BagOfWords, passage

    from assistant.answer.evidence import EvidenceScorer
    from assistant.answer.rescore import extend

    scorer = EvidenceScorer(BagOfWords())
    measured: list[str] = []
    measure = scorer.measure

    def counting(question: str, passages: list, *args: object) -> object:
        measured.extend(p.text for p in passages)
        return measure(question, passages, *args)  # type: ignore[arg-type]

    scorer.measure = counting  # type: ignore[method-assign]
    question = "Who is the president of Medicen Paris Region?"
    first = [passage("Medicen wants to play an active part in the Paris region.", 1)]
    entry = passage("Christian Lajoux is the president of Medicen Paris Region.", 2)
    report = scorer.score(question, first)
    extended = extend(scorer, report, question, [*first, entry])
    assert measured == [first[0].text, entry.text]  # each passage measured once
    whole = EvidenceScorer(BagOfWords()).score(question, [*first, entry])
    assert [(e.n, e.sentence, round(e.score, 9)) for e in extended.evidence] == [
        (e.n, e.sentence, round(e.score, 9)) for e in whole.evidence
    ]
    assert extended.answerable == whole.answerable


def test_the_gazetteer_answers_the_same_from_concurrent_threads() -> None:
    """Its cache is shared by the app's threads and cleared when full: a lookup never depends on
    the entry still being there (a race, so this guards more than it reproduces)."""
    from test_answer import differences_in_threads

    from assistant.answer.gazetteer import Gazetteer
    from assistant.answer.organisations import from_passages
    from assistant.retrieval.passage import Passage

    entries = [
        Passage(
            f"o{i}",
            f"{name} is a {kind} in {city}.",
            {"title": name, "kind": kind, "city": city},
            score=1.0,
        )
        for i, (name, kind, city) in enumerate(
            [("Gustave Roussy", "hospital", "Villejuif"), ("NeuroSpin", "institute", "Saclay")]
        )
    ]
    known = Gazetteer.of(from_passages(entries))
    sentences = [f"Sentence {n} names NeuroSpin in Villejuif." for n in range(6000)]
    failures = differences_in_threads(lambda s: known.place("Where is it?", s), sentences)
    assert not failures, failures[:5]
    assert known.place("Where is it?", sentences[0]) and known.new_name("Who?", sentences[0])


def test_the_threshold_is_not_chosen_on_questions_declined_whatever_the_gate() -> None:
    """An unanswerable question the chat declines anyway (a value of the kind asked is missing)
    does not push the gate up: the threshold is chosen on the questions only the gate decides."""
    from dataclasses import replace

    questions = synthetic(1)
    strong = [0.9, 0.6] + [0.0] * (len(FEATURES) - 2)  # near-misses that read like answers
    near = [Labelled(f"near{i}", False, [strong], [0]) for i in range(8)]
    gated = fit([*questions, *near])
    ungated = fit([*questions, *(replace(q, gated=False) for q in near)])
    assert ungated.threshold < gated.threshold


def test_a_question_declined_with_the_gate_wide_open_is_marked() -> None:
    from types import SimpleNamespace

    from assistant.answer.sentence_model import SentenceModel
    from assistant.app.evaluate import Question
    from assistant.app.fitting import declined_without_gate

    model = SentenceModel((0.0,) * len(FEATURES), 0.0, 0.7)
    seen: list[float] = []

    class Chat:
        scorer = SimpleNamespace(model=model)

        def ask(self, question: str, history: object) -> SimpleNamespace:
            seen.append(self.scorer.model.threshold)
            return SimpleNamespace(grounded="phone" not in question)

    chat = Chat()
    asked = Question("q", "What is Agoranov's phone number?", [], [], "", False)
    assert declined_without_gate(chat, asked)  # type: ignore[arg-type]
    assert not declined_without_gate(chat, replace_question(asked, "What does Agoranov do?"))  # type: ignore[arg-type]
    assert seen == [0.0, 0.0] and chat.scorer.model is model  # opened, then put back


def replace_question(question: object, text: str) -> object:
    from dataclasses import replace

    return replace(question, question=text)  # type: ignore[type-var]


def test_what_the_asker_tells_counts_only_in_the_words_the_corpus_uses() -> None:
    """ "Our board keeps asking ... What are the arguments about pharma?": the asker's story
    ("board", "Berlin") is no term the sources could hold; the topic they tell ("pharma") is."""
    from test_answer import BagOfWords

    from assistant.answer.evidence import EvidenceScorer

    idf = {"pharma": 1.0, "hospit": 2.0, "argument": 3.0, "european": 1.0}
    scorer = EvidenceScorer(BagOfWords(), idf)
    told = "Our board compares Berlin with European pharma hubs. What are the arguments?"
    weights = scorer.term_weights(told, "en")
    assert {"argument", "european", "pharma"} <= set(weights)
    assert not {"board", "berlin"} & set(weights)
    # a question without a story keeps all its terms, known or not
    assert "board" in scorer.term_weights("What arguments does the board give?", "en")
