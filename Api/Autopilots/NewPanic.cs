namespace DMarketAspire.Api.Autopilots;

/// <summary>After stopping the autopilot and cancelling this app's buy orders: <c>stop</c> (nothing more), <c>delist</c> or <c>sell</c> (at the best buy order).</summary>
public sealed record NewPanic(string? Then);
