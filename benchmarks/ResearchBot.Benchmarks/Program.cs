using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/ResearchBot.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(ResearchBot.Benchmarks.BenchCorpus).Assembly).Run(args);
