#!/usr/bin/env python3
"""Independent checker for crossroads assessments (format 1).

Written from /work/shared/spec/assessment-format.md, separately from the Rust
code, so that the two can be compared.

Usage:
  check_assessment.py ASSESSMENT.yaml                   # structure + balance report
  check_assessment.py ASSESSMENT.yaml ANSWERS.yaml ...  # also score answers files
  check_assessment.py --examples DIR                    # verify against the spec's worked examples
  check_assessment.py --personas DIR ASSESSMENT.yaml    # score every persona, compare with DIR/expected.yaml

Exit status: 0 when everything checks out, 1 on errors or mismatches.
"""
import json
import math
import os
import re
import sys

import yaml

ID_RE = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
ASSESSMENT_ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")
TYPES = ("likert", "choice", "multi", "rank", "text")
SCORED = ("likert", "choice", "multi", "rank")

TOP_KEYS = {"format", "id", "title", "version", "description", "estimated_minutes",
            "tie_margin", "scale", "bands", "tracks", "axes", "sections"}
SCALE_KEYS = {"min", "max", "labels"}
BAND_KEYS = {"min", "label", "message"}
TRACK_KEYS = {"id", "name", "short", "summary", "strengths", "growth"}
AXIS_KEYS = {"id", "left", "right", "label"}
SECTION_KEYS = {"id", "title", "intro", "questions"}
COMMON_Q = {"id", "type", "text", "help", "coach", "required", "show_if"}
Q_KEYS = {
    "likert": COMMON_Q | {"weights", "reverse", "scale"},
    "choice": COMMON_Q | {"options"},
    "multi": COMMON_Q | {"options", "min", "max"},
    "rank": COMMON_Q | {"options"},
    "text": COMMON_Q | {"max_length"},
}
OPTION_KEYS = {"id", "label", "weights"}
COND_KEYS = {"question", "is", "in", "at_least", "at_most", "answered", "all", "any", "not"}


def is_num(x):
    return isinstance(x, (int, float)) and not isinstance(x, bool) and math.isfinite(x)


def is_int(x):
    return isinstance(x, int) and not isinstance(x, bool)


class Assessment:
    def __init__(self, path):
        self.path = path
        self.errors = []
        self.warnings = []
        with open(path) as f:
            self.doc = yaml.safe_load(f)
        self._validate()

    # ------------------------------------------------------------ validation
    def err(self, msg):
        self.errors.append(f"{os.path.basename(self.path)}: {msg}")

    def warn(self, msg):
        self.warnings.append(f"{os.path.basename(self.path)}: warning: {msg}")

    def _keys(self, obj, allowed, where):
        if not isinstance(obj, dict):
            self.err(f"{where}: expected a mapping")
            return False
        for k in obj:
            if k not in allowed:
                self.err(f"{where}: unknown key {k!r}")
        return True

    def _scale(self, s, where):
        if s is None:
            return (1, 5)
        if not self._keys(s, SCALE_KEYS, where):
            return (1, 5)
        lo, hi = s.get("min", 1), s.get("max", 5)
        if not (is_int(lo) and is_int(hi)) or hi <= lo or hi - lo + 1 > 11:
            self.err(f"{where}: bad scale {lo}..{hi}")
            return (1, 5)
        labels = s.get("labels")
        if labels is not None and (not isinstance(labels, list) or len(labels) != hi - lo + 1):
            self.err(f"{where}: labels must have exactly {hi - lo + 1} entries")
        return (lo, hi)

    def _validate(self):
        d = self.doc
        if not self._keys(d, TOP_KEYS, "top level"):
            return
        if d.get("format") != 1:
            self.err("format must be 1")
        if not isinstance(d.get("id"), str) or not ASSESSMENT_ID_RE.match(d["id"]):
            self.err("id missing or malformed")
        if not isinstance(d.get("title"), str):
            self.err("title missing")
        if "version" in d and not isinstance(d["version"], str):
            self.err("version must be a string")
        self.tie_margin = d.get("tie_margin", 5)
        self.scale = self._scale(d.get("scale"), "scale")
        for i, b in enumerate(d.get("bands") or []):
            self._keys(b, BAND_KEYS, f"bands[{i}]")
        tracks = d.get("tracks") or []
        if len(tracks) < 2:
            self.err("at least 2 tracks required")
        self.track_ids = []
        for i, t in enumerate(tracks):
            where = f"tracks[{i}]"
            if not self._keys(t, TRACK_KEYS, where):
                continue
            tid = t.get("id")
            if not isinstance(tid, str) or not ID_RE.match(tid) or tid in self.track_ids:
                self.err(f"{where}: bad or duplicate id {tid!r}")
            self.track_ids.append(tid)
            if not isinstance(t.get("name"), str):
                self.err(f"{where}: name missing")
            if "short" in t and (not isinstance(t["short"], str) or len(t["short"]) > 12):
                self.err(f"{where}: short must be a string of at most 12 characters")
            for key in ("strengths", "growth"):
                if key in t and not (isinstance(t[key], list) and all(isinstance(x, str) for x in t[key])):
                    self.err(f"{where}: {key} must be a list of text")
        self.axes = d.get("axes") or []
        for i, a in enumerate(self.axes):
            where = f"axes[{i}]"
            if not self._keys(a, AXIS_KEYS, where):
                continue
            if a.get("left") not in self.track_ids or a.get("right") not in self.track_ids \
                    or a.get("left") == a.get("right"):
                self.err(f"{where}: left/right must be two distinct tracks")
        sections = d.get("sections") or []
        if not sections:
            self.err("at least one section required")
        self.sections = []   # (section, [questions])
        self.questions = []  # in file order
        self.qindex = {}
        seen_ids = set()
        for si, s in enumerate(sections):
            where = f"sections[{si}]"
            if not self._keys(s, SECTION_KEYS, where):
                continue
            sid = s.get("id")
            if not isinstance(sid, str) or not ID_RE.match(sid) or sid in seen_ids:
                self.err(f"{where}: bad or duplicate id {sid!r}")
            seen_ids.add(sid)
            if not isinstance(s.get("title"), str):
                self.err(f"{where}: title missing")
            qs = s.get("questions") or []
            if not qs:
                self.err(f"{where}: needs at least one question")
            mine = []
            for qi, q in enumerate(qs):
                qw = f"{where}.questions[{qi}]"
                if not isinstance(q, dict):
                    self.err(f"{qw}: expected a mapping")
                    continue
                qid = q.get("id")
                qw += f" (id {qid!r})"
                qt = q.get("type")
                if qt not in TYPES:
                    self.err(f"{qw}: bad type {qt!r}")
                    continue
                self._keys(q, Q_KEYS[qt], qw)
                if not isinstance(qid, str) or not ID_RE.match(qid) or qid in seen_ids:
                    self.err(f"{qw}: bad or duplicate id")
                seen_ids.add(qid)
                if not isinstance(q.get("text"), str):
                    self.err(f"{qw}: text missing")
                if "required" in q and not isinstance(q["required"], bool):
                    self.err(f"{qw}: required must be a bool")
                self._validate_question(q, qt, qw)
                if "show_if" in q:
                    self._validate_cond(q["show_if"], qw)
                q["_section"] = sid
                self.questions.append(q)
                self.qindex[qid] = q
                mine.append(q)
            self.sections.append((s, mine))
        if not self.errors:
            self._semantic_warnings()

    def _weights(self, w, qw):
        if not isinstance(w, dict):
            self.err(f"{qw}: weights must be a mapping")
            return
        for t, v in w.items():
            if t not in self.track_ids:
                self.err(f"{qw}: weight names unknown track {t!r}")
            if not is_num(v):
                self.err(f"{qw}: weight for {t!r} is not a finite number")

    def _validate_question(self, q, qt, qw):
        if qt == "likert":
            q["_scale"] = self._scale(q["scale"], qw + ".scale") if "scale" in q else self.scale
            if not q.get("weights"):
                self.err(f"{qw}: likert needs non-empty weights")
            else:
                self._weights(q["weights"], qw)
            if "reverse" in q and not isinstance(q["reverse"], bool):
                self.err(f"{qw}: reverse must be a bool")
        elif qt in ("choice", "multi", "rank"):
            opts = q.get("options") or []
            if len(opts) < 2:
                self.err(f"{qw}: at least 2 options")
            if qt == "rank" and len(opts) > 9:
                self.err(f"{qw}: rank takes at most 9 options")
            ids = set()
            named = False
            for oi, o in enumerate(opts):
                ow = f"{qw}.options[{oi}]"
                if not self._keys(o, OPTION_KEYS, ow):
                    continue
                if not isinstance(o.get("id"), str) or not ID_RE.match(o["id"]) or o["id"] in ids:
                    self.err(f"{ow}: bad or duplicate option id {o.get('id')!r}")
                ids.add(o.get("id"))
                if not isinstance(o.get("label"), str):
                    self.err(f"{ow}: label missing")
                if "weights" in o:
                    self._weights(o["weights"], ow)
                    if o["weights"]:
                        named = True
            if not named:
                self.err(f"{qw}: no option names a track")
            if qt == "multi":
                mn, mx = q.get("min", 0), q.get("max", len(opts))
                if not (is_int(mn) and is_int(mx) and 0 <= mn <= mx <= len(opts)):
                    self.err(f"{qw}: need 0 <= min <= max <= options")
        elif qt == "text":
            if "max_length" in q and not (is_int(q["max_length"]) and q["max_length"] > 0):
                self.err(f"{qw}: bad max_length")

    def _validate_cond(self, c, qw):
        if not isinstance(c, dict):
            self.err(f"{qw}: show_if must be a mapping")
            return
        for k in c:
            if k not in COND_KEYS:
                self.err(f"{qw}: show_if: unknown key {k!r}")
        if "all" in c or "any" in c:
            key = "all" if "all" in c else "any"
            if len(c) != 1 or not isinstance(c[key], list):
                self.err(f"{qw}: show_if {key} must stand alone with a list")
                return
            for sub in c[key]:
                self._validate_cond(sub, qw)
            return
        if "not" in c:
            if len(c) != 1:
                self.err(f"{qw}: show_if not must stand alone")
                return
            self._validate_cond(c["not"], qw)
            return
        ref = c.get("question")
        if ref not in self.qindex:
            self.err(f"{qw}: show_if refers to {ref!r}, which is not an earlier question")
            return
        target = self.qindex[ref]
        tests = [k for k in c if k != "question"]
        if len(tests) != 1:
            self.err(f"{qw}: show_if needs exactly one test")
            return
        k = tests[0]
        if k in ("is", "in"):
            if target["type"] not in ("choice", "multi"):
                self.err(f"{qw}: show_if {k} needs a choice or multi question")
                return
            oids = {o["id"] for o in target.get("options", [])}
            vals = [c[k]] if k == "is" else c[k]
            if not isinstance(vals, list):
                self.err(f"{qw}: show_if in needs a list")
                return
            for v in vals:
                if v not in oids:
                    self.err(f"{qw}: show_if option {v!r} does not exist on {ref!r}")
        elif k in ("at_least", "at_most"):
            if target["type"] != "likert":
                self.err(f"{qw}: show_if {k} needs a likert question")
            elif not is_int(c[k]):
                self.err(f"{qw}: show_if {k} needs an integer")
        elif k == "answered":
            if not isinstance(c[k], bool):
                self.err(f"{qw}: show_if answered needs a bool")

    # ------------------------------------------------------------ evidence
    def tracks_of(self, q):
        if q["type"] == "likert":
            return set(q["weights"])
        names = set()
        for o in q["options"]:
            names |= set((o.get("weights") or {}).keys())
        return names

    def bounds(self, q, t):
        """(lo, hi) of question q for track t (spec section 3)."""
        qt = q["type"]
        if qt == "likert":
            w = q["weights"].get(t, 0)
            return min(0, w), max(0, w)
        ws = [(o.get("weights") or {}).get(t, 0) for o in q["options"]]
        if qt == "choice":
            return min(ws), max(ws)
        if qt == "multi":
            mn, mx = q.get("min", 0), q.get("max", len(ws))
            desc, asc = sorted(ws, reverse=True), sorted(ws)
            hi = max(sum(desc[:k]) for k in range(mn, mx + 1))
            lo = min(sum(asc[:k]) for k in range(mn, mx + 1))
            return lo, hi
        if qt == "rank":
            n = len(ws)
            r = [(n - 1 - p) / (n - 1) for p in range(n)]
            hi = sum(w * rp for w, rp in zip(sorted(ws, reverse=True), r))
            lo = sum(w * rp for w, rp in zip(sorted(ws), r))
            return lo, hi
        raise ValueError(qt)

    def _semantic_warnings(self):
        total = {t: 0.0 for t in self.track_ids}
        for q in self.questions:
            if q["type"] not in SCORED:
                continue
            for t in self.tracks_of(q):
                lo, hi = self.bounds(q, t)
                total[t] += hi - lo
        for t, e in total.items():
            if e <= 0:
                self.err(f"track {t!r} can never be scored (H - L = 0)")
        best = max(total.values()) if total else 0
        for t, e in total.items():
            if 0 < e < best / 2:
                self.warn(f"track {t!r} has less than half the evidence of another")
        if self.axes:
            for q in self.questions:
                if q["type"] in SCORED:
                    moved = [t for t in self.tracks_of(q) if self.bounds(q, t)[1] > self.bounds(q, t)[0]]
                    if len(moved) == 1:
                        self.warn(f"question {q['id']!r} reaches only track {moved[0]!r}")
        for s, qs in self.sections:
            for t in self.track_ids:
                e = 0.0
                for q in qs:
                    if q["type"] in SCORED and t in self.tracks_of(q):
                        lo, hi = self.bounds(q, t)
                        e += hi - lo
                if e <= 0:
                    self.warn(f"section {s['id']!r} cannot move track {t!r}")

    def report(self):
        print(f"== {self.path}")
        counts = {}
        for q in self.questions:
            counts[q["type"]] = counts.get(q["type"], 0) + 1
        n = len(self.questions)
        coach = sum(1 for q in self.questions if q.get("coach"))
        helpq = sum(1 for q in self.questions if q.get("help"))
        cond = sum(1 for q in self.questions if q.get("show_if"))
        rev = sum(1 for q in self.questions if q.get("reverse"))
        print(f"questions: {n}  types: {counts}")
        print(f"coach prompts: {coach}/{n} ({100 * coach / max(n, 1):.0f}%)  help: {helpq}  "
              f"show_if: {cond}  reverse: {rev}")
        H = {t: 0.0 for t in self.track_ids}
        L = {t: 0.0 for t in self.track_ids}
        neg = {t: 0 for t in self.track_ids}
        pos = {t: 0 for t in self.track_ids}
        one_track = []
        for q in self.questions:
            if q["type"] not in SCORED:
                continue
            moved = []
            for t in self.tracks_of(q):
                lo, hi = self.bounds(q, t)
                H[t] += hi
                L[t] += lo
                if hi > lo:
                    moved.append(t)
            if len(moved) <= 1:
                one_track.append(q["id"])
            if q["type"] == "likert":
                wl = [q["weights"]]
            else:
                wl = [o.get("weights") or {} for o in q["options"]]
            for w in wl:
                for t, v in w.items():
                    if v < 0:
                        neg[t] += 1
                    elif v > 0:
                        pos[t] += 1
        E = {t: H[t] - L[t] for t in self.track_ids}
        print("evidence E = H - L over the whole file:")
        for t in self.track_ids:
            print(f"  {t:6} H={H[t]:7.2f} L={L[t]:7.2f} E={E[t]:7.2f}  "
                  f"(+weights {pos[t]}, -weights {neg[t]})")
        ratio = max(E.values()) / min(E.values()) if min(E.values()) > 0 else float("inf")
        print(f"  max/min ratio: {ratio:.3f}")
        print("per-section H - L:")
        for s, qs in self.sections:
            row = []
            for t in self.track_ids:
                e = sum(self.bounds(q, t)[1] - self.bounds(q, t)[0]
                        for q in qs if q["type"] in SCORED and t in self.tracks_of(q))
                row.append(f"{t}={e:6.2f}")
            print(f"  {s['id']:16} " + "  ".join(row))
        print(f"scored questions reaching <= 1 track: {one_track or 'none'}")
        lacking = [t for t in self.track_ids if neg[t] == 0]
        print(f"tracks lacking negative weights: {lacking or 'none'}")
        lacking = [t for t in self.track_ids if pos[t] == 0]
        if lacking:
            print(f"tracks lacking positive weights: {lacking}")
        for w in self.warnings:
            print(w)
        for e in self.errors:
            print("ERROR", e)
        return ratio

    # ------------------------------------------------------------ answers
    def check_answers(self, answers):
        """Return list of errors for an answers mapping (spec section 2)."""
        errs = []
        for qid, v in answers.items():
            q = self.qindex.get(qid)
            if q is None:
                errs.append(f"unknown question id {qid!r}")
                continue
            qt = q["type"]
            if qt == "likert":
                lo, hi = q["_scale"]
                if not is_int(v) or not lo <= v <= hi:
                    errs.append(f"{qid}: likert answer {v!r} outside {lo}..{hi}")
            elif qt == "choice":
                if v not in {o["id"] for o in q["options"]}:
                    errs.append(f"{qid}: unknown option {v!r}")
            elif qt == "multi":
                oids = {o["id"] for o in q["options"]}
                mn, mx = q.get("min", 0), q.get("max", len(oids))
                if not isinstance(v, list) or len(set(v)) != len(v) or not set(v) <= oids \
                        or not mn <= len(v) <= mx:
                    errs.append(f"{qid}: bad multi answer {v!r} (min {mn}, max {mx})")
            elif qt == "rank":
                oids = [o["id"] for o in q["options"]]
                if not isinstance(v, list) or sorted(v) != sorted(oids):
                    errs.append(f"{qid}: rank answer must list every option once: {v!r}")
            elif qt == "text":
                if not isinstance(v, str) or len(v) > q.get("max_length", 2000):
                    errs.append(f"{qid}: bad text answer")
        return errs

    def visibility(self, answers):
        visible = {}

        def cond(c):
            if "all" in c:
                return all(cond(x) for x in c["all"])
            if "any" in c:
                return any(cond(x) for x in c["any"])
            if "not" in c:
                return not cond(c["not"])
            ref = c["question"]
            shown = visible.get(ref, False)
            answered = shown and ref in answers
            if "answered" in c:
                return answered == c["answered"]
            if not answered:
                return False
            v = answers[ref]
            if "is" in c:
                return v == c["is"] if self.qindex[ref]["type"] == "choice" else c["is"] in v
            if "in" in c:
                return v in c["in"] if self.qindex[ref]["type"] == "choice" else bool(set(v) & set(c["in"]))
            if "at_least" in c:
                return v >= c["at_least"]
            if "at_most" in c:
                return v <= c["at_most"]
            raise ValueError(c)

        for q in self.questions:
            visible[q["id"]] = cond(q["show_if"]) if "show_if" in q else True
        return visible

    def contribution(self, q, t, v):
        qt = q["type"]
        if qt == "likert":
            lo, hi = q["_scale"]
            x = (v - lo) / (hi - lo)
            if q.get("reverse"):
                x = 1 - x
            return q["weights"].get(t, 0) * x
        wt = {o["id"]: (o.get("weights") or {}).get(t, 0) for o in q["options"]}
        if qt == "choice":
            return wt[v]
        if qt == "multi":
            return sum(wt[o] for o in v)
        if qt == "rank":
            n = len(v)
            return sum(wt[o] * (n - 1 - p) / (n - 1) for p, o in enumerate(v))
        raise ValueError(qt)

    def _scores(self, qs, answers, visible):
        C = {t: 0.0 for t in self.track_ids}
        H = dict(C)
        L = dict(C)
        for q in qs:
            if q["type"] not in SCORED or not visible[q["id"]] or q["id"] not in answers:
                continue
            for t in self.tracks_of(q):
                lo, hi = self.bounds(q, t)
                C[t] += self.contribution(q, t, answers[q["id"]])
                L[t] += lo
                H[t] += hi
        return {t: (100 * (C[t] - L[t]) / (H[t] - L[t]) if H[t] > L[t] else None)
                for t in self.track_ids}

    def score(self, answers):
        visible = self.visibility(answers)
        scores = self._scores(self.questions, answers, visible)
        order = sorted(self.track_ids, key=lambda t: (scores[t] is None,
                                                       -(scores[t] or 0), self.track_ids.index(t)))
        scored = [t for t in order if scores[t] is not None]
        top = []
        if scored:
            best = scores[scored[0]]
            top = [t for t in scored if scores[t] >= best - self.tie_margin]
        sections = {s["id"]: self._scores(qs, answers, visible) for s, qs in self.sections}
        vis_qs = [q for q in self.questions if visible[q["id"]]]
        answered = sum(1 for q in vis_qs if q["id"] in answers)
        missing_required = [q["id"] for q in vis_qs if q.get("required") and q["id"] not in answers]
        hidden_answered = [q["id"] for q in self.questions
                           if not visible[q["id"]] and q["id"] in answers]
        axes = []
        for a in self.axes:
            sl, sr = scores[a["left"]], scores[a["right"]]
            if sl is None or sr is None:
                axes.append({"id": a["id"], "position": None, "leaning": None})
                continue
            p = (sr - sl) / 100
            lean = a["right"] if p > self.tie_margin / 100 else a["left"] if p < -self.tie_margin / 100 else None
            axes.append({"id": a["id"], "left": a["left"], "right": a["right"],
                         "position": p, "leaning": lean})
        return {
            "scores": scores, "order": order, "top": top, "sections": sections,
            "axes": axes, "total": len(vis_qs), "answered": answered,
            "skipped": len(vis_qs) - answered, "hidden": len(self.questions) - len(vis_qs),
            "missing_required": missing_required, "hidden_answered": hidden_answered,
        }


def load_answers(a, path):
    with open(path) as f:
        doc = yaml.safe_load(f)
    errs = []
    for k in doc:
        if k not in ("assessment", "answers", "notes", "session"):
            errs.append(f"unknown top-level key {k!r}")
    if doc.get("assessment") != a.doc.get("id"):
        errs.append(f"assessment {doc.get('assessment')!r} != {a.doc.get('id')!r}")
    answers = doc.get("answers") or {}
    errs += a.check_answers(answers)
    return answers, errs


def print_result(a, path, res, errs):
    print(f"-- {path}")
    for e in errs:
        print(f"   ERROR {e}")
    if res["missing_required"]:
        print(f"   ERROR missing required visible answers: {res['missing_required']}")
    if res["hidden_answered"]:
        print(f"   warning: answers to hidden questions (ignored): {res['hidden_answered']}")
    print(f"   total {res['total']} answered {res['answered']} skipped {res['skipped']} "
          f"hidden {res['hidden']}")
    print("   scores: " + "  ".join(
        f"{t}={res['scores'][t]:.1f}" if res["scores"][t] is not None else f"{t}=null"
        for t in res["order"]))
    print(f"   top: {res['top']}")
    for ax in res["axes"]:
        if ax["position"] is not None:
            print(f"   axis {ax['id']}: {ax['position']:+.3f} leaning {ax['leaning']}")


def run_examples(d):
    a = Assessment(os.path.join(d, "sample.yaml"))
    ok = not a.errors
    for e in a.errors:
        print("ERROR", e)
    n = 1
    while os.path.exists(os.path.join(d, f"answers-{n}.yaml")):
        answers, errs = load_answers(a, os.path.join(d, f"answers-{n}.yaml"))
        with open(os.path.join(d, f"expected-{n}.json")) as f:
            exp = json.load(f)
        res = a.score(answers)
        bad = []
        for k in ("total", "answered", "skipped", "hidden"):
            if res[k] != exp[k]:
                bad.append(f"{k}: {res[k]} != {exp[k]}")
        for rank, tr in enumerate(exp["tracks"]):
            got = res["scores"][tr["id"]]
            if (got is None) != (tr["score"] is None) or (got is not None and abs(got - tr["score"]) > 1e-6):
                bad.append(f"track {tr['id']}: {got} != {tr['score']}")
            if res["order"][rank] != tr["id"]:
                bad.append(f"rank {rank + 1}: {res['order'][rank]} != {tr['id']}")
        if res["top"] != exp["top"]:
            bad.append(f"top {res['top']} != {exp['top']}")
        for ax_exp, ax in zip(exp["axes"], res["axes"]):
            if abs(ax["position"] - ax_exp["position"]) > 1e-6 or ax["leaning"] != ax_exp["leaning"]:
                bad.append(f"axis {ax_exp['id']}: {ax} != {ax_exp}")
        for sec in exp["sections"]:
            for t, v in sec["scores"].items():
                got = res["sections"][sec["id"]][t]
                if (got is None) != (v is None) or (got is not None and abs(got - v) > 1e-6):
                    bad.append(f"section {sec['id']} {t}: {got} != {v}")
        print(f"example {n}: {'OK' if not bad else 'MISMATCH'}" + "".join("\n   " + b for b in bad))
        ok = ok and not bad and not errs
        n += 1
    return ok


def run_personas(d, apath):
    a = Assessment(apath)
    a.report()
    ok = not a.errors
    with open(os.path.join(d, "expected.yaml")) as f:
        expected = yaml.safe_load(f)
    for name, exp_top in expected.items():
        path = os.path.join(d, f"{name}.yaml")
        answers, errs = load_answers(a, path)
        res = a.score(answers)
        print_result(a, path, res, errs)
        s = res["scores"]
        top = res["top"]
        rest = [t for t in res["order"] if t not in top and s[t] is not None]
        margin = min(s[t] for t in top) - max(s[t] for t in rest) if rest else float("inf")
        good = top == exp_top and not errs and not res["missing_required"] and not res["hidden_answered"]
        print(f"   expected {exp_top}: {'OK' if good else 'MISMATCH'}  "
              f"(gap from top set to next track: {margin:.1f} points)")
        ok = ok and good
    return ok


def main(argv):
    if len(argv) >= 2 and argv[0] == "--examples":
        return 0 if run_examples(argv[1]) else 1
    if len(argv) >= 3 and argv[0] == "--personas":
        return 0 if run_personas(argv[1], argv[2]) else 1
    if not argv:
        print(__doc__)
        return 2
    a = Assessment(argv[0])
    a.report()
    ok = not a.errors
    for p in argv[1:]:
        answers, errs = load_answers(a, p)
        res = a.score(answers)
        print_result(a, p, res, errs)
        ok = ok and not errs and not res["missing_required"]
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
