"""Fetch one URL with httpx: timeouts, an overall deadline, a streamed size cap, bounded redirects,
a content-type check and, for servers, refusal of loopback/private/link-local targets after DNS resolution."""

import ipaddress
import socket
import time

import httpx

from spyglass import __version__
from spyglass.errors import InputError
from spyglass.ingest.cues import format_cues
from spyglass.ingest.limits import Limits
from spyglass.ingest.payload import Payload

_SCHEMES = ("http://", "https://")
_HEADERS = {"User-Agent": f"spyglass/{__version__} (+article reader)", "Accept": "text/html,application/xml,*/*;q=0.5"}


def is_url(source: str) -> bool:
    return source.lower().startswith(_SCHEMES)


def fetch(source: str, limits: Limits) -> Payload:
    """The body of `source`, following at most `limits.max_redirects` redirects."""
    deadline = time.monotonic() + limits.timeout
    url = source
    try:
        with httpx.Client(timeout=limits.timeout, follow_redirects=False, headers=_HEADERS) as client:
            for _ in range(limits.max_redirects + 1):
                if not is_url(url):
                    raise InputError(source, f"refused redirect to a non-http URL: {url}")
                if not limits.allow_private:
                    _refuse_private(source, url)
                with client.stream("GET", url) as response:
                    if response.is_redirect and "location" in response.headers:
                        url = str(response.url.join(response.headers["location"]))
                        continue
                    return _body(source, response, limits, deadline)
    except httpx.TimeoutException:
        raise InputError(source, f"timed out after {limits.timeout:g} s") from None
    except (httpx.HTTPError, httpx.InvalidURL) as err:
        raise InputError(source, f"cannot fetch: {err}") from None
    raise InputError(source, f"more than {limits.max_redirects} redirects")


def _body(source: str, response: httpx.Response, limits: Limits, deadline: float) -> Payload:
    if response.status_code >= 400:
        raise InputError(source, f"HTTP {response.status_code} {response.reason_phrase}")
    media_type = response.headers.get("content-type", "").partition(";")[0].strip().lower()
    if media_type and media_type not in format_cues().content_types:
        raise InputError(source, f"unsupported content type {media_type}")
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limits.max_bytes:
        raise InputError(source, limits.too_big(int(declared)))
    data = bytearray()
    for chunk in response.iter_bytes():
        data += chunk
        if len(data) > limits.max_bytes:
            raise InputError(source, limits.too_big(len(data)))
        if time.monotonic() > deadline:
            raise httpx.ReadTimeout("overall deadline", request=response.request)
    return Payload(source, bytes(data), url=str(response.url), charset=response.charset_encoding)


def _refuse_private(source: str, url: str) -> None:
    """Refuse a URL whose host resolves to any address that is not globally routable."""
    parsed = httpx.URL(url)
    host = parsed.host
    try:
        infos = socket.getaddrinfo(host, parsed.port or (443 if parsed.scheme == "https" else 80))
    except (socket.gaierror, UnicodeError) as err:
        raise InputError(source, f"cannot resolve host {host}: {err}") from None
    for *_, sockaddr in infos:
        address = ipaddress.ip_address(str(sockaddr[0]).split("%")[0])
        mapped = getattr(address, "ipv4_mapped", None) or address
        if not mapped.is_global:
            raise InputError(source, f"refused: {host} resolves to a non-public address ({address})")
