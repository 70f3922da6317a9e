namespace DMarketAspire.TelegramSimulator.Faults;

/// <summary>
/// An injected failure: calls to <see cref="Method"/> (any when null) for <see cref="ChatId"/> (any when null) get
/// <see cref="Status"/> (429 with <see cref="RetryAfter"/>, 5xx, 403...) after <see cref="DelayMs"/>, for the next
/// <see cref="Times"/> matching calls or <see cref="Seconds"/> seconds. Status 200 with a delay is a slow answer.
/// </summary>
public sealed record FaultRule(string? Method, long? ChatId, int Status, int? RetryAfter, int DelayMs, int? Times, double? Seconds, string? Description);
