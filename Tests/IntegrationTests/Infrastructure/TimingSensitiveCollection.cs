namespace DMarketAspire.IntegrationTests.Infrastructure;

/// <summary>
/// Tests that measure requests per second at a server run alone, after the parallel ones: what they measure is the
/// system's pacing, not how long a test host running dozens of tests at once takes to schedule a continuation.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimingSensitiveCollection
{
    public const string Name = "Timing-sensitive";
}
