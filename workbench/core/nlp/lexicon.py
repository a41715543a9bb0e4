"""The word lists of claim extraction, in one place.

Numbers written in words, scales, fractions, qualifiers, currencies, months,
weekdays, time units, ordinals, event nouns, reporting and opinion verbs, units
of measure. Plain data (no spaCy): every extraction module reads its words here,
so a word added once is known everywhere.
"""

from __future__ import annotations

# --- numbers -----------------------------------------------------------------------------

NUMBER_WORDS: dict[str, int] = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
"""Numbers below twenty written as words."""

COUNT_WORDS: dict[str, int] = {"a": 1, "an": 1, "single": 1, "both": 2, "couple": 2, "pair": 2}
"""Words that count without being numbers ("a couple of", "both")."""

TENS_WORDS: dict[str, int] = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}

SCALE_WORDS: dict[str, float] = {
    "hundred": 100,
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "lakh": 1e5,
    "crore": 1e7,
}
"""Scales written as words (singular)."""

SCALE_SUFFIXES: dict[str, float] = {
    "k": 1e3,
    "m": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "bn": 1e9,
    "b": 1e9,
    "tn": 1e12,
    "tr": 1e12,
}
"""Abbreviated scales written after a number: "£12.5m", "$3bn", "40k"."""

RANKED_SCALES = frozenset({"category"})
"""Nouns naming a step on a scale before its number ("a Category 3 storm")."""

LARGE_SCALE_WORDS = frozenset(
    {"million", "billion", "trillion", "lakh", "lakhs", "crore", "crores"}
)
"""Scales the entity recognizer often leaves outside an amount ("₹1.5" + "lakh crore")."""

PLURAL_SCALES: dict[str, float] = {
    "hundreds": 100,
    "thousands": 1e3,
    "millions": 1e6,
    "billions": 1e9,
    "dozens": 12,
    "tens": 10,
}
"""Vague orders of magnitude: "hundreds of", "tens of thousands"."""

FRACTIONS: dict[str, float] = {
    "half": 1 / 2,
    "halves": 1 / 2,
    "third": 1 / 3,
    "thirds": 1 / 3,
    "quarter": 1 / 4,
    "quarters": 1 / 4,
    "fifth": 1 / 5,
    "fifths": 1 / 5,
    "sixth": 1 / 6,
    "sixths": 1 / 6,
    "eighth": 1 / 8,
    "eighths": 1 / 8,
    "tenth": 1 / 10,
    "tenths": 1 / 10,
}
"""Fraction words: "a third of", "two-thirds", "three quarters"."""

ORDINALS: dict[str, int] = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "twentieth": 20,
    "hundredth": 100,
    "last": -1,
}

# --- qualifiers --------------------------------------------------------------------------

QUALIFIERS: tuple[tuple[str, str], ...] = (
    ("more than", "more-than"),
    ("greater than", "more-than"),
    ("higher than", "more-than"),
    ("over", "more-than"),
    ("above", "more-than"),
    ("in excess of", "more-than"),
    ("upwards of", "more-than"),
    ("at least", "at-least"),
    ("no fewer than", "at-least"),
    ("no less than", "at-least"),
    ("as many as", "up-to"),
    ("as much as", "up-to"),
    ("up to", "up-to"),
    ("at most", "at-most"),
    ("no more than", "at-most"),
    ("less than", "less-than"),
    ("fewer than", "less-than"),
    ("under", "less-than"),
    ("below", "less-than"),
    ("nearly", "nearly"),
    ("almost", "nearly"),
    ("close to", "nearly"),
    ("just under", "nearly"),
    ("about", "about"),
    ("around", "about"),
    ("roughly", "about"),
    ("approximately", "about"),
    ("some", "about"),
    ("an estimated", "about"),
    ("estimated", "about"),
    ("circa", "about"),
    ("just over", "more-than"),
    ("well over", "more-than"),
    ("well above", "more-than"),
    ("well under", "less-than"),
    ("well below", "less-than"),
    ("exactly", "exact"),
    ("precisely", "exact"),
    ("only", "exact"),
    ("just", "exact"),
)
"""Words before a number and the qualifier they give its value (longest match wins)."""

QUALIFIER_PHRASES = frozenset(q for q, _ in QUALIFIERS) | {"only around", "only about"}
"""Qualifiers the entity recognizer may leave outside an amount ("nearly" + "one in four")."""

QUALIFIER_DISPLAY: dict[str, str] = {
    "more-than": "more than",
    "less-than": "less than",
    "at-least": "at least",
    "at-most": "at most",
    "up-to": "up to",
    "nearly": "nearly",
    "about": "about",
    "exact": "",
}
"""How each qualifier value reads in tables and reports."""

# --- money -------------------------------------------------------------------------------

CURRENCY_SYMBOLS: dict[str, str] = {
    "$": "USD",
    "us$": "USD",
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
    "₹": "INR",
    "₽": "RUB",
    "₩": "KRW",
    "₺": "TRY",
    "₴": "UAH",
    "a$": "AUD",
    "c$": "CAD",
    "hk$": "HKD",
    "r$": "BRL",
    "chf": "CHF",
    "usd": "USD",
    "eur": "EUR",
    "gbp": "GBP",
    "jpy": "JPY",
    "cny": "CNY",
    "rmb": "CNY",
    "inr": "INR",
    "rub": "RUB",
}
"""Currency signs and ISO codes, lower case."""

CURRENCY_TOKENS = frozenset(k for k in CURRENCY_SYMBOLS if not k.isalpha())
"""Currency signs that stand before an amount as their own token ("$" "100,000")."""

CURRENCY_PHRASES: dict[str, str] = {
    "cfa franc": "XOF",
    "cfa francs": "XOF",
    "swiss franc": "CHF",
    "swiss francs": "CHF",
    "hong kong dollar": "HKD",
    "hong kong dollars": "HKD",
    "australian dollar": "AUD",
    "australian dollars": "AUD",
    "canadian dollar": "CAD",
    "canadian dollars": "CAD",
    "new zealand dollar": "NZD",
    "new zealand dollars": "NZD",
    "singapore dollar": "SGD",
    "singapore dollars": "SGD",
    "us dollar": "USD",
    "us dollars": "USD",
}
"""Two-word currency names."""

CURRENCY_WORDS: dict[str, str] = {
    "dollar": "USD",
    "dollars": "USD",
    "euro": "EUR",
    "euros": "EUR",
    "pound": "GBP",
    "pounds": "GBP",
    "sterling": "GBP",
    "yen": "JPY",
    "yuan": "CNY",
    "renminbi": "CNY",
    "rupee": "INR",
    "rupees": "INR",
    "ruble": "RUB",
    "rubles": "RUB",
    "rouble": "RUB",
    "roubles": "RUB",
    "franc": "CHF",
    "francs": "CHF",
    "won": "KRW",
    "lira": "TRY",
    "hryvnia": "UAH",
    "peso": "MXN",
    "pesos": "MXN",
    "real": "BRL",
    "reais": "BRL",
    "rand": "ZAR",
    "naira": "NGN",
    "shekel": "ILS",
    "shekels": "ILS",
    "cents": "USD",
    "pence": "GBP",
    "krona": "SEK",
    "kronor": "SEK",
    "krone": "NOK",
    "kroner": "NOK",
    "zloty": "PLN",
    "ringgit": "MYR",
    "baht": "THB",
    "dinar": "DZD",
    "dirham": "AED",
    "riyal": "SAR",
    "rupiah": "IDR",
    "taka": "BDT",
    "cedi": "GHS",
    "cedis": "GHS",
    "kwacha": "ZMW",
    "bitcoin": "BTC",
}
CURRENCY_WORDS |= {
    f"{w}s": c for w, c in list(CURRENCY_WORDS.items()) if not w.endswith("s")
}  # "zlotys", "dinars", "riyals": the plain plural of every name
"""One-word currency names (cents and pence count in hundredths)."""

# --- time --------------------------------------------------------------------------------

MONTHS: dict[str, int] = {
    m: i + 1
    for i, m in enumerate(
        """january february march april may june july august september october november
        december""".split()
    )
}
MONTH_ABBREVIATIONS: dict[str, int] = {m[:3]: i for m, i in MONTHS.items()} | {"sept": 9}
WEEKDAYS: tuple[str, ...] = (
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
)
DATE_WORDS = (
    frozenset(MONTHS)
    | frozenset(MONTH_ABBREVIATIONS)
    | frozenset(WEEKDAYS)
    | {w[:3] for w in WEEKDAYS}
)
"""Month and weekday names with their abbreviations (lower case, no dot)."""

TIME_UNITS: dict[str, str] = {
    "second": "second",
    "minute": "minute",
    "hour": "hour",
    "day": "day",
    "night": "day",
    "week": "week",
    "fortnight": "fortnight",
    "month": "month",
    "year": "year",
    "decade": "decade",
    "century": "century",
    "centuries": "century",
    "millennium": "millennium",
}
"""Words of a duration and the unit they are counted in."""

UNIT_SECONDS: dict[str, int] = {
    "second": 1,
    "minute": 60,
    "hour": 3600,
    "day": 86400,
    "week": 604800,
    "fortnight": 1209600,
    "month": 2629746,
    "year": 31556952,
    "decade": 315569520,
    "century": 3155695200,
    "millennium": 31556952000,
}

ELIDED_YEAR_PIVOT = 30
"""An elided year "’yy" is 20yy up to this, 19yy above it ("’91" is 1991, "’08" is 2008)."""

# --- measures ----------------------------------------------------------------------------

MEASURE_UNITS = frozenset(
    """mile miles kilometre kilometres kilometer kilometers km metre metres meter meters cm mm
    foot feet ft inch inches yard yards acre acres hectare hectares ha square
    ton tons tonne tonnes kg kilogram kilograms gram grams lb pound pounds ounce ounces
    litre litres liter liters gallon gallons barrel barrels
    degree degrees celsius fahrenheit mph kph kmh watt watts megawatt megawatts gigawatt gigawatts
    kwh mw gw volt volts percent per cent storey storeys story stories floor floors seat seats
    bed beds lane lanes""".split()
)
"""Units of measure: in "a 10-mile race" the number measures; in "a two-state solution" it names."""

SPEED_UNITS: dict[str, str] = {
    "mph": "mph", "mi/h": "mph", "miles per hour": "mph", "mile per hour": "mph",
    "miles an hour": "mph", "km/h": "km/h", "kmh": "km/h", "kph": "km/h", "kmph": "km/h",
    "km/hr": "km/h", "kilometres per hour": "km/h", "kilometers per hour": "km/h",
    "km per hour": "km/h", "kilometres an hour": "km/h", "kilometers an hour": "km/h",
    "knot": "knots", "knots": "knots", "kt": "knots", "kts": "knots", "m/s": "m/s",
    "metres per second": "m/s", "meters per second": "m/s",
}
"""Units of speed as written (one token or several: "km" "/" "h") -> the unit shown."""

POINT_MEASURES = frozenset(
    "lead margin gap swing rise fall drop increase decrease cut jump gain loss deficit".split()
)
"""Nouns that "N-point" measures ("a 10-point lead"); elsewhere "point" names parts of a plan."""

# --- events and speech -------------------------------------------------------------------

EVENT_NOUNS = frozenset(
    """agreement treaty accord pact deal convention summit election referendum war ceasefire
    truce protocol charter act bill law resolution sanctions memorandum alliance""".split()
)
"""Nouns of agreements, laws and events that a name makes checkable ("the Minsk agreement")."""

NAMED_EVENT_WORDS = EVENT_NOUNS | {"league", "cup", "games", "olympics", "championship"}
"""Words that make an organization's name the name of an event or law."""

LAW_WORDS = frozenset(
    """act acts bill bills code treaty convention directive charter regulation regulations
    law laws amendment constitution protocol accord accords agreement pact article section
    clause rule rules statute order decree ordinance resolution title chapter guidance
    guidelines v v. vs vs.""".split()
)
"""Words a law's or ruling's name holds ("Housing Act 1988", "Article 5", "Roe v. Wade")."""

REPORTING_VERBS = frozenset(
    """say tell add state declare write insist argue claim warn explain note announce ask reply
    conclude confirm deny admit acknowledge recall suggest stress emphasize emphasise
    urge predict promise vow pledge assert complain comment respond report testify tweet
    remark observe describe quote thank accuse caution concede estimate reveal allege""".split()
)
"""Verbs of saying (lemmas): "X said ...", "X told reporters ..."."""

OPINION_VERBS = frozenset(
    "think believe feel hope wish want like love hate guess suppose know understand "
    "agree disagree".split()
)
"""Verbs of opinion and wish (lemmas): "I think ..." is rarely checkable."""

CHANGE_WORDS = frozenset({"up", "down", "higher", "lower"})
"""Adverbs that say a figure changed ("up 30% from last year")."""

NAME_LABELS = frozenset({"PERSON", "GPE", "ORG", "NORP", "LOC", "FAC"})
"""spaCy entity labels of people, places and organizations."""

JUDGEMENT_ADJECTIVES = frozenset(
    """disgraceful shameful appalling awful terrible dreadful horrendous horrible outrageous
    ridiculous absurd laughable pathetic scandalous deplorable regrettable unacceptable
    unjust unfair harsh lenient misguided reckless irresponsible naive foolish stupid
    excessive disproportionate inadequate disappointing encouraging heartening
    excellent outstanding brilliant superb magnificent marvellous marvelous wonderful
    fantastic terrific lovely beautiful fearless bold courageous brave heroic inspiring
    remarkable extraordinary impressive incredible amazing stunning spectacular glorious
    admirable exemplary shocking sickening disgusting cruel manipulative dishonest
    right wrong sad historic missed sensible short-sighted""".split()
)
"""Adjectives of praise or blame: a clause whose complement is one ("the plan was
reckless", "an outstanding leader") is a judgement, whoever is credited with it."""
JUDGEMENT_NOUNS = frozenset(
    """disgrace travesty shambles farce fiasco betrayal insult outrage scandal triumph
    joke nonsense eyesore masterpiece embarrassment mess sham charade affront slap
    disaster catastrophe hero heroes legend genius joy privilege honour honor pleasure
    nightmare tragedy shame""".split()
)
"""Nouns of praise or blame as a clause's complement ("the plan was a disgrace",
"called the film a triumph"). Not "mistake" or "error": an admission of one is news."""
JUDGEMENT_ADVERBS = frozenset(
    """badly poorly brilliantly superbly magnificently disgracefully shamefully
    appallingly terribly admirably""".split()
)
"""Manner adverbs of praise or blame ("had handled the matter badly")."""

MORE_FEELINGS = frozenset(
    """numb confused annoyed irritated outraged livid bitter distressed traumatised
    traumatized rattled spooked unsettled uneasy wary jubilant euphoric exhilarated helpless
    hopeless powerless despondent dejected deflated insulted offended humiliated puzzled
    perplexed mystified impressed unimpressed dissatisfied displeased enraged incensed
    indignant resentful envious jealous bereft panicked alarmed apprehensive fearful
    sceptical skeptical anguished grieving joyful tearful weary""".split()
)
"""States of mind beside ``statements.FEELING_ADJECTIVES`` (which the factual gate also
reads as a word class, so its own list stays as it was trained): "she said she was numb",
"shoppers were confused by the new rules"."""

MORE_FEELING_VERBS = frozenset("panic fret despair grieve rejoice agonise agonize".split())
"""Verbs of a state of mind beside ``statements.FEELING_VERBS`` (a word class of the
gate): "nobody in the squad is panicking, the captain insisted" reports a mood."""

PEOPLE_NOUNS = frozenset(
    """people person man men woman women child children boy boys girl girls baby family
    families parent mother father son daughter sister brother wife husband widow relative
    friend neighbour neighbor resident local villager citizen voter taxpayer customer
    shopper commuter passenger traveller traveler tourist visitor holidaymaker pensioner
    patient nurse doctor midwife carer teacher pupil student worker employee staff crew
    member player squad fan supporter spectator audience crowd actor singer musician
    artist writer author director chef farmer fisherman trader investor shareholder
    owner landlord tenant homeowner driver rider runner athlete coach manager captain
    officer soldier veteran survivor victim witness defendant volunteer campaigner
    activist protester demonstrator critic scientist researcher economist analyst expert
    official minister politician mp senator councillor councilor mayor leader executive
    teenager migrant refugee islander""".split()
)
"""Nouns of people (lemmas): a subject of one of these can feel ("the players were
devastated"), where "the town was devastated" is an event."""

STREAK_WORDS = frozenset({"straight", "consecutive", "successive", "running"})
"""Words after an ordinal that make it a place in a run ("a third straight month")."""

CONTEST_VERBS = frozenset(
    """win lose beat draw trail lead defeat edge thrash hammer crush rout overcome tie level
    finish end pass carry reject approve vote""".split()
)
"""Verbs (lemmas) whose "N-M" is a score or a tally of votes ("lost 1-3", "trailing 10-17",
"beat Australia 31-28", "passed 52-48"), whichever number is larger; elsewhere "3-5" is a range."""

CONTEST_NOUNS = frozenset(
    """win victory defeat loss draw lead score scoreline result thrashing drubbing triumph
    tie vote ballot decision verdict""".split()
)
"""Nouns (lemmas) an "N-M" score describes ("a 2-1 win", "the 4-0 defeat", "the vote was
52-48")."""

SECURITY_NOUNS = frozenset(
    "bond bonds note notes gilt gilts bund bunds treasury treasuries yield".split()
)
"""Securities named by their term: "the 10-year bond", "the two-year Treasury note" name a
kind of paper, not a length of time that something took."""

ORDINAL_IDIOMS = frozenset("time timer hand rate party person degree guess string nature".split())
"""Words an ordinal is hyphenated to in a word of its own that ranks nothing: "first-time
buyers" (buying for the first time), "second-hand", "first-rate", "third-party", "first-degree";
"first-choice", "second-tier", "third-placed" are ranks."""

# --- entity labels -----------------------------------------------------------------------

AMOUNT_ENTS = frozenset({"CARDINAL", "MONEY", "PERCENT", "QUANTITY"})
"""spaCy's entity labels of a count or an amount: a clause holding one counts something."""
