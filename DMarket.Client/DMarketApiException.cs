using System.Net;

namespace DMarketAspire.DMarket.Client;

/// <summary>DMarket answered with an error: the HTTP status plus DMarket's own <c>code</c>/<c>Code</c> and message.</summary>
public class DMarketApiException(HttpStatusCode statusCode, string? code, string message, string path)
    : Exception($"DMarket {path} failed with HTTP {(int)statusCode} {code}: {message}")
{
    public HttpStatusCode StatusCode { get; } = statusCode;

    public string? Code { get; } = code;

    public string ApiMessage { get; } = message;

    public string Path { get; } = path;
}
