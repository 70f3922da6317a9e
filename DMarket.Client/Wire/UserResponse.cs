namespace DMarketAspire.DMarket.Client.Wire;

internal sealed record UserResponse(string Id, string? Username, string? PublicKey, UserResponse.UserSettings? Settings)
{
    internal sealed record UserSettings(int TargetsLimit);
}
