#!/usr/bin/env python3
"""Write winnow's manual page (roff) from its --help text.

usage: manpage.py WINNOW VERSION OUT.1

The help text is the single source: its first line is the synopsis, the
paragraph after it the description, and every "Heading:" line starts a
section; option lines ("  -o, --output=DIR   text") become tagged paragraphs.
"""
import re
import subprocess
import sys


def roff(text):
    text = text.replace("\\", "\\e").replace("-", "\\-")
    return "\\&" + text if text.startswith((".", "'")) else text


OPTION = re.compile(r"^ {2,6}(-\S.*?)(?:\s{2,}(\S.*))?$")
CONTINUATION = re.compile(r"^ {10,}\S")


def main():
    if len(sys.argv) != 4:
        sys.exit("usage: manpage.py WINNOW VERSION OUT.1")
    exe, version, out = sys.argv[1:]
    help_text = subprocess.run([exe, "--help"], check=True, capture_output=True,
                               text=True).stdout
    lines = help_text.rstrip("\n").split("\n")
    synopsis = lines[0].removeprefix("Usage: ")
    body = lines[1:]
    w = []
    w.append(f'.TH WINNOW 1 "" "winnow {version}" "User Commands"')
    w.append(".SH NAME")
    w.append("winnow \\- print the main text of web pages, without boilerplate")
    w.append(".SH SYNOPSIS")
    w.append(".B " + roff(synopsis))
    w.append(".SH DESCRIPTION")
    in_option = False
    for line in body:
        if not line.strip():
            w.append(".PP")
            in_option = False
            continue
        if re.match(r"^[A-Z][A-Za-z ()\-]*:$", line) or re.match(r"^[A-Z][^:]*\(.*\):$", line):
            w.append(".SH " + roff(line.rstrip(":").upper()))
            in_option = False
            continue
        if in_option and CONTINUATION.match(line):
            w.append(roff(line.strip()))
            continue
        m = OPTION.match(line)
        if m:
            w.append(".TP")
            w.append(".B " + roff(m.group(1).strip()))
            if m.group(2):
                w.append(roff(m.group(2)))
            in_option = True
            continue
        if line.startswith("  ") and not in_option:
            w.append(".nf")
            w.append(roff(line.strip()))
            w.append(".fi")
            continue
        w.append(roff(line.strip()))
    with open(out, "w", encoding="utf-8") as f:
        f.write("\n".join(w) + "\n")


if __name__ == "__main__":
    main()
