"""Labels and framing per language: domains, headings, notes (the kinds' labels are in
:mod:`ingest.directory.org_kinds`)."""

from __future__ import annotations

DOMAINS_FR = {
    "personalized medicine": "médecine personnalisée",
    "translational medicine": "médecine translationnelle",
    "precision medicine": "médecine de précision",
    "oncology": "oncologie",
    "biotherapy": "biothérapie",
    "gene therapy": "thérapie génique",
    "microbiota": "microbiote",
    "technotherapy": "technothérapie",
    "diagnostics": "diagnostic",
    "therapeutics": "thérapeutique",
    "medical imaging": "imagerie médicale",
    "neuroimaging": "neuro-imagerie",
    "artificial intelligence": "intelligence artificielle",
    "biomedical research": "recherche biomédicale",
    "biotechnology": "biotechnologies",
    "life sciences": "sciences de la vie",
    "infectious diseases": "maladies infectieuses",
    "clinical trials": "essais cliniques",
    "pharmaceuticals": "industrie pharmaceutique",
    "e-health": "e-santé",
    "digital health": "santé numérique",
    "digital technology": "technologies numériques",
    "home monitoring": "télésurveillance à domicile",
    "ultrasonography": "échographie",
    "computer science": "informatique",
    "medtech": "medtech",
    "health tech": "technologies de santé",
    "cardiology": "cardiologie",
    "neuroscience": "neurosciences",
    "regulation": "réglementation",
    "market access": "accès au marché",
}

TEXT = {
    "en": {
        "list_heading": "From the directory and the sources:",
        "more": "and {n} more in the directory.",
        "compare_heading": "Side by side:",
        "domains": "domains",
        "quotes_note": "",
        "partner_heading": "Organisations that fit, best first:",
        "also": "Also:",
        "outside_region": "outside the Paris Region",
        "places_heading": "Places that fit, with the organisations there:",
        "town_heading": "In {town}, the directory lists:",
        "not_in_heading": "Not in {town}, the directory lists:",
        "outside_heading": "Outside the Paris Region, the directory lists:",
        "departement_heading": "In {name} ({code}), the directory lists:",
        "located": "{name} is in {place}",
        "unplaced": "The directory does not give the town of {name}",
        "no_postcode": "The directory gives the town of {name}, {town}, but not its postcode",
        "no_street": "The directory gives the town of {name}, {town}, but no street address",
        "town_in": "{town} is in {name} ({code})",
        "run_by": "{name} is part of {parent}",
        "website_of": "The website of {name}: {url}",
        "stands_for": "{acronym} stands for {name}",
        "in_directory": "In the directory:",
        "none_of_kind": "The directory lists no {kind} in {town}.",
        "organisation": "organisation",
        "none_of_kind_departement": "The directory lists no {kind} in {name} ({code}).",
        "part_of": "part of {parent}",
        "scope": (
            "I answer questions about the Paris Region (Île-de-France) health ecosystem: "
            "hospitals, research institutes, clusters, incubators, pharma and e-health companies."
        ),
    },
    "fr": {
        "list_heading": "D'après l'annuaire et les sources :",
        "more": "et {n} autres dans l'annuaire.",
        "compare_heading": "Comparaison :",
        "domains": "domaines",
        "quotes_note": "(Les extraits cités sont en anglais.)",
        "partner_heading": "Organisations qui correspondent, les plus pertinentes d'abord :",
        "also": "Aussi :",
        "outside_region": "hors Île-de-France",
        "places_heading": "Lieux qui correspondent, avec leurs organisations :",
        "town_heading": "À {town}, l'annuaire recense :",
        "not_in_heading": "Hors de {town}, l'annuaire recense :",
        "outside_heading": "Hors Île-de-France, l'annuaire recense :",
        "departement_heading": "Dans le {code} ({name}), l'annuaire recense :",
        "located": "{name} se trouve à {place}",
        "unplaced": "L'annuaire ne donne pas la commune de {name}",
        "no_postcode": "L'annuaire donne la commune de {name}, {town}, mais pas son code postal",
        "no_street": "L'annuaire donne la commune de {name}, {town}, mais pas son adresse",
        "town_in": "{town} est dans le département {name} ({code})",
        "run_by": "{name} fait partie de {parent}",
        "website_of": "Le site web de {name} : {url}",
        "stands_for": "{acronym} signifie {name}",
        "in_directory": "Dans l'annuaire :",
        "none_of_kind": "L'annuaire ne recense pas {kind} à {town}.",
        "organisation": "organisme",
        "none_of_kind_departement": "L'annuaire ne recense pas {kind} dans le {code} ({name}).",
        "part_of": "rattachement : {parent}",
        "scope": (
            "Je réponds aux questions sur l'écosystème de la santé en Île-de-France : hôpitaux, "
            "instituts de recherche, pôles de compétitivité, incubateurs, groupes "
            "pharmaceutiques et start-up e-santé."
        ),
    },
}


def text(key: str, language: str) -> str:
    return TEXT.get(language, TEXT["en"])[key]


def domain_label(domain: str, language: str) -> str:
    domain = domain.strip().lower()
    return DOMAINS_FR.get(domain, domain) if language == "fr" else domain


def with_note(answer: str, language: str) -> str:
    """A French answer quoting English sources says so, after the answer."""
    note = text("quotes_note", language)
    return f"{answer}\n\n{note}" if note else answer
