"""Sample webshops served on loopback for the tests, `bereikbaar demo` and the benchmarks."""

from bereikbaar.samples.server import UNIVERSE_DIR, SampleServer, load_manifest
from bereikbaar.samples.synthetic import SyntheticUniverse, synthetic_server

__all__ = ["UNIVERSE_DIR", "SampleServer", "SyntheticUniverse", "load_manifest", "synthetic_server"]
