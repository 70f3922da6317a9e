using DMarketAspire.DMarketSimulator.Market;

namespace DMarketAspire.DMarketSimulator.Security;

public static class HttpContextAccountExtensions
{
    /// <summary>The account whose signature the request carried (set by <see cref="SignatureVerificationMiddleware"/>).</summary>
    public static Account Account(this HttpContext context) =>
        context.Items[SignatureVerificationMiddleware.AccountItem] as Account
        ?? throw new InvalidOperationException("The request was not authenticated.");
}
