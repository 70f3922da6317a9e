using BenchmarkDotNet.Running;
using DMarketAspire.Benchmarks;

if (args is ["bare-kestrel", var file, var url])
{
    await BareKestrel.RunAsync(file, url);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(EngineBenchmarks).Assembly).Run(args);
