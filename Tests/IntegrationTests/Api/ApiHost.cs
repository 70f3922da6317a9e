using DMarketAspire.Api.Apis;
using DMarketAspire.Api.Extensions;
using DMarketAspire.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;

namespace DMarketAspire.IntegrationTests.Api;

/// <summary>The Api on a real loopback port, wired as its Program.cs wires it.</summary>
public static class ApiHost
{
    public static Task<TestWebServer> StartAsync(string database, string redis, params (string Key, string Value)[] settings) =>
        TestWebServer.StartAsync(
            app =>
            {
                app.UseApplicationMiddleware();
                app.MapDefaultEndpoints();
                app.MapOpenApi();
                app.MapOpportunitiesApi();
                app.MapItemsApi();
                app.MapStatsApi();
                app.MapScansApi();
                app.MapMeApi();
                app.MapTradingApi();
                app.MapAutopilotApi();
            },
            builder =>
            {
                builder.Configuration["ConnectionStrings:dmarketdb"] = database;
                builder.Configuration["ConnectionStrings:cache"] = redis;
                builder.Configuration["Api:PermitsPerSecond"] = "10000";
                builder.Configuration["Api:Burst"] = "10000";
                builder.Configuration["Api:PollInterval"] = "00:00:00.500";
                foreach (var (key, value) in settings)
                {
                    builder.Configuration[key] = value;
                }

                builder.AddServiceDefaults();
                builder.AddApplicationServices();
            });
}
