using DMarketAspire.Data.Domain;

namespace DMarketAspire.BotService.Cards;

/// <summary>What a card shows of an opportunity (read from the opportunities table).</summary>
public sealed record OpportunityView(
    long Id, string GameId, string Level, string Title, long BuyPriceCents, long ResaleCents, decimal FeeFraction, long ProfitCents, decimal ProfitPercent, int Liquidity,
    OpportunityAttributes Attributes);
