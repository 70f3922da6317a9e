namespace DMarketAspire.DMarket.Client.Models;

public sealed record UserProfile(string Id, string Username, string PublicKey, int TargetsLimit);
