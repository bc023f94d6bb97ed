#!/usr/bin/env python3
"""Fails when Cargo.lock holds a crate version that crates.io has yanked.

cargo-deny finds yanked crates only in its advisories check, which needs the RustSec
database from GitHub; this asks the crates.io index itself, which the build reaches anyway.
Usage: scripts/yanked.py [Cargo.lock]
"""
import json
import sys
import tomllib
import urllib.request
from concurrent.futures import ThreadPoolExecutor

CRATES_IO = "registry+https://github.com/rust-lang/crates.io-index"


def index_path(name: str) -> str:
    name = name.lower()
    if len(name) <= 2:
        return f"{len(name)}/{name}"
    if len(name) == 3:
        return f"3/{name[0]}/{name}"
    return f"{name[:2]}/{name[2:4]}/{name}"


def yanked_versions(name: str) -> set[str]:
    url = f"https://index.crates.io/{index_path(name)}"
    with urllib.request.urlopen(url, timeout=30) as response:
        lines = response.read().decode().splitlines()
    return {entry["vers"] for entry in map(json.loads, lines) if entry.get("yanked")}


def main() -> int:
    lock_path = sys.argv[1] if len(sys.argv) > 1 else "Cargo.lock"
    with open(lock_path, "rb") as lock:
        packages = tomllib.load(lock)["package"]
    from_registry = [(p["name"], p["version"]) for p in packages if p.get("source") == CRATES_IO]
    names = sorted({name for name, _ in from_registry})
    with ThreadPoolExecutor(max_workers=16) as pool:
        yanked = dict(zip(names, pool.map(yanked_versions, names)))
    found = [f"{name} {version}" for name, version in from_registry if version in yanked[name]]
    if found:
        print("Yanked from crates.io (run `cargo update -p NAME`):", *found, sep="\n  ")
        return 1
    print(f"None of the {len(from_registry)} crates from crates.io is yanked.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
