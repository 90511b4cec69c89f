"""The calibrated linear classifier: sklearn conventions, exact contributions, calibration."""
from __future__ import annotations

import numpy as np
import pytest
import scipy.sparse as sp
from sklearn.utils.estimator_checks import parametrize_with_checks

from labeler.model.evaluate import expected_calibration_error
from labeler.model.linear import CalibratedLinearClassifier


@parametrize_with_checks(
    [CalibratedLinearClassifier()],
    expected_failed_checks=lambda est: {
        "check_class_weight_classifiers": "calibration deliberately maps class-weighted scores back to "
                                          "observed frequencies, so extreme class weights do not move predictions",
        "check_sample_weight_equivalence_on_dense_data": "calibration folds are made from the rows, so a row "
                                                         "of weight 2 and two copies of it fall in different folds",
        "check_sample_weight_equivalence_on_sparse_data": "as for dense data",
    },
)
def test_sklearn_conventions(estimator, check):
    check(estimator)


def _data(n=3000, seed=0):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, 5))
    logit = X @ np.array([1.5, -1.0, 0.5, 0.0, 0.0]) - 1.0
    y = (rng.random(n) < 1 / (1 + np.exp(-logit))).astype(int)
    return X, y


@pytest.mark.parametrize("sparse", [False, True])
def test_contributions_add_up_to_the_calibrated_log_odds(sparse):
    X, y = _data()
    Xs = sp.csr_matrix(X) if sparse else X
    m = CalibratedLinearClassifier().fit(Xs, y)
    contrib = m.contributions(Xs)
    total = np.asarray(contrib.sum(axis=1)).ravel() + m.intercept_[0]
    np.testing.assert_allclose(total, m.decision_function(Xs), rtol=1e-9, atol=1e-9)


def test_balanced_class_weights_do_not_spoil_calibration_on_held_out_data():
    X, y = _data(6000)
    m = CalibratedLinearClassifier(class_weight="balanced").fit(X[:3000], y[:3000])
    assert expected_calibration_error(y[3000:], m.predict_proba(X[3000:])[:, 1]) <= 0.05


def test_more_than_two_classes_is_refused_with_the_class_list():
    X, _ = _data(60)
    with pytest.raises(ValueError, match="Only binary classification is supported"):
        CalibratedLinearClassifier().fit(X, np.arange(60) % 3)


def test_nb_ratios_fold_into_the_sentence_classifier_weights():
    """NB-SVM scales each n-gram by its log-count ratio; the fitted weights absorb the ratios,
    so the plain feature matrix gives the same decision as the scaled one."""
    from sklearn.linear_model import LogisticRegression

    from labeler.model.sentence import LoadedSentenceModel, _log_count_ratio

    rng = np.random.default_rng(0)
    X = sp.csr_matrix(rng.random((200, 30)) * (rng.random((200, 30)) < 0.2))
    y = (np.asarray(X[:, :3].sum(axis=1)).ravel() > 0.1).astype(int)
    clf = LoadedSentenceModel(nb=True)._fit_text(X, y)
    r = _log_count_ratio(X, y)
    ref = LogisticRegression(C=1.0, class_weight="balanced", max_iter=3000, random_state=0).fit(X.multiply(r).tocsr(), y)
    np.testing.assert_allclose(clf.decision_function(X), ref.decision_function(X.multiply(r).tocsr()), atol=1e-9)
    assert not np.allclose(r, 0)


def test_class_group_folds_hold_out_whole_groups_of_each_class():
    """Two outlets per class: each fold holds out one outlet of each class, whole."""
    from labeler.model.linear import class_group_folds

    y = np.array([1] * 30 + [1] * 20 + [0] * 25 + [0] * 10)
    g = np.array(["a"] * 30 + ["b"] * 20 + ["c"] * 25 + ["d"] * 10)
    folds = class_group_folds(y, g, 3)
    assert sorted(set(folds)) == [0, 1]
    for name in "abcd":
        assert len(set(folds[g == name])) == 1
    for f in (0, 1):
        assert set(y[folds == f]) == {0, 1}


def test_class_group_folds_split_the_rows_of_a_class_with_one_group():
    from labeler.model.linear import class_group_folds

    y = np.array([1] * 20 + [0] * 20 + [0] * 20)
    g = np.array(["only"] * 20 + ["c"] * 20 + ["d"] * 20)
    folds = class_group_folds(y, g, 3)
    assert len(set(folds[g == "only"])) == 2
    assert len(set(folds[g == "c"])) == len(set(folds[g == "d"])) == 1



def test_stratified_group_calibration_fits_with_two_groups_per_class():
    """Two outlets per class (the outlet-disjoint state-media splits): out-of-fold scores exist
    for every row and the calibrated model still ranks held-out rows."""
    from sklearn.metrics import roc_auc_score

    X, y = _data(2000)
    odd = np.arange(2000) % 2 == 1
    g = np.where(y == 1, np.where(odd, "p1", "p2"), np.where(odd, "n1", "n2"))
    m = CalibratedLinearClassifier(stratify_groups=True).fit(X[:1000], y[:1000], groups=g[:1000])
    assert len(m.oof_decision_) == 1000
    assert roc_auc_score(y[1000:], m.predict_proba(X[1000:])[:, 1]) >= 0.75


def test_class_group_folds_keep_two_outlets_apart_beside_many_control_outlets():
    """Two state outlets against dozens of control outlets: the folds follow the class with
    fewer groups, so each state outlet is still held out whole."""
    from labeler.model.linear import class_group_folds

    y = np.array([1] * 40 + [0] * 60)
    g = np.array(["a"] * 20 + ["b"] * 20 + [f"n{i}" for i in range(60)])
    folds = class_group_folds(y, g, 3)
    assert sorted(set(folds)) == [0, 1]
    assert len(set(folds[g == "a"])) == len(set(folds[g == "b"])) == 1
    assert set(folds[g == "a"]) != set(folds[g == "b"])


def test_f1_and_ece_come_with_a_bootstrap_interval_that_holds_the_figure():
    from labeler.model.evaluate import binary_metrics

    rng = np.random.default_rng(1)
    p = rng.random(400)
    y = (rng.random(400) < p).astype(int)  # calibrated by construction
    m = binary_metrics(y, p)
    for measure in ("f1", "ece"):
        lo, hi = m[f"{measure}_interval"]
        assert lo <= m[measure] <= hi and hi - lo > 0
    assert binary_metrics(y[:10], p[:10])["ece_interval"] is None  # too few to resample
    assert binary_metrics(y, p) == m  # seeded: the same figures twice


def test_sample_weight_shifts_the_fit_towards_the_weighted_rows():
    X, y = _data()
    w = np.where(X[:, 3] > 0, 10.0, 1.0)  # a feature with no effect, except in the rows weighed up
    y2 = np.where(X[:, 3] > 0, 1, y)
    plain = CalibratedLinearClassifier().fit(X, y2)
    weighted = CalibratedLinearClassifier().fit(X, y2, sample_weight=w)
    assert weighted.coef_[0, 3] > plain.coef_[0, 3] > 0
