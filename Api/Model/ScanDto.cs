namespace DMarketAspire.Api.Model;

public sealed record ScanDto(
    long Id, string GameId, string Level, string Replica, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, string Status,
    int OffersPriced, int OpportunitiesFound, int OpportunitiesUpdated, int OpportunitiesGone, string? Error);
