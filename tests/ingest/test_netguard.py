"""Address classification as a pure function (literal IPs only: nothing is resolved)."""

from __future__ import annotations

import time

import pytest

from storyline.ingest.netguard import (
    DeadlineExceeded,
    RefusedAddress,
    address_kind,
    check_addresses,
    deadline_scope,
    remaining,
)


@pytest.mark.parametrize(("address", "kind"), [
    ("127.0.0.1", "loopback"), ("127.8.9.10", "loopback"), ("::1", "loopback"),
    ("10.1.2.3", "private"), ("172.16.0.1", "private"), ("192.168.1.1", "private"),
    ("fc00::1", "private"), ("fd12:3456::1", "private"),
    ("169.254.169.254", "link-local"), ("fe80::1", "link-local"), ("fe80::1%eth0", "link-local"),
    ("224.0.0.1", "multicast"), ("239.1.2.3", "multicast"), ("ff02::1", "multicast"),
    ("0.0.0.0", "unspecified"), ("::", "unspecified"),
    ("240.0.0.1", "reserved"), ("255.255.255.255", "reserved"),
    ("100.64.0.1", "non-public"),
    # IPv6 forms that carry an IPv4 address are judged by it.
    ("::ffff:127.0.0.1", "loopback"), ("::ffff:10.0.0.1", "private"),
    ("::ffff:169.254.169.254", "link-local"), ("2002:7f00:1::", "loopback"),
    ("64:ff9b::a00:1", "private"),
])
def test_non_public_addresses(address: str, kind: str) -> None:
    assert address_kind(address) == kind


@pytest.mark.parametrize("address", ["93.184.216.34", "8.8.8.8", "2606:4700:4700::1111",
                                     "::ffff:8.8.8.8", "64:ff9b::808:808"])
def test_public_addresses(address: str) -> None:
    assert address_kind(address) is None


def test_every_address_is_checked_not_only_the_first() -> None:
    check_addresses("news.test", ["8.8.8.8", "2606:4700:4700::1111"])
    with pytest.raises(RefusedAddress, match=r"news.test resolves to ::ffff:127.0.0.1, "
                                             r"a loopback address"):
        check_addresses("news.test", ["8.8.8.8", "::ffff:127.0.0.1"])
    with pytest.raises(RefusedAddress, match=r"^10.0.0.1 is a private address$"):
        check_addresses("10.0.0.1", ["10.0.0.1"])


def test_deadline_bounds_every_wait() -> None:
    assert remaining(5.0) == 5.0  # no deadline set
    with deadline_scope(0.05):
        assert remaining(5.0) <= 0.05
        time.sleep(0.06)
        with pytest.raises(DeadlineExceeded):
            remaining(5.0)
