var builder = DistributedApplication.CreateBuilder(Headless.Options(args));

// Aspire's containers where Docker or Podman answers, and in the deployment manifest; else the machine's binaries.
var postgres = builder.AddPostgres("postgres").WithDataVolume().RunAsExecutableWithoutContainerRuntime().WithRestartPolicy();
var database = postgres.AddDatabase("dmarketdb").WithBackups();
var cache = builder.AddRedis("cache").RunAsExecutableWithoutContainerRuntime().WithRestartPolicy();

var migrations = builder.AddProject<Projects.DMarketAspire_MigrationService>("migrations")
    .WithReference(database).WaitFor(database);

// The real DMarket API when keys are configured, else the simulator with its demo account.
var dmarket = builder.AddDMarket();

// Telegram with a configured bot token, else the Telegram simulator and its browser chat page.
var telegram = builder.AddTelegram();

builder.AddProject<Projects.DMarketAspire_Scanner>("scanner")
    .WithReference(database).WithReference(cache).WithDMarket(dmarket)
    .WaitFor(cache).WaitForCompletion(migrations)
    .WithHttpHealthCheck("/health")
    .WithRestartPolicy()
    .WithReplicas(builder.Configuration.GetValue("Scanner:Replicas", 1));

builder.AddProject<Projects.DMarketAspire_BotService>("botservice")
    .WithReference(database).WithReference(cache).WithTelegram(telegram).WithDMarketApi(dmarket)
    .WaitFor(cache).WaitForCompletion(migrations)
    .WithHttpHealthCheck("/health")
    .WithRestartPolicy()
    .WithReplicas(builder.Configuration.GetValue("BotService:Replicas", 1));

builder.AddProject<Projects.DMarketAspire_Api>("api")
    .WithReference(database).WithReference(cache).WithDMarketApi(dmarket)
    .WaitFor(cache).WaitForCompletion(migrations)
    .WithHttpHealthCheck("/health")
    .WithRestartPolicy()
    .WithExternalHttpEndpoints()
    .WithPageUrl("/", "web page").WithPageUrl("/openapi/v1.json", "OpenAPI");

builder.RunProjectsFromBuildOutput().RecompileOnlyHotMethods().KeepDashboardSmall().DropTelemetryWhenHeadless().AddStartupSummary();

builder.Build().Run();
