#!/bin/sh
# Builds the release bundle that runs with no Java installed: `mvn package` calls it after the jar and its
# class-data archive are built (reconciler/pom.xml). Usage: bundle.sh TARGET_DIR VERSION
#
#   reconciler-VERSION-OS-ARCH.tar.gz
#     reconciler-VERSION/bin/reconciler      the launcher (the same script as reconciler/bin/reconciler: it prefers
#                                            the runtime beside it)
#     reconciler-VERSION/lib/reconciler.jar  the tool
#     reconciler-VERSION/runtime/            a Java runtime made with jlink from only the JDK modules the tool uses,
#                                            with its class-data archive of the JDK's classes (lib/server/classes.jsa)
#     reconciler-VERSION/examples/           the YAML to start from, as in the repository
set -eu
target=$1
version=$2
here=$(cd "$(dirname "$0")" && pwd)
module=$(cd "$here/../.." && pwd)
jdk_bin=$(dirname "$(readlink -f "$(command -v jlink)")")
if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/jlink" ]; then
  jdk_bin=$JAVA_HOME/bin
fi

# jlink builds the runtime from the JDK's jmods, which some distributions package apart (Ubuntu: openjdk-17-jmods).
if [ ! -d "$(dirname "$jdk_bin")/jmods" ]; then
  echo "release bundle skipped: $(dirname "$jdk_bin") has no jmods directory (on Ubuntu: apt-get install openjdk-17-jmods)"
  exit 0
fi

platform=$(sh "$here/platform.sh")
name=reconciler-$version
stage=$target/bundle
rm -rf "$stage"
mkdir -p "$stage/$name/bin" "$stage/$name/lib"

# The modules the jar's classes use, as jdeps reads them, plus what it cannot see: jdk.crypto.ec, which TLS needs
# for the elliptic-curve key exchange Microsoft's endpoints offer (without it HTTPS to Graph and sign-in fails).
modules=$("$jdk_bin/jdeps" --print-module-deps --ignore-missing-deps --multi-release 17 "$target/reconciler.jar")
modules=$modules,jdk.crypto.ec
"$jdk_bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files --compress=2 \
  --generate-cds-archive --output "$stage/$name/runtime"

cp "$module/bin/reconciler" "$stage/$name/bin/reconciler"
chmod 755 "$stage/$name/bin/reconciler"
# No archive of the tool's own classes, unlike target/reconciler.jsa beside the jar: Java 17 takes such an archive
# only with the jar at the very path it was dumped from, and a bundle is unpacked anywhere. The runtime's archive of
# the JDK's classes has no such tie.
cp "$target/reconciler.jar" "$stage/$name/lib/reconciler.jar"
cp -R "$module/../examples" "$stage/$name/examples"

bundle=$target/$name-$platform.tar.gz
tar -czf "$bundle" -C "$stage" "$name"
echo "$bundle: $modules"
