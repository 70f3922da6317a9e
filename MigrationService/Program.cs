using DMarketAspire.MigrationService.Extensions;

var builder = Host.CreateApplicationBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

builder.Build().Run();
