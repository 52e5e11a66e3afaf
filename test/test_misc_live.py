"""ConfigApi, MonitoringApi, PluginApi and ProviderApi against the real servers.

The config, plugin and provider tests run against Airflow 2.11.2 and 3.3.2 with the same client code
(``any_client``); the monitoring details are Airflow 2's (test_airflow3_live checks both servers'
health and version). The servers expose their configuration and load one plugin,
test/plugins/sdk_misc_plugin.py. No scheduler, triggerer or DAG processor runs.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

import airflow_python_sdk as sdk
from airflow_python_sdk import ApiClient, Configuration
from airflow_python_sdk.api.config_api import ConfigApi
from airflow_python_sdk.api.monitoring_api import MonitoringApi
from airflow_python_sdk.api.plugin_api import PluginApi
from airflow_python_sdk.api.provider_api import ProviderApi
from airflow_python_sdk.models import (
    Config,
    ConfigOption,
    ConfigSection,
    HealthInfo,
    HealthStatus,
    PluginCollection,
    PluginCollectionItem,
    Provider,
    ProviderCollection,
    VersionInfo,
)

from airflow_server import AIRFLOW_2_VERSION, VIEWER, AirflowServer

pytestmark = pytest.mark.live


def _client(airflow: AirflowServer, username: str | None = None, password: str | None = None) -> ApiClient:
    return ApiClient(Configuration(host=airflow.api_url, username=username, password=password))


@pytest.fixture
def anonymous(airflow: AirflowServer) -> Iterator[ApiClient]:
    with _client(airflow) as api_client:
        yield api_client


@pytest.fixture
def any_anonymous(any_airflow: AirflowServer) -> Iterator[ApiClient]:
    with _client(any_airflow) as api_client:
        yield api_client


@pytest.fixture
def any_viewer(any_airflow: AirflowServer) -> Iterator[ApiClient]:
    with _client(any_airflow, *VIEWER) as api_client:
        yield api_client


def _options(config: Config) -> dict[str, dict[str, str | None]]:
    return {s.name or "": {o.key or "": o.value for o in s.options or []} for s in config.sections or []}


def test_get_config_whole_and_by_section(any_client: ApiClient, any_airflow: AirflowServer) -> None:
    config = ConfigApi(any_client).get_config()
    assert isinstance(config, Config) and all(isinstance(s, ConfigSection) for s in config.sections or [])
    options = _options(config)
    assert {"core", "api", "scheduler"} <= options.keys()
    assert options["core"]["dags_folder"] == any_airflow.env["AIRFLOW__CORE__DAGS_FOLDER"]
    assert options["api"]["maximum_page_limit"] == "10000"

    name = "webserver" if any_airflow.api_version == "v1" else "api"  # where expose_config lives
    section = ConfigApi(any_client).get_config(section=name)  # Airflow 3.3.2 filtered by the SDK
    assert [s.name for s in section.sections or []] == [name]
    assert _options(section)[name]["expose_config"] == "True"

    with pytest.raises(sdk.NotFoundException) as caught:
        ConfigApi(any_client).get_config(section="no_such_section")
    assert caught.value.status == 404 and "no_such_section" in (caught.value.detail or "")


def test_get_value_one_option(any_client: ApiClient) -> None:
    value = ConfigApi(any_client).get_value("core", "load_examples")
    (section,) = value.sections or []
    (option,) = section.options or []
    assert section.name == "core" and isinstance(option, ConfigOption)
    assert (option.key, option.value) == ("load_examples", "False")
    assert value.to_dict() == {"sections": [{"name": "core", "options": [{"key": "load_examples", "value": "False"}]}]}

    with pytest.raises(sdk.NotFoundException) as caught:
        ConfigApi(any_client).get_value("core", "no_such_option")
    assert caught.value.status == 404 and "no_such_option" in str(caught.value)


def test_config_needs_admin_on_airflow_2_and_a_login_on_both(
    any_viewer: ApiClient, any_anonymous: ApiClient, any_airflow: AirflowServer
) -> None:
    if any_airflow.api_version == "v1":
        with pytest.raises(sdk.ForbiddenException):
            ConfigApi(any_viewer).get_value("core", "load_examples")
    else:  # Airflow 3's simple auth manager lets every role read
        assert ConfigApi(any_viewer).get_value("core", "load_examples").sections
    with pytest.raises(sdk.UnauthorizedException):
        ConfigApi(any_anonymous).get_config(section="core")


def test_health_reports_each_component(live_client: ApiClient, anonymous: ApiClient) -> None:
    health = MonitoringApi(live_client).get_health()
    assert isinstance(health, HealthInfo)
    assert health.metadatabase is not None and health.metadatabase.status is HealthStatus.HEALTHY
    # no scheduler was started: it never sent a heartbeat
    assert health.scheduler is not None and health.scheduler.status is HealthStatus.UNHEALTHY
    assert health.scheduler.latest_scheduler_heartbeat is None
    assert health.triggerer is not None and health.triggerer.status is None
    assert health.dag_processor is not None and health.dag_processor.status is None
    assert health.dag_processor.latest_dag_processor_heartbeat is None
    # the health check needs no credentials
    assert MonitoringApi(anonymous).get_health().metadatabase.status == "healthy"  # type: ignore[union-attr]


def test_version(live_client: ApiClient, anonymous: ApiClient) -> None:
    version = MonitoringApi(live_client).get_version()
    assert isinstance(version, VersionInfo) and version.version == AIRFLOW_2_VERSION  # the one the tests installed
    assert version.git_version is not None and isinstance(version.git_version, str)  # "" for a PyPI build
    assert MonitoringApi(anonymous).get_version().version == AIRFLOW_2_VERSION  # no credentials needed either


def test_plugins_list_our_plugin_and_page(
    any_client: ApiClient, any_anonymous: ApiClient, any_airflow: AirflowServer
) -> None:
    plugins = PluginApi(any_client).get_plugins()
    assert isinstance(plugins, PluginCollection) and plugins.total_entries == len(plugins.plugins or [])
    by_name = {p.name: p for p in plugins.plugins or []}
    ours = by_name["sdk_misc_plugin"]
    assert isinstance(ours, PluginCollectionItem)
    assert ours.macros == ["sdk_misc_plugin.sdk_misc_greeting"]
    assert ours.source == "$PLUGINS_FOLDER/sdk_misc_plugin.py"
    assert (ours.appbuilder_views, ours.flask_blueprints) == ([], [])
    if any_airflow.api_version == "v1":
        assert (ours.hooks, ours.executors, ours.fastapi_apps) == ([], [], None)
    else:  # Airflow 3 plugins add FastAPI apps, no longer hooks or executors
        assert (ours.hooks, ours.executors, ours.fastapi_apps) == (None, None, [])

    total = plugins.total_entries or 0
    past_the_end = PluginApi(any_client).get_plugins(limit=1, offset=total)
    assert past_the_end.plugins == [] and past_the_end.total_entries == total
    first = PluginApi(any_client).get_plugins(limit=1, offset=0)
    assert [p.name for p in first.plugins or []] == [(plugins.plugins or [])[0].name]

    with pytest.raises(sdk.UnauthorizedException):
        PluginApi(any_anonymous).get_plugins()


def test_providers_list_the_installed_packages(any_client: ApiClient, any_airflow: AirflowServer) -> None:
    providers = ProviderApi(any_client).get_providers()
    assert isinstance(providers, ProviderCollection) and all(isinstance(p, Provider) for p in providers.providers or [])
    by_package = {p.package_name: p for p in providers.providers or []}
    # Airflow 3 moved the core operators into the "standard" provider; Airflow 2 ships FAB
    core = by_package[
        "apache-airflow-providers-fab" if any_airflow.api_version == "v1" else "apache-airflow-providers-standard"
    ]
    assert core.version and core.version[0].isdigit() and core.description
    if any_airflow.api_version == "v2":
        assert core.documentation_url and core.version in core.documentation_url
    # the answer carries total_entries too, beyond the ProviderCollection schema
    assert providers["total_entries"] == len(by_package)
