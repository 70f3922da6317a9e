namespace DMarketAspire.Api.Autopilots;

/// <summary>Paper or live; live moves money and needs <c>confirm: true</c> and DMarket keys connected.</summary>
public sealed record NewAutopilotMode(string? Mode, bool Confirm);
