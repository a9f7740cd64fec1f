"""Find checkable number phrases: counts, amounts, percentages, distances.

A phrase is the number with its approximation ("about", "more than"), its
magnitude ("billion"), its unit or counted noun ("kilometers", "detainees")
and a conversion in brackets ("(25 miles)"). Years, dates, times, ordinals,
durations and numbers that are part of a name ("COVID-19", "F-16",
"Resolution 2254") are not statistics.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


def _words(text: str) -> frozenset[str]:
    """A word list written as one string (keeps long lists readable)."""
    return frozenset(text.split())


def _split(text: str) -> list[str]:
    return text.split()


_APPROX = (
    r"(?:\b(?:about|around|approximately|roughly|nearly|almost|over|under|above|below"
    r"|more than|less than|fewer than|at least|at most|up to|some|an estimated|estimated"
    r"|just over|just under|just"
    r"|close to|as many as|as much as|as few as|as high as|as low as|well over|only)\s+"
    r"|\b(?:near|nearly|almost|over|around|about)-(?=\d)"  # "a near-48% rise"
    r"|\bplus\s+or\s+minus\s+|\+\s?/\s?-\s?|\u00b1\s?)?"  # a margin: "plus or minus 3 points"
    r"(?:\b(?:minus|negative)\s+)?"  # "dipped to minus 7 per cent": the sign is the figure's
)
_CURRENCY = (
    r"(?:(?:US|A|C|HK|NZ)?[$\u00a3\u20ac\u00a5\u20b9\u20a6\u20b5\u20b1\u20a9\u20bd\u20ba]\s?"
    # "Tk. 465.2 billion", "KSh 3 billion", "US dollars 443 million": a currency named before
    r"|\b(?:USD|EUR|GBP|INR|PKR|BDT|NGN|KES|GHS|ZAR|Rs\.?|RM|Tk\.?|KSh|Ksh|US\s+dollars?)"
    r"\s?(?=\d))"
)
_DIGITS = (
    # a decimal comma: "61,07%", "$594,5 million", "$13,9 a share"
    r"\d{1,3},\d{1,2}(?=\s?(?:%|per\s?cent|percent|million|billion|trillion)\b|%)|"
    r"(?<=[$\u00a3\u20ac])\d{1,3},\d{1,2}(?![\d,])|"
    # Indian grouping: "4,88,902.84 crore", "31,28,000 women", "10,00,000"
    r"\d{1,2}(?:,\d\d)+,\d{3}(?:\.\d+)?(?!,?\d)|"
    r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?!\d)|\d+(?:\.\d+)?"
)
_MAGNITUDE = (
    r"(?:(?:\s?|-(?=(?:lakh|million|billion|trillion|crore)\b))(?:lakh\s+crores?|million|billion|trillion|thousand|hundred|lakh|lakhs|crore|crores"
    r"|cr|bn|mn|m|k)\b)"
)
_PERCENT = r"(?:\s?(?:%|percent\b|per cent\b|percentage points?\b)|-(?:percent|per-cent)\b)"
_CONVERSION = r"(?:\s*\([^()\n]{1,40}\))"
_TEMPERATURE = (
    r"(?:\s?\u00b0\s?[CF]\b|\s?[CF]\b(?![.\w])|\s+degrees?(?:\s+(?:Celsius|Fahrenheit|C|F)\b)?"
    r"|\s+deg\.?\s?[CF]\b)"
)

# "22,195,100ha", "104pc", "33.64mb/d" (million barrels a day)
_GLUED_UNIT = r"(?:ha|km|kg|pc|mw|gw|kwh|mph|kph|sq\s?km|m?b/d|m?bpd)\b"
_DIGIT_PHRASE = re.compile(
    rf"(?P<approx>{_APPROX})(?P<cur>{_CURRENCY})?(?P<num>{_DIGITS})(?![\d:/])"
    rf"(?P<mag>{_MAGNITUDE})?(?:(?P<pct>{_PERCENT})|(?P<glued>{_GLUED_UNIT})"
    rf"|(?-i:(?P<temp>{_TEMPERATURE})))?",
    re.IGNORECASE,
)
_WORD_COUNT = re.compile(
    rf"(?P<approx>{_APPROX})\b(?P<num>(?:tens of |hundreds of )?(?:dozens|scores|hundreds|thousands"
    r"|millions|billions|tens of thousands|hundreds of thousands) of)\s+"
    r"(?P<noun>[a-z][\w-]*(?:\s+[a-z][\w-]*)?)",
    re.IGNORECASE,
)
_NUMBER_WORDS = _split(
    "two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty "
    "ninety hundred"
)
_WORD_NUMBER = re.compile(
    rf"(?P<approx>{_APPROX})\b(?P<num>(?:a|one|a few|several)"
    r" (?:dozen|hundred|thousand|million|billion)"
    rf"|(?:{'|'.join(_NUMBER_WORDS)})(?:[- ](?:{'|'.join(_NUMBER_WORDS[:8])}))?"
    r"(?: (?:hundred|thousand|million|billion))?)"
    r"(?P<rep>\s*\(\d{1,3}\))?"  # "six (6) additional cases": the figure again in digits
    r"\s+(?P<noun>[a-z][\w-]*)",
    re.IGNORECASE,
)
_FRACTION = re.compile(
    r"\b(?P<num>(?:half|a third|a quarter|two[- ]thirds|three[- ]quarters"
    r"|one[- ]in[- ]\w+) of)\s+(?P<noun>(?:the |all |its |their )?[a-z][\w-]*)",
    re.IGNORECASE,
)
_IN_OR_OUT_OF = r"(?:[- ]in[- ]|\s+out\s+of\s+)"  # "one in four", "one out of four"
_SMALL_NUMBER_WORDS = _split("one two three four five six seven eight nine ten")
# "about six in ten voters", "one in eight tenants": a share said as so many in so many
_SO_MANY_IN = re.compile(
    rf"\b(?P<num>(?:{'|'.join(_SMALL_NUMBER_WORDS[:9])}|\d){_IN_OR_OUT_OF}"
    rf"(?:{'|'.join(_SMALL_NUMBER_WORDS[1:])}|\d{{1,3}}))\b(?![,.]?\d)"
    r"(?!\s*\()(?:\s+(?!(?:said|say|says|of|to|in|and|or|were|was|are|is)\b)"
    r"(?P<noun>[\w-]+(?:\s+[a-z][\w-]*s\b)?))?",
    re.IGNORECASE,
)

_MONTHS = _split(
    "jan feb mar apr may jun jul aug sep sept oct nov dec january february march april "
    "june july august september october november december"
)
_TIME_UNITS = _words(
    "second seconds minute minutes hour hours day days week weeks month months year years "
    "decade decades century centuries night nights am pm a.m p.m o'clock"
)
_STOP_AFTER = _words(
    "the a an of in on at to from by for and or but with as than was were is are be been "
    "has have had will would per that which who this these those its their his her it "
    "they he she we i south north east west southeast southwest northeast northwest away "
    "ago earlier later more less each after before during since until while whereas when "
    "where if though although because unless"
)
_UNITS = _words(
    "kilometers kilometres kilometer kilometre km miles mile meters metres meter metre m "
    "feet foot ft kg kilograms tonnes tons pounds lbs dollars euros pounds yuan rubles "
    "liters litres barrels acres hectares square"
)
_COUNTED_PLURALS = _words("people children men women police personnel staff troops detainees")
_NOUN_MODIFIERS = _words("police staff security army border")
_UNIT_NEXT = re.compile(
    r"\s+(?:kilomet(?:er|re)s?|km|miles?|met(?:er|re)s?|feet|foot|ft|yards?|inches)\b", re.I
)
_YEAR = re.compile(r"^(?:1[89]|20)\d\d$")
_MONTH_BEFORE = re.compile(r"\b(?i:" + "|".join(_MONTHS) + r")\s+$")


@dataclass(frozen=True)
class NumberPhrase:
    start: int
    end: int
    label: str  # "percentage", "amount", "distance", "count", "figure"


def find_numbers(text: str) -> list[NumberPhrase]:
    """Statistic phrases in ``text`` as (start, end) spans, left to right, non-overlapping."""
    found: list[NumberPhrase] = []
    for finder in (
        _record_phrases,
        _breakdown_parts,
        _sport_phrases,
        _half_a_million_phrases,
        _digit_phrases,
        _comparisons_in_words,
        _word_amount_phrases,
        _word_count_phrases,
        _vague_counts_alone,
        _word_number_phrases,
        _fraction_phrases,
        _prison_term_in_words,
        _run_phrases,
    ):
        for phrase in finder(text):
            if not any(p.start < phrase.end and phrase.start < p.end for p in found):
                found.append(phrase)
    found = _changed_in_words_beside_figures(text, found)
    joined = _with_range_starts(
        text,
        _join_compared_in_time(text, _join_compounds(text, sorted(found, key=lambda p: p.start))),
    )
    return [
        _without_dangling_end(text, _count_tail(text, p))
        for p in joined
        if not _breakdown_base(text, p)
    ]


# "between 2,000 and 3,000 people", "10 to 20,000 people", "2-3 degrees": the first number
# of a range, bare because what it counts is said once after the second, is part of the figure
_RANGE_FIRST = re.compile(
    rf"(?P<between>\bbetween\s+)?(?P<approx>{_APPROX})(?:{_CURRENCY})?(?P<num>\d[\d,.]*)"
    rf"(?P<mag>{_MAGNITUDE})?(?:{_PERCENT})?(?P<gap>\s*[-\u2013]\s*|\s+to\s+|\s+and\s+)$",
    re.IGNORECASE,
)
_RANGE_GAP_END = re.compile(r"(?:[-\u2013]\s*|\sto\s+|\sand\s+)$")
_BETWEEN_BEFORE = re.compile(r"\bbetween\s+$", re.IGNORECASE)


def _range_start(text: str, phrase: NumberPhrase, floor: int) -> int:
    if not text[phrase.start : phrase.start + 1].isdigit() and not re.match(
        _CURRENCY, text[phrase.start :]
    ):
        return phrase.start
    if not _RANGE_GAP_END.search(text, max(floor, phrase.start - 6), phrase.start):
        return phrase.start
    first = _RANGE_FIRST.search(text, max(floor, phrase.start - 40), phrase.start)
    if first is None:
        return phrase.start
    if "and" in first.group("gap") and not first.group("between"):
        return phrase.start  # "6 and 300 people" lists two figures, "between 6 and 300" is one
    if _YEAR.match(first.group("num")) and not first.group("mag"):
        return phrase.start  # "from 2019 to 40 percent of the budget"
    return first.start()


def _with_range_starts(text: str, phrases: list[NumberPhrase]) -> list[NumberPhrase]:
    ranged: list[NumberPhrase] = []
    for phrase in phrases:
        floor = ranged[-1].end if ranged else 0
        start = _range_start(text, phrase, floor)
        between = _BETWEEN_BEFORE.search(text, max(floor, start - 10), start)
        if between and " and " in text[start : phrase.end]:
            start = between.start()  # "between $36 and $60 billion"
        ranged.append(NumberPhrase(start, phrase.end, phrase.label))
    return ranged


# "Of the 400 patients, 12 ...", "Among the 61 people tested": the whole a breakdown
# is taken from, stated before as a figure of its own
_BASE_BEFORE = re.compile(
    r"(?:^|[.;:]\s+|\n)\W*(?:Of|Among)\s+(?:the\s+|these\s+|those\s+)?$"
    r"|\b(?:among|amongst)\s+(?:the|these|those)\s+$"
)


_IN_PLACE = re.compile(r"\s+in(?=\s+[A-Z])")


def _in_place(text: str, end: int) -> int:
    """ "one new death in Bikoro": where the addition was counted, when it is a name."""
    where = _IN_PLACE.match(text, end)
    place = _np_end(text, where.end(), limit=3) if where else end
    return place if place > (where.end() if where else end) else end


def _breakdown_base(text: str, phrase: NumberPhrase) -> bool:
    return phrase.label == "count" and bool(
        _BASE_BEFORE.search(text, max(0, phrase.start - 30), phrase.start)
    )


# What may stand between two figures that state one thing: "four new cases of X and
# seven deaths", "$1.9 million, or 3 cents a share", "$65-$70 million", "from 30 to 40".
_JOINED_BY = re.compile(
    r"(?:\s+(?:of|in)\s+(?:[\w-]+\s+){0,2}?[\w-]+)?\s+and\s+"
    r"|,\s+or\s+|\s*[-\u2013]\s*|,?\s+to\s+|\s+at\s+|\s+on\s+"
    r"|,?\s+compared\s+(?:with|to)\s+|\s+out\s+of\s+(?:a\s+total\s+of\s+)?"
    # "42 people, including 16 children", "23 people, among them 10 children"
    r"|,?\s+(?:including|among\s+them|of\s+them|of\s+whom|as\s+well\s+as)\s+"
    # "265,883 votes representing 45.4 percent of the votes"
    r"|,?\s+(?:representing|accounting\s+for|equivalent\s+to)\s+"
)
# "8,000 candidates competing for 225 seats", "lost 10 wickets for just 116 runs": two counts
# that state one thing
_SHARES_JOINED_BY = re.compile(r",\s+|,?\s+and\s+")
_FOLLOWED_BY = re.compile(r"[,;]?\s*[-\u2013\u2014]?\s*followed\s+by\s+")
# "put the dead at 11 and the wounded at 18": one report of two figures
_AT_AND_AT = re.compile(r"\s+and\s+(?:the\s+)?[a-z-]+\s+at\s+")
_AT_END = re.compile(rf"\bat\s+(?:{_APPROX})\S+$")
_WITH_COUNT = re.compile(r",?\s+with\s+|\s+(?:in|across)\s+")
# "2,195 polling units spread across 177 wards in the 16 areas": where a count is, in counts
_SPREAD_OVER = re.compile(
    r"\s+(?:(?:spread|distributed|scattered)\s+)?(?:in|across)\s+the\s+"
    r"|\s+(?:spread|distributed|scattered)\s+(?:in|across)\s+"
)
_COUNT_FROM_COUNT = re.compile(r"\s+from\s+")  # "13 points from 12 games"
_COUNTS_JOINED_BY = re.compile(
    r"\s+(?:(?:are|were)\s+)?(?:competing|vying|contesting|running|standing)\s+for\s+"
    r"|\s+for\s+(?:just|only|a\s+mere)?\s*"
)
_OWN_VERB = re.compile(r"\s(?:were|was|are|is|have|has|had)\s")
_TOLL_WORDS = r"(?:killed|wounded|injured|martyred|hurt|arrested|detained|captured)"
_TOLL_GAP = re.compile(
    rf"\s+(?:(?:were|was|have\s+been|had\s+been)\s+)?{_TOLL_WORDS}\s+and\s+"
    rf"|\s+and\s+{_TOLL_WORDS}\s+"
)
_TOLL_AFTER = re.compile(rf"\s+(?:(?:were|was|have\s+been|had\s+been)\s+)?{_TOLL_WORDS}\b")
_FROM_BEFORE = re.compile(r"(?:\b(?:[a-z][\w-]*)\s+){1,2}from\s+$")


# "81 women died in attacks", "225 civilians have been killed in air strikes": what befell
# the count, a toll to date ("14 civilians were killed" stays the count)
_DIED_AFTER = re.compile(
    rf"\s+(?:(?:(?:have|has|had)\s+)?died|(?:have|has|had)\s+been\s+{_TOLL_WORDS})\b"
)
_IN_WHAT = re.compile(r"\s+in(?=\s)")


def _count_tail(text: str, phrase: NumberPhrase) -> NumberPhrase:
    if phrase.label != "count":
        return phrase
    tail = _DIED_AFTER.match(text, phrase.end)
    if not tail:
        return phrase
    end = tail.end()
    within = _IN_WHAT.match(text, end)
    if within and _np_end(text, within.end(), limit=3) > within.end():
        end = _np_end(text, within.end(), limit=3)
    return NumberPhrase(phrase.start, end, "count")


# "162 million 174 thousand decars", "Rs 28 thousand 344 crore": one number written in parts
_PART_MAGNITUDE_END = re.compile(r"\b(?:hundred|thousand|million|billion|trillion|lakhs?|crores?)$")


def _parts_of_one_number(text: str, last: NumberPhrase, phrase: NumberPhrase, gap: str) -> bool:
    return (
        gap == " "
        and bool(_PART_MAGNITUDE_END.search(text, last.start, last.end))
        and text[phrase.start : phrase.start + 1].isdigit()
    )


def _join_compounds(text: str, phrases: list[NumberPhrase]) -> list[NumberPhrase]:
    joined: list[NumberPhrase] = []
    for phrase in phrases:
        if joined:
            last = joined[-1]
            gap = text[last.end : phrase.start]
            if _parts_of_one_number(text, last, phrase, gap):
                label = last.label if last.label == "amount" else phrase.label
                joined[-1] = NumberPhrase(last.start, phrase.end, label)
                continue
            if (
                last.label == "count"
                and phrase.label == "count"
                and _TOLL_GAP.fullmatch(gap)
                and text[phrase.start : phrase.end].split()[-1] not in _COUNTED_ADJECTIVES
            ):  # "five soldiers were killed and six others wounded": one toll
                # ("14 civilians were killed and 37 wounded" stays two figures)
                toll = _TOLL_AFTER.match(text, phrase.end)
                joined[-1] = NumberPhrase(last.start, toll.end() if toll else phrase.end, "count")
                continue
            if (
                (last.label == phrase.label == "count" and _COUNTS_JOINED_BY.fullmatch(gap))
                or (_AT_AND_AT.fullmatch(gap) and _AT_END.search(text, last.start, last.end))
                or (phrase.label == "count" and _WITH_COUNT.fullmatch(gap))
                or (last.label == phrase.label == "count" and _COUNT_FROM_COUNT.fullmatch(gap))
                or (last.label == phrase.label == "count" and _SPREAD_OVER.fullmatch(gap))
            ):  # "cases was 6,552 with nine deaths"
                joined[-1] = NumberPhrase(last.start, phrase.end, "count")
                continue
            if text[phrase.end - 1 : phrase.end] == ")" and (
                _FOLLOWED_BY.fullmatch(gap)
                or (text[last.end - 1 : last.end] == ")" and _SHARES_JOINED_BY.fullmatch(gap))
            ):
                joined[-1] = NumberPhrase(last.start, phrase.end, last.label)
                continue  # "Huawei (14%) and Apple (12%)", "16%, followed by Oppo (9%)"
            if _base_of(text, last, phrase, gap):  # "59 people were admitted, up from 44"
                joined[-1] = NumberPhrase(last.start, phrase.end, last.label)
                continue
            if _change_and_level(text, last, phrase, gap):  # "totaled 28.9 million, a 9.6% drop"
                joined[-1] = NumberPhrase(last.start, phrase.end, last.label)
                continue
            if _figure_pair(text, last, phrase, gap):  # "5 per cent and 6 per cent less rain"
                respectively = _RESPECTIVELY.match(text, phrase.end)
                end = respectively.end() if respectively else phrase.end
                joined[-1] = NumberPhrase(last.start, end, last.label)
                continue
            said_what = re.search(r"(?:ed|en)$", text[last.start : last.end])
            separate = " and " in gap and (
                said_what
                or "percentage" in (last.label, phrase.label)
                or _OWN_VERB.search(text, phrase.start, phrase.end)  # "20 used X and 6 were Y"
                or _SHARE_IN_BRACKETS.search(text, phrase.start, phrase.end)  # "95 (0.3%)"
            )
            if _JOINED_BY.fullmatch(gap) and not separate:
                start = last.start
                if gap.strip(" ,") == "to":  # "suspected cases from 30 to over 40"
                    before = _FROM_BEFORE.search(text, max(0, start - 40), start)
                    if before and before.group(0).split()[0] not in _STOP_AFTER:
                        start = before.start()
                joined[-1] = NumberPhrase(start, max(last.end, phrase.end), last.label)
                continue
        joined.append(phrase)
    return joined


# "up from 44", "falling to seven from 11", "down to 68,000 - from a high of more than 100,000":
# the level a figure changed from is no claim of its own but part of the figure
_BASE_PHRASE = re.compile(
    r"(?:(?:up|down)\s+from\s+)?(?:(?:about|around|nearly|almost|more\s+than|over|some)\s+)?"
    rf"(?:{_CURRENCY})?(?:\d[\d,.]*|" + "|".join(_NUMBER_WORDS) + rf"){_MAGNITUDE}?"
    r"(?:\s?%|\s+per\s?cent|\s+percent|\s+(?:a|per)\s+(?:year|share))?",
    re.IGNORECASE,
)
_BASE_GAP = re.compile(
    r"\s+from\s+"  # "falling to seven from 11"
    # "59 people were admitted to hospital, up from 44", "to 68,000 in May - from a high of 90,000"
    r"|[^.,;:!?\d\u2013\u2014]{0,60}?(?:,|\s*[\u2013\u2014])?\s+(?:(?:up|down)\s+from"
    r"|from\s+(?:a|an|its|their|the)\s+(?:[a-z-]+\s+)?(?:high|peak|low|record)\s+of)\s+"
)
_BASE_AFTER_COMMA = re.compile(r"[^.,;:!?\d\u2013\u2014]{0,60}?,?\s+")


def _base_of(text: str, last: NumberPhrase, phrase: NumberPhrase, gap: str) -> bool:
    figure = text[phrase.start : phrase.end]
    if not _BASE_PHRASE.fullmatch(figure):
        return False
    if re.match(r"(?i)(?:up|down)\s", figure):  # the phrase itself is "up from 44"
        return bool(_BASE_AFTER_COMMA.fullmatch(gap))
    return bool(_BASE_GAP.fullmatch(gap))


_CHANGE_WORDS = (
    r"(?:increase|rise|gain|jump|decline|drop|fall|decrease|slump|contraction|growth|surge"
    r"|plunge|dip|improvement)"
)
# ", an increase of 13.0%", ", declining less than 1 percent": the change a level represents,
# in apposition to it (", a 6.3 percent decline" and ", down 1.5 percent" are often a figure
# of their own)
_CHANGE_AFTER = re.compile(
    rf"an?\s+(?:[a-z]+\s+)?{_CHANGE_WORDS}\s+of\s"
    r"|(?:declining|rising|falling|increasing|decreasing|dropping|climbing|gaining|slipping"
    r"|jumping)\s+(?:by\s+)?(?:" + _APPROX + r")[\d.,]+\s?(?:%|percent|per\s?cent)",
    re.IGNORECASE,
)
# "grew 1 percent, topping 1.5 billion units", "rose 53 percent, to $3.42 billion": the level
# a change reached
_LEVEL_AFTER = re.compile(r"(?:to|topping|reaching|hitting|at)\s", re.IGNORECASE)
_PERCENT_IN = re.compile(r"(?:%|\bper\s?cent|\bpercent)\b|%")


_WHEN_GAP = re.compile(r"(?:\s+in\s+(?:\d{4}|Q[1-4]|the\s+[a-z]+\s+quarter))?,\s+")


def _change_and_level(text: str, last: NumberPhrase, phrase: NumberPhrase, gap: str) -> bool:
    """ "was $4.9 million, an increase of 13.0%", "1.47 billion units in 2017, declining
    less than 1 percent", "grew 1 percent, topping 1.5 billion units": a level and the change
    it represents, in apposition, are one figure."""
    when = _WHEN_GAP.match(gap)
    if not when:
        return False
    tail = gap[when.end() :] + text[phrase.start : phrase.end]
    last_is_change = bool(_PERCENT_IN.search(text, last.start, last.end))
    if _CHANGE_AFTER.match(tail):
        return not last_is_change
    if _LEVEL_AFTER.match(tail):
        return last_is_change and not _PERCENT_IN.search(text, phrase.start, phrase.end)
    return False


_RESPECTIVELY = re.compile(r",?\s+respectively\b")
_BARE_FIGURE_END = re.compile(
    r"(?:\d|%|\bper\s?cent|\bpercent|\bpoints?|\b(?:million|billion|trillion|bn|mn))$",
    re.IGNORECASE,
)


def _figure_pair(text: str, last: NumberPhrase, phrase: NumberPhrase, gap: str) -> bool:
    """ "rose 5 per cent and 6 per cent", "minus 41 per cent and 44 per cent, respectively":
    a bare figure and another of its kind after "and" state one thing for two places; after
    "from" the second is the base the first changed from."""
    if last.label != phrase.label or last.label not in ("percentage", "amount"):
        return False
    if not re.fullmatch(r"\s+(?:and|from)\s+", gap):
        return False  # "narrowed to €8 billion from €13.4 billion": the change and its base
    second = _DIGIT_PHRASE.match(text, phrase.start)
    return bool(second and _BARE_FIGURE_END.search(text[last.start : last.end]))


def _digit_phrases(text: str) -> list[NumberPhrase]:
    phrases = []
    taken = 0  # the end of a distance with its conversion: "120km (75 miles)" is one
    for match in _DIGIT_PHRASE.finditer(text):
        if match.start() < taken or _skip_digits(text, match):
            continue
        start = (
            match.start("approx")
            if match.group("approx")
            else match.start("cur")
            if match.group("cur")
            else match.start("num")
        )
        end = match.end()
        label = "figure"
        if match.group("glued"):
            label = "percentage" if match.group("glued").lower() == "pc" else "distance"
        if match.group("pct"):
            label = "percentage"
        elif match.group("cur"):
            label = "amount"
        elif match.group("temp"):
            label = "temperature"
            conversion = re.match(_CONVERSION, text[end:])
            if conversion and re.search(r"\d", conversion.group(0)):
                end += conversion.end()
        end, unit_label = _extend_with_unit(
            text,
            end,
            bool(
                match.group("pct")
                or match.group("cur")
                or match.group("temp")
                or match.group("glued")
            ),
        )
        if unit_label == "duration":
            term = _prison_term(text, start, end)  # "10 years in prison"
            if term:
                phrases.append(term)
            continue
        if unit_label is None and _is_name_number(text, match):
            continue
        if unit_label and label == "figure":
            label = unit_label
        if label == "temperature" and _WARMING_TARGET.search(text, max(0, start - 100), start):
            continue  # "to limit warming to 1.5C": a goal, not a measurement
        if not (unit_label or match.group("pct") or match.group("cur") or text[end:].strip()):
            continue  # "cut emissions by 4" where the page was cut off mid-figure
        bare = not (
            match.group("mag") or match.group("approx") or unit_label or match.group("glued")
        )
        casualties = _CASUALTY_AFTER.match(text, end) if bare else None
        share = (_OF_NUMBER.match(text, end) or _OF_THOSE.match(text, end)) if bare else None
        done = _BARE_DONE.match(text, end) if bare else None
        acted = _bare_count_acting(text, start, end) if bare and not done else None
        bracket = _SHARE_IN_BRACKETS.match(text, end) if bare else None
        if bracket:  # "1,798 (2.9 per cent) patients are on oxygen"
            counted_end, unit = _extend_with_unit(text, bracket.end(), False)
            if unit == "count":
                end = counted_of(text, counted_end)
            else:
                where = _WHERE_THEY_ARE.match(text, bracket.end())  # "are in intensive care"
                end = _np_end(text, where.end()) if where else _clause_after(text, bracket.end())
            label, casualties = "count", bracket
        elif share:  # "16 of the 17 hottest years"
            end, label, casualties = share.end(), "count", share
        elif casualties:  # "4681 have been killed"
            end, label = casualties.end(), "count"
        elif done:  # "while 13 had been tortured"
            end, label, casualties = done.end(), "count", done
        elif acted:  # "In June, 1,443,382 passed the test"
            end, label, casualties = _np_end(text, acted.end()), "count", acted
        elif label == "figure" and bare and not _counted_before(text, match.start("num")):
            ranged = _BARE_RANGE_BEFORE.search(text, max(0, start - 40), start)
            if not (ranged and "," in match.group("num")):
                continue  # a bare number with nothing counted ("in 12") is rarely a statistic
            start = ranged.start()  # "between 75,000 and 100,000 showed up": a range is a figure
        length = _LENGTH_END.search(text, start, end)
        distance = _distance_span(text, start, end) if length else None
        if distance:  # "3km (2 miles) from the edge of the city"
            start, end, claimed = distance
            if claimed:
                phrases.append(NumberPhrase(start, end, "distance"))
            taken = end
            continue
        if label == "amount":
            conversion = re.match(_CONVERSION, text[end:])  # "US$12.1 billion ($18.2 billion)"
            if conversion and re.search(r"\d", conversion.group(0)):
                end += conversion.end()
        if (
            label in ("percentage", "amount", "figure", "temperature", "weight")
            or match.group("glued")
        ) and not casualties:
            start, end = what_it_counts(text, start, end)
        elif label in ("count", "distance") and not casualties:
            end = counted_of(text, end)
            done = _WHAT_HAPPENED.match(text, end)  # "29 people have been tested positive"
            end = done.end() if done else end
            total = _TOTAL_BEFORE.search(text, max(0, start - 40), start)
            won = _WON_BEFORE.search(text, max(0, start - 30), start)
            start = total.start() if total else won.start() if won else _holder(text, start)
        if label == "percentage" and text[start - 1 : start] == "(" and text[end : end + 1] == ")":
            start, end = _bracket_share(text, start), end + 1  # "Huawei (14%)"
        if phrases and start < phrases[-1].end:  # "15 other candidates with 45.4 percent"
            if end > phrases[-1].end:
                phrases[-1] = NumberPhrase(phrases[-1].start, end, label)
            continue
        phrases.append(NumberPhrase(start, end, label))
    return phrases


_BARE_RANGE_BEFORE = re.compile(r"\bbetween\s+\d{1,3}(?:,\d{3})+\s+and\s+$", re.IGNORECASE)
_LENGTH_END = re.compile(
    r"(?:\d\s?(?:km|kms)|(?<!square )(?<!cubic )\b"
    r"(?:kilomet(?:er|re)s?|miles?|met(?:er|re)s?|feet|yards))\b"
    r"(?:\s*\([^()]*\))?$",
    re.I,
)
_DIRECTIONS = (
    r"(?:north|south|east|west|northeast|northwest|southeast|southwest|north-east|north-west"
    r"|south-east|south-west)"
)
# "from the eastern edge of the city", "outside the perimeter of", "west of Raqqa"
_MEASURED_FROM = re.compile(
    rf"\s+(?:(?:to\s+the\s+)?{_DIRECTIONS}(?:\s+of\b)?|(?:away\s+)?from|outside(?:\s+of)?"
    r"|inside|beyond|short\s+of|off|off\s+the\s+coast\s+of|(?:in)?to)(?=\s)"
)
# "fighters are only 3km from", "the site sits 20 miles outside", "Homs, which is 40 km
# south of Hama": the distance is what the sentence asserts
_PLACED_BY = re.compile(
    r"\b(?:is|are|was|were|be|been|being|sits?|sat|lies?|lay|stands?|stood|located|situated"
    r"|based|stationed|remains?|remained|came|comes?|got|gets?|advanced|moved|pushed|travell?ed"
    r"|drove|driven|walked|flew|flown|ran|marched|swam|fell|landed|struck|reached|stretch(?:es|ed)?"
    r"|extends?|extended"
    r"|back|forward|further|farther|deeper|closer|inland|ahead)\s+"  # "pushed the fighters back"
    r"(?:(?:just|only|now|still|roughly|barely|some)\s+)?$",
    re.IGNORECASE,
)


def _distance_span(text: str, start: int, end: int) -> tuple[int, int, bool] | None:
    """A distance with its conversion and the place it is measured from: "only 3km (2 miles)
    from the eastern edge of the city". A distance that only locates a place named before it
    (", about 30 miles west of the crime scene", "an area 140 km east of X") is no claim
    (False), though its span is still the distance's."""
    conversion = re.match(_CONVERSION, text[end:])
    if conversion and re.search(r"\d", conversion.group(0)):
        end += conversion.end()
    measured = _MEASURED_FROM.match(text, end)
    if not measured:
        return None
    place_end = _np_end(text, measured.end())
    of = re.match(r"\s+of(?=\s)", text[place_end:]) if place_end > measured.end() else None
    if of and _np_end(text, place_end + of.end()) > place_end + of.end():
        place_end = _np_end(text, place_end + of.end())  # "the eastern edge of the city"
    if place_end == measured.end() and not measured.group(0).strip().startswith("to the"):
        return start, end, True  # "40 km to 60 km", "ran 5 miles in"
    placed = bool(_PLACED_BY.search(text, max(0, start - 30), start))
    return start, max(place_end, measured.end()), placed


_SHARE_IN_WORDS_BEFORE = re.compile(
    rf"(?:{_APPROX})\b(?:half|a third|a quarter|one[- ]third|two[- ]thirds|three[- ]quarters"
    r"|a majority|a plurality|most"
    rf"|(?:{'|'.join(_SMALL_NUMBER_WORDS[:9])}){_IN_OR_OUT_OF}(?:{'|'.join(_SMALL_NUMBER_WORDS[1:])}))"
    r"\s+\($",
    re.IGNORECASE,
)
_NAME_BEFORE_BRACKET = re.compile(r"(?:[A-Z][\w&.\u2019'-]*\s+){1,3}\($")
_CLAUSE_OPENING = re.compile(r"(?:^|[,;:]\s+|\u2013\s+|\u2014\s*)(?=[A-Z])")


def _bracket_share(text: str, start: int) -> int:
    """ "Huawei (14%)": the share is the named one's; "took most of the market in Q3 (19%)":
    the share is the clause's; "almost two-thirds (64%)": the share said in words first."""
    in_words = _SHARE_IN_WORDS_BEFORE.search(text, max(0, start - 40), start)
    if in_words:
        return in_words.start()
    name = _NAME_BEFORE_BRACKET.search(text, max(0, start - 50), start)
    if name and not re.search(
        r"\b(?:in|for|during|since)\s+$", text[max(0, name.start() - 8) : name.start()]
    ):
        return name.start()
    openings = list(_CLAUSE_OPENING.finditer(text, max(0, start - 90), start))
    return openings[-1].end() if openings else (name.start() if name else start - 1)


# "a maximum sentence of 10 years in prison on each count": a duration that is a penalty
_PRISON_AFTER = re.compile(
    r"\s+(?:in\s+(?:prison|jail)|behind\s+bars|of\s+(?:imprisonment|jail|prison)"
    r"|(?:imprisonment|jail|prison)\b(?!\s+(?:officials?|guards?|staff|authorities)\b))"
    r"(?:\s+(?:on|for)\s+each\s+(?:of\s+the\s+)?(?:[a-z]+\s+)?(?:charges?|counts?))?"
)
_SENTENCE_BEFORE = re.compile(
    r"\b(?:an?\s+|the\s+)?(?:(?:maximum|minimum|mandatory|possible)\s+)?"
    r"(?:(?:prison|jail)\s+)?(?:sentence|term)\s+of\s+(?:up\s+to\s+)?$"
)


_JAILED_BEFORE = re.compile(r"\b(?:jailed|imprisoned|sentenced\s+to)\s+(?:for\s+)?(?:up\s+to\s+)?$")


def _prison_term(text: str, start: int, end: int) -> NumberPhrase | None:
    """A prison term: the duration with "in prison" and the sentence it is."""
    after = _PRISON_AFTER.match(text, end)
    before = _SENTENCE_BEFORE.search(text, max(0, start - 50), start)
    if not (after or before):
        return None  # "sentenced to four years" alone is the sentence's event, not a figure
    jailed = _JAILED_BEFORE.search(text, max(0, start - 30), start)
    start = before.start() if before else jailed.start() if jailed else start
    return NumberPhrase(start, after.end() if after else end, "sentence")


# "nine more patients were found with fever", "12 were held overnight"
_IRREGULAR_PARTICIPLES = (
    r"(?:found|held|kept|left|lost|made|paid|put|sent|sold|spent|told|brought|bought|caught"
    r"|built|taken|given|seen|struck|won|set|freed|fed|led|met|flown|thrown|drawn|laid)"
)
_WHAT_HAPPENED = re.compile(
    r"(?:\s+of\s+[^,.;:]{1,40}?)?"  # "64 more cases of influenza A (H1N1) have ..."
    r"\s+(?:(?:have|has|had)\s+(?:(?:so\s+far|now|already|fully|also)\s+)*(?:been\s+)?"
    r"|(?:were|was|will\s+be)\s+)(?:(?:fully|also|already)\s+)?"
    r"(?!(?:killed|wounded|injured|arrested|detained|displaced|hurt|shot|been)\b)"
    rf"(?:(?:[a-z]+ed|[a-z]+en|{_IRREGULAR_PARTICIPLES})"
    r"(?:\s+(?:positive|negative|dead|alive|safe|ill|free))?\b"
    r"|(?:eligible|expected|likely|due|able|set)\s+to\s+[a-z]+\b)"  # "were eligible to vote"
)


_WARMING_TARGET = re.compile(
    r"\b(?:limit|limits|limiting|keep|keeps|keeping|hold|holding|cap|capping|restrict"
    r"|restricting)\s+(?:(?:global|average|the|world)\s+)*(?:warming|heating"
    r"|temperatures?(?:\s+(?:rises?|increases?))?)\b",
    re.IGNORECASE,
)
_SHARE_IN_BRACKETS = re.compile(
    r"\s?\(\s?(?:about\s+|nearly\s+)?\d+(?:\.\d+)?\s?(?:%|per\s?cent|percent)\s?\)"
)


_WHERE_THEY_ARE = re.compile(
    r"\s+(?:are|is|were|was|remain|remained|stay|stayed)\s+(?:on|in|under|at|off)(?=\s)"
)


# "13 had been tortured", "212 were rescued": a bare count with what befell it
# "344 of those seeking asylum", "12 of them", "90 of those who applied"
_OF_THOSE = re.compile(
    r"\s+of\s+(?:those|them)\b(?:\s+(?:who\s+(?:(?:were|was|had|have)\s+)?)?"
    r"[a-z]+(?:ing|ed)\b(?:\s+(?:for\s+|in\s+)?(?!(?:in|for|to|at|on|by)\b)[a-z]+)?)?"
)
# "In June, 1,443,382 passed the test", "Last year 155,765 reached Greece": a bare count
# opening its clause, then what the counted did
_CLAUSE_OPENS_BEFORE = re.compile(
    r"(?:^|[,;:]|\b(?:and|but|while|whereas|year|week|month|today|yesterday|[A-Z][a-z]+day))\s*$"
)
_COUNT_ACTED = re.compile(
    r"\s+(?:(?:have|has|had)\s+)?(?:[a-z]{2,}ed|came|went|fled|left|took|sought|won|lost|got"
    r"|made|fell|died|voted|reached|arrived|passed|crossed)\b(?!\s+(?:by|that)\b)"
)
_NOT_ACTS = _words("said added stated noted explained asked told")
_YEARS = re.compile(r"\b(?:19|20)\d\d\b")


def _bare_count_acting(text: str, start: int, end: int) -> re.Match[str] | None:
    if not _CLAUSE_OPENS_BEFORE.search(text, max(0, start - 12), start):
        return None
    clause = re.split(r"[.!?]\s", text[max(0, start - 100) : start])[-1]
    if re.search(r"\d", _YEARS.sub("", clause)):
        return None  # "..., 42,298 have recovered and 3,303 have died": a breakdown goes on
    acted = _COUNT_ACTED.match(text, end)
    if not acted or acted.group(0).split()[-1] in _NOT_ACTS:
        return None
    return acted


_BARE_DONE = re.compile(r"\s+(?:(?:have|has|had)\s+been|were|was)\s+(?!been\b)[a-z]+(?:ed|en)\b")


# "a total of 1,040 victims", "There were also 18 letters": the count's own opening
_TOTAL_BEFORE = re.compile(
    r"(?:\b(?i:a|an|the)\s+(?:simple\s+|absolute\s+|two-thirds\s+)?majority\s+of"
    r"|\b(?:a|the)\s+total\s+of|\bThere\s+(?:were|are|have\s+been|had\s+been)"
    r"(?:\s+also)?)\s+$"
)
# "they now have 9 points", "the alliance has 23 seats": a tally with whom it belongs to
_HAVE_BEFORE = re.compile(
    r"\b(?:have|has|had)\s+(?:(?:now|already|only|just|still|so\s+far)\s+)?"
    r"(?:(?:only|just|some|about|nearly|almost|more\s+than|over|at\s+least)\s+)?$"
)


def _holder(text: str, start: int) -> int:
    have = _HAVE_BEFORE.search(text, max(0, start - 40), start)
    if not have:
        return start
    before = re.search(
        r"\b(?:now|already|still|so\s+far)\s+$", text[max(0, have.start() - 12) : have.start()]
    )
    holder = _subject_before(text, have.start() - (len(before.group(0)) if before else 0))
    return holder if holder < have.start() else start


# "after securing 197,459 votes", "won 23 seats": a tally with how it was won
_WON_BEFORE = re.compile(
    r"\b(?:after\s+)?(?:securing|secured|polling|polled|winning|won|garnering|garnered|scoring"
    r"|scored|obtaining|obtained|bagging|bagged)\s+(?:only\s+|just\s+)?$"
)
_FISCAL_BEFORE = re.compile(r"\b(?:fiscal|financial\s+year|FY)\s+$", re.IGNORECASE)


_AGE_RANGE = re.compile(r"\b(?:aged?|ages)\s+(?:between\s+)?\d+\s+(?:to|and)\s+$")


# "over the age of 60", "aged 45": an age, not a figure; "20-39 years old": an age range
_AGE_BEFORE = re.compile(r"\b(?:age|ages)\s+of\s+(?:about\s+|around\s+)?$|\baged\s+$", re.I)
_AGE_RANGE_AFTER = re.compile(r"\s?[-\u2013]\s?\d{1,3}\s+years?[- ]old\b")
# "Located at 145 Hiram Industrial Dr": a street number
_STREET_AFTER = re.compile(
    r"\s+(?:[A-Z][\w.-]*\s+){1,3}(?:St|Street|Rd|Road|Ave|Avenue|Dr|Drive|Blvd|Boulevard|Lane|Ln"
    r"|Way|Hwy|Highway|Court|Ct|Place|Pl|Parkway|Pkwy|Terrace|Crescent|Close)\b"
    r"|\s+(?:Road|Rd|Highway|Hwy|Route)\s+\d"  # "28445 Road 222": a house on a numbered road
)
# "County Road 89", "Highway 16", "Route 9", "Interstate 95": the number names the road
_ROAD_BEFORE = re.compile(r"\b(?:Road|Rd|Highway|Hwy|Route|Interstate|Freeway)\.?\s+$")


_BARE_SCORE_AFTER = re.compile(r"\s?[-\u2013]\s?\d{1,3}(?:[.,;!?)]|$)(?!\d)")


def _skip_digits(text: str, match: re.Match[str]) -> bool:
    num = match.group("num")
    if _AGE_RANGE.search(text, 0, match.start("num")):
        return True  # "ages 28 to 84", "aged between 34 and 53"
    if not (match.group("cur") or match.group("pct") or match.group("mag")) and (
        _AGE_BEFORE.search(text, max(0, match.start("num") - 20), match.start("num"))
        or _AGE_RANGE_AFTER.match(text, match.end("num"))
        or _STREET_AFTER.match(text, match.end("num"))
        or _ROAD_BEFORE.search(text, max(0, match.start("num") - 12), match.start("num"))
    ):
        return True
    start = match.start("num")
    before = text[max(0, start - 12) : start]
    after = text[match.end("num") : match.end("num") + 12]
    has_qualifier = bool(match.group("cur") or match.group("pct") or match.group("mag"))
    glued = bool(match.group("glued"))
    if (
        not match.group("mag")
        and not match.group("temp")
        and not glued
        and re.match(r"^[^\W\d_]", after)
    ):
        return True  # 5th, 3D, 4x4
    if _YEAR.match(num) and not has_qualifier:
        return True
    if not has_qualifier and _BARE_SCORE_AFTER.match(after):
        return True  # "to keep us in at 1-0.", "drew 1-1,": a score, nothing counted
    if re.match(r"\s?[ap]\.?m\b", after, re.IGNORECASE):
        return True  # "at 4 p.m.", "7am": a time of day
    if re.fullmatch(r"[0-2]\d[0-5]\d", num) and re.match(
        r"\s?(?:GMT|UTC|Z\b|hrs\b|hours\s+(?:GMT|local|IST)|local\s+time|IST\b|EST\b|EDT\b)", after
    ):
        return True  # "at 0909 GMT", "1430 local time": the clock, not a count
    if re.search(r"\d[:.]$", before):
        return True  # the minutes of "9:30", the decimals of a version
    if re.search(r"(?<!\d)(?:19|20)\d\d[-\u2013/]$", before) and len(num) == 2:
        return True  # "the 2020-21 fiscal year", "2019/20": the end of a span of years
    if (
        re.search(r"[A-Za-z]-?$|[-#\u2116]$", before)
        and not match.group("cur")
        and not match.group("approx")
        and not re.search(r"\d\s?[-\u2013]$", before)  # "1-5 cents": a range, not F-16
    ):
        return True  # COVID-19, F-16, G20, #3
    if re.match(r"^-[A-Za-z]", after) and not re.match(
        r"^-(?:kilomet|km|mile|metre|meter|foot|feet|ton|tonne|per|percent|million|billion"
        r"|trillion|lakh|crore)",
        after,
        re.I,
    ):
        return True  # 45-year-old, 3-day
    if re.match(r"^(?:st|nd|rd|th)\b", after):
        return True
    prev_word = re.search(r"(\w+)\.?\s*$", before)
    if prev_word and prev_word.group(1).lower() in _MONTHS:
        return True  # December 5
    next_word = re.match(r"^\s*([A-Za-z.']+)", after)
    return bool(next_word and next_word.group(1).lower().strip(".") in _MONTHS)  # 5 December


def _is_name_number(text: str, match: re.Match[str]) -> bool:
    """Resolution 2254, Article 5, Highway 1: a number right after a capitalised word."""
    if match.group("cur") or match.group("pct") or match.group("mag") or match.group("approx"):
        return False
    prev_word = re.search(
        r"(\w+)\.?\s*$", text[max(0, match.start("num") - 20) : match.start("num")]
    )
    return bool(prev_word and prev_word.group(1)[:1].isupper())


# "4.5 lakh MT", "581.60 lakh metric tonne (MT)", "16 million MT": tonnes, written short
_TONNES_AFTER = re.compile(
    r"\s?(?-i:MMT|LMT|MT|mt)\b|\s?(?-i:t)\b(?!\.\s*[A-Z])"
    r"|\s+(?:metric\s+)?(?:tonnes?|tons?)\b(?:\s+\((?-i:MT|MMT|t)\))?",
    re.IGNORECASE,
)


def _extend_with_unit(text: str, end: int, has_unit: bool) -> tuple[int, str | None]:
    """Take the counted noun or unit after the number, and a bracketed conversion."""
    if has_unit:
        return end, None
    tonnes = _TONNES_AFTER.match(text, end)
    if tonnes:
        return tonnes.end(), "weight"
    following = _counted_words(text, end)
    if not following:
        return end, None
    word = following[0][0].lower()
    if word in _TIME_UNITS or word.rstrip(".") in _TIME_UNITS:
        return following[0][1], "duration"
    end = following[-1][1]
    noun = following[-1][0].lower()
    if noun in _CURRENCY_WORDS:
        label = "amount"
        per_share = _PER_SHARE.match(text, end)  # "23 cents a share"
        if per_share:
            return per_share.end(), label
    elif noun in _UNITS:
        label = "distance"
    elif noun == "times" and _COMPARED.match(text, end):
        return _comparison_end(text, end), "count"  # "25 times larger than last year's"
    else:
        label = "count"
    conversion = re.match(_CONVERSION, text[end:])
    if conversion and re.search(r"\d", conversion.group(0)):
        end += conversion.end()
    else:
        end = _extend_range(text, end)
    return end, label


_OF_WHAT = re.compile(r"\s+(?:of|from)(?=\s+(?!\d))")
_INCLUDING = re.compile(r",?\s+including(?=\s+(?:an?|one)\s)")
_NP_DETERMINERS = _words("the a an its their his her all these those our")


def _np_end(text: str, position: int, limit: int = 4) -> int:
    """The end of a short noun phrase starting at ``position`` ("the illness",
    "degraded forest land"), or ``position`` when none starts there."""
    end, taken = position, 0
    while taken < limit:
        word = _NP_WORD.match(text, end)
        if not word:
            break
        token = word.group(1)
        lowered = token.lower()
        if taken == 0 and lowered in _NP_DETERMINERS:
            end = word.end()
            continue
        if lowered in _NP_STOPS or (taken and lowered.endswith("ing")):
            break
        end, taken = word.end(), taken + 1
    return end if taken else position


def counted_of(text: str, end: int) -> int:
    """ "4,477 hectares of degraded forest land", "19 insurgents including a woman"."""
    if _WHAT_HAPPENED.match(text, end):  # "64 more cases of X have fully recovered"
        return end
    of = _OF_WHAT.match(text, end)
    if of:
        after = _np_end(text, of.end())
        if after > of.end():
            end = after
    including = _INCLUDING.match(text, end)
    if including:
        after = _np_end(text, including.end())
        if after > including.end():
            end = after
    period = _IN_PERIOD.match(text, end)  # "54 cases in one week"
    if period:
        return period.end()
    who = _WHO_CLAUSE.match(text, end)  # "19,000 customers who had bought DSL modems"
    if who:
        end = _np_end(text, who.end(), limit=3) if who.group("verb") else end
    return end


_IN_PERIOD = re.compile(
    r"\s+(?:in|within|over)\s+(?:a|one|two|three|\d+|the\s+(?:past|last|first|same))"
    r"(?:\s+\w+)?\s+(?:weeks?|months?|days?|years?|quarters?|hours?)\b"
)
_WHO_CLAUSE = re.compile(
    r"\s+who\s+(?:(?:had|have|has)\s+)?(?:(?:were|was|are|is)\s+)?"
    r"(?P<verb>[a-z]+(?:ed|en)|test|tested|live|lived|work|worked|bought|took|got|made)\b"
    r"(?:\s+(?:positive|negative))?"
)


_FOLLOWING_WORD = re.compile(r"\s+([a-z][\w-]*)")
_PLURAL_NEXT = re.compile(r"\s+(?!than\b)[a-z][\w-]*s\b")
# "three top Kandahar province officials", "Three Americans": a capitalised word in a count
_FOLLOWING_NAME = re.compile(r"\s+([A-Z][a-z][\w-]*)")
_PEOPLE = re.compile(r"^[A-Z][a-z]+(?:ans|ians|is)$")
_NOT_PLURAL_ENDINGS = ("ss", "us", "is", "ics")
_CURRENCY_WORDS = frozenset(
    {"dollars", "euros", "yuan", "rubles", "krona", "kronor", "pounds", "cents", "pence"}
)
_PER_SHARE = re.compile(r"\s+(?:a|per)\s+(?:diluted\s+)?share\b")


def _counted_words(text: str, end: int) -> list[tuple[str, int]]:
    """Words after a number up to the counted noun: "opposition lawmakers", "civil service jobs".

    Takes up to three lower-case words and stops at the first plural-looking one
    or unit; if none is plural, only a unit or a word like "wounded" is taken
    ("40 km", "37 wounded"), otherwise nothing ("Resolution 2254 met").
    """
    words: list[tuple[str, int]] = []
    position = end
    capitalised = False
    for _ in range(4):
        match = _FOLLOWING_WORD.match(text, position) or _FOLLOWING_NAME.match(text, position)
        more = (
            match is not None
            and not words
            and match.group(1).lower() in ("more", "fewer")
            and bool(_PLURAL_NEXT.match(text, match.end()))
        )  # "64 more cases", not "5 more than"
        if not match or (match.group(1).lower() in _STOP_AFTER and not more):
            break
        word = match.group(1)
        position = match.end()
        words.append((word, position))
        lowered = word.lower()
        if capitalised and lowered in _TIME_UNITS:
            return []
        if word[:1].isupper():
            if _PEOPLE.match(word):
                return words  # "Three Americans"
            capitalised = True  # "three top Kandahar province officials": a lower-case
            continue  # plural must follow ("Ten Response Teams", "30 Eastern time" are not)
        if lowered in _NOUN_MODIFIERS and _PLURAL_NEXT.match(text, position):
            continue  # "three police officers", "40 staff members"
        if lowered in ("square", "cubic") and _UNIT_NEXT.match(text, position):
            continue  # "5,000 square miles", "40 cubic metres": a unit of two words
        if (
            lowered in _UNITS
            or lowered in _COUNTED_PLURALS
            or lowered in _TIME_UNITS
            or (lowered.endswith("s") and not lowered.endswith(_NOT_PLURAL_ENDINGS))
        ):
            return words
    first = words[0][0].lower() if words else ""
    keep = words and words[0][0][:1].islower() and (first in _UNITS or first in _COUNTED_ADJECTIVES)
    return words[:1] if keep else []


# "37 wounded": adjectives that stand for a counted group of people.
_COUNTED_ADJECTIVES = frozenset(
    {
        "wounded",
        "injured",
        "dead",
        "killed",
        "missing",
        "displaced",
        "homeless",
        "arrested",
        "detained",
        "hurt",
        "unemployed",
        "infected",
        "vaccinated",
        "hospitalised",
        "hospitalized",
    }
)


def _extend_range(text: str, end: int) -> int:
    """ "163 votes to 160": the comparison belongs to the figure."""
    match = re.match(r"\s+to\s+\d[\d,.]*\d|\s+to\s+\d", text[end:])
    return end + match.end() if match else end


_PERCENT_END = re.compile(r"(?:%|\bper\s?cent|\bpercent)$", re.IGNORECASE)
# "44 percent for the main challenger", "31% for Labour": whom a share of the vote went to
_SHARE_FOR = re.compile(
    r"\s+for\s+(?!(?:the\s+|its\s+|their\s+|a\s+)?(?:first|second|third|fourth|last|past|next"
    r"|whole|full|entire|same|six|nine|three|twelve|fiscal|financial|calendar)\b)"
    r"(?P<whom>(?:the\s+)?(?:(?:main|chief|nearest|closest|ruling|opposition|incumbent|leading"
    r"|independent|governing|centre-right|centre-left|far-right|far-left|conservative|liberal"
    r"|socialist|green)\s+)*(?:challenger|candidate|contender|rival|runner-up|incumbent|party"
    r"|coalition|alliance|bloc|opposition|president|prime\s+minister|governor|mayor|senator)"
    r"|(?:the\s+)?[A-Z][\w\u2019'.-]*(?:\s+[A-Z][\w\u2019'.-]*){0,3})"
    r"(?P<name>,\s+[A-Z][\w\u2019'.-]*(?:\s+[A-Z][\w\u2019'.-]*){0,2})?"
    r"(?![\w-])"
)
_TIME_NAMES = re.compile(
    r"\b(?:Quarter|Half|Year|Month|Months|Period|Week|Q[1-4]|January|February|March|April|May"
    r"|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday"
    r"|Thursday|Friday|Saturday|Sunday)\b"
)


def _share_for(text: str, start: int, end: int) -> int:
    """The end of "for" and whom a percentage went to, or ``end``."""
    if not _PERCENT_END.search(text, start, end):
        return end
    whom = _SHARE_FOR.match(text, end)
    if not whom or _TIME_NAMES.search(whom.group("whom")):
        return end
    return whom.end() - (whom.group(0).endswith(".") and not whom.group(0).endswith(" St."))


# "5% in England, 5.4% in Wales", "52% came from Syria, 25% from Afghanistan": where a
# share in a list of places was measured is what tells it from the others
_PLACE_AFTER = re.compile(
    r"\s+(?:in|from|among)\s+(?:the\s+)?"
    r"(?P<place>[A-Z][\w\u2019'.-]*(?:\s+(?:of\s+)?[A-Z][\w\u2019'.-]*){0,2})(?![\w-])"
    # a place, not an adjective of one ("7.1% in Italian car sales")
    r"(?=\s*(?:[,.;:()\u2013\u2014]|$)|\s+(?:and|or|but|while|whereas|in|on|at|for|from|with"
    r"|compared|against|versus|respectively)\b)"
)


def _place_of_share(text: str, start: int, end: int) -> int:
    if not _PERCENT_END.search(text, start, end):
        return end
    place = _PLACE_AFTER.match(text, end)
    if not place or _TIME_NAMES.search(place.group("place")):
        return end
    return place.end() - place.group(0).endswith(".")


def what_it_counts(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a bare figure to say what it measures.

    "0.9%" -> "The Consumer Price Index increased 0.9%", "5.3%" -> "September's
    5.3% level", "83 percent" -> "83 percent were unvaccinated", "0.3%" ->
    "an increase of 0.3% each month". A figure that already names what it
    counts ("77% of the patients") is left as it is.
    """
    share = _SHARE_OF.match(text, end)  # "95% of children", "3.9% of GDP"
    after = _AFTER_FIGURE.match(text, end)
    if share:
        end = share.end()
        who = _WHO_CLAUSE.match(text, end)  # "95% of the people who test positive for X"
        if who:
            end = _np_end(text, who.end(), limit=3)
    elif after:
        end = after.end()
        change = (
            _CHANGE_OBJECT.match(text, end) if _CHANGE_NOUN.search(after.group(0)) else None
        )  # "a 60 percent spike in leptospirosis cases"
        if change and _np_end(text, change.end()) > change.end():
            end = _np_end(text, change.end())
    elif _share_for(text, start, end) > end:
        end = _share_for(text, start, end)  # "44 percent for the main challenger, Jo Bloggs"
    elif _money_for(text, start, end) > end:
        end = _money_for(text, start, end)  # "£27,500 in financial contributions"
    elif _COMPARED.match(text, end):
        end = _comparison_end(text, end)
    elif _place_of_share(text, start, end) > end:
        end = _place_of_share(text, start, end)  # "5.4% in Wales", "25% from Afghanistan"
    elif text[end - 1 : end] != ")":
        end = _clause_after(text, end)
        if end == _clause_after(text, end) and _NOUN_AFTER.match(text, end):
            end = _noun_after(text, end)  # "50 per cent forest cover"
    before = text[max(0, start - 120) : start]
    change = _CHANGED_IN.match(text, end) if _CHANGE_OF_END.search(before) else None
    if change and _np_end(text, change.end()) > change.end():
        object_end = _np_end(text, change.end())  # "a rebound of 4.3% in industrial orders"
        next_word = _NP_WORD.match(text, object_end)
        if not (next_word and next_word.group(1).lower() in _TIME_UNITS):
            end = object_end  # not "in the past year"
    verb = _VERB_BEFORE.search(before)
    article = _ARTICLE_END.search(before)
    if (
        article
        and after
        and _CHANGE_NOUN.search(after.group(0))
        and (not verb or _REPORTED.match(verb.group(0)))
    ):  # "Acme posted a 65 percent rise in profit": the speaker's result is its own phrase
        return start - len(article.group(0)), end
    if verb:
        start -= len(before) - verb.start()
        start = _subject_before(text, start)
        return start, end
    passed = _PASS_BEFORE.search(before)
    if passed:  # "turnout crossed the 60% mark", "will likely cross the 1.5C threshold"
        begin = start - (len(before) - passed.start())
        modal = _MODAL.search(text, max(0, begin - 30), begin)
        return _subject_before(text, modal.start() if modal else begin), end
    noun = _NOUN_BEFORE.search(before)
    if noun:
        begin = start - (len(before) - noun.start())
        if not _DETERMINED.match(noun.group(0)) and _COPULA_END.search(noun.group(0)):
            # "turnout was" -> "the voters' turnout was"
            begin = _subject_before(text, begin)
        recorded = _RECORDED_BEFORE.search(text, max(0, begin - 20), begin)
        if recorded and _DETERMINED.match(noun.group(0)):  # "X recorded the highest figure of"
            begin = _subject_before(text, recorded.start())
        return begin, end
    named = _WITH_BEFORE.search(before)
    if named and _NAMED_WITH.search(before, 0, named.start()):
        # "Badula district with 67%", "15 other candidates with 45.4 percent"
        return _subject_before(text, start - (len(before) - named.start())), end
    return start, end


_ARTICLE_END = re.compile(r"(?<![\w-])(?:a|an)\s+$")
# "turnout crossed the 60% mark", "will likely cross the 1.5 deg C threshold"
_PASS_BEFORE = re.compile(
    r"\b(?:cross(?:ed|es|ing)?|topped|tops|topping|surpass(?:ed|es|ing)?|exceed(?:ed|s|ing)?"
    r"|breach(?:ed|es|ing)?)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_RECORDED_BEFORE = re.compile(r"\b(?:recorded|registered|logged|saw|set|marked)\s+$")
_REPORTED = re.compile(r"(?i:posted|reported|announced|recorded)\b")
# the one "with" the share: a name or a noun, not a verb ("won with", "compared with")
_NAMED_WITH = re.compile(
    r"(?<![\w-])(?!(?i:won|came|second|third|first|fourth|last|place|ahead|behind|win|wins"
    r"|lead|leads|along|together|up|down|off|out|compared)\b)[\w)]+(?<!ed)(?<!ing)\)?\s+$"
)
_WITH_BEFORE = re.compile(r"(?<![a-z]ing )(?<=[\w)] )with\s+$")


# "$1.2 million in damages", "£900 in fees": an "in" phrase saying what the money is
_CURRENCY_START = re.compile(rf"(?:{_APPROX}){_CURRENCY}")
_MONEY_FOR = re.compile(
    r"\s+in(?=\s+[a-z])(?!\s+(?:the|a|an|its|their|his|her|our|this|that|these|those|which|what"
    r"|total|order|part|addition|case|all|some|each|every|one|two|three|four|five|six|seven"
    r"|eight|nine|ten|just|only|nearly|about|around|less|more|under|over|recent|past|last"
    r"|next|early|late|return|exchange|response|line|place|turn)\b)"
)


# "Rs. 290.2 billion for the Ministry of Health", "$4 million for Kisumu County": whom the
# money is for, when it is named
_MONEY_FOR_NAME = re.compile(
    r"\s+for\s+(?:the\s+)?(?-i:(?P<name>[A-Z][\w\u2019'.-]*(?:\s+(?:(?:of|and|&|for)\s+)?"
    r"[A-Z][\w\u2019'.-]*){0,5}))"
)


def _money_for(text: str, start: int, end: int) -> int:
    """The end of an "in" phrase after an amount naming what the money is, or of the name of
    whom it is for."""
    if not _CURRENCY_START.match(text, start):
        return end
    for_whom = _MONEY_FOR_NAME.match(text, end)
    if (
        for_whom
        and not _TIME_NAMES.search(for_whom.group("name"))
        and not re.match(r"(?:FY|Fiscal|Financial)\b", for_whom.group("name"))
    ):
        return for_whom.end() - (text[for_whom.end() - 1] == ".")
    for_what = _MONEY_FOR.match(text, end)
    return _np_end(text, for_what.end(), limit=3) if for_what else end


# "41 per cent more rainfall than normal", "3% fewer flights", "8% higher than a year ago"
_COMPARED = re.compile(
    r"\s+(?:(?:more|less|fewer)\s+(?!than\b)(?=[a-z])|(?:more|less|fewer|higher|lower"
    r"|larger|bigger|greater|smaller)\s+(?=than\s))"
)
_THAN = re.compile(r"\s+than(?=\s)")


def _comparison_end(text: str, end: int) -> int:
    """The compared thing after a figure and what it is compared with."""
    position = _COMPARED.match(text, end).end() - 1
    position = _np_end(text, position, limit=2)
    than = _THAN.match(text, position)
    compared = _np_end(text, than.end(), limit=3) if than else position
    if than and compared > than.end() and not _FIGURE_NEXT.match(text, compared):
        position = compared  # not "higher than the average of 14 C": that is a figure of its own
    return position if position > end else end


_FIGURE_NEXT = re.compile(r"\s+(?:of|at|was|is|to)\s+\S*\d")


_CHANGE_NOUN = re.compile(
    r"\b(?:increase|rise|gain|drop|decline|growth|share|jump|fall|spike|surge|hike|slump"
    r"|plunge|dip|change|reduction|contraction|expansion)$"
)
_CHANGE_OF = (
    r"(?:increase|rise|growth|decline|drop|fall|gain|rebound|recovery|reduction|cut|jump"
    r"|surge|slump|contraction|expansion|spike|hike|dip|plunge)\s+of\s+$"
)
_CHANGED_IN = re.compile(r"\s+in(?=\s)")
_CHANGE_OF_END = re.compile(_CHANGE_OF, re.IGNORECASE)
_CHANGE_OBJECT = re.compile(r"\s+(?:in|of|on|since)(?=\s)")
_DETERMINED = re.compile(r"(?i:a|an|the|its|their|last|this|next)\s|[\w-]+[\u2019']s\s")
_COPULA_END = re.compile(r"\b(?:was|were|is|are|stood\s+at)\s+$")
_NOUN_AFTER = re.compile(r"\s+(?=[a-z])")


def _noun_after(text: str, end: int) -> int:
    """ "50 per cent forest cover": up to two nouns that name what the share is of."""
    position, taken = end, 0
    while taken < 1:
        word = _NP_WORD.match(text, position)
        if not word:
            break
        lowered = word.group(1).lower()
        if (
            lowered in _NP_STOPS
            or lowered in _NOT_NOUNS
            or not word.group(1)[:1].islower()
            or len(word.group(1)) < 3
            or text[word.end() : word.end() + 1] == "."
            or lowered.endswith(("ly", "ed", "ing"))
        ):
            break
        position, taken = word.end(), taken + 1
    return position


_NOT_NOUNS = _words(
    "yesterday today tonight overnight tomorrow last next this higher lower more less up down "
    "respectively each apiece alone only already again too also even just still out off away "
    "back ahead include includes included involve involves mean means"
)


_VERB_BEFORE = re.compile(
    r"\b(?:(?:was|were|is|are)\s+(?:up|down)|rose|fell|increased|decreased|jumped|climbed|dropped|declined|grew|shrank|dipped"
    r"|plunged|slipped|surged|soared|slumped|gained|lost|rise|rising|fall|falling|increase"
    r"|decrease|stood|stand|stands|remain|remains|remained|reached|hit|averaged|totalled"
    r"|totaled|up|down|inched up|edged up"
    # "turnout was finalised at 62%", "the damage is estimated at $3 million"
    r"|(?:was|were|is|are|been)\s+(?:put|pegged|estimated|finali[sz]ed|fixed|set|measured)"
    r"|cut|raised|reduced|increasing|climbing|dipping|growing|closed|opened|ended|traded"
    r"|risen|fallen|grown|shrunk|narrowed|narrow|narrowing|widened|widen|widening|eased"
    r"|slowed|rebounded|accelerated|tumbled|sank|slid|advanced|shed|added|trading|trades"
    r"|unchanged|steady)"  # "was trading at $0.24", "kept the rate unchanged at 6 percent"
    r"(?:\s+(?:[\w\u2019'-]+\s+){0,4}?by|\s+(?:by|to|at|from|of))?"
    # "dropped by an unexpectedly sharp 6.3%", "rose a more modest 4 per cent"
    r"(?:\s+an?(?:\s+(?!(?:the|of|and|or|in|on)\b)[a-z][\w-]*){0,3}?)?"
    r"(?:\s+(?:just|only|about|nearly|almost|around|some|roughly))?\s+$"
    # "the AKP had won 42 percent", "the office spent Rs 3 million", "turnout is at 87%"
    r"|\b(?:(?:had|has|have|is|was|are|were)(?:\s+won)?|(?:had|has|have)\s+been"
    r"|(?:is|was|are|were)\s+now|won|took|takes|taking|captured|claimed|scored|secured|spent|earned"
    r"|posted|saw|seen|recorded|registered|polled|garnered|received)(?:\s+(?:at|an?|by))?\s+$"
    # "have raised the country's total confirmed cases to 106,750": the tally brought to a figure
    r"|\b(?:raised|raising|pushed|pushing|brought|bringing|took|taking|lifted|lifting)"
    r"\s+(?:the|its|their|[\w-]+[\u2019']s)\s+(?:[\w\u2019'-]+\s+){0,2}?"
    r"(?:total|tally|toll|number|count)\s+(?:[\w\u2019'-]+\s+){0,2}?to\s+$"
    # "will cost the lobbyist $1.7 million", "fined the bank $5 million": who pays, then what
    r"|\b(?:cost|costs|costing|fined|fines|paid|pays|owes|owed|awarded|charged)"
    r"(?:\s+(?:the|a|an|its|their|his|her)\s+[a-z][\w-]*(?:\s+[a-z][\w-]*)?"
    r"|\s+(?:him|her|them|it|us)|\s+[A-Z][\w\u2019'-]+(?:\s+[A-Z][\w\u2019'-]+)?)?\s+$",
    re.IGNORECASE,
)
_NOUN_BEFORE = re.compile(
    r"(?:\b(?:a|an|the|its|their|last|this|next|initial|average|year-over-year|annual"
    r"|monthly|long-term|[\w-]+[\u2019']s)\s+)?"
    r"(?:(?:average|analyst|analysts[\u2019']?|consensus|market|highest|lowest|record|biggest"
    r"|largest|smallest)\s+){0,2}"
    r"\b(?:toll|total|rate|average|estimate|turnout|number|tally|count|increase|rise|growth"
    r"|decline|drop|fall|gain|share|level|majority|target|temperature|price|cost|value|score"
    r"|figure|unemployment|inflation|output|debt|deficit|revenue|profit|sales|turnover"
    r"|income|earnings|loss|budget|spending|allocation|investment|funding|area|coverage|cover"
    r"|population|amount|margin|lead|capacity|production|exports|imports|shipments"
    r"|votes|voters|ballots|forecast|forecasts|estimates|expectations|projection|consensus)"
    r"\s+(?:of|to|at|(?:was|were|is|are)(?:\s+now)?|stood at)\s+$"
    r"|(?-i:(?<![\w\u2019'-])[A-Z][\w\u2019'-]*(?:\s+[A-Z][\w\u2019'-]*){0,3}\s+at\s+$)"
    r"|\b(?:a|the)\s+(?:total|number|tally|toll|count)(?:\s+number)?\s+of\s+(?:[\w-]+\s+){1,4}?"
    r"(?:to|at|(?:was|were|is|are)(?:\s+now)?|stood\s+at|reached|rose\s+to|climbed\s+to)\s+$"
    r"|\b(?:(?:last|this|next)\s+)?[\w-]+[\u2019']s\s+$"
    # "a sharp rebound of 4.3%", "an additional reduction of 15 percent"
    r"|\b(?:(?:a|an|the|its|their)\s+)?(?:(?!(?:a|an|the|its|their)\b)[a-z-]+(?<!ed)\s+){1,2}"
    rf"{_CHANGE_OF}",
    re.IGNORECASE,
)
_AFTER_FIGURE = re.compile(
    r"(?:\s+(?:[a-z-]+\s+)?(?:level|figure|rate|mark|increase|rise|gain|drop|decline|growth"
    r"|share|turnout|stake|jump|fall|reading|pace|stake|pay\s+rise|spike|surge|hike|slump"
    r"|plunge|dip|change|reduction|contraction|expansion)\b)?"
    r"(?:\s+(?:per|a|an|each|every)\s+(?:year|month|week|day|quarter|annum|capita|person)\b"
    r"(?!\s+(?:earlier|ago|before|later)\b)"
    r"|\s+(?:year-over-year|year-on-year|month-over-month|annually|sequentially)\b"
    r"|\s+from\s+a\s+year\s+(?:ago|earlier)\b"
    r"|\s+(?:this|next|last)\s+(?:year|month|quarter|week)\b)"
    r"(?:\s+(?:increase|rise|gain|drop|decline|growth|jump|fall|change)\b)?"
    r"|\s+(?:[a-z-]+\s+)?(?:level|figure|rate|mark|threshold|milestone|increase|rise|gain"
    r"|drop|decline|growth"
    r"|share|turnout|stake|jump|fall|reading|pace|pay\s+rise|spike|surge|hike|slump|plunge|dip"
    r"|change|reduction|contraction|expansion)\b"
)
_CLAUSE_WORD = re.compile(r"\s+([a-z][\w\u2019'-]*)")
_CLAUSE_STOP = _words(
    "and or but while whereas in on at for from since after before than because if when who "
    "which that as with by to of"
)
_CLAUSE_VERBS = _words(
    "were are was is had have has got said say considered took voted received remained stayed "
    "backed supported opposed did do"
)


_NP_WORD = re.compile(r"\s+([A-Za-z][\w\u2019'-]*|Q[1-4]|\d{4})(?![\w(])")
_NP_STOPS = (
    _STOP_AFTER
    | _CLAUSE_VERBS
    | _TIME_UNITS
    | _words(
        "said says according including compared versus nationwide worldwide so far about over out "
        "such "
        "under into across against between among near within without via amid despite like "
        "last next this yesterday today tonight monday tuesday wednesday thursday friday "
        "saturday sunday"
    )
) - _words("the a an its their his her all these those")


def _clause_after(text: str, end: int) -> int:
    """ "83 percent were unvaccinated": a share followed by what it did or was."""
    first = _CLAUSE_WORD.match(text, end)
    if not first or not (first.group(1) in _CLAUSE_VERBS or first.group(1).endswith("ed")):
        return end
    position, taken = end, 0
    while taken < 4:
        word = _CLAUSE_WORD.match(text, position)
        if not word or (taken and (word.group(1) in _CLAUSE_STOP or word.group(1).endswith("ing"))):
            break
        position, taken = word.end(), taken + 1
    return position


_SUBJECT_WORD = re.compile(r"(\(?[\w\u2019'.&-]+\)?)\s+$")
_SUBJECT_STOP = _words(
    "and or but while that which who said says than as because if when since after before also "
    "had has have was were is are will would could"
)
_AUXILIARY = re.compile(r"\b(?:have|has|had)\s+(?:(?:also|now|already|since)\s+)?$")
_MODAL = re.compile(
    r"\b(?:will|would|could|may|might|can|should)\s+(?:(?:likely|probably|soon|also|now)\s+)?$"
)
_ING_VERB = re.compile(r"[a-z]+ing\b")
_PROGRESSIVE = re.compile(r"\b(?:was|were|is|are)\s+$")  # "the zloty was trading at"
_TIME_HOP = re.compile(
    r"\b(?:in|on|during)\s+(?:[A-Z][a-z]+|the\s+[a-z]+\s+quarter)\s+$|\b(?:last|this)\s+"
    r"(?:month|year|week|quarter)\s+$"
)


def _subject_before(text: str, start: int) -> int:
    """The short noun phrase right before the verb: "Food prices rose 0.9%"."""
    hop = _TIME_HOP.search(text[max(0, start - 40) : start])
    position = start - len(hop.group(0)) if hop else start
    auxiliary = _AUXILIARY.search(text, 0, position)
    if auxiliary:  # "deaths have jumped to 17"
        position = auxiliary.start()
    elif _ING_VERB.match(text, position):
        progressive = _PROGRESSIVE.search(text, max(0, position - 8), position)
        position = progressive.start() if progressive else position
    found = start
    for _ in range(4):
        word = _SUBJECT_WORD.search(text, 0, position)
        if not word:
            break
        token = word.group(1).strip("()")
        if token.endswith(".") and len(token) > 3 and token[:-1].islower():
            break  # "... 9 cases. Admissions stand at 15": the sentence before ends there
        if token.lower() in _SUBJECT_STOP or not (
            token[:1].isupper()
            or token.islower()
            or "\u2019" in token
            or (_YEAR.match(token) and _MONTH_BEFORE.search(text, 0, word.start()))  # "June 2019"
            or (_YEAR.match(token) and _FISCAL_BEFORE.search(text, 0, word.start()))
        ):
            break
        if token.lower() in ("the", "a", "an", "its", "their"):
            found = word.start()
            break
        position = found = word.start()
    return found


_CASUALTY_AFTER = re.compile(
    r"\s+(?:(?:have|has|had)\s+been\s+|(?:were|was)\s+)?(?:killed|wounded|injured|dead"
    r"|arrested|detained|displaced|missing|hurt)\b"
)


_COUNTED_BEFORE = re.compile(r"\b(?:by|to|from|of|at|with|than|reached|totalled|totaled)\s+$")
# a word, or initials with their stops: "U.S.", "U.K."
_WORD_OR_INITIALS = r"(?:[A-Z](?:\.[A-Z])+\.|[A-Za-z][\w-]*)"
_SHARE_OF = re.compile(
    r"\s+of\s+(?:the\s+|all\s+|its\s+|their\s+|those\s+|these\s+)?(?:nearly\s+|about\s+)?"
    rf"(?:\d[\d,.]*(?:[ \u00a0]\d{{3}})*\s+)?(?!(?:whom|which|what)\b){_WORD_OR_INITIALS}"
    r"(?:\s+(?!(?:in|on|at|who|which|that|and|or|were|was|are|is|have|has|had|for|from|with"
    rf"|by|to|than|as|said|says|representing|accounting)\b){_WORD_OR_INITIALS}){{0,2}}"
)


def _counted_before(text: str, start: int) -> bool:
    """ "rose to 12", "votes were 233,877": something before the number says what it counts."""
    return bool(
        _COUNTED_BEFORE.search(text[max(0, start - 12) : start])
        or _NOUN_BEFORE.search(text[max(0, start - 60) : start])
    )


_WORD_AMOUNT = re.compile(
    rf"(?P<approx>{_APPROX})(?:(?:US|A|C|HK|NZ)?[$\u00a3\u20ac\u00a5\u20b9]\s?"
    r"|\b(?:USD|EUR|GBP|INR|PKR|Rs\.?|RM)\s)"
    r"(?:a|one|two|three|four|five|six|seven|eight|nine|ten|half\s+a)\s+"
    r"(?:hundred|thousand|million|billion|trillion)\b"
)


def _word_amount_phrases(text: str) -> list[NumberPhrase]:
    """ "Rs one billion", "more than $ two million": an amount written in words."""
    phrases = []
    for match in _WORD_AMOUNT.finditer(text):
        start = match.start("approx") if match.group("approx") else match.start()
        start, end = what_it_counts(text, start, match.end())
        phrases.append(NumberPhrase(start, end, "amount"))
    return phrases


# "there has been one new death in the district", "one more case": a single addition to a tally
_ONE_NEW = re.compile(
    r"\b(?:one|a\s+single)\s+(?:new|more|additional|further)\s+(?:confirmed\s+|suspected\s+)?"
    r"(?:case|death|infection|fatality|patient|casualty)\b",
    re.IGNORECASE,
)


def _word_count_phrases(text: str) -> list[NumberPhrase]:
    phrases = [
        NumberPhrase(m.start(), _in_place(text, m.end()), "count") for m in _ONE_NEW.finditer(text)
    ]
    for match in _WORD_COUNT.finditer(text):
        noun_words = match.group("noun").split()
        noun_end = match.start("noun") + len(noun_words[0])
        if (
            len(noun_words) > 1
            and noun_words[1].lower() not in _STOP_AFTER
            and noun_words[0].lower() not in _COUNTED_PLURALS
            and not noun_words[0].endswith("s")
        ):
            noun_end = match.end("noun")
        if noun_words[0].lower() in _STOP_AFTER:
            continue
        start = match.start("approx") if match.group("approx") else match.start("num")
        phrases.append(NumberPhrase(start, noun_end, "count"))
    return phrases


_WORD_NUMBER_HINT = re.compile(
    r"\b(?:a|one|" + "|".join(_NUMBER_WORDS) + r")\b[- ]?", re.IGNORECASE
)


_SO_MANY_BEFORE = re.compile(
    rf"\b(?:{'|'.join(_SMALL_NUMBER_WORDS[:9])}|\d){_IN_OR_OUT_OF}$", re.IGNORECASE
)


def _word_number_phrases(text: str) -> list[NumberPhrase]:
    phrases = []
    if not _WORD_NUMBER_HINT.search(text):
        return phrases
    for match in _WORD_NUMBER.finditer(text):
        if match.start("num") > 0 and text[match.start("num") - 1] == "-":
            continue
        if _SO_MANY_BEFORE.search(text, max(0, match.start("num") - 12), match.start("num")):
            continue  # "six in ten voters": the share is found whole as a fraction
        start = match.start("approx") if match.group("approx") else match.start("num")
        if not match.group("approx"):
            start = _word_range_start(text, start)  # "four or five degrees", "seven to nine years"
        num_end = match.end("rep") if match.group("rep") else match.end("num")
        share = _OF_NUMBER.match(text, num_end) or _OF_GROUP.match(text, num_end)
        if share:  # "Fourteen of the fifteen hottest years", "six of those new patients"
            done = _WHAT_HAPPENED.match(text, share.end())
            phrases.append(NumberPhrase(start, done.end() if done else share.end(), "count"))
            continue
        casualties = _CASUALTY_AFTER.match(text, num_end)
        if casualties and casualties.group(0).split()[0] in ("were", "was", "have", "had"):
            phrases.append(NumberPhrase(start, casualties.end(), "count"))  # "Seven were injured"
            continue
        percent = _WORD_PERCENT.match(text, num_end)
        if percent:  # "more than six percent"
            begin, end = what_it_counts(text, start, percent.end())
            phrases.append(NumberPhrase(begin, end, "percentage"))
            continue
        following = _counted_words(text, num_end)
        if not following:
            continue
        noun = following[-1][0].lower()
        if noun in _TIME_UNITS or following[0][0].lower() in _TIME_UNITS:
            term = _prison_term(text, start, following[-1][1])  # "five years in jail"
            if term:
                phrases.append(term)
            continue
        if not (noun.endswith("s") or noun in _COUNTED_PLURALS):
            continue  # "two-state solution", "ten minute"
        end = counted_of(text, following[-1][1])
        done = _WHAT_HAPPENED.match(text, end)
        phrases.append(NumberPhrase(start, done.end() if done else end, "count"))
    for match in _LEVEL_WORD_NUMBER.finditer(text):  # "confirmed incidents remain at four"
        begin, end = what_it_counts(text, match.start("num"), match.end("num"))
        if begin < match.start("num"):
            phrases.append(NumberPhrase(begin, end, "count"))
    for match in _AT_WORD_NUMBER.finditer(text):  # "put the number of dead at five"
        start = match.start("approx") if match.group("approx") else match.start("num")
        begin, end = what_it_counts(text, start, match.end("num"))
        if begin < start or _AND_AT.search(text, max(0, start - 60), start):
            phrases.append(NumberPhrase(begin, end, "count"))
    return phrases


_AT_WORD_NUMBER = re.compile(
    rf"\bat\s+(?P<approx>{_APPROX})(?P<num>(?:"
    + "|".join(_NUMBER_WORDS)
    + r")(?:[- ](?:"
    + "|".join(_NUMBER_WORDS[:8])
    + r"))?)\b(?![-\w])(?!\s+(?!(?:and|or|but|while|as|after|before|since|in|on|at)\b)[a-z])",
    re.IGNORECASE,
)
# "the number of dead at seven and the wounded at eight": the second of two "at" figures
_AND_AT = re.compile(r"\bat\s+\S+\s+and\s+(?:the\s+)?[a-z-]+\s+at\s+$")


_LEVEL_WORD_NUMBER = re.compile(
    r"\b(?:remains?|remained|stands?|stood|rose|fell|reached|climbed|jumped|rising|falling"
    r"|dropping|dropped|declining|declined|climbing|increasing|increased|decreasing|decreased)"
    r"\s+(?:at|to)\s+"
    r"(?P<num>(?:"
    + "|".join(_NUMBER_WORDS)
    + r")(?:[- ](?:"
    + "|".join(_NUMBER_WORDS[:8])
    + r"))?)\b(?!\s+(?!from\b)[a-z])",  # "falling to seven from 11"
    re.IGNORECASE,
)


_OF_GROUP = re.compile(
    r"\s+of\s+(?:those|these|the|its|their|all)\s+(?:[a-z-]+\s+){0,2}[a-z-]+s\b(?!\s+of\b)"
)
_WORD_PERCENT = re.compile(r"\s+(?:percent|per cent)\b", re.IGNORECASE)
_OF_NUMBER = re.compile(
    r"\s+of\s+(?:the\s+)?(?:\d[\d,]*|" + "|".join(_NUMBER_WORDS) + r")(?:[- ]\w+)?"
    r"\s+(?:[a-z-]+\s+){0,2}[a-z-]+s\b",
    re.IGNORECASE,
)


# "nearly" in "nearly a third of", looked for only before a share already found
_APPROX_BEFORE = re.compile(rf"(?:{_APPROX})$", re.IGNORECASE)


def _approx_start(text: str, start: int) -> int:
    approx = _APPROX_BEFORE.search(text, max(0, start - 30), start)
    return approx.start() if approx else start


def _fraction_phrases(text: str) -> list[NumberPhrase]:
    phrases = [
        NumberPhrase(_approx_start(text, m.start("num")), m.end("noun"), "percentage")
        for m in _FRACTION.finditer(text)
    ]
    for match in _SO_MANY_IN.finditer(text):
        start = _approx_start(text, match.start("num"))
        if _MONTH_BEFORE.search(text, max(0, start - 12), start):
            continue  # "to April 2 in 2010" is a date
        phrases.append(NumberPhrase(start, match.end(), "percentage"))
    for match in _POINT_IN_WORDS.finditer(text):  # "raised the rate by a quarter-point"
        start, end = what_it_counts(text, match.start(), match.end())
        phrases.append(NumberPhrase(start, end, "percentage"))
    for match in _BY_FRACTION.finditer(text):  # "cut the risk by one-seventh"
        start, _ = what_it_counts(text, match.start("num"), match.end())
        if start == match.start("num"):
            verb = _CHANGED_BY.search(text, max(0, match.start() - 60), match.start())
            start = verb.start() if verb else match.start()
        phrases.append(NumberPhrase(start, match.end(), "percentage"))
    return phrases


def _half_a_million_phrases(text: str) -> list[NumberPhrase]:
    phrases: list[NumberPhrase] = []
    if "half a" not in text.lower():
        return phrases
    for match in _HALF_A_MILLION.finditer(text):  # "could exceed half a million"
        start = match.start("approx") if match.group("approx") else match.start("num")
        following = _counted_words(text, match.end())
        if following and (
            following[-1][0].endswith("s") or following[-1][0].lower() in _COUNTED_PLURALS
        ):
            phrases.append(NumberPhrase(start, counted_of(text, following[-1][1]), "count"))
            continue
        begin, end = what_it_counts(text, start, match.end())
        if begin < start:
            phrases.append(NumberPhrase(begin, end, "figure"))
    return phrases


# "four or five degrees", "two to three", "between six and eight": the first number of a
# range in words, bare because what it counts is said once after the second
_WORD_RANGE_BEFORE = re.compile(
    rf"(?:\bbetween\s+(?=\w+\s+and\s+$))?(?P<approx>{_APPROX})\b(?:{'|'.join(_NUMBER_WORDS)}|one)"
    r"(?:\s+or\s+|\s+to\s+|\s*[-\u2013]\s*|\s+and\s+)$",
    re.IGNORECASE,
)


def _word_range_start(text: str, start: int) -> int:
    first = _WORD_RANGE_BEFORE.search(text, max(0, start - 40), start)
    if first is None:
        return start
    if " and " in first.group(0) and not first.group(0).lower().startswith("between"):
        return start  # "six and eight people" are two figures, "between six and eight" one
    if re.match(r"(?i)two\b", text[start:]):
        return start  # "one or two quarters" is as vague as "two quarters", a pair
    return first.start()


# "more than double that of 2019", "twice as many as", "half as much as", "double the number
# it had predicted", "twice the size of", "a six-fold rise", "3.5-fold", "has more than
# doubled", "a near doubling of": a comparison said in words is a figure to check
_COMPARED_WORD = (
    r"(?:double|twice|triple|treble|thrice|(?<!first\s)(?<!second\s)(?<!other\s)half|(?:"
    + "|".join(_NUMBER_WORDS[:9])
    + r"|\d+(?:\.\d+)?)\s+times)"
)
_QUANTITY_NOUNS = (
    r"(?:number|numbers|amount|size|rate|level|levels|figure|figures|total|allocation|price"
    r"|prices|cost|average|toll|count|share|budget|sum|value|volume|area|population|capacity"
    r"|speed|output|income|revenue|sales|profit|turnout|estimate)"
)
_COMPARISON_IN_WORDS = re.compile(
    rf"(?P<approx>{_APPROX})\b(?:"
    rf"{_COMPARED_WORD}\s+(?:as\s+(?!(?:a|an|the|part|well|soon|if|of|such|it|we|they|he|she"
    r"|you|i|usual|expected)\b)(?-i:[a-z]+)"
    r"(?:(?:\s+[a-z]+)?\s+as\b)?"
    r"|that\s+of\b|those\s+of\b|that\s+(?:figure|number|amount|total|level)\b|that(?=\s*[.,;])"
    rf"|the\s+(?:[a-z]+\s+){{0,2}}?{_QUANTITY_NOUNS}\b)"
    r"|(?:" + "|".join(_NUMBER_WORDS[:9]) + r"|\d+(?:\.\d+)?)[- ]?fold\b"
    r"(?:\s+(?:rise|increase|jump|growth|drop|fall|decline|higher|more|greater|lower))?"
    r"|(?:doubled|tripled|trebled|quadrupled|halved)\b(?!\s+(?:down|up|as|over|back)\b)"
    r"|(?:(?<=\ba\s)|(?<=\bthe\s))(?:near[- ]|nearly\s+)?"
    r"(?:doubling|tripling|quadrupling|halving)\s+of\b"
    r")",
    re.IGNORECASE,
)
# "if the levels are doubled", "to double the lead": a case supposed or a goal, no figure
_SUPPOSED_BEFORE = re.compile(
    r"\b(?:is|are|be|been|being|was|were|if|to|will|would|could|can|may|might|should|must)\s+$",
    re.IGNORECASE,
)

_PLANNED_BEFORE = re.compile(
    r"\b(?:to|will|would|could|can|may|might|should|must)\s+$", re.IGNORECASE
)


def _comparisons_in_words(text: str) -> list[NumberPhrase]:
    phrases: list[NumberPhrase] = []
    lowered = text.lower()
    if not any(
        w in lowered
        for w in (
            "doubl",
            "twice",
            "tripl",
            "trebl",
            "thrice",
            "fold",
            "half",
            "times",
            "quadrupl",
            "halved",
            "halving",
        )
    ):
        return phrases
    for match in _COMPARISON_IN_WORDS.finditer(text):
        start = match.start("approx") if match.group("approx") else match.start()
        core = text[match.end("approx") : match.end()].lower()
        if core.startswith(_CHANGE_VERBS) and (
            _SUPPOSED_BEFORE.search(text, max(0, start - 12), start)
            or _FIGURE_AFTER_VERB.match(text, match.end())
        ):
            continue  # "doubled to 8.2%": the figure after the verb is the statistic
        if core.startswith("double the") and _PLANNED_BEFORE.search(
            text, max(0, start - 12), start
        ):
            continue  # "to double the team's lead", "could double the toll"
        end = match.end()
        if core.startswith(_CHANGE_VERBS):  # "Stock in the firm has more than doubled since May"
            subject = _subject_before(text, start)
            if not _PREPOSITION_FIRST.match(text, subject):
                start = subject  # not "on sea routes more than doubled": no subject there
            tail = _CHANGED_WHEN.match(text, end)
            end = tail.end() if tail else end
        if core.endswith((" as", " of")):  # "twice as many as last year", "double that of 2019"
            end = _np_end(text, end, limit=3)
        elif _OF_WHAT.match(text, end) and core.split()[-1] in ("size", "area", "number"):
            end = _np_end(text, _OF_WHAT.match(text, end).end(), limit=3)  # "twice the size of X"
        phrases.append(NumberPhrase(start, end, "figure"))
    return phrases


_PREPOSITION_FIRST = re.compile(r"(?:on|in|at|to|from|by|for|with|of|over|into)\b", re.I)
_CHANGE_VERBS = ("doubled", "tripled", "trebled", "quadrupled", "halved")
_CHANGED_WHEN = re.compile(
    r"\s+(?:since\s+(?:[A-Z][a-z]+|\d{4}|(?:last|the\s+start\s+of)\s+\w+)"
    r"|(?:so\s+far\s+)?(?:this|last)\s+(?:year|month|week|quarter)|from\s+a\s+year\s+(?:ago|earlier)"
    r"|in\s+(?:the\s+)?(?:past|last)\s+(?:\w+\s+)?(?:years?|months?|decades?))\b"
)


def _changed_in_words_beside_figures(text: str, phrases: list[NumberPhrase]) -> list[NumberPhrase]:
    """ "Cases have tripled this year, with 1,284 recorded": the sentence's figures carry the
    change; "doubled" is a figure of its own only when the sentence gives none."""
    changes = [p for p in phrases if _CHANGE_VERB_IN.search(text, p.start, p.end)]
    if not changes or len(changes) == len(phrases):
        return phrases
    return [p for p in phrases if p not in changes]


_CHANGE_VERB_IN = re.compile(
    r"\b(?:more\s+than\s+|nearly\s+|almost\s+)?(?:"
    + "|".join(_CHANGE_VERBS)
    + r"|doubling|tripling|quadrupling|halving)\b",
    re.I,
)


_FIGURE_AFTER_VERB = re.compile(r"\s+(?:to|from|by)\s+(?:about\s+|around\s+)?[$\u00a3\u20ac]?\d")


# "Thousands were left homeless", "tens of thousands have gathered", "leaving thousands
# injured": a vague count standing alone for people is a statistic like "thousands of people"
_VAGUE_COUNT = (
    r"(?:tens\s+of\s+|hundreds\s+of\s+)?(?:thousands|millions|hundreds|dozens|scores)"
    r"(?!\s+of\b)"
)
_VAGUE_COUNT_DID = re.compile(
    rf"(?P<approx>{_APPROX})\b{_VAGUE_COUNT}(?:\s+more)?(?:\s+(?:still|also|more))?"
    r"\s+(?:(?:were|was|are|have|had|have\s+been|had\s+been|are\s+still|were\s+still)\s+)?"
    r"(?:left\s+|forced\s+to\s+)?(?:(?<=were\s)|(?<=was\s)|(?<=been\s))?"
    r"(?:homeless|missing|stranded|affected|evacuated|gathered|marched|rallied|protested|fled"
    r"|died|remain(?:ed|s)?|took\s+to\s+the\s+streets|turned\s+out|joined|attended|lost"
    r"|marching|gathering|fleeing|displaced|injured|wounded|killed|dead|without|queued"
    r"|waited|camped|demonstrated|signed|lined|arrested|detained|hurt|rescued|treated"
    r"|hospitali[sz]ed)\b",
    re.IGNORECASE,
)
_VAGUE_COUNT_DONE_TO = re.compile(
    r"\b(?:left|leaving|leaves|leave|displacing|displaced|forcing|forced|stranding|stranded"
    r"|affecting|affected|killing|killed|injuring|injured|evacuating|evacuated|drew|drawing"
    rf"|attracted|attracting)\s+(?P<approx>{_APPROX})\b{_VAGUE_COUNT}"
    r"(?:\s+(?:homeless|injured|dead|stranded|without\s+power|more))?\b",
    re.IGNORECASE,
)


def _vague_counts_alone(text: str) -> list[NumberPhrase]:
    if not re.search(r"(?i)\b(?:thousands|millions|hundreds|dozens|scores)\b", text):
        return []
    phrases = []
    for match in _VAGUE_COUNT_DID.finditer(text):
        if _NUMBER_BEFORE_VAGUE.search(text, max(0, match.start() - 12), match.start()):
            continue  # "five thousands", "the 1990s and hundreds"
        phrases.append(NumberPhrase(match.start(), match.end(), "count"))
    for match in _VAGUE_COUNT_DONE_TO.finditer(text):
        phrases.append(NumberPhrase(match.start(), match.end(), "count"))
    return phrases


_NUMBER_BEFORE_VAGUE = re.compile(r"(?:\d|\b(?:a|one|two|three|few|several|many))\s+$", re.I)


def _prison_term_in_words(text: str) -> list[NumberPhrase]:
    phrases = []
    for match in _TERM_IN_WORDS.finditer(text):  # "the 20-year prison term prosecutors sought"
        phrases.append(NumberPhrase(match.start(), match.end(), "sentence"))
    return phrases


_BY_FRACTION = re.compile(
    r"\bby\s+(?P<num>(?:about\s+|nearly\s+|almost\s+|more\s+than\s+|roughly\s+)?"
    r"(?:(?:one|a)[- ](?:third|quarter|fifth|sixth|seventh|eighth|ninth|tenth)|half"
    r"|two[- ](?:thirds|fifths)|three[- ](?:quarters|fifths))\b)(?![- ](?:of|a|an)\b)",
    re.IGNORECASE,
)
# "cut the risk of heart attacks and stroke by one-seventh": the change and what changed
_CHANGED_BY = re.compile(
    r"\b(?:cut|cuts|cutting|reduced?|reduces|reducing|lowered|lowers|raised?|raises|increased?"
    r"|increases|boosted|boosts|slashed|slashes|trimmed|fell|rose|grew|shrank|dropped|declined"
    r"|jumped|climbed)\s+[^,.;:!?]{0,50}?\s+$"
)
_HALF_A_MILLION = re.compile(
    rf"(?P<approx>{_APPROX})(?P<num>\bhalf\s+a\s+(?:million|billion|trillion))\b", re.IGNORECASE
)
_POINT_IN_WORDS = re.compile(
    r"\b(?:an?\s+(?:quarter|half|three-quarters?)(?:[- ]of\s+a)?|half\s+a)[- ]"
    r"(?:percentage[- ])?point\b",
    re.IGNORECASE,
)
_TERM_IN_WORDS = re.compile(
    r"\b(?:a|an|the)\s+(?:\d{1,2}|"
    + "|".join(_NUMBER_WORDS)
    + r")-(?:year|month)\s+(?:(?:prison|jail)\s+(?:term|sentence)|sentence|imprisonment)\b"
    r"(?:\s+(?:that\s+)?(?:[a-z]+\s+){0,2}?(?:prosecutors?|the\s+prosecution|the\s+government)"
    r"\s+(?:had\s+)?(?:sought|requested|demanded|asked\s+for|recommended))?",
    re.IGNORECASE,
)


# "India posted 317/5": runs for wickets; "a match-winning 98", "a fine 43-ball 62": an
# innings; "three points clear in Group E": a lead in a table
_RUNS_FOR_WICKETS = re.compile(r"(?<![\d/.])(?:[4-9]\d|[1-9]\d\d)/(?:10|\d)(?![\d/.])")
_TOTAL_MADE = re.compile(
    r"\b(?:posted|scored|made|reached|totalled|totaled|amassed|were|was|to|at|on|for)\s+$"
)
_HOW_BATTED = re.compile(
    r"\s+(?:batting|bowling)\s+(?:first|second)\b|\s+in\s+(?:reply|their|its)\b(?:\s+\d+\s+overs)?"
)
_INNINGS = re.compile(
    r"(?:\b(?P<verb>played|scored|made|hit|struck|smashed|compiled|cracked|blasted|added)\s+"
    r"|\b)(?:a|an)\s+(?:[a-z]+\s+)?(?:[a-z\d]+-[a-z][a-z-]*|unbeaten|fine|quickfire|superb|gritty"
    r"|breezy|fluent|brilliant|patient|valuable|crucial|career-best)\s+(?P<num>\d{1,3})"
    r"(?=\s*[,.;:)]|\s+(?:and|while|but|as|off|from|before|after|to|in|on|at|for|with)\b)"
)
_POINTS_CLEAR = re.compile(
    r"\b(?:\d{1,2}|"
    + "|".join(_NUMBER_WORDS[:19])
    + r"|one)[- ]points?\s+(?:clear|ahead|behind|adrift)\b"
    r"(?:\s+(?:in|of|at\s+the\s+top\s+of|at\s+the\s+top\s+of)\s+(?:the\s+)?[A-Z]?[\w-]+"
    r"(?:\s+[A-Z0-9]\w*)?)?",
    re.IGNORECASE,
)


_SCORE = r"(?<![\d.,/-])\d{1,3}\s?[-\u2013]\s?\d{1,3}(?![\d/-]|[.,]\d)"
_RESULT_NOUNS = (
    r"(?:win|wins|victory|victories|defeat|defeats|loss|losses|draw|triumph|thrashing|drubbing"
    r"|rout|hammering|humiliation|upset|success)"
)
# "the 61-22 defeat at the hands of X", "the Lions' 27-15 win in Durban": a result named by its
# score, a record to check ("a 5-0 win" that a team "registered" is the match itself, an event)
_NAMED_SCORE = re.compile(
    r"\b(?:(?:the|their|its|his|her|our|that|last\s+(?:week|year|season)[\u2019']s)\s+"
    r"|(?<![\w\u2019'-])[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?(?:[\u2019']s|s[\u2019'])\s+)"
    rf"{_SCORE}\s+(?:[a-z-]+\s+)?{_RESULT_NOUNS}\b"
    r"(?P<against>\s+(?:at\s+the\s+hands\s+of|against|over|to|by|in|at)(?=\s))?"
)
# "the biggest Test loss in the club's history, 53-8": a result and its score in apposition
_RESULT_THEN_SCORE = re.compile(
    r"\b(?:the|their|its|his|her|a|an)\s+(?:[\w\u2019'-]+\s+){0,3}?"
    rf"{_RESULT_NOUNS}\b[^,.;:\n]{{0,60}},\s+{_SCORE}(?![\w-])"
)


def _score_phrases(text: str) -> list[NumberPhrase]:
    phrases = []
    for match in _NAMED_SCORE.finditer(text):
        end = match.end()
        if match.group("against"):  # "at the hands of the Springboks", "in Durban"
            place = _np_end(text, end, limit=3)
            later = re.search(r"\s(?:the|a|an)\b", text[end + 1 : place])
            place = end + 1 + later.start() if later else place
            end = place if place > end else match.start("against")
        phrases.append(NumberPhrase(match.start(), end, "figure"))
    for match in _RESULT_THEN_SCORE.finditer(text):
        phrases.append(NumberPhrase(match.start(), match.end(), "figure"))
    return phrases


def _sport_phrases(text: str) -> list[NumberPhrase]:
    phrases = _score_phrases(text) if re.search(r"\d\s?[-\u2013]\s?\d", text) else []
    if "/" in text:
        for match in _RUNS_FOR_WICKETS.finditer(text):
            if _TOTAL_MADE.search(text, max(0, match.start() - 20), match.start()):
                how = _HOW_BATTED.match(text, match.end())  # "317/5 batting first"
                phrases.append(
                    NumberPhrase(match.start(), how.end() if how else match.end(), "figure")
                )
    for match in _INNINGS.finditer(text):
        phrases.append(NumberPhrase(match.start(), match.end("num"), "figure"))
    for match in _POINTS_CLEAR.finditer(text):
        phrases.append(NumberPhrase(match.start(), match.end(), "figure"))
    return phrases


_SINCE_WHEN = (
    r"(?:since\s+(?:19|20)\d\d|in\s+(?:(?:more\s+than|over|nearly|almost|about|some)\s+)?"
    r"(?:\d{1,3}|a|" + "|".join(_NUMBER_WORDS) + r")\s+(?:years|decades|months|seasons))\b"
)
# "win at Ellis Park for the first time since 1963", "their first win in Spain in eight years":
# a record, what was done and how long it had not been
_FIRST_TIME = re.compile(rf"\bfor\s+the\s+first\s+time\s+{_SINCE_WHEN}", re.IGNORECASE)
_FIRST_ONE = re.compile(
    r"\b(?:the|their|its|his|her|our)\s+first\s+(?:[\w\u2019'-]+\s+){1,5}?" + _SINCE_WHEN,
    re.IGNORECASE,
)
_DONE_WORD = re.compile(r"(?<![\w\u2019'-])([\w\u2019'-]+)\s+$")
_NOT_DONE = (_SUBJECT_STOP - {"than", "as"}) | _words(
    "by to of for they he she it we you i could would can will might may should must not "
    "never the their its his her"
)


def _what_was_done(text: str, start: int) -> int:
    """The verb phrase before "for the first time": "win at Ellis Park"."""
    position = start
    for _ in range(8):
        word = _DONE_WORD.search(text, max(0, position - 30), position)
        if not word or word.group(1).lower() in _NOT_DONE:
            break
        position = word.start()
    return position


# "the rate has been over that for the last 22 months", "has run the country for all 43 years
# since independence": a state that has lasted to date, a run like "the ninth straight month"
_LASTED = re.compile(
    r"\b(?:has|have|had)\s+(?:(?:now|also|already)\s+)?(?:been\s+)?[^,.;:!?]{0,50}?"
    r"\bfor\s+(?:all|the\s+(?:last|past))\s+(?:\d{1,3}|" + "|".join(_NUMBER_WORDS) + r")\s+"
    r"(?:years|months|weeks|days|decades|quarters)\b"
    r"(?P<since>\s+since\s+(?:(?:the|its|their)\s+)?[\w\u2019'-]+(?:\s+[a-z][\w-]*){0,2})?",
    re.IGNORECASE,
)


def _record_phrases(text: str) -> list[NumberPhrase]:
    lowered = text.lower()
    if "first" not in lowered and " for " not in lowered:
        return []
    phrases = [
        NumberPhrase(_subject_before(text, m.start()), m.end(), "figure")
        for m in _LASTED.finditer(text)
    ]
    phrases += [
        NumberPhrase(_what_was_done(text, m.start()), m.end(), "figure")
        for m in _FIRST_TIME.finditer(text)
    ]
    phrases += [NumberPhrase(m.start(), m.end(), "figure") for m in _FIRST_ONE.finditer(text)]
    return phrases


_NUMBER = r"(?:\d[\d,]*|" + "|".join(_NUMBER_WORDS) + r"|one)"
# "Among the 27 constituencies reporting, 17 were in the capital", "Of the seven regions in
# the east, six have received deficient rainfall": a part of the whole named before
_BREAKDOWN_PART = re.compile(
    rf"(?:^|[.;:]\s+|\n)\W*(?:Of|Among)\s+(?:the|these|those)\s+(?:\w+\s+)?{_NUMBER}\s"
    rf"[^.!?\n]{{1,300}}?,\s+(?P<part>(?:only\s+|just\s+)?{_NUMBER})\s+"
    r"(?=(?:were|was|are|is|have|has|had)\s)",
    re.IGNORECASE,
)
_PART_WORD = re.compile(r"\s+([\w\u2019'-]+)")
_PART_STOP = _words("and or but while whereas which who that as because after before since")


def _breakdown_parts(text: str) -> list[NumberPhrase]:
    phrases: list[NumberPhrase] = []
    if "of the" not in text.lower() and "among" not in text.lower():
        return phrases
    for match in _BREAKDOWN_PART.finditer(text):
        position = match.end("part")
        for _ in range(5):
            word = _PART_WORD.match(text, position)
            if not word or word.group(1).lower() in _PART_STOP:
                break
            position = word.end()
        phrases.append(NumberPhrase(match.start("part"), position, "count"))
    return phrases


# "the ninth consecutive month of no change", "a third straight quarterly loss": a run
_RUN = re.compile(
    r"\b(?:(?:the|a|its|their|his|her)\s+)?(?:second|third|fourth|fifth|sixth|seventh|eighth"
    r"|ninth|tenth|eleventh|twelfth|\d{1,3}(?:st|nd|rd|th))\s+(?:consecutive|straight|successive)"
    r"\s+(?:[a-z]+\s+)?(?:days?|weeks?|months?|quarters?|years?|sessions?|meetings?|rises?"
    r"|falls?|increases?|declines?|cuts?|hikes?|gains?|drops?|loss|losses)\b",
    re.IGNORECASE,
)


def _run_phrases(text: str) -> list[NumberPhrase]:
    phrases = []
    for match in _RUN.finditer(text):
        end = match.end()
        of = re.match(r"\s+of(?=\s)", text[end:])
        if of and _np_end(text, end + of.end(), limit=3) > end + of.end():
            end = _np_end(text, end + of.end(), limit=3)  # "... month of no change"
        phrases.append(NumberPhrase(match.start(), end, "figure"))
    return phrases


# "in 2014", "in the third quarter of last year", "in November 2016", "a year earlier": when a
# figure was counted
_WHEN = (
    r"(?:\s+(?:recorded|reported|registered))?"
    r"(?:\s+(?:in|during|for|over|by)\s+(?:"
    r"(?:fiscal\s+|FY\s?)?(?:19|20)\d\d(?:[-\u2013/]\d{2,4})?"
    r"|(?:(?:early|mid|late)[- ])?(?-i:[A-Z][a-z]{2,8})\.?(?:\s+(?:19|20)\d\d)?"
    r"|the\s+(?:(?:same|previous|preceding|corresponding|prior)\s+)?"
    r"(?:(?:first|second|third|fourth|last)\s+)?(?:quarter|half|month|period|year|week)"
    r"(?:\s+of\s+(?:(?:19|20)\d\d|last\s+year|the\s+previous\s+year|this\s+year))?"
    r"|last\s+year|the\s+previous\s+year)"
    r"|\s+(?:a\s+year\s+(?:earlier|ago)|last\s+(?:year|month|quarter)))"
)
_MONTH_NAMES = re.compile(
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|January|February|March|April"
    r"|June|July|August|September|October|November|December|Q[1-4])\b"
)
# "102 murders in 2015 compared to 91 in 2014", "from 85.1 million in the third quarter of 2017
# to 90.5 million in the third quarter of 2018", "29 in 2014 and 32 in 2015", "4.10 percent
# (4.11 percent in April)": a figure and the one it is compared with at another time are one
_COMPARED_IN_TIME = re.compile(
    rf"(?P<when>{_WHEN})?"
    r"(?P<link>,?\s+(?:compared\s+(?:to|with)|as\s+against|against|versus|vs\.?|and)\s+"
    r"|\s+to\s+|\s*\()"
    rf"(?P<figure>{_BASE_PHRASE.pattern})"
    rf"(?P<when2>{_WHEN})?(?P<close>\))?",
    re.IGNORECASE,
)


def _when_ok(when: str) -> bool:
    """A time phrase, not a place: "in April" is a time, "in Kabul" is not."""
    name = re.search(r"(?:in|during|for|over|by)\s+(?:(?:early|mid|late)[- ])?([A-Z][a-z]+)", when)
    return not name or bool(_MONTH_NAMES.fullmatch(name.group(1)))


def _join_compared_in_time(text: str, phrases: list[NumberPhrase]) -> list[NumberPhrase]:
    joined: list[NumberPhrase] = []
    for phrase in phrases:
        if joined and phrase.start < joined[-1].end:
            if phrase.end > joined[-1].end:
                joined[-1] = NumberPhrase(joined[-1].start, phrase.end, joined[-1].label)
            continue
        match = _COMPARED_IN_TIME.match(text, phrase.end)
        if match and _compared_in_time(text, phrase, match):
            start = phrase.start
            if match.group("link").strip() == "to":  # "a slight dip from 65 in 2014 to 59"
                before = _FROM_BEFORE.search(text, max(0, start - 40), start)
                if before and before.group(0).split()[0] not in _STOP_AFTER:
                    start = before.start()
            joined.append(NumberPhrase(start, match.end(), phrase.label))
            continue
        joined.append(phrase)
    return joined


def _compared_in_time(text: str, phrase: NumberPhrase, match: re.Match[str]) -> bool:
    figure = match.group("figure").strip()
    if _YEAR.match(figure) or not re.search(r"\d", figure):
        return False  # "in 2014 and 2015": years, not a second figure
    if not (_when_ok(match.group("when") or "") and _when_ok(match.group("when2") or "")):
        return False
    bracket = match.group("link").strip() == "("
    if bracket:
        return bool(match.group("close"))
    if match.group("link").strip() == "to":
        # "from 85.1 million in 2017 to 90.5 million": a change from one level to another (not
        # "rose 0.5% in January to 3% per year": a monthly change and the yearly rate)
        digit = re.search(r"\d", text[phrase.start : phrase.end])
        number_at = phrase.start + (digit.start() if digit else 0)
        return bool(match.group("when")) and bool(
            _FROM_FIGURE.search(text, max(0, number_at - 40), number_at)
        )
    if match.group("link").strip(" ,") == "and":
        # parallel counts: "29 in 2014 and 32 in 2015" (not "rose 0.4% in May and 3.1% over
        # the year": two changes over two periods)
        return (
            not _PERCENT_IN.search(figure)
            and _YEAR_WHEN.fullmatch(match.group("when") or "") is not None
            and _YEAR_WHEN.fullmatch(match.group("when2") or "") is not None
        )
    return bool(match.group("when"))


_FROM_FIGURE = re.compile(r"\bfrom\s+(?:\S+\s+){0,2}\S*$")
_YEAR_WHEN = re.compile(r"\s+(?:in|during|for)\s+(?:19|20)\d\d(?:[-\u2013/]\d{2,4})?")


# words a statistic's phrase cannot end with: "4.9 per cent of the GDP during", "6% of likely
# voters say", "80.35 per cent of candidates passed their"
_DANGLING = _words(
    "of in on at to from by for with under over during towards toward through into onto upon "
    "about against among between within without compared than as and or but nor the a an its "
    "their his her our your my this these those that which who whom whose they he she it we you "
    "is are was were be been being has have had do does did will would can could may might "
    "shall should say says"
)
_LAST_WORD = re.compile(r"\s+([A-Za-z][\w\u2019'-]*)$")


def _without_dangling_end(text: str, phrase: NumberPhrase) -> NumberPhrase:
    end = phrase.end
    while True:
        last = _LAST_WORD.search(text, phrase.start, end)
        if not last or last.group(1).lower() not in _DANGLING:
            break
        if last.group(1).lower() in ("who", "which", "that"):
            return phrase  # "163 people who had been": a relative clause, cut short
        if re.search(r"\d", text[last.start() : end]):
            break
        end = last.start()
    if end == phrase.end or re.search(r"[\d%]\S*$", text[phrase.start : end]):
        return phrase  # "Just 40% of those who say they": not down to a bare figure
    return NumberPhrase(phrase.start, end, phrase.label)
