#!/usr/bin/env python3
"""Write data/dates.tsv: lines that are only a date or a time.

usage: tools/dategen.py [OUTPUT]          (default: standard output)
       tools/dategen.py --check FILE      (exit 1, with a diff, if FILE differs)
       tools/dategen.py --c-months OUTPUT  (the month names as a C table, for the
                      date normaliser of the metadata reader)
       tools/dategen.py --verify-locales [DIR]
                      (exit 1 if a name is not what its cited locale file has;
                       77 without the locale files; DIR: /usr/share/i18n/locales)

Every month name of a language appears in the same forms ("0 M 0", "M 0 0",
"M 0", "0 M", "0. M 0", with English ordinals and weekdays and German
weekdays), and every form that ends in a number also with a time after it.
Digits are written as 0, as the phrase normaliser folds them.

Month and weekday names are those of glibc's locale data as Debian's
`locales` package (2.36) ships it in /usr/share/i18n/locales/, LC_TIME
keywords mon, abmon, alt_mon and day, lower-cased, with the abbreviation
point dropped ("janv." is "janv") and a name a language already has skipped
("may" is both May's name and its abbreviation). The few forms that no
locale file lists are marked below as common usage.
"""

import difflib
import os
import re
import sys
import unicodedata

HEADER = """\
# Lines that are only a date or a time: publication metadata, not text.
# Digits are written as 0 (any run of digits normalises to the word "0"; a comma or a point
# between digits keeps one number, so "24.02.2006" is "0").
# Each month name appears in the forms "0 M 0", "M 0 0", "M 0", "0 M", "0. M 0" (and English
# ordinals and weekdays), each also followed by a time ("0 0", "0 0 pm", "0 0 uhr").
# Columns: language (ISO 639-1), role/concept, phrase.
# Written by tools/dategen.py: change the generator, not this file. Month and weekday names are
# glibc's locale data (LC_TIME), as the generator cites for each language; "sept" and "mrz"
# are common usage that no locale file lists.
lang\tkind\tphrase
"""

KIND = "line/date"


def words(text):
    return text.split()


# Per language, in file order: "months", each a list of its main name and any
# other name for the same month; "then", names listed after all months
# (abbreviations in month order, or the months in another grammatical case);
# "weekdays" Monday first, written before a date in the "weekday_forms".
# "sources" cites glibc locale files and LC_TIME keywords ("LOCALE KEYWORD
# [N...] [+SUFFIX]": only the Nth names, with SUFFIX added); "common_usage"
# lists the names no locale file has. --verify-locales checks both.
LANGUAGES = [
    ("en", {
        "sources": ["en_US mon", "en_US abmon", "en_US day"],
        "common_usage": ["sept"],
        # en_US LC_TIME mon, abmon; "sept" is common usage, in no locale file.
        "months": [[m] for m in words("january february march april may june july august "
                                      "september october november december")],
        "then": words("jan feb mar apr may jun jul aug sep sept oct nov dec"),
        # en_US LC_TIME day (Sunday first there).
        "weekdays": words("monday tuesday wednesday thursday friday saturday sunday"),
        "weekday_forms": ["{day} {name} 0 0", "{day} 0 {name} 0"],
        "ordinals": ["st", "nd", "rd", "th"],
    }),
    ("de", {
        "sources": ["de_DE mon", "de_AT mon 1", "de_DE abmon", "de_DE day"],
        "common_usage": ["mrz", "sept"],
        # de_DE LC_TIME mon, with de_AT's mon "Jänner" after "Januar".
        "months": [["januar", "jänner"]] + [[m] for m in words(
            "februar märz april mai juni juli august september oktober november dezember")],
        # de_DE LC_TIME abmon; "mrz" and "sept" are common usage, in no locale file.
        "then": words("jan feb mär mrz apr mai jun jul aug sep sept okt nov dez"),
        # de_DE LC_TIME day.
        "weekdays": words("montag dienstag mittwoch donnerstag freitag samstag sonntag"),
        "weekday_forms": ["{day} 0. {name} 0"],
    }),
    ("fr", {
        "sources": ["fr_FR mon", "fr_FR abmon", "fr_CA abmon 4"],
        # fr_FR LC_TIME mon, abmon ("janv.", "févr.", ..., April "avril"); April's
        # "avr" is abmon of fr_CA, fr_BE and fr_CH.
        "months": [[m] for m in words("janvier février mars avril mai juin juillet août "
                                      "septembre octobre novembre décembre")],
        "then": words("janv févr mars avr mai juin juil août sept oct nov déc"),
    }),
    ("es", {
        "sources": ["es_ES mon", "es_ES abmon"],
        # es_ES LC_TIME mon, abmon.
        "months": [[m] for m in words("enero febrero marzo abril mayo junio julio agosto "
                                      "septiembre octubre noviembre diciembre")],
        "then": words("ene feb mar abr may jun jul ago sep oct nov dic"),
    }),
    ("it", {
        "sources": ["it_IT mon", "it_IT abmon"],
        # it_IT LC_TIME mon, abmon.
        "months": [[m] for m in words("gennaio febbraio marzo aprile maggio giugno luglio "
                                      "agosto settembre ottobre novembre dicembre")],
        "then": words("gen feb mar apr mag giu lug ago set ott nov dic"),
    }),
    ("nl", {
        "sources": ["nl_NL mon", "nl_NL abmon"],
        # nl_NL LC_TIME mon, abmon.
        "months": [[m] for m in words("januari februari maart april mei juni juli augustus "
                                      "september oktober november december")],
        "then": words("jan feb mrt apr mei jun jul aug sep okt nov dec"),
    }),
    ("pt", {
        "sources": ["pt_PT mon", "pt_PT abmon"],
        # pt_PT LC_TIME mon, abmon (pt_BR's are the same).
        "months": [[m] for m in words("janeiro fevereiro março abril maio junho julho agosto "
                                      "setembro outubro novembro dezembro")],
        "then": words("jan fev mar abr mai jun jul ago set out nov dez"),
    }),
    ("sv", {
        "sources": ["sv_SE mon", "sv_SE abmon"],
        # sv_SE LC_TIME mon, abmon.
        "months": [[m] for m in words("januari februari mars april maj juni juli augusti "
                                      "september oktober november december")],
        "then": words("jan feb mar apr maj jun jul aug sep okt nov dec"),
    }),
    ("da", {
        "sources": ["da_DK mon"],
        # da_DK LC_TIME mon.
        "months": [[m] for m in words("januar februar marts april maj juni juli august "
                                      "september oktober november december")],
    }),
    ("no", {
        "sources": ["nb_NO mon"],
        # nb_NO LC_TIME mon.
        "months": [[m] for m in words("januar februar mars april mai juni juli august "
                                      "september oktober november desember")],
    }),
    ("fi", {
        "sources": ["fi_FI mon +ta"],
        # fi_FI LC_TIME mon ("tammikuu") as its d_t_fmt "%a %e. %Bta %Y" writes
        # it in a date: with the partitive ending "ta".
        "months": [[m + "ta"] for m in words("tammikuu helmikuu maaliskuu huhtikuu toukokuu "
                                             "kesäkuu heinäkuu elokuu syyskuu lokakuu "
                                             "marraskuu joulukuu")],
    }),
    ("pl", {
        "sources": ["pl_PL mon", "pl_PL alt_mon"],
        # pl_PL LC_TIME mon (genitive: "5 stycznia 2020"), then alt_mon
        # (nominative: "styczeń 2020").
        "months": [[m] for m in words("stycznia lutego marca kwietnia maja czerwca lipca "
                                      "sierpnia września października listopada grudnia")],
        "then": words("styczeń luty marzec kwiecień maj czerwiec lipiec sierpień "
                               "wrzesień październik listopad grudzień"),
    }),
    ("cs", {
        "sources": ["cs_CZ mon"],
        # cs_CZ LC_TIME mon (genitive).
        "months": [[m] for m in words("ledna února března dubna května června července srpna "
                                      "září října listopadu prosince")],
    }),
    ("ru", {
        "sources": ["ru_RU mon"],
        # ru_RU LC_TIME mon (genitive).
        "months": [[m] for m in words("января февраля марта апреля мая июня июля августа "
                                      "сентября октября ноября декабря")],
    }),
    ("tr", {
        "sources": ["tr_TR mon"],
        # tr_TR LC_TIME mon.
        "months": [[m] for m in words("ocak şubat mart nisan mayıs haziran temmuz ağustos "
                                      "eylül ekim kasım aralık")],
    }),
]

# Times on their own, and German times with "um" ("am 5.3.2020 um 14:30 Uhr").
TIME_ROWS = [
    ("en", "0 0 am"), ("en", "0 0 pm"), ("en", "0 0 0 0 0 am"), ("en", "0 0 0 0 0 pm"),
    ("de", "0 0 0 0 0 uhr"), ("de", "0 0 uhr"), ("de", "0 0 0 um 0 0 uhr"),
    ("de", "0 0 0 uhr"), ("de", "0 um 0 0 uhr"),
]

# What follows a date as its time: hours and minutes, with am/pm or "Uhr", or seconds.
TIME_SUFFIXES = [" 0 0", " 0 0 am", " 0 0 pm", " 0 0 uhr", " 0 0 0"]

# A publication line that starts with a date and goes on ("Published 5 March
# 2020 at 10:00"): prefixes that sites' templates print before the date.
PUBLISHED_ROWS = [
    ("de", "Publiziert 0 *"), ("de", "Aktualisiert 0 *"), ("de", "Aktualisiert am 0 *"),
    ("de", "Veröffentlicht am 0 *"), ("de", "Veröffentlichung 0 *"), ("de", "Stand 0 *"),
    ("pl", "Publikacja 0 *"), ("pl", "Aktualizacja 0 *"),
    ("it", "Pubblicato il 0 *"), ("it", "Ultima modifica *"),
    ("en", "Published 0 *"), ("en", "Updated 0 *"), ("en", "Last updated 0 *"),
    ("en", "Last modified 0 *"),
    ("fr", "Mis à jour le 0 *"),
    ("es", "Actualizado 0 *"),
]
# The same in English with the month first ("Published March 5, 2020 ...").
PUBLISHED_MONTH_PREFIXES = ["Published", "Updated", "Last updated", "Posted"]


def month_names(spec):
    """Every name of a language's months, each once, in file order."""
    names = []
    for month in spec["months"]:
        names.extend(month)
    names.extend(spec.get("then", []))
    unique = []
    for name in names:
        if name not in unique:
            unique.append(name)
    return unique


def date_forms(spec, name):
    """The date-only phrases of one month name."""
    forms = [f"0 {name} 0", f"{name} 0 0", f"{name} 0", f"0 {name}", f"0. {name} 0"]
    for suffix in spec.get("ordinals", []):
        forms += [f"{name} 0{suffix} 0", f"{name} 0{suffix}"]
    for day in spec.get("weekdays", []):
        forms += [form.format(day=day, name=name) for form in spec["weekday_forms"]]
    return forms


def dated_times(spec, name, seen):
    """Each form that ends in a number, followed by a time, once."""
    rows = []
    for form in date_forms(spec, name):
        if not form.endswith("0"):
            continue
        for suffix in TIME_SUFFIXES:
            phrase = form + suffix
            if phrase not in seen:
                seen.add(phrase)
                rows.append(phrase)
    return rows


def rows():
    out = []
    for lang, spec in LANGUAGES:
        for name in month_names(spec):
            out += [(lang, form) for form in date_forms(spec, name)]
    out += TIME_ROWS
    for lang, spec in LANGUAGES:
        seen = set()
        for name in month_names(spec):
            out += [(lang, phrase) for phrase in dated_times(spec, name, seen)]
    out += PUBLISHED_ROWS
    english = dict(LANGUAGES)["en"]
    for name in month_names(english):
        out += [("en", f"{prefix} {name} 0 *") for prefix in PUBLISHED_MONTH_PREFIXES]
    return out


def text():
    return HEADER + "".join(f"{lang}\t{KIND}\t{phrase}\n" for lang, phrase in rows())


# ---- checking the names against glibc's locale files ---------------------

LOCALES = "/usr/share/i18n/locales"


def lc_time(directory, locale):
    """A locale file's LC_TIME string lists, following "copy" directives."""
    with open(os.path.join(directory, locale), encoding="utf-8", errors="replace") as f:
        source = f.read().replace("/\n", "")
    body = re.search(r"^LC_TIME\n(.*?)^END LC_TIME", source, re.S | re.M).group(1)
    copied = re.search(r'^copy\s+"([^"]+)"', body, re.M)
    lists = lc_time(directory, copied.group(1)) if copied else {}
    for keyword, values in re.findall(r"^(\w+)\s+(\".*)$", body, re.M):
        strings = re.findall(r'"([^"]*)"', values)
        lists[keyword] = [re.sub(r"<U([0-9A-Fa-f]{4,6})>", lambda u: chr(int(u.group(1), 16)), v)
                          for v in strings]
    return lists


def cited_names(directory, citation):
    """The names one "LOCALE KEYWORD [N...] [+SUFFIX]" citation gives."""
    locale, keyword, *options = citation.split()
    names = lc_time(directory, locale)[keyword]
    picks = [int(o) for o in options if o.isdigit()]
    suffix = "".join(o[1:] for o in options if o.startswith("+"))
    if picks:
        names = [names[n - 1] for n in picks]
    return {name.lower().rstrip(".") + suffix for name in names}


def verify_locales(directory):
    """Every name is its cited locale data or listed as common usage."""
    if not os.path.isdir(directory):
        print(f"no locale data in {directory}: skipped", file=sys.stderr)
        return 77
    status = 0
    for lang, spec in LANGUAGES + NORMALISER_LANGUAGES:
        cited = set()
        for citation in spec["sources"]:
            cited |= cited_names(directory, citation)
        used = set(month_names(spec)) | set(spec.get("weekdays", []))
        common = set(spec.get("common_usage", []))
        for name in sorted(used - cited - common):
            print(f"{lang}: '{name}' is neither in {spec['sources']} nor common usage")
            status = 1
        for name in sorted(cited - used):
            print(f"{lang}: '{name}' of {spec['sources']} is missing")
            status = 1
        for name in sorted(common & cited):
            print(f"{lang}: '{name}' is in {spec['sources']}, not only common usage")
            status = 1
    return status


# Languages whose month names only the date normaliser reads (--c-months):
# date lines in them are not (yet) lexicon rows.
NORMALISER_LANGUAGES = [
    ("el", {
        "sources": ["el_GR mon", "el_GR alt_mon"],
        # el_GR LC_TIME mon (genitive: "9 Νοεμβρίου 2011"), then alt_mon (nominative).
        "months": [[m] for m in words("ιανουαρίου φεβρουαρίου μαρτίου απριλίου μαΐου ιουνίου "
                                      "ιουλίου αυγούστου σεπτεμβρίου οκτωβρίου νοεμβρίου "
                                      "δεκεμβρίου")],
        "then": words("ιανουάριος φεβρουάριος μάρτιος απρίλιος μάιος ιούνιος ιούλιος αύγουστος "
                      "σεπτέμβριος οκτώβριος νοέμβριος δεκέμβριος"),
    }),
]

# Names of common usage, which stand beside a month's locale names.
COMMON_USAGE_MONTH = {"sept": 9, "mrz": 3}


def month_numbers(spec):
    """(name, month number) for every name of a language's months, once each."""
    pairs = []
    for number, names in enumerate(spec["months"], 1):
        pairs += [(name, number) for name in names]
    number = 0
    for name in spec.get("then", []):
        if name in COMMON_USAGE_MONTH:
            pairs.append((name, COMMON_USAGE_MONTH[name]))
            continue
        number += 1
        pairs.append((name, number))
    seen, unique = set(), []
    for name, number in pairs:
        if name not in seen:
            seen.add(name)
            unique.append((name, number))
    return unique


def c_months():
    lines = ["/* Written by tools/dategen.py --c-months: month names (lower case, UTF-8)",
             " * of glibc's locale data, with their numbers. */",
             '#include "dates.h"', "",
             "const wn_month_name WN_MONTH_NAMES[] = {"]
    for lang, spec in LANGUAGES + NORMALISER_LANGUAGES:
        for name, number in month_numbers(spec):
            # Folded as the normaliser folds what it reads (Greek final sigma too),
            # composed again as it composes ("ΐ" stays one character).
            folded = unicodedata.normalize("NFC", name.casefold())
            lines.append(f'    {{"{folded}", {number}}}, /* {lang} */')
    lines += ["};", "const size_t WN_MONTH_NAME_COUNT = sizeof WN_MONTH_NAMES / sizeof WN_MONTH_NAMES[0];", ""]
    return "\n".join(lines)


def main(argv):
    if argv[:1] == ["--c-months"] and len(argv) == 2:
        with open(argv[1], "w", encoding="utf-8", newline="\n") as f:
            f.write(c_months())
        return 0
    if argv[:1] == ["--verify-locales"] and len(argv) <= 2:
        return verify_locales(argv[1] if len(argv) == 2 else LOCALES)
    generated = text()
    if argv[:1] == ["--check"] and len(argv) == 2:
        with open(argv[1], encoding="utf-8") as f:
            current = f.read()
        if current == generated:
            return 0
        diff = difflib.unified_diff(current.splitlines(True), generated.splitlines(True),
                                    argv[1], "tools/dategen.py", n=1)
        sys.stdout.writelines(list(diff)[:60])
        print(f"{argv[1]} differs from what tools/dategen.py writes", file=sys.stderr)
        return 1
    if len(argv) > 1 or argv[:1] == ["--check"]:
        sys.exit(__doc__)
    if argv:
        with open(argv[0], "w", encoding="utf-8", newline="\n") as f:
            f.write(generated)
    else:
        sys.stdout.write(generated)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
