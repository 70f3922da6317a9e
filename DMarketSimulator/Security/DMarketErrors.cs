using Microsoft.AspNetCore.Http;

namespace DMarketAspire.DMarketSimulator.Security;

/// <summary>Errors in the shape of the family the request was for, as DMarket answers them.</summary>
public static class DMarketErrors
{
    public static IResult Result(HttpContext context, int status, string code, string message) =>
        Results.Json(Body(ApiFamilies.Of(context.Request.Path), status, code, message), SimulatorJson.Options, statusCode: status);

    public static Task WriteAsync(HttpContext context, int status, string code, string message)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(Body(ApiFamilies.Of(context.Request.Path), status, code, message), SimulatorJson.Options);
    }

    public static IResult BadRequest(HttpContext context, string message) =>
        Result(context, StatusCodes.Status400BadRequest, "BadRequest", message);

    private static object Body(ApiFamily family, int status, string code, string message) => family switch
    {
        ApiFamily.MarketplaceV1 => new { Code = code, Message = message },
        ApiFamily.MarketplaceV2 => new { error = code, code = GrpcCode(status), message },
        _ => (object)new { code, message },
    };

    private static int GrpcCode(int status) => status switch
    {
        StatusCodes.Status400BadRequest => 3,
        StatusCodes.Status401Unauthorized => 16,
        StatusCodes.Status404NotFound => 5,
        StatusCodes.Status429TooManyRequests => 8,
        _ => 13,
    };
}
