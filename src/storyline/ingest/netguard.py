"""Which addresses a URL may be fetched from, and a connection backend that enforces it.

A URL given to ``storyline run`` (or a page it redirects to) must not make storyline
talk to the machine it runs on or to its private network: a hostile feed could
otherwise probe internal services. Every address a name resolves to is checked, and
the connection goes to the address that was checked, so a name that answers a public
address to the check and a private one to the connect (DNS rebinding) gains nothing.

The same backend bounds every network wait by a per-URL deadline (``deadline_scope``),
because httpx's timeout is per read: a server sending a byte a second never trips it.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

import httpcore

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

ALLOW_HINT = "pass --allow-private to `storyline run` or set [ingest].allow_private = true"
# NAT64 well-known prefix: the last 32 bits are an IPv4 address reached through a gateway.
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_DEADLINE: ContextVar[float | None] = ContextVar("storyline_http_deadline", default=None)


class RefusedAddress(Exception):
    """A host resolves to an address storyline does not fetch from by default."""

    def __init__(self, host: str, address: str, kind: str) -> None:
        article = "an" if kind[0] in "aeiou" else "a"
        what = f"{article} {kind} address"
        super().__init__(f"{host} is {what}" if host.strip("[]") == address
                         else f"{host} resolves to {address}, {what}")
        self.host, self.address, self.kind = host, address, kind


class DeadlineExceeded(Exception):
    """The per-URL deadline passed before the response was complete."""


def address_kind(address: str | IPAddress) -> str | None:
    """Say why ``address`` is not a public internet address, or ``None`` when it is.

    Args:
        address: An IPv4 or IPv6 literal (a ``%zone`` suffix is ignored).

    Returns:
        "loopback", "private", "link-local", "multicast", "reserved", "unspecified" or
        "non-public"; ``None`` for a global unicast address. An IPv6 address that
        embeds an IPv4 one (IPv4-mapped, 6to4, NAT64) is judged by the IPv4 address.
    """
    ip = ipaddress.ip_address(address.split("%", 1)[0]) if isinstance(address, str) else address
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = ip.ipv4_mapped or ip.sixtofour
        if embedded is None and ip in _NAT64:
            embedded = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
        if embedded is not None:
            return address_kind(embedded)
    checks = (("unspecified", ip.is_unspecified), ("loopback", ip.is_loopback),
              ("link-local", ip.is_link_local), ("multicast", ip.is_multicast),
              ("reserved", ip.is_reserved), ("private", ip.is_private))
    for kind, matches in checks:
        if matches:
            return kind
    # Shared (100.64/10), documentation and other special ranges are not global either.
    return None if ip.is_global else "non-public"


def resolve(host: str, port: int) -> list[str]:
    """Return the addresses ``host`` resolves to for a TCP connection, in resolver order."""
    found: list[str] = []
    for *_, sockaddr in socket.getaddrinfo(host, port, type=socket.SOCK_STREAM):
        address = str(sockaddr[0])
        if address not in found:
            found.append(address)
    return found


def check_addresses(host: str, addresses: Iterable[str]) -> None:
    """Raise :class:`RefusedAddress` when any of ``addresses`` is not public.

    Every address is checked, not only the first: a client may fall back to any of them.
    """
    for address in addresses:
        kind = address_kind(address)
        if kind is not None:
            raise RefusedAddress(host, address, kind)


@contextmanager
def deadline_scope(seconds: float) -> Iterator[None]:
    """Bound every connect, read and write made inside the block to ``seconds`` in total."""
    token = _DEADLINE.set(time.monotonic() + seconds)
    try:
        yield
    finally:
        _DEADLINE.reset(token)


def deadline_passed() -> bool:
    """True inside a :func:`deadline_scope` whose deadline has passed."""
    deadline = _DEADLINE.get()
    return deadline is not None and time.monotonic() >= deadline


def remaining(timeout: float | None) -> float | None:
    """The smaller of ``timeout`` and the time left before the current deadline.

    Raises:
        DeadlineExceeded: The deadline has passed.
    """
    deadline = _DEADLINE.get()
    if deadline is None:
        return timeout
    left = deadline - time.monotonic()
    if left <= 0:
        raise DeadlineExceeded
    return left if timeout is None else min(timeout, left)


class _BoundedStream(httpcore.NetworkStream):
    """A stream whose every wait ends at the current deadline."""

    def __init__(self, stream: httpcore.NetworkStream) -> None:
        self._stream = stream

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._stream.read(max_bytes, remaining(timeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._stream.write(buffer, remaining(timeout))

    def close(self) -> None:
        self._stream.close()

    def start_tls(self, ssl_context: Any, server_hostname: str | None = None,
                  timeout: float | None = None) -> httpcore.NetworkStream:
        # The TLS handshake gets one overall timeout from the ssl module, so bounding
        # it by the time left keeps it inside the deadline too.
        return _BoundedStream(self._stream.start_tls(ssl_context, server_hostname,
                                                     remaining(timeout)))

    def get_extra_info(self, info: str) -> Any:
        return self._stream.get_extra_info(info)


class GuardedBackend(httpcore.NetworkBackend):
    """Resolves, checks and connects to the checked address; bounds waits by the deadline."""

    def __init__(self, allow_private: bool) -> None:
        self._allow_private = allow_private
        self._backend = httpcore.SyncBackend()

    def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                    local_address: str | None = None,
                    socket_options: Iterable[Any] | None = None) -> httpcore.NetworkStream:
        """Connect to the first reachable address of ``host``, once all of them passed.

        Raises:
            RefusedAddress: An address is not public (and private ones are not allowed).
            httpcore.ConnectError: The name does not resolve or no address answers.
        """
        try:
            addresses = resolve(host, port)
        except OSError as exc:
            raise httpcore.ConnectError(f"cannot resolve {host}: {exc}") from exc
        if not self._allow_private:
            check_addresses(host, addresses)
        error: Exception = httpcore.ConnectError(f"{host} resolves to no address")
        for address in addresses:
            try:
                stream = self._backend.connect_tcp(address, port, remaining(timeout),
                                                   local_address, socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                error = exc
                continue
            return _BoundedStream(stream)
        raise error

    def connect_unix_socket(self, path: str, timeout: float | None = None,
                            socket_options: Iterable[Any] | None = None
                            ) -> httpcore.NetworkStream:
        """Refuse: a URL never names a unix socket."""
        raise httpcore.ConnectError("unix sockets are not used for URLs")

    def sleep(self, seconds: float) -> None:
        """Sleep (httpcore waits between retries with this)."""
        self._backend.sleep(seconds)
