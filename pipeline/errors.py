"""Expected failures: each carries a one-line message fit for a user."""


class PipelineError(Exception):
    """Base class of every error the pipeline reports without a traceback."""


class InputError(PipelineError):
    """A source file cannot be used: empty, binary, undecodable or without content."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class ConfigError(PipelineError):
    """A configuration or topic file is malformed."""
