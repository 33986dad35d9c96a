#!/usr/bin/env python3
"""Independent oracle for `crossroads score` (contract: shared/spec/assessment-format.md).

Usage:
    python3 score.py ASSESSMENT.yaml ANSWERS.yaml [--meta]

Prints the JSON of section 4 of the contract on stdout.  With --meta an extra
key "_meta" ({tie_margin, bands}) is added; compare.py uses it to recognise
float-boundary cases (a score within 1e-9 of a band minimum, etc.).

Exit status: 0 ok, 1 invalid assessment or answers (one problem per line on
stderr), 2 usage.  Only PyYAML and the standard library are used.

This module is also imported by gen.py (validate_assessment, load_assessment,
question_range) to check that generated files are valid.
"""
import json
import math
import re
import sys

import yaml

ID_RE = re.compile(r"[a-z0-9][a-z0-9_-]*\Z")
AID_RE = re.compile(r"[a-z0-9][a-z0-9-]*\Z")
TYPES = ("likert", "choice", "multi", "rank", "text")
DEFAULT_BANDS = [
    {"min": 70, "label": "Strong fit"},
    {"min": 40, "label": "Partial fit"},
    {"min": 0, "label": "Weak fit"},
]
DEFAULT_TIE_MARGIN = 5
DEFAULT_TEXT_MAX = 2000

TOP_KEYS = {"format", "id", "title", "version", "description", "estimated_minutes",
            "tie_margin", "scale", "bands", "tracks", "axes", "sections"}
SCALE_KEYS = {"min", "max", "labels"}
BAND_KEYS = {"min", "label", "message"}
TRACK_KEYS = {"id", "name", "short", "summary", "strengths", "growth"}
AXIS_KEYS = {"id", "left", "right", "label"}
SECTION_KEYS = {"id", "title", "intro", "questions"}
Q_COMMON = {"id", "type", "text", "help", "coach", "required", "show_if"}
Q_EXTRA = {
    "likert": {"weights", "reverse", "scale"},
    "choice": {"options"},
    "multi": {"options", "min", "max"},
    "rank": {"options"},
    "text": {"max_length"},
}
OPTION_KEYS = {"id", "label", "weights"}
ANSWERS_KEYS = {"assessment", "answers", "notes", "session"}


class Invalid(Exception):
    def __init__(self, problems):
        super().__init__("\n".join(problems))
        self.problems = problems


def is_int(x):
    return isinstance(x, int) and not isinstance(x, bool)


def is_num(x):
    return (is_int(x) or isinstance(x, float)) and math.isfinite(x)


# ---------------------------------------------------------------------------
# Assessment: validation and normalisation
# ---------------------------------------------------------------------------

class Question:
    __slots__ = ("id", "type", "section", "index", "required", "show_if",
                 "weights", "reverse", "smin", "smax", "options", "min", "max",
                 "max_length")

    def option_ids(self):
        return [o[0] for o in self.options]

    def tracks(self):
        """Tracks the question mentions, in first-mention order."""
        seen = []
        if self.type == "likert":
            srcs = [self.weights]
        elif self.type in ("choice", "multi", "rank"):
            srcs = [o[1] for o in self.options]
        else:
            srcs = []
        for w in srcs:
            for t in w:
                if t not in seen:
                    seen.append(t)
        return seen


class Assessment:
    pass


def _scale(obj, where, problems, default=(1, 5)):
    smin, smax = default
    if obj is None:
        return smin, smax
    if not isinstance(obj, dict):
        problems.append(f"{where}: scale must be a mapping")
        return smin, smax
    for k in obj:
        if k not in SCALE_KEYS:
            problems.append(f"{where}: unknown key {k!r} in scale")
    if "min" in obj:
        if is_int(obj["min"]):
            smin = obj["min"]
        else:
            problems.append(f"{where}: scale min must be an integer")
    if "max" in obj:
        if is_int(obj["max"]):
            smax = obj["max"]
        else:
            problems.append(f"{where}: scale max must be an integer")
    if not smax > smin:
        problems.append(f"{where}: scale max must be > min")
    elif smax - smin + 1 > 11:
        problems.append(f"{where}: scale has more than 11 points")
    if "labels" in obj:
        labels = obj["labels"]
        if not isinstance(labels, list) or not all(isinstance(x, str) for x in labels):
            problems.append(f"{where}: scale labels must be a list of strings")
        elif len(labels) != smax - smin + 1:
            problems.append(f"{where}: scale needs exactly {smax - smin + 1} labels, got {len(labels)}")
    return smin, smax


def _weights(obj, where, track_ids, problems):
    out = {}
    if not isinstance(obj, dict):
        problems.append(f"{where}: weights must be a mapping")
        return out
    for t, w in obj.items():
        if not isinstance(t, str) or t not in track_ids:
            problems.append(f"{where}: weight names unknown track {t!r}")
            continue
        if not is_num(w):
            problems.append(f"{where}: weight for {t!r} must be a finite number")
            continue
        out[t] = float(w)
    return out


def _check_id(x, where, problems, what="id", regex=ID_RE):
    if not isinstance(x, str) or not regex.match(x):
        problems.append(f"{where}: invalid {what} {x!r}")
        return False
    return True


def _check_cond(cond, where, prior, problems, depth=0):
    """prior: dict id -> Question of questions earlier in the file."""
    if not isinstance(cond, dict):
        problems.append(f"{where}: condition must be a mapping")
        return
    keys = set(cond)
    if keys & {"all", "any", "not"}:
        if len(keys) != 1:
            problems.append(f"{where}: combinator condition must have exactly one key, got {sorted(keys)}")
            return
        k = next(iter(keys))
        if k == "not":
            _check_cond(cond["not"], where + ".not", prior, problems, depth + 1)
        else:
            lst = cond[k]
            if not isinstance(lst, list) or not lst:
                problems.append(f"{where}: {k} must be a non-empty list")
                return
            for i, c in enumerate(lst):
                _check_cond(c, f"{where}.{k}[{i}]", prior, problems, depth + 1)
        return
    if "question" not in keys:
        problems.append(f"{where}: condition needs 'question' or all/any/not")
        return
    ops = keys - {"question"}
    if len(ops) != 1 or not ops <= {"is", "in", "at_least", "at_most", "answered"}:
        problems.append(f"{where}: condition needs exactly one of is/in/at_least/at_most/answered, got {sorted(ops)}")
        return
    op = next(iter(ops))
    qid = cond["question"]
    if qid not in prior:
        problems.append(f"{where}: condition refers to {qid!r}, which is not an earlier question")
        return
    q = prior[qid]
    val = cond[op]
    if op in ("is", "in"):
        if q.type not in ("choice", "multi"):
            problems.append(f"{where}: {op} on a {q.type} question {qid!r}")
            return
        vals = [val] if op == "is" else val
        if op == "in" and (not isinstance(val, list) or not val):
            problems.append(f"{where}: in must be a non-empty list")
            return
        for v in vals:
            if v not in q.option_ids():
                problems.append(f"{where}: option {v!r} does not exist on {qid!r}")
    elif op in ("at_least", "at_most"):
        if q.type != "likert":
            problems.append(f"{where}: {op} on a {q.type} question {qid!r}")
        if not is_num(val):
            problems.append(f"{where}: {op} must be a number")
    else:
        if not isinstance(val, bool):
            problems.append(f"{where}: answered must be true or false")


def question_range(q, t):
    """(lo, hi) of question q for track t (section 3)."""
    if q.type == "likert":
        w = q.weights.get(t, 0.0)
        return min(0.0, w), max(0.0, w)
    ws = [o[1].get(t, 0.0) for o in q.options]
    if q.type == "choice":
        return min(ws), max(ws)
    if q.type == "multi":
        desc = sorted(ws, reverse=True)
        asc = sorted(ws)
        his, los = [], []
        for k in range(q.min, q.max + 1):
            s_hi = 0.0
            for x in desc[:k]:
                s_hi += x
            s_lo = 0.0
            for x in asc[:k]:
                s_lo += x
            his.append(s_hi)
            los.append(s_lo)
        return min(los), max(his)
    if q.type == "rank":
        n = len(ws)
        r = [(n - 1 - p) / (n - 1) for p in range(n)]
        desc = sorted(ws, reverse=True)
        asc = sorted(ws)
        hi = 0.0
        lo = 0.0
        for i in range(n):
            hi += desc[i] * r[i]
            lo += asc[i] * r[i]
        return lo, hi
    return 0.0, 0.0


def contribution(q, ans, t):
    """(c, lo, hi) of answered question q for track t."""
    lo, hi = question_range(q, t)
    if q.type == "likert":
        w = q.weights.get(t, 0.0)
        x = (ans - q.smin) / (q.smax - q.smin)
        if q.reverse:
            x = 1 - x
        return w * x, lo, hi
    wmap = {o[0]: o[1].get(t, 0.0) for o in q.options}
    if q.type == "choice":
        return wmap[ans], lo, hi
    if q.type == "multi":
        c = 0.0
        for a in ans:
            c += wmap[a]
        return c, lo, hi
    if q.type == "rank":
        n = len(q.options)
        c = 0.0
        for p, a in enumerate(ans):
            c += wmap[a] * ((n - 1 - p) / (n - 1))
        return c, lo, hi
    raise AssertionError(q.type)


def validate_assessment(doc, fname="assessment", check_reach=True):
    """Validate a parsed assessment; return an Assessment or raise Invalid."""
    P = []
    if not isinstance(doc, dict):
        raise Invalid([f"{fname}: top level must be a mapping"])
    for k in doc:
        if k not in TOP_KEYS:
            P.append(f"{fname}: unknown key {k!r}")
    if doc.get("format") != 1 or isinstance(doc.get("format"), bool):
        P.append(f"{fname}: format must be 1")
    a = Assessment()
    a.id = doc.get("id")
    _check_id(a.id, fname, P, "assessment id", AID_RE)
    a.title = doc.get("title")
    if not isinstance(a.title, str):
        P.append(f"{fname}: title is required (string)")
    a.version = doc.get("version")
    if a.version is not None and not isinstance(a.version, str):
        P.append(f"{fname}: version must be a string")
    for k in ("description",):
        if k in doc and not isinstance(doc[k], str):
            P.append(f"{fname}: {k} must be a string")
    if "estimated_minutes" in doc and not (is_num(doc["estimated_minutes"]) and doc["estimated_minutes"] > 0):
        P.append(f"{fname}: estimated_minutes must be a positive number")
    a.tie_margin = doc.get("tie_margin", DEFAULT_TIE_MARGIN)
    if not is_num(a.tie_margin) or a.tie_margin < 0:
        P.append(f"{fname}: tie_margin must be a non-negative number")
        a.tie_margin = DEFAULT_TIE_MARGIN
    a.scale = _scale(doc.get("scale"), f"{fname}: scale", P)

    # bands
    bands = doc.get("bands", None)
    if bands is None:
        a.bands = [dict(b) for b in DEFAULT_BANDS]
    else:
        a.bands = []
        if not isinstance(bands, list) or not bands:
            P.append(f"{fname}: bands must be a non-empty list")
        else:
            mins = set()
            for i, b in enumerate(bands):
                w = f"{fname}: bands[{i}]"
                if not isinstance(b, dict):
                    P.append(f"{w}: must be a mapping")
                    continue
                for k in b:
                    if k not in BAND_KEYS:
                        P.append(f"{w}: unknown key {k!r}")
                if not is_num(b.get("min")):
                    P.append(f"{w}: min must be a number")
                    continue
                if not isinstance(b.get("label"), str):
                    P.append(f"{w}: label is required")
                if b["min"] in mins:
                    P.append(f"{w}: duplicate band min {b['min']}")
                mins.add(b["min"])
                a.bands.append({"min": b["min"], "label": b.get("label")})

    # tracks
    tracks = doc.get("tracks")
    a.tracks = []
    if not isinstance(tracks, list) or len(tracks) < 2:
        P.append(f"{fname}: at least 2 tracks are required")
        tracks = tracks if isinstance(tracks, list) else []
    for i, t in enumerate(tracks):
        w = f"{fname}: tracks[{i}]"
        if not isinstance(t, dict):
            P.append(f"{w}: must be a mapping")
            continue
        for k in t:
            if k not in TRACK_KEYS:
                P.append(f"{w}: unknown key {k!r}")
        if not _check_id(t.get("id"), w, P):
            continue
        if t["id"] in [x[0] for x in a.tracks]:
            P.append(f"{w}: duplicate track id {t['id']!r}")
            continue
        if not isinstance(t.get("name"), str):
            P.append(f"{w}: name is required")
        if "short" in t and (not isinstance(t["short"], str) or len(t["short"]) > 12):
            P.append(f"{w}: short must be a string of at most 12 characters")
        for k in ("strengths", "growth"):
            if k in t and (not isinstance(t[k], list) or not all(isinstance(s, str) for s in t[k])):
                P.append(f"{w}: {k} must be a list of strings")
        a.tracks.append((t["id"], t.get("name")))
    track_ids = [x[0] for x in a.tracks]

    # axes
    a.axes = []
    axes = doc.get("axes", [])
    if not isinstance(axes, list):
        P.append(f"{fname}: axes must be a list")
        axes = []
    for i, ax in enumerate(axes):
        w = f"{fname}: axes[{i}]"
        if not isinstance(ax, dict):
            P.append(f"{w}: must be a mapping")
            continue
        for k in ax:
            if k not in AXIS_KEYS:
                P.append(f"{w}: unknown key {k!r}")
        _check_id(ax.get("id"), w, P)
        if ax.get("id") in [x[0] for x in a.axes]:
            P.append(f"{w}: duplicate axis id")
        l, r = ax.get("left"), ax.get("right")
        if l not in track_ids or r not in track_ids:
            P.append(f"{w}: left/right must name tracks")
            continue
        if l == r:
            P.append(f"{w}: left and right must be distinct")
        a.axes.append((ax.get("id"), l, r))

    # sections and questions
    a.sections = []
    a.questions = []
    seen_ids = set()
    prior = {}
    sections = doc.get("sections")
    if not isinstance(sections, list) or not sections:
        P.append(f"{fname}: at least 1 section is required")
        sections = []
    for si, s in enumerate(sections):
        sw = f"{fname}: sections[{si}]"
        if not isinstance(s, dict):
            P.append(f"{sw}: must be a mapping")
            continue
        for k in s:
            if k not in SECTION_KEYS:
                P.append(f"{sw}: unknown key {k!r}")
        _check_id(s.get("id"), sw, P)
        if s.get("id") in seen_ids:
            P.append(f"{sw}: duplicate id {s.get('id')!r}")
        seen_ids.add(s.get("id"))
        if not isinstance(s.get("title"), str):
            P.append(f"{sw}: title is required")
        qs = s.get("questions")
        if not isinstance(qs, list) or not qs:
            P.append(f"{sw}: at least 1 question is required")
            qs = []
        a.sections.append((s.get("id"), s.get("title")))
        for qi, qd in enumerate(qs):
            w = f"{sw}.questions[{qi}]"
            if not isinstance(qd, dict):
                P.append(f"{w}: must be a mapping")
                continue
            w += f" (id {qd.get('id')!r})"
            q = Question()
            q.id = qd.get("id")
            q.type = qd.get("type")
            q.section = si
            q.index = len(a.questions)
            _check_id(q.id, w, P)
            if q.id in seen_ids:
                P.append(f"{w}: duplicate id")
            seen_ids.add(q.id)
            if q.type not in TYPES:
                P.append(f"{w}: unknown type {q.type!r}")
                continue
            allowed = Q_COMMON | Q_EXTRA[q.type]
            for k in qd:
                if k not in allowed:
                    P.append(f"{w}: unknown key {k!r} for a {q.type} question")
            if not isinstance(qd.get("text"), str):
                P.append(f"{w}: text is required")
            q.required = qd.get("required", False)
            if not isinstance(q.required, bool):
                P.append(f"{w}: required must be a bool")
            q.show_if = qd.get("show_if")
            if q.show_if is not None:
                _check_cond(q.show_if, w + " show_if", prior, P)
            q.weights, q.options = {}, []
            q.reverse, q.smin, q.smax = False, None, None
            q.min = q.max = None
            q.max_length = None
            if q.type == "likert":
                if "weights" not in qd or not isinstance(qd["weights"], dict) or not qd["weights"]:
                    P.append(f"{w}: weights are required (non-empty)")
                q.weights = _weights(qd.get("weights", {}), w, track_ids, P)
                q.reverse = qd.get("reverse", False)
                if not isinstance(q.reverse, bool):
                    P.append(f"{w}: reverse must be a bool")
                if "scale" in qd:
                    q.smin, q.smax = _scale(qd["scale"], w, P)
                else:
                    q.smin, q.smax = a.scale
            elif q.type in ("choice", "multi", "rank"):
                opts = qd.get("options")
                if not isinstance(opts, list):
                    P.append(f"{w}: options are required")
                    opts = []
                if len(opts) < 2:
                    P.append(f"{w}: at least 2 options are required")
                if q.type == "rank" and len(opts) > 9:
                    P.append(f"{w}: a rank question has at most 9 options")
                for oi, o in enumerate(opts):
                    ow = f"{w}.options[{oi}]"
                    if not isinstance(o, dict):
                        P.append(f"{ow}: must be a mapping")
                        continue
                    for k in o:
                        if k not in OPTION_KEYS:
                            P.append(f"{ow}: unknown key {k!r}")
                    if not _check_id(o.get("id"), ow, P):
                        continue
                    if o["id"] in q.option_ids():
                        P.append(f"{ow}: duplicate option id {o['id']!r}")
                        continue
                    if not isinstance(o.get("label"), str):
                        P.append(f"{ow}: label is required")
                    ws = _weights(o["weights"], ow, track_ids, P) if "weights" in o else {}
                    q.options.append((o["id"], ws))
                if q.type == "multi":
                    n = len(q.options)
                    q.min = qd.get("min", 0)
                    q.max = qd.get("max", n)
                    if not (is_int(q.min) and is_int(q.max) and 0 <= q.min <= q.max <= n):
                        P.append(f"{w}: need 0 <= min <= max <= {n}")
                        q.min, q.max = 0, n
            else:
                q.max_length = qd.get("max_length", DEFAULT_TEXT_MAX)
                if not is_int(q.max_length) or q.max_length < 0:
                    P.append(f"{w}: max_length must be a non-negative integer")
                    q.max_length = DEFAULT_TEXT_MAX
            if q.type != "text" and not q.tracks():
                P.append(f"{w}: a scored question must name at least one track")
            a.questions.append(q)
            prior[q.id] = q

    if not P and check_reach:
        for t in track_ids:
            H = L = 0.0
            for q in a.questions:
                if q.type == "text":
                    continue
                lo, hi = question_range(q, t)
                L += lo
                H += hi
            if not H > L:
                P.append(f"{fname}: track {t!r} is unreachable (no question can move its score)")
    if P:
        raise Invalid(P)
    a.qmap = {q.id: q for q in a.questions}
    return a


def load_yaml(path):
    with open(path, encoding="utf-8") as f:
        return yaml.safe_load(f)


def load_assessment(path):
    return validate_assessment(load_yaml(path), path)


# ---------------------------------------------------------------------------
# Answers
# ---------------------------------------------------------------------------

def validate_answers(a, doc, fname="answers"):
    P = []
    if not isinstance(doc, dict):
        raise Invalid([f"{fname}: top level must be a mapping"])
    for k in doc:
        if k not in ANSWERS_KEYS:
            P.append(f"{fname}: unknown key {k!r}")
    if doc.get("assessment") != a.id:
        P.append(f"{fname}: assessment {doc.get('assessment')!r} does not match {a.id!r}")
    ans = doc.get("answers", {})
    if ans is None:
        ans = {}
    if not isinstance(ans, dict):
        raise Invalid(P + [f"{fname}: answers must be a mapping"])
    for qid, v in ans.items():
        w = f"{fname}: answer to {qid!r}"
        q = a.qmap.get(qid)
        if q is None:
            P.append(f"{w}: unknown question")
            continue
        if q.type == "likert":
            if not is_int(v) or not (q.smin <= v <= q.smax):
                P.append(f"{w}: must be an integer in {q.smin}..{q.smax}")
        elif q.type == "choice":
            if not isinstance(v, str) or v not in q.option_ids():
                P.append(f"{w}: unknown option {v!r}")
        elif q.type == "multi":
            if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
                P.append(f"{w}: must be a list of option ids")
            elif any(x not in q.option_ids() for x in v) or len(set(v)) != len(v):
                P.append(f"{w}: unknown or repeated option id")
            elif not (q.min <= len(v) <= q.max):
                P.append(f"{w}: must choose {q.min}..{q.max} options")
        elif q.type == "rank":
            if not isinstance(v, list) or sorted(map(str, v)) != sorted(q.option_ids()) \
                    or not all(isinstance(x, str) for x in v):
                P.append(f"{w}: must be a full order of {q.option_ids()}")
        else:
            if not isinstance(v, str):
                P.append(f"{w}: must be a string")
            elif len(v) > q.max_length:
                P.append(f"{w}: longer than max_length {q.max_length}")
    if P:
        raise Invalid(P)
    return ans


# ---------------------------------------------------------------------------
# Scoring
# ---------------------------------------------------------------------------

def eval_cond(cond, state):
    """state: qid -> (visible, answered, value)."""
    if "all" in cond:
        return all(eval_cond(c, state) for c in cond["all"])
    if "any" in cond:
        return any(eval_cond(c, state) for c in cond["any"])
    if "not" in cond:
        return not eval_cond(cond["not"], state)
    visible, answered, value = state[cond["question"]]
    present = visible and answered
    if "answered" in cond:
        return present == cond["answered"]
    if not present:
        return False
    if "is" in cond:
        x = cond["is"]
        return (x in value) if isinstance(value, list) else (value == x)
    if "in" in cond:
        xs = cond["in"]
        if isinstance(value, list):
            return any(x in value for x in xs)
        return value in xs
    if "at_least" in cond:
        return value >= cond["at_least"]
    if "at_most" in cond:
        return value <= cond["at_most"]
    raise AssertionError(cond)


def pomp(C, L, H):
    if H > L:
        return 100 * (C - L) / (H - L)
    return None


def band_of(s, bands):
    if s is None:
        return None
    best = None
    for b in bands:
        if s >= b["min"] and (best is None or b["min"] > best["min"]):
            best = b
    return best["label"] if best else None


def score(a, answers, fname="answers"):
    state = {}
    visible_qs = []
    hidden = 0
    problems = []
    for q in a.questions:
        vis = True if q.show_if is None else eval_cond(q.show_if, state)
        answered = q.id in answers
        state[q.id] = (vis, answered, answers.get(q.id))
        if vis:
            visible_qs.append(q)
            if q.required and not answered:
                problems.append(f"{fname}: required question {q.id!r} is not answered")
        else:
            hidden += 1
    if problems:
        raise Invalid(problems)
    track_ids = [t[0] for t in a.tracks]
    # per-track and per-section sums
    tot = {t: [0.0, 0.0, 0.0] for t in track_ids}           # C, L, H
    sec = [{t: [0.0, 0.0, 0.0] for t in track_ids} for _ in a.sections]
    answered_n = 0
    for q in visible_qs:
        if q.id not in answers:
            continue
        answered_n += 1
        if q.type == "text":
            continue
        for t in q.tracks():
            c, lo, hi = contribution(q, answers[q.id], t)
            for acc in (tot[t], sec[q.section][t]):
                acc[0] += c
                acc[1] += lo
                acc[2] += hi
    S = {t: pomp(*tot[t]) for t in track_ids}
    decl = {t: i for i, t in enumerate(track_ids)}
    scored = sorted([t for t in track_ids if S[t] is not None],
                    key=lambda t: (-S[t], decl[t]))
    order = scored + [t for t in track_ids if S[t] is None]
    names = dict(a.tracks)
    tracks_out = [{"id": t, "name": names[t], "score": S[t],
                   "band": band_of(S[t], a.bands), "rank": i + 1}
                  for i, t in enumerate(order)]
    top = []
    if scored:
        best = S[scored[0]]
        top = [t for t in scored if S[t] >= best - a.tie_margin]
    axes_out = []
    for (axid, l, r) in a.axes:
        if S[l] is None or S[r] is None:
            pos, lean = None, None
        else:
            pos = (S[r] - S[l]) / 100
            if pos > a.tie_margin / 100:
                lean = r
            elif pos < -a.tie_margin / 100:
                lean = l
            else:
                lean = None
        axes_out.append({"id": axid, "left": l, "right": r, "position": pos, "leaning": lean})
    sections_out = []
    for i, (sid, title) in enumerate(a.sections):
        sections_out.append({"id": sid, "title": title,
                             "scores": {t: pomp(*sec[i][t]) for t in track_ids}})
    total = len(visible_qs)
    return {
        "assessment": {"id": a.id, "title": a.title, "version": a.version},
        "total": total,
        "answered": answered_n,
        "skipped": total - answered_n,
        "hidden": hidden,
        "tracks": tracks_out,
        "top": top,
        "axes": axes_out,
        "sections": sections_out,
    }


def main(argv):
    args = [x for x in argv[1:] if not x.startswith("--")]
    flags = [x for x in argv[1:] if x.startswith("--")]
    if len(args) != 2 or any(f not in ("--meta",) for f in flags):
        print("usage: score.py ASSESSMENT.yaml ANSWERS.yaml [--meta]", file=sys.stderr)
        return 2
    try:
        a = load_assessment(args[0])
        doc = load_yaml(args[1])
        answers = validate_answers(a, doc, args[1])
        out = score(a, answers, args[1])
    except Invalid as e:
        for p in e.problems:
            print(p, file=sys.stderr)
        return 1
    except (yaml.YAMLError, OSError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    if "--meta" in flags:
        out["_meta"] = {"tie_margin": a.tie_margin, "bands": a.bands}
    print(json.dumps(out, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
