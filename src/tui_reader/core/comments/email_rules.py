"""WordPress's `is_email()` (wp-includes/formatting.php), ported rule for rule.

The comment server runs this exact check, so the composer must accept and reject the same
addresses: no RFC 5322, no internationalised addresses, no TLD list. PHP works on bytes, so the
length rule counts UTF-8 bytes and the character classes are ASCII-only.
"""

from __future__ import annotations

import re

# PHP trim()'s default character list: space, \t, \n, \r, NUL, vertical tab. Not str.strip(),
# which also removes Unicode spaces (a comment of only U+00A0 is not empty for WordPress).
PHP_TRIM_CHARS = " \t\n\r\0\x0b"

# PHP's `$` (no D modifier) also matches just before a final "\n", Python's `\Z` does not.
# The only place where that changes the outcome is a local part ending in "\n" ("ab\n@x.com"):
# a trailing newline in the domain or a label is already rejected by the trim() rules. WordPress
# accepts such an address and then silently strips the newline with sanitize_email(), so the
# comment would be stored under another address than the one typed. We reject it by default
# (strict `\Z`); `php_dollar=True` reproduces PHP exactly, for the record and the tests.
_LOCAL_STRICT = re.compile(r"[a-zA-Z0-9!#$%&'*+/=?^_`{|}~.-]+\Z")
_LOCAL_PHP = re.compile(r"[a-zA-Z0-9!#$%&'*+/=?^_`{|}~.-]+$")
# Explicit a-zA-Z rather than re.IGNORECASE: in Unicode mode [a-z] with IGNORECASE also matches
# "K" (U+212A KELVIN SIGN) and "ſ" (U+017F), which PHP's byte regex never does.
_LABEL_STRICT = re.compile(r"[a-zA-Z0-9-]+\Z")
_LABEL_PHP = re.compile(r"[a-zA-Z0-9-]+$")


def php_trim(s: str, chars: str = PHP_TRIM_CHARS) -> str:
    """PHP trim(): strip `chars` (default: PHP's whitespace list) from both ends."""
    return s.strip(chars)


def is_email(email: str, *, php_dollar: bool = False) -> bool:
    """True when WordPress's is_email() accepts `email` (see the module docstring)."""
    local_re, label_re = (_LOCAL_PHP, _LABEL_PHP) if php_dollar else (_LOCAL_STRICT, _LABEL_STRICT)
    # 1. strlen() < 6, in bytes.
    if len(email.encode("utf-8", "surrogatepass")) < 6:
        return False
    # 2. strpos($email, '@', 1): an "@" that is not the first character.
    if email.find("@", 1) == -1:
        return False
    # 3. explode('@', $email, 2): split at the first "@" (which may still be at position 0).
    local, domain = email.split("@", 1)
    # 4. local part: a fixed ASCII set, dots anywhere (even leading, trailing or doubled).
    if not local_re.match(local):
        return False
    # 5. no run of periods in the domain.
    if ".." in domain:
        return False
    # 6. no leading/trailing period or whitespace.
    if php_trim(domain, PHP_TRIM_CHARS + ".") != domain:
        return False
    # 7. at least two labels.
    labels = domain.split(".")
    if len(labels) < 2:
        return False
    # 8. each label: no leading/trailing hyphen or whitespace, letters/digits/hyphens only.
    for label in labels:
        if php_trim(label, PHP_TRIM_CHARS + "-") != label:
            return False
        if not label_re.match(label):
            return False
    return True
