#!/usr/bin/python3
"""Golden values for src/gates/model-validate/drift.ts and paired.ts.

Run with Debian's interpreter, which has numpy 1.24.2 and scipy 1.10.1:

    /usr/bin/python3 scripts/golden/drift.py

It writes test/fixtures/model-validate/drift-golden.json (deterministic: fixed seeds, sorted keys; samples are
rounded to a few decimals so that they read back bit for bit and keep the file small).

Versions: scikit-learn is not used here, so its 1.2.1-vs-current differences do not apply. The scipy functions
covered (stats.ks_2samp with method='auto' and alternative='two-sided', stats.wasserstein_distance,
stats.chisquare, spatial.distance.jensenshannon, stats.binom, stats.chi2, stats.norm) give the same values for
these inputs in scipy 1.17.1 (numpy 2.4) as in 1.10.1, up to rounding (relative differences below 5e-15; checked
by running this script under both). What changed since 1.10.1 is outside what is covered here: ks_2samp's result
object gained statistic_location/statistic_sign in 1.10 and newer releases also accept `axis`/`nan_policy`
(masked arrays, NaN handling), wasserstein_distance gained an N-D sibling (wasserstein_distance_nd, 1.13), and
chisquare gained a `sum_check` argument (1.15).

Definitions shared with the TypeScript code (document them there too):
- PSI: edges = np.unique(np.quantile(ref, np.arange(1, bins) / bins)) (default 'linear' method); bin of x =
  np.searchsorted(edges, x, 'right'); proportions count / n, an empty bin's proportion replaced by 1e-4;
  PSI = sum((c - r) * log(c / r)).
- Chi-square: union of categories (sorted); reference counts, a category seen only in the current sample gets a
  reference pseudo-count of 0.5; f_exp = ref_count / sum(ref_counts) * n_cur; stats.chisquare(f_obs, f_exp);
  Cramer's V = sqrt(chi2 / (n_cur * (k - 1))).
- Jensen-Shannon: distance.jensenshannon(p, q, base=2) of the category proportions over the union (sorted).
- DeLong: an independent O(n^2) implementation through the Mann-Whitney kernel psi (1 if x > y, 1/2 if equal,
  0 otherwise) and DeLong's covariance of the structural components; diff = AUC_B - AUC_A, z = diff / se,
  p = 2 * norm.sf(|z|), pWorse = norm.cdf(z) (small when B, the candidate, has the lower AUC).
- McNemar: b = A right & B wrong, c = A wrong & B right. b + c < 25: exact, statistic min(b, c),
  p = min(1, 2 * binom.cdf(min(b, c), b + c, 0.5)), pWorse = binom.sf(b - 1, b + c, 0.5); otherwise
  statistic (|b - c| - 1)^2 / (b + c), p = chi2.sf(statistic, 1), pWorse = norm.sf((b - c - 1) / sqrt(b + c)).
"""
import json
import math
import os

import numpy as np
from scipy import stats
from scipy.spatial import distance

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'test', 'fixtures', 'model-validate',
                   'drift-golden.json')

rng = np.random.default_rng(20240611)


def r(x, d):
    return np.round(np.asarray(x, dtype=np.float64), d)


# ---------------------------------------------------------------------------------------------------------------
# Numeric samples
# ---------------------------------------------------------------------------------------------------------------
samples = {}
samples['normal_200'] = r(rng.normal(0, 1, 200), 6)
samples['shifted_150'] = r(rng.normal(0.5, 1, 150), 6)
samples['same_a_300'] = r(rng.normal(0, 1, 300), 6)
samples['same_b_300'] = r(rng.normal(0, 1, 300), 6)
samples['ties_500'] = r(rng.integers(0, 5, 500), 0)
samples['ties_400'] = r(rng.choice(5, 400, p=[0.15, 0.2, 0.25, 0.2, 0.2]), 0)
samples['small_8'] = r(rng.normal(0, 1, 8), 6)
samples['small_6'] = r(rng.normal(1, 1, 6), 6)
samples['small_5a'] = r(rng.normal(0, 1, 5), 6)
samples['small_5b'] = r(rng.normal(3, 1, 5), 6)
samples['separated_40'] = r(rng.uniform(0, 1, 40), 6)
samples['separated_30'] = r(rng.uniform(2, 3, 30), 6)
samples['lognormal_1000'] = r(rng.lognormal(0, 1, 1000), 6)
samples['lognormal_800'] = r(rng.lognormal(0.1, 1.2, 800), 6)
samples['mid_2500'] = r(rng.normal(0, 1, 2500), 4)
samples['mid_10000'] = r(rng.normal(0.04, 1, 10000), 4)
samples['big_12000'] = r(rng.normal(0, 1, 12000), 4)
samples['big_same_12000'] = r(rng.normal(0, 1, 12000), 4)
samples['big_shift_12000'] = r(rng.normal(0.05, 1, 12000), 4)
samples['big_far_11000'] = r(rng.normal(0.3, 1, 11000), 4)
samples['cur_30'] = r(rng.normal(0.2, 1, 30), 4)
samples['cur_far_30'] = r(rng.normal(1.0, 1, 30), 4)
samples['cur_120'] = r(rng.normal(0, 1, 120), 4)
samples['cur_400'] = r(rng.normal(0.1, 1, 400), 4)
samples['cur_far_400'] = r(rng.normal(0.5, 1, 400), 4)
samples['cur_3'] = r(rng.normal(0, 1, 3), 4)
# Reference quantiles, nudged: a small D at n = round(12000 * 152 / 12152) = 150, where scipy uses the Durbin matrix.
samples['near_152'] = r(np.quantile(samples['big_12000'], (np.arange(152) + 0.5) / 152) + 0.08, 4)

ks_pairs = [
    ('normal_200', 'shifted_150'),
    ('same_a_300', 'same_b_300'),
    ('same_a_300', 'same_a_300'),
    ('ties_500', 'ties_400'),
    ('small_8', 'small_6'),
    ('small_5a', 'small_5b'),
    ('small_6', 'small_6'),
    ('separated_40', 'separated_30'),
    ('lognormal_1000', 'lognormal_800'),
    ('mid_2500', 'mid_10000'),
    ('big_12000', 'big_same_12000'),
    ('big_12000', 'big_shift_12000'),
    ('big_12000', 'big_far_11000'),
    ('big_12000', 'cur_30'),
    ('big_12000', 'cur_far_30'),
    ('big_12000', 'cur_120'),
    ('big_12000', 'cur_400'),
    ('big_12000', 'cur_far_400'),
    ('big_12000', 'cur_3'),
    ('big_12000', 'near_152'),
    ('cur_400', 'big_12000'),
]

ks = []
for a, b in ks_pairs:
    res = stats.ks_2samp(samples[a], samples[b], alternative='two-sided', method='auto')
    n1, n2 = len(samples[a]), len(samples[b])
    # scipy's two-sided exact computation never fails for these sizes, so 'auto' is 'exact' iff max(n1, n2) <= 10000.
    ks.append({'ref': a, 'cur': b, 'statistic': float(res.statistic), 'pValue': float(res.pvalue),
               'method': 'exact' if max(n1, n2) <= 10000 else 'asymp'})

wasserstein_pairs = [
    ('normal_200', 'shifted_150'), ('same_a_300', 'same_b_300'), ('same_a_300', 'same_a_300'), ('ties_500', 'ties_400'),
    ('small_8', 'small_6'), ('lognormal_1000', 'lognormal_800'), ('big_12000', 'big_shift_12000'), ('cur_3', 'separated_30'),
]
wasserstein = [{'ref': a, 'cur': b, 'distance': float(stats.wasserstein_distance(samples[a], samples[b]))}
               for a, b in wasserstein_pairs]


def psi_ref(ref, cur, bins=10):
    edges = np.unique(np.quantile(ref, np.arange(1, bins) / bins))
    rc = np.bincount(np.searchsorted(edges, ref, side='right'), minlength=len(edges) + 1)
    cc = np.bincount(np.searchsorted(edges, cur, side='right'), minlength=len(edges) + 1)
    rp = rc / len(ref)
    cp = cc / len(cur)
    rp[rc == 0] = 1e-4
    cp[cc == 0] = 1e-4
    total = 0.0
    for c, q in zip(cp, rp):
        total += (c - q) * math.log(c / q)
    return total


psi_cases = []
for a, b, bins in [
    ('normal_200', 'shifted_150', 10), ('same_a_300', 'same_b_300', 10), ('same_a_300', 'same_a_300', 10),
    ('ties_500', 'ties_400', 10), ('lognormal_1000', 'lognormal_800', 10), ('big_12000', 'big_shift_12000', 10),
    ('small_8', 'small_6', 10), ('separated_40', 'separated_30', 5), ('lognormal_1000', 'lognormal_800', 20),
]:
    psi_cases.append({'ref': a, 'cur': b, 'bins': bins, 'psi': psi_ref(samples[a], samples[b], bins)})

# ---------------------------------------------------------------------------------------------------------------
# Categorical samples
# ---------------------------------------------------------------------------------------------------------------
colours = np.array(['blue', 'green', 'red', 'yellow'])
categorical = {
    'cat_ref': colours[rng.choice(4, 600, p=[0.4, 0.3, 0.2, 0.1])].tolist(),
    'cat_shift': colours[rng.choice(4, 500, p=[0.3, 0.3, 0.25, 0.15])].tolist(),
    'cat_same': colours[rng.choice(4, 450, p=[0.4, 0.3, 0.2, 0.1])].tolist(),
    'cat_new': np.array(['blue', 'green', 'red', 'yellow', 'purple'])[rng.choice(5, 400, p=[0.35, 0.3, 0.2, 0.1, 0.05])].tolist(),
    'cat_missing': colours[rng.choice(3, 300, p=[0.5, 0.3, 0.2])].tolist(),
    'cat_small': ['a', 'b', 'a', 'c', 'a', 'b'],
    'cat_small2': ['a', 'c', 'c', 'd', 'c'],
}


def chisquare_ref(ref, cur):
    cats = sorted(set(ref) | set(cur))
    rc = np.array([ref.count(c) if c in ref else 0.5 for c in cats], dtype=np.float64)
    oc = np.array([cur.count(c) for c in cats], dtype=np.float64)
    f_exp = rc / rc.sum() * len(cur)
    res = stats.chisquare(oc, f_exp)
    k = len(cats)
    return {'statistic': float(res.statistic), 'pValue': float(res.pvalue), 'dof': k - 1,
            'cramersV': math.sqrt(float(res.statistic) / (len(cur) * (k - 1)))}


def js_ref(ref, cur):
    cats = sorted(set(ref) | set(cur))
    p = np.array([ref.count(c) for c in cats], dtype=np.float64) / len(ref)
    q = np.array([cur.count(c) for c in cats], dtype=np.float64) / len(cur)
    return float(distance.jensenshannon(p, q, base=2))


cat_pairs = [('cat_ref', 'cat_shift'), ('cat_ref', 'cat_same'), ('cat_ref', 'cat_ref'), ('cat_ref', 'cat_new'),
             ('cat_ref', 'cat_missing'), ('cat_small', 'cat_small2')]
chisquare = [dict(ref=a, cur=b, **chisquare_ref(categorical[a], categorical[b])) for a, b in cat_pairs]
jensenshannon = [{'ref': a, 'cur': b, 'distance': js_ref(categorical[a], categorical[b])} for a, b in cat_pairs]


# ---------------------------------------------------------------------------------------------------------------
# DeLong (O(n^2) reference) and McNemar
# ---------------------------------------------------------------------------------------------------------------
def delong_ref(y, sa, sb):
    pos = y == 1
    m, n = int(pos.sum()), int((~pos).sum())
    v10, v01, aucs = [], [], []
    for s in (sa, sb):
        x, z = s[pos], s[~pos]
        kernel = (x[:, None] > z[None, :]).astype(np.float64) + 0.5 * (x[:, None] == z[None, :])
        v10.append(kernel.mean(axis=1))
        v01.append(kernel.mean(axis=0))
        aucs.append(float(kernel.mean()))
    s10 = np.cov(np.vstack(v10))
    s01 = np.cov(np.vstack(v01))
    cov = s10 / m + s01 / n
    var = cov[0, 0] + cov[1, 1] - 2 * cov[0, 1]
    se = math.sqrt(var)
    diff = aucs[1] - aucs[0]
    z = diff / se
    return {'aucA': aucs[0], 'aucB': aucs[1], 'diff': diff, 'se': se, 'z': z,
            'pValue': float(2 * stats.norm.sf(abs(z))), 'pWorse': float(stats.norm.cdf(z))}


delong = []
for name, n, prev, sep_a, sep_b, noise, dec in [
    ('correlated', 400, 0.4, 1.2, 1.0, 0.6, 4),
    ('ties', 300, 0.5, 1.0, 1.1, 0.8, 1),
    ('unbalanced_better', 500, 0.1, 0.8, 1.4, 0.7, 3),
]:
    y = (rng.random(n) < prev).astype(np.int64)
    latent = rng.normal(0, 1, n) + y * 1.0
    sa = r(latent * sep_a + rng.normal(0, noise, n), dec)
    sb = r(latent * sep_b + rng.normal(0, noise, n), dec)
    delong.append(dict(name=name, y=y.tolist(), scoresA=sa.tolist(), scoresB=sb.tolist(), **delong_ref(y, sa, sb)))


def mcnemar_ref(b, c):
    if b + c < 25:
        stat = float(min(b, c))
        p = min(1.0, 2 * float(stats.binom.cdf(min(b, c), b + c, 0.5)))
        p_worse = float(stats.binom.sf(b - 1, b + c, 0.5))
        exact = True
    else:
        stat = (abs(b - c) - 1) ** 2 / (b + c)
        p = float(stats.chi2.sf(stat, 1))
        p_worse = float(stats.norm.sf((b - c - 1) / math.sqrt(b + c)))
        exact = False
    return {'statistic': stat, 'pValue': p, 'pWorse': p_worse, 'exact': exact}


mcnemar = []
for both_right, b, c, both_wrong in [(50, 3, 9, 10), (40, 12, 12, 5), (70, 0, 5, 3), (30, 24, 0, 2), (100, 30, 12, 8),
                                     (100, 12, 30, 8), (200, 60, 61, 20), (80, 13, 12, 0), (5, 1, 0, 1)]:
    mcnemar.append(dict(bothRight=both_right, b=b, c=c, bothWrong=both_wrong, **mcnemar_ref(b, c)))

golden = {
    'samples': {k: v.tolist() for k, v in samples.items()},
    # Population standard deviation (ddof 0), the scale of the normed Wasserstein distance.
    'std': {k: float(np.std(v)) for k, v in samples.items()},
    'categorical': categorical,
    'ks': ks,
    'wasserstein': wasserstein,
    'psi': psi_cases,
    'chisquare': chisquare,
    'jensenshannon': jensenshannon,
    'delong': delong,
    'mcnemar': mcnemar,
}
os.makedirs(os.path.dirname(OUT), exist_ok=True)
with open(OUT, 'w') as f:
    json.dump(golden, f, sort_keys=True, separators=(',', ':'))
    f.write('\n')
