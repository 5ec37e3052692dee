"""evaluate: checkers for hand-made gold (the seed-gold.json format), shared by tests and benchmarks."""
