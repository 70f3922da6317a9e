using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Http.Resilience;

/// <summary>Binds <c>Resilience:Default</c>, then <c>Resilience:&lt;client name&gt;</c>, over the code defaults.</summary>
internal sealed class HttpStandardResilienceOptionsSetup(IConfiguration configuration) : IConfigureNamedOptions<HttpStandardResilienceOptions>
{
    public void Configure(HttpStandardResilienceOptions options) => Configure(Microsoft.Extensions.Options.Options.DefaultName, options);

    public void Configure(string? name, HttpStandardResilienceOptions options)
    {
        var section = configuration.GetSection(ResilienceHttpClientBuilderExtensions.ConfigurationSection);
        section.GetSection(ResilienceHttpClientBuilderExtensions.DefaultsSection).Bind(options);

        var suffix = StandardResiliencePipelineFactory.OptionsNameSuffix;
        if (name is not null && name.EndsWith(suffix, StringComparison.Ordinal))
        {
            section.GetSection(name[..^suffix.Length]).Bind(options);
        }
    }
}
