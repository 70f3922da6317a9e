using System.Globalization;
using System.Threading.RateLimiting;
using DMarketAspire.Data.Alerts;
using DMarketAspire.Api.Apis;
using DMarketAspire.Api.Caching;
using DMarketAspire.Api.Live;
using DMarketAspire.Data.Infrastructure;
using DMarketAspire.Pricing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DMarketAspire.Api.Extensions;

public static class Extensions
{
    public const string CorsPolicy = "configured-origins";

    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<PricingOptions>().BindConfiguration(PricingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<PriceAlertOptions>().BindConfiguration(PriceAlertOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        builder.AddNpgsqlDbContext<DMarketDbContext>(DMarketDbContext.ConnectionName);
        builder.AddRedisClient("cache");
        // Users' own accounts only, for the buys they make through the Api: it has no DMarket keys of its own.
        builder.AddDMarketClient(requireServiceKeys: false);
        builder.AddSecretProtection();
        builder.AddTrading();

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<OpportunityEngine>();
        builder.Services.AddSingleton<ReadCache>();
        builder.Services.AddScoped<PriceAlertBook>();
        builder.Services.AddSingleton<LiveFeed>();
        builder.Services.AddHostedService<OpportunityEventsListener>();

        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();
        builder.Services.AddRateLimiter(options =>
        {
            options.AddPolicy(OpportunitiesApi.RateLimitPolicy, context =>
            {
                var limits = context.RequestServices.GetRequiredService<IOptions<ApiOptions>>().Value;
                return RateLimitPartition.GetTokenBucketLimiter(ClientKey(context), _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = limits.Burst,
                    TokensPerPeriod = limits.PermitsPerSecond,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
            options.OnRejected = async (rejected, cancellationToken) =>
            {
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
                var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
                var http = rejected.HttpContext;
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails = new ProblemDetails
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Title = "Too many requests.",
                        Detail = $"This client sent more than its share of requests; try again in {seconds} s.",
                    },
                });
            };
        });

        var origins = builder.Configuration.GetSection($"{ApiOptions.SectionName}:{nameof(ApiOptions.CorsOrigins)}").Get<string[]>() ?? [];
        if (origins.Length > 0)
        {
            builder.Services.AddCors(options => options.AddPolicy(CorsPolicy, policy => policy.WithOrigins(origins).AllowAnyHeader().WithMethods(HttpMethods.Get)));
        }
    }

    /// <summary>Rate-limit partition: the Api key's hash when the request carries one (so each key has its own budget), else the client's IP address.</summary>
    public static string ClientKey(HttpContext context) =>
        context.Request.Headers[Me.ApiKeyFilter.HeaderName].FirstOrDefault() is { Length: > 0 } key
            ? "key:" + ApiKeyHasher.Hash(key)
            : context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    public static WebApplication UseApplicationMiddleware(this WebApplication app)
    {
        if (app.Services.GetService<Microsoft.AspNetCore.Cors.Infrastructure.ICorsService>() is not null)
        {
            app.UseCors(CorsPolicy);
        }

        app.UseStatusCodePages();
        var page = new PhysicalFileProvider(Path.Combine(AppContext.BaseDirectory, "wwwroot"));
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = page });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = page });
        app.UseRateLimiter();
        return app;
    }
}
