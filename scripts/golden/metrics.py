#!/usr/bin/python3
"""Golden values of the model-validate metrics, from scikit-learn 1.2.1 (Debian's, run with /usr/bin/python3).

Writes test/fixtures/model-validate/metrics-golden.json: each case's inputs (labels as the strings a CSV holds)
and what scikit-learn returns. Where scikit-learn raises, the value is null and errors[name] holds the message;
warnings[name] lists the UndefinedMetricWarning-type warnings it gave. NaN is stored as null. Deterministic: numpy
seeds, sorted keys.

Where scikit-learn 1.2.1 differs from current scikit-learn, for what is covered here:
- log_loss: 1.2 changed eps's default from 1e-15 to "auto" (np.finfo(dtype).eps, 2.22e-16 for float64), so 1.2.1
  clips to [2.22e-16, 1 - 2.22e-16] and renormalises rows after clipping; eps was deprecated in 1.3 and removed in
  1.5, and later versions warn when rows do not sum to 1.
- roc_curve: thresholds[0] is max(score) + 1 in 1.2.1; 1.3+ uses np.inf.
- precision/recall/F: zero_division is "warn" (= 0) or 0 or 1; F is 2·p·r/(p+r) of the zero_division-substituted
  precision and recall. 1.3+ added zero_division=np.nan and later versions compute F from tp, fp, fn.
- mean_squared_error(squared=False) is the root in 1.2.1 (root_mean_squared_error from 1.4). We store the sqrt of
  mean_squared_error, the same number.
- precision_recall_curve: no drop_intermediate argument (added in 1.3, default False: the same curve).

Not in scikit-learn: ece (expected calibration error), computed here from calibration_curve(n_bins=10,
strategy='uniform') and the per-bin counts (np.searchsorted on the same edges, as calibration_curve bins).

Binary cases call the scored metrics on y01 = (y_true == pos_label), the score being the probability of the positive
class (roc_auc_score and log_loss otherwise take the larger label as positive); log_loss gets labels=[0, 1] so that a
case without positives still has a value. Threshold metrics get labels=<all labels> (the sorted union of y_true,
y_pred and the score columns' classes).
"""
import json
import os
import sys
import warnings

import numpy as np
import sklearn
from sklearn.calibration import calibration_curve
from sklearn.exceptions import UndefinedMetricWarning
from sklearn.metrics import (
    accuracy_score,
    average_precision_score,
    balanced_accuracy_score,
    brier_score_loss,
    confusion_matrix,
    f1_score,
    log_loss,
    matthews_corrcoef,
    mean_absolute_error,
    mean_squared_error,
    precision_recall_curve,
    precision_score,
    r2_score,
    recall_score,
    roc_auc_score,
    roc_curve,
)
from sklearn.utils.multiclass import unique_labels

assert sklearn.__version__ == "1.2.1", sklearn.__version__

OUT = os.path.join(os.path.dirname(__file__), "..", "..", "test", "fixtures", "model-validate", "metrics-golden.json")


def num(x):
    x = float(x)
    return None if np.isnan(x) else x


def arr(a):
    return [num(v) for v in np.asarray(a, dtype=float).ravel()]


def call(store, name, fn):
    """Run fn, storing its value (or null and the error) and any warnings about undefined values."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            store["metrics"][name] = num(fn())
        except (ValueError, ZeroDivisionError) as e:
            store["metrics"][name] = None
            store["errors"][name] = str(e)
    texts = [
        str(w.message)
        for w in caught
        if issubclass(w.category, (UndefinedMetricWarning, RuntimeWarning)) or "not in y_true" in str(w.message)
    ]
    if texts:
        store["warnings"][name] = texts


def prf_metrics(y, yp, labels, pos, zd):
    """precision/recall/F1: macro, weighted, micro on all labels; binary ones (average='binary') with pos_label."""
    store = {"metrics": {}, "errors": {}, "warnings": {}}
    for name, f in (("precision", precision_score), ("recall", recall_score), ("f1", f1_score)):
        for avg in ("macro", "weighted", "micro"):
            call(store, f"{name}_{avg}", lambda f=f, avg=avg: f(y, yp, labels=labels, average=avg, zero_division=zd))
        if pos is not None:
            call(store, name, lambda f=f: f(y, yp, pos_label=pos, average="binary", zero_division=zd))
    return store


def ece(y01, p, n_bins=10):
    prob_true, prob_pred = calibration_curve(y01, p, n_bins=n_bins, strategy="uniform")
    counts = calibration_counts(p, n_bins)
    return float(np.sum(np.abs(prob_true - prob_pred) * counts) / len(p))


def calibration_counts(p, n_bins=10):
    bins = np.linspace(0.0, 1.0, n_bins + 1)
    total = np.bincount(np.searchsorted(bins[1:-1], p), minlength=len(bins))
    return total[total != 0]


def classification_case(name, y, yp, scores=None, pos=None, score_labels=None, ovr_curves=False):
    """y, yp: numpy arrays of labels (int or str); scores: 1-d (binary, P(pos)) or n × k (columns = sorted labels)."""
    labels = unique_labels(y, yp) if score_labels is None else unique_labels(y, yp, np.asarray(score_labels))
    labels = list(labels)
    binary = pos is not None
    case = {
        "name": name,
        "kind": "binary" if binary else "multiclass",
        "labels": [str(v) for v in labels],
        "score_labels": None if score_labels is None else [str(v) for v in score_labels],
        "positive": None if pos is None else str(pos),
        "y_true": [str(v) for v in y],
        "y_pred": [str(v) for v in yp],
        "scores": None if scores is None else arr(scores),
        "errors": {},
        "warnings": {},
        "metrics": {},
    }
    call(case, "accuracy", lambda: accuracy_score(y, yp))
    call(case, "balanced_accuracy", lambda: balanced_accuracy_score(y, yp))
    call(case, "mcc", lambda: matthews_corrcoef(y, yp))
    prf = prf_metrics(y, yp, labels, pos, "warn")
    for key in ("metrics", "errors", "warnings"):
        case[key].update(prf[key])
    case["metrics_zd1"] = prf_metrics(y, yp, labels, pos, 1)["metrics"]
    case["confusion"] = confusion_matrix(y, yp, labels=labels).tolist()
    if scores is not None and binary:
        y01 = (y == pos).astype(int)
        call(case, "roc_auc", lambda: roc_auc_score(y01, scores))
        call(case, "average_precision", lambda: average_precision_score(y01, scores))
        call(case, "log_loss", lambda: log_loss(y01, scores, labels=[0, 1]))
        call(case, "brier", lambda: brier_score_loss(y, scores, pos_label=pos))
        call(case, "ece", lambda: ece(y01, scores))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            fpr, tpr, thr = roc_curve(y01, scores)
            case["roc"] = {"fpr": arr(fpr), "tpr": arr(tpr), "thresholds": arr(thr)}
            if len(y) <= 600:  # the full curve only for the smaller cases (file size)
                fpr, tpr, thr = roc_curve(y01, scores, drop_intermediate=False)
                case["roc_full"] = {"fpr": arr(fpr), "tpr": arr(tpr), "thresholds": arr(thr)}
            prec, rec, thr = precision_recall_curve(y01, scores)
            case["pr"] = {"precision": arr(prec), "recall": arr(rec), "thresholds": arr(thr)}
            pt, pp = calibration_curve(y01, scores, n_bins=10, strategy="uniform")
            case["calibration"] = {"prob_true": arr(pt), "prob_pred": arr(pp), "counts": arr(calibration_counts(scores))}
    elif scores is not None:
        for mc in ("ovr", "ovo"):
            for avg in ("macro", "weighted"):
                call(case, f"roc_auc_{mc}_{avg}", lambda mc=mc, avg=avg: roc_auc_score(y, scores, multi_class=mc, average=avg, labels=labels))
        call(case, "log_loss", lambda: log_loss(y, scores, labels=labels))
    if scores is not None and not binary and ovr_curves:
        # Per-class one-vs-rest ROC curves (curves.oneVsRest + rocCurve).
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            case["ovr_roc"] = []
            for c, lab in enumerate(labels):
                fpr, tpr, thr = roc_curve((y == lab).astype(int), scores[:, c])
                case["ovr_roc"].append({"fpr": arr(fpr), "tpr": arr(tpr), "thresholds": arr(thr)})
    return case


def softmax(z):
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def binary_scores(rng, y01, sep):
    return sigmoid(sep * (2 * y01 - 1) + rng.normal(size=len(y01)))


def multiclass(rng, n, priors, sep, names):
    k = len(priors)
    yi = rng.choice(k, size=n, p=priors)
    z = rng.normal(size=(n, k))
    z[np.arange(n), yi] += sep
    p = softmax(z)
    return np.asarray(names)[yi], p


def classification_cases():
    cases = []
    rng = np.random.default_rng(20230201)

    y = rng.integers(0, 2, 1000)
    s = binary_scores(rng, y, 1.0)
    cases.append(classification_case("binary_balanced", y, (s >= 0.5).astype(int), s, pos=1))

    y = (rng.random(2000) < 0.05).astype(int)
    s = binary_scores(rng, y, 1.5)
    cases.append(classification_case("binary_imbalanced", y, (s >= 0.5).astype(int), s, pos=1))

    y = rng.integers(0, 2, 500)
    s = np.round(binary_scores(rng, y, 0.8), 1)
    cases.append(classification_case("binary_tied_scores", y, (s >= 0.5).astype(int), s, pos=1))

    y = rng.integers(0, 2, 200)
    s = np.where(y == 1, 0.6 + 0.4 * rng.random(200), 0.4 * rng.random(200))
    cases.append(classification_case("binary_perfect", y, y.copy(), s, pos=1))

    y = np.zeros(300, dtype=int)
    s = sigmoid(rng.normal(size=300) - 1.0)
    cases.append(classification_case("binary_never_positive", y, (s >= 0.5).astype(int), s, pos=1))

    y = (rng.random(400) < 0.3).astype(int)
    s = sigmoid(rng.normal(size=400) - 2.0) * 0.4
    cases.append(classification_case("binary_never_predicted_positive", y, np.zeros(400, dtype=int), s, pos=1))

    # Probabilities at and beyond the clipping bound (exact 0 and 1, confident mistakes): log_loss's eps shows.
    y = rng.integers(0, 2, 120)
    s = binary_scores(rng, y, 1.0)
    s[:40] = np.where(rng.random(40) < 0.5, 0.0, 1.0)
    s[40:50] = np.array([1e-17, 1e-16, 3e-16, 1e-15, 1 - 1e-16, 1 - 2e-16, 1 - 1e-15, 0.5, 1e-300, 5e-324])
    cases.append(classification_case("binary_extreme_probabilities", y, (s >= 0.5).astype(int), s, pos=1))

    yi = rng.integers(0, 2, 600)
    s = binary_scores(rng, yi, 1.2)
    names = np.array(["cat", "dog"])
    cases.append(classification_case("binary_string_labels", names[yi], names[(s >= 0.5).astype(int)], s, pos="dog"))

    # Numeric labels: numeric order (2 < 10) differs from string order ("10" < "2"); the positive class is 2.
    yi = rng.integers(0, 2, 500)
    s = binary_scores(rng, yi, 1.0)
    values = np.array([10, 2])
    cases.append(classification_case("binary_numeric_labels", values[yi], values[(s >= 0.5).astype(int)], s, pos=2))

    y, p = multiclass(rng, 1500, [0.5, 0.45, 0.05], 1.5, ["a", "b", "c"])
    cases.append(classification_case("multiclass_3", y, np.array(["a", "b", "c"])[p.argmax(1)], p, ovr_curves=True))

    names5 = [1, 2, 3, 10, 20]
    y, p = multiclass(rng, 2000, [0.4, 0.3, 0.2, 0.07, 0.03], 1.0, names5)
    cases.append(classification_case("multiclass_5_numeric", y, np.asarray(names5)[p.argmax(1)], p))

    # A predicted class ("d") that never occurs in y_true: ovr AUC undefined, ovo over the present classes.
    names4 = ["a", "b", "c", "d"]
    yi = rng.choice(3, size=800, p=[0.4, 0.35, 0.25])
    z = rng.normal(size=(800, 4))
    z[np.arange(800), yi] += 1.2
    p = softmax(z)
    cases.append(classification_case("multiclass_pred_absent_from_true", np.asarray(names4)[yi], np.asarray(names4)[p.argmax(1)], p, ovr_curves=True))

    # A class known only from the score columns: in neither y_true nor y_pred (zero_division in every metric).
    yi = rng.choice(3, size=300, p=[0.5, 0.3, 0.2])
    z = rng.normal(size=(300, 4))
    z[np.arange(300), yi] += 1.5
    z[:, 3] -= 6.0
    p = softmax(z)
    cases.append(classification_case("multiclass_label_only_in_scores", np.asarray(names4)[yi], np.asarray(names4)[p[:, :3].argmax(1)], p, score_labels=names4))

    # One-hot probabilities (exact zeros, a fifth of them wrong): log_loss clipping in the multiclass form.
    yi = rng.choice(3, size=150, p=[0.5, 0.3, 0.2])
    guess = np.where(rng.random(150) < 0.8, yi, rng.integers(0, 3, 150))
    p = np.eye(3)[guess]
    p[:30] = softmax(rng.normal(size=(30, 3)))
    names3 = np.array(["a", "b", "c"])
    cases.append(classification_case("multiclass_hard_probabilities", names3[yi], names3[guess], p))

    # Every row the same class: mcc degenerate, one-vs-one undefined.
    y = np.array(["x"] * 60)
    z = rng.normal(size=(60, 3))
    p = softmax(z)
    cases.append(classification_case("multiclass_one_class_in_true", y, np.array(["x", "y", "z"])[p.argmax(1)], p, score_labels=["x", "y", "z"]))
    return cases


def regression_case(name, yt, yp):
    case = {"name": name, "y_true": arr(yt), "y_pred": arr(yp), "metrics": {}, "errors": {}, "warnings": {}}
    call(case, "mae", lambda: mean_absolute_error(yt, yp))
    call(case, "rmse", lambda: np.sqrt(mean_squared_error(yt, yp)))
    call(case, "r2", lambda: r2_score(yt, yp))
    return case


def regression_cases():
    rng = np.random.default_rng(77)
    cases = []
    x = rng.normal(10, 3, 1000)
    cases.append(regression_case("regression_normal_noise", x, x + rng.normal(0, 1, 1000)))
    x = rng.normal(0, 1, 50)
    cases.append(regression_case("regression_worse_than_mean", x, -x))
    cases.append(regression_case("regression_constant_true", np.full(200, 3.0), 3.0 + rng.normal(0, 0.1, 200)))
    cases.append(regression_case("regression_constant_true_perfect", np.full(100, 2.5), np.full(100, 2.5)))
    # 0.1 three times has mean 0.10000000000000002: sklearn divides by a rounding residue (a huge negative r2).
    cases.append(regression_case("regression_constant_inexact_mean", np.full(37, 0.1), np.full(37, 0.11)))
    cases.append(regression_case("regression_constant_inexact_mean_long", np.full(10000, 0.1), np.full(10000, 0.11)))
    cases.append(regression_case("regression_single_row", np.array([1.0]), np.array([2.0])))
    return cases


def sort_label_cases():
    """numpy's order: numbers when every label parses as one (as pandas would read the column), else str order."""
    out = []
    for labels in (
        ["2", "10", "1", "10", "-3", "0.5", "1e3"],
        ["b", "a", "B", "10", "2", "é", "😀", "～", "a"],
        ["2", "10", "x"],
        ["dog", "cat", "dog"],
        ["", "a"],
    ):
        strs = np.asarray(labels, dtype=str)
        try:
            values = strs.astype(float)
            uniq = np.unique(values)
            first = {}
            for s, v in zip(labels, values):
                first.setdefault(v, s)
            expected = [first[v] for v in uniq]
        except ValueError:
            expected = [str(s) for s in np.unique(strs)]
        out.append({"input": labels, "expected": expected})
    return out


def main():
    doc = {
        "generator": "scripts/golden/metrics.py",
        "versions": {"numpy": np.__version__, "sklearn": sklearn.__version__, "python": sys.version.split()[0]},
        "classification": classification_cases(),
        "regression": regression_cases(),
        "sort_labels": sort_label_cases(),
    }
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump(doc, f, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False)
        f.write("\n")
    print(f"wrote {os.path.normpath(OUT)} ({os.path.getsize(OUT)} bytes)")


if __name__ == "__main__":
    main()
