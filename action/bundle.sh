# The release bundle the action runs, for action/run.sh (sourced). resolve_bundle SPEC CACHE_DIR sets $launcher to
# the bundle's bin/reconciler, or returns 1 after an annotation saying why not. SPEC (the input bundle) is one of:
#   a directory      an unpacked bundle (holding bin/reconciler), used as it is
#   a file           a bundle, reconciler-VERSION-OS-ARCH.tar.gz; the path may hold a wildcard matching one file
#   a URL            a bundle to download: https, or http to this machine only (a test's server)
#   a version        0.2.0 or v0.2.0: the asset reconciler-VERSION-OS-ARCH.tar.gz of the release tagged vVERSION of
#                    the repository INPUT_RELEASE_REPOSITORY (owner/name) on GITHUB_SERVER_URL
# INPUT_BUNDLE_SHA256, when set, is the archive's expected SHA-256: an archive with another is refused before it is
# unpacked. Archives are unpacked under CACHE_DIR, named by their SHA-256, so a second step of the job reuses them.

bundle_platform() {
  sh "$ACTION_ROOT/reconciler/src/bundle/platform.sh"
}

sha256_of() {
  if command -v sha256sum >/dev/null 2>&1; then
    sha256sum "$1" | cut -d' ' -f1
  else
    shasum -a 256 "$1" | cut -d' ' -f1 # macOS
  fi
}

# No token is ever sent with a download: the URL is the user's, and release assets of a public repository need none.
download_bundle() { # URL FILE
  local url=$1 file=$2 host
  case $url in
    https://*) ;;
    http://*)
      host=${url#http://}
      host=${host%%/*}
      host=${host%:*}
      case $host in
        localhost | 127.0.0.1 | '[::1]') ;;
        *)
          annotate error "bundle: $url is plain http; only https is downloaded (http only from this machine)"
          return 1
          ;;
      esac
      ;;
    *)
      annotate error "bundle: $url is not an https URL"
      return 1
      ;;
  esac
  echo "Downloading $url"
  # --proto-redir: GitHub's release downloads redirect; never to plain http.
  if ! curl -sSfL --proto-redir =https --retry 3 -o "$file" "$url"; then
    annotate error "bundle: could not download $url"
    return 1
  fi
}

resolve_bundle() { # SPEC CACHE_DIR
  local spec=$1 cache=$2 archive url version digest dir stage top
  if [[ -z $spec ]]; then
    annotate error "the input bundle is required: a version (0.2.0), the URL of a release bundle, or a path to one"
    return 1
  fi
  if [[ $spec == *[*?[]* && ! $spec =~ ^[a-z]+:// ]]; then
    # A path with a wildcard (reconciler/target/reconciler-*.tar.gz, whose name holds the version): one match only.
    local matches
    IFS= # a match with a blank in its name stays one word
    matches=($spec)
    unset IFS
    if [[ ! -e ${matches[0]} ]]; then
      annotate error "bundle: nothing matches $spec"
      return 1
    fi
    if [[ ${#matches[@]} -ne 1 ]]; then
      annotate error "bundle: $spec matches ${#matches[@]} files, not one"
      return 1
    fi
    spec=${matches[0]}
  fi
  if [[ -d $spec ]]; then
    if [[ ! -x $spec/bin/reconciler ]]; then
      annotate error "bundle: $spec holds no bin/reconciler; give an unpacked release bundle or its .tar.gz"
      return 1
    fi
    if [[ -n ${INPUT_BUNDLE_SHA256:-} ]]; then
      annotate error "bundle: bundle-sha256 checks an archive, and $spec is a directory"
      return 1
    fi
    launcher=$(cd "$spec" && pwd)/bin/reconciler
    return 0
  fi
  mkdir -p "$cache"
  if [[ -f $spec ]]; then
    archive=$spec
  else
    if [[ $spec =~ ^[a-z]+:// ]]; then
      url=$spec
    elif [[ $spec =~ ^v?[0-9]+\.[0-9]+\.[0-9]+([-+][0-9A-Za-z.-]+)?$ ]]; then
      version=${spec#v}
      if [[ -z ${INPUT_RELEASE_REPOSITORY:-} ]]; then
        annotate error "bundle: to download version $version, set the input release-repository (owner/name)"
        return 1
      fi
      url=${GITHUB_SERVER_URL:-https://github.com}/$INPUT_RELEASE_REPOSITORY/releases/download/v$version/reconciler-$version-$(bundle_platform).tar.gz
    else
      annotate error "bundle: '$spec' is no file, directory, URL or version (such as 0.2.0)"
      return 1
    fi
    archive=$(mktemp "$cache/download.XXXXXX")
    download_bundle "$url" "$archive" || return 1
  fi
  digest=$(sha256_of "$archive")
  if [[ -n ${INPUT_BUNDLE_SHA256:-} ]] && [[ $(printf '%s' "$INPUT_BUNDLE_SHA256" | tr '[:upper:]' '[:lower:]') != "$digest" ]]; then
    annotate error "bundle: its SHA-256 is $digest, not $INPUT_BUNDLE_SHA256 as the input bundle-sha256 says; not used"
    return 1
  fi
  dir=$cache/$digest
  if [[ ! -x $dir/bin/reconciler ]]; then
    # Unpacked beside, then moved into place: a run cut short never leaves a half bundle to be reused.
    stage=$(mktemp -d "$cache/unpack.XXXXXX")
    if ! tar -xzf "$archive" -C "$stage"; then
      annotate error "bundle: $spec is not a .tar.gz release bundle"
      return 1
    fi
    top=$(find "$stage" -mindepth 2 -maxdepth 3 -path '*/bin/reconciler' -type f | head -n 1)
    if [[ -z $top ]]; then
      annotate error "bundle: $spec holds no bin/reconciler; is it a release bundle?"
      return 1
    fi
    rm -rf "$dir"
    mv "$(dirname "$(dirname "$top")")" "$dir"
    rm -rf "$stage"
  fi
  if [[ -n ${url:-} ]]; then
    rm -f "$archive"
  fi
  launcher=$dir/bin/reconciler
}
