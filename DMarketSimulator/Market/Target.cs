namespace DMarketAspire.DMarketSimulator.Market;

/// <summary>A buy order: up to <see cref="Amount"/> items of a title at <see cref="PriceCents"/> each.</summary>
public sealed class Target
{
    public const string Active = "TargetStatusActive";
    public const string Inactive = "TargetStatusInactive";

    public required string TargetId { get; init; }

    public required string GameId { get; init; }

    public required string Title { get; init; }

    public required long PriceCents { get; init; }

    public required long Amount { get; set; }

    public string Status { get; set; } = Active;

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Null for the market's other traders.</summary>
    public string? AccountId { get; init; }

    public string? FloatPartValue { get; init; }

    public string? Phase { get; init; }

    public int? PaintSeed { get; init; }
}
