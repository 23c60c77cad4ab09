#!/usr/bin/env bash
# Check the monitoring profile's configuration with the tools that ship with Prometheus:
# promtool (config, rules, the rules' unit tests, the dashboard's JSON) and amtool.
# Debian/Ubuntu: apt-get install prometheus prometheus-alertmanager (promtool, amtool).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
monitoring="$root/monitoring"

for tool in promtool amtool; do
    if ! command -v "$tool" >/dev/null; then
        echo "$tool is missing: apt-get install prometheus prometheus-alertmanager" >&2
        exit 2
    fi
done

promtool check rules "$monitoring"/prometheus/rules/*.yml
promtool test rules "$monitoring"/prometheus/tests/*.yml
# The config names its rule files by their in-container path: check it with the rules
# folder mounted the same way, in a scratch copy.
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
sed "s|/etc/prometheus/rules/|$monitoring/prometheus/rules/|" \
    "$monitoring/prometheus/prometheus.yml" >"$scratch/prometheus.yml"
promtool check config "$scratch/prometheus.yml"
amtool check-config "$monitoring/alertmanager/alertmanager.yml"
python3 -m json.tool "$monitoring/grafana/dashboards/tarefa-api.json" >/dev/null
echo "monitoring: config, rules, rule tests, Alertmanager and dashboard are valid"
