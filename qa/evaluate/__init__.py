"""Evaluate: pure metrics, the gold-set harness with calibration and reports, and the SQuAD benchmarks.

Modules: ``metrics`` (SQuAD EM/F1, retrieval, calibration figures), ``harness``, ``squad`` (loader, fixed splits).
"""
