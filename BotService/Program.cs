using DMarketAspire.BotService.Extensions;
using DMarketAspire.BotService.Telegram;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapTelegramWebhook();

app.Run();
