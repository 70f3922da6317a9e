using System.Text.Json.Serialization;
using DMarketAspire.DMarket.Client.Json;

namespace DMarketAspire.DMarket.Client.Wire;

internal sealed record BalanceResponse(
    [property: JsonConverter(typeof(CentsStringConverter))] long Usd,
    [property: JsonConverter(typeof(CentsStringConverter))] long UsdAvailableToWithdraw,
    [property: JsonConverter(typeof(CentsStringConverter))] long UsdTradeProtected,
    [property: JsonConverter(typeof(CentsStringConverter))] long Dmc,
    [property: JsonConverter(typeof(CentsStringConverter))] long DmcAvailableToWithdraw);
