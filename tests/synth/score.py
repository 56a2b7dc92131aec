"""Runs winnow over synthesized pages and checks each output against the
page's plan: planted chrome that was printed, article paragraphs missing or
printed twice, hard negatives dropped, word F1 against expected.txt."""

import json
import os
import re
import shutil
import subprocess
import tempfile
import unicodedata
from collections import Counter

TIMEOUT_S = 30
CJK_CHARS = "\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af"
CJK = re.compile(f"[{CJK_CHARS}]")
SPLIT = re.compile(f"[{CJK_CHARS}]|[^{CJK_CHARS}]+")


def norm(text):
    text = unicodedata.normalize("NFC", text).casefold()
    return re.sub(r"\s+", " ", text).strip()


def tokens(text):
    """WCXB's tokens, with Han, Kana and Hangul split into characters."""
    out = []
    for tok in re.findall(r"\w+", text.lower()):
        if CJK.search(tok):
            out.extend(SPLIT.findall(tok))
        else:
            out.append(tok)
    return out


def word_prf(pred, ref):
    pred, ref = tokens(pred), tokens(ref)
    if not pred and not ref:
        return 1.0, 1.0, 1.0
    if not pred or not ref:
        return 0.0, 0.0, 0.0
    overlap = sum((Counter(pred) & Counter(ref)).values())
    p, r = overlap / len(pred), overlap / len(ref)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def occurrences(needle, haystack):
    """Occurrences of a normalized string on word boundaries (none needed
    around CJK, which has no spaces)."""
    if not needle:
        return 0
    check_left = not CJK.match(needle[0]) and (needle[0].isalnum() or needle[0] == "_")
    check_right = not CJK.match(needle[-1]) and (needle[-1].isalnum() or needle[-1] == "_")
    count, start = 0, haystack.find(needle)
    while start >= 0:
        end = start + len(needle)
        before = haystack[start - 1] if start else " "
        after = haystack[end] if end < len(haystack) else " "
        if not (check_left and (before.isalnum() or before == "_")) and \
                not (check_right and (after.isalnum() or after == "_")):
            count += 1
        start = haystack.find(needle, start + 1)
    return count


def run_winnow(binary, html_path):
    try:
        r = subprocess.run([binary, html_path], capture_output=True, timeout=TIMEOUT_S)
    except subprocess.TimeoutExpired:
        return "", "timeout"
    if r.returncode != 0:
        return "", f"exit {r.returncode}"
    return r.stdout.decode("utf-8", "replace"), ""


def check_page(plan, expected, output):
    """Everything one page's output did wrong or right, by kind."""
    out_n, exp_n = norm(output), norm(expected)
    res = {"leaks": [], "planted": [], "missing": [], "twice": [], "kept": 0,
           "negatives": [], "meta": []}
    seen = set()
    for c in plan["chrome"]:
        key = (c["kind"], norm(c["text"]))
        if key in seen or not key[1]:
            continue
        seen.add(key)
        res["planted"].append(c)
        if occurrences(key[1], out_n) > occurrences(key[1], exp_n):
            res["leaks"].append(c)
    for para in plan["must_once"]:
        n = occurrences(norm(para), out_n)
        if n == 0:
            res["missing"].append(para)
        else:
            res["kept"] += 1
            # a lede may also be quoted inside a later paragraph
            if n > occurrences(norm(para), exp_n):
                res["twice"].append(para)
    for neg in plan["negatives"]:
        res["negatives"].append((neg["kind"], occurrences(norm(neg["text"]), out_n) > 0))
    for m in plan["meta"]:
        res["meta"].append((m["kind"], occurrences(norm(m["text"]), out_n) > 0))
    res["prf"] = word_prf(output, expected)
    res["exact"] = output == expected
    return res


def failures(page_id, res):
    """The page's failures as stable lines 'PAGE CHECK' (one per chrome kind)."""
    lines = {f"{page_id} leak:{c['kind']}" for c in res["leaks"]}
    if res["missing"]:
        lines.add(f"{page_id} missing-paragraph")
    if res["twice"]:
        lines.add(f"{page_id} paragraph-twice")
    for kind, kept in res["negatives"]:
        if not kept:
            lines.add(f"{page_id} dropped-negative:{kind}")
    return lines


def run_batch(binary, directory, jobs):
    """Outputs of every DIR/ID/page.html by winnow's directory mode (one
    process for all pages): {ID: (text, problem)}."""
    out = tempfile.mkdtemp(prefix="winnow-synth-out-")
    try:
        subprocess.run([binary, "-q", "-j", str(jobs), "-o", out, directory],
                       capture_output=True, timeout=TIMEOUT_S * 20)
        result = {}
        for pid in os.listdir(directory):
            path = os.path.join(out, pid, "page.txt")
            if os.path.isfile(path):
                with open(path, encoding="utf-8", errors="replace") as f:
                    result[pid] = (f.read(), "")
            else:
                result[pid] = ("", "no output")
        return result
    finally:
        shutil.rmtree(out, ignore_errors=True)


def score_dir(binary, directory, jobs=2):
    """[(page_id, plan, result, problem)] for every page directory."""
    ids = sorted(d for d in os.listdir(directory)
                 if os.path.isfile(os.path.join(directory, d, "plan.json")))
    outputs = run_batch(binary, directory, jobs)
    results = []
    for pid in ids:
        d = os.path.join(directory, pid)
        with open(os.path.join(d, "plan.json"), encoding="utf-8") as f:
            plan = json.load(f)
        with open(os.path.join(d, "expected.txt"), encoding="utf-8") as f:
            expected = f.read()
        output, problem = outputs.get(pid, ("", "no output"))
        if problem:  # say why, page by page
            output, problem = run_winnow(binary, os.path.join(d, "page.html"))
        res = check_page(plan, expected, output)
        res["output"] = output
        results.append((pid, plan, res, problem))
    return results
