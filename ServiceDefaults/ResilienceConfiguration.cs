using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Binds <c>Resilience:Default</c> over the standard handler's defaults of every HttpClient, then
/// <c>Resilience:&lt;client name&gt;</c> for a client with a standard handler of its own (the DMarket client:
/// <c>Resilience__DMarketClient__Retry__MaxRetryAttempts=5</c>).
/// </summary>
internal sealed class ResilienceConfiguration(IConfiguration configuration) : IConfigureNamedOptions<HttpStandardResilienceOptions>
{
    public const string Section = "Resilience";
    public const string DefaultsSection = "Default";
    private const string StandardSuffix = "-standard";

    public void Configure(HttpStandardResilienceOptions options) => Configure(Options.Options.DefaultName, options);

    public void Configure(string? name, HttpStandardResilienceOptions options)
    {
        var section = configuration.GetSection(Section);
        section.GetSection(DefaultsSection).Bind(options);
        // ConfigureHttpClientDefaults' handler is named "-standard" for every client; a client that registers its own
        // standard handler (RemoveAllResilienceHandlers, then AddStandardResilienceHandler) gets "<client>-standard".
        if (name is not null && name.Length > StandardSuffix.Length && name.EndsWith(StandardSuffix, StringComparison.Ordinal))
        {
            section.GetSection(name[..^StandardSuffix.Length]).Bind(options);
        }
    }
}
