namespace DMarketAspire.Api.Autopilots;

/// <summary>Switches the autopilot on (clearing a pause) or off.</summary>
public sealed record NewAutopilotSwitch(bool? Enabled);
