"""The project's exceptions. Each message says what went wrong and what to do about it."""


class QAError(Exception):
    """Base class of every error the core raises on purpose."""


class ConfigError(QAError):
    """A setting is missing or out of range."""


class InvalidRequestError(QAError):
    """The question is empty or too long, or a parameter is out of range."""


class IndexStateError(QAError):
    """Base class for problems with the on-disk index."""


class IndexMissingError(IndexStateError):
    """No index has been built yet."""


class IndexCorruptError(IndexStateError):
    """The index files are damaged or incomplete."""


class IndexMismatchError(IndexStateError):
    """The index was built with other settings (model, chunking, format)."""


class RebuildInProgressError(QAError):
    """Another process or thread is rebuilding the index right now."""
