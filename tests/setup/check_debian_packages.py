#!/usr/bin/env python3
"""Fails when installer/debian-packages.txt does not pull in everything a configured build took from the system.

What the build took, from the build itself:
  - the CMake package config files it found (the *_DIR entries of CMakeCache.txt) and the programs it found
    (its FILEPATH entries that are not libraries);
  - every file under /usr that build.ninja names (compilers, Qt's moc, uic, rcc and lrelease, the libraries it
    links) and every system header the compiler read (ninja's dependency log);
  - the shared libraries that the built proclab and proclab-worker link to, and those of the Qt plugins that
    proclab loads when its window opens (seen with LD_DEBUG=files), with the xcb platform plugin that a desktop
    uses in place of the tests' offscreen one;
  - the programs the tests run (ctest's own commands, and the programs the sources look up by name).

Each file is mapped to its Debian package with `dpkg -S`. A package is needed when it is neither in the list nor
in the list's dependency closure as `apt-get install --no-install-recommends` would take it (Depends and
Pre-Depends only, over the installed packages: no network), nor in the base system a minimal debootstrap has
(Essential or Priority required, and apt). Exits 0 when nothing is missing, 1 naming each missing package and a
file that needs it, 2 on bad arguments.

Usage: check_debian_packages.py --list FILE --build DIR --source DIR [--without PACKAGE]…
"""

import argparse
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time


def read_list(path):
    packages = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            name = line.split("#", 1)[0].strip()
            if name:
                packages.append(name)
    return packages


# --- the installed packages and the closure of the list ------------------------------------------------------

def installed_packages():
    """name -> (priority, essential, [dependency groups], [provided names]) for every installed package."""
    fmt = "${Package}\\t${db:Status-Status}\\t${Priority}\\t${Essential}\\t${Depends}\\t${Pre-Depends}\\t${Provides}\\n"
    out = subprocess.run(["dpkg-query", "-W", "-f=" + fmt], check=True, capture_output=True, text=True).stdout
    packages = {}
    for line in out.splitlines():
        fields = line.split("\t")
        if len(fields) != 7 or fields[1] != "installed":
            continue
        name, _, priority, essential, depends, predepends, provides = fields
        groups = [parse_group(g) for g in (depends + "," + predepends).split(",") if g.strip()]
        provided = [bare_name(p) for p in provides.split(",") if p.strip()]
        packages[name] = (priority, essential == "yes", groups, provided)
    return packages


def bare_name(relation):
    """'libc6:any (>= 2.36)' -> 'libc6'."""
    name = relation.strip().split(" ", 1)[0].split("(", 1)[0]
    return name.split(":", 1)[0]


def parse_group(group):
    return [bare_name(alternative) for alternative in group.split("|") if alternative.strip()]


def closure(roots, packages):
    """The installed packages that installing roots pulls in: Depends and Pre-Depends, recommends left out.

    An alternative ("a | b") is met by any installed alternative already taken; otherwise the first installed one
    is taken, as apt takes the first that it can install. A virtual name is met by an installed provider."""
    providers = {}
    for name, (_, _, _, provided) in packages.items():
        for virtual in provided:
            providers.setdefault(virtual, []).append(name)

    def candidates(name):
        return ([name] if name in packages else []) + providers.get(name, [])

    taken = set()
    todo = [r for r in roots if r in packages]
    while todo:
        name = todo.pop()
        if name in taken:
            continue
        taken.add(name)
        for group in packages[name][2]:
            options = [c for alternative in group for c in candidates(alternative)]
            if not options or any(o in taken for o in options):
                continue
            todo.append(options[0])
    return taken


def base_system(packages):
    """What `debootstrap --variant=minbase` installs: Essential and Priority required packages, and apt."""
    roots = [n for n, (priority, essential, _, _) in packages.items() if essential or priority == "required"]
    return closure(roots + ["apt"], packages)


# --- what the build took from the system ---------------------------------------------------------------------

def from_cmake_cache(build):
    """Config files of the packages CMake found, and the programs it found."""
    needed, besides = {}, {}
    with open(os.path.join(build, "CMakeCache.txt"), encoding="utf-8", errors="replace") as f:
        for line in f:
            m = re.match(r"^([A-Za-z0-9_.+-]+):(PATH|FILEPATH)=(/.*)$", line.rstrip("\n"))
            if not m:
                continue
            key, kind, value = m.groups()
            if kind == "PATH" and key.endswith("_DIR") and os.path.isdir(value):
                # The package's own config first, so that a missing package is named by it; the other configs
                # in the folder (Qt's plugin configs, which the package's config includes) after it.
                principal = (key[:-4] + "Config.cmake").lower(), (key[:-4] + "-config.cmake").lower()
                for entry in sorted(os.listdir(value)):
                    if entry.endswith(("Config.cmake", "-config.cmake")):
                        target = needed if entry.lower() in principal else besides
                        target.setdefault(os.path.join(value, entry), "CMake found " + key)
            elif kind == "FILEPATH" and os.path.isfile(value) and not re.search(r"\.(so(\.[0-9.]+)?|a)$", value):
                # Programs only: a library that a find module found by the way (FindOpenGL's GLU, EGL) is not
                # needed unless build.ninja links it, which from_ninja sees.
                needed.setdefault(value, "CMake found " + key)
    for path, why in besides.items():
        needed.setdefault(path, why)
    return needed


def from_ninja(build):
    """Every file under /usr that build.ninja names, and the system headers the compiler read."""
    needed = {}
    with open(os.path.join(build, "build.ninja"), encoding="utf-8", errors="replace") as f:
        for token in re.findall(r"(?<![\w.-])(/usr/[^\s:;$\"']+)", f.read()):
            if os.path.isfile(token):
                needed.setdefault(token, "build.ninja uses it")
    deps = subprocess.run(["ninja", "-C", build, "-t", "deps"], capture_output=True, text=True)
    for line in deps.stdout.splitlines():
        path = line.strip()
        if path.startswith("/usr/") and os.path.isfile(path):
            needed.setdefault(path, "the compiler read it")
    return needed


def ldd(path):
    out = subprocess.run(["ldd", path], capture_output=True, text=True).stdout
    libraries = []
    for line in out.splitlines():
        m = re.search(r"=>\s*(/\S+)", line) or re.match(r"\s*(/\S+)", line)
        if m and os.path.isfile(m.group(1)):
            libraries.append(m.group(1))
    return libraries


def plugins_loaded_by_window(proclab):
    """The Qt plugins that proclab's window loads, seen by the dynamic loader while it starts."""
    with tempfile.TemporaryDirectory(prefix="proclab-deps-") as home:
        env = dict(os.environ, HOME=home, XDG_CONFIG_HOME=home, XDG_DATA_HOME=home, XDG_CACHE_HOME=home,
                   XDG_RUNTIME_DIR=home, QT_QPA_PLATFORM="offscreen", LD_DEBUG="files",
                   LD_DEBUG_OUTPUT=os.path.join(home, "ld"))
        env.pop("DISPLAY", None)
        window = subprocess.Popen([proclab, "gui"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(4)
        window.send_signal(signal.SIGTERM)
        try:
            window.wait(15)
        except subprocess.TimeoutExpired:
            window.kill()
            window.wait()
        loaded = set()
        for entry in os.listdir(home):
            if entry.startswith("ld."):
                with open(os.path.join(home, entry), encoding="utf-8", errors="replace") as f:
                    loaded.update(re.findall(r"file=(/\S+/plugins/\S+\.so)\s", f.read()))
    return sorted(p for p in loaded if os.path.isfile(p))


def from_binaries(build):
    needed = {}
    binaries = [os.path.join(build, "bin", name) for name in ("proclab", "proclab-worker")]
    for binary in binaries:
        if not os.path.isfile(binary):
            sys.exit(f"check_debian_packages: {binary} is not built")
        for library in ldd(binary):
            needed.setdefault(library, os.path.basename(binary) + " links to it")
    plugins = plugins_loaded_by_window(binaries[0])
    if not plugins:
        sys.exit("check_debian_packages: proclab's window loaded no Qt plugin (is LD_DEBUG working?)")
    # A desktop uses the xcb platform plugin, the tests the offscreen one: take xcb from the same plugin folder.
    platforms = {os.path.dirname(p) for p in plugins if os.path.basename(os.path.dirname(p)) == "platforms"}
    for folder in platforms:
        xcb = os.path.join(folder, "libqxcb.so")
        plugins.append(xcb)
    for plugin in plugins:
        needed.setdefault(plugin, "proclab loads this Qt plugin")
        if os.path.isfile(plugin):
            for library in ldd(plugin):
                needed.setdefault(library, os.path.basename(plugin) + " links to it")
    return needed


def program_path(name):
    """A program as a fresh Debian finds it: the system's folders first (a user's PATH may put a pyenv first)."""
    for folder in ("/usr/bin", "/bin", "/usr/sbin", "/sbin"):
        candidate = os.path.join(folder, name)
        if os.path.isfile(candidate) and os.access(candidate, os.X_OK):
            return candidate
    return shutil.which(name)


def from_tests(build, source):
    needed = {}
    shown = subprocess.run(["ctest", "--show-only=json-v1"], cwd=build, capture_output=True, text=True)
    for test in json.loads(shown.stdout or "{}").get("tests", []):
        command = test.get("command") or []
        if command and not os.path.realpath(command[0]).startswith(os.path.realpath(build) + os.sep):
            path = command[0] if os.path.isabs(command[0]) else program_path(command[0])
            if path:
                needed.setdefault(path, "the test " + test.get("name", "?") + " runs it")
    # Programs the sources look up by name at run time (the tests start them through the code under test).
    for top in ("src", "tests"):
        for folder, _, files in os.walk(os.path.join(source, top)):
            for name in files:
                if not name.endswith((".cpp", ".h")):
                    continue
                with open(os.path.join(folder, name), encoding="utf-8", errors="replace") as f:
                    text = f.read()
                for program in set(re.findall(r'(?:findExecutable|\.start|::execute)\(u"([\w.+-]+)"_s', text)):
                    path = program_path(program)
                    why = os.path.join(top, name) + " runs " + program
                    needed.setdefault(path if path else "missing:" + program, why)
                for path in set(re.findall(r'u"(/(?:usr/)?s?bin/[\w.+-]+)"_s', text)):
                    if os.path.isfile(path):
                        needed.setdefault(path, os.path.join(top, name) + " runs " + path)
    return needed


# --- files to packages ---------------------------------------------------------------------------------------

def owners(paths):
    """path -> package, through dpkg -S; tries the path as given, then with /usr merged or split, then resolved."""
    def variants(path):
        seen = [path]
        if path.startswith("/usr/"):
            seen.append(path[4:])
        else:
            seen.append("/usr" + path)
        real = os.path.realpath(path)
        seen += [real, real[4:] if real.startswith("/usr/") else "/usr" + real]
        return list(dict.fromkeys(seen))

    found = {}
    pending = {p: variants(p) for p in paths}
    for round_ in range(4):
        queries = {}
        for path, options in pending.items():
            if round_ < len(options):
                queries.setdefault(options[round_], []).append(path)
        if not queries:
            break
        names = sorted(queries)
        for start in range(0, len(names), 500):
            batch = names[start:start + 500]
            out = subprocess.run(["dpkg", "-S"] + batch, capture_output=True, text=True).stdout
            for line in out.splitlines():
                package_part, _, file_part = line.partition(": ")
                if file_part in queries and not package_part.startswith("diversion by"):
                    for path in queries[file_part]:
                        found.setdefault(path, package_part.split(",")[0].split(":")[0].strip())
        pending = {p: o for p, o in pending.items() if p not in found}
    return found


def main():
    parser = argparse.ArgumentParser(description="Check that the Debian package list pulls in what the build uses.")
    parser.add_argument("--list", required=True)
    parser.add_argument("--build", required=True)
    parser.add_argument("--source", required=True)
    parser.add_argument("--without", action="append", default=[], metavar="PACKAGE",
                        help="check the list as if PACKAGE were not in it (the test that this check can fail)")
    args = parser.parse_args()
    for path in (args.list, os.path.join(args.build, "CMakeCache.txt"), os.path.join(args.build, "build.ninja")):
        if not os.path.isfile(path):
            print(f"check_debian_packages: {path} does not exist; give --list FILE --build DIR of a configured build",
                  file=sys.stderr)
            return 2

    listed = [p for p in read_list(args.list) if p not in args.without]
    packages = installed_packages()
    not_installed = [p for p in listed if p not in packages]
    pulled = closure(listed, packages) | base_system(packages)

    needed = {}
    for source in (from_cmake_cache(args.build), from_ninja(args.build), from_binaries(args.build),
                   from_tests(args.build, args.source)):
        for path, why in source.items():
            needed.setdefault(path, why)
    unknown_programs = sorted(p for p in needed if p.startswith("missing:"))
    files = [p for p in needed if not p.startswith("missing:")]
    owner = owners(files)
    source_root = os.path.realpath(args.source) + os.sep
    build_root = os.path.realpath(args.build) + os.sep
    unowned = sorted(p for p in files if p not in owner
                     and not os.path.realpath(p).startswith((source_root, build_root)))

    missing = {}
    for path in files:
        package = owner.get(path)
        if package and package not in pulled:
            missing.setdefault(package, (path, needed[path]))

    print(f"{len(listed)} packages listed, {len(pulled)} with their dependencies and the base system; "
          f"{len(files)} files the build and the tests use, from {len(set(owner.values()))} packages")
    for path in unowned:
        print(f"note: {path} ({needed[path]}) belongs to no Debian package; a bare Debian will not have it")
    for package in not_installed:
        print(f"note: {package} is listed but not installed here")
    for program in unknown_programs:
        print(f"MISSING program {program[8:]} ({needed[program]}): not found on this machine")
    for package, (path, why) in sorted(missing.items()):
        print(f"MISSING {package}: {path} ({why}) is in it, and {args.list} does not pull it in")
    if missing or unknown_programs:
        print(f"{len(missing) + len(unknown_programs)} missing; add them to {args.list}")
        return 1
    print("the package list is complete")
    return 0


if __name__ == "__main__":
    sys.exit(main())
