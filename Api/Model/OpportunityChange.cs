namespace DMarketAspire.Api.Model;

/// <summary>One change pushed to live pages: Found, Updated or Gone, with the opportunity as it is now.</summary>
public sealed record OpportunityChange(long EventId, string Kind, OpportunityDto Opportunity);
