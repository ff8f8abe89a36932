"""Query translation for French questions over an English corpus: a small domain glossary.

Tokens are folded and stemmed as :func:`ingest.store.text.tokenize` makes them (no accents, no
plural ``s``). Each French term maps to the English terms a passage would use. Used for BM25
query expansion and for the term coverage of the decline gate; the multilingual embedder does the
rest.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ingest.store.text import tokenize

_GLOSSARY = """
hopital hôpitaux hôpital: hospital
hospitalier hospitaliere: hospital
chu: hospital university
recherche: research
chercheur chercheuse: researcher scientist
laboratoire labo: laboratory
sante: health healthcare
medecin: doctor
medecine: medicine medical
medical medicale: medical
soin: care
patient: patient
essai: trial
clinique: clinical
groupe: group
pharmaceutique: pharmaceutical pharma
industrie industriel: industry
entreprise societe: company business
start-up startup jeune-pousse: start-up startup
incubateur: incubator
pole: cluster
competitivite: competitiveness
membre: member
traine derriere: behind
adherent: member
directeur dirigeant pdg dg: ceo president head
dirige diriger: ceo head lead
president presidente: president
nomme nomination: appointed
investisseur: investor
investissement: investment
implanter implante implantation: located based locate
region: region
francilien francilienne: ile-de-france region
ile-de-france: ile-de-france
paris: paris
cancer cancerologie oncologie: cancer oncology
cerveau cerebral cerebrale neuro-imagerie neuroimagerie: neuroimaging brain
imagerie: imaging
irm: mri imaging
champ: field
haut: high
therapie: therapy
genique: gene
cellulaire: cell
maladie: disease illness
infectieuse infectieux: infectious
rare: rare
numerique: digital
e-sante esante: e-health digital health
application appli: application app
plateforme: platform
concurrent: competitor
concurrence: competition
strategie: strategy
pilier: pillar
objectif but: goal aim
projet: project
programme: programme program
centre: center centre
point: point
contact: contact
interlocuteur: contact point
unique: single central
guichet: point contact
partenaire: partner
partenariat: partnership
intermediaire mediateur mediatrice mediation: intermediary mediating mediation
utilisateur usager: user
innover innovent innovant innovante innovateur innovatrice: innovation innovative innovator
negocier negocie negociation: negotiate negotiation
chacun chacune: various each
universite: university
ecole: school
ingenieur: engineer engineering
evenement salon sommet: event summit
tient tiendra tenu deroule: take place held
implante implanter installe etabli: established located based
brevet: patent
emploi: job
web internet: website
etranger etrangere: foreign
americain americaine: american
canadien canadienne: canadian
chinois chine: china chinese
etats-unis usa: usa
europe europeen europeenne: europe european
bruxelles: brussels
londres: london
suisse: switzerland
allemagne: germany
moitie: half
nombre: number
combien: many number
annee an: year
mois: month
quand: when
pourquoi: why
ou: where
qui: who
quel quelle: which what
lieu: where place venue
date: date
medicament: drug medicine
biotechnologie biotech: biotech biotechnology
dispositif: device
diagnostic: diagnostic diagnostics
pronostic: prognostic
personnalise personnalisee: personalized
precision: precision
intelligence: intelligence
artificielle: artificial
donnee: data
fusion fusionner: merge
doubler double: double
quatre: four
cinq: five
deux: two
trois: three
soixante-dix: 70
etablissement: establishment
site: site establishment center
accueillir accueille accueillent heberge: host hosting based
parisien parisienne: paris region
adherent adherents: member
objectif objectifs: goal aim target ambition
rassembler rassemble reunir: gather
prochaine prochaines prochain: next
annee annees: year
francais francaise: france french
chiffre: figure turnover revenue
affaire: business
billet ticket: ticket
cout coute couter prix tarif: cost price
budget: budget
population habitant: population inhabitant
lit: bed
loyer louer: rent
salaire: salary
visa: visa
impot fiscal fiscalite: tax
credit: credit
compte compter: number count
porteur: leader
tient tenir: held taking place
lance lancer: launched led launch
ouvert ouverte ouvrir ouvre ouverture: open opened opening set
cree creee creer creation fondee fondation fondateur: founded created set
trouve situe: located
industriel: company industrial industry
mene mener: led conducted
domaine: field area
therapeutique therapie: therapeutic therapy
traitement: treatment therapy
pointe: leading leader forefront
idf: ile-de-france region
gere gerer: run manage
organisme: body organization
pasteur: pasteur
curie: curie
monde: world
mondial mondiale: global world
parmi: among
professionnel professionnelle: professional
salarie salariee employe employee: employee staff
effectif: workforce staff employees
personnel: staff personnel
institut: institute institution
reseau: network
filiale: subsidiary
siege: headquarters head office
rachat racheter rachete: acquired acquisition
fonds: fund
levee lever leve: raised funding
croissance: growth
marche: market
formation: training education
etudiant etudiante: student
doctorant doctorante these: phd doctoral
vaccin: vaccine
neurologie neuroscience: neuroscience neurology
cardiologie: cardiology
genomique: genomics
echographie: ultrasound
contraste: contrast
telemedecine: telemedicine
suivi: monitoring follow-up
domicile: home
chimiotherapie: chemotherapy
accompagner accompagne accompagnement: support
financer finance financement: funding financed
subvention: grant subsidy
candidature candidater: application apply
collaboration collab: collaboration
cooperation: cooperation
public publique: public
prive privee: private
academique: academic
outil: tool
acces: access
specialise specialisee dedie dediee consacre consacree: dedicated devoted specialized
ville commune: town city
departement: department
arrondissement: district
batiment: building
raison: reason
atout avantage: asset advantage
pays: country
entretien: interview
patron: head ceo
responsable: head
paysage: landscape
vie vivant: life
biologie: biology
"""


@lru_cache(maxsize=1)
def _table() -> dict[str, list[str]]:
    """French token -> English tokens. A part of a hyphenated term ("sante" of "e-sante") is a
    key only where no term of its own defines it: "sante" means health, never "digital"."""
    table: dict[str, list[str]] = {}
    parts: dict[str, list[str]] = {}
    for line in _GLOSSARY.strip().splitlines():
        french, _, english = line.partition(":")
        targets = tokenize(english)
        for word in french.split():
            keys = tokenize(word) or [word]
            for key, into in [(keys[0], table), *((k, parts) for k in keys[1:])]:
                into.setdefault(key, [])
                into[key].extend(t for t in targets if t not in into[key])
    return {**parts, **table}


# French phrases whose words mean something else one by one: a "directeur général" is the CEO,
# no president nor general
PHRASES = re.compile(
    r"\b(?:pr[ée]sident[- ])?(?:directeur|directrice)\s+g[ée]n[ée]rale?\b|\bp-?dg\b", re.IGNORECASE
)


def translate_phrases(text: str) -> str:
    """French text with its phrases read as their English word ("directeur général": CEO)."""
    return PHRASES.sub("CEO", text)


def translate_terms(terms: list[str]) -> list[str]:
    """French tokens -> English tokens (unknown tokens, e.g. names, pass through)."""
    table = _table()
    out: list[str] = []
    for term in terms:
        for target in table.get(term, [term]):
            if target not in out:
                out.append(target)
    return out


@lru_cache(maxsize=1)
def _english_kin() -> dict[str, set[str]]:
    """English token -> the English tokens one French term of the glossary also stands for
    ("objectif": goal aim target ambition)."""
    kin: dict[str, set[str]] = {}
    for line in _GLOSSARY.strip().splitlines():
        group = set(tokenize(line.partition(":")[2]))
        for term in group:
            kin.setdefault(term, set()).update(group)
    return kin


def english_kin(terms: set[str]) -> set[str]:
    """The terms with the English words the glossary gives for the same French term: "target"
    reads as "ambition" or "goal" too."""
    kin = _english_kin()
    return {*terms, *(k for t in terms for k in kin.get(t, ()))}
