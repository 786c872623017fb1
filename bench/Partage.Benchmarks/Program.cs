using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Partage.Benchmarks.MemberListBenchmarks).Assembly).Run(args);
