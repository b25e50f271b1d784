#!/usr/bin/env bash
# Everything the test suite needs from the system, for a fresh Debian machine:
# a CJK font for the plots (Debian's fonts-wqy-microhei) and a local
# PostgreSQL server. Prints only the export line(s) on stdout:
#
#   eval "$(bash .ci/services.sh)"
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

if ! fc-list 2>/dev/null | grep -qi "wqy\|noto sans cjk\|noto serif cjk"; then
    echo "services.sh: installing a CJK font (fonts-wqy-microhei)" >&2
    as_root apt-get update -qq >&2
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-wqy-microhei >&2
fi
bash "$here/postgres.sh"
