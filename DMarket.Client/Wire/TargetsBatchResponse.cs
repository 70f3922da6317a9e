namespace DMarketAspire.DMarket.Client.Wire;

/// <summary>Create and delete answer per item: <c>{"Result":[{"TargetID","Successful","Error":{Code,Message},"CreateTarget"|"DeleteTarget"}]}</c>.</summary>
internal sealed record TargetsBatchResponse(List<TargetsBatchResponse.ResultEntry>? Result)
{
    internal sealed record ResultEntry(string? TargetId, bool Successful, ResultError? Error, Echo? CreateTarget, Echo? DeleteTarget);

    internal sealed record ResultError(string? Code, string? Message);

    internal sealed record Echo(string? Title, string? TargetId);
}
