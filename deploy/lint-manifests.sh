#!/usr/bin/env bash
# Lints deploy/kubernetes: first shows that the lint refuses the broken manifests in deploy/manifest-lint/refused (each
# for the reason it names), then checks the shipped ones. Its tools come from the npm registry, pinned by
# deploy/manifest-lint/package-lock.json (kubernetes-models: the Kubernetes API's schemas; @kubernetes/client-node: the
# API's field lists; yaml).
set -euo pipefail
cd "$(dirname "$0")/manifest-lint"
npm ci --silent --no-audit --no-fund
node lint-manifests.mjs --expect-problems refused/*.yaml
node lint-manifests.mjs ../kubernetes/*.yaml
