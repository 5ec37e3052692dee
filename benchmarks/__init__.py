"""newsgraph's benchmark suite: `python -m benchmarks [--only TASK] [--limit N]`."""
