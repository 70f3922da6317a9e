global using DMarketAspire.AppHost.Extensions;
global using Microsoft.Extensions.Configuration;
