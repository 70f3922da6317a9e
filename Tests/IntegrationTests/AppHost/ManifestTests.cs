using System.Diagnostics;
using System.Text.Json.Nodes;
using DMarketAspire.IntegrationTests.Infrastructure;

namespace DMarketAspire.IntegrationTests.AppHost;

/// <summary><c>--publisher manifest</c>: what azd reads, checked against Aspire's schema and Aspire's own output.</summary>
public sealed class ManifestTests
{
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromSeconds(60);
    private static readonly string SharedData = Path.Combine(AppContext.BaseDirectory, "Specs");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheManifestIsValidAspire80AndShapedLikeAspiresOwn()
    {
        var folder = Directory.CreateTempSubdirectory("manifest-").FullName;
        try
        {
            var path = await PublishAsync(folder);

            // Valid against the schema, by an independent validator (Python's jsonschema, draft-07).
            var validation = await RunAsync("python3", ["-c", "import json,sys,jsonschema; jsonschema.validate(json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))); print('valid')",
                path, Path.Combine(SharedData, "aspire-8.0.schema.json")]);
            Assert.True(validation.ExitCode == 0, $"Schema validation failed: {validation.Output}");

            var manifest = JsonNode.Parse(await File.ReadAllTextAsync(path, Ct))!["resources"]!.AsObject();
            var example = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(SharedData, "example-aspire-manifest.json"), Ct))!["resources"]!.AsObject();
            string TypeOf(JsonObject resources, string name) => resources[name]!["type"]!.GetValue<string>();

            // The same resource types Aspire writes for the same things, and none azd rejects (executable.v0).
            var exampleTypes = example.Select(r => TypeOf(example, r.Key)).ToHashSet();
            Assert.All(manifest, r => Assert.Contains(TypeOf(manifest, r.Key), exampleTypes));
            Assert.Equal(TypeOf(example, "postgres"), TypeOf(manifest, "postgres"));
            Assert.Equal(TypeOf(example, "catalogdb"), TypeOf(manifest, "dmarketdb"));
            Assert.Equal(TypeOf(example, "basketcache"), TypeOf(manifest, "cache"));
            Assert.Equal(TypeOf(example, "postgres-password"), TypeOf(manifest, "postgres-password"));
            Assert.Equal(TypeOf(example, "catalogservice"), TypeOf(manifest, "api"));

            // PostgreSQL and Redis as Aspire writes them: same env names, connection-string shape and bindings.
            Assert.Equal(Keys(example["postgres"]!["env"]), Keys(manifest["postgres"]!["env"]));
            Assert.Equal(example["postgres"]!["connectionString"]!.GetValue<string>(), manifest["postgres"]!["connectionString"]!.GetValue<string>());
            Assert.Equal("{postgres.connectionString};Database=dmarketdb", manifest["dmarketdb"]!["connectionString"]!.GetValue<string>());
            Assert.Equal(Keys(example["basketcache"]!["env"]), Keys(manifest["cache"]!["env"]));
            Assert.StartsWith("{cache.bindings.tcp.host}:{cache.bindings.tcp.port},password={cache-password.value}", manifest["cache"]!["connectionString"]!.GetValue<string>());
            Assert.Equal(example["postgres"]!["bindings"]!.ToJsonString(), manifest["postgres"]!["bindings"]!.ToJsonString());
            Assert.Equal(22, manifest["postgres-password"]!["inputs"]!["value"]!["default"]!["generate"]!["minLength"]!.GetValue<int>());
            Assert.True(manifest["postgres-password"]!["inputs"]!["value"]!["secret"]!.GetValue<bool>());

            // Services: paths relative to the manifest, Aspire's env, references as expressions, the Api's endpoint external.
            var api = manifest["api"]!;
            Assert.True(File.Exists(Path.Combine(folder, api["path"]!.GetValue<string>())), "The project path resolves from the manifest's folder.");
            Assert.Equal("{dmarketdb.connectionString}", api["env"]!["ConnectionStrings__dmarketdb"]!.GetValue<string>());
            Assert.Equal("{cache.connectionString}", api["env"]!["ConnectionStrings__cache"]!.GetValue<string>());
            Assert.Equal("{api.bindings.http.targetPort}", api["env"]!["HTTP_PORTS"]!.GetValue<string>());
            Assert.True(api["bindings"]!["http"]!["external"]!.GetValue<bool>());
            Assert.Null(manifest["migrations"]!["bindings"]);

            // Deployed, the scanner talks to the real DMarket with keys the deployment asks for; no simulator is shipped.
            var scanner = manifest["scanner"]!["env"]!;
            Assert.Equal("https://api.dmarket.com", scanner["DMarket__BaseUrl"]!.GetValue<string>());
            Assert.Equal("{dmarket-secret-key.value}", scanner["DMarket__SecretKey"]!.GetValue<string>());
            Assert.True(manifest["dmarket-secret-key"]!["inputs"]!["value"]!["secret"]!.GetValue<bool>());
            Assert.Null(manifest["dmarket-simulator"]);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// Lean mode (<c>deploy/systemd/lean</c>) runs each service as its own systemd unit with the configuration the AppHost
    /// would give it: a service added to the AppHost, a connection or a runtime setting it is given, must not be missing there.
    /// </summary>
    [Fact]
    public async Task TheLeanUnitsRunEveryProjectOfTheManifestWithItsConnectionStrings()
    {
        var folder = Directory.CreateTempSubdirectory("manifest-").FullName;
        try
        {
            var manifest = JsonNode.Parse(await File.ReadAllTextAsync(await PublishAsync(folder), Ct))!["resources"]!.AsObject();
            var lean = Path.Combine(Executables.RepositoryRoot(), "deploy", "systemd", "lean");
            var leanEnv = await File.ReadAllTextAsync(Path.Combine(lean, "install-lean.sh"), Ct);
            var ports = new HashSet<string>();
            foreach (var (name, resource) in manifest.Where(r => r.Value!["type"]!.GetValue<string>() == "project.v0"))
            {
                var unitPath = Path.Combine(lean, $"dmarket-aspire-{name}.service");
                Assert.True(File.Exists(unitPath), $"No lean unit for the AppHost's project '{name}' ({unitPath}).");
                var unit = await File.ReadAllTextAsync(unitPath, Ct);
                var project = Path.GetFileNameWithoutExtension(resource!["path"]!.GetValue<string>());
                Assert.Contains($"/{project}.dll", unit, StringComparison.Ordinal);
                Assert.Contains("EnvironmentFile=/etc/dmarket-aspire/lean.env", unit, StringComparison.Ordinal);
                foreach (var key in resource["env"]!.AsObject().Select(e => e.Key).Where(k => k.StartsWith("ConnectionStrings__", StringComparison.Ordinal)))
                {
                    Assert.Contains($"\n{key}=", leanEnv, StringComparison.Ordinal);
                }

                // A service with an HTTP endpoint listens on its own loopback port (the migrations have none).
                if (resource["bindings"] is not null)
                {
                    var url = unit.Split('\n').Single(l => l.StartsWith("Environment=ASPNETCORE_URLS=", StringComparison.Ordinal));
                    Assert.StartsWith("Environment=ASPNETCORE_URLS=http://127.0.0.1:", url, StringComparison.Ordinal);
                    Assert.True(ports.Add(url), $"Two lean units listen on {url}.");

                    // The runtime settings the AppHost gives a service (RecompileOnlyHotMethods), the same in its unit.
                    var runtime = resource["env"]!.AsObject().Where(e => e.Key.StartsWith("DOTNET_", StringComparison.Ordinal)).ToList();
                    Assert.NotEmpty(runtime);
                    foreach (var (key, value) in runtime)
                    {
                        Assert.Contains($"\nEnvironment={key}={value!.GetValue<string>()}\n", unit, StringComparison.Ordinal);
                    }
                }
                else
                {
                    Assert.Contains("Type=oneshot", unit, StringComparison.Ordinal);
                }
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<string> PublishAsync(string folder)
    {
        var path = Path.Combine(folder, "aspire-manifest.json");
        using var appHost = AppHostProcess.Start(["--publisher", "manifest", "--output-path", path]);
        Assert.Equal(0, await appHost.WaitForExitAsync(PublishTimeout));
        Assert.True(File.Exists(path), appHost.Output);
        return path;
    }

    private static List<string> Keys(JsonNode? node) => node!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal).ToList();

    private static async Task<(int ExitCode, string Output)> RunAsync(string fileName, string[] arguments)
    {
        var startInfo = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo)!;
        var output = await process.StandardOutput.ReadToEndAsync(Ct) + await process.StandardError.ReadToEndAsync(Ct);
        await process.WaitForExitAsync(Ct);
        return (process.ExitCode, output);
    }
}
