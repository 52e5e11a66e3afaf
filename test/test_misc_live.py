"""ConfigApi, MonitoringApi, PluginApi and ProviderApi against a real Airflow 2.11.2.

The server exposes its configuration (``AIRFLOW__WEBSERVER__EXPOSE_CONFIG``) and loads one plugin,
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

from airflow_server import VIEWER, AirflowServer

pytestmark = pytest.mark.live


def _client(airflow: AirflowServer, username: str | None = None, password: str | None = None) -> ApiClient:
    return ApiClient(Configuration(host=airflow.api_url, username=username, password=password))


@pytest.fixture
def anonymous(airflow: AirflowServer) -> Iterator[ApiClient]:
    with _client(airflow) as api_client:
        yield api_client


@pytest.fixture
def viewer(airflow: AirflowServer) -> Iterator[ApiClient]:
    with _client(airflow, *VIEWER) as api_client:
        yield api_client


def _options(config: Config) -> dict[str, dict[str, str | None]]:
    return {s.name or "": {o.key or "": o.value for o in s.options or []} for s in config.sections or []}


def test_get_config_whole_and_by_section(live_client: ApiClient, airflow: AirflowServer) -> None:
    config = ConfigApi(live_client).get_config()
    assert isinstance(config, Config) and all(isinstance(s, ConfigSection) for s in config.sections or [])
    options = _options(config)
    assert {"core", "webserver", "api", "scheduler"} <= options.keys()
    assert options["core"]["dags_folder"] == airflow.env["AIRFLOW__CORE__DAGS_FOLDER"]
    assert options["api"]["maximum_page_limit"] == "10000"

    webserver = ConfigApi(live_client).get_config(section="webserver")
    assert [s.name for s in webserver.sections or []] == ["webserver"]
    assert _options(webserver)["webserver"]["expose_config"] == "True"

    with pytest.raises(sdk.NotFoundException) as caught:
        ConfigApi(live_client).get_config(section="no_such_section")
    assert caught.value.status == 404 and "no_such_section" in (caught.value.detail or "")


def test_get_value_one_option(live_client: ApiClient) -> None:
    value = ConfigApi(live_client).get_value("core", "load_examples")
    (section,) = value.sections or []
    (option,) = section.options or []
    assert section.name == "core" and isinstance(option, ConfigOption)
    assert (option.key, option.value) == ("load_examples", "False")
    assert value.to_dict() == {"sections": [{"name": "core", "options": [{"key": "load_examples", "value": "False"}]}]}

    with pytest.raises(sdk.NotFoundException) as caught:
        ConfigApi(live_client).get_value("core", "no_such_option")
    assert caught.value.title == "Config not found."


def test_config_needs_admin(viewer: ApiClient, anonymous: ApiClient) -> None:
    with pytest.raises(sdk.ForbiddenException):
        ConfigApi(viewer).get_value("core", "load_examples")
    with pytest.raises(sdk.UnauthorizedException):
        ConfigApi(anonymous).get_config(section="core")


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
    assert isinstance(version, VersionInfo) and version.version == "2.11.2"
    assert version.git_version is not None and isinstance(version.git_version, str)  # "" for a PyPI build
    assert MonitoringApi(anonymous).get_version().version == "2.11.2"  # no credentials needed either


def test_plugins_list_our_plugin_and_page(live_client: ApiClient, anonymous: ApiClient) -> None:
    plugins = PluginApi(live_client).get_plugins()
    assert isinstance(plugins, PluginCollection) and plugins.total_entries == len(plugins.plugins or [])
    by_name = {p.name: p for p in plugins.plugins or []}
    ours = by_name["sdk_misc_plugin"]
    assert isinstance(ours, PluginCollectionItem)
    assert ours.macros == ["sdk_misc_plugin.sdk_misc_greeting"]
    assert ours.source == "$PLUGINS_FOLDER/sdk_misc_plugin.py"
    assert (ours.hooks, ours.executors, ours.appbuilder_views, ours.flask_blueprints) == ([], [], [], [])

    total = plugins.total_entries or 0
    past_the_end = PluginApi(live_client).get_plugins(limit=1, offset=total)
    assert past_the_end.plugins == [] and past_the_end.total_entries == total
    first = PluginApi(live_client).get_plugins(limit=1, offset=0)
    assert [p.name for p in first.plugins or []] == [(plugins.plugins or [])[0].name]

    with pytest.raises(sdk.UnauthorizedException):
        PluginApi(anonymous).get_plugins()


def test_providers_include_fab(live_client: ApiClient) -> None:
    providers = ProviderApi(live_client).get_providers()
    assert isinstance(providers, ProviderCollection) and all(isinstance(p, Provider) for p in providers.providers or [])
    by_package = {p.package_name: p for p in providers.providers or []}
    fab = by_package["apache-airflow-providers-fab"]
    assert fab.version and fab.version[0].isdigit() and fab.description
    assert "apache-airflow-providers-http" in by_package
    # the answer carries total_entries too, beyond the ProviderCollection schema
    assert providers["total_entries"] == len(by_package)
