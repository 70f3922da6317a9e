using System.Net;

namespace DMarketAspire.DMarket.Client;

/// <summary>A 401: DMarket did not accept the signature. Almost always wrong keys or a clock off by more than 2 minutes.</summary>
public sealed class DMarketAuthenticationException(string? code, string message, string path, TimeSpan clockOffset)
    : DMarketApiException(HttpStatusCode.Unauthorized, code, message, path)
{
    public TimeSpan ClockOffset { get; } = clockOffset;

    public override string Message =>
        $"DMarket rejected the request signature for {Path} (HTTP 401 {Code}: {ApiMessage}). Check that DMarket:PublicKey " +
        $"and DMarket:SecretKey are one pair and that the machine clock is right (measured offset from DMarket: {ClockOffset.TotalSeconds:0} s).";
}
