"""Evidence link validation and normalization."""

from __future__ import annotations

import pytest

from workbench.core.errors import LinkError
from workbench.core.net.links import normalize_url


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.org", "https://example.org/"),
        ("HTTP://Example.ORG:80/a/b?x=1#frag", "http://example.org/a/b?x=1#frag"),
        ("https://example.org/p#", "https://example.org/p"),
        (
            "https://Example.org/p#:~:text=more%20than%20100,000",
            "https://example.org/p#:~:text=more%20than%20100,000",
        ),
        ("https://example.org/p#caf\u00e9", "https://example.org/p#caf%C3%A9"),
        ("https://example.org:443/", "https://example.org/"),
        ("https://example.org:8443/p", "https://example.org:8443/p"),
        ("  https://example.org/p?  ", "https://example.org/p"),
        ("https://bücher.de/x", "https://xn--bcher-kva.de/x"),
        ("https://[2001:db8::1]/x", "https://[2001:db8::1]/x"),
        ("https://example.org/%7Euser", "https://example.org/%7Euser"),
    ],
)
def test_normalizes(url, expected):
    assert normalize_url(url) == expected
    assert normalize_url(expected) == expected  # idempotent


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("javascript:alert(1)", "only http and https"),
        ("JaVaScRiPt:alert(1)", "only http and https"),
        ("file:///etc/passwd", "only http and https"),
        ("data:text/html,<script>x</script>", "only http and https"),
        ("ftp://example.org/x", "only http and https"),
        ("/relative/path", "not an absolute URL"),
        ("example.org/x", "not an absolute URL"),
        ("//example.org/x", "not an absolute URL"),
        ("http://", "no host"),
        ("https://exa mple.org", "spaces"),
        ("https://example.org/\x1b[31mred", "control"),
        ("https://example.org\\@evil.example", "backslash"),
        ("http://user:pw@example.org/", "user name"),
        ("http://example.org:99999/", "not a valid URL"),
        ("http://[::1/", "not a valid URL"),
        ("https://-bad-.example/", "invalid host"),
        ("", "empty"),
        ("https://example.org/" + "a" * 5000, "longer"),
    ],
)
def test_refuses(url, reason):
    with pytest.raises(LinkError, match=reason) as err:
        normalize_url(url)
    assert "\x1b" not in str(err.value) and "\n" not in str(err.value)
