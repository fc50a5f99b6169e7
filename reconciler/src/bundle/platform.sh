#!/bin/sh
# Prints the platform part of a release bundle's name, OS-ARCH (linux-x64, darwin-arm64, ...), for this machine.
# One definition for both ends: bundle.sh names the bundle it builds with it, and the GitHub Action (action/bundle.sh)
# names the bundle it downloads for a version with it.
set -eu
os=$(uname -s | tr '[:upper:]' '[:lower:]')
case $(uname -m) in
  x86_64 | amd64) arch=x64 ;;
  aarch64 | arm64) arch=arm64 ;;
  *) arch=$(uname -m) ;;
esac
echo "$os-$arch"
