"""HTTP transport: one urllib3 pool per client, SDK exceptions instead of urllib3's.

urllib3 is imported when the first client is made, not with this package: with the ssl, http.client
and email modules it brings, it used to be most of the time ``import airflow_python_sdk`` takes (a
script, a CLI's ``--help`` or a DAG file that only imports the SDK does not pay for it).
"""

from __future__ import annotations

import logging
import re
import time
import warnings
from collections.abc import Iterable, Mapping
from functools import cache
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urljoin, urlsplit
from urllib.request import getproxies_environment, proxy_bypass_environment  # type: ignore[attr-defined]

from airflow_python_sdk.auth import NO_CREDENTIALS, AuthProvider, RequestInfo, SettingsAuth
from airflow_python_sdk.configuration import (
    DEFAULT_BACKOFF_FACTOR,
    DEFAULT_RETRY_METHODS,
    Configuration,
    Timeout,
    redact_url,
)
from airflow_python_sdk.exceptions import (
    ApiConnectionError,
    ApiSSLError,
    ApiTimeoutError,
    ApiValueError,
    ForbiddenException,
    UnauthorizedException,
    exception_for_status,
)

if TYPE_CHECKING:
    import urllib3
    from urllib3.util import Retry

__all__ = ["RESTClientObject", "RESTResponse", "RETRY_STATUSES", "BACKOFF_MAX", "make_retry", "redact_url"]

log = logging.getLogger("airflow_python_sdk")

RENEWABLE_403 = frozenset({"Invalid JWT token"})
"""403 details that mean "this token is no good" rather than "this user may not": Airflow 3 answers 401 only for an
expired JWT and 403 with this detail for any other invalid one (revoked at logout, signed by a rotated key)."""
RETRY_STATUSES = frozenset({429, 502, 503, 504})
"""Answers that mean "try again later": rate limited, or a proxy or server briefly unavailable."""
MAX_REDIRECTS = 5
_PLAIN_URL = re.compile(r"(https?://[^/?#@\s]+)((?:/(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9A-F]{2})*)?)")
"""A URL as the SDK builds one: its origin, then a path and query percent-encoded (urllib3 leaves them as they are)."""
_MAX_ORIGINS = 64
_REPEATABLE = frozenset({"GET", "HEAD", "OPTIONS"})
"""Methods sent on the short path (no body, so a redirect is followed as the same method); others go urllib3's way."""
BACKOFF_JITTER = 0.25
BACKOFF_MAX = 30.0
"""No wait between tries is longer, a server's Retry-After included."""


@cache
def _retry_class() -> type[Retry]:
    """The class of the retry policies :func:`make_retry` makes, defined once urllib3 is imported."""
    from urllib3.util import Retry

    class _Retry(Retry):
        """urllib3's Retry, with the server's Retry-After capped at :data:`BACKOFF_MAX`."""

        def parse_retry_after(self, retry_after: str) -> float:
            return min(super().parse_retry_after(retry_after), BACKOFF_MAX)

    return _Retry


def make_retry(
    retries: int | Retry, methods: frozenset[str] = DEFAULT_RETRY_METHODS, secret_headers: Iterable[str] = ()
) -> Retry:
    """The retry policy for a retry count (a ``Retry`` is used as given).

    Connection failures (nothing was sent) are retried for every method; read failures and the
    statuses in :data:`RETRY_STATUSES` only for ``methods``. Waits grow exponentially with jitter,
    or follow the server's Retry-After. A redirect to another host drops the credential headers
    (Authorization, cookies, and ``secret_headers`` such as API-key headers).
    """
    from urllib3.util import Retry

    if isinstance(retries, Retry):
        return retries
    return _retry_class()(
        remove_headers_on_redirect=Retry.DEFAULT_REMOVE_HEADERS_ON_REDIRECT | set(secret_headers),
        total=None,
        connect=retries,
        read=retries,
        status=retries,
        other=0,
        redirect=MAX_REDIRECTS,
        allowed_methods=methods,
        status_forcelist=RETRY_STATUSES,
        backoff_factor=DEFAULT_BACKOFF_FACTOR,
        backoff_jitter=BACKOFF_JITTER,
        backoff_max=BACKOFF_MAX,
        respect_retry_after_header=True,
        raise_on_status=False,
    )


@cache
def _pool_manager_class() -> type[urllib3.PoolManager]:
    """The class of the clients' pool managers, defined once urllib3 is imported."""
    import urllib3
    from urllib3.util import Retry, parse_url

    class _PoolManager(urllib3.PoolManager):
        """urllib3's PoolManager, remembering the connection pool of each host (else found by a key built from
        every connection setting, per request) and the parse of each origin (scheme, host and port): a URL
        the SDK built, percent-encoded already, is cut at its path instead of parsed again."""

        def __init__(self, **options: Any) -> None:
            super().__init__(**options)
            self._by_host: dict[tuple[str, int | None, str], Any] = {}
            self._origins: dict[str, Any] = {}

        def urlopen(self, method: str, url: str, redirect: bool = True, **kw: Any) -> Any:  # type: ignore[override]
            cut = _PLAIN_URL.fullmatch(url)
            if cut is None or "/." in url or method not in _REPEATABLE:  # urllib3's own way, redirects and all
                return super().urlopen(method, url, redirect=redirect, **kw)
            origin = self._origins.get(cut[1])
            if origin is None:
                if len(self._origins) >= _MAX_ORIGINS:
                    self._origins.clear()
                origin = self._origins[cut[1]] = parse_url(cut[1])
            conn = self.connection_from_host(origin.host, port=origin.port, scheme=origin.scheme)
            headers = kw.pop("headers", None) or self.headers
            kw["assert_same_host"] = False
            response = conn.urlopen(method, cut[2] or "/", headers=headers, redirect=False, **kw)
            location = redirect and response.get_redirect_location()
            if not location:
                return response
            # a redirect (rare): counted against the retries' redirect budget, then followed by urllib3's own
            # urlopen; credentials (Retry.remove_headers_on_redirect) do not go to another host
            response.drain_conn()
            target = urljoin(url, location)
            retries = kw.pop("retries", None)
            retries = retries if isinstance(retries, Retry) else response.retries or Retry.from_int(retries)
            kw["retries"] = retries.increment(method, url, response=response, _pool=conn)
            if not conn.is_same_host(target):
                headers = {k: v for k, v in headers.items() if k.lower() not in retries.remove_headers_on_redirect}
            return super().urlopen(method, target, redirect=True, headers=headers, **kw)

        def connection_from_host(
            self, host: str | None, port: int | None = None, scheme: str | None = "http", pool_kwargs: Any = None
        ) -> Any:
            key = (host or "", port, scheme or "http")
            found = self._by_host.get(key)
            if pool_kwargs or found is None or found.pool is None:  # none yet, or closed since (evicted, cleared)
                found = super().connection_from_host(host, port, scheme, pool_kwargs)
                if not pool_kwargs:
                    self._by_host[key] = found
            return found

        def clear(self) -> None:
            self._by_host.clear()
            super().clear()

    return _PoolManager


def _timeout(value: Timeout | None) -> urllib3.Timeout | None:
    if value is None:
        return None
    import urllib3

    if isinstance(value, tuple):
        return urllib3.Timeout(connect=value[0], read=value[1])
    return urllib3.Timeout(total=value)


class RESTResponse:
    """A fully read answer: ``status``, ``reason``, ``data`` (bytes), ``headers``."""

    __slots__ = ("data", "elapsed", "headers", "reason", "status", "url", "urllib3_response")

    def __init__(self, resp: urllib3.BaseHTTPResponse, elapsed: float, url: str) -> None:
        self.urllib3_response = resp
        self.url = url
        """Where the answer came from: the request's URL, or where its redirects led."""
        self.status: int = resp.status
        self.reason: str | None = resp.reason
        self.data: bytes = resp.data
        self.headers: urllib3.HTTPHeaderDict = resp.headers
        self.elapsed = elapsed

    @property
    def text(self) -> str:
        return str(self.data.decode("utf-8", errors="replace"))

    def getheaders(self) -> Mapping[str, str]:
        return dict(self.headers)

    def getheader(self, name: str, default: str | None = None) -> str | None:
        value = self.headers.get(name, default)
        return None if value is None else str(value)


class RESTClientObject:
    """Sends requests through one urllib3 ``PoolManager`` (or a ``ProxyManager`` per proxy), and
    :meth:`send` with the configuration's credentials (its ``auth`` provider, or the one its settings make)."""

    def __init__(self, configuration: Configuration) -> None:
        import certifi

        self.configuration = configuration
        self.auth: AuthProvider = SettingsAuth(configuration)
        self.retries = make_retry(configuration.retries, frozenset(configuration.retry_methods), configuration.api_key)
        self.timeout = _timeout(configuration.timeout)
        options: dict[str, Any] = {
            "num_pools": 4,
            "maxsize": configuration.connection_pool_maxsize,
            "block": False,
            "retries": self.retries,
            "timeout": self.timeout,
        }
        if configuration.verify_ssl:
            options["cert_reqs"] = "CERT_REQUIRED"
            options["ca_certs"] = configuration.ssl_ca_cert or certifi.where()
        else:
            options["cert_reqs"] = "CERT_NONE"
            _warn_insecure_once(configuration.host)
        if configuration.cert_file:
            options["cert_file"] = configuration.cert_file
            options["key_file"] = configuration.key_file
        if configuration.assert_hostname is not None:
            options["assert_hostname"] = configuration.assert_hostname
        self.pool_manager: urllib3.PoolManager
        if configuration.proxy:
            self.pool_manager = _proxy_manager(configuration.proxy, configuration.proxy_headers, options)
        else:
            self.pool_manager = _pool_manager_class()(**options)
        self._env_proxies = _environment_proxies() if configuration.trust_env and not configuration.proxy else {}
        self._proxied: dict[str, urllib3.PoolManager] = {}
        """By origin, the manager its requests go through (environment proxies only): a proxy's, or the direct one."""
        self._options = options

    def _manager(self, url: str) -> urllib3.PoolManager:
        """The pool manager for ``url``: the environment's proxy for its scheme unless ``NO_PROXY`` names its host."""
        end = url.find("/", url.find("//") + 2)
        origin = url if end < 0 else url[:end]
        manager = self._proxied.get(origin)
        if manager is None:
            parts = urlsplit(origin)
            proxy = self._env_proxies.get(parts.scheme) or self._env_proxies.get("all")
            if proxy is None or proxy_bypass_environment(parts.hostname or "", self._env_proxies):
                manager = self.pool_manager
            else:
                manager = next((m for m in self._proxied.values() if getattr(m, "proxy_url", None) == proxy), None)
                manager = manager or _proxy_manager(proxy, None, self._options)
            if len(self._proxied) >= _MAX_ORIGINS:
                self._proxied.clear()
            self._proxied[origin] = manager
        return manager

    def send(
        self,
        method: str,
        url: str,
        headers: Mapping[str, str],
        body: bytes | None = None,
        preload_content: bool = True,
        timeout: Timeout | None = None,
    ) -> Any:
        """:meth:`request` with credentials: the provider's headers added and, after a 401, the provider asked
        to renew and the request sent once more. A 401 to a request that carried no credential says how to
        give one. The provider's headers never follow a redirect to another origin."""
        c = self.configuration
        info = RequestInfo(method, url, c.server_root, c.api_version, self._provider_send)
        sent = self.auth.headers(info)
        try:
            answer = self.request(method, url, {**headers, **sent}, body, preload_content, timeout, sent)
            if preload_content or answer.status != 401 or not sent or not self.auth.renew(sent):
                return answer  # a streamed answer's error status is its reader's to see
            answer.drain_conn()
        except (UnauthorizedException, ForbiddenException) as exc:
            if isinstance(exc, ForbiddenException) and exc.detail not in RENEWABLE_403:
                raise
            if not sent:
                exc.reason = f"{exc.reason or 'Unauthorized'}: {NO_CREDENTIALS}"
                raise
            if not self.auth.renew(sent):
                raise
        sent = self.auth.headers(info)
        return self.request(method, url, {**headers, **sent}, body, preload_content, timeout, sent)

    def _provider_send(
        self,
        method: str,
        url: str,
        headers: Mapping[str, str] | None = None,
        body: bytes | None = None,
        preload_content: bool = True,
        timeout: Timeout | None = None,
        secret: Iterable[str] = (),
        redirect: bool = True,
    ) -> Any:
        """:meth:`request` for a provider's own requests: a login at the server also carries the configured
        ``api_key`` headers (a gateway's key in front of Airflow), nothing else of the configuration."""
        keys = self.configuration.api_key_headers()
        if keys and urlsplit(url).netloc == urlsplit(self.configuration.host).netloc:
            headers = {**keys, **(headers or {})}
        return self.request(method, url, headers, body, preload_content, timeout, (*secret, *keys), redirect)

    def request(
        self,
        method: str,
        url: str,
        headers: Mapping[str, str] | None = None,
        body: bytes | None = None,
        preload_content: bool = True,
        timeout: Timeout | None = None,
        secret: Iterable[str] = (),
        redirect: bool = True,
    ) -> Any:
        """Send one request as it is; return a :class:`RESTResponse`, or urllib3's response unread.

        With ``preload_content`` an error status raises the matching :class:`ApiException`. The headers
        named in ``secret`` (beside Authorization, cookies and API-key headers) are dropped when a redirect
        leads to another origin; ``redirect=False`` answers a redirect as it came (a login's cookie with it).
        """
        started = time.perf_counter()
        extra: dict[str, Any] = {} if redirect else {"redirect": False}
        removed = self.retries.remove_headers_on_redirect
        if secret and not removed.issuperset(h.lower() for h in secret):
            extra["retries"] = self.retries.new(remove_headers_on_redirect=removed.union(secret))
        manager = self._manager(url) if self._env_proxies else self.pool_manager
        try:
            resp = manager.urlopen(  # what pool_manager.request() comes to, for a body already encoded
                method,
                url,
                body=body,
                headers=headers,
                timeout=_timeout(timeout) if timeout is not None else self.timeout,
                preload_content=preload_content,
                **extra,
            )
        except Exception as exc:
            error = _transport_error(exc, method, url)
            if error is None and isinstance(exc, ValueError):  # http.client refusing a header: its text holds the value
                bad = [k for k, v in (headers or {}).items() if any(ord(c) < 32 for c in str(v))]
                raise ApiValueError(f"header(s) {bad} hold a control character HTTP cannot carry", bad) from None
            if error is None:
                raise
            raise error from exc
        if log.isEnabledFor(logging.DEBUG):  # every request: logins, discovery and version look-ups too
            took = f" in {(time.perf_counter() - started) * 1000:.1f} ms" if preload_content else ""
            log.debug("%s %s -> %s%s", method, redact_url(url), resp.status, took)
        if not preload_content:
            return resp
        response = RESTResponse(resp, time.perf_counter() - started, _final_url(url, resp))
        if response.status >= 400:
            refused = exception_for_status(response.status)(http_resp=response)
            refused.request = f"{method} {redact_url(url.split('?', 1)[0])}"
            raise refused
        return response

    def clear(self) -> None:
        """Close every pooled connection."""
        self.pool_manager.clear()


def _final_url(url: str, resp: Any) -> str:
    """Where an answer came from: ``url``, or the last place its redirects led."""
    for step in getattr(resp.retries, "history", None) or ():
        url = urljoin(url, step.redirect_location) if step.redirect_location else url
    return url


def _environment_proxies() -> dict[str, str]:
    """The environment's proxies by scheme (``http``, ``https``, ``all``, ``no``), as requests and httpx read
    them; :class:`ApiValueError` naming the variable for a proxy URL urllib3 cannot use."""
    proxies = {k: v if k == "no" or "://" in v else "http://" + v
               for k, v in getproxies_environment().items() if k in ("http", "https", "all", "no") and v}  # fmt: skip
    for scheme in [k for k, v in proxies.items() if k != "no" and urlsplit(v).scheme not in ("http", "https")][:1]:
        name = f"{scheme.upper()}_PROXY"
        raise ApiValueError(f"{name} is {redact_url(proxies[scheme])!r}: only http:// and https:// proxies work; "
                            "unset it or pass Configuration(trust_env=False)", [name])  # fmt: skip
    return proxies


def _proxy_manager(proxy: str, headers: Mapping[str, str] | None, options: Mapping[str, Any]) -> urllib3.PoolManager:
    """A ``ProxyManager`` for ``proxy``, its ``user:password@`` sent as Proxy-Authorization (and never shown)."""
    import urllib3

    parts = urlsplit(proxy)
    all_headers = dict(headers or {})
    if parts.username is not None and "proxy-authorization" not in {k.lower() for k in all_headers}:
        pair = f"{unquote(parts.username)}:{unquote(parts.password or '')}"
        all_headers.update(urllib3.make_headers(proxy_basic_auth=pair))
        proxy = parts._replace(netloc=parts.netloc.rpartition("@")[2]).geturl()
    return urllib3.ProxyManager(proxy, proxy_headers=all_headers or None, **options)


_warned_insecure = False


def _warn_insecure_once(host: str) -> None:
    """Warn the first time TLS verification is turned off, then silence urllib3's warning per request."""
    global _warned_insecure
    if not _warned_insecure:
        _warned_insecure = True
        import urllib3
        from urllib3.exceptions import InsecureRequestWarning

        warnings.warn(
            f"verify_ssl=False: the certificate of {redact_url(host)} and every other server is not checked",
            InsecureRequestWarning,
            stacklevel=4,
        )
        urllib3.disable_warnings(InsecureRequestWarning)


def _transport_error(exc: Exception, method: str, url: str) -> ApiConnectionError | None:
    """The SDK's exception for a urllib3 one (None for any other exception)."""
    from urllib3.exceptions import HTTPError, MaxRetryError

    if isinstance(exc, HTTPError):
        return _connection_error(exc.reason or exc if isinstance(exc, MaxRetryError) else exc, method, url)
    return None


def _connection_error(exc: BaseException, method: str, url: str) -> ApiConnectionError:
    from urllib3.exceptions import NewConnectionError, ProxyError, SSLError
    from urllib3.exceptions import TimeoutError as Urllib3Timeout

    where = f"{method} {redact_url(url.split('?', 1)[0])}"
    if isinstance(exc, SSLError) or (isinstance(exc, ProxyError) and isinstance(exc.original_error, SSLError)):
        return ApiSSLError(f"{where}: TLS failed: {exc}")
    if isinstance(exc, Urllib3Timeout) and not isinstance(exc, NewConnectionError):  # urllib3 2 files a refused
        return ApiTimeoutError(f"{where}: timed out: {exc}")  # connection under connect timeouts
    return ApiConnectionError(f"{where}: {exc}")
