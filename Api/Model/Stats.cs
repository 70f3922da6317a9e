namespace DMarketAspire.Api.Model;

/// <summary>The last 24 hours per game and level, and in total.</summary>
public sealed record Stats(DateTimeOffset Since, Stats.Figures Total, IReadOnlyList<Stats.UnitFigures> ByGameAndLevel)
{
    public sealed record Figures(long OffersPriced, long OpportunitiesFound, long OpportunitiesActive, long Scans);

    public sealed record UnitFigures(string GameId, string Level, long OffersPriced, long OpportunitiesFound, long OpportunitiesActive, long Scans);
}
