#!/usr/bin/env bash
# Where the official .NET images cannot be pulled: builds the two base images from Debian packages and the .NET
# installed on this machine, for the Containerfile's SDK_IMAGE and RUNTIME_IMAGE build arguments.
#   localhost/reportingportal-sdk:bookworm       Debian bookworm + this machine's whole .NET SDK and its trusted
#                                                certificates (a package source behind a local proxy restores too)
#   localhost/reportingportal-runtime:bookworm   Debian bookworm + this machine's .NET runtimes only (no SDK)
# Needs root, mmdebstrap and podman; takes the .NET folder from `dotnet --list-sdks` (normally /usr/share/dotnet).
set -euo pipefail

podman_cmd=(podman --runtime runc --cgroup-manager cgroupfs)
dotnet_root=${DOTNET_ROOT:-$(dirname "$(readlink -f "$(command -v dotnet)")")}
packages=ca-certificates,libicu72,libssl3,tzdata,zlib1g,libstdc++6,libgssapi-krb5-2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

build() {
    local image=$1 tarball=$work/$2.tar
    shift 2
    mmdebstrap --quiet --variant=apt --include="$packages" \
        --customize-hook='mkdir -p "$1/usr/share/dotnet"' \
        "$@" \
        --customize-hook='ln -sf /usr/share/dotnet/dotnet "$1/usr/bin/dotnet"' \
        --customize-hook='rm -rf "$1"/var/cache/apt/archives/*.deb "$1"/var/lib/apt/lists/*' \
        bookworm "$tarball"
    "${podman_cmd[@]}" import --quiet "$tarball" "$image" >/dev/null
    echo "$image"
}

build localhost/reportingportal-runtime:bookworm runtime \
    --customize-hook="copy-in $dotnet_root/dotnet $dotnet_root/host $dotnet_root/shared /usr/share/dotnet"
build localhost/reportingportal-sdk:bookworm sdk \
    --customize-hook="copy-in $dotnet_root/dotnet $dotnet_root/host $dotnet_root/shared $dotnet_root/sdk $dotnet_root/packs $dotnet_root/sdk-manifests $dotnet_root/templates /usr/share/dotnet" \
    --customize-hook="copy-in /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs"
