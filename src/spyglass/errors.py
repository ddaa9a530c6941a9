"""User-facing errors: each carries one line that the CLI and the API show as is."""


class SpyglassError(Exception):
    """A failure the user can act on; `str(err)` is the one line shown."""


class InputError(SpyglassError):
    """An input (file, URL, feed, payload) that cannot be read; names the input and the reason."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason
