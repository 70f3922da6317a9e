using DMarketAspire.DMarket.Client.Signing;
using DMarketAspire.Scanner.Extensions;
using DMarketAspire.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;

namespace DMarketAspire.IntegrationTests.Scanner;

/// <summary>A Scanner replica wired exactly as its Program.cs wires it, against test PostgreSQL, Redis and simulator.</summary>
public static class ScannerHost
{
    public static Task<TestWebServer> StartAsync(string database, string redis, Uri simulator, string keyPrefix, string replica, params (string Key, string Value)[] settings) =>
        TestWebServer.StartAsync(
            app => app.MapDefaultEndpoints(),
            builder =>
            {
                var configuration = builder.Configuration;
                configuration["ConnectionStrings:dmarketdb"] = database;
                configuration["ConnectionStrings:cache"] = redis;
                configuration["DMarket:BaseUrl"] = simulator.ToString();
                configuration["DMarket:PublicKey"] = DMarketKeys.Demo.PublicKeyHex;
                configuration["DMarket:SecretKey"] = DMarketKeys.Demo.SecretKeyHex();
                configuration["DMarket:MeterName"] = "DMarketAspire.Scanner";
                configuration["Scanner:RedisKeyPrefix"] = keyPrefix;
                configuration["Scanner:ReplicaId"] = replica;
                configuration["Scanner:UnitCooldown"] = "00:00:00.200";
                configuration["Scanner:LeaseDuration"] = "00:00:10";
                configuration["Scanner:Games:0"] = "a8db";
                configuration["Scanner:Games:1"] = "rust";
                configuration["Resilience:DMarketClient:Retry:Delay"] = "00:00:00.050";
                foreach (var (key, value) in settings)
                {
                    configuration[key] = value;
                }

                builder.AddServiceDefaults();
                builder.AddApplicationServices();
            });
}
