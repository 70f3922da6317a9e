using DMarketAspire.DMarketSimulator.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddDMarketSimulator();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapDMarketSimulator();

app.Run();
