#!/usr/bin/env python3
"""Random but valid assessments and answers for differential testing.

Usage: python3 gen.py SEED OUTDIR [N_ANSWERS]

Writes OUTDIR/assessment.yaml and OUTDIR/answers-K.yaml (K = 1..N_ANSWERS,
default 5).  Deterministic for a given SEED.  Every file is checked with
score.py's validator before it is written (an AssertionError means a bug here).

What is randomised: 2-6 tracks, 1-4 sections, 3-30 questions of every type;
likert with the default, a custom top-level or a per-question scale (0-10, 1-7,
-2..2, ...), reverse; choice; multi with random min/max; rank with 2-9
options; text with max_length; weights that are ints, floats, zeros and
negatives, options without weights; sometimes a track that copies another's
weights (exact ties); axes; custom bands (in any order); tie_margin absent, 0,
int or float; nested show_if (all/any/not over is/in/at_least/at_most/answered)
referring only to earlier questions.  Answers skip questions at a per-file rate,
sometimes answer questions that end up hidden, use empty texts and empty multi
lists where allowed.
"""
import os
import random
import sys

import yaml

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import score as oracle  # noqa: E402

WORDS = ("alpha bravo build craft delta echo focus guide hands lead maker "
         "plan quiet scope ship talk team user value vision work zen data "
         "design growth impact ops people process product research sales "
         "strategy tech tools ux writing coach mentor learn risk speed "
         "budget client field art").split()
# Ids that a YAML 1.1 reader would not read as strings: must come out quoted.
TRICKY = ["no", "yes", "on", "off", "true", "null", "y", "n", "1-a", "2nd", "x_1", "a-b_c", "0-zero"]
UNI = "aéßøñ中文🙂 _-.,!?\"'#:{}[]\n\t"


def rid(rng, used, tricky_p=0.08):
    """A fresh id matching [a-z0-9][a-z0-9_-]*, not in `used`."""
    while True:
        r = rng.random()
        if r < tricky_p:
            s = rng.choice(TRICKY)
        elif r < 0.6:
            s = rng.choice(WORDS)
        elif r < 0.85:
            s = rng.choice(WORDS) + rng.choice("-_") + rng.choice(WORDS)
        else:
            s = rng.choice(WORDS) + str(rng.randint(0, 99))
        if s not in used:
            used.add(s)
            return s


def weight(rng):
    r = rng.random()
    if r < 0.12:
        return 0
    if r < 0.45:
        return rng.choice([-3, -2, -1, 1, 1, 2, 2, 3, 4, 5])
    if r < 0.65:
        return rng.choice([-1.5, -0.5, 0.25, 0.5, 0.5, 1.5, 2.5, 0.75])
    if r < 0.9:
        return round(rng.uniform(-3, 4), rng.choice([1, 2, 3]))
    return rng.choice([10, 100, -10, 0.001, 0.1, 0.3, 1e-3, 12.5, 0.0, -0.0])


def weight_map(rng, tracks, nonzero=True):
    k = rng.randint(1, len(tracks))
    ts = rng.sample(tracks, k)
    w = {t: weight(rng) for t in ts}
    if nonzero and all(v == 0 for v in w.values()):
        w[ts[0]] = rng.choice([1, 2, -1, 0.5])
    return w


def text_value(rng, max_len):
    r = rng.random()
    if r < 0.15 or max_len == 0:
        return ""
    n = rng.randint(1, max(1, min(max_len, 60)))
    if r < 0.3:
        s = "".join(rng.choice(UNI) for _ in range(n))
    elif r < 0.35:
        s = rng.choice(["yes", "no", "123", "1e3", "null", "~", "true", "- x", "a: b"])
    else:
        s = " ".join(rng.choice(WORDS) for _ in range(n))
    return s[:max_len]


def gen_cond(rng, prior, depth=0):
    """A random condition over questions in `prior` (list of dicts)."""
    if depth < 2 and rng.random() < 0.3:
        kind = rng.choice(["all", "any", "not"])
        if kind == "not":
            return {"not": gen_cond(rng, prior, depth + 1)}
        return {kind: [gen_cond(rng, prior, depth + 1) for _ in range(rng.randint(1, 3))]}
    q = rng.choice(prior)
    t = q["type"]
    opts = []
    if t == "likert":
        opts = ["at_least", "at_most", "at_least", "at_most", "answered"]
    elif t in ("choice", "multi"):
        opts = ["is", "in", "is", "in", "answered"]
    else:
        opts = ["answered"]
    op = rng.choice(opts)
    c = {"question": q["id"]}
    if op == "answered":
        c["answered"] = rng.random() < 0.7
    elif op in ("is", "in"):
        ids = [o["id"] for o in q["options"]]
        if op == "is":
            c["is"] = rng.choice(ids)
        else:
            c["in"] = rng.sample(ids, rng.randint(1, len(ids)))
    else:
        smin, smax = q["_scale"]
        c[op] = rng.randint(smin, smax)
    return c


def gen_assessment(rng):
    used = set()
    doc = {"format": 1}
    doc["id"] = rng.choice(["career", "paths", "pm-tracks", "x", "a1", "crossroads-test"]) + \
        rng.choice(["", "-" + str(rng.randint(0, 999))])
    doc["title"] = rng.choice(["Random assessment", "Tracks é", "A: tricky title", "Test"])
    if rng.random() < 0.85:
        doc["version"] = rng.choice(["1", "2026.1", "0.1.0", "v3", "1.0"])
    if rng.random() < 0.3:
        doc["description"] = "Generated.\nSecond line."
    if rng.random() < 0.2:
        doc["estimated_minutes"] = rng.randint(1, 30)
    r = rng.random()
    if r < 0.35:
        pass
    elif r < 0.55:
        doc["tie_margin"] = 0
    elif r < 0.9:
        doc["tie_margin"] = rng.randint(1, 20)
    else:
        doc["tie_margin"] = rng.choice([2.5, 0.5, 7.25])

    # default likert scale
    scale = (1, 5)
    r = rng.random()
    if r < 0.3:
        smin, smax = rng.choice([(1, 4), (1, 7), (0, 10), (1, 10), (0, 4), (1, 3)])
        doc["scale"] = {"min": smin, "max": smax}
        if rng.random() < 0.4:
            doc["scale"]["labels"] = [f"L{i}" for i in range(smin, smax + 1)]
        scale = (smin, smax)
    elif r < 0.4:
        # partial scale: the other end is the default
        if rng.random() < 0.5:
            doc["scale"] = {"max": rng.choice([3, 4, 7, 10])}
            scale = (1, doc["scale"]["max"])
        else:
            doc["scale"] = {"min": rng.choice([0, 2, 3])}
            scale = (doc["scale"]["min"], 5)

    if rng.random() < 0.4:
        mins = rng.sample([0, 10, 20, 25, 33, 40, 50, 60, 66.5, 75, 80, 90, 100], rng.randint(1, 4))
        if rng.random() < 0.5:
            mins.sort(reverse=True)
        bands = []
        for i, m in enumerate(mins):
            b = {"min": m, "label": f"Band {m}"}
            if rng.random() < 0.3:
                b["message"] = "A message."
            bands.append(b)
        doc["bands"] = bands

    nt = rng.randint(2, 6)
    tracks = []
    tused = set()   # track ids are their own namespace (may equal a question id)
    for _ in range(nt):
        t = {"id": rid(rng, tused), "name": None}
        t["name"] = t["id"].replace("-", " ").title() + rng.choice(["", " Track", " (é)"])
        if rng.random() < 0.3:
            t["short"] = t["id"][:12]
        if rng.random() < 0.2:
            t["summary"] = "Summary text."
        if rng.random() < 0.2:
            t["strengths"] = ["one", "two"]
        if rng.random() < 0.2:
            t["growth"] = ["next step"]
        tracks.append(t)
    tids = [t["id"] for t in tracks]
    doc["tracks"] = tracks

    if rng.random() < 0.5:
        pairs = [(a, b) for a in tids for b in tids if a != b]
        rng.shuffle(pairs)
        axes = []
        aused = set()
        for (l, r_) in pairs[:rng.randint(1, min(3, len(pairs)))]:
            ax = {"id": rid(rng, aused, 0), "left": l, "right": r_}
            if rng.random() < 0.5:
                ax["label"] = f"{l} <-> {r_}"
            axes.append(ax)
        doc["axes"] = axes

    ns = rng.randint(1, 4)
    nq = rng.randint(max(3, ns), 30)
    # types: each type at least once when there is room
    types = ["likert", "choice", "multi", "rank", "text"] if nq >= 5 else []
    types += rng.choices(["likert", "choice", "multi", "rank", "text"],
                         weights=[35, 20, 15, 15, 15], k=nq - len(types))
    rng.shuffle(types)
    # split questions over sections, each >= 1
    cuts = sorted(rng.sample(range(1, nq), ns - 1)) if ns > 1 else []
    bounds = [0] + cuts + [nq]

    sections = []
    prior = []   # question dicts in file order (with private keys)
    for si in range(ns):
        s = {"id": rid(rng, used), "title": f"Section {si + 1}"}
        if rng.random() < 0.2:
            s["intro"] = "Intro."
        qs = []
        for qi in range(bounds[si], bounds[si + 1]):
            t = types[qi]
            q = {"id": rid(rng, used), "type": t, "text": f"Question {qi + 1}?"}
            if rng.random() < 0.15:
                q["help"] = "Some help."
            if rng.random() < 0.1:
                q["coach"] = "Ask why."
            if t == "likert":
                q["weights"] = weight_map(rng, tids)
                if rng.random() < 0.3:
                    q["reverse"] = True
                elif rng.random() < 0.1:
                    q["reverse"] = False
                q["_scale"] = scale
                if rng.random() < 0.3:
                    smin, smax = rng.choice([(0, 10), (1, 7), (1, 3), (0, 1), (-2, 2), (1, 11),
                                             (0, 4), (2, 6), (-5, 5), (1, 5)])
                    q["scale"] = {"min": smin, "max": smax}
                    if rng.random() < 0.3:
                        q["scale"]["labels"] = [f"p{i}" for i in range(smin, smax + 1)]
                    q["_scale"] = (smin, smax)
            elif t in ("choice", "multi", "rank"):
                n = rng.randint(2, 9) if t == "rank" else rng.randint(2, 7)
                oused = set()
                opts = []
                for _ in range(n):
                    o = {"id": rid(rng, oused), "label": "Option"}
                    if rng.random() < 0.75:
                        o["weights"] = weight_map(rng, tids, nonzero=False)
                    opts.append(o)
                if not any(any(v != 0 for v in o.get("weights", {}).values()) for o in opts):
                    rng.choice(opts)["weights"] = {rng.choice(tids): rng.choice([1, 2, -1, 1.5])}
                q["options"] = opts
                if t == "multi":
                    r = rng.random()
                    mn, mx = 0, n
                    if r < 0.3:
                        pass
                    elif r < 0.5:
                        mx = rng.randint(1, n)
                        q["max"] = mx
                    elif r < 0.65:
                        mn = rng.randint(0, n - 1)
                        q["min"] = mn
                    elif r < 0.97:
                        mn = rng.randint(0, n - 1)
                        mx = rng.randint(max(mn, 1), n)
                        q["min"], q["max"] = mn, mx
                    else:
                        mn = mx = 0
                        q["max"] = 0
                        q["min"] = 0
                    assert not (mn == mx == n)
            else:
                if rng.random() < 0.6:
                    q["max_length"] = rng.choice([1, 2, 5, 20, 80, 300, 2000])  # 0: spec silent, binary rejects
            if prior and rng.random() < 0.35:
                q["show_if"] = gen_cond(rng, prior)
            qs.append(q)
            prior.append(q)
        s["questions"] = qs
        sections.append(s)
    doc["sections"] = sections

    # Sometimes a track copies another's weights everywhere: exact score ties.
    if rng.random() < 0.25:
        src, dst = rng.sample(tids, 2)
        for q in prior:
            ws = [q["weights"]] if q["type"] == "likert" else \
                [o.setdefault("weights", {}) for o in q.get("options", [])]
            for w in ws:
                if src in w:
                    w[dst] = w[src]
                elif dst in w:
                    w[src] = w[dst]
            for o in q.get("options", []):
                if o.get("weights") == {}:
                    del o["weights"]

    # required: only questions without show_if (always visible; always answered)
    for q in prior:
        if "show_if" not in q and rng.random() < 0.08:
            q["required"] = True
        elif rng.random() < 0.05:
            q["required"] = False

    # reachability: every track needs a question with hi > lo
    a = _check(doc, check_reach=False)
    for t in tids:
        if not any(oracle.question_range(q, t)[1] > oracle.question_range(q, t)[0]
                   for q in a.questions if q.type != "text"):
            likerts = [q for q in prior if q["type"] == "likert"]
            if likerts:
                rng.choice(likerts)["weights"][t] = rng.choice([1, 2, -1, 0.5, 3])
            else:
                q = {"id": rid(rng, used), "type": "likert", "text": "Extra?",
                     "weights": {t: 1}, "_scale": scale}
                sections[-1]["questions"].append(q)
                prior.append(q)
    return doc, prior


def _strip(doc):
    """Copy of doc without private keys (starting with '_')."""
    if isinstance(doc, dict):
        return {k: _strip(v) for k, v in doc.items() if not (isinstance(k, str) and k.startswith("_"))}
    if isinstance(doc, list):
        return [_strip(x) for x in doc]
    return doc


def _check(doc, check_reach=True):
    try:
        return oracle.validate_assessment(_strip(doc), "generated", check_reach)
    except oracle.Invalid as e:
        raise AssertionError("generated an invalid assessment:\n" + str(e))


def gen_answers(rng, aid, questions):
    skip_p = rng.choice([0.0, 0.1, 0.3, 0.5, 0.8, rng.random()])
    ans = {}
    for q in questions:
        if not q.get("required") and rng.random() < skip_p:
            continue
        t = q["type"]
        if t == "likert":
            smin, smax = q["_scale"]
            v = rng.randint(smin, smax)
        elif t == "choice":
            v = rng.choice(q["options"])["id"]
        elif t == "multi":
            n = len(q["options"])
            mn, mx = q.get("min", 0), q.get("max", n)
            k = rng.randint(mn, mx)
            v = [o["id"] for o in rng.sample(q["options"], k)]
        elif t == "rank":
            v = [o["id"] for o in q["options"]]
            rng.shuffle(v)
        else:
            v = text_value(rng, q.get("max_length", 2000))
        ans[q["id"]] = v
    out = {"assessment": aid, "answers": ans}
    if ans and rng.random() < 0.3:
        out["notes"] = {k: "A note." for k in rng.sample(sorted(ans), min(2, len(ans)))}
    return out


class Dumper(yaml.SafeDumper):
    pass


def _str_rep(dumper, s):
    # Quote anything a YAML 1.2 reader might not read as a string either.
    style = None
    if s and (s[0].isdigit() or s[0] in "-.+") or s.lower() in ("y", "n", "~"):
        style = "'"
    return dumper.represent_scalar("tag:yaml.org,2002:str", s, style=style)


Dumper.add_representer(str, _str_rep)


def dump(obj, path):
    with open(path, "w", encoding="utf-8") as f:
        yaml.dump(obj, f, Dumper=Dumper, sort_keys=False, allow_unicode=True, width=1000)


def main(argv):
    if len(argv) not in (3, 4):
        print("usage: gen.py SEED OUTDIR [N_ANSWERS]", file=sys.stderr)
        return 2
    seed = int(argv[1])
    out = argv[2]
    n_ans = int(argv[3]) if len(argv) == 4 else 5
    rng = random.Random(seed)
    doc, questions = gen_assessment(rng)
    os.makedirs(out, exist_ok=True)
    apath = os.path.join(out, "assessment.yaml")
    dump(_strip(doc), apath)
    a = oracle.load_assessment(apath)          # round-trip check
    for k in range(1, n_ans + 1):
        ans = gen_answers(rng, doc["id"], questions)
        p = os.path.join(out, f"answers-{k}.yaml")
        dump(ans, p)
        oracle.validate_answers(a, oracle.load_yaml(p), p)
        oracle.score(a, oracle.load_yaml(p)["answers"], p)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
