using DMarketAspire.Api.Apis;
using DMarketAspire.Api.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseApplicationMiddleware();
app.MapDefaultEndpoints();
app.MapOpenApi();

app.MapOpportunitiesApi();
app.MapItemsApi();
app.MapStatsApi();
app.MapScansApi();
app.MapMeApi();
app.MapTradingApi();
app.MapAutopilotApi();

app.Run();
