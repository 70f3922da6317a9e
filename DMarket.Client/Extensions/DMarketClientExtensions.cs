using DMarketAspire.DMarket.Client;
using DMarketAspire.DMarket.Client.RateLimiting;
using DMarketAspire.DMarket.Client.Signing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace Microsoft.Extensions.Hosting;

public static class DMarketClientExtensions
{
    private static bool ChangesState(ResilienceContext context) =>
        context.GetRequestMessage() is { } request && request.Options.TryGetValue(DMarketHttpOptions.ChangesState, out var changes) && changes;

    /// <summary>
    /// Registers <see cref="DMarketClient"/>: options from the <c>DMarket</c> section (keys validated at start),
    /// per-group pacing (<see cref="IDMarketRateLimiter"/>, in-process unless one is registered first), signing and
    /// clock-skew correction, on top of the ServiceDefaults resilience. Without <paramref name="requireServiceKeys"/> the
    /// service may have no keys of its own and act only for accounts (<see cref="DMarketClient.ForAccount"/>).
    /// </summary>
    public static IHttpClientBuilder AddDMarketClient(this IHostApplicationBuilder builder, bool requireServiceKeys = true)
    {
        var services = builder.Services;
        services.AddOptions<DMarketOptions>().BindConfiguration(DMarketOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DMarketOptions>>(new DMarketOptionsValidator(requireServiceKeys)));
        services.AddOptions<DMarketRateLimitOptions>().BindConfiguration($"{DMarketOptions.SectionName}:RateLimits").ValidateDataAnnotations().ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<DMarketClock>();
        services.TryAddSingleton<DMarketMetrics>();
        services.TryAddSingleton<DMarketRateGroups>();
        services.TryAddSingleton<DMarketAccountLimiters>();
        services.TryAddSingleton<IDMarketRateLimiter, LocalDMarketRateLimiter>();
        services.TryAddTransient<DMarketRateLimitHandler>();
        services.TryAddTransient<DMarketSigningHandler>();

        var client = services.AddHttpClient<DMarketClient>((provider, http) =>
            http.BaseAddress = new Uri(provider.GetRequiredService<IOptions<DMarketOptions>>().Value.BaseUrl));

        // A standard handler of its own, named after the client (configurable under Resilience:DMarketClient), and
        // outside pacing and signing: every retry waits for the rate budget again and is signed afresh.
        // EXTEXP0001: marked for evaluation in Microsoft.Extensions.Http.Resilience 10.x; it is the documented way to
        // replace the handler ConfigureHttpClientDefaults gives every client.
#pragma warning disable EXTEXP0001
        client.RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        client.AddStandardResilienceHandler().Configure(options =>
        {
            // A buy, a listing or a buy order whose answer is lost may have happened: retrying it could buy twice.
            var transient = options.Retry.ShouldHandle;
            options.Retry.ShouldHandle = async args =>
                await transient(args) && (!ChangesState(args.Context) || args.Outcome.Result?.StatusCode == System.Net.HttpStatusCode.TooManyRequests);
        });
        return client
            .AddHttpMessageHandler<DMarketRateLimitHandler>()
            .AddHttpMessageHandler<DMarketSigningHandler>();
    }
}
