using System.ComponentModel.DataAnnotations;

namespace DMarketAspire.Api;

/// <summary>Bound from the <c>Api</c> section.</summary>
public sealed class ApiOptions
{
    public const string SectionName = "Api";

    /// <summary>Requests per second each client (IP address) may make to /api, after its burst.</summary>
    [Range(1, 1_000_000)]
    public int PermitsPerSecond { get; set; } = 50;

    [Range(1, 1_000_000)]
    public int Burst { get; set; } = 100;

    /// <summary>Hot reads are cached until the scanner signals a change, and never longer than this.</summary>
    public TimeSpan CacheTtl { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the outbox is read when no Redis signal came (the signal is only a wake-up call).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Origins allowed to call the Api from a browser; none (the default) leaves CORS off.</summary>
    public List<string> CorsOrigins { get; set; } = [];
}
