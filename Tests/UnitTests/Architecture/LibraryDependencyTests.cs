using System.Reflection;
using DMarketAspire.Coordination;
using DMarketAspire.Data.Infrastructure;
using DMarketAspire.DMarket.Client;
using DMarketAspire.Pricing;
using DMarketAspire.Trading.Buying;

namespace DMarketAspire.UnitTests.Architecture;

/// <summary>
/// What each library may depend on, read from its compiled references: the DMarket client stands alone (no database,
/// no Redis, no ASP.NET Core), the pricing engine does no I/O, the data library knows neither DMarket nor Redis, the
/// trading library knows no chat and no service.
/// </summary>
public sealed class LibraryDependencyTests
{
    private static readonly string[] Storage = ["Microsoft.EntityFrameworkCore", "Npgsql", "StackExchange.Redis"];

    public static TheoryData<string, string[]> Forbidden => new()
    {
        { nameof(DMarketClient), [.. Storage, "Microsoft.AspNetCore", "DMarketAspire."] },
        { nameof(OpportunityEngine), [.. Storage, "System.Net.Http", "Microsoft.Extensions.Http", "Microsoft.AspNetCore", "DMarketAspire.Data", "DMarketAspire.Coordination"] },
        { nameof(DMarketDbContext), ["StackExchange.Redis", "System.Net.Http", "DMarketAspire."] },
        { nameof(RedisLeases), ["Microsoft.EntityFrameworkCore", "Npgsql", "DMarketAspire."] },
        // Trading serves the bot and the Api alike: no Telegram, no Redis, no service of ours.
        { nameof(BuyDesk), ["StackExchange.Redis", "Telegram.", "DMarketAspire.BotService", "DMarketAspire.Api", "DMarketAspire.Coordination", "DMarketAspire.Pricing"] },
    };

    [Theory]
    [MemberData(nameof(Forbidden))]
    public void ALibraryReferencesOnlyWhatItIsFor(string library, string[] forbiddenPrefixes)
    {
        var assembly = Library(library);

        var references = assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.NotEmpty(references);
        Assert.All(references, name => Assert.DoesNotContain(forbiddenPrefixes, prefix => name.StartsWith(prefix, StringComparison.Ordinal)));
    }

    [Fact]
    public void ThePricingEngineReadsTheDMarketModelsAndNothingElseOfOurs()
    {
        var ours = Library(nameof(OpportunityEngine)).GetReferencedAssemblies().Select(a => a.Name!).Where(n => n.StartsWith("DMarketAspire.", StringComparison.Ordinal));

        Assert.Equal(["DMarketAspire.DMarket.Client"], ours);
    }

    private static Assembly Library(string type) => type switch
    {
        nameof(DMarketClient) => typeof(DMarketClient).Assembly,
        nameof(OpportunityEngine) => typeof(OpportunityEngine).Assembly,
        nameof(DMarketDbContext) => typeof(DMarketDbContext).Assembly,
        nameof(RedisLeases) => typeof(RedisLeases).Assembly,
        nameof(BuyDesk) => typeof(BuyDesk).Assembly,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };
}
