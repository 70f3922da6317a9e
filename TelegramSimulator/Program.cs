using DMarketAspire.TelegramSimulator.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddTelegramSimulator();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapTelegramSimulator();

app.Run();
