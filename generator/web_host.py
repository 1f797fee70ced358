"""The host part of base_url (its netloc: 'example.org:8080'): why its port or host name
cannot be published as typed, as 'what is wrong; how to write it', the fix naming the
address to write (web_address.problem asks)."""

from __future__ import annotations

from urllib.parse import urlsplit


def port_problem(scheme: str, host: str, path: str) -> str:
    """Why the port of `host` (netloc) is not one, as 'what; how to write it'; '' if it is.
    Two ports (`example.org:443:443`) are named as two, with the address with each."""
    if several := _ports_problem(scheme, host, path):
        return several
    try:
        port = urlsplit(f"http://{host}/").port
    except ValueError:
        port = -1
    written = host.rpartition(":")[2]
    if port is None or 1 <= port <= 65535:
        return ""
    if not written.isdigit():
        return "has a port that is not a number; write it like https://example.org:8080/"
    bare = host.rpartition(":")[0]
    return (
        f"has port {written}, which is out of range (a port is a number from 1 to 65535); "
        f"write a port in that range, or none: {scheme}://{bare}{path or '/'}"
    )


def _ports_problem(scheme: str, host: str, path: str) -> str:
    """'has two ports ...' for a host with more than one ':NUMBER' after its name (not in
    an IPv6 address's brackets); '' otherwise."""
    name, *ports = host.rpartition("@")[2].split(":")
    if len(ports) < 2 or name.startswith("[") or not all(p.isdigit() for p in ports):
        return ""
    count = {2: "two", 3: "three"}.get(len(ports), str(len(ports)))
    offers = " or ".join(f"{scheme}://{name}:{p}{path or '/'}" for p in dict.fromkeys(ports))
    return (
        f"has {count} ports ({':'.join(ports)}), and an address has one at most; write "
        f"it with one: {offers}"
    )


def host_problem(scheme: str, host: str, path: str) -> str:
    """A user name or password, or a ':' with no port, in base_url's host part."""
    if "@" in host:
        return (
            "has a user name before its host name (the part before '@'), which would be "
            f"published in every link; write it without: {scheme}://{host.rsplit('@', 1)[1]}{path}"
        )
    if host.endswith(":"):
        return f"has a ':' with no port number after it; write it without: {scheme}://{host[:-1]}{path}"
    return ""
