using System.ComponentModel.DataAnnotations;

namespace DMarketAspire.DMarketSimulator.Faults;

/// <summary>Faults to inject into DMarket paths, set through <c>POST /_sim/faults</c>.</summary>
public sealed record FaultSettings
{
    /// <summary>Share of requests answered with <see cref="ErrorStatus"/>.</summary>
    [Range(0.0, 1.0)]
    public double ErrorRate { get; init; }

    /// <summary>A 5xx (the answer may be lost) or a 4xx (refused before it took effect).</summary>
    [Range(400, 599)]
    public int ErrorStatus { get; init; } = 500;

    /// <summary>The next N requests get a 429 regardless of pacing.</summary>
    [Range(0, 10_000)]
    public int RateLimitBurst { get; init; }

    /// <summary>Added to every response.</summary>
    [Range(0, 60_000)]
    public int LatencyMs { get; init; }

    /// <summary>Share of requests answered 200 with a truncated, invalid JSON body.</summary>
    [Range(0.0, 1.0)]
    public double MalformedRate { get; init; }

    /// <summary>Share of requests that take effect and then lose their answer (the connection drops): the worst case for a buy.</summary>
    [Range(0.0, 1.0)]
    public double LoseAnswerRate { get; init; }

    /// <summary>Added after the request took effect, before its answer leaves: a slow answer to something already done.</summary>
    [Range(0, 600_000)]
    public int AnswerDelayMs { get; init; }

    /// <summary>When set, only requests whose path starts with it get faults (e.g. <c>/exchange/v1/offers-buy</c>).</summary>
    public string? Path { get; init; }
}
