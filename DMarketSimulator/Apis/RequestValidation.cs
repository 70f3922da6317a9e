using DMarketAspire.DMarket.Client;
using DMarketAspire.DMarketSimulator.Security;

namespace DMarketAspire.DMarketSimulator.Apis;

/// <summary>DMarket's own answers to bad parameters, word for word where known.</summary>
internal static class RequestValidation
{
    public const int MaxLimit = 100;

    public static IResult? Limit(HttpContext context, int? limit, bool required = false, int max = MaxLimit)
    {
        if (limit is null)
        {
            return required ? DMarketErrors.BadRequest(context, "limit: is required.") : null;
        }

        if (limit > max)
        {
            return DMarketErrors.BadRequest(context, $"limit: must be no greater than {max}.");
        }

        return limit < 1 ? DMarketErrors.BadRequest(context, "limit: must be no less than 1.") : null;
    }

    public static IResult? Game(HttpContext context, string? gameId) =>
        DMarketGames.IsKnown(gameId) ? null : DMarketErrors.Result(context, StatusCodes.Status400BadRequest, "GameIDRequired", $"gameId: must be one of {string.Join(", ", DMarketGames.All)}.");
}
