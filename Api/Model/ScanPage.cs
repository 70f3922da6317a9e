namespace DMarketAspire.Api.Model;

public sealed record ScanPage(IReadOnlyList<ScanDto> Items, string? NextCursor);
