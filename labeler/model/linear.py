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
from sklearn.model_selection import GroupKFold, StratifiedKFold, cross_val_predict
from sklearn.utils.multiclass import check_classification_targets
from sklearn.utils.validation import check_is_fitted, validate_data


class CalibratedLinearClassifier(ClassifierMixin, BaseEstimator):
    """Binary logistic regression with Platt calibration folded into its coefficients.

    ``cv`` folds give the out-of-fold scores that fit the calibration; pass ``groups`` to
    ``fit`` to keep related rows (same article, same outlet) in one fold.
    """

    def __init__(self, C: float = 1.0, class_weight: str | dict | None = "balanced", cv: int = 3,
                 max_iter: int = 2000, random_state: int | None = 0):
        self.C = C
        self.class_weight = class_weight
        self.cv = cv
        self.max_iter = max_iter
        self.random_state = random_state

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.input_tags.sparse = True
        tags.classifier_tags.multi_class = False
        return tags

    def _lr(self) -> LogisticRegression:
        return LogisticRegression(C=self.C, class_weight=self.class_weight, max_iter=self.max_iter,
                                  random_state=self.random_state)

    def fit(self, X, y, groups=None):
        X, y = validate_data(self, X, y, accept_sparse="csr")
        check_classification_targets(y)
        self.classes_ = np.unique(y)
        if len(self.classes_) != 2:
            raise ValueError(f"Only binary classification is supported. y has {len(self.classes_)} "
                             f"classes: {self.classes_.tolist()[:5]}")
        yb = (y == self.classes_[1]).astype(int)
        lr = self._lr().fit(X, yb)
        self.n_iter_ = lr.n_iter_
        a, c = 1.0, 0.0
        n_splits = min(self.cv, int(np.bincount(yb).min()))
        if groups is not None:
            n_splits = min(n_splits, len(np.unique(groups)))
        if n_splits >= 2:
            splitter = (GroupKFold(n_splits) if groups is not None
                        else StratifiedKFold(n_splits, shuffle=True, random_state=self.random_state))
            oof = cross_val_predict(self._lr(), X, yb, cv=splitter, groups=groups, method="decision_function")
            platt = LogisticRegression(C=1e4, max_iter=1000).fit(oof.reshape(-1, 1), yb)
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
