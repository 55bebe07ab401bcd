#!/usr/bin/env python3
"""Agreement figures with NLTK's nltk.metrics.agreement (Debian: python3-nltk), as the reference
the benchmark times Meme Jury against and checks its figures with.

Input (JSON on the path given): {"raters": 3, "pc_labels": [...], "attack_labels": [...],
"items": [[gold_hateful, [hate, pc_mask, attack_mask] * raters], ...]} where hate is 0 hateful,
1 not hateful, -1 no vote. Output (stdout): {"seconds": ..., "figures": {flat keys}}.
Definitions as in fixtures/fghm/dev_seen.agreement.reference.json: pi/kappa/avg_Ao on items rated
by all raters, alpha on items with two or more ratings, MASI with empty-vs-empty distance 0.
"""
import json
import sys
import time

from nltk.metrics.agreement import AnnotationTask
from nltk.metrics.distance import masi_distance


def masi(a, b):
    if not a and not b:
        return 0.0
    return masi_distance(a, b)


def figures_for(rows, raters, value_of, prefix, out):
    full = []
    two = []
    for idx, cells in rows:
        rated = [(c, value_of(cell)) for c, cell in enumerate(cells) if cell[0] >= 0]
        if len(rated) >= 2:
            two.extend((str(c), str(idx), v) for c, v in rated)
        if len(rated) == raters:
            full.extend((str(c), str(idx), v) for c, v in rated)
    if full:
        t = AnnotationTask(data=full)
        out[prefix + ".fleiss_kappa"] = t.pi()
        out[prefix + ".mean_pairwise_cohen_kappa"] = t.kappa()
        out[prefix + ".percent_agreement"] = t.avg_Ao()
    if two:
        out[prefix + ".krippendorff_alpha"] = AnnotationTask(data=two).alpha()


def main():
    data = json.load(open(sys.argv[1]))
    raters = data["raters"]
    rows = []
    for idx, item in enumerate(data["items"]):
        gold, flat = item[0], item[1]
        rows.append((idx, gold, [flat[3 * c:3 * c + 3] for c in range(raters)]))
    start = time.perf_counter()
    out = {}
    all_rows = [(idx, cells) for idx, _, cells in rows]
    figures_for(all_rows, raters, lambda cell: cell[0], "hate", out)
    hateful_rows = [(idx, cells) for idx, gold, cells in rows if gold == 0]
    for task, k in (("pc", 1), ("attack", 2)):
        for bit, label in enumerate(data[task + "_labels"]):
            figures_for(hateful_rows, raters, lambda cell: (cell[k] >> bit) & 1, task + "." + label, out)
        sets = []
        for idx, cells in hateful_rows:
            rated = [(c, frozenset(b for b in range(30) if (cell[k] >> b) & 1)) for c, cell in enumerate(cells) if cell[0] >= 0]
            if len(rated) >= 2:
                sets.extend((str(c), str(idx), s) for c, s in rated)
        if sets:
            out[task + ".alpha_masi"] = AnnotationTask(data=sets, distance=masi).alpha()
    seconds = time.perf_counter() - start
    json.dump({"seconds": seconds, "figures": out}, sys.stdout)


if __name__ == "__main__":
    main()
