"""Misspelt question words are read as the passages spell them (assistant/answer/spelling.py),
with the real English and French word lists."""

from __future__ import annotations

from assistant.answer.lexicon import Lexicon
from assistant.answer.question_kind import QuestionKind, classify
from assistant.answer.spelling import family_starts, kin_in, respell, spell_asking
from assistant.answer.standalone import as_meant
from assistant.answer.weights import TermWeigher
from ingest.store.text import tokenize

PASSAGE_WORDS = {
    "the",
    "e-health",
    "medxperience",
    "summit",
    "platform",
    "health",
    "operations",
    "paris",
}
CORPUS = {"medxperi", "summit", "platform", "health", "oper", "pari", "doctolib"}


def known(term: str) -> bool:
    return term in CORPUS


def test_a_typo_is_read_as_the_passages_word() -> None:
    lexicon = Lexicon()
    fixed = respell("What dates is the MedXperience sumit on?", lexicon, known, PASSAGE_WORDS)
    assert fixed == "what dates is the medxperience summit on?"
    assert respell("e-helath platfrom", lexicon, known, PASSAGE_WORDS) == "e-health platform"
    assert respell("helath data", lexicon, known, PASSAGE_WORDS) == "health data"


def test_real_words_names_and_words_close_to_nothing_stay() -> None:
    lexicon = Lexicon()
    # "submit" is a word, even beside "summit"; "doctolib" the corpus knows; "zorblax" is
    # close to no word of the passages
    for text in ("how to submit a project", "where is doctolib", "what is zorblax"):
        assert respell(text, lexicon, known, PASSAGE_WORDS) == text


def test_french_without_accents_is_french() -> None:
    lexicon = Lexicon()
    assert lexicon.is_word("coute") and lexicon.is_word("numero") and lexicon.is_word("summit")
    assert not lexicon.is_word("sumit")


def test_a_misspelt_term_weighs_as_the_word_it_stands_for() -> None:
    weigher = TermWeigher()
    weigher.idf = {"medxperi": 2.0, "summit": 1.5, "date": 1.0}
    weights = weigher.weights("medxperience sumit?", "en", PASSAGE_WORDS)
    assert weights == {"medxperi": 2.0, "summit": 1.5}
    # without the passages' words the typo stays unknown, and weighs the most
    assert weigher.weights("medxperience sumit?", "en") == {"medxperi": 2.0, "sumit": 2.0}


def test_words_that_frame_the_time_or_precision_of_a_question_weigh_nothing() -> None:
    weigher = TermWeigher()
    weigher.idf = {"member": 2.0, "medicen": 1.0}
    weights = weigher.weights("Roughly how many members does Medicen have today?", "en")
    assert set(weights) == {"member", "medicen"}
    weights = weigher.weights("How many members does Medicen have at the moment?", "en")
    assert set(weights) == {"member", "medicen"}
    weights = weigher.weights("Qui est à la tête de Medicen aujourd'hui, exactement ?", "fr")
    assert "aujourd" not in weights and "exact" not in weights and "medicen" in weights
    # the same framing in more words; a day that is asked about stays
    assert set(weigher.weights("who's running Medicen these days?", "en")) == {"run", "medicen"}
    assert "jour" not in weigher.weights("qui dirige Medicen ces jours-ci ?", "fr")
    assert "day" in weigher.weights("how many days does the summit last?", "en")
    assert "day" in weigher.weights("what happened in those days at the summit?", "en")  # past
    # a word that only shares a stem with one stays ("precision medicine", "environment")
    assert {"precis", "environ"} <= set(weigher.weights("precision medicine environment", "en"))


def test_everyday_french_words_the_english_corpus_lacks_are_not_unknown() -> None:
    weigher = TermWeigher()
    weigher.idf = {"medicen": 1.0, "pari": 0.8, "region": 0.8, "migrain": 3.0}
    asked = "Qui est à la tête de Medicen Paris Region ? J'aimerais savoir à qui m'adresser."
    weights = weigher.weights(asked, "fr")
    # "tête", "savoir", "adresser": everyday French, not words the corpus was expected to use
    # (the evidence gate declines from a share of 0.5)
    assert weigher.unknown_share(weights, "fr") < 0.5
    # the same terms read as English are unknown to the corpus
    assert weigher.unknown_share(weights, "en") > 0.5
    # a word of the field the corpus never uses stays unknown in French too
    weights = weigher.weights("quelle dose de paracétamol pour un enfant ?", "fr")
    assert weigher.unknown_share(weights, "fr") == 1.0


def test_the_region_asked_only_in_words_the_corpus_never_uses_is_out_of_reach() -> None:
    weigher = TermWeigher()
    weigher.idf = {"pari": 0.8, "region": 0.8, "ile-de-fr": 0.5, "ile": 0.5, "franc": 0.8}
    weigher.idf |= {"cluster": 2.0, "attract": 2.0}
    for asked in ("What is the GDP of Île-de-France?", "population of the Paris region?"):
        assert weigher.unknown_share(weigher.weights(asked, "en"), "en") == 1.0
    # a word the corpus uses beside them, or the region alone, is asked of it
    for asked in ("GDP and clusters of the Paris region?", "why the Paris region?"):
        assert weigher.unknown_share(weigher.weights(asked, "en"), "en") < 0.5
    # a word the corpus never uses, alone, is the unknown share's as before
    assert weigher.unknown_share(weigher.weights("GDP clusters attractiveness", "en"), "en") < 1.0


def test_untranslated_everyday_french_terms_are_told_apart() -> None:
    weigher = TermWeigher()
    weigher.idf = {"medxperi": 2.0, "2018": 1.0}
    weights = weigher.weights("medxperience 2018 ça se passait où exactement ?", "fr")
    assert weigher.everyday_terms(weights, "fr") == {"ca", "passait"}
    assert weigher.everyday_terms(weights, "en") == set()  # English words are all read


def test_short_french_typed_without_accents_is_french() -> None:
    from ingest.store.text import detect_language

    for asked in ("medxperience c'etait quand deja ?", "tu connais doctolib ?"):
        assert detect_language(asked) == "fr"
    for asked in ("Where is the Institut de France?", "who is the ceo of medicen"):
        assert detect_language(asked) == "en"


def test_a_typo_in_the_word_that_asks_is_read_as_that_word() -> None:
    from assistant.answer.spelling import spell_asking

    lexicon = Lexicon()
    assert spell_asking("wher is doctolib based", lexicon) == "where is doctolib based"
    assert spell_asking("wich clusters?", lexicon) == "which clusters?"
    assert spell_asking("pourqoi paris ?", lexicon) == "pourquoi paris ?"
    # a role word's typo changes who is asked for: the president, not the CEO
    assert spell_asking("who's the presdient of medicen", lexicon) == (
        "who's the president of medicen"
    )
    assert spell_asking("le directuer de neurospin ?", lexicon) == "le directeur de neurospin ?"
    # an errand's typo, wherever it stands, keeps the request a request
    assert spell_asking("can u get me an appoitment at AP-HP asap", lexicon) == (
        "can u get me an appointment at AP-HP asap"
    )
    assert classify(as_meant("can u book me an apointment with Medicen", lexicon)) == (
        QuestionKind.ACTION
    )
    # real words, names and typos close to two asking words stay
    for asked in ("Where is Doctolib?", "there is a lab", "hwo many members", "what is GE"):
        assert spell_asking(asked, lexicon) == asked


def test_french_typed_without_accents_is_read_with_them() -> None:
    from assistant.answer.spelling import restore_accents

    lexicon = Lexicon()
    assert restore_accents("medclinik a ete creee en quelle annee ?", lexicon) == (
        "medclinik a été créée en quelle année ?"
    )
    # words that are words as typed ("ou", "a"), names, capitalised words and English stay
    assert restore_accents("Doctolib c ou a paris ?", lexicon) == "Doctolib c ou a paris ?"
    asked = "When was the Lab Sante created, which year?"
    assert restore_accents(asked, lexicon) == asked


def test_a_french_word_is_read_as_the_english_word_of_its_stem() -> None:
    """ "internationales" stems to "international", which the corpus never uses: without its
    agreement ending it is the corpus's "international" (stem "intern"), not an unknown word."""
    weigher = TermWeigher()
    weigher.idf = {"intern": 2.0, "collabor": 1.0, "domain": 1.0}
    weights = weigher.weights(
        "Les collaborations internationales porteront sur quels domaines ?", "fr"
    )
    assert "intern" in weights and "international" not in weights
    assert weigher.cognate("medxperi") == "medxperi"  # a word of no stem the corpus has stays


def test_the_noun_of_a_phrasal_verb_weighs_nothing() -> None:
    weigher = TermWeigher()
    weigher.idf = {"team": 2.0, "diagnost": 2.0, "medicen": 1.0}
    # "team up with" is to work with: "my team leadership" is no answer
    weights = weigher.weights("which ones does Medicen team up with on diagnostics?", "en")
    assert set(weights) == {"medicen", "diagnost"}
    assert "team" in weigher.weights("who is on Medicen's team?", "en")


def test_long_words_of_one_family_share_their_first_seven_letters() -> None:
    present = set(tokenize("standardization of contrast ultrasonography for oncology"))
    starts = family_starts(present)
    assert kin_in(tokenize("ultrasound")[0], present, starts)  # ultrasound, ultrasonography
    assert kin_in(tokenize("contrast")[0], present, starts)  # the word itself
    assert not kin_in(tokenize("ultra")[0], present, starts)  # too short to say
    international = set(tokenize("international"))
    assert not kin_in(tokenize("internet")[0], international, family_starts(international))


def test_a_verb_that_asks_to_act_is_read_as_meant_only_where_it_leads() -> None:
    lexicon = Lexicon()
    assert spell_asking("regster my startup for the summit pls", lexicon).startswith("register")
    # not inside a question: "sumit" is no "submit"
    assert "submit" not in spell_asking("what dates is the medxperience sumit on?", lexicon)


def test_the_verb_asking_who_holds_a_role_is_no_unknown_word() -> None:
    """ "who runs Medicen?" asks of Medicen: "runs", which the corpus may never use, asks as
    "who" does; a word of the field the corpus never uses stays unknown beside it."""
    weigher = TermWeigher()
    weigher.idf = {"medicen": 1.0, "ceo": 2.0}
    assert weigher.unknown_share(weigher.weights("who runs Medicen?", "en"), "en") == 0.0
    assert weigher.unknown_share(weigher.weights("qui dirige Medicen ?", "fr"), "fr") == 0.0
    assert weigher.unknown_share(weigher.weights("who is in charge of Medicen?", "en"), "en") == 0.0
    weights = weigher.weights("who runs the weather forecasts?", "en")
    assert weigher.unknown_share(weights, "en") == 1.0


def test_a_french_word_in_an_english_question_is_read_as_the_corpus_writes_it() -> None:
    """ "how many membres does Medicen have?": the glossary's "member", which the corpus uses;
    a word it has no English for stays as typed."""
    weigher = TermWeigher()
    weigher.idf = {"medicen": 1.0, "member": 2.0}
    assert set(weigher.weights("how many membres does Medicen have", "en")) == {"member", "medicen"}
    assert "zorglub" in weigher.weights("how many zorglubs does Medicen have", "en")
