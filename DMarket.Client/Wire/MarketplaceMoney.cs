using System.Text.Json.Serialization;
using DMarketAspire.DMarket.Client.Json;

namespace DMarketAspire.DMarket.Client.Wire;

/// <summary>marketplace-api v1 money: <c>{"Currency":"USD","Amount":10.5}</c>, Amount in dollars; held here in cents.</summary>
internal sealed record MarketplaceMoney(
    [property: JsonPropertyName("Currency")] string Currency,
    [property: JsonPropertyName("Amount"), JsonConverter(typeof(DollarsConverter))] long AmountCents);
