namespace DMarketAspire.AppHost.Extensions;

/// <summary>Where the services reach DMarket: the real API with the user's keys, or the simulator.</summary>
internal sealed record DMarketConnection(
    string? BaseUrl,
    IResourceBuilder<ParameterResource>? PublicKey,
    IResourceBuilder<ParameterResource>? SecretKey,
    IResourceBuilder<ProjectResource>? Simulator);
