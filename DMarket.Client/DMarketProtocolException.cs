namespace DMarketAspire.DMarket.Client;

/// <summary>DMarket's answer could not be read (malformed or truncated JSON): nothing in it is trusted.</summary>
public sealed class DMarketProtocolException(string path, Exception inner)
    : Exception($"DMarket {path} returned a body that is not the expected JSON: {inner.Message}", inner)
{
    public string Path { get; } = path;
}
