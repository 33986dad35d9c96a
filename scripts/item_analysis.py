#!/usr/bin/env python3
"""An independent check of `crossroads analyse`, from `crossroads export`'s CSV.

Usage:
    python3 scripts/item_analysis.py ASSESSMENT.yaml EXPORT.csv|EXPORT.jsonl [ANALYSE.json]

Reads the CSV with Python's csv module (or the JSON lines of `export --format
jsonl`) and the assessment with the project's
independent scorer (scripts/oracle/score.py, PyYAML and the standard library
only), then for each track builds the complete-case matrix (the contribution c
of each answer to the track, for the questions whose range for it is not a
single value) and computes what R's psych::alpha computes, its way: from the
covariance matrix C of the items (sample covariances),

    raw alpha   = (1 - tr(C) / sum(C)) * k / (k - 1)
    r.drop[i]   = sum(C[i, -i]) / sqrt(C[i, i] * sum(C[-i, -i]))
    alpha.drop  = raw alpha of C[-i, -i]

with items of no variance left out first, as psych::alpha does. The Rust code
computes the same figures another way (variances of sums, Pearson against the
rest score), so agreement is not a shared mistake.

A CSV cannot tell an empty text or an empty multi answer (none ticked) from a
skipped question: all three are empty cells. Both count as answers, in
conditions (`answered: true`) and in scores, so on sessions that hold them
only the JSON lines give the same figures; the CSV is exact for the rest.

It also rescores every row with the oracle and checks the score_ columns.

Prints the figures as JSON. Given ANALYSE.json (`crossroads analyse --format
json`), compares k, n, alpha and each item's figures, and exits 1 on any
difference larger than 1e-9.
"""
import csv
import json
import math
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "oracle"))
import score as oracle  # noqa: E402

TOL = 1e-9
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def unguard(cell):
    """The export's guard against spreadsheet formulas, undone."""
    if cell.startswith("'") and cell[1:].lstrip("'").startswith(FORMULA_START):
        return cell[1:]
    return cell


def answer_of(q, cell):
    if cell == "":
        return None
    if q.type == "likert":
        return int(cell)
    text = unguard(cell)
    if q.type == "multi":
        return text.split(";")
    if q.type == "rank":
        return text.split(">")
    return text


def read_rows(a, path):
    if path.endswith(".jsonl"):
        return read_jsonl(a, path)
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    header, body = rows[0], rows[1:]
    nq = len(a.questions)
    assert len(header) == 6 + nq + len(a.tracks), "unexpected columns"
    out = []
    for row in body:
        answers = {}
        for i, q in enumerate(a.questions):
            v = answer_of(q, row[6 + i])
            if v is not None:
                answers[q.id] = v
        scores = {t[0]: row[6 + nq + j] for j, t in enumerate(a.tracks)}
        out.append((row[0], answers, scores))
    return out


def read_jsonl(a, path):
    """The same rows from JSON lines, where null is no answer."""
    nq = len(a.questions)
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            values = list(json.loads(line).values())  # in column order
            answers = {q.id: values[6 + i] for i, q in enumerate(a.questions)
                       if values[6 + i] is not None}
            scores = {t[0]: "" if values[6 + nq + j] is None else repr(values[6 + nq + j])
                      for j, t in enumerate(a.tracks)}
            out.append((values[0], answers, scores))
    return out


def check_scores(a, rows):
    for q in a.questions:
        q.required = False  # sessions in progress may lack a required answer
    bad = 0
    for name, answers, scores in rows:
        expected = {t["id"]: t["score"] for t in oracle.score(a, answers)["tracks"]}
        for t, cell in scores.items():
            e = expected[t]
            if (e is None) != (cell == "") or (e is not None and abs(e - float(cell)) > TOL):
                print(f"{name}: score_{t} is {cell!r}, the oracle says {e}", file=sys.stderr)
                bad += 1
    return bad


def cov(x, y):
    mx, my = sum(x) / len(x), sum(y) / len(y)
    return sum((a - mx) * (b - my) for a, b in zip(x, y)) / (len(x) - 1)


def alpha_of(C, idx):
    k = len(idx)
    if k < 2:
        return None
    total = sum(C[i][j] for i in idx for j in idx)
    if total <= 0:
        return None
    return (1 - sum(C[i][i] for i in idx) / total) * k / (k - 1)


def track_figures(a, rows, t):
    items = [q for q in a.questions if q.type != "text" and t in q.tracks()
             and oracle.question_range(q, t)[0] != oracle.question_range(q, t)[1]]
    matrix = []
    for _, answers, _ in rows:
        if all(q.id in answers for q in items):
            matrix.append([oracle.contribution(q, answers[q.id], t)[0] for q in items])
    n = len(matrix)
    out = {"id": t, "n": n, "k": len(items), "alpha": None, "items": [], "no_variance": []}
    if n < 3:
        return out
    cols = [[r[i] for r in matrix] for i in range(len(items))]
    used = [i for i in range(len(items)) if len(set(cols[i])) > 1]
    out["no_variance"] = [items[i].id for i in range(len(items)) if i not in used]
    out["k"] = len(used)
    C = [[cov(cols[i], cols[j]) for j in range(len(items))] for i in range(len(items))]
    out["alpha"] = alpha_of(C, used)
    for i in used:
        rest = [j for j in used if j != i]
        denom = C[i][i] * sum(C[x][y] for x in rest for y in rest)
        r_drop = sum(C[i][j] for j in rest) / math.sqrt(denom) if rest and denom > 0 else None
        out["items"].append({
            "question": items[i].id,
            "mean": sum(cols[i]) / n,
            "sd": math.sqrt(C[i][i]),
            "r_drop": r_drop,
            "alpha_if_dropped": alpha_of(C, rest),
        })
    return out


def differs(x, y):
    if x is None or y is None:
        return (x is None) != (y is None)
    return abs(x - y) > TOL


def compare(mine, theirs):
    bad = 0
    by_id = {t["id"]: t for t in theirs["tracks"]}
    for t in mine:
        o = by_id[t["id"]]
        if t["n"] != o["n"]:
            print(f"{t['id']}: n {t['n']} against {o['n']}", file=sys.stderr)
            bad += 1
            continue
        if t["n"] < 3:
            continue
        if t["k"] != o["k"] or differs(t["alpha"], o["alpha"]) or t["no_variance"] != o["no_variance"]:
            print(f"{t['id']}: k, alpha or no_variance differ: {t} against {o}", file=sys.stderr)
            bad += 1
        for a, b in zip(t["items"], o["items"]):
            for key in ("question", "mean", "sd", "r_drop", "alpha_if_dropped"):
                if (a[key] != b[key]) if key == "question" else differs(a[key], b[key]):
                    print(f"{t['id']} {a['question']}: {key} {a[key]} against {b[key]}",
                          file=sys.stderr)
                    bad += 1
    return bad


def main(argv):
    if len(argv) not in (3, 4):
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    a = oracle.load_assessment(argv[1])
    rows = read_rows(a, argv[2])
    figures = [track_figures(a, rows, t[0]) for t in a.tracks]
    print(json.dumps({"sessions": len(rows), "tracks": figures}, indent=2))
    bad = check_scores(a, rows)
    if len(argv) == 4:
        with open(argv[3], encoding="utf-8") as f:
            bad += compare(figures, json.load(f))
    if bad:
        print(f"{bad} differences", file=sys.stderr)
        return 1
    print("agrees to 1e-9", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
