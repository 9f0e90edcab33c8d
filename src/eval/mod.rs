//! Scorers for the public benchmarks (see the `evaluate` binary).
