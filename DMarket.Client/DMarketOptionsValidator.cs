using DMarketAspire.DMarket.Client.Signing;
using Microsoft.Extensions.Options;

namespace DMarketAspire.DMarket.Client;

/// <summary>The base URL always; the service's own keys when it needs them (a bot acting only for its users has none).</summary>
internal sealed class DMarketOptionsValidator(bool requireServiceKeys) : IValidateOptions<DMarketOptions>
{
    public ValidateOptionsResult Validate(string? name, DMarketOptions options)
    {
        List<string> failures = [];
        if (!Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out _))
        {
            failures.Add($"DMarket:BaseUrl '{options.BaseUrl}' is not an absolute URL.");
        }

        // A service acting only for its users may have no keys at all; half a pair is a mistake whoever has it.
        var anyKey = !string.IsNullOrWhiteSpace(options.PublicKey) || !string.IsNullOrWhiteSpace(options.SecretKey);
        if ((requireServiceKeys || anyKey) && (string.IsNullOrWhiteSpace(options.PublicKey) || string.IsNullOrWhiteSpace(options.SecretKey)))
        {
            failures.Add("Set DMarket:PublicKey and DMarket:SecretKey (environment DMarket__PublicKey, DMarket__SecretKey). " +
                "For the simulator, its demo keys are in the README.");
        }
        else if (anyKey && !DMarketKeys.TryParse(options.PublicKey, options.SecretKey, out _, out var error))
        {
            failures.Add($"DMarket keys: {error}");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
