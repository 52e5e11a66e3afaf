"""Client settings: where the server is, how to authenticate, and how patient to be."""

from __future__ import annotations

import base64
import copy
import logging
import os
import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, ClassVar
from urllib.parse import unquote, urlsplit, urlunsplit

from airflow_python_sdk.exceptions import ApiValueError

if TYPE_CHECKING:
    from airflow_python_sdk.auth import AuthProvider

__all__ = [
    "Configuration", "clean_setting", "redact_url", "DEFAULT_HOST", "DEFAULT_TIMEOUT", "DEFAULT_RETRIES",
    "DEFAULT_RETRY_METHODS", "DEFAULT_BACKOFF_FACTOR", "DEFAULT_POOL_MAXSIZE", "Timeout", "ENV_HOST", "ENV_USERNAME",
    "ENV_PASSWORD", "ENV_ACCESS_TOKEN", "ENV_VERIFY_SSL", "ENV_CA_BUNDLE", "ENV_TOKEN_FILE",
]  # fmt: skip

Timeout = float | tuple[float, float]
"""Seconds for the whole wait, or ``(connect, read)``."""

DEFAULT_HOST = "http://localhost/api/v1"
DEFAULT_TIMEOUT: Timeout = (10.0, 60.0)
"""Connect within 10 s; each read of the answer within 60 s. Never wait forever."""
DEFAULT_RETRIES = 3
"""Retries of idempotent requests on connection errors and 429/502/503/504 answers."""
DEFAULT_RETRY_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})
"""Idempotent methods: the only ones retried once a request may have reached the server."""
DEFAULT_BACKOFF_FACTOR = 0.5
"""Retry n waits ``factor * 2**(n-1)`` seconds (plus jitter) unless the server says Retry-After."""
DEFAULT_POOL_MAXSIZE = 10
"""Connections kept per host: the number of threads that can call one client at once."""

_SECRETS = ("password", "access_token", "api_key")
_VERSION_NAME = "airflow_version"
_VERSION = re.compile(r"\d+\.\d+(\.\d+)?\S*")
_API_PATHS = {"/api/v1": "v1", "/api/v2": "v2"}
_BEARER = "bearer "


def redact_url(url: str) -> str:
    """``url`` without a password or token in its user-info part."""
    parts = urlsplit(url)
    if parts.username is None and parts.password is None:
        return url
    return urlunsplit(parts._replace(netloc="***@" + parts.netloc.rpartition("@")[2]))


def clean_setting(name: str, value: str | None, strip: str | None = None) -> str | None:
    """A setting without the surrounding whitespace it picks up from files and environments (``strip``
    characters only, when given); :class:`ApiValueError` naming the setting -- never its value --
    when it holds a character HTTP cannot carry (a line break inside, a control character)."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise ApiValueError(f"{name} must be a str, not {type(value).__name__}", [name])
    value = value.strip(strip)
    if any(ord(c) < 32 or ord(c) == 127 for c in value):
        raise ApiValueError(f"{name} holds a control character (a line break?) that HTTP cannot carry", [name])
    return value


ENV_HOST = "AIRFLOW_API_URL"
ENV_USERNAME = "AIRFLOW_USERNAME"
ENV_PASSWORD = "AIRFLOW_PASSWORD"
ENV_ACCESS_TOKEN = "AIRFLOW_API_TOKEN"
ENV_VERIFY_SSL = "AIRFLOW_VERIFY_SSL"
ENV_CA_BUNDLE = "AIRFLOW_CA_BUNDLE"
ENV_TOKEN_FILE = "AIRFLOW_API_TOKEN_FILE"
_ENV_OPTIONS = {
    ENV_HOST: "host",
    ENV_USERNAME: "username",
    ENV_PASSWORD: "password",
    ENV_ACCESS_TOKEN: "access_token",
    ENV_CA_BUNDLE: "ssl_ca_cert",
}
_ENV_TRUE = frozenset({"true", "1", "yes"})
_ENV_FALSE = frozenset({"false", "0", "no"})


class Configuration:
    """Everything an :class:`~airflow_python_sdk.ApiClient` needs to know; every option is a keyword.

    Authentication: ``auth``, a provider of :mod:`airflow_python_sdk.auth` (a token function, a token
    file, OAuth 2, Cloud Composer, MWAA, ...); else ``access_token`` (Bearer), else ``username`` and
    ``password`` (HTTP Basic on Airflow 2, a JWT login on Airflow 3). ``api_key`` (``{header name: key}``,
    each sent as that header, ``api_key_prefix[header]`` before it when given) goes beside any of them.
    Only one of ``username`` and ``password`` is an error, raised before anything is sent.

    Proxies: ``proxy`` when given; else, unless ``trust_env=False``, the environment's ``HTTPS_PROXY``,
    ``HTTP_PROXY``, ``ALL_PROXY`` and ``NO_PROXY`` (either case), as requests and httpx read them.
    """

    _default: ClassVar[Configuration | None] = None

    def __init__(
        self,
        host: str | None = None,
        api_key: Mapping[str, str] | None = None,
        api_key_prefix: Mapping[str, str] | None = None,
        access_token: str | None = None,
        username: str | None = None,
        password: str | None = None,
        *,
        verify_ssl: bool = True,
        ssl_ca_cert: str | None = None,
        cert_file: str | None = None,
        key_file: str | None = None,
        assert_hostname: str | bool | None = None,
        proxy: str | None = None,
        proxy_headers: Mapping[str, str] | None = None,
        retries: int | Any = DEFAULT_RETRIES,
        retry_methods: Iterable[str] = DEFAULT_RETRY_METHODS,
        timeout: Timeout | None = DEFAULT_TIMEOUT,
        connection_pool_maxsize: int = DEFAULT_POOL_MAXSIZE,
        client_side_validation: bool = True,
        debug: bool = False,
        logger: logging.Logger | None = None,
        airflow_version: str | None = None,
        auth: AuthProvider | None = None,
        trust_env: bool = True,
    ) -> None:
        self.username = username
        self.password = password
        self.host = host or DEFAULT_HOST  # after them: a user:password@ in it is moved into them
        self.auth = auth
        """A credential provider (:mod:`airflow_python_sdk.auth`); wins over the credential settings below."""
        self.trust_env = trust_env
        """Read proxy settings from the environment (when ``proxy`` is not given)."""
        self.airflow_version = airflow_version
        self.api_key: dict[str, str] = dict(api_key or {})
        self.api_key_prefix: dict[str, str] = dict(api_key_prefix or {})
        self.access_token = access_token
        self.verify_ssl = verify_ssl
        self.ssl_ca_cert = ssl_ca_cert
        """CA bundle to verify the server with; None means certifi's bundle."""
        self.cert_file = cert_file
        self.key_file = key_file
        self.assert_hostname = assert_hostname
        self.proxy = proxy
        self.proxy_headers: dict[str, str] | None = dict(proxy_headers) if proxy_headers else None
        self.retries = retries
        """Retry count, or a ``urllib3.util.Retry`` for full control; 0 turns retries off."""
        self.retry_methods = frozenset(m.upper() for m in retry_methods)
        """Methods retried after they were sent; add "POST" only if sending twice is harmless."""
        self.timeout = timeout
        self.connection_pool_maxsize = connection_pool_maxsize
        self.client_side_validation = client_side_validation
        """Check argument types before sending (per call: ``_check_input_type``)."""
        self.logger = logger or logging.getLogger("airflow_python_sdk")
        self.debug = debug

    # Credentials and the host are cleaned whenever they are set: see clean_setting.
    @property
    def host(self) -> str:
        """The API's base URL, ``.../api/v1`` (Airflow 2) or ``.../api/v2`` (Airflow 3); given without
        either, the client asks the server which it has, once, and sets it here. A ``user:password@`` in
        it is taken out and used as ``username`` and ``password`` (unless those are set), so the URL
        shown anywhere never holds a credential."""
        return self._host

    @host.setter
    def host(self, value: str) -> None:
        host = (clean_setting("host", value) or DEFAULT_HOST).rstrip("/")
        parts = urlsplit(host)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ApiValueError(
                f"host must be an http:// or https:// URL (http://127.0.0.1:8080/api/v2), not {redact_url(host)!r}",
                ["host"],
            )
        if "@" in parts.netloc:
            user, _, password = parts.netloc.rpartition("@")[0].partition(":")
            self.username = self.username if self.username is not None else unquote(user)
            self.password = self.password if self.password is not None else unquote(password)
            host = parts._replace(netloc=parts.netloc.rpartition("@")[2]).geturl()
        self._host = host

    @property
    def airflow_version(self) -> str | None:
        """The server's Airflow version (``"2.9.3"``), to spare the client asking it; None: asked when needed.

        What the server's release lacks (:mod:`airflow_python_sdk.versions`) is refused before sending by
        this version; :class:`ApiValueError` when it is not a version (``major.minor[.patch]``).
        """
        return self._airflow_version

    @airflow_version.setter
    def airflow_version(self, value: str | None) -> None:
        version = clean_setting("airflow_version", value)
        if version is not None and not _VERSION.fullmatch(version):
            raise ApiValueError(f"airflow_version must be a version such as '2.9.3', not {version!r}", [_VERSION_NAME])
        self._airflow_version = version or None

    @property
    def access_token(self) -> str | None:
        """A Bearer token; a leading ``Bearer `` is taken off (it is added when sent)."""
        return self._access_token

    @access_token.setter
    def access_token(self, value: str | None) -> None:
        token = clean_setting("access_token", value)
        if token is not None and token[: len(_BEARER)].lower() == _BEARER:
            token = token[len(_BEARER) :].lstrip()
        self._access_token = token or None

    @property
    def username(self) -> str | None:
        return self._username

    @username.setter
    def username(self, value: str | None) -> None:
        self._username = clean_setting("username", value)

    @property
    def password(self) -> str | None:
        """Only line breaks around it are taken off: other whitespace may be part of a password."""
        return self._password

    @password.setter
    def password(self, value: str | None) -> None:
        self._password = clean_setting("password", value, "\r\n")

    @property
    def debug(self) -> bool:
        """Log each request line, status and elapsed time at DEBUG (credentials never logged)."""
        return self._debug

    @debug.setter
    def debug(self, value: bool) -> None:
        self._debug = value
        if value:
            self.logger.setLevel(logging.DEBUG)
            if not self.logger.handlers and not logging.getLogger().handlers:
                self.logger.addHandler(logging.StreamHandler())

    @property
    def api_version(self) -> str | None:
        """``"v1"`` (Airflow 2) or ``"v2"`` (Airflow 3) by the host's path; None when it names neither."""
        return _API_PATHS.get(urlsplit(self.host).path.rstrip("/")[-7:])

    @property
    def server_root(self) -> str:
        """The host without its ``/api/v1`` or ``/api/v2``: where Airflow 3 serves its token and auth-manager APIs."""
        return self.host.removesuffix("/api/v2").removesuffix("/api/v1")

    def get_basic_auth_token(self) -> str | None:
        """The ``Authorization`` value for Basic auth, or None without a username."""
        if self.username is None:
            return None
        pair = f"{self.username}:{self.password or ''}".encode()
        return "Basic " + base64.b64encode(pair).decode("ascii")

    def api_key_headers(self) -> dict[str, str]:
        """The ``api_key`` headers, each with its ``api_key_prefix``."""
        headers = {}
        for name, key in self.api_key.items():
            key = clean_setting(f"api_key[{name!r}]", key) or ""
            prefix = clean_setting(f"api_key_prefix[{name!r}]", self.api_key_prefix.get(name))
            headers[name] = f"{prefix} {key}" if prefix else key
        return headers

    def __deepcopy__(self, memo: dict[int, Any]) -> Configuration:
        """A copy sharing ``auth`` and ``logger`` (a provider holds a live token and a lock, and is thread-safe)."""
        copied = object.__new__(Configuration)
        for name, value in vars(self).items():
            copied.__dict__[name] = value if name in ("auth", "logger") else copy.deepcopy(value, memo)
        return copied

    def __repr__(self) -> str:
        shown = {k.lstrip("_"): v for k, v in vars(self).items() if k not in ("logger", "_debug")}
        shown |= {name: "***" for name in _SECRETS if shown.get(name)}
        shown["api_key"] = {k: "***" for k in self.api_key}
        for name in ("host", "proxy"):  # a URL may carry user:password@
            shown[name] = shown[name] and redact_url(shown[name])
        return f"Configuration({', '.join(f'{k}={v!r}' for k, v in shown.items())})"

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **overrides: Any) -> Configuration:
        """A configuration read from environment variables (``os.environ`` unless ``environ`` is given).

        - ``AIRFLOW_API_URL``: ``host``, e.g. ``https://airflow.example.com/api/v1``
        - ``AIRFLOW_USERNAME``, ``AIRFLOW_PASSWORD``: HTTP Basic credentials
        - ``AIRFLOW_API_TOKEN``: ``access_token`` (Bearer; wins over Basic)
        - ``AIRFLOW_API_TOKEN_FILE``: a file holding the token, read again when it changes
          (:class:`~airflow_python_sdk.auth.TokenFile`; ``AIRFLOW_API_TOKEN`` wins)
        - ``AIRFLOW_VERIFY_SSL``: ``verify_ssl``, one of true/false, 1/0, yes/no (any case)
        - ``AIRFLOW_CA_BUNDLE``: ``ssl_ca_cert``, a CA bundle file to verify the server with

        Empty variables count as unset. Keyword ``overrides`` (any :class:`Configuration` keyword) win
        over the environment, even when they are None. :class:`ApiValueError` names the variable when
        ``AIRFLOW_API_URL`` is unset (and no ``host`` is given), ``AIRFLOW_VERIFY_SSL`` is malformed, or
        only one of ``AIRFLOW_USERNAME`` and ``AIRFLOW_PASSWORD`` is set.
        """
        env = os.environ if environ is None else environ
        options: dict[str, Any] = {option: env[var] for var, option in _ENV_OPTIONS.items() if env.get(var)}
        if env.get(ENV_TOKEN_FILE) and not options.get("access_token"):
            from airflow_python_sdk.auth import TokenFile

            options["auth"] = TokenFile(env[ENV_TOKEN_FILE])
        verify = env.get(ENV_VERIFY_SSL, "").strip().lower()
        if verify in _ENV_TRUE or verify in _ENV_FALSE:
            options["verify_ssl"] = verify in _ENV_TRUE
        elif verify:
            raise ApiValueError(f"{ENV_VERIFY_SSL} must be true/false, 1/0 or yes/no, not {env[ENV_VERIFY_SSL]!r}")
        options.update(overrides)
        configuration = cls(**options)  # an unknown keyword: TypeError
        if not options.get("host"):
            raise ApiValueError(
                f"{ENV_HOST} is not set: the server's URL, e.g. http://127.0.0.1:8080/api/v2", [ENV_HOST]
            )
        if configuration.auth is None and not configuration.access_token:
            from airflow_python_sdk.auth._password import check_pair

            check_pair(configuration.username, configuration.password, ("username", "password"),
                       (ENV_USERNAME, ENV_PASSWORD))  # fmt: skip
        return configuration

    @classmethod
    def from_profile(
        cls, name: str | None = None, path: str | os.PathLike[str] | None = None, **overrides: Any
    ) -> Configuration:
        """The configuration of profile ``name`` of the config file (:mod:`airflow_python_sdk.profiles`: where the
        file is, its settings, secret references): default ``AIRFLOW_PROFILE``, else ``default``. Keyword
        ``overrides`` win over the profile. :class:`ApiValueError` names the profile, key and file when unusable."""
        from airflow_python_sdk.profiles import profile_configuration

        return profile_configuration(name, path, **overrides)

    @classmethod
    def set_default(cls, default: Configuration | None) -> None:
        """Use a copy of ``default`` wherever a client is made without a configuration."""
        cls._default = copy.deepcopy(default)

    @classmethod
    def get_default_copy(cls) -> Configuration:
        """A copy of the default set by :meth:`set_default`, or a new default configuration."""
        return copy.deepcopy(cls._default) if cls._default is not None else cls()
