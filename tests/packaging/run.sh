#!/usr/bin/env bash
# Packaging tests: build a small consumer against quarry the way downstream projects do.
#
#   tests/packaging/run.sh <mode> <source_dir> <binary_dir>
#
#   find_package      cmake --install <binary_dir> (component "quarry") into <binary_dir>/staging,
#                     build tests/packaging/consumer with CMAKE_PREFIX_PATH=staging and run it; then
#                     move the staged prefix and build the same main.cpp with pkg-config only.
#   add_subdirectory  build tests/packaging/subdir, which does add_subdirectory(<source_dir>).
#   meson             copy tests/packaging/meson + consumer/main.cpp to a scratch dir, symlink
#                     <source_dir> as subprojects/quarry, meson setup/compile, run.
#
# Registered by tests/CMakeLists.txt as packaging.<mode>. Environment (set there): CXX (the
# compiler of the enclosing build), QUARRY_CMAKE, QUARRY_NINJA, QUARRY_WITH_POSTGRES.
set -euo pipefail

if [[ $# -ne 3 ]]; then
  echo "usage: $0 <find_package|add_subdirectory|meson> <source_dir> <binary_dir>" >&2
  exit 2
fi
mode=$1
src=$(cd "$2" && pwd)
bin=$(cd "$3" && pwd)
here="$src/tests/packaging"
cmake=${QUARRY_CMAKE:-cmake}
cxx=${CXX:-c++}
work="$bin/packaging/$mode"

step() { printf '\n== packaging.%s: %s\n' "$mode" "$*"; }
fail() { printf 'packaging.%s: FAILED: %s\n' "$mode" "$*" >&2; exit 1; }

# The nested builds must not pick up a staged or system quarry by accident.
unset PKG_CONFIG_PATH CMAKE_PREFIX_PATH

cmake_generator_args=(-G Ninja)
if [[ -n "${QUARRY_NINJA:-}" ]]; then
  cmake_generator_args+=("-DCMAKE_MAKE_PROGRAM=$QUARRY_NINJA")
fi

rm -rf "$work"
mkdir -p "$work"

case "$mode" in
find_package)
  staging="$bin/staging"
  rm -rf "$staging"
  step "install into $staging"
  "$cmake" --install "$bin" --prefix "$staging" --component quarry

  [[ -n "$(find "$staging" -path '*/include/quarry/*.hpp' -print -quit)" ]] \
    || fail "no headers were installed under $staging/include/quarry"
  config=$(find "$staging" -name quarryConfig.cmake -print -quit)
  [[ -n "$config" ]] || fail "quarryConfig.cmake was not installed"
  [[ -n "$(find "$staging" -name quarryConfigVersion.cmake -print -quit)" ]] || fail "quarryConfigVersion.cmake was not installed"
  if grep -rlF -- "$src" "$(dirname "$config")"; then
    fail "the installed CMake package refers to the source tree $src"
  fi

  step "configure and build the find_package consumer"
  "$cmake" -S "$here/consumer" -B "$work/build" "${cmake_generator_args[@]}" \
    -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_CXX_COMPILER="$cxx" \
    -DCMAKE_PREFIX_PATH="$staging" \
    -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF \
    -DQUARRY_EXPECT_PREFIX="$staging"
  "$cmake" --build "$work/build" -j2
  step "run"
  "$work/build/consumer"

  # pkg-config, after moving the prefix: the .pc files must be relocatable (${pcfiledir}).
  step "pkg-config consumer from a moved prefix"
  command -v pkg-config >/dev/null || fail "pkg-config is not installed (apt-get install pkg-config)"
  moved="$work/moved-prefix"
  cp -a "$staging" "$moved"
  pc=$(find "$moved" -name quarry.pc -print -quit)
  [[ -n "$pc" ]] || fail "quarry.pc was not installed"
  export PKG_CONFIG_PATH
  PKG_CONFIG_PATH=$(dirname "$pc")
  pkg-config --print-errors --exists quarry quarry-sqlite || fail "pkg-config cannot resolve quarry-sqlite"
  if [[ "${QUARRY_WITH_POSTGRES:-1}" == 1 ]]; then
    pkg-config --print-errors --exists quarry-postgres || fail "pkg-config cannot resolve quarry-postgres"
  fi
  cflags=$(pkg-config --cflags quarry-sqlite)
  libs=$(pkg-config --libs quarry-sqlite)
  echo "cflags: $cflags"
  echo "libs:   $libs"
  inc=$(pkg-config --variable=includedir quarry)
  [[ "$(cd "$inc" && pwd)" == "$(cd "$moved/include" && pwd)" ]] \
    || fail "quarry.pc resolves includedir to '$inc', expected $moved/include (prefix not relocatable)"
  # shellcheck disable=SC2086 # word splitting of pkg-config output is intended
  "$cxx" -std=c++20 $cflags "$here/consumer/main.cpp" -o "$work/consumer-pkg-config" $libs
  "$work/consumer-pkg-config"
  ;;

add_subdirectory)
  step "configure and build the add_subdirectory consumer"
  "$cmake" -S "$here/subdir" -B "$work/build" "${cmake_generator_args[@]}" \
    -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_CXX_COMPILER="$cxx" \
    -DQUARRY_SOURCE_DIR="$src"
  "$cmake" --build "$work/build" -j2
  step "run"
  "$work/build/consumer"
  ;;

meson)
  command -v meson >/dev/null || fail "meson is not installed (apt-get install meson)"
  proj="$work/project"
  mkdir -p "$proj/subprojects"
  cp "$here/meson/meson.build" "$proj/meson.build"
  cp "$here/consumer/main.cpp" "$proj/main.cpp"
  ln -s "$src" "$proj/subprojects/quarry"
  step "meson setup (quarry as a subproject)"
  # forcefallback: use subprojects/quarry even if a quarry-sqlite.pc is installed on this machine.
  CXX="$cxx" meson setup "$work/build" "$proj" --wrap-mode=forcefallback --buildtype=release
  step "meson compile"
  meson compile -C "$work/build" -j 2
  step "run"
  "$work/build/consumer"
  ;;

*)
  echo "unknown mode '$mode' (expected find_package, add_subdirectory or meson)" >&2
  exit 2
  ;;
esac

printf '\npackaging.%s: OK\n' "$mode"
