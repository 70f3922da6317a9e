using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

public static class ResilienceHttpClientBuilderExtensions
{
    /// <summary>Every client's options are bound from this section, then from <c>Resilience:&lt;client name&gt;</c>.</summary>
    public const string ConfigurationSection = "Resilience";

    public const string DefaultsSection = "Default";

    /// <summary>
    /// Adds the standard resilience handler: concurrency limit, total timeout, retry, circuit breaker, attempt
    /// timeout. Per client, options come from <c>Resilience:Default</c> then <c>Resilience:&lt;client name&gt;</c>
    /// (for example <c>Resilience:DMarketClient:Retry:MaxRetryAttempts</c>), then from <paramref name="configure"/>.
    /// </summary>
    public static IHttpClientBuilder AddStandardResilienceHandler(this IHttpClientBuilder builder, Action<HttpStandardResilienceOptions>? configure = null)
    {
        var services = builder.Services;
        services.TryAddSingleton<StandardResiliencePipelineFactory>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<HttpStandardResilienceOptions>, HttpStandardResilienceOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<HttpStandardResilienceOptions>, HttpStandardResilienceOptionsSetup>());
        if (configure is not null)
        {
            // Runs after the configuration binding, so code has the last word for this client (or all of them).
            services.Configure(builder.Name is null ? null : StandardResiliencePipelineFactory.OptionsName(builder.Name), configure);
        }

        // A null name (ConfigureHttpClientDefaults) configures every client; the handler learns its client's name here.
        services.Configure<HttpClientFactoryOptions>(builder.Name, factoryOptions =>
            factoryOptions.HttpMessageHandlerBuilderActions.Add(handlerBuilder =>
            {
                var clientName = handlerBuilder.Name ?? Options.Options.DefaultName;
                var pipelines = handlerBuilder.Services.GetRequiredService<StandardResiliencePipelineFactory>();
                handlerBuilder.AdditionalHandlers.Add(new ResilienceHandler(pipelines.GetPipeline(clientName)));
            }));

        return builder;
    }
}
