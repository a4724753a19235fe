"""Loaded at interpreter start (via PYTHONPATH) to forbid network access in a child process.

Any attempt to connect or resolve a name outside loopback raises, so a test that
runs the pipeline under it proves nothing is fetched at run time.
"""

import socket

_LOOPBACK = ("127.", "::1", "localhost")
_connect = socket.socket.connect


def _guarded_connect(self: socket.socket, address: object) -> None:
    host = address[0] if isinstance(address, tuple) else str(address)
    if isinstance(host, str) and not host.startswith(_LOOPBACK) and self.family != socket.AF_UNIX:
        raise OSError(f"network access attempted at run time: {address!r}")
    _connect(self, address)


def _guarded_getaddrinfo(host: object, *args: object, **kwargs: object) -> list:
    if isinstance(host, str) and not host.startswith(_LOOPBACK):
        raise OSError(f"network name lookup attempted at run time: {host!r}")
    return _getaddrinfo(host, *args, **kwargs)


_getaddrinfo = socket.getaddrinfo
socket.socket.connect = _guarded_connect  # type: ignore[method-assign]
socket.getaddrinfo = _guarded_getaddrinfo  # type: ignore[assignment]
