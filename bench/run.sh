#!/usr/bin/env bash
# Every benchmark, against the binary given (default build/understudy). Prints figures;
# asserts nothing: goals are read by people, not enforced as timed tests.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bin=${1:-$here/../build/understudy}
python3 "$here/secretsmanager_vs_moto.py" "$bin"
