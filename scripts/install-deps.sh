#!/usr/bin/env bash
# Installs what building, running and testing Understudy needs on Debian bookworm, and
# nothing that is already there: Debian packages by name, and AWS's service models from
# the pinned npm package aws-sdk (its apis/*.min.json) under .deps/.
set -euo pipefail
cd "$(dirname "$0")/.."

AWS_SDK_VERSION=2.1693.0
APT_PACKAGES=(
  cmake ninja-build g++ make pkg-config
  libboost1.81-dev libssl-dev libsqlite3-dev nlohmann-json3-dev catch2
  nodejs npm
  postgresql redis-server
  wrk curl
)

missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# The test clients: the image ships the AWS CLI and boto3 under its own Python; a bare
# Debian machine gets Debian's.
if ! command -v aws >/dev/null 2>&1; then missing+=(awscli); fi
if ! python3 -c 'import boto3' >/dev/null 2>&1; then missing+=(python3-boto3); fi
# npm does not ship with Debian's nodejs on every image; when node is already on the
# PATH from elsewhere, do not fight it.
if command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; then
  filtered=()
  for p in "${missing[@]}"; do [[ "$p" == nodejs || "$p" == npm ]] || filtered+=("$p"); done
  missing=("${filtered[@]+"${filtered[@]}"}")
fi

if ((${#missing[@]})); then
  echo "install-deps: installing ${missing[*]}"
  if [[ $(id -u) -ne 0 ]]; then
    echo "install-deps: run as root to install Debian packages" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

installed=$(node -p "require('./.deps/node_modules/aws-sdk/package.json').version" 2>/dev/null || true)
if [[ "$installed" != "$AWS_SDK_VERSION" ]]; then
  echo "install-deps: installing npm aws-sdk@$AWS_SDK_VERSION (AWS's service models)"
  mkdir -p .deps
  npm install --prefix .deps --no-save --no-audit --no-fund --silent "aws-sdk@$AWS_SDK_VERSION" >/dev/null
fi
