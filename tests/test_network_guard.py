import socket

import pytest

from tests.conftest import OutboundConnectionBlocked


def test_outbound_connection_is_blocked() -> None:
    with pytest.raises(OutboundConnectionBlocked):
        socket.create_connection(("93.184.216.34", 80), timeout=1)


def test_dns_lookup_is_blocked() -> None:
    with pytest.raises(OutboundConnectionBlocked):
        socket.getaddrinfo("example.com", 443)


def test_loopback_is_allowed() -> None:
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    port = server.getsockname()[1]
    client = socket.create_connection(("127.0.0.1", port), timeout=1)
    client.close()
    server.close()
