using DMarketAspire.DMarket.Client.Signing;

namespace DMarketAspire.AppHost.Extensions;

internal static class DMarketExtensions
{
    private const string PublicKeyConfigurationKey = "DMarket:PublicKey";
    private const string SecretKeyConfigurationKey = "DMarket:SecretKey";
    private const string BaseUrlConfigurationKey = "DMarket:BaseUrl";

    /// <summary>
    /// The real DMarket API when <c>DMarket:PublicKey</c> is configured (user secrets or <c>DMarket__PublicKey</c>) and
    /// always in the deployment manifest; otherwise the DMarket simulator, so a newcomer without keys gets the whole app.
    /// </summary>
    public static DMarketConnection AddDMarket(this IDistributedApplicationBuilder builder)
    {
        if (builder.ExecutionContext.IsPublishMode || !string.IsNullOrWhiteSpace(builder.Configuration[PublicKeyConfigurationKey]))
        {
            return new DMarketConnection(
                builder.Configuration[BaseUrlConfigurationKey] ?? DMarket.Client.DMarketOptions.RealApiBaseUrl,
                builder.AddParameterFromConfiguration("dmarket-public-key", PublicKeyConfigurationKey),
                builder.AddParameterFromConfiguration("dmarket-secret-key", SecretKeyConfigurationKey, secret: true),
                Simulator: null);
        }

        var simulator = builder.AddProject<Projects.DMarketAspire_DMarketSimulator>("dmarket-simulator")
            .WithDirectHttpEndpoint()
            .WithHttpHealthCheck("/health")
            .WithPageUrl("/_sim/ground-truth", "ground truth");
        return new DMarketConnection(BaseUrl: null, PublicKey: null, SecretKey: null, simulator);
    }

    /// <summary>
    /// Gives a service <c>DMarket__BaseUrl</c> only, for the accounts of its users (the bot): the scanner's keys stay the
    /// scanner's. With the simulator, it also waits for it.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithDMarketApi(this IResourceBuilder<ProjectResource> service, DMarketConnection dmarket) =>
        dmarket.Simulator is { } simulator
            ? service.WithEnvironment("DMarket__BaseUrl", simulator.GetEndpoint("http")).WaitFor(simulator)
            : service.WithEnvironment("DMarket__BaseUrl", dmarket.BaseUrl!);

    /// <summary>Gives a service <c>DMarket__BaseUrl</c> and its keys; with the simulator, it also waits for it.</summary>
    public static IResourceBuilder<ProjectResource> WithDMarket(this IResourceBuilder<ProjectResource> service, DMarketConnection dmarket)
    {
        if (dmarket.Simulator is { } simulator)
        {
            return service
                .WithEnvironment("DMarket__BaseUrl", simulator.GetEndpoint("http"))
                .WithEnvironment("DMarket__PublicKey", DMarketKeys.Demo.PublicKeyHex)
                .WithEnvironment("DMarket__SecretKey", DMarketKeys.Demo.SecretKeyHex())
                .WaitFor(simulator);
        }

        return service
            .WithEnvironment("DMarket__BaseUrl", dmarket.BaseUrl!)
            .WithEnvironment("DMarket__PublicKey", dmarket.PublicKey!)
            .WithEnvironment("DMarket__SecretKey", dmarket.SecretKey!);
    }
}
