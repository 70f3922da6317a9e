using DMarketAspire.DMarket.Client;
using DMarketAspire.Pricing;
using DMarketAspire.Scanner.Scanning;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DMarketAspire.UnitTests.Scanner;

/// <summary>The configuration binder appends to non-empty lists; configured games and levels must replace the defaults.</summary>
public sealed class ScannerConfigurationTests
{
    private static ServiceProvider Bind(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        services.AddOptions<ScannerOptions>().BindConfiguration(ScannerOptions.SectionName);
        services.AddOptions<PricingOptions>().BindConfiguration(PricingOptions.SectionName);
        services.AddSingleton<OpportunityEngine>();
        return services.BuildServiceProvider();
    }

    [Fact]
    public void ConfiguredGamesAndLevelsReplaceTheDefaults()
    {
        using var provider = Bind(new()
        {
            ["Scanner:Games:0"] = DMarketGames.Rust,
            ["Pricing:Levels:0:Name"] = "cheap",
            ["Pricing:Levels:0:MinPriceCents"] = "10",
            ["Pricing:Levels:0:MaxPriceCents"] = "500",
            ["Pricing:Levels:0:MinProfitPercent"] = "3.5",
            ["Pricing:BlacklistWords:0"] = "souvenir",
        });

        Assert.Equal([DMarketGames.Rust], provider.GetRequiredService<IOptions<ScannerOptions>>().Value.EffectiveGames);
        var engine = provider.GetRequiredService<OpportunityEngine>();
        Assert.Equal([new ScanLevel("cheap", 10, 500, 3.5m)], engine.Levels);
        Assert.True(engine.Describe("Souvenir AWP | Safari Mesh (Field-Tested)", default, default).Blacklisted);
        Assert.False(engine.Describe("Operation Breakout Weapon Case", default, default).Blacklisted);
    }

    [Fact]
    public void WithoutConfigurationTheDefaultsApply()
    {
        using var provider = Bind([]);

        Assert.Equal(DMarketGames.All, provider.GetRequiredService<IOptions<ScannerOptions>>().Value.EffectiveGames);
        Assert.Equal(["boost", "standard", "medium", "advanced", "pro"], provider.GetRequiredService<OpportunityEngine>().Levels.Select(l => l.Name));
    }
}
