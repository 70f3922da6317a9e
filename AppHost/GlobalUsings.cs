global using DMarketAspire.AppHost.Extensions;
