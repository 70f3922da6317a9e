namespace DMarketAspire.Data.Domain;

/// <summary>One pass of the scanner over a game and level: what it priced, found and spent.</summary>
public sealed class Scan
{
    public long Id { get; set; }

    public required string GameId { get; set; }

    public required string Level { get; set; }

    public required string Replica { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public int OffersPriced { get; set; }

    public int OpportunitiesFound { get; set; }

    public int OpportunitiesUpdated { get; set; }

    public int OpportunitiesGone { get; set; }

    public int Requests { get; set; }

    public int Errors { get; set; }

    /// <summary>Running, Completed or Failed.</summary>
    public required string Status { get; set; }

    public string? Error { get; set; }
}
