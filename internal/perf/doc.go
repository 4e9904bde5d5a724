// Package perf holds archdoc's scale benchmarks: loading and validating,
// laying out each kind of view, each renderer, the full build, a serve
// reload and `archdoc diagram` against native Graphviz, on the example
// and on generated models (internal/synth) of 20, 100, 300 and 1000
// modules. The Goal benchmarks (goals_test.go) measure the rows of the
// README's performance table as a user meets them: whole archdoc
// processes with their Graphviz workers (wall and CPU time, the process
// tree's peak memory), serve's edit-to-reload time, and a first run with
// an empty cache. CI runs them once each (-benchtime=1x) so they cannot rot;
// the README's performance section quotes them.
//
// The 1000-module cases of the older benchmarks take minutes and run
// only with ARCHDOC_BENCH_LARGE=1; BenchmarkGoalBuild/N=1000, a goal row,
// always runs (one build, well under 30 s on an idle 2-core machine).
package perf
