"""A logistic regression whose probabilities are calibrated and still linear.

Platt scaling on out-of-fold decision values gives ``p = sigmoid(a * (w.x + b) + c)``;
folding ``a`` and ``c`` into the weights keeps the model one linear function, so each
feature's contribution to the calibrated log-odds is exactly ``coef_[j] * x[j]``. That is
what the explanations report, with no approximation.
"""
from __future__ import annotations

import numpy as np
import scipy.sparse as sp
from scipy.special import expit
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold, PredefinedSplit, StratifiedKFold, cross_val_predict
from sklearn.utils.multiclass import check_classification_targets
from sklearn.utils.validation import _check_sample_weight, check_is_fitted, validate_data


def class_group_folds(y: np.ndarray, groups: np.ndarray, k: int, seed: int | None = 0) -> np.ndarray:
    """A fold number per row, for calibration folds that hold out whole groups of each class.

    The folds are ``min(k, fewest groups of a class that has two or more)`` (a class with one
    group does not count; if no class has two, the folds are 1). A class with at least that many
    groups has its groups dealt to the folds (largest first, onto the lightest fold); a class
    with fewer has its rows dealt at random, since holding out its only group would leave a fold
    with one class. Taking the fewest, not the most, keeps two state outlets apart when the
    controls come from dozens of outlets: with three folds their rows would be dealt at random,
    and the calibration would again trust outlet-specific vocabulary.
    """
    y, groups = np.asarray(y), np.asarray(groups)
    classes = np.unique(y)
    counts = [len(np.unique(groups[y == c])) for c in classes]
    several = [c for c in counts if c >= 2]
    n = min(k, min(several)) if len(y) and several else 0
    folds = np.zeros(len(y), dtype=int)
    if n < 2:
        return folds
    rng = np.random.default_rng(seed)
    for c in classes:
        rows = np.flatnonzero(y == c)
        names, sizes = np.unique(groups[rows], return_counts=True)
        if len(names) >= n:
            load = np.zeros(n)
            for i in np.argsort(-sizes, kind="stable"):
                j = int(np.argmin(load))
                load[j] += sizes[i]
                folds[rows[groups[rows] == names[i]]] = j
        else:
            folds[rows] = rng.permutation(len(rows)) % n
    return folds


class CalibratedLinearClassifier(ClassifierMixin, BaseEstimator):
    """Binary logistic regression with Platt calibration folded into its coefficients.

    ``cv`` folds give the out-of-fold scores that fit the calibration; pass ``groups`` to
    ``fit`` to keep related rows (same article, same outlet) in one fold. With
    ``stratify_groups=True`` the groups of each class are dealt to the folds separately
    (``class_group_folds``), so every fold holds out unseen groups of both classes even when
    a class has only two or three groups (a few outlets): the calibration then learns how much
    confidence survives a change of outlet.
    """

    def __init__(self, C: float = 1.0, class_weight: str | dict | None = "balanced", cv: int = 3,
                 max_iter: int = 2000, random_state: int | None = 0, stratify_groups: bool = False):
        self.C = C
        self.class_weight = class_weight
        self.cv = cv
        self.max_iter = max_iter
        self.random_state = random_state
        self.stratify_groups = stratify_groups

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.input_tags.sparse = True
        tags.classifier_tags.multi_class = False
        return tags

    def _lr(self) -> LogisticRegression:
        return LogisticRegression(C=self.C, class_weight=self.class_weight, max_iter=self.max_iter,
                                  random_state=self.random_state)

    def fit(self, X, y, groups=None, sample_weight=None):
        """``sample_weight``: how much each row counts (e.g. hand-labelled rows over distant
        labels); it weighs the model, its out-of-fold scores and the Platt fit alike."""
        X, y = validate_data(self, X, y, accept_sparse="csr")
        if sample_weight is not None:
            sample_weight = _check_sample_weight(sample_weight, X)
        check_classification_targets(y)
        self.classes_ = np.unique(y)
        if len(self.classes_) != 2:
            raise ValueError(f"Only binary classification is supported. y has {len(self.classes_)} "
                             f"classes: {self.classes_.tolist()[:5]}")
        yb = (y == self.classes_[1]).astype(int)
        lr = self._lr().fit(X, yb, sample_weight=sample_weight)
        self.n_iter_ = lr.n_iter_
        a, c = 1.0, 0.0
        n_splits = min(self.cv, int(np.bincount(yb).min()))
        if groups is not None and getattr(self, "stratify_groups", False):
            folds = class_group_folds(yb, np.asarray(groups), n_splits, self.random_state)
            splitter, groups, n_splits = PredefinedSplit(folds), None, len(np.unique(folds))
        elif groups is not None:
            n_splits = min(n_splits, len(np.unique(groups)))
            splitter = GroupKFold(max(n_splits, 2))
        else:
            splitter = StratifiedKFold(max(n_splits, 2), shuffle=True, random_state=self.random_state)
        if n_splits >= 2:
            params = None if sample_weight is None else {"sample_weight": sample_weight}
            oof = cross_val_predict(self._lr(), X, yb, cv=splitter, groups=groups, method="decision_function",
                                    params=params)
            platt = LogisticRegression(C=1e4, max_iter=1000).fit(oof.reshape(-1, 1), yb, sample_weight=sample_weight)
            a, c = float(platt.coef_[0, 0]), float(platt.intercept_[0])
            self.oof_decision_ = a * oof + c
        self.calibration_ = (a, c)
        self.coef_ = a * lr.coef_
        self.intercept_ = a * lr.intercept_ + c
        return self

    def decision_function(self, X) -> np.ndarray:
        check_is_fitted(self)
        X = validate_data(self, X, accept_sparse="csr", reset=False)
        return np.asarray(X @ self.coef_.ravel()).ravel() + self.intercept_[0]

    def predict_proba(self, X) -> np.ndarray:
        p = expit(self.decision_function(X))
        return np.column_stack([1 - p, p])

    def predict(self, X) -> np.ndarray:
        d = self.decision_function(X)
        return self.classes_[(d > 0).astype(int)]

    def contributions(self, X) -> np.ndarray | sp.csr_matrix:
        """Each feature's additive share of the calibrated log-odds, row by row."""
        check_is_fitted(self)
        X = validate_data(self, X, accept_sparse="csr", reset=False)
        if sp.issparse(X):
            return sp.csr_matrix(X.multiply(self.coef_.ravel()))
        return X * self.coef_.ravel()
