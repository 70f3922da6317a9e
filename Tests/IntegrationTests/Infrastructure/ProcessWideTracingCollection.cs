namespace DMarketAspire.IntegrationTests.Infrastructure;

/// <summary>
/// Tests that assert what is left out of traces, run alone: a listener another test adds (one that records every span,
/// as the bot's secret checks do) makes .NET record an activity every sampler of the process dropped.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessWideTracingCollection
{
    public const string Name = "Process-wide tracing";
}
