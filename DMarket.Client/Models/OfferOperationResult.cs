namespace DMarketAspire.DMarket.Client.Models;

/// <summary>One entry of a listing batch: <see cref="Key"/> is the asset id (create) or offer id (update, delete) it was for.</summary>
public sealed record OfferOperationResult(string Key, bool Successful, string? OfferId, string? FailCode, string? FailMessage);
