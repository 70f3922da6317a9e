namespace DMarketAspire.DMarket.Client.Models;

/// <summary>One entry of a batch create or delete: DMarket reports failures per item in a 200, so they are returned, not thrown.</summary>
public sealed record TargetOperationResult(string? TargetId, string? Title, bool Successful, string? ErrorCode, string? ErrorMessage);
