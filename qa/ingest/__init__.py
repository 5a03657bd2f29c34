"""Ingest: read the files of the seeds folder into ``Document`` records (raw text + content spans).

Exports ``read_corpus``, ``read_document``, ``Corpus`` and ``Skipped`` (from ``qa.ingest.files``).
"""
