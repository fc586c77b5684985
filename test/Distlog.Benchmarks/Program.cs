using BenchmarkDotNet.Running;
using Distlog.Benchmarks.Clef;

// Not typeof(Program): distlogd's own Program is visible here too (InternalsVisibleTo).
BenchmarkSwitcher.FromAssembly(typeof(ClefReadBenchmarks).Assembly).Run(args);
