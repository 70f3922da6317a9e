namespace DMarketAspire.DMarket.Client.Wire;

/// <summary>Every family's error shape at once: {code, message}, {Code, Message}, and v2's {error, code:int, message}.</summary>
internal sealed record ErrorBody(System.Text.Json.JsonElement? Code, string? Message, string? Error);
