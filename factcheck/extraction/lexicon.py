"""Word lists shared by the claim finder.

Kept apart from the logic so a newsroom can extend them without reading the
parser. All entries are lower case.
"""

from __future__ import annotations


def words(text: str) -> frozenset[str]:
    """A word list written as one string (keeps long lists readable)."""
    return frozenset(text.split())


# Verbs that introduce reported speech. Matched case-sensitively in lower case
# so "States" (United States) or "Reports" (a headline) never count.
SPEECH_VERBS = words(
    "said says say told tells tell reported reports announced announces accused accuses "
    "admitted admits claimed claims stated states confirmed confirms denied denies "
    "alleged alleges warned warns estimated estimates added adds noted notes wrote writes "
    "insisted insists argued argues acknowledged acknowledges revealed reveals disclosed "
    "discloses explained explains predicted predicts conceded concedes blamed blames "
    "declared declares testified tweeted posted vowed vows pledged pledges promised "
    "promises stressed stresses emphasised emphasized suggested suggests believes "
    "believed recorded documented counted cautioned maintained maintains countered "
    "replied urged urges appealed demanded demands criticised criticized condemned "
    "condemns welcomed welcomes informed informs opined opines allege argue warn claim deny "
    "insist confirm announce remarked remarks projected ruled suspects expects believe "
    "suspected commended commends observed hinted hinting asked "
    "forecast forecasts commented comments praised praises hailed hails lauded thanked "
    "asserted asserts assert "
    # how interviews and post-match pieces report speech ("has joked that", "he narrated")
    "joked jokes quipped quips lamented laments bemoaned bemoans narrated narrates "
    "mused muses fumed fumes enthused enthuses"
)

# "The opposition rejected the results", "She dismissed accusations that ...": to reject a
# claim is to state the contrary; these verbs report only with such an object
REJECTING_VERBS = words("rejected rejects dismissed dismisses disputed disputes")
REJECTED_CLAIMS = words(
    "result results report reports accusation accusations allegation allegations claim "
    "claims charge charges figures findings outcome tally count"
)
# "Analysts had expected revenues to rise": a forecaster's expectation is a forecast given
FORECASTERS = words("analysts economists forecasters markets traders strategists")

# Base forms that report after "continues to" ("iSuppli continues to expect 60% growth").
CONTINUED_VERBS = words("expect predict forecast project estimate maintain insist believe")

# Verbs that report only with a clause after them ("shared that", "questioned whether"):
# "The club shared the prize" and "He felt ill" report nothing.
CLAUSE_VERBS = words(
    "shared shares felt feels questioned questions wondered wonders reiterated reiterates "
    "highlighted highlights assured assures recalled recalls agreed agrees feared fears "
    "doubted doubts complained complains lamented laments boasted boasts signalled signaled "
    "signals conceded learned learnt hoped hopes found finds note anticipates anticipated "
    "directed directs ordered orders held holds"  # a court "directed that ..."
    " expressed expresses"  # "expressed that the defence has been casual"
)
CLAUSE_OPENERS = frozenset({"that", "whether", "if"})
# "expressed concern (that) ...", "voiced fears over ...": a stance stated is a statement
STANCE_VERBS = words("expressed expresses voiced voices raised raises")
STANCE_NOUNS = words(
    "concern concerns fear fears doubt doubts hope hopes alarm worry worries optimism "
    "confidence dismay frustration disappointment regret surprise pride happiness "
    "satisfaction delight gratitude anger shock sadness outrage displeasure reservations "
    "objections"
)

# Verbs that only report when the subject is a document ("a study found").
DOCUMENT_VERBS = words(
    "found finds showed shows show concluded concludes indicated indicates indicate reveal reads"
)

ACCUSATORY_VERBS = words(
    "accused accuses alleged alleges claimed claims denied denies blamed blames"
)

# Verbs that may come before their speaker: "..., said Waters."
INVERTING_VERBS = words(
    "said says added adds wrote writes reported reports explained explains noted notes "
    "insisted insists argued argues warned warns stated states tweeted posted cautioned "
    "countered replied remarked announced confirmed found observed informed asked"
)

# Verbs whose object may be the outlet that relays the statement.
TELLING_VERBS = frozenset({"told", "tells", "tell"})

# Words allowed between a subject and its speech verb ("the army also said").
SUBJECT_VERB_FILLERS = words(
    "also previously later earlier separately recently repeatedly publicly again already "
    "then has have had initially first officially further since once now too all both"
)

DETERMINERS = frozenset({"the", "a", "an", "its", "his", "her", "their", "our", "this", "that"})

PRONOUNS_PERSON = frozenset({"he", "she"})
PRONOUNS_THING = frozenset({"it"})
PRONOUNS_GROUP = frozenset({"they"})

# Capitalised sentence openers that are not names.
NOT_NAME_OPENERS = words(
    "the a an this that these those some several many most few both all each other others "
    "such it its he she they we i you there here when while if after before as but and or "
    "however meanwhile yet still also then later earlier last next on in at for from by "
    "with among amongst to of according one two three his her their our your my no "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
)

# "Speaking at the summit, X said", "Reacting to the verdict, ...": the participle opening
# the sentence is what the speaker did, never who spoke
SPEAKING_OPENERS = words(
    "speaking addressing reacting responding commenting referring talking writing answering "
    "explaining briefing testifying"
)

# Lower-case words inside a multi-word name ("Syrian Observatory for Human Rights").
NAME_CONNECTORS = frozenset(
    {
        "of",
        "for",
        "and",
        "&",
        "on",
        "the",
        "de",
        "du",
        "des",
        "der",
        "van",
        "von",
        "al",
        "el",
        "bin",
        "ibn",
        "la",
        "le",
        "di",
        "da",
        "del",
    }
)

# Honorifics and titles in front of a name.
OFFICIAL_TITLES = words(
    "president vice prime minister secretary senator sen rep representative governor gov "
    "mayor ambassador general gen colonel col lieutenant lt major maj admiral adm "
    "commander chancellor king queen prince sheikh emir chairman chairwoman "
    "director-general secretary-general under-secretary-general attorney-general "
    "spokesperson spokesman spokeswoman foreign defence defense interior "
    "finance health justice deputy councillor councilor councilman councilwoman "
    "congressman congresswoman judge cllr chairperson magistrate "
    "sergeant sgt captain capt corporal cpl detective det inspector insp superintendent supt "
    "constable brigadier brig marshal commissioner sheriff coroner attorney "
    # written as initials before a name: "Acme CEO Ann Roe", "Delhi CM", "Alder SP"
    "ceo cfo coo cto mp mla mep pm cm sp asp dsp ssp acp"
    # police posts of South Asia and Nigeria as initials before a name: "SDPO Ann Roe",
    # "IIC Ann Roe", "CP Ann Roe"
    " sdpo sdm iic sho dpo dcp dig igp cp csp"
    # district posts of South Asia as initials or words before a name: "DM Ann Roe",
    # "DC Ann Roe", "District Collector Ann Roe"
    " dm adm dc adc collector dgp adgp"
)
PERSON_TITLES = frozenset(
    {"mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "rev", "father", "sister"}
    | {"datuk", "dato", "datin", "seri", "tun", "alhaji"}
    | {"cde", "comrade"}  # "Zanu PF spokesperson Cde Ann Roe"
)

# People in a street report, quoted by what they are ("said a fruit seller", "one of the
# injured said"): unnamed sources.
BYSTANDERS = (
    "seller sellers vendor vendors shopkeeper shopkeepers friend friends passenger passengers "
    "bystander bystanders customer customers neighbour neighbours neighbor neighbors "
    "eyewitness eyewitnesses injured wounded victim victims labourer labourers laborer "
    "laborers trader driver"
)

# Head nouns of speaker phrases written in lower case ("the Syrian army said").
ROLE_NOUNS = words(
    "army military ministry government police officials official spokesperson spokesman "
    "spokeswoman analyst analysts monitor observatory agency office department "
    "authorities authority statement report study survey data figures researchers experts "
    "expert doctors witnesses residents sources source chief head director leader leaders "
    "commander minister president mayor governor prosecutors prosecutor court judge "
    "lawyer lawyers union company firm bank group organisation organization council "
    "committee forces activists media broadcaster newspaper outlet website lawmakers "
    "senator economist economists scientists scientist professor officer officers "
    "regulator watchdog campaigners charity hospital coalition opposition party service "
    "ministers envoy diplomat diplomats negotiators administration cabinet parliament "
    "presidency junta rebels militants fighters insurgents residents survivors medics "
    "paramedics teachers workers employees executives investors traders poll census "
    "records filing ruling indictment memo letter analysis research investigation review "
    "estimate estimates officer spokespeople representatives representative secretary "
    "chairman ceo founder researcher epidemiologist historian correspondent reporter "
    "editor journalist journalists commission directorate documents inspectorate tribunal "
    "paediatrician pediatrician physician surgeon nurse doctor virologist member members "
    "board bureau movement militia airline insurer lender retailer manufacturer jury panel "
    "operator owner contractor subsidiary developer manufacturer supplier boss coach manager "
    "automakers carmakers drugmakers chipmakers "
    "captain striker player campaigner councillor chairperson chair gaffer skipper villagers "
    "critics respondents candidates results tally statistics release details magistrate "
    "reports attorneys command resident witness villager critic activist observer survivor "
    "bench body tribunal tactician counsel advocate solicitor barrister attorney center centre "
    "coroner commissioner commissioners administrator administrators stalwart stalwarts "
    + BYSTANDERS
)

# Role words that make an appositive worth checking ("a spokesperson for", "an analyst
# with"); generic people ("a resident", "witnesses") are left out.
CHARACTERISING_ROLES = words(
    "spokesperson spokesman spokeswoman spokespeople chief head director leader commander "
    "minister president mayor governor prosecutor judge lawyer analyst researcher expert "
    "economist scientist professor officer official envoy diplomat secretary chairman "
    "chairwoman chair ceo founder epidemiologist historian correspondent editor "
    "paediatrician pediatrician physician surgeon virologist member monitor observatory "
    "watchdog agency group organisation organization militia think tank charity coalition "
    "councillor councilor senator lawmaker chairs heads leads runs founded operator owner "
    "contractor subsidiary affiliate supplier developer"
)

DOCUMENT_NOUNS = words(
    "report study survey data figures statement poll census records filing ruling "
    "indictment memo letter analysis research investigation review estimate estimates "
    "document documents paper audit assessment results tally statistics release details "
    "reports calculations calculation projections forecasts tallies count statements accounts"
)

ANALYST_ROLES = words(
    "analyst analysts researcher researchers expert experts economist economists fellow "
    "scholar professor scientist scientists academic strategist specialist consultant "
    "lecturer historian epidemiologist"
)
OFFICIAL_ROLES = words(
    "spokesperson spokesman spokeswoman spokespeople minister ministers secretary "
    "governor mayor ambassador official officials senator president premier commissioner "
    "general colonel envoy deputy lawmaker lawmakers mp congressman congresswoman "
    "chancellor diplomat diplomats officer officers prosecutor prosecutors judge "
    "representative representatives"
)
# Roles that speak *for* their organisation: the organisation joins the chain.
SPOKES_ROLES = words(
    "spokesperson spokesman spokeswoman spokespeople chief head director secretary "
    "secretary-general director-general chairman chairwoman chairperson chair commissioner"
)
# Ranks and posts of a police force or an armed body: an officer giving the
# facts of a case speaks for the force ("Michigan State Police Lt. Ann Roe said").
FORCE_RANKS = words(
    "officer lieutenant lt sergeant sgt captain capt corporal cpl detective det inspector "
    "insp superintendent supt constable commander colonel col commissioner brigadier brig marshal"
)

GOVERNMENT_WORDS = words(
    "army military ministry government police authorities cabinet parliament presidency "
    "directorate department inspectorate treasury "
    "navy forces junta administration kremlin pentagon"
)
MONITOR_WORDS = frozenset({"monitor", "observatory", "watchdog"})
AGENCY_WORDS = frozenset({"press", "agency", "agence", "presse", "wire"})
PUBLICATION_WORDS = words(
    "newspaper times post journal guardian telegraph herald tribune gazette magazine news "
    "tv television radio broadcaster daily outlet website channel"
)
ORGANISATION_WORDS = words(
    "institute institution foundation council center centre university association "
    "organization organisation fund bank union committee commission group coalition "
    "alliance federation society trust league network company inc ltd corp party movement "
    "front brigade brigades hospital clinic church charity ngo watch international holdings "
    "plc llc airlines airways rail railways energy mining motors industries partners "
    "capital technologies systems command bureau board authority administration court "
    "tribunal bench office service secretariat panel forum assembly consortium programme"
)

# Head nouns that let "the Observatory" or "the Institute" refer back to a full name.
COREF_HEADS = words(
    "observatory institute ministry agency council committee commission bank fund "
    "organization organisation group coalition court army party foundation center centre "
    "university union monitor network front alliance federation company office directorate "
    "department command bureau board authority"
)

CASUALTY_WORDS = words(
    "killed kill kills dead died die dies death deaths wounded injured injuries "
    "casualties fatalities massacre massacred executed murdered victims bodies toll"
)

HEDGE_WORDS = words(
    "likely may might could would should possibly perhaps probably will must seemed seems "
    "apparently"
)
# "plans to", "is expected to", "hopes to": intentions, not events ("the plans" is a noun).
HEDGE_BEFORE_TO = words(
    "plans plan planning hopes hope expected expects intends aims scheduled slated poised"
)

EVENT_VERBS = words(
    "entered captured seized took killed attacked launched fell withdrew withdrawn "
    "arrested freed released signed passed approved voted resigned elected banned closed "
    "opened increased raised cut fired struck bombed shelled invaded destroyed died won "
    "lost collapsed crashed exploded erupted evacuated detained deported sentenced "
    "convicted acquitted charged sued fined hired appointed dismissed sacked ousted "
    "overthrew crossed reached surrounded besieged recaptured retook occupied bombarded "
    "shot stormed raided introduced imposed lifted suspended halted resumed rose fell "
    "dropped doubled tripled surged plunged climbed declined grew shrank recorded "
    "reported confirmed survived forced disproved debunked"
)

SUPERLATIVE_PATTERNS = (
    r"\bone of the (?:few|only|largest|biggest|oldest|most|last|first)\b",
    r"\b(?:is|was|are|were|remains|remained|became) the (?:last|only|first|sole)\b",
    r"\bthe (?:first|only|largest|biggest|highest|lowest|worst|deadliest|longest|oldest)\b",
    r"\bthe most \w+\b",
    r"\b(?:a|an) (?:all-time|record)\b",
    r"\brecord[- ](?:high|low|number|level)\b",
)

LOADED_LABELS = words(
    "mercenaries mercenary terrorists terrorist thugs puppet puppets regime mouthpiece "
    "propagandists jihadists extremists"
)

# "Iranian-backed", "MI6-run", "London-based": labels that characterise an actor.
LABEL_SUFFIXES = (
    "backed",
    "linked",
    "funded",
    "run",
    "controlled",
    "affiliated",
    "aligned",
    "allied",
    "sponsored",
    "supported",
    "led",
    "owned",
    "financed",
    "armed",
)
CHARACTERISING_PHRASES = (
    "run by",
    "backed by",
    "funded by",
    "linked to",
    "affiliated with",
    "close to",
    "allied with",
    "owned by",
    "controlled by",
    "financed by",
    "sponsored by",
    "loyal to",
    "tied to",
    "accused of",
    "known for",
    "designated as",
    "founded by",
)

# What a post is over, not a body: "Undersecretary for Public Health Affairs",
# "Commissioner of Police", "Minister for Foreign Affairs"
PORTFOLIO_NOUNS = words(
    "affairs health services development security safety relations operations works "
    "resources planning education welfare protection management information administration "
    "defence defense justice police trade finance industry commerce transport energy "
    "environment agriculture housing labour labor tourism communications enforcement"
)

# Heads of anonymous or vague sourcing: recorded on the claim as unnamed, flagged,
# never proposed as a registry entry ("officials", "a company spokesperson").
UNNAMED_HEADS = words(
    "officials official spokesperson spokesman spokeswoman spokespeople sources source "
    "witnesses witness worker residents resident villagers critics activists analysts "
    "analyst experts "
    "expert economists economist doctors diplomats diplomat observers people survivors medics "
    "paramedics scientists scientist researchers researcher respondents opponents supporters "
    "lawyers attorneys counsel advocate solicitor barrister attorney aides aide insiders "
    "officers officer members member representatives representative monitors judges "
    "administrator administrators "
    "correspondent correspondents "
    "candidates groups authorities reports report study survey research analysis estimates "
    "neuroscientists teachers workers employees investors traders campaigners protesters "
    "automakers carmakers drugmakers chipmakers "
    "commanders negotiators lawmakers statement statements investigation probe inquiry "
    "review audit assessment data figures results details statistics estimates records "
    "calculations calculation projections forecasts tallies tally count person persons "
    "doctor nurse nurses medic villager survivor relative relatives neighbour neighbours "
    "neighbor neighbors eyewitness eyewitnesses farmer farmers media memo memos owner " + BYSTANDERS
)

# "the head coach said": a person named before with that role.
PERSON_REFERENCE_ROLES = words(
    "coach boss manager gaffer skipper captain minister governor judge magistrate spokesperson "
    "spokesman spokeswoman chairman chairwoman chairperson president mayor prosecutor lawyer "
    "director secretary commander chief head economist analyst senator councillor premier "
    "ambassador envoy commissioner collector"
)
ROLE_WORDS = PERSON_REFERENCE_ROLES

TITLE_ABBREVIATIONS = {
    "gov": "governor",
    "sen": "senator",
    "gen": "general",
    "col": "colonel",
    "lt": "lieutenant",
    "cllr": "councillor",
    "rep": "representative",
    "maj": "major",
    "capt": "captain",
    "sgt": "sergeant",
    "cpl": "corporal",
    "det": "detective",
    "insp": "inspector",
    "supt": "superintendent",
    "adm": "admiral",
    "dr": "doctor",
    "prof": "professor",
}

# "the Britain-based watchdog", "the agency": which kinds of source a definite
# organisation noun may refer back to.
_MONITOR = frozenset({"monitor"})
_ORGANISATION = frozenset({"organisation", "monitor"})
_AGENCY = frozenset({"agency", "government", "organisation"})
_COMPANY = frozenset({"organisation"})
_INSTITUTION = frozenset({"government", "organisation"})
ORG_REFERENCE_KINDS: dict[str, frozenset[str]] = {
    **dict.fromkeys(("watchdog", "monitor", "observatory"), _MONITOR),
    **dict.fromkeys(
        ("group", "organisation", "organization", "movement", "militia"), _ORGANISATION
    ),
    "agency": _AGENCY,
    **dict.fromkeys(
        (
            "company",
            "firm",
            "retailer",
            "carrier",
            "operator",
            "maker",
            "manufacturer",
            "insurer",
            "lender",
            "airline",
            "chain",
            "researcher",
        ),
        _COMPANY,
    ),
    **dict.fromkeys(
        (
            "commission",
            "ministry",
            "command",
            "council",
            "court",
            "department",
            "office",
            "committee",
            "board",
            "bureau",
            "directorate",
            "service",
            "authority",
            "military",
            "army",
            "police",
            "union",
            "party",
            "coalition",
            "alliance",
            "front",
            "network",
            "institute",
            "bench",
            "body",
            "tribunal",
            "center",
            "centre",
        ),
        _INSTITUTION,
    ),
}
# These refer back only to a source whose name has the same head word.
NAMED_HEAD_ONLY = words(
    "commission ministry command council court department office committee board bureau "
    "directorate service authority military army police institute bench tribunal "
    "center centre"
)

# Words for one kind of post: "the lawmaker" after "Senator Ann Roe", "the tactician" after
# "coach Tom Hale", "the executive" after "Ann Roe, chief executive of Acme".
ROLE_FAMILIES = (
    words("coach manager boss gaffer tactician mentor trainer"),
    words(
        "lawmaker legislator senator sen mp mla mep representative rep congressman "
        "congresswoman assemblyman assemblywoman parliamentarian"
    ),
    words("executive ceo cfo coo cto chairman chairwoman chairperson md"),
    words(
        "officer dgp adgp igp dig sp ssp asp dsp acp dcp sho superintendent inspector "
        "sergeant detective constable"
    ),
)

# "the gaffer said" with no one of that role named before: the last person quoted.
TEAM_ROLES = words("coach boss manager gaffer skipper captain tactician")
# "the statement", "a press release": the statement of the last organisation quoted.
STATEMENT_NOUNS = words("statement release communique communiqué")
COUNTRY_CODES = words("US UK USA UAE")

WEEKDAYS = words("monday tuesday wednesday thursday friday saturday sunday")
MONTHS = words(
    "january february march april may june july august september october november december"
)
# a part of a body, named after its description ("the army's media wing Inter Forces PR")
PART_NOUNS = words("wing arm unit branch division")

# Documents too generic to check on their own: dropped from a chain that names
# whose they are ("the Commission says provisional results show").
GENERIC_DOCUMENTS = words("data figures results details statistics numbers estimates")
OWNED_BODY_NOUNS = words("agency body arm")

# Past tenses that do not end in -ed, for finding asserted events.
IRREGULAR_PAST = words(
    "won lost came went took made fell hit beat struck led sent gave held left met ran rose "
    "saw shot spent stood bought brought built caught chose drove fought got grew kept knew "
    "paid sold shut sank stole threw began broke fled froze overtook overran underwent became "
    "quit sworn"
)
# A word ending in -ed after these is an adjective or a participle in a phrase.
NOT_PAST_BEFORE = words(
    "very so more most less least well ill un newly recently widely much also not never to "
    "of in on at by for with from into than as"
)
NOT_PAST_VERBS = words(
    "based related detailed limited united interested concerned armed unconfirmed advanced "
    "experienced expected needed indeed speed seed breed feed need unnamed alleged "
    "so-called supposed disputed contested biased"
)

# Countries speak through their governments: "Ukraine said" is not a person.
COUNTRIES = words(
    "afghanistan albania algeria angola argentina armenia australia austria azerbaijan bahrain "
    "bangladesh belarus belgium bolivia bosnia brazil britain bulgaria burkina faso cambodia "
    "cameroon canada chad chile china colombia congo croatia cuba cyprus czechia denmark "
    "djibouti ecuador egypt eritrea estonia ethiopia finland france gabon georgia germany ghana "
    "greece guatemala guinea haiti honduras hungary iceland india indonesia iran iraq ireland "
    "israel italy jamaica japan jordan kazakhstan kenya kosovo kuwait kyrgyzstan laos latvia "
    "lebanon liberia libya lithuania luxembourg madagascar malawi malaysia maldives mali malta "
    "mauritania mexico moldova mongolia montenegro morocco mozambique myanmar namibia nepal "
    "netherlands nicaragua niger nigeria norway oman pakistan palestine panama paraguay peru "
    "philippines poland portugal qatar romania russia rwanda senegal serbia singapore slovakia "
    "slovenia somalia spain sudan sweden switzerland syria taiwan tajikistan tanzania thailand "
    "togo tunisia turkey turkmenistan uganda ukraine uruguay uzbekistan venezuela vietnam yemen "
    "zambia zimbabwe fiji nauru samoa tonga vanuatu"
) | frozenset(
    {
        "united states",
        "us",
        "usa",
        "uk",
        "united kingdom",
        "south africa",
        "south korea",
        "north korea",
        "saudi arabia",
        "new zealand",
        "sri lanka",
        "sierra leone",
        "south sudan",
        "ivory coast",
        "north macedonia",
        "united arab emirates",
        "czech republic",
        "dominican republic",
        "el salvador",
        "costa rica",
        "burkina faso",
    }
)
