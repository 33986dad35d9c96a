#!/usr/bin/env python3
"""Compare two `crossroads score --format json` outputs.

Usage: python3 compare.py EXPECTED.json GOT.json

EXPECTED is the oracle (or a spec example), GOT the binary's output.  Extra keys
in GOT are allowed; keys in EXPECTED starting with "_" are metadata, not
compared.  Floats are compared to an absolute TOL (1e-6; scores are 0..100).  Prints one line per difference
and exits 1 on any mismatch, 0 otherwise (2 on unreadable input).

If EXPECTED has "_meta" ({tie_margin, bands}, from `score.py --meta`), cases
that sit on a float boundary (two scores within 1e-9 of each other, a score
within 1e-9 of a band minimum or of the top-set threshold, an axis position
within 1e-11 of +-tie_margin/100) are accepted either way and reported as
"note:" lines instead of failures.
"""
import json
import sys

TOL = 1e-6
EPS = 1e-9

MISSING = object()


class Cmp:
    def __init__(self):
        self.diffs = []
        self.notes = []

    def diff(self, path, msg):
        self.diffs.append(f"{path}: {msg}")

    def note(self, path, msg):
        self.notes.append(f"note: {path}: {msg}")


def is_num(x):
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def num_eq(a, b, tol=TOL):
    if a is None or b is None:
        return a is None and b is None
    if not (is_num(a) and is_num(b)):
        return False
    return abs(a - b) <= tol


def get(d, k):
    if not isinstance(d, dict):
        return MISSING
    return d.get(k, MISSING)


def show(x):
    return "<missing>" if x is MISSING else json.dumps(x)


def compare(exp, got):
    c = Cmp()
    meta = exp.get("_meta")

    # assessment
    ea, ga = exp.get("assessment", {}), get(got, "assessment")
    for k in ("id", "title", "version"):
        ev, gv = ea.get(k), get(ga, k)
        if ev != gv:
            c.diff(f"assessment.{k}", f"expected {show(ev)}, got {show(gv)}")

    # counters
    for k in ("total", "answered", "skipped", "hidden"):
        ev, gv = exp.get(k), get(got, k)
        if not (is_num(gv) and ev == gv):
            c.diff(k, f"expected {show(ev)}, got {show(gv)}")

    # tracks
    et = exp.get("tracks", [])
    gt = get(got, "tracks")
    escore = {t["id"]: t["score"] for t in et}
    if not isinstance(gt, list):
        c.diff("tracks", f"expected a list, got {show(gt)}")
        gt = []
    gids = [get(t, "id") for t in gt]
    eids = [t["id"] for t in et]
    gscore = {get(t, "id"): get(t, "score") for t in gt}
    if sorted(map(str, gids)) != sorted(eids):
        c.diff("tracks", f"expected ids {eids}, got {gids}")
    else:
        if gids != eids:
            # Accept only if every disagreement is between scores that are
            # within EPS of each other but not exactly equal (float ties).
            ok = True
            for i, a in enumerate(gids):
                for b in gids[i + 1:]:
                    # got has a before b; expected has b before a?
                    if eids.index(a) < eids.index(b):
                        continue
                    sa, sb = escore[a], escore[b]
                    if sa is not None and sb is not None and abs(sa - sb) <= EPS \
                            and not (sa == sb and gscore.get(a) == gscore.get(b)):
                        c.note("tracks", f"{a} and {b} swapped; scores {sa!r} and {sb!r} differ by < {EPS}")
                    else:
                        ok = False
            if not ok:
                c.diff("tracks order", f"expected {eids} (scores {[escore[t] for t in eids]}), "
                       f"got {gids} (scores {[gscore.get(t) for t in gids]})")
        for i, g in enumerate(gt):
            tid = get(g, "id")
            e = next(t for t in et if t["id"] == tid)
            p = f"tracks[{tid}]"
            if get(g, "name") != e["name"]:
                c.diff(p + ".name", f"expected {show(e['name'])}, got {show(get(g, 'name'))}")
            gs = get(g, "score")
            if gs is MISSING or not num_eq(e["score"], gs):
                c.diff(p + ".score", f"expected {show(e['score'])}, got {show(gs)}")
            if get(g, "rank") != i + 1 or (gids == eids and get(g, "rank") != e["rank"]):
                c.diff(p + ".rank", f"expected {i + 1} (position in got) / {e['rank']} (oracle), got {show(get(g, 'rank'))}")
            gb = get(g, "band")
            if gb != e["band"]:
                boundary = False
                if meta and e["score"] is not None:
                    boundary = any(abs(e["score"] - b["min"]) <= EPS for b in meta["bands"])
                if boundary:
                    c.note(p + ".band", f"score {e['score']!r} is on a band boundary; expected {show(e['band'])}, got {show(gb)}")
                else:
                    c.diff(p + ".band", f"expected {show(e['band'])}, got {show(gb)} (score {e['score']!r})")

    # top
    etop, gtop = exp.get("top", []), get(got, "top")
    if not isinstance(gtop, list):
        c.diff("top", f"expected {etop}, got {show(gtop)}")
    elif gtop != etop:
        if set(gtop) == set(etop):
            c.diff("top", f"same set but different order: expected {etop}, got {gtop}")
        else:
            ok = False
            if meta:
                scored = [s for s in escore.values() if s is not None]
                if scored:
                    thr = max(scored) - meta["tie_margin"]
                    sym = set(gtop) ^ set(etop)
                    ok = all(escore.get(t) is not None and abs(escore[t] - thr) <= EPS for t in sym)
            if ok:
                c.note("top", f"differs only on the threshold boundary: expected {etop}, got {gtop}")
            else:
                c.diff("top", f"expected {etop}, got {gtop} (scores {escore})")

    # axes
    eax, gax = exp.get("axes", []), get(got, "axes")
    if not isinstance(gax, list) or len(gax) != len(eax):
        c.diff("axes", f"expected {len(eax)} axes, got {show(gax)}")
    else:
        for e, g in zip(eax, gax):
            p = f"axes[{e['id']}]"
            for k in ("id", "left", "right"):
                if get(g, k) != e[k]:
                    c.diff(p + "." + k, f"expected {show(e[k])}, got {show(get(g, k))}")
            gp = get(g, "position")
            if gp is MISSING or not num_eq(e["position"], gp):
                c.diff(p + ".position", f"expected {show(e['position'])}, got {show(gp)}")
            gl = get(g, "leaning")
            if gl != e["leaning"]:
                boundary = meta and e["position"] is not None and \
                    abs(abs(e["position"]) - meta["tie_margin"] / 100) <= EPS / 100
                if boundary:
                    c.note(p + ".leaning", f"position {e['position']!r} is on the tie boundary; expected {show(e['leaning'])}, got {show(gl)}")
                else:
                    c.diff(p + ".leaning", f"expected {show(e['leaning'])}, got {show(gl)} (position {e['position']!r})")

    # sections
    esec, gsec = exp.get("sections", []), get(got, "sections")
    if not isinstance(gsec, list) or len(gsec) != len(esec):
        c.diff("sections", f"expected {len(esec)} sections, got {show(gsec)}")
    else:
        for e, g in zip(esec, gsec):
            p = f"sections[{e['id']}]"
            for k in ("id", "title"):
                if get(g, k) != e[k]:
                    c.diff(p + "." + k, f"expected {show(e[k])}, got {show(get(g, k))}")
            gs = get(g, "scores")
            if not isinstance(gs, dict):
                c.diff(p + ".scores", f"expected a mapping, got {show(gs)}")
                continue
            for t, ev in e["scores"].items():
                gv = gs.get(t, MISSING)
                if gv is MISSING or not num_eq(ev, gv):
                    c.diff(f"{p}.scores.{t}", f"expected {show(ev)}, got {show(gv)}")
            for t in gs:
                if t not in e["scores"]:
                    c.diff(f"{p}.scores.{t}", "unexpected track key")
    return c


def main(argv):
    if len(argv) != 3:
        print("usage: compare.py EXPECTED.json GOT.json", file=sys.stderr)
        return 2
    try:
        with open(argv[1], encoding="utf-8") as f:
            exp = json.load(f)
        with open(argv[2], encoding="utf-8") as f:
            got = json.load(f)
    except (OSError, ValueError) as e:
        print(f"cannot read input: {e}")
        return 2
    c = compare(exp, got)
    for n in c.notes:
        print(n)
    for d in c.diffs:
        print(d)
    return 1 if c.diffs else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
